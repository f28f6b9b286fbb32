//! Phrase matching: every pattern of every rule, found in one pass over the tokens.
//!
//! Patterns are indexed by the word their first element needs (`Index`), so each token costs one hash lookup
//! plus the few patterns that start with a class or a prefix. Hits then go through context filters:
//! quotation, negation just before, `except` patterns, `needs` (a rule that only counts near another signal,
//! such as "free" near a call to action) and overlap (two hits of the same side never share a token).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::pack::Rule;
use super::pattern::Atom;
use super::text::{Kind, Tokens};

/// FNV-1a: a tiny, fast hasher for short keys (the std SipHash costs more than the matching itself).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type PatRef = (u32, u32);

/// Patterns indexed by their first word; `wild` holds those whose first element is a class or prefix.
#[derive(Debug, Clone, Default)]
pub struct Index {
    by_word: HashMap<Box<str>, Vec<PatRef>, BuildHasherDefault<Fnv>>,
    wild: Vec<PatRef>,
}

impl Index {
    /// Build the index over the phrase rules of `rules` (indices refer to that slice).
    pub fn build(rules: &[Rule]) -> Index {
        let mut index = Index::default();
        for (r, rule) in rules.iter().enumerate() {
            for (p, pat) in rule.patterns.iter().enumerate() {
                let key = (r as u32, p as u32);
                for atom in pat.first_atoms() {
                    match atom {
                        Atom::Word(w) => index.by_word.entry(w.clone()).or_default().push(key),
                        Atom::Mark(c) => index.by_word.entry(c.to_string().into()).or_default().push(key),
                        _ => {
                            if !index.wild.contains(&key) {
                                index.wild.push(key)
                            }
                        }
                    }
                }
            }
        }
        index
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
    let try_pat = |(r, p): PatRef, i: usize, hits: &mut Vec<Hit>| {
        let rule = &rules[r as usize];
        let Some(last) = rule.patterns[p as usize].match_at(tokens, i) else { return };
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
    for i in 0..tokens.len() {
        let t = &tokens.list[i];
        if t.kind == Kind::Break {
            continue;
        }
        let norm = tokens.norm(i);
        let key = if t.kind == Kind::Punct { norm.get(..1).unwrap_or(norm) } else { norm };
        if let Some(list) = index.by_word.get(key) {
            for &pr in list {
                try_pat(pr, i, &mut hits);
            }
        }
        for &pr in &index.wild {
            try_pat(pr, i, &mut hits);
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
