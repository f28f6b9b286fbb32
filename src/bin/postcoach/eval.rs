//! `postcoach eval FILE.jsonl...`: how well the scores and the verdict follow labelled posts. The measuring
//! itself lives in the library (`postcoach::eval`), so the figures are the same wherever they are computed;
//! this module only opens the files, loads any `--pack` and prints each summary.

use std::io::{BufReader, Write};

use postcoach::corpus;
use postcoach::eval::{evaluate_part, EvalError, Select};

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
    for (n, path) in job.paths.iter().enumerate() {
        let file = input::open_file(path)?;
        let name = corpus::name_of(path);
        let fail = |error| CliError::Eval(EvalFailure { file: path.display().to_string(), error });
        let report = evaluate_part(BufReader::new(file), &name, job.select, &engine).map_err(fail)?;
        if n > 0 {
            writeln!(out)?;
        }
        let part = match job.select {
            Select::All => "all lines".to_string(),
            Select::Only(p) => format!("{p:?} part").to_lowercase(),
        };
        writeln!(out, "== {} ({part})", path.display())?;
        write!(out, "{report}")?;
    }
    Ok(())
}
