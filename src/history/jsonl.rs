//! JSON Lines: one `{"text": ..., "date"?: ..., "platform"?: ...}` per line (other keys are ignored, so the
//! files `postcoach check --jsonl` reads work too). Blank lines are skipped; a line that is not UTF-8, not JSON
//! or has no `text` is a problem of that line only.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;

use super::{date, json_reason, post_or_empty, Entry, Location, Problem, ReadError};
use crate::Platform;

#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    platform: Option<String>,
}

pub fn read(reader: impl Read, emit: &mut impl FnMut(Entry)) -> Result<(), ReadError> {
    let mut reader = BufReader::new(reader);
    let mut bytes = Vec::new();
    let mut number = 0u64;
    loop {
        bytes.clear();
        if reader.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(());
        }
        number += 1;
        if bytes.trim_ascii().is_empty() {
            continue;
        }
        let at = Location::Line(number);
        emit(entry(&bytes, at).unwrap_or_else(|message| Entry::Bad(Problem { at, message })));
    }
}

fn entry(bytes: &[u8], at: Location) -> Result<Entry, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("column {}: not valid UTF-8 (save the file as UTF-8)", e.valid_up_to() + 1))?;
    let line: Line = serde_json::from_str(text).map_err(|e| line_error(&e))?;
    let platform =
        line.platform.as_deref().map(str::parse::<Platform>).transpose().map_err(|e| e.to_string())?;
    Ok(post_or_empty(line.text, line.date.as_deref().and_then(date::iso), platform, at))
}

/// Why one line of JSON Lines is not a post: its JSON is broken (with the column), or it has no `text` string.
/// Shared with `postcoach check --jsonl`.
pub fn line_error(error: &serde_json::Error) -> String {
    let reason = json_reason(error);
    if error.is_data() {
        // Wrong shape: serde's own words name the field ("missing field `text`").
        format!("expected {{\"text\": ...}}: {reason}")
    } else {
        format!("not valid JSON at column {}: {reason}", error.column())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_and_bad_lines() {
        let input = b"{\"text\": \"Hi there\", \"date\": \"2024-02-03T10:00:00Z\", \"platform\": \"twitter\"}\n\n\
            not json\n{\"body\": 1}\n{\"text\": \"x\", \"platform\": \"myspace\"}\n{\"text\": \"caf\xe9\"}\r\n{\"text\": \"last\"}";
        let mut out = Vec::new();
        read(&input[..], &mut |e| out.push(e)).unwrap();
        let Entry::Post(first) = &out[0] else { panic!("{out:?}") };
        assert_eq!((first.date.as_deref(), first.platform), (Some("2024-02-03"), Some(Platform::X)));
        let bad: Vec<(Location, &str)> = out[1..5]
            .iter()
            .map(|e| match e {
                Entry::Bad(p) => (p.at, p.message.as_str()),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(bad[0].0, Location::Line(3));
        assert!(bad[0].1.starts_with("not valid JSON"));
        assert!(bad[1].1.contains("`text`"));
        assert!(bad[2].1.contains("myspace"));
        assert!(bad[3].1.contains("UTF-8") && bad[3].0 == Location::Line(6));
        assert!(matches!(&out[5], Entry::Post(p) if p.text == "last" && p.at == Location::Line(7)));
    }
}
