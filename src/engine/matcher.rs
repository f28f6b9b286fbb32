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
use super::pattern::{bit64, has_mark, lead_bits, token_bits, Atom, ALWAYS};
use super::text::{Kind, Tokens};
use super::vocab::{Vocab, NO_WORD};

/// A pattern an index list holds (by rule and pattern number), with what lets the matcher pass over it without
/// trying it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    rule: u32,
    pattern: u32,
    /// The first token must have one of these `token_bits` (`ALWAYS` where the list's key proves the first
    /// element).
    first: u32,
    /// `Pattern::next_filter`: the token after the first must have one of these `token_bits`, or one of the
    /// words `Index::next_words[words.0..words.1]`, which `word_bits` sums up.
    next: u32,
    words: (u32, u32),
    word_bits: u64,
    /// `Pattern::lead_filter`: the first token's `lead_bits` must be among these.
    lead: u64,
    /// A token with the `first` bits may still fail the first element (a prefix): check it.
    check_first: bool,
    /// Passing the `next` filter proves the second element (`Pattern::second_is_exact`).
    next_exact: bool,
    /// The pattern may be in more than one of the lists a token walks (`(buy|{word})`, or `(!|?)` at "?!").
    listed_twice: bool,
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
#[derive(Debug, Clone, Default)]
pub struct Index {
    by_word: Vec<List>,
    by_mark: Vec<(char, List)>,
    by_kind: [List; Kind::COUNT],
    /// The words `Candidate::words` points into.
    next_words: Vec<u32>,
    /// Each rule's weight as a rank (the heavier, the higher), so that hits sort on integers.
    weight_rank: Vec<u32>,
}

/// A list of the index, with what its patterns read of a token (`find` works out only that).
#[derive(Debug, Clone, Default)]
struct List {
    all: Vec<Candidate>,
    /// `all[..own]`: the key's own patterns; the rest are its token kind's.
    own: usize,
    /// Some pattern reads the token's `token_bits` (`Candidate::first`), or the next token's classes
    /// (`next`: other patterns read only its word, or nothing).
    this_bits: bool,
    next_bits: bool,
    /// The union of the patterns' `lead` filters but every bit, or 0 when no pattern has one; whether
    /// every pattern has one (then a token whose `lead_bits` are not in `leads` tries none).
    leads: u64,
    all_led: bool,
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

    /// Work out `own` and the flags once the list is whole; `own` is the length so far unless `own` is given.
    fn finish(&mut self, own: Option<usize>) {
        self.own = own.unwrap_or(self.all.len());
        self.this_bits = self.all.iter().any(|c| c.first != ALWAYS);
        self.next_bits = self.all.iter().any(|c| c.next & !ALWAYS != 0);
        self.leads = self.all.iter().filter(|c| c.lead != u64::MAX).fold(0, |b, c| b | c.lead);
        self.all_led = self.all.iter().all(|c| c.lead != u64::MAX);
    }
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
        let mut index =
            Index { by_word: vec![List::default(); vocab.len()], weight_rank, ..Index::default() };
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
                let marks = atoms.iter().filter(|a| matches!(a, Atom::Mark(_))).count();
                let by_kind = atoms.iter().any(|a| matches!(a, Atom::Prefix(_) | Atom::Class(_)));
                let keyed = atoms.iter().any(|a| matches!(a, Atom::Word(_) | Atom::Mark(_)));
                let (next, next_words) = pat.next_filter();
                let from = index.next_words.len() as u32;
                index.next_words.extend_from_slice(&next_words);
                let (first_bits, prefix) = pat.first_bits();
                let keyed_key = Candidate {
                    rule: r as u32,
                    pattern: p as u32,
                    first: ALWAYS,
                    next,
                    words: (from, index.next_words.len() as u32),
                    word_bits: next_words.iter().fold(0, |b, &w| b | bit64(w)),
                    lead: u64::MAX,
                    check_first: false,
                    next_exact: pat.second_is_exact(),
                    listed_twice: marks > 1 || (by_kind && keyed),
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
            for c in &index.by_kind[Kind::Punct as usize].all {
                list.add(*c);
            }
            list.finish(Some(own));
        }
        for list in &mut index.by_kind {
            list.finish(None);
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

#[inline(never)]
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

#[inline(never)]
fn excepted(rule: &Rule, tokens: &Tokens, first: usize, last: usize) -> bool {
    (first.saturating_sub(4)..=last)
        .any(|s| rule.except.iter().any(|p| p.match_at(tokens, s).is_some_and(|e| e >= first && s <= last)))
}

/// Find every phrase hit of `rules` in `tokens`, filtered by context.
#[inline(never)]
pub fn find(rules: &[Rule], index: &Index, tokens: &Tokens) -> Vec<Hit> {
    let mut scan = Scan { rules, tokens, next_words: &index.next_words, hits: Vec::with_capacity(64) };
    for (i, t) in tokens.list.iter().enumerate() {
        let list = match t.kind {
            // Words no pattern mentions have no word id.
            Kind::Word => index.by_word.get(t.word as usize).unwrap_or(&index.by_kind[Kind::Word as usize]),
            Kind::Punct => {
                let norm = tokens.norm(i);
                let mut marks = index.by_mark.iter().filter(|(mark, _)| has_mark(norm, *mark));
                match (marks.next(), marks.next()) {
                    (None, _) => &index.by_kind[Kind::Punct as usize],
                    (Some((_, list)), None) => list,
                    (Some(_), Some(_)) => {
                        let mut lists: Vec<&[Candidate]> = index
                            .by_mark
                            .iter()
                            .filter(|(mark, _)| has_mark(norm, *mark))
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
    let hits = apply_needs(rules, scan.hits);
    resolve_overlaps(rules, &index.weight_rank, hits, tokens.len())
}

/// What the filters read at token `i`: `token_bits` of it and of the next token, the next token's word id, and
/// token `i`'s `lead_bits`. What a list does not read is left at every bit.
#[derive(Debug, Clone, Copy)]
struct At {
    i: usize,
    this: u32,
    next: u32,
    next_word: u32,
    lead: u64,
}

/// `find`'s pass over the tokens: the hits so far.
struct Scan<'a> {
    rules: &'a [Rule],
    tokens: &'a Tokens,
    next_words: &'a [u32],
    hits: Vec<Hit>,
}

impl Scan<'_> {
    /// What `list` reads at token `i`, or `None` when its lead filters rule the token out.
    #[inline(always)]
    fn at(&self, list: &List, i: usize) -> Option<At> {
        let tokens = self.tokens;
        let next_word = tokens.list.get(i + 1).map_or(NO_WORD, |t| t.word);
        let mut at = At { i, this: ALWAYS, next: ALWAYS, next_word, lead: u64::MAX };
        if list.leads != 0 {
            at.lead = lead_bits(tokens.norm(i).as_bytes());
            if list.all_led && at.lead & list.leads == 0 {
                return None;
            }
        }
        if list.this_bits {
            at.this = token_bits(tokens, i);
        }
        if list.next_bits && i + 1 < tokens.len() {
            at.next = token_bits(tokens, i + 1);
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

    #[inline]
    fn try_at(&mut self, list: &[Candidate], at: At) {
        let next_bit = bit64(at.next_word);
        for c in list {
            if at.this & c.first == 0 || c.lead & at.lead == 0 {
                continue;
            }
            if at.next & c.next == 0
                && (c.word_bits & next_bit == 0
                    || self.next_words[c.words.0 as usize..c.words.1 as usize]
                        .binary_search(&at.next_word)
                        .is_err())
            {
                continue;
            }
            self.try_one(c, at.i);
        }
    }

    /// `try_list` over several lists, trying a pattern found in more than one at the first only.
    #[cold]
    fn try_lists(&mut self, lists: &[&[Candidate]], i: usize) {
        let every = List { leads: u64::MAX, this_bits: true, next_bits: true, ..List::default() };
        let Some(at) = self.at(&every, i) else { return };
        for (k, list) in lists.iter().enumerate() {
            for c in *list {
                if c.listed_twice && lists[..k].iter().any(|l| l.iter().any(|o| o.same(c))) {
                    continue;
                }
                self.try_at(std::slice::from_ref(c), at);
            }
        }
    }

    /// Try the pattern of `c` at token `i`, which passed the filters. Kept out of line: the loop over the
    /// candidates stays small.
    #[inline(never)]
    fn try_one(&mut self, c: &Candidate, i: usize) {
        let tokens = self.tokens;
        let rule = &self.rules[c.rule as usize];
        let pattern = &rule.patterns[c.pattern as usize];
        if c.check_first && !pattern.first_matches(tokens, i) {
            return;
        }
        let last = if c.next_exact {
            pattern.match_after_second(tokens, i)
        } else {
            pattern.match_after_first(tokens, i)
        };
        let Some(last) = last else { return };
        if !rule.quoted && tokens.list[i..=last].iter().any(|t| t.quoted) {
            return;
        }
        if rule.negatable && is_negated(tokens, i) {
            return;
        }
        if !rule.except.is_empty() && excepted(rule, tokens, i, last) {
            return;
        }
        self.hits.push(Hit { rule: c.rule as usize, first: i, last });
    }
}

/// Drop hits of rules with `needs` that have no hit tagged with one of those needs within their window.
#[inline(never)]
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
#[inline(never)]
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
