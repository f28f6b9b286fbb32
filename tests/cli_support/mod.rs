//! Running the `postcoach` binary in the command-line tests (`tests/cli_*.rs`).
// Each test crate uses part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// What a run printed and how it ended.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// No Rust panic message, whatever the outcome.
    pub fn assert_no_panic(&self) {
        assert!(!self.stderr.contains("panicked"), "panicked: {}", self.stderr);
    }
}

/// Run `postcoach ARGS` with `stdin` as its standard input, colour off (NO_COLOR) unless asked.
pub fn postcoach(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postcoach"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start postcoach");
    // The child may exit without reading (for example on a usage error): a broken pipe here is fine.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let output = child.wait_with_output().expect("wait for postcoach");
    let run = Run {
        status: output.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    run.assert_no_panic();
    run
}

/// The sales post the demo uses (emoji, an @mention, hashtags, hard calls to action).
pub const SALES_POST: &str = include_str!("../../samples/sales-post.txt");
