//! The issue's automatic check on the whole-post rewrite, with what a fact-keeping edit could reach at most.
//!
//! For every sales post of a labelled file: salesiness and value before and after the rewrite, and whether the
//! rewrite passes the check (salesiness down 30 points or more, value not lower, every link and @mention kept).
//! Beside it, the **stance bound**: the draft with every phrase of the signals COACHING's "Rewrites" asks to
//! change cut out (calls to action, links pushed, engagement bait, urgency, hype, announcement frames, "!!",
//! emoji walls, teasers) and its capitals lowered, scored again. The bound is no post anyone would publish (the
//! cuts leave fragments, and cutting a call to action often cuts the offer's route); it is the most salesiness an
//! edit of the stance alone could remove while the offer's facts (prices, deadlines, places left, the offer
//! itself) stay. Where the bound falls short of 30 points, no fact-keeping rewrite can pass.
//!
//! ```sh
//! cargo run --release --example drop_check -- ../shared/corpus/posts-dev.jsonl --split tune
//! ```
//! `--split tune|validation|all` takes the fixed parts of `postcoach::corpus` (default `tune`: the training
//! part); `--verbose` prints one row per post (ids and figures only, never texts).

use postcoach::corpus::{self, Label, Part};
use postcoach::{Engine, Options};

/// The rules whose phrases are the post's stance rather than its facts: what the bound cuts.
const STANCE_RULES: &[&str] = &[
    "hard-cta",
    "link-push",
    "engagement-bait",
    "urgency",
    "urgency-claim",
    "puffery",
    "hype-words",
    "superlative-claim",
    "announcement",
    "bangs",
    "emoji-wall",
    "headline-bait",
    "teaser",
];

/// The drop the check asks for, in salesiness points.
const DROP: i32 = 30;

/// Links and @mentions of `text`, in order: the words the rewrite must keep.
fn links(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', '!', '?', ')', ':', ';']))
        .filter(|w| {
            w.starts_with('@') && w.len() > 1
                || w.contains("://")
                || w.starts_with("www.")
                || w.split('/').next().is_some_and(|host| {
                    host.contains('.')
                        && host
                            .rsplit('.')
                            .next()
                            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
                })
        })
        .collect()
}

/// The draft with every stance phrase cut and the capitals of shouted phrases lowered.
fn stance_cut(text: &str, report: &postcoach::Report) -> String {
    let mut cut = vec![false; text.len()];
    let mut lowered = vec![false; text.len()];
    for f in &report.findings {
        let (s, e) = (f.span.start, f.span.end);
        if f.rule.id == "caps" {
            lowered[s..e].iter_mut().for_each(|x| *x = true);
        } else if STANCE_RULES.contains(&f.rule.id.as_str()) {
            cut[s..e].iter_mut().for_each(|x| *x = true);
        }
    }
    text.char_indices()
        .filter(|&(i, _)| !cut[i])
        .map(|(i, c)| if lowered[i] { c.to_lowercase().next().unwrap_or(c) } else { c })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first().filter(|a| !a.starts_with("--")) else {
        eprintln!("usage: drop_check FILE.jsonl [--split tune|validation|all] [--verbose]");
        std::process::exit(2);
    };
    let split = args.iter().position(|a| a == "--split").and_then(|i| args.get(i + 1)).map_or("tune", |s| s);
    let verbose = args.iter().any(|a| a == "--verbose");
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows = corpus::read(std::io::BufReader::new(file)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let name = corpus::name_of(std::path::Path::new(path));
    let engine = Engine::new();
    let (mut posts, mut passed, mut lowered, mut reachable, mut passed_reachable, mut unchanged) =
        (0, 0, 0, 0, 0, 0);
    let mut drops = Vec::new();
    for row in rows.iter().filter(|r| r.label == Label::Sales) {
        let part = corpus::part_of(&name, row);
        let keep = match split {
            "all" => true,
            "validation" => part == Part::Validation,
            _ => part == Part::Train,
        };
        if !keep {
            continue;
        }
        posts += 1;
        let options = Options::for_platform(row.platform);
        let draft = engine.analyze(&row.text, &options);
        let rw = engine.rewrite(&row.text, &options);
        let drop = i32::from(rw.before.salesiness) - i32::from(rw.after.salesiness);
        let kept = links(&row.text).iter().all(|l| rw.text.contains(l));
        let pass = drop >= DROP && rw.after.value >= rw.before.value && kept;
        let bound = i32::from(rw.before.salesiness)
            - i32::from(engine.analyze(&stance_cut(&row.text, &draft), &options).salesiness);
        passed += usize::from(pass);
        lowered += usize::from(drop > 0);
        unchanged += usize::from(rw.text == row.text);
        reachable += usize::from(bound >= DROP);
        passed_reachable += usize::from(pass && bound >= DROP);
        drops.push(drop);
        if verbose {
            let id = row.id.as_deref().unwrap_or("-");
            println!(
                "{id}\t{} -> {}\tdrop {drop}\tbound {bound}\t{}",
                rw.before.salesiness,
                rw.after.salesiness,
                if pass { "pass" } else { "" }
            );
        }
    }
    drops.sort_unstable();
    let median = drops.get(drops.len() / 2).copied().unwrap_or(0);
    println!("{name} ({split}): {posts} sales posts");
    println!("  the check (drop >= {DROP}, value not lower, links and @mentions kept): {passed} of {posts}");
    println!(
        "  rewrites: {unchanged} leave the post as it is, {lowered} lower salesiness (median drop {median}, largest {})",
        drops.last().copied().unwrap_or(0)
    );
    println!("  stance bound >= {DROP} points (possible without cutting a fact): {reachable} of {posts}; the rewrite passes on {passed_reachable} of them");
}
