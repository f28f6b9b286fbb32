//! The token pattern language rules are written in, and matching one pattern at one token.
//!
//! A pattern is a space-separated sequence of elements, each matching one token:
//!
//! | element | matches |
//! | --- | --- |
//! | `buy` | the word "buy" (case-insensitive) |
//! | `subscrib*` | any word starting with "subscrib" |
//! | `(buy\|order\|shop)` | one of the alternatives |
//! | `[just]`, `[a\|the]` | optionally one of the alternatives |
//! | `{num}` `{money}` `{pct}` `{url}` `{mention}` `{hashtag}` `{emoji}` `{caps}` `{word}` `{phone}` `{quoted}` `{any}` | a token of that class |
//! | `!` `?` `:` | a punctuation token containing that mark |
//! | `..` | skip up to four tokens within the sentence |
//! | `^` (first) | the match must start a sentence |
//! | `^^` (first) | the match must start the first sentence of the text (a headline or an opening) |
//!
//! Patterns are compiled once when a pack loads; the first element must be a required element so the
//! matcher can index patterns by their first token.

use super::text::{Kind, Tokens};
use super::vocab::{Vocab, NO_WORD};

/// A class of tokens, written `{name}` in a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Num,
    Money,
    Pct,
    Url,
    Mention,
    Hashtag,
    Emoji,
    Caps,
    Word,
    Phone,
    Quoted,
    Any,
}

impl Class {
    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "num" => Class::Num,
            "money" => Class::Money,
            "pct" => Class::Pct,
            "url" => Class::Url,
            "mention" => Class::Mention,
            "hashtag" => Class::Hashtag,
            "emoji" => Class::Emoji,
            "caps" => Class::Caps,
            "word" => Class::Word,
            "phone" => Class::Phone,
            "quoted" => Class::Quoted,
            "any" => Class::Any,
            _ => return None,
        })
    }

    /// The kinds of token this class can match (the matcher's index).
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Class::Num | Class::Phone => &[Kind::Number],
            Class::Money => &[Kind::Money],
            Class::Pct => &[Kind::Percent],
            Class::Url => &[Kind::Url],
            Class::Mention => &[Kind::Mention],
            Class::Hashtag => &[Kind::Hashtag],
            Class::Emoji => &[Kind::Emoji],
            Class::Caps | Class::Word | Class::Quoted => &[Kind::Word],
            Class::Any => &Kind::ALL_BUT_BREAK,
        }
    }

    /// This class's bit in `token_bits`.
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }

    /// Whether this class takes token `i`, written out (the tests check `token_bits` against it).
    #[cfg(test)]
    fn matches(self, tokens: &Tokens, i: usize) -> bool {
        let t = &tokens.list[i];
        match self {
            Class::Num => t.kind == Kind::Number,
            Class::Money => t.kind == Kind::Money,
            Class::Pct => t.kind == Kind::Percent,
            Class::Url => t.kind == Kind::Url,
            Class::Mention => t.kind == Kind::Mention,
            Class::Hashtag => t.kind == Kind::Hashtag,
            Class::Emoji => t.kind == Kind::Emoji,
            Class::Caps => t.caps,
            Class::Word => t.kind == Kind::Word,
            // Five or more digits with no separators: phone numbers and SMS short codes, not "12,000".
            Class::Phone => {
                let n = tokens.norm(i);
                t.kind == Kind::Number && n.len() >= 5 && n.bytes().all(|b| b.is_ascii_digit())
            }
            Class::Quoted => t.quoted && t.kind == Kind::Word,
            Class::Any => t.kind != Kind::Break,
        }
    }
}

/// `token_bits` of a punctuation token (besides `Class::Any`): what a mark alternative needs.
pub const PUNCT: u32 = 1 << 12;
/// `token_bits` of every token (the matcher's "anything goes" filter).
pub const ALWAYS: u32 = 1 << 13;

/// `token_bits` by kind: the classes a token's kind alone puts it in.
const KIND_BITS: [u32; Kind::COUNT] = {
    let any = Class::Any.bit();
    let mut bits = [0; Kind::COUNT];
    bits[Kind::Word as usize] = Class::Word.bit() | any;
    bits[Kind::Number as usize] = Class::Num.bit() | any;
    bits[Kind::Money as usize] = Class::Money.bit() | any;
    bits[Kind::Percent as usize] = Class::Pct.bit() | any;
    bits[Kind::Url as usize] = Class::Url.bit() | any;
    bits[Kind::Mention as usize] = Class::Mention.bit() | any;
    bits[Kind::Hashtag as usize] = Class::Hashtag.bit() | any;
    bits[Kind::Emoji as usize] = Class::Emoji.bit() | any;
    bits[Kind::Punct as usize] = PUNCT | any;
    bits
};

/// The classes token `i` belongs to, as `Class::bit`s (exactly those whose `{class}` takes it), plus `PUNCT`
/// for punctuation and `ALWAYS`.
pub fn token_bits(tokens: &Tokens, i: usize) -> u32 {
    let t = &tokens.list[i];
    let mut bits = KIND_BITS[t.kind as usize] | ALWAYS | u32::from(t.caps) << Class::Caps as u32;
    if t.kind == Kind::Word {
        bits |= u32::from(t.quoted) << Class::Quoted as u32;
    } else if t.kind == Kind::Number {
        // Five or more digits with no separators: phone numbers and SMS short codes, not "12,000".
        let n = tokens.norm(i);
        if n.len() >= 5 && n.bytes().all(|b| b.is_ascii_digit()) {
            bits |= Class::Phone.bit();
        }
    }
    bits
}

/// One alternative of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    Word(Box<str>),
    Prefix(Box<str>),
    Mark(char),
    Class(Class),
}

impl Atom {
    pub fn matches(&self, tokens: &Tokens, i: usize) -> bool {
        match self {
            Atom::Word(w) => tokens.list[i].kind != Kind::Punct && tokens.norm(i) == &**w,
            Atom::Prefix(p) => tokens.list[i].kind == Kind::Word && tokens.norm(i).starts_with(&**p),
            Atom::Mark(c) => tokens.list[i].kind == Kind::Punct && has_mark(tokens.norm(i), *c),
            Atom::Class(c) => token_bits(tokens, i) & c.bit() != 0,
        }
    }
}

/// Whether the punctuation token `norm` contains `mark` (a plain walk: punctuation tokens are a few characters).
pub fn has_mark(norm: &str, mark: char) -> bool {
    norm.chars().any(|c| c == mark)
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    One {
        /// All alternatives (the matcher indexes on the first element's).
        atoms: Vec<Atom>,
        /// What the element takes, in the form matching reads (filled in by `Pattern::intern`).
        takes: Takes,
        optional: bool,
    },
    /// Skip up to this many tokens within the sentence: `GAP_MAX` for each `..` of a run (`.. ..` skips up to
    /// eight, as two gaps in a row would).
    Gap(usize),
}

/// What an element takes, split for matching: literal words by id, classes by bit, and the rest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Takes {
    /// The ids of the literal-word alternatives, sorted (filled by `Pattern::intern`), and their `bit64`s.
    ids: Vec<u32>,
    id_bits: u64,
    /// The classes among the alternatives, as `Class::bit`s.
    classes: u32,
    /// The other alternatives (prefixes and marks).
    others: Vec<Atom>,
}

impl Takes {
    /// Whether the element takes token `pos`.
    #[inline]
    fn token(&self, tokens: &Tokens, pos: usize) -> bool {
        let Some(t) = tokens.list.get(pos) else { return false };
        // Punctuation has no word id, so the id test covers `Atom::Word`'s "not punctuation".
        (t.word != NO_WORD && self.id_bits & bit64(t.word) != 0 && self.ids.binary_search(&t.word).is_ok())
            || (self.classes != 0 && token_bits(tokens, pos) & self.classes != 0)
            || (!self.others.is_empty() && self.others.iter().any(|a| a.matches(tokens, pos)))
    }
}

impl Elem {
    /// The alternatives (none for a gap).
    pub fn atoms(&self) -> &[Atom] {
        match self {
            Elem::One { atoms, .. } => atoms,
            Elem::Gap(_) => &[],
        }
    }
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub elems: Vec<Elem>,
    /// Written with a leading `^` or `^^`: where the match must start.
    pub anchor: Anchor,
    /// Whether `intern` has given the literal words their ids (only then can the pattern match).
    interned: bool,
}

/// Where a pattern may start; each anchor asks more than the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Anchor {
    Anywhere,
    /// `^`: the first word of a sentence.
    Sentence,
    /// `^^`: the first word of the text.
    Text,
}

impl Anchor {
    /// The most a pattern may ask of where it starts and still start at token `i` (`first_sentence`:
    /// `Tokens::first_sentence`, which the matcher works out once per text).
    pub fn at(tokens: &Tokens, i: usize, first_sentence: Option<u32>) -> Anchor {
        if !tokens.starts_sentence(i) {
            Anchor::Anywhere
        } else if first_sentence == Some(tokens.list[i].sentence) {
            Anchor::Text
        } else {
            Anchor::Sentence
        }
    }
}

/// What is wrong with a pattern, and at which character of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub offset: usize,
    pub message: String,
}

const GAP_MAX: usize = 4;

fn parse_atom(s: &str, offset: usize) -> Result<Atom, PatternError> {
    let err = |m: String| Err(PatternError { offset, message: m });
    if s.is_empty() {
        return err("empty alternative".into());
    }
    if let Some(name) = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        return match Class::parse(name) {
            Some(c) => Ok(Atom::Class(c)),
            None => err(format!("unknown token class {{{name}}} (expected num, money, pct, url, mention, hashtag, emoji, caps, word, phone, quoted or any)")),
        };
    }
    if s.contains(['(', ')', '[', ']', '{', '}', '|']) {
        return err(format!("unbalanced brackets in \"{s}\""));
    }
    let lower = s.to_lowercase().replace('\u{2019}', "'");
    let mut chars = lower.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if !c.is_alphanumeric() {
            return Ok(Atom::Mark(c));
        }
    }
    match lower.strip_suffix('*') {
        Some("") => err("a lone * matches nothing; use {any}".into()),
        Some(p) => Ok(Atom::Prefix(p.into())),
        None => Ok(Atom::Word(lower.into())),
    }
}

/// Parse a pattern such as `(buy|order) [it] now`.
pub fn parse(src: &str) -> Result<Pattern, PatternError> {
    let mut elems = Vec::new();
    let mut offset = 0;
    let mut anchor = Anchor::Anywhere;
    for part in src.split(' ') {
        let here = offset;
        offset += part.len() + 1;
        if part.is_empty() {
            continue;
        }
        if (part == "^" || part == "^^") && elems.is_empty() && anchor == Anchor::Anywhere {
            anchor = if part == "^" { Anchor::Sentence } else { Anchor::Text };
            continue;
        }
        if part == ".." {
            match elems.last_mut() {
                Some(Elem::Gap(max)) => *max += GAP_MAX,
                _ => elems.push(Elem::Gap(GAP_MAX)),
            }
            continue;
        }
        let (inner, optional) = if let Some(r) = part.strip_prefix('(') {
            match r.strip_suffix(')') {
                Some(inner) => (inner, false),
                None => {
                    return Err(PatternError { offset: here, message: format!("missing ')' in \"{part}\"") })
                }
            }
        } else if let Some(r) = part.strip_prefix('[') {
            match r.strip_suffix(']') {
                Some(inner) => (inner, true),
                None => {
                    return Err(PatternError { offset: here, message: format!("missing ']' in \"{part}\"") })
                }
            }
        } else {
            (part, false)
        };
        let atoms = inner.split('|').map(|a| parse_atom(a, here)).collect::<Result<Vec<_>, _>>()?;
        let takes = Takes {
            classes: atoms.iter().fold(0, |b, a| if let Atom::Class(c) = a { b | c.bit() } else { b }),
            others: atoms.iter().filter(|a| matches!(a, Atom::Prefix(_) | Atom::Mark(_))).cloned().collect(),
            ..Takes::default()
        };
        elems.push(Elem::One { atoms, takes, optional });
    }
    match elems.first() {
        None => Err(PatternError { offset: 0, message: "empty pattern".into() }),
        Some(Elem::One { optional: false, .. }) => Ok(Pattern { elems, anchor, interned: false }),
        Some(_) => {
            Err(PatternError { offset: 0, message: "a pattern must start with a required element".into() })
        }
    }
}

impl Pattern {
    /// The first element's alternatives (the matcher indexes on these).
    pub fn first_atoms(&self) -> &[Atom] {
        match &self.elems[0] {
            Elem::One { atoms, .. } => atoms,
            Elem::Gap(_) => &[],
        }
    }

    /// Give the literal words their ids in `vocab`; tokens interned against the same vocabulary can then match.
    pub fn intern(&mut self, vocab: &mut Vocab) {
        for elem in &mut self.elems {
            if let Elem::One { atoms, takes, .. } = elem {
                let ids = &mut takes.ids;
                *ids = atoms
                    .iter()
                    .filter_map(|a| if let Atom::Word(w) = a { Some(vocab.intern(w)) } else { None })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                takes.id_bits = ids.iter().fold(0, |b, &id| b | bit64(id));
            }
        }
        self.interned = true;
    }

    /// `match_at` for a start token already known to match the anchor and the first `proven` elements (1, or 2
    /// when `second_is_exact`): the matcher's index and filters proved them. A pattern with no more elements
    /// matched without the call (a fifth of the matcher's tries).
    #[inline]
    pub fn match_after(&self, tokens: &Tokens, start: usize, proven: usize) -> Option<usize> {
        debug_assert!(self.interned, "pattern matched before Pattern::intern");
        debug_assert!(proven == 1 || self.second_is_exact());
        if proven == self.elems.len() {
            return Some(start + proven - 1);
        }
        self.match_from(tokens, proven, start + proven, start)
    }

    /// Whether the second element is required and made of words and classes only: then the token after the
    /// first matches it exactly when `filter_at(1)` lets it through.
    pub fn second_is_exact(&self) -> bool {
        matches!(self.elems.get(1), Some(Elem::One { optional: false, takes, .. }) if takes.others.is_empty())
    }

    fn anchored_at(&self, tokens: &Tokens, start: usize) -> bool {
        self.anchor == Anchor::Anywhere || self.anchor <= Anchor::at(tokens, start, tokens.first_sentence())
    }

    /// Try to match at token `start` (the tokens interned with the vocabulary this pattern was interned
    /// with); returns the index of the last matched token.
    pub fn match_at(&self, tokens: &Tokens, start: usize) -> Option<usize> {
        if !self.first_matches(tokens, start) || !self.anchored_at(tokens, start) {
            return None;
        }
        self.match_after(tokens, start, 1)
    }

    /// Whether the first element matches token `i` (the matcher's index proves it for words and marks).
    pub fn first_matches(&self, tokens: &Tokens, i: usize) -> bool {
        matches!(&self.elems[0], Elem::One { takes, .. } if takes.token(tokens, i))
    }

    /// Match the elements from `elem` on at token `pos` (`start`: the match's first token); the index of the
    /// last matched token. Runs of required elements are a loop; optional elements and gaps branch.
    fn match_from(&self, tokens: &Tokens, mut elem: usize, mut pos: usize, start: usize) -> Option<usize> {
        loop {
            let Some(e) = self.elems.get(elem) else {
                return pos.checked_sub(1).filter(|&p| p >= start);
            };
            match e {
                Elem::One { takes, optional: false, .. } => {
                    if !takes.token(tokens, pos) {
                        return None;
                    }
                    pos += 1;
                }
                Elem::One { takes, optional: true, .. } => {
                    if takes.token(tokens, pos) {
                        if let Some(end) = self.match_from(tokens, elem + 1, pos + 1, start) {
                            return Some(end);
                        }
                    }
                }
                Elem::Gap(max) => {
                    let sentence = tokens.list[start].sentence;
                    for skip in 0..=*max {
                        let p = pos + skip;
                        if p > tokens.len() || (skip > 0 && tokens.list[p - 1].sentence != sentence) {
                            break;
                        }
                        // A required element next must take `p` (checked here, before branching).
                        if let Some(Elem::One { takes, optional: false, .. }) = self.elems.get(elem + 1) {
                            if !takes.token(tokens, p) {
                                continue;
                            }
                        }
                        if let Some(end) = self.match_from(tokens, elem + 1, p, start) {
                            return Some(end);
                        }
                    }
                    return None;
                }
            }
            elem += 1;
        }
    }

    /// What the token `offset` tokens after the first (1: the next one) must be for a match, as `(bits, ids)`: it
    /// has one of `bits` (`token_bits`; a prefix asks for a word, a mark for punctuation) or its word id is one of
    /// `ids` (sorted). `(ALWAYS, [])` when it may be anything: a gap can come first, or the match can end before
    /// it. Meaningful once `intern` has run.
    pub fn filter_at(&self, offset: usize) -> (u32, Vec<u32>) {
        let (mut bits, mut words) = (0, Vec::new());
        // The offsets (as bits) the element may take its token at: an optional element before it adds one.
        let mut at: u64 = 1 << 1;
        for elem in &self.elems[1..] {
            match elem {
                Elem::One { takes: Takes { ids, classes, others, .. }, optional, .. } => {
                    if at & 1 << offset != 0 {
                        bits |= classes;
                        for atom in others {
                            bits |= if matches!(atom, Atom::Mark(_)) { PUNCT } else { Class::Word.bit() };
                        }
                        words.extend_from_slice(ids);
                    }
                    at = if *optional { at | at << 1 } else { at << 1 };
                    // Every way through the elements so far has passed the offset.
                    if at.trailing_zeros() as usize > offset {
                        words.sort_unstable();
                        words.dedup();
                        return (bits, words);
                    }
                }
                Elem::Gap(_) => break,
            }
        }
        (ALWAYS, Vec::new())
    }

    /// The first element as the matcher's index sees it: the `token_bits` of its classes and prefixes (a
    /// prefix asks for a word), and whether it has a prefix (then a token with those bits may still fail it).
    pub fn first_bits(&self) -> (u32, bool) {
        match &self.elems[0] {
            Elem::One { takes, .. } => {
                let prefix = takes.others.iter().any(|a| matches!(a, Atom::Prefix(_)));
                (takes.classes | if prefix { Class::Word.bit() } else { 0 }, prefix)
            }
            Elem::Gap(_) => (ALWAYS, true),
        }
    }

    /// The `Class::bit`s of the first element's classes.
    pub fn first_bits_of_classes(&self) -> u32 {
        match &self.elems[0] {
            Elem::One { takes, .. } => takes.classes,
            Elem::Gap(_) => 0,
        }
    }

    /// The `lead_bits` the first token may have when every alternative of the first element is a prefix of two
    /// bytes or more (`subscrib*`); otherwise every bit.
    pub fn lead_filter(&self) -> u64 {
        let mut bits = 0;
        for atom in self.first_atoms() {
            match atom {
                Atom::Prefix(p) if p.len() >= 2 => bits |= lead_bits(p.as_bytes()),
                _ => return u64::MAX,
            }
        }
        bits
    }
}

/// The first two bytes of a word, as a `bit64`: a token starts with a prefix of two bytes or more only if their
/// `lead_bits` are equal.
pub fn lead_bits(word: &[u8]) -> u64 {
    match word {
        [a, b, ..] => bit64(u32::from(*a) << 3 ^ u32::from(*b)),
        [a] => bit64(u32::from(*a) << 3),
        [] => 0,
    }
}

/// The bit of `n` in a 64-bit set of numbers (word ids, bytes): numbers 64 apart share a bit, so a set may
/// say yes wrongly but never no wrongly.
pub const fn bit64(n: u32) -> u64 {
    1 << (n % 64)
}

#[cfg(test)]
mod tests {
    use super::super::text::{tokenize, tokenize_interned};
    use super::*;

    fn hit(p: &str, text: &str) -> bool {
        let mut vocab = Vocab::default();
        let mut p = parse(p).unwrap();
        p.intern(&mut vocab);
        let t = tokenize_interned(text, &vocab);
        (0..t.len()).any(|i| p.match_at(&t, i).is_some())
    }

    /// The matcher passes over a pattern at a token when these sets say it cannot match there: they must never
    /// say so where it does.
    #[test]
    fn filters_never_rule_out_a_match() {
        let patterns = [
            "(buy|order) [it] now",
            "only {num} left",
            "subscrib* [now]",
            "struggling .. ?",
            "a [b] [c]",
            "{caps} (:|{phone})",
            "(reply|{quoted}) [{pct}] subscrib*",
            "only [just] {num} (left|spots) [left]",
        ];
        let texts = [
            "Order it NOW",
            "buy now",
            "only 3 left!",
            "Subscribed now",
            "Struggling with growth?",
            "a c",
            "CALL 555123",
            "NOW:",
            "reply 5% subscribe",
            "say \"this subscribers\"",
            "only 5 spots left",
            "only just 3 left",
        ];
        let mut vocab = Vocab::default();
        let mut compiled: Vec<Pattern> = patterns.iter().map(|p| parse(p).unwrap()).collect();
        compiled.iter_mut().for_each(|p| p.intern(&mut vocab));
        let mut found = 0;
        for text in texts {
            let t = tokenize_interned(text, &vocab);
            for p in &compiled {
                for i in (0..t.len()).filter(|&i| p.match_at(&t, i).is_some()) {
                    for offset in [1, 2] {
                        let (bits, words) = p.filter_at(offset);
                        let Some(then) = t.list.get(i + offset) else {
                            assert_eq!(
                                bits, ALWAYS,
                                "{p:?} at {i} of {text:?}: the match ends before {offset}"
                            );
                            continue;
                        };
                        let then_bits = token_bits(&t, i + offset);
                        assert!(
                            bits & then_bits != 0 || words.contains(&then.word),
                            "{p:?} at {i}+{offset} of {text:?}"
                        );
                    }
                    // A first token the index did not find by its word or mark has one of the bits.
                    let keyed = p
                        .first_atoms()
                        .iter()
                        .any(|a| matches!(a, Atom::Word(_) | Atom::Mark(_)) && a.matches(&t, i));
                    assert!(keyed || p.first_bits().0 & token_bits(&t, i) != 0);
                    assert_ne!(p.lead_filter() & lead_bits(t.norm(i).as_bytes()), 0);
                    found += 1;
                }
            }
        }
        assert_eq!(found, 15);
    }

    /// `token_bits` must say of every class exactly what the class's own test says.
    #[test]
    fn token_bits_are_the_classes() {
        let classes = [
            Class::Num,
            Class::Money,
            Class::Pct,
            Class::Url,
            Class::Mention,
            Class::Hashtag,
            Class::Emoji,
            Class::Caps,
            Class::Word,
            Class::Phone,
            Class::Quoted,
            Class::Any,
        ];
        let t = tokenize(
            "BUY now!! Call 0800123456 or 12,000 for $5 (50% off) at https://x.io, @ann #deal 🚀 \"QUICK\" \"deal\".\n\nOK?!",
        );
        for i in 0..t.len() {
            let bits = token_bits(&t, i);
            for c in classes {
                assert_eq!(bits & c.bit() != 0, c.matches(&t, i), "{c:?} at {:?}", t.norm(i));
            }
            assert_eq!(bits & PUNCT != 0, t.list[i].kind == Kind::Punct);
            assert_ne!(bits & ALWAYS, 0);
        }
    }

    /// Matching as first written: recursive, alternatives compared as strings, one `GAP_MAX` gap per `..`.
    fn reference_match(p: &Pattern, t: &Tokens, elem: usize, pos: usize, start: usize) -> Option<usize> {
        let gaps = |e: &Elem| if let Elem::Gap(max) = e { max / GAP_MAX } else { 0 };
        // The elements with each gap run written out again as single gaps (`None`).
        let elems: Vec<Option<&Elem>> = p
            .elems
            .iter()
            .flat_map(|e| if gaps(e) > 0 { vec![None; gaps(e)] } else { vec![Some(e)] })
            .collect();
        fn from(elems: &[Option<&Elem>], t: &Tokens, elem: usize, pos: usize, start: usize) -> Option<usize> {
            let Some(e) = elems.get(elem) else { return pos.checked_sub(1).filter(|&p| p >= start) };
            match e {
                None => {
                    let sentence = t.list[start].sentence;
                    for skip in 0..=GAP_MAX {
                        let p = pos + skip;
                        if p > t.len() || (skip > 0 && t.list[p - 1].sentence != sentence) {
                            break;
                        }
                        if let Some(end) = from(elems, t, elem + 1, p, start) {
                            return Some(end);
                        }
                    }
                    None
                }
                Some(Elem::One { atoms, optional, .. }) => {
                    let takes = pos < t.len()
                        && atoms.iter().any(|a| match a {
                            Atom::Word(w) => t.list[pos].kind != Kind::Punct && t.norm(pos) == &**w,
                            Atom::Class(c) => c.matches(t, pos),
                            _ => a.matches(t, pos),
                        });
                    if takes {
                        if let Some(end) = from(elems, t, elem + 1, pos + 1, start) {
                            return Some(end);
                        }
                    }
                    if *optional {
                        from(elems, t, elem + 1, pos, start)
                    } else {
                        None
                    }
                }
                Some(Elem::Gap(_)) => unreachable!(),
            }
        }
        from(&elems, t, elem, pos, start)
    }

    /// Every pattern of the default pack matches where the first way of matching does, and ends at the same
    /// token.
    #[test]
    fn matching_agrees_with_the_first_written() {
        let engine = super::super::Engine::new();
        let c = &*engine.compiled;
        let mut matched = 0;
        for text in super::super::matcher::tests::texts() {
            let t = tokenize_interned(&text, &c.vocab);
            for p in c.phrase.iter().flat_map(|r| r.patterns.iter().chain(&r.except)) {
                for i in 0..t.len() {
                    let anchored = match p.anchor {
                        Anchor::Anywhere => true,
                        Anchor::Sentence => t.starts_sentence(i),
                        Anchor::Text => {
                            t.starts_sentence(i) && t.first_sentence() == Some(t.list[i].sentence)
                        }
                    };
                    let expected = if anchored { reference_match(p, &t, 0, i, i) } else { None };
                    assert_eq!(p.match_at(&t, i), expected, "{p:?} at {i} of {text}");
                    matched += usize::from(expected.is_some());
                }
            }
        }
        assert!(matched > 50, "{matched} matches");
    }

    #[test]
    fn language() {
        assert!(hit("(buy|order) [it] now", "Order it NOW"));
        assert!(hit("(buy|order) [it] now", "buy now"));
        assert!(hit("only {num} left", "only 3 left!"));
        assert!(hit("{pct} off", "70% OFF"));
        assert!(hit("subscrib*", "Subscribed"));
        assert!(hit("struggling .. ?", "Struggling with growth?"));
        assert!(!hit("struggling .. ?", "Struggling. With growth?"));
        assert!(hit("^ join", "Hi. Join us"));
        assert!(!hit("^ join", "Come join us"));
        assert!(hit("^^ join", "Join us. Now"));
        assert!(!hit("^^ join", "Hello. Join us"));
        assert!(parse("[a] b").is_err());
        assert!(parse("{nope}").is_err());
        assert!(hit("struggling .. .. ?", "Struggling with all of our growth?"));
        assert!(!hit("struggling .. ?", "Struggling with all of our growth?"));
        assert!(parse("(a|b").is_err());
    }
}
