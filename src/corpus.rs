//! Labelled corpora (`../shared/corpus/*.jsonl`) as the fit and the evaluation read them, and the split of each
//! into a training part and a validation part.
//!
//! Each line is `{"text", "label": "sales" | "balanced" | "value" | 1 | 0, "platform"?, "id"?, "source"?}`.
//! The split is fixed, so the figures of `postcoach eval --part validation` are on posts the fit never saw:
//! - `real-linkedin`: posts whose id number is divisible by 5 (a random fifth: ids were assigned in scrape
//!   order across the three sources);
//! - `posts-dev`: ids divisible by 4 (30 of 120);
//! - `youtube-spam`: every comment of one video, `Shakira` (the hidden check uses other videos);
//! - any other file: every fifth line.

use std::fmt;
use std::io::BufRead;

use serde::Deserialize;

use crate::Platform;

/// The label of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    Sales,
    Balanced,
    Value,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Sales => "sales",
            Label::Balanced => "balanced",
            Label::Value => "value",
        }
    }

    /// The rank on the scale from conversation (0) to sales pitch (2).
    pub fn rank(self) -> usize {
        match self {
            Label::Value => 0,
            Label::Balanced => 1,
            Label::Sales => 2,
        }
    }
}

/// Which part of a corpus a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Train,
    Validation,
}

/// Which lines to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Select {
    #[default]
    All,
    Only(Part),
}

impl Select {
    pub fn keeps(self, part: Part) -> bool {
        self == Select::All || self == Select::Only(part)
    }
}

/// One labelled line.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line number in its file.
    pub line: usize,
    pub text: String,
    pub label: Label,
    pub platform: Platform,
    pub id: Option<String>,
    pub source: Option<String>,
}

/// A line that could not be read.
#[derive(Debug)]
pub enum CorpusError {
    Io { line: usize, error: std::io::Error },
    Json { line: usize, error: serde_json::Error },
    Label { line: usize, label: String },
    Platform { line: usize, error: crate::UnknownPlatform },
    Empty,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { line, error } => write!(f, "line {line}: cannot read: {error}"),
            CorpusError::Json { line, error } => {
                write!(f, "line {line}: not a JSON object with text and label: {error}")
            }
            CorpusError::Label { line, label } => {
                write!(f, "line {line}: unknown label {label} (expected sales, balanced, value, 1 or 0)")
            }
            CorpusError::Platform { line, error } => write!(f, "line {line}: {error}"),
            CorpusError::Empty => write!(f, "no labelled lines to evaluate"),
        }
    }
}

impl std::error::Error for CorpusError {}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawLabel {
    Text(String),
    Number(i64),
    Bool(bool),
}

#[derive(Deserialize)]
struct Line {
    text: String,
    label: RawLabel,
    #[serde(default)]
    platform: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

fn parse_label(raw: RawLabel, line: usize) -> Result<Label, CorpusError> {
    match raw {
        RawLabel::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
            "sales" | "spam" | "1" => Ok(Label::Sales),
            "balanced" => Ok(Label::Balanced),
            "value" | "ham" | "0" => Ok(Label::Value),
            _ => Err(CorpusError::Label { line, label: format!("{s:?}") }),
        },
        RawLabel::Number(1) | RawLabel::Bool(true) => Ok(Label::Sales),
        RawLabel::Number(0) | RawLabel::Bool(false) => Ok(Label::Value),
        RawLabel::Number(n) => Err(CorpusError::Label { line, label: n.to_string() }),
    }
}

/// Every labelled line of `reader` (blank lines skipped).
pub fn read(reader: impl BufRead) -> Result<Vec<Row>, CorpusError> {
    let mut rows = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let number = n + 1;
        let line = line.map_err(|error| CorpusError::Io { line: number, error })?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line =
            serde_json::from_str(&line).map_err(|error| CorpusError::Json { line: number, error })?;
        let label = parse_label(parsed.label, number)?;
        let platform = match &parsed.platform {
            Some(p) => p.parse().map_err(|error| CorpusError::Platform { line: number, error })?,
            None => Platform::Generic,
        };
        rows.push(Row {
            line: number,
            text: parsed.text,
            label,
            platform,
            id: parsed.id,
            source: parsed.source,
        });
    }
    Ok(rows)
}

/// The corpus name of a file path: its file name without `.jsonl`.
pub fn name_of(path: &std::path::Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.strip_suffix(".jsonl").unwrap_or(&name).to_string()
}

/// The part of corpus `corpus` that `row` belongs to (see the module docs).
pub fn part_of(corpus: &str, row: &Row) -> Part {
    let id_number = || {
        let id = row.id.as_deref().unwrap_or_default();
        let digits: String = id.chars().rev().take_while(char::is_ascii_digit).collect();
        digits.chars().rev().collect::<String>().parse::<u64>().ok()
    };
    let validation = match corpus {
        "real-linkedin" => id_number().is_some_and(|n| n % 5 == 0),
        "posts-dev" => id_number().is_some_and(|n| n % 4 == 0),
        "youtube-spam" => row.source.as_deref() == Some("Shakira"),
        _ => row.line % 5 == 0,
    };
    if validation {
        Part::Validation
    } else {
        Part::Train
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, id: Option<&str>, source: Option<&str>) -> Row {
        Row {
            line,
            text: String::new(),
            label: Label::Value,
            platform: Platform::Generic,
            id: id.map(Into::into),
            source: source.map(Into::into),
        }
    }

    #[test]
    fn splits_are_fixed_by_id_source_or_line() {
        assert_eq!(part_of("real-linkedin", &row(1, Some("real-0010"), None)), Part::Validation);
        assert_eq!(part_of("real-linkedin", &row(1, Some("real-0011"), None)), Part::Train);
        assert_eq!(part_of("posts-dev", &row(1, Some("dev-008"), None)), Part::Validation);
        assert_eq!(part_of("posts-dev", &row(1, Some("dev-010"), None)), Part::Train);
        assert_eq!(part_of("youtube-spam", &row(3, None, Some("Shakira"))), Part::Validation);
        assert_eq!(part_of("youtube-spam", &row(5, None, Some("Psy"))), Part::Train);
        assert_eq!(part_of("sms-spam", &row(5, None, None)), Part::Validation);
        assert_eq!(part_of("sms-spam", &row(6, None, None)), Part::Train);
    }

    #[test]
    fn bad_lines_name_themselves() {
        assert!(matches!(
            read("{\"text\":\"hi\",\"label\":1}\nnot json\n".as_bytes()),
            Err(CorpusError::Json { line: 2, .. })
        ));
        assert!(matches!(
            read("{\"text\":\"hi\",\"label\":\"maybe\"}\n".as_bytes()),
            Err(CorpusError::Label { line: 1, .. })
        ));
    }
}
