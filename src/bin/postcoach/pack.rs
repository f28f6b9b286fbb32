//! Rule packs on the command line: `--pack FILE` (load extra rules before scoring) and `postcoach pack check
//! FILE` (validate a pack, check its rules' `examples.fix`, and say what it would change), with errors shown as `FILE:LINE:COLUMN` and the
//! offending line underlined, the way compilers do.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use postcoach::{Engine, PackError, PackInfo};

use crate::input;
use crate::CliError;

/// A pack that failed to load, with its source kept to show the offending line.
#[derive(Debug)]
pub struct PackFailure {
    pub path: PathBuf,
    pub error: PackError,
    pub source: String,
}

impl fmt::Display for PackFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.error.line,
            self.error.column,
            self.error.message
        )?;
        if let Some(line) = self.error.line.checked_sub(1).and_then(|i| self.source.lines().nth(i)) {
            let caret_at = line.chars().take(self.error.column.saturating_sub(1)).count();
            write!(f, "\n  {line}\n  {}^", " ".repeat(caret_at))?;
        }
        Ok(())
    }
}

impl std::error::Error for PackFailure {}

/// Load a pack file into `engine`. On error the engine keeps the rules it had.
pub fn load(engine: &mut Engine, path: &Path) -> Result<PackInfo, CliError> {
    let source = input::read_file(path)?;
    engine
        .load_pack(&source)
        .map_err(|error| CliError::Pack(Box::new(PackFailure { path: path.to_path_buf(), error, source })))
}

/// An engine with the default rules plus `packs`, loaded in order.
pub fn engine_with(packs: &[PathBuf]) -> Result<Engine, CliError> {
    let mut engine = Engine::new();
    for path in packs {
        load(&mut engine, path)?;
    }
    Ok(engine)
}

/// `postcoach pack check FILE`: load the pack into a fresh engine and report what it adds and switches off.
pub fn check(path: &Path, out: &mut impl Write) -> Result<(), CliError> {
    let mut engine = Engine::new();
    let info = load(&mut engine, path)?;
    // Each rule's fix examples (`examples.fix`): the edit a trainer promised is the edit the engine makes.
    let (_, failures) = engine.check_fix_examples();
    if !failures.is_empty() {
        return Err(CliError::FixExamples { path: path.to_path_buf(), failures });
    }
    writeln!(
        out,
        "{}: ok, pack “{}”: {} rule{} added or replaced, {} switched off",
        path.display(),
        info.name,
        info.rules,
        if info.rules == 1 { "" } else { "s" },
        info.disabled
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_points_at_the_column() {
        let failure = PackFailure {
            path: "p.toml".into(),
            error: PackError { line: 2, column: 5, message: "expected a value".into() },
            source: "name = \"x\"\nid = = 3\n".into(),
        };
        assert_eq!(failure.to_string(), "p.toml:2:5: expected a value\n  id = = 3\n      ^");
    }
}
