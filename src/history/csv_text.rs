//! CSV exports, read with the `csv` crate (quoted fields with commas, doubled quotes and line breaks): a CSV of
//! posts with a `text` column (and optional `date` and `platform` columns), and the reading LinkedIn's
//! `Shares.csv` shares (`linkedin`). Columns are found by header name, in any case and order.

use std::io::Read;

use super::{date, post_or_empty, Entry, Location, Problem, ReadError};
use crate::Platform;

/// Which columns hold a post's parts, and the platform when no column says.
pub struct Columns {
    pub text: &'static str,
    pub date: &'static str,
    pub platform: Option<&'static str>,
    pub fixed_platform: Option<Platform>,
}

/// A CSV with a `text` column.
pub fn read(reader: impl Read, emit: &mut impl FnMut(Entry)) -> Result<(), ReadError> {
    let columns = Columns { text: "text", date: "date", platform: Some("platform"), fixed_platform: None };
    read_columns(reader, &columns, emit)
}

/// Read every row, handing on each post (or why its row could not be read).
pub fn read_columns(
    reader: impl Read,
    columns: &Columns,
    emit: &mut impl FnMut(Entry),
) -> Result<(), ReadError> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = csv.headers().map_err(|e| stopped(&e, 1))?.clone();
    let find = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let Some(text_at) = find(columns.text) else {
        let at = Location::Line(1);
        return Err(ReadError::Stopped(Problem { at, message: format!("no {} column", columns.text) }));
    };
    let date_at = find(columns.date);
    let platform_at = columns.platform.and_then(find);
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let at = Location::Line(record.position().map_or(0, |p| p.line()));
                emit(row(&record, at, text_at, date_at, platform_at, columns.fixed_platform));
            }
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => return Err(stopped(&e, 0)),
            Err(e) => {
                let at = Location::Line(e.position().map_or(0, |p| p.line()));
                emit(Entry::Bad(Problem { at, message: reason(&e) }));
            }
        }
    }
}

fn row(
    record: &csv::StringRecord,
    at: Location,
    text_at: usize,
    date_at: Option<usize>,
    platform_at: Option<usize>,
    fixed_platform: Option<Platform>,
) -> Entry {
    let Some(text) = record.get(text_at) else {
        let message = format!("the row has {} fields, so no text (column {})", record.len(), text_at + 1);
        return Entry::Bad(Problem { at, message });
    };
    let platform = match platform_at.and_then(|i| record.get(i)).map(str::trim).filter(|p| !p.is_empty()) {
        Some(name) => match name.parse::<Platform>() {
            Ok(platform) => Some(platform),
            Err(e) => return Entry::Bad(Problem { at, message: e.to_string() }),
        },
        None => fixed_platform,
    };
    let date = date_at.and_then(|i| record.get(i)).and_then(date::iso);
    post_or_empty(text.to_string(), date, platform, at)
}

fn reason(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            format!("field {} is not valid UTF-8 (save the file as UTF-8)", err.field() + 1)
        }
        _ => error.to_string(),
    }
}

fn stopped(error: &csv::Error, line: u64) -> ReadError {
    match error.kind() {
        csv::ErrorKind::Io(e) => ReadError::Io(std::io::Error::new(e.kind(), e.to_string())),
        _ => ReadError::Stopped(Problem { at: Location::Line(line), message: reason(error) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(csv: &[u8]) -> Vec<Entry> {
        let mut out = Vec::new();
        read(csv, &mut |e| out.push(e)).unwrap();
        out
    }

    #[test]
    fn quoted_fields_dates_and_platforms() {
        let out =
            entries(b"date,Text,platform\n2024-01-05,\"Hello, \"\"friends\"\"\nline two\",fb\n,plain,\n");
        let Entry::Post(first) = &out[0] else { panic!("{out:?}") };
        assert_eq!(first.text, "Hello, \"friends\"\nline two");
        assert_eq!(first.date.as_deref(), Some("2024-01-05"));
        assert_eq!(first.platform, Some(Platform::Facebook));
        let Entry::Post(second) = &out[1] else { panic!("{out:?}") };
        assert_eq!((second.at, second.date.clone(), second.platform), (Location::Line(4), None, None));
    }

    #[test]
    fn bad_rows_are_named_and_reading_goes_on() {
        let out = entries(b"text,platform\nfine,x\n\"caf\xe9\",x\nhello,myspace\n,x\nshort\nlast,linkedin\n");
        assert!(matches!(&out[0], Entry::Post(p) if p.platform == Some(Platform::X)));
        assert!(matches!(&out[1], Entry::Bad(p) if p.at == Location::Line(3) && p.message.contains("UTF-8")));
        assert!(
            matches!(&out[2], Entry::Bad(p) if p.at == Location::Line(4) && p.message.contains("myspace"))
        );
        assert_eq!(out[3], Entry::Empty(Location::Line(5)));
        assert!(matches!(&out[4], Entry::Post(p) if p.text == "short"));
        assert!(matches!(&out[5], Entry::Post(p) if p.text == "last"));
    }
}
