//! The tokenizer: one pass over the draft that yields typed tokens with UTF-8 byte and UTF-16 offsets.
//!
//! Everything downstream (pattern matching, post-level signals, spans in the report) works on these tokens,
//! so the text is scanned exactly once. Words are lower-cased into one shared buffer (`Tokens::norm`: the text
//! lower-cased, then the normal forms of non-ASCII tokens), curly
//! apostrophes become `'`, and each token knows whether it sits inside quotation marks, which sentence it
//! belongs to and whether it is written in capitals.

use super::vocab::{Vocab, NO_WORD};
use crate::Span;

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Money,
    Percent,
    Url,
    Mention,
    Hashtag,
    Emoji,
    /// Punctuation; runs of `!` and `?` are one token (`"!!!"`).
    Punct,
    /// A line break.
    Break,
}

impl Kind {
    /// Number of kinds (for tables indexed by `kind as usize`; `Break` is the last variant).
    pub const COUNT: usize = Kind::Break as usize + 1;
    /// Every kind but `Break`.
    pub const ALL_BUT_BREAK: [Kind; 9] = [
        Kind::Word,
        Kind::Number,
        Kind::Money,
        Kind::Percent,
        Kind::Url,
        Kind::Mention,
        Kind::Hashtag,
        Kind::Emoji,
        Kind::Punct,
    ];
}

/// One token of the draft.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    pub start16: u32,
    pub end16: u32,
    norm_start: u32,
    norm_end: u32,
    /// Inside quotation marks.
    pub quoted: bool,
    /// A word of two or more letters, all capitals.
    pub caps: bool,
    /// Index of the sentence (split at `.!?` and line breaks).
    pub sentence: u32,
    /// The word's id in the rules' vocabulary (`tokenize_interned`); `NO_WORD` for punctuation,
    /// line breaks and words no pattern mentions.
    pub word: u32,
}

/// The tokens of one draft plus the lower-cased text they point into.
#[derive(Debug, Default)]
pub struct Tokens {
    pub list: Vec<Token>,
    /// First and last token (line breaks excluded) of each sentence number; `(1, 0)` when it has none.
    bounds: Vec<(u32, u32)>,
    /// The first token of each sentence that is not punctuation, emoji or a line break (`u32::MAX` if none).
    leads: Vec<u32>,
    norm: String,
    /// Total length in UTF-16 code units.
    pub utf16_len: usize,
    pub chars: usize,
}

impl Tokens {
    /// The lower-cased form of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.list[i];
        &self.norm[t.norm_start as usize..t.norm_end as usize]
    }

    /// `norm` as bytes: for comparisons, without the check that a `str` slice starts and ends on character
    /// boundaries.
    pub fn norm_bytes(&self, i: usize) -> &[u8] {
        let t = &self.list[i];
        &self.norm.as_bytes()[t.norm_start as usize..t.norm_end as usize]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The span from the start of token `a` to the end of token `b` (inclusive).
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        let (s, e) = (&self.list[a], &self.list[b]);
        Span {
            start: s.start as usize,
            end: e.end as usize,
            start_utf16: s.start16 as usize,
            end_utf16: e.end16 as usize,
        }
    }

    /// Whether token `i` is the first word of its sentence (emoji, punctuation and line breaks before it in
    /// the same sentence don't count).
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.leads.get(self.list[i].sentence as usize) == Some(&(i as u32))
    }

    /// First and last token of sentence `s` (line breaks excluded), if it has any.
    pub fn sentence_bounds(&self, s: u32) -> Option<(usize, usize)> {
        self.bounds.get(s as usize).filter(|b| b.0 <= b.1).map(|b| (b.0 as usize, b.1 as usize))
    }

    /// The sentence number of the first token that is not a line break.
    pub fn first_sentence(&self) -> Option<u32> {
        self.list.iter().find(|t| t.kind != Kind::Break).map(|t| t.sentence)
    }

    /// Token index ranges `[first, last]` (line breaks excluded) of each sentence that has tokens, in order.
    pub fn sentences(&self) -> Vec<(usize, usize)> {
        (0..self.bounds.len() as u32).filter_map(|s| self.sentence_bounds(s)).collect()
    }
}

/// The span of the empty insertion point at the end of `text`.
pub fn end_span(text: &str, utf16_len: usize) -> Span {
    Span { start: text.len(), end: text.len(), start_utf16: utf16_len, end_utf16: utf16_len }
}

fn is_emoji(c: char) -> bool {
    let u = c as u32;
    (0x1F000..=0x1FAFF).contains(&u)
        || (0x2600..=0x27BF).contains(&u)
        || (0x2B00..=0x2BFF).contains(&u)
        // The emoji among the technical symbols: ⌚ ⌛ ⌨ ⏏ ⏩-⏳ (⏰ alarm clock) ⏸-⏺.
        || matches!(u, 0x231A | 0x231B | 0x2328 | 0x23CF | 0x23E9..=0x23F3 | 0x23F8..=0x23FA)
}

/// Joiners and modifiers that belong to the emoji before them (ZWJ, variation selectors, skin tones, tags).
fn is_emoji_modifier(c: char) -> bool {
    let u = c as u32;
    u == 0x200D
        || (0xFE00..=0xFE0F).contains(&u)
        || (0x1F3FB..=0x1F3FF).contains(&u)
        || (0xE0020..=0xE007F).contains(&u)
}

fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B | 0x200C | 0x200E | 0x200F | 0x2060 | 0xFEFF | 0x00AD)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

const TLDS: [&str; 16] = [
    "com", "net", "org", "co", "uk", "io", "ly", "me", "info", "biz", "tv", "us", "app", "shop", "store",
    "gl",
];

/// Length in bytes of a URL or web address at the start of `rest`, if there is one.
///
/// Called for every ASCII word followed by `.`, `:` or `-`, so the common case (a word that ends a sentence or
/// clause) is ruled out first from the bytes alone: a bare address needs a dot right after its first label and
/// the start of another label after the dot.
fn url_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let lower_starts =
        |p: &str| bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let explicit = lower_starts("http://") || lower_starts("https://") || lower_starts("www.");
    let label = bytes.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
    let label_after_dot = bytes.get(label + 1).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
    if !explicit && (label == 0 || bytes.get(label) != Some(&b'.') || !label_after_dot) {
        return None;
    }
    let chunk_end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')'))
        .unwrap_or(rest.len());
    let chunk = &rest[..chunk_end];
    if !explicit {
        // name.tld or name.tld/path: a dot followed by a known top-level domain, then the end or / or .
        let host_end = chunk.find('/').unwrap_or(chunk.len());
        let host = chunk[..host_end].trim_end_matches(['.', ',', '!', '?', ':', ';']);
        let mut labels = host.split('.').skip(1).peekable();
        labels.peek()?;
        let mut last = "";
        for part in labels {
            if part.is_empty() || !part.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') {
                return None;
            }
            last = part;
        }
        if !TLDS.iter().any(|tld| tld.eq_ignore_ascii_case(last)) {
            return None;
        }
    }
    let trimmed = chunk.trim_end_matches(['.', ',', '!', '?', ':', ';', '\'', '\u{2019}']);
    if trimmed.len() < 4 {
        return None;
    }
    Some(trimmed.len())
}

/// Length of an HTML entity (`&amp;`, `&#39;`) at the start of `rest`.
fn entity_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let end = b.iter().take(10).position(|&c| c == b';')?;
    (end >= 2 && b[1..end].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'#')).then_some(end + 1)
}

/// The tokenizer's state: the tokens so far and where the scan is.
struct Builder<'a> {
    text: &'a str,
    vocab: &'a Vocab,
    out: Tokens,
    /// Byte offset of the scan.
    i: usize,
    /// How many more bytes than UTF-16 units the text before the scan takes: its UTF-16 offset is
    /// `i - bytes_over_utf16`, and ASCII, one unit a byte, leaves this as it is (so most tokens and spaces move
    /// only `i`).
    bytes_over_utf16: usize,
    /// The number of characters so far that take two UTF-16 units (the number of characters is the UTF-16
    /// offset minus this).
    astral: usize,
    /// Whether the scan is inside quotation marks.
    quoted: bool,
    /// The current sentence number.
    sentence: u32,
    /// The first of the emoji tokens just pushed: whether they end sentences depends on the token after them.
    emoji_run: Option<usize>,
}

impl Builder<'_> {
    /// Push the `n` bytes at the scan position, starting with `c`, as a token of kind `kind` and move past them
    /// (and past one space after a word), keeping count of quotations and sentences. `ascii_caps` is
    /// `Some(caps)` for an all-ASCII token, with `caps` whether it is a word in capitals, and `None` for a token
    /// with other characters.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn token(&mut self, kind: Kind, c: char, n: usize, ascii_caps: Option<bool>) {
        let (text, i) = (self.text, self.i);
        // Only ASCII text is as long in UTF-16 units as in bytes.
        let n16 = if ascii_caps.is_some() {
            n
        } else {
            let (n16, astral) = utf16_len(&text[i..i + n]);
            self.astral += astral;
            n16
        };
        // Whether the token is inside quotation marks; only punctuation and line breaks change `quoted` (the
        // other tokens leave it unwritten).
        let inside = match kind {
            // A quote mark itself is never "inside" the quotation it opens or closes.
            Kind::Punct if is_quote_mark(c) => {
                let after = quoted_after_mark(self.quoted, c, text, i, i + n);
                let inside = self.quoted && after;
                self.quoted = after;
                inside
            }
            // Quotations end with the line.
            Kind::Break => std::mem::take(&mut self.quoted),
            _ => self.quoted,
        };
        let idx = self.out.list.len();
        if kind != Kind::Emoji {
            // Not `take()`: most tokens follow no emoji, and this leaves `emoji_run` unwritten for them.
            if let Some(run) = self.emoji_run {
                self.emoji_run = None;
                let capitalised = kind == Kind::Word && starts_upper(&text[i..i + n]);
                self.sentence = end_emoji_run(&mut self.out.list, run, capitalised);
            }
        } else if self.emoji_run.is_none() {
            self.emoji_run = Some(idx);
        }
        self.push(kind, n, n16, ascii_caps, inside);
        let ends = match kind {
            Kind::Break => true,
            // A punctuation token is one character, a run of `!` and `?`, or an entity (`&amp;`).
            Kind::Punct => match c {
                '.' => !is_abbreviation_dot(&self.out, text, idx),
                '!' | '?' | '\u{2026}' => true,
                _ => false,
            },
            _ => false,
        };
        self.sentence += u32::from(ends);
        self.i += n;
        self.bytes_over_utf16 += n - n16;
        // A word is most often followed by one space.
        if kind == Kind::Word && text.as_bytes().get(self.i) == Some(&b' ') {
            self.i += 1;
        }
    }

    /// Add the token of `n` bytes (`n16` UTF-16 units) at the scan position with its normal form and word id;
    /// `ascii_caps` as for `token`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn push(&mut self, kind: Kind, n: usize, n16: usize, ascii_caps: Option<bool>, quoted: bool) {
        let (start, end) = (self.i, self.i + n);
        // `norm` starts as the whole text lower-cased (ASCII), so an ASCII token's normal form sits at the same
        // offsets; other tokens get theirs appended after the text.
        let (norm_start, norm_end, caps) = match ascii_caps {
            Some(caps) => (start, end, caps),
            // An emoji is one character (its modifiers are added to the token later) with no lower case.
            None if kind == Kind::Emoji => {
                let norm_start = self.out.norm.len();
                self.out.norm.push_str(&self.text[start..end]);
                (norm_start, self.out.norm.len(), false)
            }
            None => {
                let mut letters = 0;
                let mut upper = true;
                let norm_start = self.out.norm.len();
                for c in self.text[start..end].chars() {
                    if c.is_alphabetic() {
                        letters += 1;
                        if c.is_lowercase() {
                            upper = false;
                        }
                    }
                    if c == '\u{2019}' || c == '\u{2018}' {
                        self.out.norm.push('\'');
                    } else {
                        self.out.norm.extend(c.to_lowercase());
                    }
                }
                (norm_start, self.out.norm.len(), kind == Kind::Word && letters >= 2 && upper)
            }
        };
        let word = match kind {
            Kind::Punct | Kind::Break => NO_WORD,
            _ => self.vocab.get_bytes(&self.out.norm.as_bytes()[norm_start..norm_end]),
        };
        self.out.list.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            start16: (start - self.bytes_over_utf16) as u32,
            end16: (start - self.bytes_over_utf16 + n16) as u32,
            norm_start: norm_start as u32,
            norm_end: norm_end as u32,
            quoted,
            caps,
            sentence: self.sentence,
            word,
        });
    }

    /// Move past `c` without making a token of it.
    fn skip(&mut self, c: char) {
        self.i += c.len_utf8();
        self.bytes_over_utf16 += c.len_utf8() - c.len_utf16();
        self.astral += usize::from(c.len_utf16() == 2);
    }
}

/// The character that ends at byte `i` of `text`.
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Whether the character that ends at byte `i` of `text` is a word character.
fn word_char_before(text: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|p| text.as_bytes()[p]) {
        Some(b) if b.is_ascii() => ASCII_WORD_BYTE[usize::from(b)],
        _ => char_before(text, i).is_some_and(is_word_char),
    }
}

/// Length of `s` in UTF-16 units, and the number of its characters that take two.
fn utf16_len(s: &str) -> (usize, usize) {
    s.chars()
        .fold((0, 0), |(units, astral), c| (units + c.len_utf16(), astral + usize::from(c.len_utf16() == 2)))
}

/// Tokenize `text`, leaving every token's word id at `NO_WORD` (for tests that need no vocabulary).
#[cfg_attr(not(test), allow(dead_code))] // The engine tokenizes with `tokenize_interned`; the tests use this.
pub fn tokenize(text: &str) -> Tokens {
    tokenize_interned(text, &Vocab::default())
}

/// Tokenize `text` and look each word up in `vocab` as it is pushed (punctuation and line breaks get no id).
/// Linear in the length of `text`; never panics on any input.
// Native builds inline this into `Engine::analyze` (0.8 k instructions per call cheaper); the browser engine
// keeps it out of line, 80 B gzipped smaller.
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub fn tokenize_interned(text: &str, vocab: &Vocab) -> Tokens {
    // Room for the normal forms of non-ASCII tokens after the text.
    let mut norm = String::with_capacity(text.len() + text.len() / 2);
    norm.push_str(text);
    norm.make_ascii_lowercase();
    let out = Tokens { list: Vec::with_capacity(text.len() / 4), norm, ..Tokens::default() };
    let mut b = Builder {
        text,
        vocab,
        out,
        i: 0,
        bytes_over_utf16: 0,
        astral: 0,
        quoted: false,
        sentence: 0,
        emoji_run: None,
    };
    let bytes = text.as_bytes();
    while b.i < bytes.len() {
        let i = b.i;
        // Fast path: a plain space (most of a draft's non-word characters).
        if bytes[i] == b' ' {
            b.i += 1;
            continue;
        }
        let rest = &text[i..];
        let c = if bytes[i].is_ascii() { char::from(bytes[i]) } else { rest.chars().next().unwrap_or(' ') };
        // The scan of a word token, which tells whether it is ASCII and in capitals.
        let mut scanned: Option<WordScan> = None;
        // Multi-char tokens first. A web address starts like a word and goes on with `.`, `:` or `-`.
        let (kind, n) = if c.is_ascii_alphabetic() {
            let word = scan_word(rest);
            let maybe_url = matches!(bytes.get(i + word.len), Some(b'.' | b':' | b'-'));
            match if maybe_url && !word_char_before(text, i) { url_len(rest) } else { None } {
                Some(n) => (Kind::Url, n),
                // The most common token, pushed here with its kind known.
                None if word.ascii => {
                    b.token(Kind::Word, c, word.len, Some(word.caps));
                    continue;
                }
                None => {
                    scanned = Some(word);
                    (Kind::Word, word.len)
                }
            }
        } else if LONE_MARK[usize::from(bytes[i])] {
            // Most other tokens: ASCII punctuation that is a token of one character whatever follows it (none
            // of the cases below), pushed here with its kind known.
            b.token(Kind::Punct, c, 1, Some(false));
            continue;
        } else if c == '\n' {
            (Kind::Break, 1)
        } else if c.is_whitespace()
            || (!c.is_ascii()
                && (is_invisible(c)
                    || (is_emoji_modifier(c)
                        && !matches!(b.out.list.last(), Some(t) if t.kind == Kind::Emoji && t.end as usize == i))))
        {
            b.skip(c);
            continue;
        } else if !c.is_ascii() && is_emoji_modifier(c) {
            // Extend the previous emoji.
            if let Some(last) = b.out.list.last_mut() {
                last.end += c.len_utf8() as u32;
                last.end16 += c.len_utf16() as u32;
            }
            b.skip(c);
            continue;
        } else if !c.is_ascii() && is_emoji(c) {
            (Kind::Emoji, c.len_utf8())
        } else if c == '&' {
            (Kind::Punct, entity_len(rest).unwrap_or(1))
        } else if (c == '@' || c == '#') && rest[1..].starts_with(is_word_char) {
            let n = 1 + rest[1..].find(|ch: char| !is_word_char(ch)).unwrap_or(rest.len() - 1);
            let all_digits = rest[1..n].bytes().all(|d| d.is_ascii_digit());
            let kind = match (c, all_digits) {
                ('@', _) => Kind::Mention,
                (_, true) => Kind::Word,
                _ => Kind::Hashtag,
            };
            (kind, n)
        } else if matches!(c, '$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}')
            && rest[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
        {
            let body = &rest[c.len_utf8()..];
            (Kind::Money, c.len_utf8() + number_len(body))
        } else if c.is_ascii_digit() {
            let n = number_len(rest);
            let after = &rest[n..];
            if after.starts_with('%') {
                (Kind::Percent, n + 1)
            } else if after.starts_with(['p', 'k']) && !after[1..].starts_with(char::is_alphanumeric) {
                (Kind::Money, n + 1)
            } else {
                // Digits followed by letters ("24hrs", "1,000th") stay one number token.
                let m = after.find(|ch: char| !is_word_char(ch)).unwrap_or(after.len());
                (Kind::Number, n + m)
            }
        } else if is_word_char(c) {
            let word = scan_word(rest);
            scanned = Some(word);
            (Kind::Word, word.len)
        } else if c == '!' || c == '?' {
            let n = rest.find(|ch: char| ch != '!' && ch != '?').unwrap_or(rest.len());
            (Kind::Punct, n)
        } else {
            (Kind::Punct, c.len_utf8())
        };
        // The word scan knows whether the word is ASCII and in capitals; a token of one byte is ASCII. Only
        // scanned words can be in capitals (the other words, `#123`, have no letters).
        let ascii_caps = match scanned {
            Some(word) => word.ascii.then_some(word.caps),
            None => (n == 1 || rest.as_bytes()[..n].is_ascii()).then_some(false),
        };
        b.token(kind, c, n, ascii_caps);
    }
    debug_assert!(b.i == bytes.len());
    b.out.utf16_len = b.i - b.bytes_over_utf16;
    b.out.chars = b.out.utf16_len - b.astral;
    sentence_bounds(&mut b.out, b.sentence);
    b.out
}

/// Whether `word` starts with an upper-case letter.
fn starts_upper(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
}

/// Number the sentences of the emoji tokens `run..` (all emoji, in the sentence they started in) now that the
/// token after them is known: an emoji followed (within 16 tokens) by a capitalised word ends a sentence (posts
/// often use emoji as full stops). Returns the sentence number for the token after them.
fn end_emoji_run(list: &mut [Token], run: usize, capitalised_next: bool) -> u32 {
    let next = list.len();
    let mut sentence = list[run].sentence;
    for (j, t) in list.iter_mut().enumerate().skip(run) {
        t.sentence = sentence;
        if capitalised_next && next - j <= 16 {
            sentence += 1;
        }
    }
    sentence
}

/// Short words that end with a dot without ending the sentence ("No. 1", "Co.", "Dr.").
const ABBREVIATIONS: [&str; 15] =
    ["no", "co", "mr", "mrs", "ms", "dr", "st", "vs", "etc", "inc", "ltd", "jr", "sr", "approx", "dept"];

/// Whether the `.` at token `i` belongs to an abbreviation or is followed by a lower-case word or a digit.
fn is_abbreviation_dot(tokens: &Tokens, text: &str, i: usize) -> bool {
    let prev = i.checked_sub(1).filter(|&p| tokens.list[p].end == tokens.list[i].start);
    if prev.is_some_and(|p| tokens.list[p].kind == Kind::Word && ABBREVIATIONS.contains(&tokens.norm(p))) {
        return true;
    }
    // The first character after the dot and any spaces and tabs, looked at as a byte when it is ASCII.
    let end = tokens.list[i].end as usize;
    let next = end + text.as_bytes()[end..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    match text.as_bytes().get(next) {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase() || b.is_ascii_digit(),
        _ => text[next..].starts_with(char::is_lowercase),
    }
}

/// Sentences end at `.`, `!`, `?`, `…`, a line break, or an emoji followed by a capitalised word (posts often
/// use emoji as full stops); `tokenize` numbers them as it goes. This keeps the first and last token and the
/// first word of each of the `last + 1` sentences.
fn sentence_bounds(tokens: &mut Tokens, last: u32) {
    let mut bounds = vec![(1u32, 0u32); last as usize + 1];
    let mut leads = vec![u32::MAX; last as usize + 1];
    // Sentence numbers never go down from one token to the next, so the tokens of a sentence are one stretch:
    // the first and last token and the lead of the `current` one (`u32::MAX` before the first) are kept here
    // while it lasts and stored when the next one starts, not read and written back for every token.
    let (mut current, mut first, mut end, mut lead) = (u32::MAX, 0, 0, u32::MAX);
    for (i, t) in tokens.list.iter().enumerate() {
        if t.kind == Kind::Break {
            continue;
        }
        let i = i as u32;
        if t.sentence != current {
            if current != u32::MAX {
                (bounds[current as usize], leads[current as usize]) = ((first, end), lead);
            }
            (current, first, lead) = (t.sentence, i, u32::MAX);
        }
        end = i;
        if lead == u32::MAX && !matches!(t.kind, Kind::Punct | Kind::Emoji) {
            lead = i;
        }
    }
    if current != u32::MAX {
        (bounds[current as usize], leads[current as usize]) = ((first, end), lead);
    }
    tokens.bounds = bounds;
    tokens.leads = leads;
}

/// The marks that open or close quotations (`quoted_after_mark`); other punctuation leaves quotations as they are.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\'' | '\u{2018}' | '\u{2019}')
}

/// Whether the text after quote mark `c` (at `text[start..end]`) is inside quotation marks, given whether the
/// text before it was: a quote mark opens or closes a quotation. Straight double quotes toggle; single quotes open
/// before a word and close after one.
fn quoted_after_mark(quoted: bool, c: char, text: &str, start: usize, end: usize) -> bool {
    match c {
        '"' => !quoted,
        '\u{201C}' => true,
        '\u{201D}' => false,
        '\'' | '\u{2018}' | '\u{2019}' => {
            let word_before = char_before(text, start)
                .is_some_and(|p| p.is_alphanumeric() || p == '!' || p == '?' || p == '.');
            let word_after = text[end..].chars().next().is_some_and(char::is_alphanumeric);
            if !word_before && word_after {
                true
            } else if word_before && !word_after && c != '\u{2018}' {
                false
            } else {
                quoted
            }
        }
        _ => quoted,
    }
}

/// Length of a number: digits with inner `,` `.` `:` between digits.
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    while n < b.len() {
        if b[n].is_ascii_digit()
            || (matches!(b[n], b',' | b'.' | b':') && n + 1 < b.len() && b[n + 1].is_ascii_digit() && n > 0)
        {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// The bytes ASCII words are made of: letters, digits and `_` (indexed by byte; other bytes, non-ASCII ones
/// included, are `false`). A table look-up is cheaper than the three range tests.
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    table
};

/// ASCII punctuation that is a token of one character whatever follows it (most of a draft's punctuation): not a
/// word character or white space, nor a mark that may start a longer token (`&amp;`, `@name`, `#tag`, `$5`,
/// `!!`). Indexed by byte; non-ASCII bytes are `false`.
static LONE_MARK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        // White space as `char::is_whitespace` has it in ASCII: tab to carriage return, and space.
        let white = matches!(b, 0x09..=0x0d | 0x20);
        table[b] =
            !ASCII_WORD_BYTE[b] && !white && !matches!(b as u8, b'&' | b'@' | b'#' | b'$' | b'!' | b'?');
        b += 1;
    }
    table
};

/// A word as `scan_word` reads it.
#[derive(Clone, Copy)]
struct WordScan {
    /// Length in bytes.
    len: usize,
    /// All ASCII.
    ascii: bool,
    /// All ASCII, two or more letters and all of them capitals.
    caps: bool,
}

/// The word at the start of `s` (which starts with a word character): word characters with inner apostrophes
/// and hyphens ("don't", "world-class").
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn scan_word(s: &str) -> WordScan {
    // ASCII fast path; a non-ASCII character hands over to `scan_word_unicode`.
    let b = s.as_bytes();
    let mut end = 0;
    loop {
        end = ascii_word_run(b, end);
        // Most words end at a space or punctuation, told from the one byte after them.
        match b.get(end) {
            Some(b'\'' | b'-') => match b.get(end + 1) {
                // An inner apostrophe or hyphen: step over it (the run above takes the character after it).
                Some(next) if next.is_ascii_alphanumeric() => end += 1,
                // "l'été": whether the word goes on depends on the next character.
                Some(next) if !next.is_ascii() => return scan_word_unicode(s, end),
                _ => break,
            },
            Some(c) if !c.is_ascii() => return scan_word_unicode(s, end),
            _ => break,
        }
    }
    let len = end.max(1);
    // Most words start with a lower-case letter, which rules out capitals without a second look.
    WordScan { len, ascii: true, caps: !b[0].is_ascii_lowercase() && ascii_caps(&b[..len]) }
}

/// The end of the run of ASCII word bytes (`ASCII_WORD_BYTE`) that starts at byte `from` of `b`.
///
/// Eight bytes at a time, with bit tricks on a `u64` (most words of a draft take one step instead of a loop
/// round per letter), then byte by byte in the last seven bytes of the text.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn ascii_word_run(b: &[u8], mut from: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // The high bit of each byte of `v` (bytes below 0x80, so that no sum carries into the next byte) that
    // lies in `lo..=hi`: adding `0x80 - lo` sets it from `lo` up, adding `0x7f - hi` from `hi + 1` up.
    let in_range =
        |v: u64, lo: u8, hi: u8| (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi));
    while let Some(chunk) = b.get(from..from + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let low = x & !HIGH;
        // Letters either case (`| 0x20` lower-cases them), digits and `_`; bytes from 0x80 up are not.
        let word =
            in_range(low | (ONES * 0x20), b'a', b'z') | in_range(low, b'0', b'9') | in_range(low, b'_', b'_');
        let other = (!word | x) & HIGH;
        if other != 0 {
            return from + (other.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    from + b[from..].iter().position(|&c| !ASCII_WORD_BYTE[usize::from(c)]).unwrap_or(b.len() - from)
}

/// `scan_word` from byte `from` on (a char boundary), for words with non-ASCII characters.
#[inline(never)]
fn scan_word_unicode(s: &str, from: usize) -> WordScan {
    let mut end = from;
    let mut iter = s[from..].char_indices().map(|(idx, c)| (idx + from, c)).peekable();
    while let Some((idx, c)) = iter.next() {
        if is_word_char(c) {
            end = idx + c.len_utf8();
        } else if (is_apostrophe(c) || c == '-') && iter.peek().is_some_and(|&(_, d)| d.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    let word = &s.as_bytes()[..end.max(1)];
    let ascii = word.is_ascii();
    WordScan { len: word.len(), ascii, caps: ascii && ascii_caps(word) }
}

/// Whether an ASCII word is in capitals: two or more letters, all upper-case.
fn ascii_caps(word: &[u8]) -> bool {
    !word.iter().any(u8::is_ascii_lowercase)
        && word.iter().filter(|b| b.is_ascii_uppercase()).nth(1).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        let t = tokenize(text);
        (0..t.len()).map(|i| (t.list[i].kind, t.norm(i).to_string())).collect()
    }

    #[test]
    fn words_urls_money_and_offsets() {
        let text = "😀 Get 70% OFF at shop.com/x for $5.99!! @Ann #Deal don’t";
        let t = tokenize(text);
        let k = kinds(text);
        assert!(k.contains(&(Kind::Percent, "70%".into())));
        assert!(k.contains(&(Kind::Url, "shop.com/x".into())));
        assert!(k.contains(&(Kind::Money, "$5.99".into())));
        assert!(k.contains(&(Kind::Punct, "!!".into())));
        assert!(k.contains(&(Kind::Mention, "@ann".into())));
        assert!(k.contains(&(Kind::Hashtag, "#deal".into())));
        assert_eq!(kinds("⏰ Today")[0], (Kind::Emoji, "⏰".into()));
        assert!(k.contains(&(Kind::Word, "don't".into())));
        for tok in &t.list {
            assert_eq!(tok.start16 as usize, text[..tok.start as usize].encode_utf16().count());
        }
        assert!(t.list.iter().any(|x| x.caps));
    }

    #[test]
    fn quotes_and_sentences() {
        let t = tokenize("Don't just say 'buy now'. Ask instead");
        let buy = (0..t.len()).find(|&i| t.norm(i) == "buy").unwrap();
        assert!(t.list[buy].quoted);
        let ask = (0..t.len()).find(|&i| t.norm(i) == "ask").unwrap();
        assert!(!t.list[ask].quoted);
        assert_eq!(t.list[ask].sentence, 1);
    }

    #[test]
    fn counts_lines_emoji_and_sentence_ranges() {
        let text = "Say \"buy\nnow 👍🏽 Visit shop.com. L’été here.";
        let t = tokenize(text);
        assert_eq!(t.chars, text.chars().count());
        assert_eq!(t.utf16_len, text.encode_utf16().count());
        let k = kinds(text);
        let emoji = t.list.iter().find(|x| x.kind == Kind::Emoji).unwrap();
        assert_eq!(&text[emoji.start as usize..emoji.end as usize], "👍🏽");
        assert!(k.contains(&(Kind::Url, "shop.com".into())));
        assert!(k.contains(&(Kind::Word, "l'été".into())));
        let find = |w: &str| (0..t.len()).find(|&i| t.norm(i) == w).unwrap();
        // A quotation ends with its line.
        assert!(t.list[find("buy")].quoted);
        assert!(!t.list[find("now")].quoted);
        for (first, last) in t.sentences() {
            assert_eq!(t.sentence_bounds(t.list[first].sentence), Some((first, last)));
        }
        assert!(t.starts_sentence(find("visit")) && t.starts_sentence(find("l'été")));
    }

    #[test]
    fn lone_ascii_punctuation_is_one_token() {
        // `LONE_MARK` holds exactly these; the other bytes take the general path.
        assert!(LONE_MARK[128..].iter().all(|lone| !lone));
        for c in (0..128u8).map(char::from) {
            let lone = !(is_word_char(c) || c.is_whitespace() || "&@#$!?".contains(c));
            assert_eq!(LONE_MARK[c as usize], lone, "{c:?}");
            if !lone {
                continue;
            }
            let t = tokenize(&format!("x{c}{c}y"));
            let kinds: Vec<Kind> = t.list.iter().map(|x| x.kind).collect();
            assert_eq!(kinds, [Kind::Word, Kind::Punct, Kind::Punct, Kind::Word], "{c:?}");
            assert_eq!((t.list[1].start, t.list[1].end, t.norm(1)), (1, 2, c.to_string().as_str()), "{c:?}");
        }
    }

    #[test]
    fn word_runs_eight_bytes_at_a_time_agree_with_the_table() {
        // Every byte value at every place of the first two eight-byte steps and of the byte-by-byte end.
        for len in [9, 16, 20] {
            for at in 0..len {
                for byte in 0..=255u8 {
                    let mut b = vec![b'q'; len];
                    b[at] = byte;
                    let expected = b.iter().position(|&c| !ASCII_WORD_BYTE[usize::from(c)]).unwrap_or(len);
                    for from in 0..=at.min(3) {
                        assert_eq!(ascii_word_run(&b, from), expected, "{len} {at} {byte} {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn emoji_have_no_lower_case() {
        // `Builder::push` copies an emoji as its own normal form.
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_emoji(c)) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn tokens_get_the_word_ids_of_their_normal_forms() {
        let mut vocab = Vocab::default();
        for w in ["buy", "now", "don't", "l'été", "#deal", "@ann", "70%", "😀", "shop.com", "!"] {
            vocab.intern(w);
        }
        let text = "😀 BUY now, don’t wait: 70% off at shop.com!! @Ann #Deal l’été";
        let t = tokenize_interned(text, &vocab);
        for (i, x) in t.list.iter().enumerate() {
            // Punctuation and line breaks never have an id, even when the vocabulary holds them ("!").
            let expected = match x.kind {
                Kind::Punct | Kind::Break => NO_WORD,
                _ => vocab.get(t.norm(i)),
            };
            assert_eq!(x.word, expected, "{}", t.norm(i));
        }
        assert_eq!(t.list.iter().filter(|x| x.word != NO_WORD).count(), 9);
    }

    #[test]
    fn emoji_before_a_capital_end_sentences() {
        let t = tokenize("Great 🎉🎉 Next step 🎉 then. Done 🎉");
        let sentences: Vec<u32> = t.list.iter().map(|x| x.sentence).collect();
        assert_eq!(sentences, [0, 0, 1, 2, 2, 2, 2, 2, 3, 3]);
        assert_eq!(t.sentences(), [(0, 1), (2, 2), (3, 7), (8, 9)]);
    }
}
