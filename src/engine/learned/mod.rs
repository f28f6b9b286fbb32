//! The learned part of the judgement: a linear model over word unigrams and bigrams (`grams`), fitted on
//! labelled posts by `postcoach fit` (`crate::fit`) together with the rule weights, and stored in
//! `rules/model.tsv` beside the rule pack.
//!
//! Two logits are read from the same grams: `sales` (how far the post leans towards promotion; cut by two
//! fitted thresholds into conversation / balanced / sales pitch) and `value` (how much it gives the reader).
//! A gram's contribution to a draft is its weight over `gram_norm` (the square root of the number of grams in
//! the draft, up to a long post's length), so a long post does not score higher merely for being long. Contributions are summed per sentence; a sentence whose sum is clear
//! enough becomes a finding (`sales-tone` or `value-tone`) with the span of its strongest grams, so every
//! point a gram adds is shown on the words that earned it.

pub mod file;
pub mod grams;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::text::Tokens;
use grams::Gram;

/// The model embedded in the engine: `rules/model.tsv` in its binary form (`file`), written by `build.rs`.
pub const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model.bin"));

/// A sentence whose grams add at least this much to a logit is shown as a finding.
pub const SHOWN_AT: f32 = 0.2;

/// Keys are already hashes: the map uses them as they are.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The fitted model: thresholds, the value logit's bias and each gram's two weights.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The sales logit below which a post reads as a conversation.
    pub t1: f32,
    /// The sales logit from which a post reads as a sales pitch.
    pub t2: f32,
    /// The value logit of a post with no signal at all.
    pub value_bias: f32,
    grams: HashMap<u64, (f32, f32), BuildHasherDefault<KeyHasher>>,
}

/// A model file that cannot be read: the line and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "model line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ModelError {}

impl Model {
    fn from_parsed(((t1, t2, value_bias), list): file::Parsed) -> Model {
        let mut grams = HashMap::with_capacity_and_hasher(list.len(), Default::default());
        grams.extend(list.into_iter().map(|(k, s, v)| (k, (s, v))));
        Model { t1, t2, value_bias, grams }
    }

    /// Read a model file (`file`: comments, `@t1`, `@t2` and `@value_bias`, then one
    /// `gram<TAB>sales weight<TAB>value weight` line per gram).
    pub fn parse(src: &str) -> Result<Model, ModelError> {
        file::parse_text(src).map(Model::from_parsed).map_err(|(line, message)| ModelError { line, message })
    }

    /// The embedded model (`rules/model.tsv`, converted to its binary form by `build.rs`); the test suite
    /// checks that it reads back.
    pub fn embedded() -> Model {
        file::decode(EMBEDDED).map(Model::from_parsed).unwrap_or_default()
    }

    /// Number of grams with weights.
    pub fn len(&self) -> usize {
        self.grams.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grams.is_empty()
    }

    /// A gram's (sales, value) weights; unknown grams weigh nothing.
    pub fn weights(&self, key: u64) -> (f32, f32) {
        self.grams.get(&key).copied().unwrap_or_default()
    }
}

/// Drafts up to this many grams (a long LinkedIn post has about 1,000) are read on `sqrt(n)`; longer ones on
/// their mean gram, so what grams add stays bounded however long the text.
const LONG_GRAMS: f32 = 1024.0;

/// The scale every gram's weight is divided by in a draft with `n` grams.
pub fn gram_norm(n: usize) -> f32 {
    let n = n.max(1) as f32;
    if n <= LONG_GRAMS {
        n.sqrt()
    } else {
        n / LONG_GRAMS.sqrt()
    }
}

/// What the grams of one sentence add to one logit, and the tokens that carry most of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stretch {
    pub first: u32,
    pub last: u32,
    pub logit: f32,
}

/// What the grams of a draft add to both logits, with the sentences worth showing.
#[derive(Debug, Default)]
pub struct Reading {
    pub sales: f32,
    pub value: f32,
    /// Sentences adding at least `SHOWN_AT` to the sales logit.
    pub sales_stretches: Vec<Stretch>,
    /// Sentences adding at least `SHOWN_AT` to the value logit.
    pub value_stretches: Vec<Stretch>,
}

/// Read a draft's grams with the model.
pub fn read(model: &Model, tokens: &Tokens, list: &mut Vec<Gram>) -> Reading {
    grams::grams(tokens, list);
    let norm = gram_norm(list.len());
    // Every gram's weights looked up once, then read sentence by sentence.
    let weights: Vec<(f32, f32)> = list.iter().map(|g| model.weights(g.key)).collect();
    let mut reading = Reading::default();
    let mut sentence_start = 0;
    while sentence_start < list.len() {
        let sentence = tokens.list[list[sentence_start].last as usize].sentence;
        let mut end = sentence_start;
        while end < list.len() && tokens.list[list[end].last as usize].sentence == sentence {
            end += 1;
        }
        let (part, w) = (&list[sentence_start..end], &weights[sentence_start..end]);
        let (s, v) = w.iter().fold((0.0, 0.0), |(s, v), w| (s + w.0 / norm, v + w.1 / norm));
        reading.sales += s;
        reading.value += v;
        if let Some(stretch) = strongest(part, w.iter().map(|w| w.0), s) {
            reading.sales_stretches.push(stretch);
        }
        if let Some(stretch) = strongest(part, w.iter().map(|w| w.1), v) {
            reading.value_stretches.push(stretch);
        }
        sentence_start = end;
    }
    reading
}

/// The stretch of a sentence adding `total` to a logit, if it is worth showing: from the first to the last gram
/// weighing at least half of the sentence's strongest one.
fn strongest(part: &[Gram], weights: impl Iterator<Item = f32> + Clone, total: f32) -> Option<Stretch> {
    if total < SHOWN_AT {
        return None;
    }
    let top = weights.clone().fold(0.0f32, f32::max);
    let strong = part.iter().zip(weights).filter(|(_, w)| *w >= top * 0.5 && *w > 0.0);
    let (first, last) = strong.fold((u32::MAX, 0), |(a, b), (g, _)| (a.min(g.first), b.max(g.last)));
    (first <= last).then_some(Stretch { first, last, logit: total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_is_the_text_model() {
        let text = include_str!("../../../rules/model.tsv");
        let parsed = Model::parse(text).expect("rules/model.tsv parses");
        let embedded = Model::embedded();
        assert!(embedded.t1 < embedded.t2);
        assert_eq!(
            (embedded.t1, embedded.t2, embedded.value_bias),
            (parsed.t1, parsed.t2, parsed.value_bias)
        );
        assert_eq!(embedded.len(), parsed.len());
        assert!(parsed.grams.iter().all(|(k, w)| embedded.weights(*k) == *w));
        assert!(file::decode(&EMBEDDED[..EMBEDDED.len() - 1]).is_none(), "a cut file is refused");
    }

    #[test]
    fn a_bad_line_names_itself() {
        let err = Model::parse("@t1\t-1\n@t2\t1\nbook now\tx\t0\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(Model::parse("@t1\t1\n@t2\t0\n").is_err(), "thresholds out of order");
        assert!(Model::parse("@bogus\t1\n").is_err());
    }

    #[test]
    fn grams_are_read_per_sentence_and_shown_where_they_weigh() {
        let model =
            Model::parse("@t1\t-1\n@t2\t1\n@value_bias\t0\nbook now\t4\t-1\nthanks\t-1\t3\n").unwrap();
        let tokens = super::super::text::tokenize("Thanks for coming. Book now.");
        let mut list = Vec::new();
        let reading = read(&model, &tokens, &mut list);
        let norm = gram_norm(list.len());
        assert!((reading.sales - 3.0 / norm).abs() < 1e-5);
        assert!((reading.value - 2.0 / norm).abs() < 1e-5);
        let [sales] = reading.sales_stretches[..] else { panic!("one sales stretch: {reading:?}") };
        assert_eq!(tokens.norm(sales.first as usize), "book");
        assert_eq!(tokens.norm(sales.last as usize), "now");
        let [value] = reading.value_stretches[..] else { panic!("one value stretch: {reading:?}") };
        assert_eq!((value.first, value.last), (0, 0));
    }
}
