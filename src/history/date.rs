//! Dates as the exports write them, turned into ISO days (`YYYY-MM-DD`), the form the audit groups by month.
//!
//! - LinkedIn: `2024-03-15 09:12:44`; JSON Lines and CSV: any date starting `YYYY-MM-DD` or `YYYY-MM`
//!   (ISO 8601, `/` also accepted): `iso`;
//! - Facebook: seconds since 1970 (UTC): `from_unix`;
//! - X: `Wed Oct 10 20:19:24 +0000 2018` (UTC): `from_twitter`.

/// The day (or month) a date string starts with, `YYYY-MM-DD` or `YYYY-MM`.
pub fn iso(text: &str) -> Option<String> {
    let b = text.trim().as_bytes();
    let digits =
        |range: std::ops::Range<usize>| b.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let sep = |i: usize| matches!(b.get(i), Some(b'-' | b'/'));
    if !(digits(0..4) && sep(4) && digits(5..7)) {
        return None;
    }
    let month: u32 = std::str::from_utf8(&b[5..7]).ok()?.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let day_given = sep(7) && digits(8..10) && !b.get(10).is_some_and(u8::is_ascii_digit);
    let year = std::str::from_utf8(&b[0..4]).ok()?;
    Some(if day_given {
        format!("{year}-{month:02}-{}", std::str::from_utf8(&b[8..10]).ok()?)
    } else {
        format!("{year}-{month:02}")
    })
}

/// The UTC day of a Unix time in seconds.
pub fn from_unix(seconds: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// X's `created_at`: `Wed Oct 10 20:19:24 +0000 2018`.
pub fn from_twitter(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [_, month, day, _, _, year] = parts.as_slice() else { return None };
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: u32 = year.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    Some(format!("{year}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days_and_months() {
        assert_eq!(iso("2024-03-15 09:12:44").as_deref(), Some("2024-03-15"));
        assert_eq!(iso("2024/3/15"), None);
        assert_eq!(iso("2024/03/15").as_deref(), Some("2024-03-15"));
        assert_eq!(iso("2024-03").as_deref(), Some("2024-03"));
        assert_eq!(iso("2024-13-01"), None);
        assert_eq!(iso("yesterday"), None);
        assert_eq!(iso("2024-03-155"), Some("2024-03".into()), "a day is two digits");
    }

    #[test]
    fn unix_days() {
        assert_eq!(from_unix(0), "1970-01-01");
        assert_eq!(from_unix(1_709_251_199), "2024-02-29");
        assert_eq!(from_unix(1_709_251_200), "2024-03-01");
        assert_eq!(from_unix(-1), "1969-12-31");
    }

    #[test]
    fn twitter_dates() {
        assert_eq!(from_twitter("Wed Oct 10 20:19:24 +0000 2018").as_deref(), Some("2018-10-10"));
        assert_eq!(from_twitter("Fri Mar 01 08:00:00 +0000 2024").as_deref(), Some("2024-03-01"));
        assert_eq!(from_twitter("2018-10-10"), None);
    }
}
