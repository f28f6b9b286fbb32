//! Reading drafts: a whole file or standard input as UTF-8 text, or a line-by-line reader for batch mode.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use crate::args::Input;

/// A draft or a file could not be read.
#[derive(Debug)]
pub enum InputError {
    Open {
        path: PathBuf,
        error: io::Error,
    },
    Read {
        input: String,
        error: io::Error,
    },
    /// Not UTF-8; `line` and `column` (1-based, in bytes) locate the first bad byte.
    NotUtf8 {
        input: String,
        line: usize,
        column: usize,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Open { path, error } => write!(f, "cannot open {}: {}", path.display(), plain(error)),
            InputError::Read { input, error } => write!(f, "cannot read {input}: {}", plain(error)),
            InputError::NotUtf8 { input, line, column } => write!(
                f,
                "{input}: line {line}, column {column}: the text is not valid UTF-8 (save it as UTF-8 and try again)"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// "No such file or directory" without the "(os error 2)" tail.
fn plain(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// Open `input` for reading. Standard input gets a hint on the terminal, since the program would otherwise
/// seem to hang waiting for it.
pub fn open(input: &Input) -> Result<Box<dyn BufRead>, InputError> {
    match input {
        Input::Stdin => {
            let stdin = io::stdin();
            if stdin.is_terminal() {
                eprintln!("postcoach: reading the draft from the terminal; end it with Ctrl+D");
            }
            Ok(Box::new(stdin.lock()))
        }
        Input::File(path) => open_file(path).map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead>),
    }
}

pub fn open_file(path: &Path) -> Result<File, InputError> {
    File::open(path).map_err(|error| InputError::Open { path: path.to_path_buf(), error })
}

/// Read the whole input as UTF-8 text.
pub fn read_text(input: &Input) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    open(input)?
        .read_to_end(&mut bytes)
        .map_err(|error| InputError::Read { input: input.to_string(), error })?;
    decode(bytes, &input.to_string(), 1)
}

/// Read a file as UTF-8 text (rule packs).
pub fn read_file(path: &Path) -> Result<String, InputError> {
    read_text(&Input::File(path.to_path_buf()))
}

/// Bytes to text, or where the first invalid byte is (`first_line` is the line number of `bytes[0]`).
pub fn decode(bytes: Vec<u8>, input: &str, first_line: usize) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let bad = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..bad];
        let line = first_line + before.iter().filter(|&&b| b == b'\n').count();
        let column = bad - before.iter().rposition(|&b| b == b'\n').map_or(0, |nl| nl + 1) + 1;
        InputError::NotUtf8 { input: input.to_string(), line, column }
    })
}

/// Lines of a JSON Lines input as raw bytes, numbered from 1, line endings (`\n`, `\r\n`) removed. Each line is
/// decoded on its own so that one bad line does not stop the batch.
pub struct Lines {
    reader: Box<dyn BufRead>,
    number: usize,
    input: String,
}

impl Lines {
    pub fn new(input: &Input) -> Result<Self, InputError> {
        Ok(Lines { reader: open(input)?, number: 0, input: input.to_string() })
    }

    pub fn name(&self) -> &str {
        &self.input
    }
}

impl Iterator for Lines {
    /// `(line number, the line's text or why it cannot be read)`
    type Item = (usize, Result<String, InputError>);

    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        match self.reader.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Ok(_) => {
                self.number += 1;
                if bytes.ends_with(b"\n") {
                    bytes.pop();
                    if bytes.ends_with(b"\r") {
                        bytes.pop();
                    }
                }
                Some((self.number, decode(bytes, &self.input, self.number)))
            }
            Err(error) => {
                self.number += 1;
                // A read error ends the stream: report it once, then stop.
                let item = (self.number, Err(InputError::Read { input: self.input.clone(), error }));
                self.reader = Box::new(io::empty());
                Some(item)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_the_first_invalid_byte() {
        let err = decode(b"fine\nab\xffc".to_vec(), "post.txt", 1).unwrap_err();
        assert!(matches!(err, InputError::NotUtf8 { line: 2, column: 3, .. }), "{err:?}");
    }

    #[test]
    fn plain_io_messages() {
        let err = io::Error::from(io::ErrorKind::NotFound);
        assert!(!plain(&err).contains("os error"));
    }
}
