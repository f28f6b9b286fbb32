//! `postcoach eval FILE.jsonl`: how well the salesiness score separates labelled posts. The measuring itself
//! lives in the library (`postcoach::eval`), so the figures are the same wherever they are computed; this
//! module only opens the file, loads any `--pack` and prints the summary.

use std::io::{BufReader, Write};

use postcoach::eval::{evaluate, EvalError};

use crate::args::EvalJob;
use crate::{input, pack, CliError};

/// The evaluation stopped at a line it could not read (the library's error names the line).
#[derive(Debug)]
pub struct EvalFailure {
    pub file: String,
    pub error: EvalError,
}

impl std::fmt::Display for EvalFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

pub fn run(job: &EvalJob, out: &mut impl Write) -> Result<(), CliError> {
    let engine = pack::engine_with(&job.packs)?;
    let file = input::open_file(&job.path)?;
    let report = evaluate(BufReader::new(file), &engine)
        .map_err(|error| CliError::Eval(EvalFailure { file: job.path.display().to_string(), error }))?;
    write!(out, "{report}")?;
    Ok(())
}
