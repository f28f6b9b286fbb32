//! Batch mode (`--jsonl`): one `{"text": ..., "platform"?: ..., "sensitivity"?: ..., "id"?: ...}` per input
//! line, one JSON object per output line, in the same order, carrying the line's `id` when it has one (so a
//! post history's results can be joined back to its posts).
//!
//! A line that cannot be scored (not UTF-8, not JSON, no `text`, unknown platform) gives an error object in its
//! place, `{"line": 7, "error": "..."}`, and the same message on standard error; the other lines are still
//! scored and the run ends with a non-zero exit status. Blank lines are skipped.

use std::io::{self, Write};

use postcoach::history::json_line_error;
use postcoach::{Engine, Options, Platform, Sensitivity};
use serde::{Deserialize, Serialize};

use crate::args::{parse_platform, Input};
use crate::input::{InputError, Lines};
use crate::CliError;

/// What each line produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The full report (`check --jsonl`).
    Report,
    /// `{"rewrite": "...", "before": scores, "after": scores, "applied": [rule ids]}` (`rewrite --jsonl`).
    Rewrite,
}

/// One input line. Unknown fields (`id`, `label`, ...) are ignored, so labelled corpora can be scored as-is.
#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    platform: Option<String>,
    #[serde(default)]
    sensitivity: Option<Sensitivity>,
    /// Echoed back as given (a string or a number).
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// One output line: the input line's `id`, if any, then what the command produces.
#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize)]
struct RewriteLine<'a> {
    rewrite: &'a str,
    before: postcoach::Scores,
    after: postcoach::Scores,
    applied: &'a [String],
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    line: usize,
    error: &'a str,
}

/// Score every line of `input`; `defaults` apply where a line names no platform or sensitivity.
pub fn run(
    engine: &Engine,
    input: &Input,
    defaults: Options,
    output: Output,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let lines = Lines::new(input)?;
    let name = lines.name().to_string();
    let (mut scored, mut failed) = (0usize, 0usize);
    for (number, line) in lines {
        let text = match line {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => text,
            Err(InputError::NotUtf8 { column, .. }) => {
                failed += 1;
                report_error(out, &name, number, &format!("column {column}: not valid UTF-8"))?;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        match score_line(engine, &text, defaults, output, out) {
            Ok(()) => scored += 1,
            Err(LineError::Bad(message)) => {
                failed += 1;
                report_error(out, &name, number, &message)?;
            }
            Err(LineError::Io(e)) => return Err(e.into()),
        }
    }
    out.flush()?;
    if failed > 0 {
        return Err(CliError::BatchLines { failed, total: scored + failed });
    }
    Ok(())
}

enum LineError {
    /// The line is wrong; the batch goes on.
    Bad(String),
    /// Output failed; the batch stops.
    Io(io::Error),
}

fn score_line(
    engine: &Engine,
    text: &str,
    defaults: Options,
    output: Output,
    out: &mut impl Write,
) -> Result<(), LineError> {
    let line: Line = serde_json::from_str(text).map_err(|e| LineError::Bad(json_line_error(&e)))?;
    let platform: Platform = match line.platform.as_deref() {
        Some(name) => parse_platform(name).map_err(|e| LineError::Bad(e.to_string()))?,
        None => defaults.platform,
    };
    let options = Options { platform, sensitivity: line.sensitivity.unwrap_or(defaults.sensitivity) };
    let id = line.id.as_ref();
    let written = match output {
        Output::Report => {
            serde_json::to_writer(&mut *out, &Tagged { id, body: engine.analyze(&line.text, &options) })
        }
        Output::Rewrite => {
            let rw = engine.rewrite(&line.text, &options);
            let body =
                RewriteLine { rewrite: &rw.text, before: rw.before, after: rw.after, applied: &rw.applied };
            serde_json::to_writer(&mut *out, &Tagged { id, body })
        }
    };
    written.map_err(|e| LineError::Io(e.into()))?;
    writeln!(out).map_err(LineError::Io)
}

fn report_error(out: &mut impl Write, input: &str, line: usize, message: &str) -> Result<(), CliError> {
    eprintln!("postcoach: {input}: line {line}: {message}");
    serde_json::to_writer(&mut *out, &ErrorLine { line, error: message }).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
