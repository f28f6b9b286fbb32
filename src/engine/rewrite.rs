//! The whole-post rewrite: apply the findings' first suggestions together (commands become invitations,
//! announcements become what it means for the reader, shouting is calmed, urgency and hype dropped, a closing
//! question added), tidy the seams, and repeat while new suggestions appear. Links, @mentions and tolerated
//! hashtags survive because no suggestion removes them. If a rewrite would not improve the post, the engine
//! keeps only the suggestions that help, so a rewrite never scores worse than its draft.

use super::matcher::Hit;
use super::suggest::capitalise;
use super::text::{Kind, Tokens};
use super::Engine;
use crate::{Options, Report, Rewrite, Scores, Side};

const MAX_PASSES: usize = 3;

/// One edit: replace bytes `start..end` with `text`.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
    rule: String,
}

/// The first suggestion of each sales/platform finding, without overlaps (wider edits win).
fn choose_edits(report: &Report) -> Vec<Edit> {
    let mut cands: Vec<Edit> = report
        .findings
        .iter()
        .filter(|f| f.side != Side::Value)
        .filter_map(|f| {
            f.suggestions.first().map(|s| Edit {
                start: s.span.start,
                end: s.span.end,
                text: s.text.clone(),
                rule: f.rule.clone(),
            })
        })
        .collect();
    cands.sort_by_key(|e| std::cmp::Reverse(e.end - e.start));
    let mut chosen: Vec<Edit> = Vec::new();
    for e in cands {
        let clash = chosen.iter().any(|c| {
            if e.start == e.end || c.start == c.end {
                e.start == c.start && e.end == c.end
            } else {
                e.start < c.end && c.start < e.end
            }
        });
        if !clash {
            chosen.push(e);
        }
    }
    chosen.sort_by_key(|e| std::cmp::Reverse((e.start, e.end)));
    chosen
}

/// Apply edits (sorted from the end of the text backwards). Earlier offsets stay valid as we go.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = text.to_string();
    for e in edits {
        if e.end > out.len() || !out.is_char_boundary(e.start) || !out.is_char_boundary(e.end) {
            continue;
        }
        let before = out[..e.start].trim_end_matches([' ', '\t']);
        let at_sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':']);
        if e.text.is_empty() && at_sentence_start {
            // Removing the start of a sentence: drop the comma left behind and capitalise what follows.
            let rest = out[e.end..].trim_start_matches([' ', ',', ';', '-', '\u{2013}', '\u{2014}']);
            out = format!("{}{}", &out[..e.start], capitalise(rest));
            continue;
        }
        out.replace_range(e.start..e.end, &e.text);
    }
    out
}

/// Collapse doubled spaces and punctuation left by removals; drop lines that became bare punctuation.
fn tidy(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let mut l = line.to_string();
        for (from, to) in [
            ("  ", " "),
            (" ,", ","),
            (" .", "."),
            (" !", "!"),
            (" ?", "?"),
            (",.", "."),
            (",,", ","),
            (". .", "."),
            ("..", "."),
            (": .", "."),
            (":.", "."),
            (",!", "!"),
            (",?", "?"),
            (" :", ":"),
            ("()", ""),
        ] {
            while l.contains(from) && !(from == ".." && l.contains("...")) {
                l = l.replace(from, to);
            }
        }
        let trimmed = l.trim_start_matches([',', ';', ' ']);
        let l = if trimmed.len() != l.len() { capitalise(trimmed) } else { l };
        let only_punct = !l.trim().is_empty()
            && l.trim().chars().all(|c| c.is_ascii_punctuation() || c == '\u{2013}' || c == '\u{2014}');
        if !only_punct {
            lines.push(l.trim_end().to_string());
        }
    }
    let mut out = lines.join("\n");
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out.trim().to_string()
}

fn worse(after: &Scores, before: &Scores) -> bool {
    after.salesiness > before.salesiness || after.value < before.value
}

/// The rewrite itself (see the module doc). Each pass applies the suggestions together if that improves the
/// post, else one by one keeping only those that do not make it worse; then the seams are tidied.
pub fn rewrite(engine: &Engine, text: &str, options: &Options) -> Rewrite {
    let mut report = engine.analyze(text, options);
    let before = report.scores();
    let mut current = text.to_string();
    let mut scores = before;
    let mut applied: Vec<String> = Vec::new();
    let record = |edits: &[Edit], applied: &mut Vec<String>| {
        for e in edits.iter().rev() {
            if !applied.contains(&e.rule) {
                applied.push(e.rule.clone());
            }
        }
    };
    for _ in 0..MAX_PASSES {
        let edits = choose_edits(&report);
        if edits.is_empty() {
            break;
        }
        let together = apply(&current, &edits);
        let together_report = engine.analyze(&together, options);
        let start = current.clone();
        if !worse(&together_report.scores(), &scores) {
            record(&edits, &mut applied);
            current = together;
            scores = together_report.scores();
        } else {
            for e in &edits {
                let candidate = apply(&current, std::slice::from_ref(e));
                let s = engine.analyze(&candidate, options).scores();
                if !worse(&s, &scores) {
                    record(std::slice::from_ref(e), &mut applied);
                    current = candidate;
                    scores = s;
                }
            }
        }
        let tidied = tidy(&current);
        let tidied_report = engine.analyze(&tidied, options);
        if !worse(&tidied_report.scores(), &scores) {
            current = tidied;
            report = tidied_report;
        } else {
            report = engine.analyze(&current, options);
        }
        scores = report.scores();
        if current == start {
            break;
        }
    }
    Rewrite { text: current, before, after: scores, applied }
}

const STOPWORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "also",
    "always",
    "another",
    "anyone",
    "anything",
    "around",
    "back",
    "because",
    "been",
    "before",
    "being",
    "best",
    "better",
    "between",
    "both",
    "came",
    "come",
    "could",
    "days",
    "does",
    "doing",
    "done",
    "down",
    "each",
    "even",
    "every",
    "everyone",
    "everything",
    "first",
    "from",
    "get",
    "gets",
    "getting",
    "give",
    "going",
    "good",
    "great",
    "half",
    "have",
    "having",
    "here",
    "into",
    "just",
    "know",
    "last",
    "less",
    "like",
    "little",
    "long",
    "look",
    "made",
    "make",
    "many",
    "more",
    "most",
    "much",
    "need",
    "never",
    "next",
    "nothing",
    "once",
    "only",
    "other",
    "over",
    "part",
    "people",
    "really",
    "right",
    "said",
    "same",
    "should",
    "since",
    "some",
    "something",
    "still",
    "such",
    "sure",
    "take",
    "than",
    "thank",
    "thanks",
    "that",
    "that's",
    "their",
    "them",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "though",
    "through",
    "time",
    "today",
    "together",
    "told",
    "too",
    "tried",
    "under",
    "until",
    "very",
    "want",
    "week",
    "weeks",
    "well",
    "went",
    "were",
    "what",
    "what's",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "without",
    "work",
    "would",
    "year",
    "years",
    "you're",
    "your",
    "yours",
    "it's",
    "i've",
    "we're",
    "we've",
    "don't",
    "didn't",
    "can't",
    "won't",
    "isn't",
    "doesn't",
    "i'm",
    "i'd",
    "we'd",
    "you'd",
    "you've",
    "they're",
    "let's",
    "here's",
    "new",
    "now",
    "free",
    "help",
    "happy",
    "proud",
    "excited",
    "thrilled",
    "delighted",
    "amazing",
    "incredible",
    "team",
    "customers",
    "clients",
    "someone",
    "whether",
    "within",
    "might",
    "maybe",
    "already",
    "enough",
    "usually",
    "often",
    "three",
    "four",
    "five",
    "month",
    "months",
    "morning",
    "night",
    "minutes",
    "hours",
    "start",
    "started",
];

fn stopwords() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
}

/// What the post is about, for a closing question: its most repeated content word, else its first hashtag
/// (split at capitals), else its first long content word.
pub fn topic(text: &str, tokens: &Tokens, hits: &[Hit]) -> String {
    let limit = tokens.len().min(4000);
    let mut covered = vec![false; limit];
    for h in hits.iter().filter(|h| h.first < limit) {
        covered[h.first..=h.last.min(limit - 1)].iter_mut().for_each(|c| *c = true);
    }
    let in_hit = |i: usize| covered[i];
    let stop = stopwords();
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for i in 0..limit {
        let t = &tokens.list[i];
        let w = tokens.norm(i);
        if t.kind != Kind::Word
            || t.caps
            || w.chars().count() < 4
            || stop.contains(w)
            || in_hit(i)
            || !w.chars().all(char::is_alphabetic)
        {
            continue;
        }
        match seen.get(w) {
            Some(&k) => counts[k].1 += 1,
            None => {
                seen.insert(w, counts.len());
                counts.push((w, 1, i));
            }
        }
    }
    let best = counts.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
    if let Some((w, n, _)) = best {
        if *n >= 2 {
            return (*w).to_string();
        }
    }
    if let Some(t) = tokens.list.iter().find(|t| t.kind == Kind::Hashtag) {
        let raw = &text[t.start as usize + 1..t.end as usize];
        let mut out = String::new();
        for (i, c) in raw.char_indices() {
            if i > 0 && c.is_uppercase() {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        }
        return out;
    }
    counts
        .iter()
        .find(|(w, _, _)| w.len() >= 6)
        .or(best)
        .map_or_else(|| "this".to_string(), |(w, _, _)| (*w).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_seams() {
        assert_eq!(tidy("Hello  , world !"), "Hello, world!");
        assert_eq!(tidy("Line\n!!\nNext"), "Line\nNext");
    }
}
