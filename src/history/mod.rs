//! A person's post history, read from the export files the platforms give them, and the audit of its mix: how
//! many posts were conversation, balanced or a sales pitch, against the aim of reversing the 90/10 (principles
//! 4 and 7 of `../shared/COACHING.md`: brands post 90% marketing and 10% conversation; the aim is the reverse).
//!
//! One reader for the command line (`postcoach audit`) and the wasm engine (`audit_file`), so the parsing is not
//! written twice. Files are recognised by their content (`detect`), not only by their name:
//!
//! | format | file | module |
//! | --- | --- | --- |
//! | LinkedIn data export | `Shares.csv` | `linkedin` |
//! | Facebook "Download your information" | `your_posts_1.json` | `facebook` (repairs the export's mojibake) |
//! | X archive | `data/tweets.js` | `x` (decodes HTML entities) |
//! | JSON Lines | `{"text", "date"?, "platform"?}` per line | `jsonl` |
//! | CSV with a `text` column | any `.csv` | `csv_text` |
//!
//! Reading streams: each post is handed to a callback as soon as it is read, so memory stays flat however long
//! the history. A bad entry (a row without text, a value of the wrong type, a line that is not JSON) becomes an
//! `Entry::Bad` naming its line or index, and reading goes on; a file that stops early (truncated) ends with a
//! `ReadError::Stopped` after every entry before the break was handed on.
//!
//! `audit` adds the engine's report of each post to an `Audit` (mix, mix by month, recurring signals, the most
//! salesy posts); `chart` draws its mix as a self-contained SVG. Module map: `detect`, `json_array` (streaming a
//! top-level JSON list), one module per format, `date` (export dates to ISO days), `audit`, `chart`.

mod csv_text;
mod date;
mod detect;
mod facebook;
mod json_array;
mod jsonl;
mod linkedin;
mod x;

pub mod audit;
pub mod chart;

use std::fmt;
use std::io::{self, Read};

use serde::Serialize;

use crate::Platform;

pub use audit::{Audit, AuditReport};
pub use detect::Format;
pub use jsonl::line_error as json_line_error;

/// One post of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub text: String,
    /// The day it was posted, `YYYY-MM-DD`, when the export says.
    pub date: Option<String>,
    /// The platform it was posted on, when the export says (each platform's own export always does).
    pub platform: Option<Platform>,
    /// Where it is in its file.
    pub at: Location,
}

/// Where an entry is in its file: a line (CSV, JSON Lines) or a 1-based position in a JSON list (Facebook, X).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    Line(u64),
    Entry(u64),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "line {n}"),
            Location::Entry(n) => write!(f, "entry {n}"),
        }
    }
}

/// An entry that could not be read (the rest of the file still is), or where a file stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub at: Location,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// What reading hands on, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Post(Post),
    /// An entry with no text to coach (a photo without a caption, a repost without commentary).
    Empty(Location),
    /// An entry that could not be read.
    Bad(Problem),
}

/// Why a file could not be read (to the end).
#[derive(Debug)]
pub enum ReadError {
    /// The content is none of the known formats.
    Unrecognised,
    /// Reading stopped here (a truncated file, a broken list); the entries before it were handed on.
    Stopped(Problem),
    /// The file itself could not be read.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Unrecognised => {
                write!(f, "not a post history postcoach knows; it reads {}", Format::KNOWN)
            }
            ReadError::Stopped(problem) => write!(f, "reading stopped at {problem}"),
            ReadError::Io(e) => write!(f, "cannot read it: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// Recognise the format of `reader` from its first bytes and hand on every entry, in order.
pub fn read(reader: impl Read, mut emit: impl FnMut(Entry)) -> Result<Format, ReadError> {
    let (format, reader) = detect::detect(reader)?;
    read_as(format, reader, &mut emit)?;
    Ok(format)
}

/// Which format `reader` is, and a reader that starts again at its first byte (for `read_as`).
pub fn recognise<R: Read>(reader: R) -> Result<(Format, impl Read), ReadError> {
    detect::detect(reader)
}

/// Hand on every entry of `reader`, read as `format`.
pub fn read_as(format: Format, reader: impl Read, emit: &mut impl FnMut(Entry)) -> Result<(), ReadError> {
    match format {
        Format::LinkedinShares => linkedin::read(reader, emit),
        Format::FacebookPosts => facebook::read(reader, emit),
        Format::XTweets => x::read(reader, emit),
        Format::JsonLines => jsonl::read(reader, emit),
        Format::CsvText => csv_text::read(reader, emit),
    }
}

/// serde_json's message without its "at line L column C" tail (the callers say where, in their own terms).
fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rsplit_once(" at line ") {
        Some((reason, _)) => reason.to_string(),
        None => text,
    }
}

/// Text with nothing to coach is skipped as empty.
fn post_or_empty(text: String, date: Option<String>, platform: Option<Platform>, at: Location) -> Entry {
    if text.trim().is_empty() {
        Entry::Empty(at)
    } else {
        Entry::Post(Post { text, date, platform, at })
    }
}
