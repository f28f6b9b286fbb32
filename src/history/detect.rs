//! Which export a file is, from its first bytes (a file renamed `export (1).csv` is still recognised).
//!
//! - `window.YTD.` opening a script: X's `tweets.js` (older archives: `tweet.js`);
//! - a JSON list (`[`) of objects with `timestamp`, `data`, `title` or `attachments`: Facebook's posts;
//! - a JSON object on the first line with a `text` key: JSON Lines;
//! - a CSV header with `ShareCommentary`: LinkedIn's `Shares.csv`; with a `text` column: a CSV of posts.

use std::fmt;
use std::io::{self, Cursor, Read};

use super::ReadError;

/// The export formats postcoach reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    LinkedinShares,
    FacebookPosts,
    XTweets,
    JsonLines,
    CsvText,
}

impl Format {
    /// The formats, as error messages list them.
    pub const KNOWN: &'static str = "LinkedIn's Shares.csv, Facebook's your_posts_1.json, X's tweets.js, \
        JSON Lines ({\"text\", \"date\"?, \"platform\"?} per line) and CSV with a text column";

    pub fn describe(self) -> &'static str {
        match self {
            Format::LinkedinShares => "LinkedIn Shares.csv",
            Format::FacebookPosts => "Facebook posts (your_posts_1.json)",
            Format::XTweets => "X archive (tweets.js)",
            Format::JsonLines => "JSON Lines",
            Format::CsvText => "CSV with a text column",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// How much of the start of a file detection looks at.
const HEAD: usize = 8 * 1024;

/// A reader that starts again at the first byte detection looked at.
pub type Replay<R> = io::Chain<Cursor<Vec<u8>>, R>;

/// The file's format and a reader that starts again at its first byte (after a UTF-8 byte order mark).
pub fn detect<R: Read>(mut reader: R) -> Result<(Format, Replay<R>), ReadError> {
    let mut head = Vec::with_capacity(HEAD);
    (&mut reader).take(HEAD as u64).read_to_end(&mut head)?;
    let bom = if head.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    let format = format_of(&head[bom..]).ok_or(ReadError::Unrecognised)?;
    let mut start = Cursor::new(head);
    start.set_position(bom as u64);
    Ok((format, start.chain(reader)))
}

fn format_of(head: &[u8]) -> Option<Format> {
    let trimmed = head.trim_ascii_start();
    if trimmed.starts_with(b"window.YTD.") {
        return Some(Format::XTweets);
    }
    if let Some(list) = trimmed.strip_prefix(b"[") {
        let list = list.trim_ascii_start();
        let facebook = ["\"timestamp\"", "\"data\"", "\"title\"", "\"attachments\""]
            .iter()
            .any(|key| contains(list, key.as_bytes()));
        return (list.starts_with(b"]") || (list.starts_with(b"{") && facebook))
            .then_some(Format::FacebookPosts);
    }
    if trimmed.starts_with(b"{") {
        let first_line = trimmed.split(|&b| b == b'\n').next().unwrap_or_default();
        return contains(first_line, b"\"text\"").then_some(Format::JsonLines);
    }
    let mut header = csv::StringRecord::new();
    let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(head);
    if !csv.read_record(&mut header).ok()? {
        return None;
    }
    let has = |name: &str| header.iter().any(|h| h.trim().eq_ignore_ascii_case(name));
    if has("ShareCommentary") {
        Some(Format::LinkedinShares)
    } else if has("text") {
        Some(Format::CsvText)
    } else {
        None
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(text: &str) -> Option<Format> {
        detect(text.as_bytes()).ok().map(|(format, _)| format)
    }

    #[test]
    fn recognises_each_export_by_content() {
        assert_eq!(format("window.YTD.tweets.part0 = [ {"), Some(Format::XTweets));
        assert_eq!(format("[\n  {\n    \"timestamp\": 1700000000,"), Some(Format::FacebookPosts));
        assert_eq!(format("[]"), Some(Format::FacebookPosts));
        assert_eq!(format("{\"text\": \"hi\"}\n"), Some(Format::JsonLines));
        assert_eq!(
            format("\u{feff}Date,ShareLink,ShareCommentary,SharedUrl\n"),
            Some(Format::LinkedinShares)
        );
        assert_eq!(format("id,Text,date\n1,hello,2024-01-01\n"), Some(Format::CsvText));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert_eq!(format(""), None);
        assert_eq!(format("name,email\nAda,ada@example.com\n"), None);
        assert_eq!(format("[1, 2, 3]"), None);
        assert_eq!(format("{\"body\": \"no text key\"}"), None);
        assert_eq!(format("\u{1}\u{2}binary"), None);
    }

    #[test]
    fn the_reader_starts_again_after_the_byte_order_mark() {
        let (_, mut reader) = detect("\u{feff}text\nhello\n".as_bytes()).unwrap();
        let mut all = String::new();
        reader.read_to_string(&mut all).unwrap();
        assert_eq!(all, "text\nhello\n");
    }
}
