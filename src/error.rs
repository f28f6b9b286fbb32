//! Errors as types: what can go wrong when loading a rule pack.

use std::fmt;

/// A rule pack could not be loaded. Names the place (1-based line and column) and the problem.
/// Loading a pack that fails leaves the engine's rules exactly as they were.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PackError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for PackError {}
