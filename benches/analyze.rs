//! `cargo bench --bench analyze` (or `make bench`): how long `Engine::analyze` takes on LinkedIn drafts of
//! 300, 3,000, 30,000 and 100,000 characters, and `Engine::rewrite` (the whole-post rewrite: analysis, the
//! safe edits applied together, the rewrite analysed again) on the same drafts up to 30,000. The 3,000-character
//! cases are the targets (analyze ≤ 100 µs, rewrite ≤ 1 ms native); the others show that the cost grows
//! linearly with length. `scripts/bench-summary` prints the medians and
//! nanoseconds per character from criterion's results.
//!
//! The drafts come from `benches/support/draft.rs` (shared with `examples/profile_analyze.rs`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use postcoach::{Engine, Options, Platform};

#[path = "support/draft.rs"]
mod draft;
use draft::draft;

/// One group: `call` on the LinkedIn drafts of each length in `sizes`.
fn group(c: &mut Criterion, name: &str, sizes: &[usize], call: &dyn Fn(&Engine, &str, &Options)) {
    let engine = Engine::new();
    let options = Options::for_platform(Platform::Linkedin);
    let mut group = c.benchmark_group(name);
    group.warm_up_time(Duration::from_secs(1));
    for &chars in sizes {
        let text = draft(chars);
        group.throughput(Throughput::Elements(chars as u64));
        group.measurement_time(Duration::from_secs(if chars >= 30_000 { 5 } else { 3 }));
        group.sample_size(if chars >= 30_000 { 20 } else { 50 });
        group.bench_with_input(BenchmarkId::new("linkedin", chars), &text, |b, text| {
            b.iter(|| call(&engine, black_box(text), black_box(&options)))
        });
    }
    group.finish();
}

fn analyze(c: &mut Criterion) {
    group(c, "analyze", &[300, 3_000, 30_000, 100_000], &|e, t, o| drop(e.analyze(t, o)));
}

fn rewrite(c: &mut Criterion) {
    group(c, "rewrite", &[300, 3_000, 30_000], &|e, t, o| drop(e.rewrite(t, o)));
}

criterion_group!(benches, analyze, rewrite);
criterion_main!(benches);
