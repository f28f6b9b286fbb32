//! The guard's per-word questions answered without string comparisons or allocation: which of the lexicon's
//! lists a word is in (one hash probe, built at first use from `lexicon`'s lists, so edits to them carry over),
//! and `split_whitespace`, `trim_start`, `trim_end` and `rsplit(char::is_whitespace)` that read ASCII bytes
//! directly and decode a character only where a byte is not ASCII (same answers as the `char` methods).

use std::sync::OnceLock;

use super::super::super::lexicon::{
    ANAPHORA, DANGLING_END, DETERMINERS, INTENSIFIERS, MONTHS, NUMBER_WORDS, PEOPLE, SHOUT_WORDS, WEEKDAYS,
    WEEKDAY_PLURALS,
};

/// Byte classes (`CLASS`), or-ed over a word by `classed_words`: ASCII white space,
pub const WS: u16 = 1;
/// any byte of a character that is not ASCII,
pub const WIDE: u16 = 2;
/// ASCII letters and digits,
pub const LOWER: u16 = 4;
pub const UPPER: u16 = 8;
pub const DIGIT: u16 = 16;
/// `,.'-`: a plain word is made of these and lower-case letters.
pub const PLAIN_MARK: u16 = 32;
/// `.` (also a `PLAIN_MARK`), and `@` or `:`: a mention or link holds one of these.
pub const DOT: u16 = 64;
pub const AT_COLON: u16 = 128;
/// Any other ASCII mark.
pub const OTHER: u16 = 256;

/// The class of each byte.
pub const CLASS: [u16; 256] = {
    let mut c = [0; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        c[b] = if x >= 0x80 {
            WIDE
        } else if matches!(x, b'\t'..=b'\r' | b' ') {
            WS
        } else if x.is_ascii_lowercase() {
            LOWER
        } else if x.is_ascii_uppercase() {
            UPPER
        } else if x.is_ascii_digit() {
            DIGIT
        } else if matches!(x, b',' | b'.' | b'\'' | b'-') {
            PLAIN_MARK
        } else {
            OTHER
        };
        if x == b'.' {
            c[b] |= DOT;
        }
        if matches!(x, b'@' | b':') {
            c[b] |= AT_COLON;
        }
        b += 1;
    }
    c
};

/// The lexicon's lists a `WordTable` answers for, one bit each: the facts' (`fact_words`) and the grammar's
/// (`grammar_words`).
#[derive(Clone, Copy)]
pub enum List {
    Number = 1,
    Weekday = 2,
    Month = 4,
    Shout = 8,
    Dangling = 16,
    Determiner = 32,
    Intensifier = 64,
    Anaphor = 128,
    Person = 256,
}

/// The lists that hold a word.
#[derive(Clone, Copy)]
pub struct Lists(u16);

impl Lists {
    pub fn has(self, list: List) -> bool {
        self.0 & list as u16 != 0
    }

    /// A number word or a day.
    pub fn has_number(self) -> bool {
        self.has(List::Number) || self.has(List::Weekday)
    }
}

/// A set of words, each with the flags of the lists that hold it: open addressing on a hash of the
/// length and three bytes.
pub struct WordTable {
    /// Keys stored lower-cased (ASCII), for lookups that ignore case.
    fold_keys: bool,
    slots: Vec<Slot>,
    /// The keys, one after another (`Slot::start`, `Slot::len`).
    arena: Vec<u8>,
    max_len: usize,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    start: u32,
    len: u32,
    /// 0 for an empty slot.
    flags: u16,
}

impl WordTable {
    pub fn new(fold_keys: bool, lists: &[(&[&str], List)]) -> WordTable {
        let n: usize = lists.iter().map(|(l, _)| l.len()).sum();
        let cap = (n * 4).next_power_of_two().max(16);
        let mut t = WordTable { fold_keys, slots: vec![Slot::default(); cap], arena: Vec::new(), max_len: 0 };
        for &(list, flag) in lists {
            for w in list {
                t.insert(w.as_bytes(), flag as u16);
            }
        }
        t
    }

    fn insert(&mut self, w: &[u8], flag: u16) {
        self.max_len = self.max_len.max(w.len());
        let mask = self.slots.len() - 1;
        let mut i = hash(w, self.fold_keys) & mask;
        loop {
            let s = self.slots[i];
            if s.flags == 0 {
                let start = self.arena.len() as u32;
                let fold = self.fold_keys;
                self.arena.extend(w.iter().map(|&b| if fold { b.to_ascii_lowercase() } else { b }));
                self.slots[i] = Slot { start, len: w.len() as u32, flags: flag };
                return;
            }
            if self.holds(s, w, self.fold_keys) {
                self.slots[i].flags |= flag;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn holds(&self, s: Slot, w: &[u8], fold: bool) -> bool {
        s.len as usize == w.len()
            && self.arena[s.start as usize..][..w.len()]
                .iter()
                .zip(w)
                .all(|(&k, &b)| k == if fold { b.to_ascii_lowercase() } else { b })
    }

    /// The lists that hold `w`; `fold`: look up `w` lower-cased (ASCII).
    pub fn get(&self, w: &[u8], fold: bool) -> Lists {
        if w.len() > self.max_len {
            return Lists(0);
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(w, fold) & mask;
        loop {
            let s = self.slots[i];
            if s.flags == 0 || self.holds(s, w, fold) {
                return Lists(s.flags);
            }
            i = (i + 1) & mask;
        }
    }
}

/// A hash of the length and three bytes of `w` (first, middle, last): cheap, and the probe compares the rest.
fn hash(w: &[u8], fold: bool) -> usize {
    let byte = |i: usize| u64::from(if fold { w[i].to_ascii_lowercase() } else { w[i] });
    let n = w.len();
    let h = if n == 0 { 0 } else { (byte(0) << 16) ^ (byte(n / 2) << 8) ^ byte(n - 1) ^ ((n as u64) << 24) };
    let h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 40) as usize
}

/// The fact lists (number words, days, months, shouted words), ignoring ASCII case (`eq_ignore_ascii_case`).
pub fn fact_words() -> &'static WordTable {
    static T: OnceLock<WordTable> = OnceLock::new();
    T.get_or_init(|| {
        WordTable::new(
            true,
            &[
                (&NUMBER_WORDS, List::Number),
                (&WEEKDAYS, List::Weekday),
                (&WEEKDAY_PLURALS, List::Weekday),
                (&MONTHS, List::Month),
                (&SHOUT_WORDS, List::Shout),
            ],
        )
    })
}

/// The grammar lists, matched as written (`lexicon::is_in`).
pub fn grammar_words() -> &'static WordTable {
    static T: OnceLock<WordTable> = OnceLock::new();
    T.get_or_init(|| {
        WordTable::new(
            false,
            &[
                (&DANGLING_END, List::Dangling),
                (&DETERMINERS, List::Determiner),
                (&INTENSIFIERS, List::Intensifier),
                (&ANAPHORA, List::Anaphor),
                (&PEOPLE, List::Person),
            ],
        )
    })
}

/// Whether `w.to_lowercase()` is in a grammar list with `flag`.
pub fn lower_is(w: &str, list: List) -> bool {
    let flags = if w.is_ascii() {
        grammar_words().get(w.as_bytes(), true)
    } else {
        grammar_words().get(w.to_lowercase().as_bytes(), false)
    };
    flags.has(list)
}

/// Whether the character at byte `i` of `s` (a character boundary) is white space (`char::is_whitespace`), and
/// its length in bytes.
#[inline]
fn ws_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (is_ascii_ws(b), 1)
    } else {
        wide_ws_at(s, i)
    }
}

/// `char::is_whitespace` of an ASCII character.
#[inline]
fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `ws_at` of a character that is not ASCII.
#[cold]
#[inline(never)]
fn wide_ws_at(s: &str, i: usize) -> (bool, usize) {
    let c = s[i..].chars().next().unwrap_or_default();
    (c.is_whitespace(), c.len_utf8())
}

/// `s.split_whitespace()`.
#[cfg(test)]
fn words(s: &str) -> impl Iterator<Item = &str> {
    classed_words(s).map(|(w, _)| w)
}

/// `s.split_whitespace()`, each word with the classes (`CLASS`) of its bytes or-ed together.
pub fn classed_words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

pub struct Words<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (&'a str, u16);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, u16)> {
        let b = self.s.as_bytes();
        let mut i = self.at;
        loop {
            while i < b.len() && CLASS[usize::from(b[i])] == WS {
                i += 1;
            }
            if i == b.len() {
                self.at = i;
                return None;
            }
            match (b[i] >= 0x80).then(|| wide_ws_at(self.s, i)) {
                Some((true, len)) => i += len,
                _ => break,
            }
        }
        let start = i;
        let mut classes = 0;
        loop {
            while i < b.len() && CLASS[usize::from(b[i])] & (WS | WIDE) == 0 {
                classes |= CLASS[usize::from(b[i])];
                i += 1;
            }
            if i == b.len() || b[i] < 0x80 {
                break;
            }
            match wide_ws_at(self.s, i) {
                (true, _) => break,
                (false, len) => {
                    classes |= WIDE;
                    i += len;
                }
            }
        }
        self.at = i;
        Some((&self.s[start..i], classes))
    }
}

/// `s.trim_start()`.
pub fn trim_start(s: &str) -> &str {
    let mut i = 0;
    while i < s.len() {
        let (ws, len) = ws_at(s, i);
        if !ws {
            break;
        }
        i += len;
    }
    &s[i..]
}

/// The last character of `s` (not empty) and where it starts.
fn last_char(s: &str) -> (char, usize) {
    let b = s.as_bytes()[s.len() - 1];
    if b < 0x80 {
        (char::from(b), s.len() - 1)
    } else {
        let c = s.chars().next_back().unwrap_or_default();
        (c, s.len() - c.len_utf8())
    }
}

/// `s.trim_end()`.
pub fn trim_end(s: &str) -> &str {
    let mut end = s.len();
    while end > 0 {
        let (c, at) = last_char(&s[..end]);
        if !c.is_whitespace() {
            break;
        }
        end = at;
    }
    &s[..end]
}

/// `s.rsplit(char::is_whitespace).next()`: what follows the last white space.
pub fn last_word(s: &str) -> &str {
    let mut end = s.len();
    while end > 0 {
        let (c, at) = last_char(&s[..end]);
        if c.is_whitespace() {
            return &s[end..];
        }
        end = at;
    }
    s
}

/// `s.trim_start_matches(|c: char| !c.is_alphanumeric())`.
pub fn trim_start_non_alphanumeric(s: &str) -> &str {
    let i = s.bytes().position(|b| b >= 0x80 || b.is_ascii_alphanumeric()).unwrap_or(s.len());
    s[i..].trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// `w.chars().filter(|c| c.is_alphabetic()).count()` and `w.chars().any(char::is_lowercase)`.
pub fn letters(w: &str) -> (usize, bool) {
    if w.is_ascii() {
        let b = w.as_bytes();
        (b.iter().filter(|b| b.is_ascii_alphabetic()).count(), b.iter().any(u8::is_ascii_lowercase))
    } else {
        (w.chars().filter(|c| c.is_alphabetic()).count(), w.chars().any(char::is_lowercase))
    }
}

/// `s.contains(char::is_alphanumeric)`.
pub fn has_alphanumeric(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphanumeric()) || !s.is_ascii() && s.contains(char::is_alphanumeric)
}

/// How many rating stars ('\u{2B50}', '\u{2605}') `s` holds.
pub fn stars(s: &str) -> usize {
    let b = s.as_bytes();
    if !b.contains(&0xE2) {
        return 0;
    }
    (0..b.len())
        .filter(|&i| b[i] == 0xE2 && matches!(b.get(i + 1..i + 3), Some([0xAD, 0x90] | [0x98, 0x85])))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_in_ci(w: &str, list: &[&str]) -> bool {
        list.iter().any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w))
    }

    /// Every word of every list, in several cases, with neighbours that are not words.
    fn probes() -> Vec<String> {
        let facts: [&[&str]; 4] = [&NUMBER_WORDS, &WEEKDAYS, &MONTHS, &SHOUT_WORDS];
        let grammar: [&[&str]; 5] = [&DANGLING_END, &DETERMINERS, &INTENSIFIERS, &ANAPHORA, &PEOPLE];
        let mut out = vec![String::new(), "x".into(), "Zebra".into(), "ÉTÉ".into(), "straße".into()];
        for w in facts.iter().chain(&grammar).flat_map(|l| l.iter()) {
            let title: String =
                w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect();
            out.extend([
                w.to_string(),
                w.to_uppercase(),
                title,
                format!("{w}s"),
                w[..w.len() - 1].to_string(),
                format!("{w}."),
            ]);
        }
        out
    }

    #[test]
    fn tables_answer_like_the_lists() {
        let facts = fact_words();
        let grammar = grammar_words();
        for p in probes() {
            let f = facts.get(p.as_bytes(), true);
            assert_eq!(f.has(List::Number), is_in_ci(&p, &NUMBER_WORDS), "{p}");
            assert_eq!(
                f.has(List::Weekday),
                is_in_ci(&p, &WEEKDAYS) || is_in_ci(&p, &WEEKDAY_PLURALS),
                "{p}"
            );
            assert_eq!(f.has(List::Month), is_in_ci(&p, &MONTHS), "{p}");
            assert_eq!(f.has(List::Shout), is_in_ci(&p, &SHOUT_WORDS), "{p}");
            for (lower, g) in [
                (p.clone(), grammar.get(p.as_bytes(), false)),
                (p.to_ascii_lowercase(), grammar.get(p.as_bytes(), true)),
            ] {
                assert_eq!(g.has(List::Dangling), DANGLING_END.contains(&lower.as_str()), "{p}");
                assert_eq!(g.has(List::Determiner), DETERMINERS.contains(&lower.as_str()), "{p}");
                assert_eq!(g.has(List::Intensifier), INTENSIFIERS.contains(&lower.as_str()), "{p}");
                assert_eq!(g.has(List::Anaphor), ANAPHORA.contains(&lower.as_str()), "{p}");
                assert_eq!(g.has(List::Person), PEOPLE.contains(&lower.as_str()), "{p}");
            }
            assert_eq!(lower_is(&p, List::Person), PEOPLE.contains(&p.to_lowercase().as_str()), "{p}");
        }
    }

    #[test]
    fn white_space_as_char_reads_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}b{c}");
            assert_eq!(words(&s).collect::<Vec<_>>(), s.split_whitespace().collect::<Vec<_>>(), "{c:?}");
            assert_eq!(trim_start(&s[1..]), s[1..].trim_start(), "{c:?}");
            assert_eq!(trim_end(&s), s.trim_end(), "{c:?}");
            assert_eq!(
                last_word(&s[..s.len() - c.len_utf8()]),
                s[..s.len() - c.len_utf8()].rsplit(char::is_whitespace).next().unwrap()
            );
            assert_eq!(
                trim_start_non_alphanumeric(&s[1..]),
                s[1..].trim_start_matches(|c: char| !c.is_alphanumeric())
            );
            assert_eq!(
                has_alphanumeric(&s[1..1 + c.len_utf8()]),
                s[1..1 + c.len_utf8()].contains(char::is_alphanumeric)
            );
            assert_eq!(
                letters(&s),
                (s.chars().filter(|c| c.is_alphabetic()).count(), s.chars().any(char::is_lowercase))
            );
        }
        for s in ["", " ", "\u{a0}x\u{3000}", "⭐ ★⭐x ★", "a\u{b}b\u{1c}c", "  two  words\t\n"] {
            assert_eq!(words(s).collect::<Vec<_>>(), s.split_whitespace().collect::<Vec<_>>());
            assert_eq!((trim_start(s), trim_end(s)), (s.trim_start(), s.trim_end()));
            assert_eq!(last_word(s), s.rsplit(char::is_whitespace).next().unwrap());
            assert_eq!(stars(s), s.chars().filter(|c| matches!(c, '\u{2B50}' | '\u{2605}')).count());
        }
    }
}
