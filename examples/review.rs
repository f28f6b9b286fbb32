//! The review file for the blind panel (`../shared/review/RATING.md`): every one-click suggestion (its label and
//! the paragraph BEFORE and AFTER applying it) and every whole-post rewrite that changes its post (ORIGINAL and
//! REWRITE) of a set of posts, numbered so readers can answer by id, plus a key (which post, which rule) in a
//! second file the readers do not see.
//!
//! ```sh
//! cargo run --release --example review -- ../shared/corpus/posts-dev.jsonl --split validation \
//!     --out target/review/dev-validation
//! ```
//! writes `target/review/dev-validation.md` (for the readers) and `target/review/dev-validation.key.tsv`.
//! `--split tune` takes the rows the team tunes on, `--split validation` the hold-out (ids divisible by 5 in
//! `real-linkedin.jsonl`, by 4 in `posts-dev.jsonl`), `--split all` every row; `--label sales` keeps one label;
//! `--limit N` the first N posts; `--window N` shows about N bytes either side of each suggestion, not its whole
//! paragraph.

use postcoach::{Engine, Options, Platform, Report};
use serde::Deserialize;
use std::fmt::Write as _;

#[derive(Deserialize)]
struct Post {
    id: String,
    #[serde(default)]
    platform: Option<String>,
    #[serde(default)]
    label: Option<String>,
    text: String,
}

/// Whether `id` is in the team's validation hold-out: the number in the id divisible by 5 for `real-` rows, by
/// 4 for `dev-` rows.
fn is_validation(id: &str) -> bool {
    let n: u32 = id.trim_start_matches(|c: char| !c.is_ascii_digit()).parse().unwrap_or(1);
    if id.starts_with("real-") {
        n % 5 == 0
    } else if id.starts_with("dev-") {
        n % 4 == 0
    } else {
        false
    }
}

/// The paragraph (text between blank lines, or the line when the post has none) around bytes `start..end`.
fn paragraph(text: &str, start: usize, end: usize) -> (usize, usize) {
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let from = text[..start].rfind(sep).map_or(0, |p| p + sep.len());
    let to = text[end..].find(sep).map_or(text.len(), |p| end + p);
    (from, to)
}

/// `paragraph`, cut to about `window` bytes either side of `start..end` when `window` is set (`--window N`,
/// for reading many suggestions quickly; the panel's files use whole paragraphs).
fn context(text: &str, start: usize, end: usize, window: Option<usize>) -> (usize, usize) {
    let (mut from, mut to) = paragraph(text, start, end);
    if let Some(w) = window {
        from = from.max(start.saturating_sub(w));
        to = to.min(end + w);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        while !text.is_char_boundary(to) {
            to += 1;
        }
    }
    (from, to)
}

fn suggestions(
    out: &mut String,
    key: &mut String,
    post: &Post,
    report: &Report,
    n: &mut usize,
    window: Option<usize>,
) {
    for f in &report.findings {
        for s in &f.suggestions {
            let (a, b) = (s.span.start, s.span.end);
            let (pa, pb) = context(&post.text, a, b, window);
            let after = format!("{}{}{}", &post.text[pa..a], s.text, &post.text[b..pb]);
            *n += 1;
            let id = format!("S{n:03}");
            let _ = writeln!(
                out,
                "### {id}\nLABEL: {}\nBEFORE:\n{}\nAFTER:\n{}\n",
                s.label,
                &post.text[pa..pb],
                after
            );
            let _ = writeln!(key, "{id}\t{}\t{}", post.id, f.rule.id);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let Some(path) = args.first().filter(|a| !a.starts_with("--")) else {
        eprintln!(
            "usage: review FILE.jsonl [--split tune|validation|all] [--label L] [--limit N] [--window N] [--out PREFIX]"
        );
        std::process::exit(2);
    };
    let split = value("--split").unwrap_or_else(|| "tune".into());
    let label = value("--label");
    let limit: usize = value("--limit").and_then(|l| l.parse().ok()).unwrap_or(usize::MAX);
    let window: Option<usize> = value("--window").and_then(|w| w.parse().ok());
    let prefix = value("--out").unwrap_or_else(|| "target/review/review".into());
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let posts: Vec<Post> = source
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .filter(|p: &Post| match split.as_str() {
            "validation" => is_validation(&p.id),
            "all" => true,
            _ => !is_validation(&p.id),
        })
        .filter(|p| label.as_ref().is_none_or(|l| p.label.as_ref() == Some(l)))
        .take(limit)
        .collect();
    let engine = Engine::new();
    let (mut sugg, mut rewrites, mut key) = (String::new(), String::new(), String::new());
    let (mut n_sugg, mut n_rw) = (0, 0);
    for post in &posts {
        let platform: Platform =
            post.platform.as_deref().unwrap_or("linkedin").parse().unwrap_or(Platform::Linkedin);
        let options = Options::for_platform(platform);
        let report = engine.analyze(&post.text, &options);
        suggestions(&mut sugg, &mut key, post, &report, &mut n_sugg, window);
        let rw = engine.rewrite(&post.text, &options);
        if rw.text != post.text {
            n_rw += 1;
            let id = format!("R{n_rw:03}");
            let _ = writeln!(rewrites, "### {id}\nORIGINAL:\n{}\n\nREWRITE:\n{}\n", post.text, rw.text);
            let _ = writeln!(
                key,
                "{id}\t{}\t{}\t{}/{} -> {}/{}\t{}",
                post.id,
                post.label.as_deref().unwrap_or("-"),
                rw.before.salesiness,
                rw.before.value,
                rw.after.salesiness,
                rw.after.value,
                rw.applied.join(",")
            );
        }
    }
    let doc = format!(
        "# Review file ({} posts, {n_sugg} suggestions, {n_rw} rewrites)\n\nRate each item as \
         `../shared/review/RATING.md` says. Suggestions are S..., whole-post rewrites R....\n\n\
         ## One-click suggestions\n\n{sugg}\n## Whole-post rewrites\n\n{rewrites}",
        posts.len()
    );
    if let Some(dir) = std::path::Path::new(&prefix).parent() {
        std::fs::create_dir_all(dir).expect("create the output folder");
    }
    std::fs::write(format!("{prefix}.md"), doc).expect("write the review file");
    std::fs::write(format!("{prefix}.key.tsv"), key).expect("write the key");
    println!("{prefix}.md: {} posts, {n_sugg} suggestions, {n_rw} rewrites", posts.len());
}
