//! The rewrite on the development corpus. On every sales and balanced post, analysed again, it must score no
//! higher salesiness (lower on at least `SALES_LOWERED_FLOOR` sales posts; how many drop by 30 points is printed),
//! no lower value, and never make a balanced post worse. On
//! every post it must read cleanly: no seams left by removals, sentences that start with a capital, the links,
//! @mentions, phone numbers and prices kept, no sentence inserted twice, and no closing question added.
//! On every real post too: a rewrite that applies no edit is the draft, byte for byte.

use postcoach::{Engine, Options, Platform, Report, Rewrite};
use serde::Deserialize;

#[derive(Deserialize)]
struct Post {
    id: String,
    platform: String,
    label: String,
    text: String,
}

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/posts-dev.jsonl");

fn posts() -> Vec<Post> {
    let Ok(src) = std::fs::read_to_string(CORPUS) else {
        panic!("{CORPUS} not found: the shared corpus must sit beside the clone");
    };
    src.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Every post with its draft report and rewrite (computed once per test).
fn rewritten() -> Vec<(Post, Report, Rewrite)> {
    let engine = Engine::new();
    posts()
        .into_iter()
        .map(|p| {
            let options = Options::for_platform(p.platform.parse::<Platform>().unwrap());
            let report = engine.analyze(&p.text, &options);
            let rw = engine.rewrite(&p.text, &options);
            (p, report, rw)
        })
        .collect()
}

fn fail_if_any(failures: Vec<String>) {
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// Sales posts of posts-dev whose rewrite lowers salesiness at all (of 40), at least: measured 15 (18 before plain
/// scarcity, "Don't wait" and plain commands explained instead of being edited, panels 9 and 10). How many drop by
/// 30 points (the check) is printed: 0 since deadlines and places left explain without rewriting (readers
/// rejected every edit that removed one), 1 before, 6 with the two-step verdict before the rules readers did not
/// recommend became explanations (`offer = false`), 12 while calls to action were hedged into "If you're
/// interested, you can ...". The rewrite keeps every fact and the author's offer, and a post whose point is its
/// offer still reads as a sales pitch once calmed: the checks that matter here are the relative ones below
/// (never more selling, never less value, nothing lost).
const SALES_LOWERED_FLOOR: usize = 14;

#[test]
fn rewrites_are_more_conversational() {
    let engine = Engine::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    let (mut dropped_30, mut lowered) = (0, 0);
    for post in posts().iter().filter(|p| p.label == "sales" || p.label == "balanced") {
        let platform: Platform = post.platform.parse().unwrap();
        let options = Options::for_platform(platform);
        let rw = engine.rewrite(&post.text, &options);
        let again = engine.analyze(&rw.text, &options);
        assert_eq!(again.scores(), rw.after, "{}: `after` must be the rewrite analysed again", post.id);
        let (b, a) = (rw.before, rw.after);
        if post.label == "sales" && i32::from(a.salesiness) <= i32::from(b.salesiness) - 30 {
            dropped_30 += 1;
        }
        if post.label == "sales" && a.salesiness < b.salesiness {
            lowered += 1;
        }
        let problem = if a.salesiness > b.salesiness {
            Some("salesiness rose")
        } else if a.value < b.value {
            Some("value fell")
        } else {
            None
        };
        if let Some(p) = problem {
            failures.push(format!(
                "{} ({}): {p}: {}/{} -> {}/{}\n--- rewrite:\n{}\n",
                post.id, post.label, b.salesiness, b.value, a.salesiness, a.value, rw.text
            ));
        }
        checked += 1;
    }
    assert_eq!(checked, 80, "expected every sales and balanced post");
    // A sales post drops by 30 points only where that is possible without losing a fact (`suggest::guard`):
    // deadlines, places left and price anchors stay, so none reaches 30 today (`SALES_LOWERED_FLOOR`).
    eprintln!(
        "sales posts: {lowered} of 40 less salesy after the rewrite, {dropped_30} by 30 points or more"
    );
    assert!(lowered >= SALES_LOWERED_FLOOR, "only {lowered} of 40 sales posts less salesy after the rewrite");
    fail_if_any(failures);
}

/// What a removal can leave behind; none of these may appear in a rewrite unless the author wrote it.
/// The rewrite scores its candidates without building suggestions (`Engine::scores`); that path must give
/// exactly the scores `analyze` reports, on every post and on its rewrite.
#[test]
fn scores_without_suggestions_are_the_reports_scores() {
    let engine = Engine::new();
    let mut failures = Vec::new();
    for (post, report, rw) in rewritten() {
        let options = Options::for_platform(post.platform.parse::<Platform>().unwrap());
        for (what, text, scores) in [("draft", &post.text, report.scores()), ("rewrite", &rw.text, rw.after)]
        {
            let quick = engine.scores(text, &options);
            if quick != scores {
                failures.push(format!("{} ({what}): {quick:?} against {scores:?}", post.id));
            }
        }
    }
    fail_if_any(failures);
}

const SEAMS: [&str; 17] = [
    "  ", " ,", ",,", " .", ",.", " !", " ?", " :", "()", ": .", ",!", ",?", ":,", " and.", " so.", " or.",
    "\n\n\n",
];

#[test]
fn rewrites_leave_no_seams() {
    let mut failures = Vec::new();
    for (post, _, rw) in rewritten() {
        for seam in SEAMS {
            if rw.text.contains(seam) && !post.text.contains(seam) {
                failures.push(format!("{}: {seam:?} in:\n{}\n", post.id, rw.text));
            }
        }
        if rw.text.trim() != rw.text {
            failures.push(format!("{}: leading or trailing whitespace", post.id));
        }
        // "an incredible journey" minus "incredible" must not read "an journey".
        let words: Vec<&str> = rw.text.split([' ', '\n']).collect();
        for pair in words.windows(2) {
            let (article, next) = (pair[0].to_lowercase(), pair[1].to_lowercase());
            let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u']);
            let wrong = (article == "an" && !vowel && next.starts_with(char::is_alphabetic))
                || (article == "a" && vowel);
            if wrong && !post.text.contains(&pair.join(" ")) {
                failures.push(format!("{}: {:?} in:\n{}\n", post.id, pair.join(" "), rw.text));
            }
        }
    }
    fail_if_any(failures);
}

/// The starts of the sentences of `text`: byte offsets of the first letter of each sentence (after a line
/// break or a sentence mark, past list markers and emoji).
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut boundary = true;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            if boundary {
                out.push(i);
            }
            boundary = false;
        } else if matches!(c, '\n' | '.' | '!' | '?') {
            // "4.0" and "Co. is" in the middle of a sentence: only a mark followed by a space counts, and not
            // the dot of an abbreviation.
            let word_before = text[..i].rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or_default();
            let abbreviation =
                c == '.' && ["Co", "No", "Dr", "Mr", "Mrs", "Ms", "St", "vs", "etc"].contains(&word_before);
            boundary = c == '\n' || (!abbreviation && text[i + c.len_utf8()..].starts_with([' ', '\n']));
        } else if c.is_alphanumeric() || matches!(c, '"' | '\'' | '(' | '@' | '#' | '$' | '/' | ',') {
            boundary = false;
        }
    }
    out
}

#[test]
fn sentences_start_with_a_capital_unless_the_author_wrote_them_so() {
    let mut failures = Vec::new();
    for (post, _, rw) in rewritten() {
        let draft_starts: Vec<&str> =
            sentence_starts(&post.text).into_iter().map(|i| &post.text[i..]).collect();
        for i in sentence_starts(&rw.text) {
            let rest = &rw.text[i..];
            if !rest.starts_with(char::is_lowercase) {
                continue;
            }
            let head: String = rest.chars().take(16).collect();
            // The author's own lower-case start, its first word's spelling perhaps corrected ("dont wait" ->
            // "don't wait"): the same words follow it.
            let after_first =
                |s: &str| s.split_once(' ').map(|(_, r)| r.chars().take(12).collect::<String>());
            let authors = |d: &&str| {
                d.starts_with(&head)
                    || d.starts_with(char::is_lowercase)
                        && after_first(d).is_some()
                        && after_first(d) == after_first(rest)
            };
            if !draft_starts.iter().any(authors) {
                failures.push(format!("{}: sentence starts in lower case: {head:?}\n{}\n", post.id, rw.text));
            }
        }
    }
    fail_if_any(failures);
}

/// Links, @mentions and phone numbers of `text`.
fn contacts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for word in &words {
        let w = word.trim_end_matches(['.', ',', '!', '?', ':', ')']).trim_start_matches('(');
        let link = w.contains(".com") || w.contains(".co.uk") || w.contains(".org") || w.contains(".io");
        let phone = w.len() >= 7 && w.chars().all(|c| c.is_ascii_digit() || c == '-') && w.contains('-');
        if (w.starts_with('@') && !w.starts_with("@Cosmetic")) || link || w.starts_with("http") || phone {
            out.push(w.to_string());
        }
    }
    out
}

#[test]
fn rewrite_keeps_links_mentions_phone_numbers_and_prices() {
    let mut failures = Vec::new();
    for (post, _, rw) in rewritten() {
        for c in contacts(&post.text) {
            if !rw.text.contains(&c) {
                failures.push(format!("{}: lost {c:?}:\n{}\n", post.id, rw.text));
            }
        }
        // Prices stay, except anchors that only make the price look smaller ("worth $80", "instead of $349").
        let words: Vec<&str> = post.text.split_whitespace().collect();
        for (k, w) in words.iter().enumerate() {
            let price =
                w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '$' && c != '.' && c != ',');
            let price = price.trim_end_matches(['.', ',']);
            if !price.starts_with('$') || price.len() < 2 {
                continue;
            }
            let before = if k > 0 { words[k - 1].trim_start_matches('(') } else { "" };
            let anchor = matches!(before, "worth" | "was" | "normally" | "usually" | "of" | "at");
            if !anchor && !rw.text.contains(price) {
                failures.push(format!("{}: lost the price {price:?}:\n{}\n", post.id, rw.text));
            }
        }
    }
    fail_if_any(failures);
}

#[test]
fn no_sentence_is_inserted_twice_and_no_clunky_phrasing() {
    let mut failures = Vec::new();
    for (post, _, rw) in rewritten() {
        for clunky in
            ["If it helps, you can", "if it helps, you can", "Here's something new", "you can don't"]
        {
            if rw.text.contains(clunky) {
                failures.push(format!("{}: {clunky:?}:\n{}\n", post.id, rw.text));
            }
        }
        let mut inserted: Vec<&str> = Vec::new();
        for sentence in rw.text.split(['\n', '.', '!', '?']).map(str::trim).filter(|s| s.len() >= 24) {
            if post.text.contains(sentence) {
                continue;
            }
            if inserted.contains(&sentence) {
                failures.push(format!("{}: {sentence:?} twice:\n{}\n", post.id, rw.text));
            }
            inserted.push(sentence);
        }
    }
    fail_if_any(failures);
}

#[test]
fn no_question_is_added_to_any_post() {
    // A closing question the engine writes ("What's your experience with X?") is generic at best and nonsense on a
    // job ad, release notes or a greeting: "no-question" explains, and neither its finding nor the rewrite adds
    // one.
    let mut failures = Vec::new();
    for (post, report, rw) in rewritten() {
        let questions = |t: &str| t.matches('?').count();
        if questions(&rw.text) > questions(&post.text) {
            failures.push(format!("{}: a question was added:\n{}\n", post.id, rw.text));
        }
        if let Some(f) = report.findings.iter().find(|f| f.rule.id == "no-question") {
            if !f.suggestions.is_empty() {
                failures.push(format!("{}: no-question offers {:?}", post.id, f.suggestions[0].text));
            }
        }
    }
    fail_if_any(failures);
}

#[test]
fn summaries_name_findings_in_words_not_rule_ids() {
    let engine = Engine::new();
    let ids = engine.rule_ids();
    let mut failures = Vec::new();
    for (post, report, _) in rewritten() {
        for id in &ids {
            if id.contains('-')
                && (report.summary.contains(id.as_str()) || report.summary.contains(&id.replace('-', " ")))
            {
                failures.push(format!("{}: summary names rule {id}: {}", post.id, report.summary));
            }
        }
    }
    fail_if_any(failures);
}

/// What follows the last hashtag of each line: "#marketing #sales" -> "", "#entrepreneur. The link" -> ". The link".
fn after_hashtags(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            // "#1 choice" is a rank, not a hashtag.
            let at = l
                .match_indices('#')
                .map(|(i, _)| i)
                .rfind(|&i| l[i + 1..].starts_with(char::is_alphabetic))?;
            let end =
                l[at + 1..].find(|c: char| !c.is_alphanumeric() && c != '_').map_or(l.len(), |e| at + 1 + e);
            (end > at + 1).then(|| l[end..].trim().to_string())
        })
        .filter(|rest| !rest.is_empty())
        .collect()
}

#[test]
fn hashtags_stay_last_on_their_line() {
    let mut failures = Vec::new();
    for (post, _, rw) in rewritten() {
        let draft = after_hashtags(&post.text);
        for rest in after_hashtags(&rw.text) {
            if !draft.contains(&rest) {
                failures.push(format!("{}: {rest:?} after a hashtag:\n{}\n", post.id, rw.text));
            }
        }
    }
    fail_if_any(failures);
}

/// A rewrite that applies no edit gives the draft back exactly: it does not tidy the author's own spacing or
/// punctuation on its own (panel 17 saw a "rewrite" whose only change was "Hiring !" closed up). Checked on the
/// brand posts and on every real post.
#[test]
fn a_rewrite_without_edits_is_the_draft() {
    const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/real-linkedin.jsonl");
    #[derive(Deserialize)]
    struct Real {
        id: String,
        text: String,
    }
    let engine = Engine::new();
    let real = std::fs::read_to_string(REAL).unwrap_or_else(|e| panic!("{REAL}: {e}"));
    let mut drafts: Vec<(String, String, Platform)> = real
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Real>(l).unwrap())
        .map(|r| (r.id, r.text, Platform::Linkedin))
        .collect();
    drafts.extend(posts().into_iter().map(|p| (p.id, p.text, p.platform.parse().unwrap())));
    let mut failures = Vec::new();
    for (id, text, platform) in &drafts {
        let rw = engine.rewrite(text, &Options::for_platform(*platform));
        if rw.applied.is_empty() && rw.text != *text {
            failures.push(format!("{id}: changed with no edit applied"));
        }
    }
    assert!(drafts.len() > 1000, "{} drafts", drafts.len());
    fail_if_any(failures);
}
