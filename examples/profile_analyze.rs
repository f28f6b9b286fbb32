//! `scripts/profile-analyze [CHARS]`: `Engine::analyze` 100 times on the benchmark's LinkedIn draft of CHARS
//! characters (3,000 by default), for an instruction-exact profile under callgrind. Wall-clock timings belong to
//! `make bench`; this is for finding where the instructions go.

use postcoach::{Engine, Options, Platform, Report};

#[path = "../benches/support/draft.rs"]
mod draft;

fn main() {
    let chars = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3_000);
    let text = draft::draft(chars);
    let engine = Engine::new();
    let options = Options::for_platform(Platform::Linkedin);
    let mut findings = 0;
    for _ in 0..100 {
        findings +=
            std::hint::black_box(analyze_once(&engine, std::hint::black_box(&text), &options)).findings.len();
    }
    println!("{chars} characters, {} findings per call", findings / 100);
}

/// One call, never inlined, so that the profile names it whatever the compiler does with `Engine::analyze`
/// (`scripts/profile-analyze` reads this function's inclusive cost).
#[inline(never)]
fn analyze_once(engine: &Engine, text: &str, options: &Options) -> Report {
    engine.analyze(text, options)
}
