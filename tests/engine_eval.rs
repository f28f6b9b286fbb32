//! Eval figures on the shared corpora (run with `cargo test --release --test engine_eval -- --ignored --nocapture`).
//! Ignored by default: they are measurements for tuning, not pass/fail checks.

use std::fs::File;
use std::io::BufReader;

use postcoach::eval::evaluate;
use postcoach::Engine;

fn run(name: &str) {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let Ok(file) = File::open(&path) else {
        eprintln!("skipping {name}: {path} not found");
        return;
    };
    let report = evaluate(BufReader::new(file), &Engine::new()).unwrap();
    println!("== {name}\n{report}");
}

#[test]
#[ignore]
fn eval_posts_dev() {
    run("posts-dev.jsonl");
}

#[test]
#[ignore]
fn eval_youtube() {
    run("youtube-spam.jsonl");
}

#[test]
#[ignore]
fn eval_sms() {
    run("sms-spam.jsonl");
}

#[test]
#[ignore]
fn eval_clickbait() {
    run("clickbait.jsonl");
}
