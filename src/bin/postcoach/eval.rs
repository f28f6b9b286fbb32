//! `postcoach eval FILE.jsonl`: how well the salesiness score separates labelled posts. The measuring itself
//! lives in the library (`postcoach::eval`), so the figures are the same wherever they are computed.

use std::fmt;
use std::io::Write;

use crate::args::EvalJob;
use crate::CliError;

/// The evaluation could not run.
#[derive(Debug)]
pub struct EvalFailure(String);

impl fmt::Display for EvalFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn run(job: &EvalJob, _out: &mut impl Write) -> Result<(), CliError> {
    // Until `postcoach::eval` lands (engine work in progress), say so instead of printing made-up figures.
    let _engine = crate::pack::engine_with(&job.packs)?;
    Err(CliError::Eval(EvalFailure(format!(
        "{}: evaluation is not available in this build yet",
        job.path.display()
    ))))
}
