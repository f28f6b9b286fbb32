//! The learned part of the judgement: a linear model over word unigrams and bigrams (`grams`), fitted on
//! labelled posts by `postcoach fit` (`crate::fit`) together with the rule weights, and stored in
//! `rules/model.tsv` beside the rule pack.
//!
//! Three logits are read from the same grams: `promotion` (does the post plug the author's own offer?),
//! `point` (is the plug the point of the post?) and `value` (how much it gives the reader); see
//! `super::score` for how they make the verdict and the scores.
//! A gram's contribution to a draft is its weight over `gram_norm` (the square root of the number of grams in
//! the draft, up to a long post's length), so a long post does not score higher merely for being long. Contributions are summed per sentence; a sentence whose sum is clear
//! enough becomes a finding (`sales-tone` or `value-tone`) with the span of its strongest grams, so every
//! point a gram adds is shown on the words that earned it.
//!
//! Each gram has two sets of sales weights, one per `Register`: posts (LinkedIn, Facebook, X) and comments
//! (Instagram, and text of no known platform: comments, messages, headlines). Words sell differently in each
//! ("you" is a reader-centred post and a clickbait headline); fitted jointly, the registers share what they
//! agree on (`crate::fit`).

pub mod file;
pub mod grams;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::text::Tokens;
use crate::Platform;
use grams::Gram;

/// The two sets of a gram's sales weights: those fitted on posts and those fitted on comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    Post,
    Comment,
}

/// Drafts of no known platform up to this many words read as comments (messages, headlines, comments)...
const COMMENT_WORDS: f32 = 20.0;
/// ...from this many words as posts, and in between as a mix of the two.
const POST_WORDS: f32 = 60.0;

impl Register {
    /// How much of the posts' weights a draft of `words` words is read with (the rest are the comments'):
    /// all on LinkedIn, Facebook and X. On Instagram and where the platform is not known, by length: comments,
    /// messages and headlines are short (95% of them under 35 words) and posts long (95% over 15, half over
    /// 60), so up to `COMMENT_WORDS` all comment, from `POST_WORDS` all post, linear in between.
    pub fn post_share(platform: Platform, words: usize) -> f32 {
        match platform {
            Platform::Linkedin | Platform::Facebook | Platform::X => 1.0,
            Platform::Instagram | Platform::Generic => {
                ((words as f32 - COMMENT_WORDS) / (POST_WORDS - COMMENT_WORDS)).clamp(0.0, 1.0)
            }
        }
    }
}

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

/// The fitted model: the two thresholds, the value logit's bias and each gram's three weights.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The promotion logit from which a post carries a plug (balanced or sales pitch).
    pub promo: f32,
    /// The point logit from which a post with a plug is a sales pitch rather than balanced.
    pub point: f32,
    /// The value logit of a post with no signal at all.
    pub value_bias: f32,
    grams: HashMap<u64, [f32; file::WEIGHTS], BuildHasherDefault<KeyHasher>>,
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
    fn from_parsed(((promo, point, value_bias), list): file::Parsed) -> Model {
        let mut grams = HashMap::with_capacity_and_hasher(list.len(), Default::default());
        grams.extend(list);
        Model { promo, point, value_bias, grams }
    }

    /// Read a model file (`file`: comments, `@promo`, `@point` and `@value_bias`, then one
    /// `gram<TAB>promotion<TAB>point<TAB>value` line per gram).
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

    /// A gram's (promotion, point, value) weights in `register`; unknown grams weigh nothing.
    pub fn weights(&self, key: u64, register: Register) -> [f32; 3] {
        let w = self.grams.get(&key).copied().unwrap_or_default();
        match register {
            Register::Post => [w[0], w[1], w[2]],
            Register::Comment => [w[3], w[4], w[2]],
        }
    }

    /// A gram's weights, `post_share` of them the posts' and the rest the comments' (one lookup).
    pub fn mixed_weights(&self, key: u64, post_share: f32) -> [f32; 3] {
        let Some(w) = self.grams.get(&key) else { return [0.0; 3] };
        if post_share >= 1.0 {
            return [w[0], w[1], w[2]];
        }
        let mix = |post: f32, comment: f32| post_share * post + (1.0 - post_share) * comment;
        [mix(w[0], w[3]), mix(w[1], w[4]), w[2]]
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

/// A sentence worth showing: the tokens that carry most of what its grams add, what they add to the mix of
/// logits it was picked by, and to each logit ([promotion, point, value]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stretch {
    pub first: u32,
    pub last: u32,
    pub logit: f32,
    pub logits: [f32; 3],
}

/// What the grams of a draft add to the three logits (promotion, point, value), kept per sentence so that the
/// sentences worth showing can be picked once the whole draft is judged.
#[derive(Debug, Default)]
pub struct Reading {
    /// Sums over the draft: [promotion, point, value].
    pub logits: [f32; 3],
    grams: Vec<Gram>,
    /// Each gram's weights over the draft's gram norm.
    weights: Vec<[f32; 3]>,
    /// Each sentence's grams as a range of `grams`.
    sentences: Vec<(usize, usize)>,
}

/// Read a draft's grams with the model's weights, `post_share` of them the posts' (`Register::post_share`)
/// and the rest the comments'.
pub fn read(model: &Model, tokens: &Tokens, post_share: f32) -> Reading {
    let mut list = Vec::new();
    grams::grams(tokens, &mut list);
    let norm = gram_norm(list.len());
    // Every gram's weights looked up once, then grouped by sentence.
    let weights: Vec<[f32; 3]> =
        list.iter().map(|g| model.mixed_weights(g.key, post_share).map(|w| w / norm)).collect();
    let mut logits = [0.0f32; 3];
    for w in &weights {
        for (sum, x) in logits.iter_mut().zip(w) {
            *sum += x;
        }
    }
    let mut sentences = Vec::new();
    let mut start = 0;
    while start < list.len() {
        let sentence = tokens.list[list[start].last as usize].sentence;
        let mut end = start;
        while end < list.len() && tokens.list[list[end].last as usize].sentence == sentence {
            end += 1;
        }
        sentences.push((start, end));
        start = end;
    }
    Reading { logits, grams: list, weights, sentences }
}

impl Reading {
    /// The sentences whose grams add at least `SHOWN_AT` to `mix · weights` (a weighted sum of the three
    /// logits, e.g. `[1, 0, 0]` for promotion alone), each with its strongest grams' stretch.
    pub fn stretches(&self, mix: [f32; 3]) -> Vec<Stretch> {
        let mixed: Vec<f32> =
            self.weights.iter().map(|w| w.iter().zip(mix).map(|(w, m)| w * m).sum()).collect();
        self.sentences
            .iter()
            .filter_map(|&(start, end)| {
                let part = &mixed[start..end];
                let mut stretch = strongest(&self.grams[start..end], part, part.iter().sum())?;
                for w in &self.weights[start..end] {
                    for (sum, x) in stretch.logits.iter_mut().zip(w) {
                        *sum += x;
                    }
                }
                Some(stretch)
            })
            .collect()
    }
}

/// The stretch of a sentence adding `total`, if it is worth showing: from the first to the last gram weighing
/// at least half of the sentence's strongest one.
fn strongest(part: &[Gram], weights: &[f32], total: f32) -> Option<Stretch> {
    if total < SHOWN_AT {
        return None;
    }
    let top = weights.iter().copied().fold(0.0f32, f32::max);
    let strong = part.iter().zip(weights).filter(|(_, &w)| w >= top * 0.5 && w > 0.0);
    let (first, last) = strong.fold((u32::MAX, 0), |(a, b), (g, _)| (a.min(g.first), b.max(g.last)));
    (first <= last).then_some(Stretch { first, last, logit: total, logits: [0.0; 3] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_is_the_text_model() {
        let text = include_str!("../../../rules/model.tsv");
        let parsed = Model::parse(text).expect("rules/model.tsv parses");
        let embedded = Model::embedded();
        assert_eq!(
            (embedded.promo, embedded.point, embedded.value_bias),
            (parsed.promo, parsed.point, parsed.value_bias)
        );
        assert_eq!(embedded.len(), parsed.len());
        assert!(parsed.grams.iter().all(|(k, w)| embedded.grams.get(k) == Some(w)));
        assert!(file::decode(&EMBEDDED[..EMBEDDED.len() - 1]).is_none(), "a cut file is refused");
    }

    #[test]
    fn a_bad_line_names_itself() {
        let err = Model::parse("@promo\t-1\n@point\t1\nbook now\tx\t0\t0\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(Model::parse("book now\t1\t1\n").unwrap_err().line, 1, "a missing weight");
        assert!(Model::parse("@bogus\t1\n").is_err());
    }

    #[test]
    fn posts_and_comments_are_read_with_their_own_weights() {
        let model =
            Model::parse("@promo\t0\n@point\t0\n@value_bias\t0\nyou\t-1\t0\t2\t1.5\t0.5\nbook\t1\t1\t0\n")
                .unwrap();
        let you = file::key_of("you");
        assert_eq!(model.weights(you, Register::Post), [-1.0, 0.0, 2.0]);
        assert_eq!(model.weights(you, Register::Comment), [1.5, 0.5, 2.0], "value is read alike");
        let book = file::key_of("book");
        assert_eq!(model.weights(book, Register::Comment), [1.0, 1.0, 0.0], "three weights serve both");
        assert_eq!(Register::post_share(Platform::Linkedin, 5), 1.0);
        assert_eq!(Register::post_share(Platform::Generic, 12), 0.0, "a short text is a comment");
        assert_eq!(Register::post_share(Platform::Instagram, 40), 0.5);
        assert_eq!(Register::post_share(Platform::Generic, 300), 1.0, "a long one a post");
        let tokens = super::super::text::tokenize("you");
        let half = read(&model, &tokens, 0.5);
        let expected = 0.25 / gram_norm(half.grams.len());
        assert!((half.logits[0] - expected).abs() < 1e-6, "half of each: {:?}", half.logits);
        assert!(Model::parse("you\t1\t1\t1\t1\n").is_err(), "four weights are refused");
    }

    #[test]
    fn grams_are_read_per_sentence_and_shown_where_they_weigh() {
        let model =
            Model::parse("@promo\t0\n@point\t1\n@value_bias\t0\nbook now\t4\t2\t-1\nthanks\t-1\t0\t3\n")
                .unwrap();
        let tokens = super::super::text::tokenize("Thanks for coming. Book now.");
        let reading = read(&model, &tokens, 1.0);
        let norm = gram_norm(reading.grams.len());
        assert!((reading.logits[0] - 3.0 / norm).abs() < 1e-5);
        assert!((reading.logits[1] - 2.0 / norm).abs() < 1e-5);
        assert!((reading.logits[2] - 2.0 / norm).abs() < 1e-5);
        let sales = reading.stretches([0.5, 0.5, 0.0]);
        let [sales] = sales[..] else { panic!("one sales stretch: {sales:?}") };
        assert_eq!(tokens.norm(sales.first as usize), "book");
        assert_eq!(tokens.norm(sales.last as usize), "now");
        assert!((sales.logit - 3.0 / norm).abs() < 1e-5);
        let value = reading.stretches([0.0, 0.0, 1.0]);
        let [value] = value[..] else { panic!("one value stretch: {value:?}") };
        assert_eq!((value.first, value.last), (0, 0));
    }
}
