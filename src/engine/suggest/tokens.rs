//! Reading the draft's tokens: words and marks as written, word lists by id, separators, emoji, phone
//! numbers, the phrase hits around a token, sentences and their contacts (links, @mentions, phones).

use super::*;

/// Whether tokens `first..=last` hold something a suggestion must not delete or alter: a link or an @mention.
pub(super) fn holds_contact(t: &Tokens, first: usize, last: usize) -> bool {
    t.list[first..=last].iter().any(|x| matches!(x.kind, Kind::Url | Kind::Mention))
}

pub(super) fn raw<'a>(d: &Draft<'a>, i: usize) -> &'a str {
    let x = &d.tokens.list[i];
    &d.text[x.start as usize..x.end as usize]
}

/// The bytes of token `i` as written, without the character boundary checks of a `str` slice. A mark is its
/// own normal form but for curly apostrophes (the tokenizer lower-cases letters and straightens apostrophes,
/// nothing else), so marks other than apostrophes can be read here.
pub(super) fn raw_bytes<'a>(d: &Draft<'a>, i: usize) -> &'a [u8] {
    let x = &d.tokens.list[i];
    &d.text.as_bytes()[x.start as usize..x.end as usize]
}

/// Whether token `i` is a word, one of `words`.
pub(super) fn is_word(d: &Draft<'_>, i: usize, words: &[&str]) -> bool {
    d.tokens.list[i].kind == Kind::Word && is_one_of(d.tokens.norm_bytes(i), words)
}

/// Whether `w` is one of `words` (lengths and first bytes are compared before whole words: most differ there).
pub(super) fn is_one_of(w: &[u8], words: &[&str]) -> bool {
    let first = w.first();
    words.iter().any(|x| x.len() == w.len() && x.as_bytes().first() == first && x.as_bytes() == w)
}

/// Whether token `i` is a word on one of the `lists` (bits of `List`s), by its word id.
pub(super) fn on_list(d: &Draft<'_>, i: usize, lists: u32) -> bool {
    let tok = &d.tokens.list[i];
    tok.kind == Kind::Word && d.lists.bits(tok.word) & lists != 0
}

pub(super) fn counts_as_word(k: Kind) -> bool {
    matches!(k, Kind::Word | Kind::Number | Kind::Money | Kind::Percent)
}

/// Whether token `i` is an emoji or a pictographic symbol the tokenizer files as punctuation (⏰, ⌛, ➡).
pub(super) fn emoji_like(d: &Draft<'_>, i: usize) -> bool {
    let t = &d.tokens.list[i];
    t.kind == Kind::Emoji || (t.kind == Kind::Punct && pictographic(raw_bytes(d, i)))
}

/// Whether the UTF-8 text `s` starts with an arrow or another pictographic symbol: U+2190 to U+2BFF, or from
/// U+1F000 on. Read from the first bytes, without decoding.
pub(super) fn pictographic(s: &[u8]) -> bool {
    match s {
        // U+2180 to U+21BF: from U+2190.
        [0xE2, 0x86, third, ..] => *third >= 0x90,
        // U+2000 to U+2FFF: U+21C0 to U+2BFF.
        [0xE2, second, ..] => (0x87..=0xAF).contains(second),
        // U+10000 to U+3FFFF: from U+1F000.
        [0xF0, second, ..] => *second >= 0x9F,
        [0xF1..=0xF4, ..] => true,
        _ => false,
    }
}

/// Clause separators: commas, colons, brackets, dashes, arrows and emoji.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(super) fn is_sep(d: &Draft<'_>, i: usize) -> bool {
    // Words, numbers and emoji are answered here, inlined where it runs natively (wasm builds keep size first).
    match d.tokens.list[i].kind {
        Kind::Emoji => true,
        Kind::Punct => is_separating_mark(d, i),
        _ => false,
    }
}

/// `is_sep` for a punctuation token `i`.
pub(super) fn is_separating_mark(d: &Draft<'_>, i: usize) -> bool {
    // The common marks are answered before the look at the first character.
    match raw_bytes(d, i) {
        [b',' | b';' | b':' | b'(' | b')' | b'-' | b'|'] => true,
        // – — → …
        [0xE2, 0x80, 0x93 | 0x94 | 0xA6] | [0xE2, 0x86, 0x92] => true,
        s => pictographic(s),
    }
}

/// Whether token `i` is a phone number, or starts one written in groups ("555-0198"): its last token.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(super) fn phone_end(d: &Draft<'_>, i: usize) -> Option<usize> {
    // Most tokens are not numbers: they are answered here, inlined where it runs natively (wasm builds keep
    // size first).
    if d.tokens.list[i].kind != Kind::Number {
        return None;
    }
    number_end(d, i)
}

/// `phone_end` for a number token `i`.
pub(super) fn number_end(d: &Draft<'_>, i: usize) -> Option<usize> {
    let t = d.tokens;
    let digits = |j: usize| {
        (t.list[j].kind == Kind::Number && t.norm(j).bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.norm(j).len())
    };
    let mut n = digits(i)?;
    let mut j = i;
    while j + 2 < t.len()
        && t.list[j + 1].kind == Kind::Punct
        && matches!(t.norm(j + 1), "-" | ".")
        && t.list[j + 1].start == t.list[j].end
        && t.list[j + 2].start == t.list[j + 1].end
    {
        match digits(j + 2) {
            Some(m) => {
                n += m;
                j += 2;
            }
            None => break,
        }
    }
    (n >= 7 || (j == i && n >= 5)).then_some(j)
}

/// The hits from the first that can reach token `a` on, by position (a hit spans fewer than 64 tokens).
pub(super) fn hits_from<'h>(d: &'h Draft<'_>, a: usize) -> &'h [Hit] {
    &d.hits[d.hits.partition_point(|h| h.first + 64 < a)..]
}

/// Hits overlapping tokens `a..=b`.
pub(super) fn hits_in<'h>(d: &'h Draft<'_>, a: usize, b: usize) -> impl Iterator<Item = &'h Hit> + 'h {
    hits_from(d, a).iter().take_while(move |h| h.first <= b).filter(move |h| h.last >= a)
}

/// Whether hit `h` is of a rule tagged `tag`.
pub(super) fn tagged(d: &Draft<'_>, h: &Hit, tag: &str) -> bool {
    d.rules[h.rule].tags.iter().any(|g| g == tag)
}

/// Whether rule `r` is about hype (big adjectives, superlatives).
pub(super) fn is_hype(r: &Rule) -> bool {
    r.tags.iter().any(|g| g == "hype")
}

/// Whether rule `r`'s phrases carry an offer (one of the `OFFER_TAGS`).
pub(super) fn carries_offer(r: &Rule) -> bool {
    r.tags.iter().any(|g| OFFER_TAGS.contains(&g.as_str()))
}

pub(super) fn starts_with_vowel(w: &str) -> bool {
    w.starts_with(['a', 'e', 'i', 'o', 'u']) && !w.starts_with("uni") && !w.starts_with("use")
}

/// The first emoji of tokens `f..=l`, whole (a flag is two tokens, a ZWJ sequence several).
pub(super) fn first_emoji<'a>(d: &Draft<'a>, f: usize, l: usize) -> &'a str {
    let t = d.tokens;
    let regional =
        |i: usize| raw(d, i).chars().next().is_some_and(|c| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c));
    let mut e = f;
    if regional(f) && f < l && regional(f + 1) {
        e = f + 1;
    }
    while e < l && raw(d, e).ends_with('\u{200D}') {
        e += 1;
    }
    &d.text[t.list[f].start as usize..t.list[e].end as usize]
}

pub(super) fn first_char(s: &str) -> String {
    s.chars().next().map(String::from).unwrap_or_default()
}

/// Whether `hay` holds `needle` (lower case), ignoring ASCII case.
pub(super) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `sentence_of(t, first)`, unless the sentence is longer than `SCAN` tokens: such sentences get no
/// sentence-level edits (keeps analysis linear on huge input).
pub(super) fn scanned_sentence(t: &Tokens, first: usize) -> Option<(usize, usize)> {
    let (s_first, s_last) = sentence_of(t, first);
    (s_last - s_first <= SCAN).then_some((s_first, s_last))
}

/// The first and last token of the sentence holding token `i` (without line breaks).
pub fn sentence_of(t: &Tokens, i: usize) -> (usize, usize) {
    let (mut first, last) = t.sentence_bounds(t.list[i].sentence).unwrap_or((i, i));
    // Leading emoji belong to the previous thought; keep them out of the replaced sentence.
    while first < i && t.list[first].kind == Kind::Emoji {
        first += 1;
    }
    (first, last.max(i))
}

/// The sentence's links, @mentions and phone numbers, and "the link in my bio" when it points there, written to
/// `out` (emptied first).
pub(super) fn contacts(d: &Draft<'_>, first: usize, last: usize, out: &mut String) {
    let t = d.tokens;
    out.clear();
    let mut add = |s: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
    };
    let mut i = first;
    while i <= last {
        let tok = &t.list[i];
        match tok.kind {
            Kind::Url | Kind::Mention => add(raw(d, i)),
            // Only a word can be "bio" (a hashtag keeps its "#"), and it is written in three letters (see the test
            // `ascii_written`): the length is looked at first.
            Kind::Word if tok.end - tok.start == 3 && t.norm(i) == "bio" => add("the link in my bio"),
            _ => {
                if let Some(e) = phone_end(d, i) {
                    add(&d.text[tok.start as usize..t.list[e].end as usize]);
                    i = e;
                }
            }
        }
        i += 1;
    }
}
