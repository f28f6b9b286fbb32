//! `scripts/profile-analyze [CHARS] [TOP] [rewrite]`: `Engine::analyze` (or, with `rewrite`, `Engine::rewrite`)
//! 100 times on the benchmark's LinkedIn draft of CHARS characters (3,000 by default), for an instruction-exact
//! profile under callgrind. Wall-clock timings belong to `make bench`; this is for finding where the
//! instructions go.

use postcoach::{Engine, Options, Platform, Report, Rewrite};

#[path = "../benches/support/draft.rs"]
mod draft;

fn main() {
    let chars = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3_000);
    let text = draft::draft(chars);
    let engine = Engine::new();
    let options = Options::for_platform(Platform::Linkedin);
    if std::env::args().nth(2).as_deref() == Some("rewrite") {
        let mut changed = 0;
        for _ in 0..100 {
            let r = std::hint::black_box(rewrite_once(&engine, std::hint::black_box(&text), &options));
            changed += usize::from(r.text != text);
        }
        println!("{chars} characters, rewritten {changed} times of 100");
        return;
    }
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

/// One rewrite, never inlined, for the same reason (`scripts/profile-analyze CHARS TOP rewrite`).
#[inline(never)]
fn rewrite_once(engine: &Engine, text: &str, options: &Options) -> Rewrite {
    engine.rewrite(text, options)
}
