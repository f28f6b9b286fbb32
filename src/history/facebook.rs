//! Facebook's "Download your information" posts file, `your_posts_1.json` (JSON format; more files
//! `your_posts_2.json`... for long histories): a list of
//! `{"timestamp": 1700000000, "data": [{"post": "..."}], "title": "...", "attachments": [...]}`.
//!
//! The text is the `post` of `data` (several are joined by a blank line); entries without one (a shared photo, a
//! check-in) are skipped as empty. `title` ("Ada updated her status.") is Facebook's, not the author's, and is
//! not coached. The export writes every byte of UTF-8 as its own `\u00XX` escape (`’` arrives as
//! `\u00e2\u0080\u0099`, read as "â€™"); `repair_mojibake` puts the characters back.

use std::io::Read;

use serde::Deserialize;

use super::{date, json_array, post_or_empty, Entry, Problem, ReadError};
use crate::Platform;

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    timestamp: Option<i64>,
    #[serde(default)]
    data: Vec<Data>,
}

#[derive(Deserialize)]
struct Data {
    #[serde(default)]
    post: Option<String>,
}

pub fn read(reader: impl Read, emit: &mut impl FnMut(Entry)) -> Result<(), ReadError> {
    json_array::read(reader, |at, item: Result<Item, String>| {
        emit(match item {
            Ok(item) => {
                let parts: Vec<String> =
                    item.data.into_iter().filter_map(|d| d.post).map(repair_mojibake).collect();
                let date = item.timestamp.map(date::from_unix);
                post_or_empty(parts.join("\n\n"), date, Some(Platform::Facebook), at)
            }
            Err(reason) => {
                Entry::Bad(Problem { at, message: format!("not a post as Facebook writes them: {reason}") })
            }
        })
    })
}

/// Undo Facebook's export encoding: a string whose characters are all below U+0100 and which, read as bytes,
/// is valid UTF-8 is that UTF-8. Text already right (any character above U+00FF, or bytes that are not UTF-8,
/// such as a genuine "café" in Latin-1 terms) is kept as it is.
pub fn repair_mojibake(text: String) -> String {
    if !text.chars().any(|c| ('\u{80}'..='\u{ff}').contains(&c)) || text.chars().any(|c| c > '\u{ff}') {
        return text;
    }
    let bytes: Vec<u8> = text.chars().map(|c| c as u8).collect();
    String::from_utf8(bytes).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::Location;

    #[test]
    fn repairs_the_exports_mojibake_and_keeps_good_text() {
        assert_eq!(
            repair_mojibake("We\u{e2}\u{80}\u{99}re here \u{f0}\u{9f}\u{98}\u{8a}".into()),
            "We’re here 😊"
        );
        assert_eq!(repair_mojibake("caf\u{e9}".into()), "café", "not valid UTF-8 as bytes: kept");
        assert_eq!(repair_mojibake("We’re here".into()), "We’re here");
        assert_eq!(repair_mojibake("plain".into()), "plain");
    }

    #[test]
    fn posts_dates_and_entries_without_text() {
        let json = r#"[
          {"timestamp": 1709251200, "data": [{"post": "Caf\u00c3\u00a9 talk: what\u00e2\u0080\u0099s yours?"}], "title": "Ada updated her status."},
          {"timestamp": 1709251300, "attachments": [{"data": []}], "title": "Ada shared a photo."},
          {"timestamp": "yesterday", "data": []}
        ]"#;
        let mut out = Vec::new();
        read(json.as_bytes(), &mut |e| out.push(e)).unwrap();
        let Entry::Post(post) = &out[0] else { panic!("{out:?}") };
        assert_eq!(post.text, "Café talk: what’s yours?");
        assert_eq!(post.date.as_deref(), Some("2024-03-01"));
        assert_eq!(out[1], Entry::Empty(Location::Entry(2)));
        assert!(
            matches!(&out[2], Entry::Bad(p) if p.at == Location::Entry(3) && p.message.contains("invalid type"))
        );
    }
}
