//! Phrase matching: every pattern of every rule, found in one pass over the tokens.
//!
//! Patterns are indexed by the word or the kind of token their first element needs (`Index`), so each token
//! costs one hash lookup plus the patterns that can start at a token of its kind. Hits then go through context filters:
//! quotation, negation just before, `except` patterns, `needs` (a rule that only counts near another signal,
//! such as "free" near a call to action) and overlap (two hits of the same side never share a token).

use super::pack::Rule;
use super::pattern::Atom;
use super::text::{Kind, Tokens};
use super::vocab::{Vocab, NO_WORD};

type PatRef = (u32, u32);

/// Patterns indexed by what their first element needs: a word (`by_word`, by word id), a punctuation mark
/// (`by_mark`), or a kind of token (`by_kind`, for classes such as `{num}` and prefixes such as `subscrib*`).
/// A token is then tried only against the patterns that can start at it.
#[derive(Debug, Clone, Default)]
pub struct Index {
    by_word: Vec<Vec<PatRef>>,
    by_mark: Vec<(char, Vec<PatRef>)>,
    by_kind: [Vec<PatRef>; Kind::COUNT],
}

impl Index {
    /// Build the index over the phrase rules of `rules` (indices refer to that slice), whose patterns are
    /// interned in `vocab`.
    pub fn build(rules: &[Rule], vocab: &Vocab) -> Index {
        let mut index = Index { by_word: vec![Vec::new(); vocab.len()], ..Index::default() };
        for (r, rule) in rules.iter().enumerate() {
            for (p, pat) in rule.patterns.iter().enumerate() {
                let key = (r as u32, p as u32);
                for atom in pat.first_atoms() {
                    match atom {
                        Atom::Word(w) => add(&mut index.by_word[vocab.get(w) as usize], key),
                        Atom::Mark(c) => match index.by_mark.iter_mut().find(|(m, _)| m == c) {
                            Some((_, list)) => add(list, key),
                            None => index.by_mark.push((*c, vec![key])),
                        },
                        Atom::Prefix(_) => add(&mut index.by_kind[Kind::Word as usize], key),
                        Atom::Class(class) => {
                            for &kind in class.kinds() {
                                add(&mut index.by_kind[kind as usize], key)
                            }
                        }
                    }
                }
            }
        }
        index
    }
}

fn add(list: &mut Vec<PatRef>, key: PatRef) {
    if !list.contains(&key) {
        list.push(key);
    }
}

/// A phrase rule matched tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub rule: usize,
    pub first: usize,
    pub last: usize,
}

/// Words that cancel the signal right after them: negations ("don't just say buy now") and softeners that turn a
/// command into an option ("if it helps, you can book").
const NEGATORS: [&str; 20] = [
    "not", "don't", "dont", "never", "no", "stop", "avoid", "without", "instead", "isn't", "aren't",
    "doesn't", "didn't", "rather", "nobody", "less", "can", "could", "might", "whenever",
];

fn is_negated(tokens: &Tokens, first: usize) -> bool {
    let sentence = tokens.list[first].sentence;
    for back in 1..=3 {
        let Some(i) = first.checked_sub(back) else { break };
        let t = &tokens.list[i];
        if t.sentence != sentence || matches!(t.kind, Kind::Emoji | Kind::Break) {
            break;
        }
        if t.kind == Kind::Punct {
            let n = tokens.norm(i);
            if n.contains(['\'', '"', '\u{201C}', '\u{201D}', '\u{2018}']) {
                continue;
            }
            break;
        }
        if NEGATORS.contains(&tokens.norm(i)) {
            // "don't forget to subscribe", "don't hesitate to call": a double negative pushes harder.
            let next = (i + 1 < first).then(|| tokens.norm(i + 1));
            return !next.is_some_and(|n| matches!(n, "forget" | "hesitate" | "wait" | "delay"));
        }
    }
    false
}

fn excepted(rule: &Rule, tokens: &Tokens, first: usize, last: usize) -> bool {
    (first.saturating_sub(4)..=last)
        .any(|s| rule.except.iter().any(|p| p.match_at(tokens, s).is_some_and(|e| e >= first && s <= last)))
}

/// Find every phrase hit of `rules` in `tokens`, filtered by context.
pub fn find(rules: &[Rule], index: &Index, tokens: &Tokens) -> Vec<Hit> {
    let mut hits = Vec::new();
    // `first_known`: the index already proved the first element matches token `i` (its word or mark).
    let try_pat = |(r, p): PatRef, i: usize, first_known: bool, hits: &mut Vec<Hit>| {
        let rule = &rules[r as usize];
        let pattern = &rule.patterns[p as usize];
        let found =
            if first_known { pattern.match_after_first(tokens, i) } else { pattern.match_at(tokens, i) };
        let Some(last) = found else { return };
        if !rule.quoted && tokens.list[i..=last].iter().any(|t| t.quoted) {
            return;
        }
        if rule.negatable && is_negated(tokens, i) {
            return;
        }
        if !rule.except.is_empty() && excepted(rule, tokens, i, last) {
            return;
        }
        hits.push(Hit { rule: r as usize, first: i, last });
    };
    // Each pattern is tried once per token, though a first element such as `(buy|{word})` or `(!|?)` is
    // indexed twice.
    let mut known: Vec<PatRef> = Vec::new();
    for i in 0..tokens.len() {
        let t = &tokens.list[i];
        known.clear();
        match t.kind {
            Kind::Break => continue,
            Kind::Punct => {
                let norm = tokens.norm(i);
                for (mark, list) in &index.by_mark {
                    if norm.contains(*mark) {
                        for &pr in list {
                            if !known.contains(&pr) {
                                known.push(pr);
                            }
                        }
                    }
                }
            }
            _ if t.word != NO_WORD => known.extend_from_slice(&index.by_word[t.word as usize]),
            _ => {}
        }
        for &pr in &known {
            try_pat(pr, i, true, &mut hits);
        }
        for &pr in &index.by_kind[t.kind as usize] {
            if !known.contains(&pr) {
                try_pat(pr, i, false, &mut hits);
            }
        }
    }
    let hits = apply_needs(rules, hits);
    resolve_overlaps(rules, hits, tokens.len())
}

/// Drop hits of rules with `needs` that have no hit tagged with one of those needs within their window.
fn apply_needs(rules: &[Rule], hits: Vec<Hit>) -> Vec<Hit> {
    if !hits.iter().any(|h| !rules[h.rule].needs.is_empty()) {
        return hits;
    }
    // Hits are in token order here, so the anchors are sorted by `first`.
    let anchors: Vec<Hit> = hits.iter().filter(|h| rules[h.rule].needs.is_empty()).copied().collect();
    hits.iter()
        .copied()
        .filter(|h| {
            let rule = &rules[h.rule];
            if rule.needs.is_empty() {
                return true;
            }
            let from = anchors.partition_point(|a| a.first + 16 + rule.needs_window < h.first);
            anchors[from..].iter().take_while(|a| a.first <= h.last + rule.needs_window).any(|a| {
                a.rule != h.rule
                    && h.first <= a.last + rule.needs_window
                    && rules[a.rule].tags.iter().any(|t| rule.needs.contains(t))
            })
        })
        .collect()
}

/// Keep the heaviest of overlapping hits on the same side; the result is sorted by position.
fn resolve_overlaps(rules: &[Rule], mut hits: Vec<Hit>, n_tokens: usize) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        let (ra, rb) = (&rules[a.rule], &rules[b.rule]);
        rb.weight
            .total_cmp(&ra.weight)
            .then((b.last - b.first).cmp(&(a.last - a.first)))
            .then(a.first.cmp(&b.first))
    });
    // One bit per side per token: which sides already claimed the token.
    let mut taken = vec![0u8; n_tokens];
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        let bit = 1u8 << (rules[h.rule].side as u8);
        if taken[h.first..=h.last].iter().all(|t| t & bit == 0) {
            taken[h.first..=h.last].iter_mut().for_each(|t| *t |= bit);
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| (h.first, h.last));
    kept
}
