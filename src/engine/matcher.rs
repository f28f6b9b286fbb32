//! Phrase matching: every pattern of every rule, found in one pass over the tokens.
//!
//! Patterns are indexed by the word, mark or kind of token their first element needs (`Index`), so each token
//! is tried only against the patterns that can start at it; two 64-bit sets per pattern (the words the token
//! after the first may have, the bytes a first-element prefix starts with) pass over most of those without
//! trying them. Hits then go through context filters:
//! quotation, negation just before, `except` patterns, `needs` (a rule that only counts near another signal,
//! such as "free" near a call to action) and overlap (two hits of the same side never share a token).

use super::pack::Rule;
use super::pattern::{bit64, has_mark, Atom, Pattern};
use super::text::{Kind, Tokens};
use super::vocab::{Vocab, NO_WORD};

/// A pattern the index lists (by rule and pattern number), with what lets the matcher pass over it without
/// trying it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    rule: u32,
    pattern: u32,
    /// `Pattern::next_word_bits`: the token after the first must have one of these words.
    next_words: u64,
    /// `Pattern::lead_byte_bits`: the first token must start with one of these bytes.
    lead_bytes: u64,
    /// One token can find the pattern under two keys (`(buy|{word})`, or `(!|?)` at "?!"); it is tried once.
    listed_twice: bool,
}

impl Candidate {
    fn new(rule: usize, pattern: usize, pat: &Pattern) -> Candidate {
        let atoms = pat.first_atoms();
        let marks = atoms.iter().filter(|a| matches!(a, Atom::Mark(_))).count();
        let by_kind = atoms.iter().any(|a| matches!(a, Atom::Prefix(_) | Atom::Class(_)));
        let keyed = atoms.iter().any(|a| matches!(a, Atom::Word(_) | Atom::Mark(_)));
        Candidate {
            rule: rule as u32,
            pattern: pattern as u32,
            next_words: pat.next_word_bits(),
            lead_bytes: pat.lead_byte_bits(),
            listed_twice: marks > 1 || (by_kind && keyed),
        }
    }
}

/// Patterns indexed by what their first element needs: a word (`by_word`, by word id), a punctuation mark
/// (`by_mark`), or a kind of token (`by_kind`, for classes such as `{num}` and prefixes such as `subscrib*`).
/// A token is then tried only against the patterns that can start at it, and only when its first byte (for a
/// prefix) and the word after it can fit (`Candidate`).
#[derive(Debug, Clone, Default)]
pub struct Index {
    by_word: Vec<Vec<Candidate>>,
    by_mark: Vec<(char, Vec<Candidate>)>,
    by_kind: [Vec<Candidate>; Kind::COUNT],
    /// Each rule's weight as a rank (the heavier, the higher), so that hits sort on integers.
    weight_rank: Vec<u32>,
}

impl Index {
    /// Build the index over the phrase rules of `rules` (indices refer to that slice), whose patterns are
    /// interned in `vocab`.
    pub fn build(rules: &[Rule], vocab: &Vocab) -> Index {
        // A rule's rank: how many rules weigh less (equal weights, equal ranks).
        let weight_rank = rules
            .iter()
            .map(|r| rules.iter().filter(|o| o.weight.total_cmp(&r.weight).is_lt()).count() as u32)
            .collect();
        let mut index = Index { by_word: vec![Vec::new(); vocab.len()], weight_rank, ..Index::default() };
        for (r, rule) in rules.iter().enumerate() {
            for (p, pat) in rule.patterns.iter().enumerate() {
                let key = Candidate::new(r, p, pat);
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

fn add(list: &mut Vec<Candidate>, key: Candidate) {
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
    let mut scan = Scan { rules, tokens, hits: Vec::new(), tried: Vec::new() };
    for i in 0..tokens.len() {
        let t = &tokens.list[i];
        scan.tried.clear();
        let next_word = bit64(tokens.list.get(i + 1).map_or(NO_WORD, |t| t.word));
        let lead_byte = bit64(tokens.norm(i).bytes().next().map_or(0, u32::from));
        if t.kind == Kind::Punct {
            let norm = tokens.norm(i);
            for (_, list) in index.by_mark.iter().filter(|(mark, _)| has_mark(norm, *mark)) {
                scan.try_list(list, i, (next_word, lead_byte), true);
            }
        } else if let Some(list) = index.by_word.get(t.word as usize) {
            // Line breaks and words no pattern mentions have no word id.
            scan.try_list(list, i, (next_word, lead_byte), true);
        }
        scan.try_list(&index.by_kind[t.kind as usize], i, (next_word, lead_byte), false);
    }
    let hits = apply_needs(rules, scan.hits);
    resolve_overlaps(rules, &index.weight_rank, hits, tokens.len())
}

/// `find`'s pass over the tokens: the hits so far, and which patterns listed twice were tried at this token.
struct Scan<'a> {
    rules: &'a [Rule],
    tokens: &'a Tokens,
    hits: Vec<Hit>,
    tried: Vec<Candidate>,
}

impl Scan<'_> {
    /// Try the patterns of `list` at token `i`. `bits`: the `bit64`s of the next token's word id and of
    /// token `i`'s first byte; `first_known`: the index proved their first element matches token `i` (by its
    /// word or mark).
    fn try_list(&mut self, list: &[Candidate], i: usize, bits: (u64, u64), first_known: bool) {
        let tokens = self.tokens;
        for c in list {
            if c.next_words & bits.0 == 0 || c.lead_bytes & bits.1 == 0 {
                continue;
            }
            if c.listed_twice {
                if self.tried.contains(c) {
                    continue;
                }
                self.tried.push(*c);
            }
            let rule = &self.rules[c.rule as usize];
            let pattern = &rule.patterns[c.pattern as usize];
            if !first_known && !pattern.first_matches(tokens, i) {
                continue;
            }
            let Some(last) = pattern.match_after_first(tokens, i) else { continue };
            if !rule.quoted && tokens.list[i..=last].iter().any(|t| t.quoted) {
                continue;
            }
            if rule.negatable && is_negated(tokens, i) {
                continue;
            }
            if !rule.except.is_empty() && excepted(rule, tokens, i, last) {
                continue;
            }
            self.hits.push(Hit { rule: c.rule as usize, first: i, last });
        }
    }
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

/// Keep the heaviest of overlapping hits on the same side (of equal weights the longest, then the first
/// found); the result is sorted by position. `hits` are in the order found, which is by position;
/// `weight_rank` ranks their rules' weights.
///
/// Only hits chained together by shared tokens (a cluster) can rule each other out, and most hits share no
/// token with another: those are kept as they are, and only the clusters are ranked and sorted.
fn resolve_overlaps(rules: &[Rule], weight_rank: &[u32], mut hits: Vec<Hit>, n_tokens: usize) -> Vec<Hit> {
    // One bit per side per token: which sides already claimed the token.
    let mut taken = vec![0u8; n_tokens];
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut rest = &mut hits[..];
    while let Some(first) = rest.first() {
        let (mut len, mut reach) = (1, first.last);
        while len < rest.len() && rest[len].first <= reach {
            reach = reach.max(rest[len].last);
            len += 1;
        }
        let (cluster, tail) = rest.split_at_mut(len);
        rest = tail;
        if let [single] = cluster {
            kept.push(*single);
            continue;
        }
        // Heaviest first, then longest: `!` turns the descending order into the ascending one sorts give.
        sort_hits(cluster, &|h| {
            u64::from(!weight_rank[h.rule]) << 32 | u64::from(!((h.last - h.first) as u32))
        });
        let from = kept.len();
        for &h in &*cluster {
            let bit = 1u8 << (rules[h.rule].side as u8);
            if taken[h.first..=h.last].iter().all(|t| t & bit == 0) {
                taken[h.first..=h.last].iter_mut().for_each(|t| *t |= bit);
                kept.push(h);
            }
        }
        sort_hits(&mut kept[from..], &|h| (h.first as u64) << 32 | h.last as u64);
    }
    kept
}

/// Sort hits stably by an integer key (one instantiation of the standard sort serves both of
/// `resolve_overlaps`' orders; token numbers and lengths fit in 32 bits).
fn sort_hits(hits: &mut [Hit], key: &dyn Fn(&Hit) -> u64) {
    hits.sort_by_key(|h| key(h));
}
