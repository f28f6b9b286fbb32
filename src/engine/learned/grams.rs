//! The learned model's features: word unigrams and bigrams of the draft, each with the tokens it covers.
//!
//! Every token is reduced to a *unit*: a word's lower-cased form, or a class for tokens whose exact form carries
//! no stance (`<num>`, `<money>`, `<pct>`, `<url>`, `<at>`, `<emoji>`), a hashtag's own form (`#hiring`), `!` or
//! `?` for punctuation holding them; other punctuation is skipped. Bigrams pair a unit with the one before it in
//! the same sentence, or with `<s>` at the start of a sentence (so "<s> book" tells an imperative opening from
//! "the book"). A gram is known by the 64-bit FNV-1a hash of its text ("book", "<s> book", "book now"), so the
//! engine needs no string per gram at run time, and the model file can still list grams as readable text.
//!
//! The same code serves the engine and the trainer (`crate::fit`), so both see exactly the same features.

use super::super::text::{Kind, Tokens};

/// One occurrence of a gram: its key and the first and last token it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gram {
    pub key: u64,
    pub first: u32,
    pub last: u32,
}

/// The unit that stands before the first word of every sentence.
pub const SENTENCE_START: &str = "<s>";

pub use super::file::key_of;
use super::file::{fnv, FNV_PRIME, KEY_START as FNV_OFFSET};

/// The unit of token `i`, or `None` for a token the model does not read (most punctuation, line breaks).
pub fn unit(tokens: &Tokens, i: usize) -> Option<&str> {
    let t = &tokens.list[i];
    Some(match t.kind {
        Kind::Word | Kind::Hashtag => tokens.norm(i),
        Kind::Number => "<num>",
        Kind::Money => "<money>",
        Kind::Percent => "<pct>",
        Kind::Url => "<url>",
        Kind::Mention => "<at>",
        Kind::Emoji => "<emoji>",
        Kind::Punct => {
            let p = tokens.norm_bytes(i);
            if p.contains(&b'?') {
                "?"
            } else if p.contains(&b'!') {
                "!"
            } else {
                return None;
            }
        }
        Kind::Break => return None,
    })
}

/// Every gram of the draft, in token order (a unigram, then the bigram ending at the same token), into `out`.
pub fn grams(tokens: &Tokens, out: &mut Vec<Gram>) {
    out.clear();
    // The previous unit's token and its hash with the space after it (`fnv(key, b" ")`), within the current
    // sentence.
    let mut prev: Option<(u32, u64)> = None;
    let mut sentence = u32::MAX;
    let start_hash = fnv(fnv(FNV_OFFSET, SENTENCE_START.as_bytes()), b" ");
    for (i, t) in tokens.list.iter().enumerate() {
        let Some(u) = unit(tokens, i) else { continue };
        if t.sentence != sentence {
            sentence = t.sentence;
            prev = None;
        }
        let i = i as u32;
        let (first, pre) = prev.unwrap_or((i, start_hash));
        let (key, bigram) = fnv2(FNV_OFFSET, pre, u.as_bytes());
        out.push(Gram { key, first: i, last: i });
        out.push(Gram { key: bigram, first, last: i });
        prev = Some((i, fnv(key, b" ")));
    }
}

/// `(fnv(a, bytes), fnv(b, bytes))` in one loop: the two chains of multiplications are independent, so they
/// run side by side instead of one after the other (a gram's unigram and bigram keys hash the same unit).
#[inline(always)]
fn fnv2(mut a: u64, mut b: u64, bytes: &[u8]) -> (u64, u64) {
    for &x in bytes {
        a = (a ^ u64::from(x)).wrapping_mul(FNV_PRIME);
        b = (b ^ u64::from(x)).wrapping_mul(FNV_PRIME);
    }
    (a, b)
}

/// The text of every gram in `list` (as `grams` wrote it), as the model file writes it: for the trainer; the
/// engine only needs keys.
pub fn texts(tokens: &Tokens, list: &[Gram]) -> Vec<String> {
    let unit_at = |i: u32| unit(tokens, i as usize).unwrap_or_default();
    list.iter()
        .enumerate()
        .map(|(n, g)| match (n % 2, g.first == g.last) {
            // `grams` pushes a unigram, then the bigram ending at the same token.
            (0, _) => unit_at(g.last).to_string(),
            (_, true) => format!("{SENTENCE_START} {}", unit_at(g.last)),
            (_, false) => format!("{} {}", unit_at(g.first), unit_at(g.last)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::super::text::tokenize;
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let mut list = Vec::new();
        grams(&tokens, &mut list);
        let texts = texts(&tokens, &list);
        for (g, t) in list.iter().zip(&texts) {
            assert_eq!(g.key, key_of(t), "the key of {t:?} is the hash of its text");
        }
        texts
    }

    #[test]
    fn units_pair_within_sentences() {
        assert_eq!(
            all("Book now! Save 20%."),
            ["book", "<s> book", "now", "book now", "!", "now !", "save", "<s> save", "<pct>", "save <pct>"]
        );
    }

    #[test]
    fn classes_stand_for_numbers_links_and_mentions() {
        let texts = all("Thanks @Ana, see example.com for 3 tips");
        for unit in ["<at>", "<url>", "<num>", "thanks", "tips"] {
            assert!(texts.iter().any(|t| t == unit), "{unit} in {texts:?}");
        }
    }
}
