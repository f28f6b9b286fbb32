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
use super::vocab::Vocab;

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
            Atom::Class(c) => c.matches(tokens, i),
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
        /// The ids of the literal-word alternatives, sorted (filled by `Pattern::intern`).
        ids: Vec<u32>,
        /// The other alternatives (prefixes, marks, classes).
        others: Vec<Atom>,
        optional: bool,
    },
    Gap,
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

/// Where a pattern may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Anywhere,
    /// `^`: the first word of a sentence.
    Sentence,
    /// `^^`: the first word of the text.
    Text,
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
            elems.push(Elem::Gap);
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
        let others = atoms.iter().filter(|a| !matches!(a, Atom::Word(_))).cloned().collect();
        elems.push(Elem::One { atoms, ids: Vec::new(), others, optional });
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
            Elem::Gap => &[],
        }
    }

    /// Give the literal words their ids in `vocab`; tokens interned against the same vocabulary can then match.
    pub fn intern(&mut self, vocab: &mut Vocab) {
        for elem in &mut self.elems {
            if let Elem::One { atoms, ids, .. } = elem {
                *ids = atoms
                    .iter()
                    .filter_map(|a| if let Atom::Word(w) = a { Some(vocab.intern(w)) } else { None })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
            }
        }
        self.interned = true;
    }

    /// `match_at` for a start token already known to match the first element (the matcher's index proved it).
    pub fn match_after_first(&self, tokens: &Tokens, start: usize) -> Option<usize> {
        debug_assert!(self.interned, "pattern matched before Pattern::intern");
        if !self.anchored_at(tokens, start) {
            return None;
        }
        self.match_from(tokens, 1, start + 1, start)
    }

    fn anchored_at(&self, tokens: &Tokens, start: usize) -> bool {
        match self.anchor {
            Anchor::Anywhere => true,
            Anchor::Sentence => tokens.starts_sentence(start),
            Anchor::Text => {
                tokens.starts_sentence(start) && tokens.first_sentence() == Some(tokens.list[start].sentence)
            }
        }
    }

    /// Try to match at token `start` (the tokens interned with the vocabulary this pattern was interned
    /// with); returns the index of the last matched token.
    pub fn match_at(&self, tokens: &Tokens, start: usize) -> Option<usize> {
        if !self.first_matches(tokens, start) {
            return None;
        }
        self.match_after_first(tokens, start)
    }

    /// Whether the first element matches token `i` (the matcher's index proves it for words and marks).
    pub fn first_matches(&self, tokens: &Tokens, i: usize) -> bool {
        matches!(&self.elems[0], Elem::One { ids, others, .. } if takes(ids, others, tokens, i))
    }

    fn match_from(&self, tokens: &Tokens, elem: usize, pos: usize, start: usize) -> Option<usize> {
        let Some(e) = self.elems.get(elem) else {
            return pos.checked_sub(1).filter(|&p| p >= start);
        };
        match e {
            Elem::Gap => {
                let sentence = tokens.list[start].sentence;
                for skip in 0..=GAP_MAX {
                    let p = pos + skip;
                    if p > tokens.len() || (skip > 0 && tokens.list[p - 1].sentence != sentence) {
                        break;
                    }
                    if let Some(end) = self.match_from(tokens, elem + 1, p, start) {
                        return Some(end);
                    }
                }
                None
            }
            Elem::One { ids, others, optional, .. } => {
                if takes(ids, others, tokens, pos) {
                    if let Some(end) = self.match_from(tokens, elem + 1, pos + 1, start) {
                        return Some(end);
                    }
                }
                if *optional {
                    self.match_from(tokens, elem + 1, pos, start)
                } else {
                    None
                }
            }
        }
    }

    /// The word ids (as `bit64`s) the token after the first may have for a match, or every bit when that
    /// token may be anything: a gap, an alternative other than a literal word, or the end of the pattern
    /// can come first. Meaningful once `intern` has run.
    pub fn next_word_bits(&self) -> u64 {
        let mut bits = 0;
        for elem in &self.elems[1..] {
            match elem {
                Elem::One { ids, others, optional, .. } if others.is_empty() => {
                    bits |= ids.iter().fold(0, |b, &id| b | bit64(id));
                    if !optional {
                        return bits;
                    }
                }
                _ => break,
            }
        }
        u64::MAX
    }

    /// The first bytes (as `bit64`s) the first token's lower-cased form may start with when every alternative
    /// of the first element is a prefix (`subscrib*`); otherwise every bit.
    pub fn lead_byte_bits(&self) -> u64 {
        let mut bits = 0;
        for atom in self.first_atoms() {
            match atom {
                Atom::Prefix(p) => bits |= p.bytes().next().map_or(u64::MAX, |b| bit64(b.into())),
                _ => return u64::MAX,
            }
        }
        bits
    }
}

/// Whether an element with alternatives `ids` (literal words) and `others` takes token `pos`.
fn takes(ids: &[u32], others: &[Atom], tokens: &Tokens, pos: usize) -> bool {
    // Punctuation has no word id, so the id test covers `Atom::Word`'s "not punctuation".
    pos < tokens.len()
        && (ids.binary_search(&tokens.list[pos].word).is_ok()
            || others.iter().any(|a| a.matches(tokens, pos)))
}

/// The bit of `n` in a 64-bit set of numbers (word ids, bytes): numbers 64 apart share a bit, so a set may
/// say yes wrongly but never no wrongly.
pub const fn bit64(n: u32) -> u64 {
    1 << (n % 64)
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn hit(p: &str, text: &str) -> bool {
        let mut vocab = Vocab::default();
        let mut p = parse(p).unwrap();
        p.intern(&mut vocab);
        let mut t = tokenize(text);
        t.intern(&vocab);
        (0..t.len()).any(|i| p.match_at(&t, i).is_some())
    }

    /// The matcher passes over a pattern at a token when these sets say it cannot match there: they must never
    /// say so where it does.
    #[test]
    fn filters_never_rule_out_a_match() {
        let patterns =
            ["(buy|order) [it] now", "only {num} left", "subscrib* [now]", "struggling .. ?", "a [b] [c]"];
        let texts =
            ["Order it NOW", "buy now", "only 3 left!", "Subscribed now", "Struggling with growth?", "a c"];
        let mut vocab = Vocab::default();
        let mut compiled: Vec<Pattern> = patterns.iter().map(|p| parse(p).unwrap()).collect();
        compiled.iter_mut().for_each(|p| p.intern(&mut vocab));
        let mut found = 0;
        for text in texts {
            let mut t = tokenize(text);
            t.intern(&vocab);
            for p in &compiled {
                for i in (0..t.len()).filter(|&i| p.match_at(&t, i).is_some()) {
                    let next = t.list.get(i + 1).map_or(super::super::vocab::NO_WORD, |t| t.word);
                    assert_ne!(p.next_word_bits() & bit64(next), 0, "{p:?} at {i} of {text:?}");
                    assert_ne!(p.lead_byte_bits() & bit64(t.norm(i).as_bytes()[0].into()), 0);
                    found += 1;
                }
            }
        }
        assert_eq!(found, 6);
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
        assert!(parse("(a|b").is_err());
    }
}
