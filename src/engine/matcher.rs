//! Phrase matching: every pattern of every rule, found in one pass over the tokens.
//!
//! Patterns are indexed by the word, mark or kind of token their first element needs (`Index`), so each token
//! is tried only against the patterns that can start at it, mostly from one list. What each pattern needs of
//! the token after the first (its classes, or one of its words, exactly) and of the first token (its classes;
//! the first two bytes of a prefix) passes over most of those without trying them. Hits then go through
//! context filters: quotation, negation just before, `except` patterns, `needs` (a rule that only counts near
//! another signal, such as "free" near a call to action) and overlap (two hits of the same side never share a
//! token).

use super::pack::Rule;
use super::pattern::{bit64, has_mark, lead_bits, token_bits, Anchor, Atom, ALWAYS};
use super::text::{Kind, Tokens};
use super::vocab::{Vocab, WordLists, NO_WORD};

/// A pattern an index list holds (by rule and pattern number), with what lets the matcher pass over it without
/// trying it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    rule: u32,
    pattern: u32,
    /// The first token must have one of these `token_bits` (`ALWAYS` where the list's key proves the first
    /// element).
    first: u32,
    /// `Pattern::filter_at(1)`: the token after the first must have one of these `token_bits`, or one of the
    /// words `Index::next_words[words.0..words.1]`, which `word_bits` sums up.
    next: u32,
    words: (u32, u32),
    word_bits: u64,
    /// `Pattern::filter_at(2)` for the token after that, checked once the others pass (most of the tries that
    /// fail, fail there): its `token_bits` must be among `then`, or its word among `then_words` (as `bit64`s,
    /// which may say yes wrongly). `then` is `ALWAYS` when anything goes.
    then: u32,
    then_words: u64,
    /// `Pattern::lead_filter`: the first token's `lead_bits` must be among these (read by `List::gate`; a
    /// pattern that passes the gate checks its prefix itself, `check_first`).
    lead: u64,
    /// A token with the `first` bits may still fail the first element (a prefix): check it.
    check_first: bool,
    /// Passing the `next` filter proves the second element (`Pattern::second_is_exact`).
    next_exact: bool,
    /// `Pattern::anchor`: checked before trying the pattern, as most tokens start no sentence.
    anchor: Anchor,
}

impl Candidate {
    fn same(&self, other: &Candidate) -> bool {
        (self.rule, self.pattern) == (other.rule, other.pattern)
    }
}

/// Patterns indexed by what their first element needs: a word (`by_word`, by word id), a punctuation mark
/// (`by_mark`), or a kind of token (`by_kind`, for classes such as `{num}` and prefixes such as `subscrib*`).
///
/// A token walks one list: its word's (which holds the patterns of `by_kind[Word]` that can start at that word
/// too, after the word's own), its mark's (likewise with `by_kind[Punct]`) or its kind's. Only a token that is
/// not a word yet has a word id (a number a pattern spells out), or that holds two indexed marks (`?!`), walks
/// several, and tries a pattern they share at the first only.
#[derive(Debug, Default)]
pub struct Index {
    by_word: Vec<List>,
    by_mark: Vec<(char, List)>,
    /// By ASCII character: the `by_mark` entries (as bits of their positions) whose mark it is; `None` when
    /// there are more marks than bits.
    ascii_marks: Option<[u64; 128]>,
    /// By kind (`Kind as usize`).
    by_kind: Vec<List>,
    /// The words `Candidate::words` points into.
    next_words: Vec<u32>,
    /// Each rule's priority as a rank (the higher, the higher), so that hits sort on integers.
    priority: Vec<u32>,
    /// `NEGATION_LISTS` by word id.
    negation: WordLists,
}

/// A list of the index, with what its patterns read of a token (`find` works out only that).
#[derive(Debug, Default)]
struct List {
    all: Vec<Candidate>,
    /// `all[..own]`: the key's own patterns; the rest are its token kind's.
    own: usize,
    /// Some pattern reads the token's `token_bits` (`Candidate::first`), or the next token's classes
    /// (`next`: other patterns read only its word, or nothing).
    this_bits: bool,
    next_bits: bool,
    /// The union of the patterns' `next` and `word_bits` filters: a next token that passes neither tries none.
    next_union: u32,
    word_union: u64,
    /// When every pattern has a `lead` filter, their union: a token whose `lead_bits` are not in it tries
    /// none of them. 0 otherwise.
    gate: u64,
}

impl List {
    fn own(&self) -> &[Candidate] {
        &self.all[..self.own]
    }

    fn add(&mut self, key: Candidate) {
        if !self.all.iter().any(|c| c.same(&key)) {
            self.all.push(key);
        }
    }

    /// Append the patterns of `more` not already here.
    fn extend_new(&mut self, more: &[Candidate]) {
        for c in more {
            self.add(*c);
        }
    }

    /// Work out `own` and the flags once the list is whole; `own` is the length so far unless `own` is given.
    fn finish(&mut self, own: Option<usize>) {
        self.own = own.unwrap_or(self.all.len());
        self.this_bits = self.all.iter().any(|c| c.first != ALWAYS);
        self.next_bits = self.all.iter().any(|c| c.next & !ALWAYS != 0);
        self.next_union = self.all.iter().fold(0, |b, c| b | c.next);
        self.word_union = self.all.iter().fold(0, |b, c| b | c.word_bits);
        self.gate = match self.all.iter().all(|c| c.lead != u64::MAX) {
            true => self.all.iter().fold(0, |b, c| b | c.lead),
            false => 0,
        };
    }
}

impl Index {
    /// Build the index over the phrase rules of `rules` (indices refer to that slice), whose patterns are
    /// interned in `vocab`; the negation word lists are interned there too.
    pub fn build(rules: &[Rule], vocab: &mut Vocab) -> Index {
        let negation = WordLists::intern(vocab, &NEGATION_LISTS);
        let vocab = &*vocab;
        // A rule's rank by its priority (equal priorities, equal ranks). Not the weight: the fit reads the
        // findings, so which of two overlapping hits counts must not depend on what it fitted.
        let priority = rules
            .iter()
            .map(|r| rules.iter().filter(|o| o.priority.total_cmp(&r.priority).is_lt()).count() as u32)
            .collect();
        let mut index = Index {
            by_word: (0..vocab.len()).map(|_| List::default()).collect(),
            by_kind: (0..Kind::COUNT).map(|_| List::default()).collect(),
            priority,
            negation,
            ..Index::default()
        };
        // The words by id (those the rules spell out: every word of `vocab`), to fold prefixes in.
        let mut words: Vec<Option<&str>> = vec![None; vocab.len()];
        for pat in rules.iter().flat_map(|r| r.patterns.iter().chain(&r.except)) {
            for atom in pat.elems.iter().flat_map(|e| e.atoms()) {
                if let Atom::Word(w) = atom {
                    if let Some(slot) = words.get_mut(vocab.get(w) as usize) {
                        *slot = Some(w);
                    }
                }
            }
        }
        for (r, rule) in rules.iter().enumerate() {
            for (p, pat) in rule.patterns.iter().enumerate() {
                let atoms = pat.first_atoms();
                let (next, next_words) = pat.filter_at(1);
                let from = index.next_words.len() as u32;
                index.next_words.extend_from_slice(&next_words);
                let (then, then_words) = pat.filter_at(2);
                let (first_bits, prefix) = pat.first_bits();
                let keyed_key = Candidate {
                    rule: r as u32,
                    pattern: p as u32,
                    first: ALWAYS,
                    next,
                    words: (from, index.next_words.len() as u32),
                    word_bits: next_words.iter().fold(0, |b, &w| b | bit64(w)),
                    then,
                    then_words: then_words.iter().fold(0, |b, &w| b | bit64(w)),
                    lead: u64::MAX,
                    check_first: false,
                    next_exact: pat.second_is_exact(),
                    anchor: pat.anchor,
                };
                let kind_key = Candidate {
                    first: first_bits,
                    check_first: prefix,
                    lead: pat.lead_filter(),
                    ..keyed_key
                };
                for atom in atoms {
                    match atom {
                        Atom::Word(w) => index.by_word[vocab.get(w) as usize].add(keyed_key),
                        Atom::Mark(c) => match index.by_mark.iter_mut().find(|(m, _)| m == c) {
                            Some((_, list)) => list.add(keyed_key),
                            None => {
                                index.by_mark.push((*c, List { all: vec![keyed_key], ..List::default() }))
                            }
                        },
                        Atom::Prefix(_) => index.by_kind[Kind::Word as usize].add(kind_key),
                        Atom::Class(class) => {
                            for &kind in class.kinds() {
                                index.by_kind[kind as usize].add(kind_key)
                            }
                        }
                    }
                }
            }
        }
        // A word's list goes on with the patterns of `by_kind[Word]` that can start at that word: those whose
        // prefix it has (then proven), and those with a class (which the token's bits decide).
        for (id, list) in index.by_word.iter_mut().enumerate() {
            let own = list.all.len();
            for c in &index.by_kind[Kind::Word as usize].all {
                if list.all[..own].iter().any(|o| o.same(c)) {
                    continue;
                }
                let pattern = &rules[c.rule as usize].patterns[c.pattern as usize];
                match words[id] {
                    Some(w)
                        if pattern
                            .first_atoms()
                            .iter()
                            .any(|a| matches!(a, Atom::Prefix(p) if w.starts_with(&**p))) =>
                    {
                        list.all.push(Candidate { first: ALWAYS, check_first: false, lead: u64::MAX, ..*c })
                    }
                    Some(_) => {
                        let classes = pattern.first_bits_of_classes();
                        if classes != 0 {
                            list.all.push(Candidate {
                                first: classes,
                                check_first: false,
                                lead: u64::MAX,
                                ..*c
                            });
                        }
                    }
                    None => list.all.push(*c),
                }
            }
            list.finish(Some(own));
        }
        for (_, list) in &mut index.by_mark {
            let own = list.all.len();
            list.extend_new(&index.by_kind[Kind::Punct as usize].all);
            list.finish(Some(own));
        }
        for list in &mut index.by_kind {
            list.finish(None);
        }
        if index.by_mark.len() <= 64 {
            let mut table = [0u64; 128];
            for (k, (mark, _)) in index.by_mark.iter().enumerate() {
                if mark.is_ascii() {
                    table[*mark as usize] |= 1 << k;
                }
            }
            index.ascii_marks = Some(table);
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
const NEGATORS: [&str; 21] = [
    "not", "don't", "dont", "never", "no", "stop", "avoid", "without", "instead", "isn't", "aren't",
    "doesn't", "didn't", "rather", "nobody", "less", "can", "could", "might", "whenever", "unless",
];

/// Verbs after which a negator pushes instead: "don't forget to subscribe", "don't hesitate to call".
const PUSHING_AFTER_NEGATOR: [&str; 4] = ["forget", "hesitate", "wait", "delay"];

/// The negation word lists, read by word id (`WordLists` bits `NEGATOR` and `PUSHING`).
const NEGATION_LISTS: [&[&str]; 2] = [&NEGATORS, &PUSHING_AFTER_NEGATOR];
const NEGATOR: u32 = 1;
const PUSHING: u32 = 2;

/// Whether a negator (`NEGATORS`) stands just before token `first` in its sentence: up to three tokens back,
/// over quotation marks. `negation` holds `NEGATION_LISTS`.
fn is_negated(tokens: &Tokens, negation: &WordLists, first: usize) -> bool {
    // Most hits have no negator at all among those tokens: ruled out without the walk.
    tokens.list[first.saturating_sub(3)..first].iter().any(|t| negation.bits(t.word) & NEGATOR != 0)
        && negated_by_walk(tokens, negation, first)
}

/// `is_negated` without its fast path: the walk back from `first`.
fn negated_by_walk(tokens: &Tokens, negation: &WordLists, first: usize) -> bool {
    let sentence = tokens.list[first].sentence;
    for i in (first.saturating_sub(3)..first).rev() {
        let t = &tokens.list[i];
        if t.sentence != sentence {
            break;
        }
        match t.kind {
            Kind::Emoji | Kind::Break => break,
            Kind::Punct if is_quotation(tokens.norm(i)) => continue,
            Kind::Punct => break,
            _ => {}
        }
        if negation.bits(t.word) & NEGATOR != 0 {
            // A double negative pushes harder.
            return !(i + 1 < first && negation.bits(tokens.list[i + 1].word) & PUSHING != 0);
        }
    }
    false
}

/// Whether a punctuation token holds a quotation mark or an apostrophe.
fn is_quotation(norm: &str) -> bool {
    if norm.is_ascii() {
        norm.bytes().any(|b| b == b'\'' || b == b'"')
    } else {
        norm.contains(['\'', '"', '\u{201C}', '\u{201D}', '\u{2018}'])
    }
}

/// Whether one of `rule`'s `except` patterns matches from up to four tokens before the hit `first..=last` to
/// within it. Kept out of line: few tries get this far, and `Scan::try_one` stays lighter without it.
#[inline(never)]
fn excepted(rule: &Rule, tokens: &Tokens, first: usize, last: usize) -> bool {
    (first.saturating_sub(4)..=last)
        .any(|s| rule.except.iter().any(|p| p.match_at(tokens, s).is_some_and(|e| e >= first && s <= last)))
}

/// Find every phrase hit of `rules` in `tokens`, filtered by context.
pub fn find(rules: &[Rule], index: &Index, tokens: &Tokens) -> Vec<Hit> {
    let hits = apply_needs(rules, scan(rules, index, tokens));
    resolve_overlaps(rules, &index.priority, hits, tokens.len())
}

/// Every hit that passes the filters of its own context (quotation, negation, `except`), in the order found.
fn scan(rules: &[Rule], index: &Index, tokens: &Tokens) -> Vec<Hit> {
    let mut scan = Scan {
        rules,
        tokens,
        next_words: &index.next_words,
        negation: &index.negation,
        hits: Vec::with_capacity(tokens.len() / 4 + 8),
        first_sentence: tokens.first_sentence(),
    };
    for (i, t) in tokens.list.iter().enumerate() {
        let list = match t.kind {
            // Words no pattern mentions have no word id.
            Kind::Word => index.by_word.get(t.word as usize).unwrap_or(&index.by_kind[Kind::Word as usize]),
            Kind::Punct => {
                // The marks the token holds, as bits of their `by_mark` positions: by table for ASCII.
                let bytes = tokens.norm_bytes(i);
                let marks = match &index.ascii_marks {
                    Some(table) if bytes.is_ascii() => bytes.iter().fold(0, |m, &b| m | table[b as usize]),
                    _ => index
                        .by_mark
                        .iter()
                        .enumerate()
                        .filter(|(_, (mark, _))| has_mark(tokens.norm(i), *mark))
                        .fold(0u64, |m, (k, _)| m | 1 << k.min(63)),
                };
                match marks.count_ones() {
                    0 => &index.by_kind[Kind::Punct as usize],
                    1 => &index.by_mark[marks.trailing_zeros() as usize].1,
                    _ => {
                        let mut lists: Vec<&[Candidate]> = index
                            .by_mark
                            .iter()
                            .filter(|(mark, _)| has_mark(tokens.norm(i), *mark))
                            .map(|(_, l)| l.own())
                            .collect();
                        lists.push(&index.by_kind[Kind::Punct as usize].all);
                        scan.try_lists(&lists, i);
                        continue;
                    }
                }
            }
            Kind::Break => continue,
            kind => match index.by_word.get(t.word as usize) {
                None => &index.by_kind[kind as usize],
                Some(list) => {
                    scan.try_lists(&[list.own(), &index.by_kind[kind as usize].all], i);
                    continue;
                }
            },
        };
        if !list.all.is_empty() {
            scan.try_list(list, i);
        }
    }
    scan.hits
}

/// What the filters read at token `i`: `token_bits` of it and of the next token, and the next token's word id
/// with its `bit64` (none for no word). What a list does not read is left at `ALWAYS`.
#[derive(Debug, Clone, Copy)]
struct At {
    i: usize,
    this: u32,
    next: u32,
    next_word: u32,
    next_bit: u64,
}

/// `find`'s pass over the tokens: the hits so far.
struct Scan<'a> {
    rules: &'a [Rule],
    tokens: &'a Tokens,
    next_words: &'a [u32],
    negation: &'a WordLists,
    hits: Vec<Hit>,
    /// `Tokens::first_sentence`, for `Anchor::at`.
    first_sentence: Option<u32>,
}

impl Scan<'_> {
    /// What `list` reads at token `i`, or `None` when its `gate` rules the token out.
    #[inline(always)]
    fn at(&self, list: &List, i: usize) -> Option<At> {
        let tokens = self.tokens;
        if list.gate != 0 && lead_bits(tokens.norm_bytes(i)) & list.gate == 0 {
            return None;
        }
        let next_word = tokens.list.get(i + 1).map_or(NO_WORD, |t| t.word);
        let next_bit = if next_word == NO_WORD { 0 } else { bit64(next_word) };
        let mut at = At { i, this: ALWAYS, next: ALWAYS, next_word, next_bit };
        if list.next_bits && i + 1 < tokens.len() {
            at.next = token_bits(tokens, i + 1);
        }
        if at.next & list.next_union == 0 && next_bit & list.word_union == 0 {
            return None;
        }
        if list.this_bits {
            at.this = token_bits(tokens, i);
        }
        Some(at)
    }

    /// Try the patterns of `list` at token `i`.
    #[inline]
    fn try_list(&mut self, list: &List, i: usize) {
        if let Some(at) = self.at(list, i) {
            self.try_at(&list.all, at);
        }
    }

    #[inline(always)]
    fn try_at(&mut self, list: &[Candidate], at: At) {
        for c in list {
            // The next token first: it rules out most candidates, and `first` few.
            if at.next & c.next == 0
                && (c.word_bits & at.next_bit == 0
                    || self.next_words[c.words.0 as usize..c.words.1 as usize]
                        .binary_search(&at.next_word)
                        .is_err())
            {
                continue;
            }
            if at.this & c.first == 0 {
                continue;
            }
            if c.anchor != Anchor::Anywhere && c.anchor > Anchor::at(self.tokens, at.i, self.first_sentence) {
                continue;
            }
            if c.then != ALWAYS && !self.then_admits(c, at.i + 2) {
                continue;
            }
            self.try_one(c, at.i);
        }
    }

    /// Whether token `pos` (two after the first) passes the `then` filter of `c`.
    fn then_admits(&self, c: &Candidate, pos: usize) -> bool {
        let Some(t) = self.tokens.list.get(pos) else { return false };
        bit64(t.word) & c.then_words != 0 || (c.then != 0 && token_bits(self.tokens, pos) & c.then != 0)
    }

    /// `try_list` over several lists, as one list: each pattern once, where it first comes.
    #[cold]
    fn try_lists(&mut self, lists: &[&[Candidate]], i: usize) {
        let mut list = List::default();
        for part in lists {
            list.extend_new(part);
        }
        list.finish(None);
        self.try_list(&list, i);
    }

    /// Try the pattern of `c` at token `i`, which passed the filters (the anchor among them). Kept out of
    /// line: the loop over the candidates stays small.
    #[inline(never)]
    fn try_one(&mut self, c: &Candidate, i: usize) {
        let tokens = self.tokens;
        let rule = &self.rules[c.rule as usize];
        let pattern = &rule.patterns[c.pattern as usize];
        if c.check_first && !pattern.first_matches(tokens, i) {
            return;
        }
        let Some(last) = pattern.match_after(tokens, i, 1 + usize::from(c.next_exact)) else { return };
        if !rule.quoted && tokens.list[i..=last].iter().any(|t| t.quoted) {
            return;
        }
        if rule.negatable && is_negated(tokens, self.negation, i) {
            return;
        }
        if !rule.except.is_empty() && excepted(rule, tokens, i, last) {
            return;
        }
        self.hits.push(Hit { rule: c.rule as usize, first: i, last });
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

/// Keep the hit of the highest priority among overlapping hits on the same side (of equal priority the
/// longest, then the first found); the result is sorted by position. `hits` are in the order found, which is
/// by position; `priority` ranks their rules' priorities.
///
/// Only hits chained together by shared tokens (a cluster) can rule each other out, and most hits share no
/// token with another: those are kept as they are, and only the clusters are ranked and sorted.
fn resolve_overlaps(rules: &[Rule], priority: &[u32], mut hits: Vec<Hit>, n_tokens: usize) -> Vec<Hit> {
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
        // Highest priority first, then longest: `!` turns the descending order into the ascending one sorts give.
        sort_hits(cluster, &|h| u64::from(!priority[h.rule]) << 32 | u64::from(!((h.last - h.first) as u32)));
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

#[cfg(test)]
pub(super) mod tests {
    use super::super::{text::tokenize_interned, Engine};
    use super::*;

    /// Texts for the tests: made-up ones that reach the index's rarer paths (two marks in one token, numbers a
    /// pattern spells out, quotation, anchors, gaps), the sample post, and the development corpus when it is
    /// there.
    pub(crate) fn texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "Why?! Don't miss out?! Act now!! Only 5 left: call 0800123456 or text STOP to 80082.",
            "BUY NOW, 50% off! £5 or $10 - \"subscribe\" to my channel; subscribed? Comment YES below 👇",
            "Here's what happened when we tried this. What will you say? This is how you win: 3 tips.",
            "I'd love to hear how you handle it. We're hiring! Thanks @ann for sharing #growth https://x.io",
            "Not ready? Never buy now. Don't forget to subscribe... don't hesitate to call us today!!!",
            "1. Reply before you post.\n2. Ask one real question.\n\nWhat's one habit that made your posts better?",
            "The 7 best tools in the world, ever. Only 3 spots left at 12,000 for 2 days only ?! :)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.push(include_str!("../../samples/sales-post.txt").to_string());
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/posts-dev.jsonl");
        if let Ok(lines) = std::fs::read_to_string(corpus) {
            for line in lines.lines().take(60) {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                texts.push(v["text"].as_str().unwrap().to_string());
            }
        }
        texts
    }

    /// Every pattern tried at every token, through the same context filters: what the index must find.
    fn every_pattern_everywhere(rules: &[Rule], negation: &WordLists, tokens: &Tokens) -> Vec<Hit> {
        let mut hits = Vec::new();
        for i in 0..tokens.len() {
            for (r, rule) in rules.iter().enumerate() {
                for pattern in &rule.patterns {
                    let Some(last) = pattern.match_at(tokens, i) else { continue };
                    if (!rule.quoted && tokens.list[i..=last].iter().any(|t| t.quoted))
                        || (rule.negatable && is_negated(tokens, negation, i))
                        || (!rule.except.is_empty() && excepted(rule, tokens, i, last))
                    {
                        continue;
                    }
                    hits.push(Hit { rule: r, first: i, last });
                }
            }
        }
        hits
    }

    /// The index and its filters pass over patterns only where they cannot match: the hits are those of trying
    /// every pattern at every token.
    #[test]
    fn index_finds_what_every_pattern_everywhere_finds() {
        let engine = Engine::new();
        let c = &*engine.compiled;
        let key = |h: &Hit| (h.first, h.rule, h.last);
        let mut total = 0;
        for text in texts() {
            let tokens = tokenize_interned(&text, &c.vocab);
            let mut found = scan(&c.phrase, &c.index, &tokens);
            let mut expected = every_pattern_everywhere(&c.phrase, &c.index.negation, &tokens);
            // Within a token the index tries the patterns in its own order.
            found.sort_by_key(key);
            expected.sort_by_key(key);
            assert_eq!(found, expected, "{text}");
            total += found.len();
        }
        assert!(total > 50, "{total} hits");
    }

    /// `is_negated`'s fast path rules out only tokens the walk finds no negator before.
    #[test]
    fn negation_fast_path_agrees_with_the_walk() {
        let engine = Engine::new();
        let c = &*engine.compiled;
        let mut negated = 0;
        for text in texts() {
            let tokens = tokenize_interned(&text, &c.vocab);
            for i in 0..tokens.len() {
                let walk = negated_by_walk(&tokens, &c.index.negation, i);
                assert_eq!(is_negated(&tokens, &c.index.negation, i), walk, "at {i} of {text}");
                negated += usize::from(walk);
            }
        }
        assert!(negated > 10, "{negated} negated tokens");
    }

    #[test]
    fn overlapping_hits_are_on_different_sides() {
        let engine = Engine::new();
        let c = &*engine.compiled;
        for text in texts() {
            let tokens = tokenize_interned(&text, &c.vocab);
            let hits = find(&c.phrase, &c.index, &tokens);
            for (k, a) in hits.iter().enumerate() {
                for b in &hits[k + 1..] {
                    assert!((a.first, a.last) <= (b.first, b.last), "sorted by position");
                    let same_side = c.phrase[a.rule].side == c.phrase[b.rule].side;
                    assert!(!same_side || b.first > a.last, "{a:?} and {b:?} overlap in {text}");
                }
            }
        }
    }
}
