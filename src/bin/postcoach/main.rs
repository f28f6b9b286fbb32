//! The `postcoach` command line, for marketers and trainers: coach a draft in the terminal, score large sets
//! as JSON Lines, rewrite posts, evaluate the scorer on labelled data and validate rule packs.
//!
//! Modules: `args` (what was asked), `input` (reading drafts), `render` (terminal output), `batch` (JSON
//! Lines), `pack` (rule packs), `eval` (labelled evaluation), `audit` and `audit_html` (the mix of a post
//! history), `help` (usage texts). Errors are `CliError`:
//! usage errors exit with status 2, everything else with 1; a closed pipe (`| head`) ends quietly.

mod args;
mod audit;
mod audit_html;
mod batch;
mod eval;
mod fit;
mod help;
mod input;
mod pack;
mod render;

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use args::{ArgError, Command, Format, TextJob};

fn main() -> ExitCode {
    let result = args::parse(std::env::args_os().skip(1)).map_err(CliError::Usage).and_then(run);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("postcoach: {error}");
            if let CliError::Usage(_) = error {
                eprintln!("Try `postcoach --help`.");
            }
            ExitCode::from(error.exit_status())
        }
    }
}

fn run(command: Command) -> Result<(), CliError> {
    // Block-buffered: stdout alone is line-buffered, which scans every small write of the JSON serializer.
    let mut out = io::BufWriter::new(io::stdout().lock());
    match command {
        Command::Help(topic) => out.write_all(help::text(topic).as_bytes())?,
        Command::Version => writeln!(out, "postcoach {}", env!("CARGO_PKG_VERSION"))?,
        Command::Check(job) => check(job, &mut out)?,
        Command::Rewrite(job) => rewrite(job, &mut out)?,
        Command::Eval(job) => eval::run(&job, &mut out)?,
        Command::Fit(job) => fit::run(&job, &mut out)?,
        Command::Audit(job) => audit::run(&job, &mut out)?,
        Command::PackCheck { path } => pack::check(&path, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

fn check(job: TextJob, out: &mut impl Write) -> Result<(), CliError> {
    let engine = pack::engine_with(&job.packs)?;
    if job.format == Format::Jsonl {
        return batch::run(&engine, &job.input, job.options, batch::Output::Report, out);
    }
    let text = input::read_text(&job.input)?;
    let report = engine.analyze(&text, &job.options);
    if job.format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let rewrite = engine.rewrite(&text, &job.options);
    render::check(out, &text, &report, &rewrite, render::Style::detect(job.color))?;
    Ok(())
}

fn rewrite(job: TextJob, out: &mut impl Write) -> Result<(), CliError> {
    let engine = pack::engine_with(&job.packs)?;
    if job.format == Format::Jsonl {
        return batch::run(&engine, &job.input, job.options, batch::Output::Rewrite, out);
    }
    let text = input::read_text(&job.input)?;
    let rewrite = engine.rewrite(&text, &job.options);
    if job.format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &rewrite).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    render::rewrite_text(out, &rewrite)?;
    Ok(())
}

/// Everything that can stop the command line.
#[derive(Debug)]
pub enum CliError {
    Usage(ArgError),
    Input(input::InputError),
    Pack(Box<pack::PackFailure>),
    /// Some lines of a batch could not be scored (each was reported where it occurred).
    BatchLines {
        failed: usize,
        total: usize,
    },
    Eval(eval::EvalFailure),
    Fit(postcoach::fit::FitError),
    /// Some entries of an audit's files could not be read (each was reported); the audit counts the rest.
    AuditProblems {
        problems: u64,
        posts: u64,
    },
    /// A report could not be written to its file.
    Write {
        path: std::path::PathBuf,
        error: io::Error,
    },
    /// A pack loaded, but some of its rules' `examples.fix` pairs do not give their `after`.
    FixExamples {
        path: std::path::PathBuf,
        failures: Vec<String>,
    },
    Io(io::Error),
}

impl CliError {
    fn exit_status(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(e) => e.fmt(f),
            CliError::Input(e) => e.fmt(f),
            CliError::Pack(e) => e.fmt(f),
            CliError::BatchLines { failed, total } => {
                write!(f, "{failed} of {total} lines could not be scored (see the messages above)")
            }
            CliError::Eval(e) => e.fmt(f),
            CliError::Fit(e) => e.fmt(f),
            CliError::AuditProblems { problems, posts } => write!(
                f,
                "{problems} problem{} (see above); the audit counts the {posts} posts that could be read",
                if *problems == 1 { "" } else { "s" }
            ),
            CliError::Write { path, error } => write!(f, "cannot write {}: {error}", path.display()),
            CliError::FixExamples { path, failures } => {
                write!(f, "{}: {} fix example(s) failed:", path.display(), failures.len())?;
                failures.iter().try_for_each(|line| write!(f, "\n  {line}"))
            }
            CliError::Io(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}

impl From<input::InputError> for CliError {
    fn from(e: input::InputError) -> Self {
        CliError::Input(e)
    }
}
