//! The `postcoach` command line (placeholder; being written).
fn main() {}
