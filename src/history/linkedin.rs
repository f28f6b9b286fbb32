//! LinkedIn's data export, `Shares.csv` (Settings > Data privacy > Get a copy of your data): one row per post,
//! columns `Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl, Visibility`. The post's text is
//! `ShareCommentary` (quoted, with line breaks, commas and doubled quotes); a share without commentary (a bare
//! repost) has nothing to coach and is skipped as empty.

use std::io::Read;

use super::csv_text::{read_columns, Columns};
use super::{Entry, ReadError};
use crate::Platform;

pub fn read(reader: impl Read, emit: &mut impl FnMut(Entry)) -> Result<(), ReadError> {
    let columns = Columns {
        text: "ShareCommentary",
        date: "Date",
        platform: None,
        fixed_platform: Some(Platform::Linkedin),
    };
    read_columns(reader, &columns, emit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::Location;

    #[test]
    fn commentary_date_and_platform() {
        let csv = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
            2024-03-15 09:12:44,https://www.linkedin.com/feed/update/1,\"What went wrong, \"\"really\"\"?\n\nTell me.\",,,MEMBER_NETWORK\n\
            2024-03-16 10:00:00,https://www.linkedin.com/feed/update/2,,https://example.com,,MEMBER_NETWORK\n";
        let mut out = Vec::new();
        read(csv.as_bytes(), &mut |e| out.push(e)).unwrap();
        let Entry::Post(post) = &out[0] else { panic!("{out:?}") };
        assert_eq!(post.text, "What went wrong, \"really\"?\n\nTell me.");
        assert_eq!(post.date.as_deref(), Some("2024-03-15"));
        assert_eq!(post.platform, Some(Platform::Linkedin));
        assert_eq!(out[1], Entry::Empty(Location::Line(5)));
    }
}
