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
    /// The word's id in the rules' vocabulary (`Tokens::intern`); `NO_WORD` for punctuation, line breaks and
    /// words no pattern mentions.
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

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Look every token's word up in `vocab` (punctuation and line breaks keep `NO_WORD`).
    pub fn intern(&mut self, vocab: &Vocab) {
        for t in &mut self.list {
            if !matches!(t.kind, Kind::Punct | Kind::Break) {
                t.word = vocab.get_bytes(&self.norm.as_bytes()[t.norm_start as usize..t.norm_end as usize]);
            }
        }
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

struct Builder<'a> {
    text: &'a str,
    out: Tokens,
}

impl Builder<'_> {
    /// Add the token `text[start..end]` (UTF-16 offsets `start16..end16`).
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: Kind,
        start: usize,
        end: usize,
        start16: usize,
        end16: usize,
        quoted: bool,
        sentence: u32,
    ) {
        // Only ASCII text is as long in UTF-16 units as in bytes.
        let ascii = end - start == end16 - start16;
        let is_word = kind == Kind::Word;
        // `norm` starts as the whole text lower-cased (ASCII), so an ASCII token's normal form sits at the same
        // offsets; other tokens get theirs appended after the text.
        let (norm_start, norm_end, caps) = if ascii {
            let bytes = &self.text.as_bytes()[start..end];
            let caps = is_word
                && !bytes.iter().any(u8::is_ascii_lowercase)
                && bytes.iter().filter(|b| b.is_ascii_uppercase()).nth(1).is_some();
            (start as u32, end as u32, caps)
        } else {
            let mut letters = 0;
            let mut upper = true;
            let norm_start = self.out.norm.len() as u32;
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
            (norm_start, self.out.norm.len() as u32, is_word && letters >= 2 && upper)
        };
        self.out.list.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            start16: start16 as u32,
            end16: end16 as u32,
            norm_start,
            norm_end,
            quoted,
            caps,
            sentence,
            word: NO_WORD,
        });
    }
}

/// The character that ends at byte `i` of `text`.
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Count UTF-16 units of `s`.
fn u16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Tokenize `text`. Linear in its length; never panics on any input.
pub fn tokenize(text: &str) -> Tokens {
    let out = Tokens {
        list: Vec::with_capacity(text.len() / 4),
        norm: text.to_ascii_lowercase(),
        chars: text.chars().count(),
        ..Tokens::default()
    };
    let mut b = Builder { text, out };
    let bytes = text.as_bytes();
    let mut i = 0usize; // byte offset
    let mut u = 0usize; // utf16 offset
    let mut quoted = false;
    // The current sentence number, and the first of the emoji tokens just pushed (whether they end sentences
    // depends on the token after them).
    let mut sentence = 0u32;
    let mut emoji_run: Option<usize> = None;
    while i < text.len() {
        // Fast path: a plain space (most of a draft's non-word characters).
        if bytes[i] == b' ' {
            i += 1;
            u += 1;
            continue;
        }
        let rest = &text[i..];
        let c = if bytes[i].is_ascii() { char::from(bytes[i]) } else { rest.chars().next().unwrap_or(' ') };
        // Multi-char tokens first. A web address starts like a word and goes on with `.`, `:` or `-`.
        let ascii_word = c.is_ascii_alphabetic().then(|| word_len(rest));
        let maybe_url = ascii_word.is_some_and(|(n, _)| matches!(bytes.get(i + n), Some(b'.' | b':' | b'-')));
        let url =
            if maybe_url && !char_before(text, i).is_some_and(is_word_char) { url_len(rest) } else { None };
        let (kind, n) = if let Some(n) = url {
            (Some(Kind::Url), n)
        } else if let Some((n, _)) = ascii_word {
            (Some(Kind::Word), n)
        } else if c == '\n' {
            (Some(Kind::Break), 1)
        } else if c.is_whitespace()
            || (!c.is_ascii()
                && (is_invisible(c)
                    || (is_emoji_modifier(c)
                        && !matches!(b.out.list.last(), Some(t) if t.kind == Kind::Emoji && t.end as usize == i))))
        {
            (None, c.len_utf8())
        } else if !c.is_ascii() && is_emoji_modifier(c) {
            // Extend the previous emoji.
            let n = c.len_utf8();
            if let Some(last) = b.out.list.last_mut() {
                last.end += n as u32;
                last.end16 += c.len_utf16() as u32;
            }
            i += n;
            u += c.len_utf16();
            continue;
        } else if !c.is_ascii() && is_emoji(c) {
            (Some(Kind::Emoji), c.len_utf8())
        } else if c == '&' {
            match entity_len(rest) {
                Some(n) => (Some(Kind::Punct), n),
                None => (Some(Kind::Punct), 1),
            }
        } else if (c == '@' || c == '#') && rest[1..].starts_with(is_word_char) {
            let n = 1 + rest[1..].find(|ch: char| !is_word_char(ch)).unwrap_or(rest.len() - 1);
            let all_digits = rest[1..n].bytes().all(|d| d.is_ascii_digit());
            let kind = match (c, all_digits) {
                ('@', _) => Kind::Mention,
                (_, true) => Kind::Word,
                _ => Kind::Hashtag,
            };
            (Some(kind), n)
        } else if matches!(c, '$' | '\u{20AC}' | '\u{00A3}' | '\u{00A5}')
            && rest[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
        {
            let body = &rest[c.len_utf8()..];
            (Some(Kind::Money), c.len_utf8() + number_len(body))
        } else if c.is_ascii_digit() {
            let n = number_len(rest);
            let after = &rest[n..];
            if after.starts_with('%') {
                (Some(Kind::Percent), n + 1)
            } else if after.starts_with(['p', 'k']) && !after[1..].starts_with(char::is_alphanumeric) {
                (Some(Kind::Money), n + 1)
            } else {
                // Digits followed by letters ("24hrs", "1,000th") stay one number token.
                let m = after.find(|ch: char| !is_word_char(ch)).unwrap_or(after.len());
                (Some(Kind::Number), n + m)
            }
        } else if is_word_char(c) {
            (Some(Kind::Word), word_len(rest).0)
        } else if c == '!' || c == '?' {
            let n = rest.find(|ch: char| ch != '!' && ch != '?').unwrap_or(rest.len());
            (Some(Kind::Punct), n)
        } else {
            (Some(Kind::Punct), c.len_utf8())
        };
        // The ASCII word scan knows whether the word is ASCII; a token of one byte is.
        let ascii = match ascii_word {
            Some((len, ascii)) if len == n => ascii,
            _ => n == 1 || rest.as_bytes()[..n].is_ascii(),
        };
        let n16 = if ascii { n } else { u16_len(&rest[..n]) };
        if let Some(kind) = kind {
            let (inside, quoted_after) = match kind {
                // A quote mark itself is never "inside" the quotation it opens or closes.
                Kind::Punct => {
                    let after =
                        quoted_after_mark(quoted, c, char_before(text, i), text[i + n..].chars().next());
                    (quoted && after, after)
                }
                // Quotations end with the line.
                Kind::Break => (quoted, false),
                _ => (quoted, quoted),
            };
            let idx = b.out.list.len();
            if kind != Kind::Emoji {
                if let Some(run) = emoji_run.take() {
                    sentence =
                        end_emoji_run(&mut b.out.list, run, kind == Kind::Word && starts_upper(&rest[..n]));
                }
            } else if emoji_run.is_none() {
                emoji_run = Some(idx);
            }
            b.push(kind, i, i + n, u, u + n16, inside, sentence);
            quoted = quoted_after;
            let ends = match kind {
                Kind::Break => true,
                Kind::Punct if n == 1 && c == '.' => !is_abbreviation_dot(&b.out, text, idx),
                Kind::Punct => b.out.norm(idx).contains(['.', '!', '?', '\u{2026}']),
                _ => false,
            };
            sentence += u32::from(ends);
            // A word is most often followed by one space.
            if kind == Kind::Word && bytes.get(i + n) == Some(&b' ') {
                i += 1;
                u += 1;
            }
        }
        i += n;
        u += n16;
    }
    debug_assert!(i == bytes.len());
    b.out.utf16_len = u;
    sentence_bounds(&mut b.out, sentence);
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
    let rest = text[tokens.list[i].end as usize..].trim_start_matches([' ', '\t']);
    rest.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
}

/// Sentences end at `.`, `!`, `?`, `…`, a line break, or an emoji followed by a capitalised word (posts often
/// use emoji as full stops); `tokenize` numbers them as it goes. This keeps the first and last token and the
/// first word of each of the `last + 1` sentences.
fn sentence_bounds(tokens: &mut Tokens, last: u32) {
    let mut bounds = vec![(1u32, 0u32); last as usize + 1];
    let mut leads = vec![u32::MAX; last as usize + 1];
    for (i, t) in tokens.list.iter().enumerate() {
        if t.kind == Kind::Break {
            continue;
        }
        let lead = &mut leads[t.sentence as usize];
        if *lead == u32::MAX && !matches!(t.kind, Kind::Punct | Kind::Emoji) {
            *lead = i as u32;
        }
        let b = &mut bounds[t.sentence as usize];
        if b.0 > b.1 {
            *b = (i as u32, i as u32);
        } else {
            b.1 = i as u32;
        }
    }
    tokens.bounds = bounds;
    tokens.leads = leads;
}

/// Whether the text after punctuation `c` is inside quotation marks, given whether the text before it was:
/// a quote mark opens or closes a quotation. Straight double quotes toggle; single quotes open before a word and
/// close after one.
fn quoted_after_mark(quoted: bool, c: char, prev: Option<char>, next: Option<char>) -> bool {
    let word_before = prev.is_some_and(|p| p.is_alphanumeric() || p == '!' || p == '?' || p == '.');
    let word_after = next.is_some_and(char::is_alphanumeric);
    match c {
        '"' => !quoted,
        '\u{201C}' => true,
        '\u{201D}' => false,
        '\'' | '\u{2018}' | '\u{2019}' if !word_before && word_after => true,
        '\'' | '\u{2019}' if word_before && !word_after => false,
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

/// The bytes ASCII words are made of: letters, digits and `_` (indexed by byte, so non-ASCII bytes are `false`).
static ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    table
};

/// Length of a word: word characters with inner apostrophes and hyphens ("don't", "world-class"), and whether
/// the word is all ASCII.
fn word_len(s: &str) -> (usize, bool) {
    // ASCII fast path; the first non-ASCII byte hands over to the general loop below.
    let b = s.as_bytes();
    let mut end = 0;
    loop {
        end += b[end..].iter().position(|&c| !ASCII_WORD_BYTES[usize::from(c)]).unwrap_or(b.len() - end);
        match b.get(end) {
            Some(b'\'' | b'-') => match b.get(end + 1) {
                Some(next) if next.is_ascii_alphanumeric() => end += 2,
                // "l'été": whether the word goes on depends on the next character.
                Some(next) if !next.is_ascii() => break,
                _ => return (end.max(1), true),
            },
            Some(c) if !c.is_ascii() => break,
            _ => return (end.max(1), true),
        }
    }
    let end = word_len_unicode(s, end);
    (end, s[..end].is_ascii())
}

/// `word_len` from byte `from` on (a char boundary), for words with non-ASCII characters.
fn word_len_unicode(s: &str, from: usize) -> usize {
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
    end.max(1)
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
    fn emoji_before_a_capital_end_sentences() {
        let t = tokenize("Great 🎉🎉 Next step 🎉 then. Done 🎉");
        let sentences: Vec<u32> = t.list.iter().map(|x| x.sentence).collect();
        assert_eq!(sentences, [0, 0, 1, 2, 2, 2, 2, 2, 3, 3]);
        assert_eq!(t.sentences(), [(0, 1), (2, 2), (3, 7), (8, 9)]);
    }
}
