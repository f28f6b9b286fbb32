//! Shape and post-level signals that are not phrase patterns: shouting (capitals, `!!!`, emoji walls),
//! genuine questions versus sales hooks, the missing invitation to talk, the we/you balance, and the
//! platform norms (hashtags, length, the LinkedIn "see more" fold).
//!
//! Each detector returns `Signal`s; the rule that names the detector (in the pack) supplies weight, message
//! and principle, so norms and wording stay data.

use super::lexicon;
use super::matcher::Hit;
use super::pack::{Detector, Profile, Rule};
use super::text::{Kind, Tokens};
use super::vocab::WordLists;
use crate::Span;

/// One detected signal before scoring: the span it points at and how strong it is (1 = one occurrence).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Signal {
    pub span: Span,
    pub strength: f32,
    /// First and last token, when the signal covers tokens (used for suggestions).
    pub tokens: Option<(usize, usize)>,
}

/// What the detectors need to know about the draft besides its tokens.
pub struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    pub profile: &'a Profile,
    pub phrase_rules: &'a [Rule],
    pub hits: &'a [Hit],
    /// What one walk over the tokens found (`Shape::of`).
    pub shape: Shape,
}

impl Context<'_> {
    fn hit_has_tag(&self, h: &Hit, tag: &str) -> bool {
        self.phrase_rules[h.rule].tags.iter().any(|t| t == tag)
    }

    /// Whether question sentence `sentence` is a sales hook: a hit tagged `hook` or `cta` starts in it, or one
    /// tagged `cta` in the sentence after it (hits are sorted by position, so this is a search and a short walk).
    fn is_sales_question(&self, sentence: u32) -> bool {
        let sentence_of = |h: &Hit| self.tokens.list[h.first].sentence;
        let from = self.hits.partition_point(|h| sentence_of(h) < sentence);
        self.hits[from..].iter().take_while(|h| sentence_of(h) <= sentence + 1).any(|h| {
            self.hit_has_tag(h, "cta") || (sentence_of(h) == sentence && self.hit_has_tag(h, "hook"))
        })
    }

    fn signal(&self, first: usize, last: usize, strength: f32) -> Signal {
        Signal { span: self.tokens.span_of(first, last), strength, tokens: Some((first, last)) }
    }
}

/// The self and reader word lists, in the order of the `PERSON` bits (`WordLists` by word id).
pub const PERSON_LISTS: [&[&str]; 2] = [&lexicon::SELF_WORDS, &lexicon::READER_WORDS];
const SELF: u32 = 1;
const READER: u32 = 2;

/// What the shape detectors and the report's figures need from the tokens, found in one walk over them.
#[derive(Debug, Default)]
pub struct Shape {
    /// Word tokens: words, numbers, money and percentages.
    pub words: usize,
    /// Punctuation tokens with a `?`.
    pub questions: usize,
    /// The last punctuation token with a `?` of each sentence that has one, in order.
    question_ends: Vec<usize>,
    /// Self references (we, our, my, ...) and reader references (you, your, ...) outside quotations.
    pub selfs: usize,
    pub readers: usize,
    first_self: Option<usize>,
    first_reader: Option<usize>,
    /// The hashtag tokens.
    pub hashtags: Vec<usize>,
    /// Runs of two or more `!` (or `!` and `?`).
    bangs: Vec<usize>,
    /// First and last token of runs of words in capitals with five letters or more.
    caps_runs: Vec<(usize, usize)>,
    /// First and last token of runs of three emoji or more.
    emoji_walls: Vec<(usize, usize)>,
}

impl Shape {
    /// Walk `tokens` once (interned with the vocabulary `persons`, from `PERSON_LISTS`, was interned into).
    pub fn of(tokens: &Tokens, persons: &WordLists) -> Shape {
        let mut shape = Shape::default();
        // The open run of capitals (its first token and letters so far) and the length of the run of emoji
        // that ends at the token before.
        let mut caps: Option<(usize, usize)> = None;
        let mut emoji = 0;
        for (i, t) in tokens.list.iter().enumerate() {
            if t.kind == Kind::Emoji {
                emoji += 1;
            } else {
                shape.close_emoji_run(i, emoji);
                emoji = 0;
            }
            // A run of capitals starts at a capitalised word outside quotations and goes on while the words
            // are capitalised.
            if t.caps {
                if caps.is_none() && !t.quoted {
                    caps = Some((i, 0));
                }
                if let Some((_, letters)) = &mut caps {
                    *letters += tokens.norm(i).chars().filter(|c| c.is_alphabetic()).count();
                }
            } else if let Some(run) = caps.take() {
                shape.close_caps_run(run, i);
            }
            match t.kind {
                Kind::Word => {
                    shape.words += 1;
                    match persons.bits(t.word) {
                        SELF if !t.quoted => {
                            shape.selfs += 1;
                            shape.first_self.get_or_insert(i);
                        }
                        READER if !t.quoted => {
                            shape.readers += 1;
                            shape.first_reader.get_or_insert(i);
                        }
                        _ => {}
                    }
                }
                Kind::Number | Kind::Money | Kind::Percent => shape.words += 1,
                Kind::Punct => {
                    let norm = tokens.norm_bytes(i);
                    if norm.contains(&b'?') {
                        shape.questions += 1;
                        // Sentence numbers never decrease along the tokens.
                        match shape.question_ends.last_mut() {
                            Some(q) if tokens.list[*q].sentence == t.sentence => *q = i,
                            _ => shape.question_ends.push(i),
                        }
                    }
                    if norm.len() >= 2 && norm.contains(&b'!') {
                        shape.bangs.push(i);
                    }
                }
                Kind::Hashtag => shape.hashtags.push(i),
                _ => {}
            }
        }
        shape.close_emoji_run(tokens.len(), emoji);
        if let Some(run) = caps {
            shape.close_caps_run(run, tokens.len());
        }
        shape
    }

    /// The run of `len` emoji that ends before token `end` is a wall if it has three or more.
    fn close_emoji_run(&mut self, end: usize, len: usize) {
        if len >= 3 {
            self.emoji_walls.push((end - len, end - 1));
        }
    }

    /// The run of capitals `(first token, letters)` that ends before token `end`: a short word in capitals is
    /// usually an acronym (SEO, CEO, USA), and so is a pair of them ("US TV"); shouting takes five letters or
    /// more.
    fn close_caps_run(&mut self, (first, letters): (usize, usize), end: usize) {
        if letters >= 5 {
            self.caps_runs.push((first, end - 1));
        }
    }
}

/// Run one detector, handing each signal it finds to `emit` (in order; most detectors find none or one).
pub fn detect(detector: Detector, cx: &Context<'_>, emit: &mut impl FnMut(Signal)) {
    let shape = &cx.shape;
    let mut runs =
        |runs: &[(usize, usize)]| runs.iter().for_each(|&(first, last)| emit(cx.signal(first, last, 1.0)));
    match detector {
        Detector::Caps => runs(&shape.caps_runs),
        Detector::Bangs => shape.bangs.iter().for_each(|&i| emit(cx.signal(i, i, 1.0))),
        Detector::EmojiWall => runs(&shape.emoji_walls),
        Detector::Question => genuine_questions(cx).for_each(emit),
        Detector::NoQuestion => no_question(cx).into_iter().for_each(emit),
        Detector::SelfCentred => {
            let (selfs, readers) = (shape.selfs, shape.readers);
            if let Some(i) = shape.first_self.filter(|_| selfs >= 4 && selfs >= 2 * readers + 3) {
                emit(cx.signal(i, i, ((selfs - 2 * readers) as f32 / 4.0).min(3.0)));
            }
        }
        Detector::ReaderCentred => {
            let (selfs, readers) = (shape.selfs, shape.readers);
            if let Some(i) = shape.first_reader.filter(|_| readers >= 2 && 2 * readers >= selfs) {
                emit(cx.signal(i, i, (readers as f32 / 3.0).min(2.0)));
            }
        }
        Detector::Hashtags => too_many_hashtags(cx).into_iter().for_each(emit),
        Detector::Length => {
            let max = cx.profile.max_chars;
            if max == 0 || cx.tokens.chars <= max {
                return;
            }
            let start = cx.text.char_indices().nth(max).map_or(cx.text.len(), |(b, _)| b);
            let span = Span {
                start,
                end: cx.text.len(),
                start_utf16: cx.text[..start].encode_utf16().count(),
                end_utf16: cx.tokens.utf16_len,
            };
            emit(Signal { span, strength: (cx.tokens.chars as f32 / max as f32).min(2.0), tokens: None });
        }
        Detector::Fold => fold(cx).into_iter().for_each(emit),
        // The engine's learned model emits these after the rules (`super::learned`).
        Detector::Learned => {}
    }
}

/// Question sentences that are not a sales hook (a hook is tagged `hook`, or is followed by a call to action),
/// in order.
fn genuine_questions<'c>(cx: &'c Context<'_>) -> impl Iterator<Item = Signal> + 'c {
    let t = cx.tokens;
    cx.shape.question_ends.iter().filter_map(move |&q| {
        let s = t.list[q].sentence;
        let (first, last) = t.sentence_bounds(s)?;
        let sentence = &t.list[first..=last];
        if t.list[q].quoted || sentence.iter().filter(|x| x.kind == Kind::Word).nth(1).is_none() {
            return None;
        }
        if cx.is_sales_question(s) {
            return None;
        }
        Some(cx.signal(first, q, 1.0))
    })
}

/// A one-liner (a reply, a headline) is not a broadcast; only posts this long, of more than one sentence, are
/// asked to invite a reply.
const NO_QUESTION_MIN_WORDS: usize = 12;

/// Sentences of two or more words. A full stop after a lone capital ("U.S.", "J. K.") does not end one, so an
/// initialism does not turn a headline into two sentences.
fn sentence_count(t: &Tokens, text: &str) -> usize {
    let (mut count, mut words) = (0, 0);
    for (first, last) in t.sentences() {
        words += (first..=last).filter(|&i| t.list[i].kind == Kind::Word).count();
        let last_word = (first..=last).rev().find(|&i| t.list[i].kind != Kind::Punct);
        // "I" is a word unless it is glued to a dot before it, as in "M.I.T.".
        let initial = last_word.is_some_and(|i| {
            let w = &text[t.list[i].start as usize..t.list[i].end as usize];
            let dotted = i > 0 && t.list[i - 1].end == t.list[i].start;
            w.chars().count() == 1 && w.chars().all(char::is_uppercase) && (w != "I" || dotted)
        });
        if !initial {
            count += usize::from(words >= 2);
            words = 0;
        }
    }
    count + usize::from(words >= 2)
}

fn no_question(cx: &Context<'_>) -> Option<Signal> {
    if genuine_questions(cx).next().is_some()
        || cx.hits.iter().any(|h| cx.hit_has_tag(h, "invite"))
        || cx.shape.words < NO_QUESTION_MIN_WORDS
        || sentence_count(cx.tokens, cx.text) < 2
    {
        return None;
    }
    let end = super::text::end_span(cx.text, cx.tokens.utf16_len);
    Some(Signal { span: end, strength: 1.0, tokens: None })
}

fn too_many_hashtags(cx: &Context<'_>) -> Option<Signal> {
    let (tags, allowed) = (&cx.shape.hashtags, cx.profile.hashtags);
    let (&first_extra, &last) = (tags.get(allowed)?, tags.last()?);
    Some(cx.signal(first_extra, last, ((tags.len() - allowed) as f32 / 2.0).min(3.0)))
}

/// Only clear sales signals spend the opening: rules tagged as calls to action, announcing, urgency, hype or
/// bait (a soft offer, a price, a teaser or a headline never do). Tags, not fitted weights, decide, so what
/// the fit reads does not depend on what it fitted.
const FOLD_TAGS: [&str; 5] = ["cta", "announce", "urgency", "hype", "bait"];

/// LinkedIn shows about `fold` characters before "see more"; an opening spent on announcing or hype loses
/// the reader there.
fn fold(cx: &Context<'_>) -> Option<Signal> {
    let fold = cx.profile.fold;
    if fold == 0 || cx.tokens.chars <= fold || cx.tokens.is_empty() {
        return None;
    }
    let fold_byte = cx.text.char_indices().nth(fold).map_or(cx.text.len(), |(b, _)| b) as u32;
    // Hits are sorted by position, and so are token ends: the ones before the fold are a prefix.
    let wasted = cx.hits.iter().take_while(|h| cx.tokens.list[h.first].start < fold_byte).any(|h| {
        cx.phrase_rules[h.rule].side == crate::Side::Sales
            && FOLD_TAGS.iter().any(|t| cx.hit_has_tag(h, t))
            && !["offer", "hook", "headline", "teaser"].iter().any(|t| cx.hit_has_tag(h, t))
    });
    let starts_badly = cx
        .tokens
        .list
        .iter()
        .find(|t| t.kind != Kind::Break)
        .is_some_and(|t| matches!(t.kind, Kind::Hashtag | Kind::Emoji));
    if !(wasted || starts_badly) {
        return None;
    }
    let last = cx.tokens.list.partition_point(|t| t.end <= fold_byte).saturating_sub(1);
    Some(cx.signal(0, last, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::tokenize_interned;
    use crate::engine::vocab::Vocab;

    fn shape(text: &str) -> Shape {
        let mut vocab = Vocab::default();
        let persons = WordLists::intern(&mut vocab, &PERSON_LISTS);
        Shape::of(&tokenize_interned(text, &vocab), &persons)
    }

    #[test]
    fn one_walk_finds_runs_counts_and_persons() {
        // Tokens: "SEO"(0) "BUY"(1) "NOW"(2) ","(3) "the"(4) "\"TOP\""(5-7) "DEAL"(8) "🔥"(9-11) "we"(12)
        let s = shape("SEO BUY NOW, the \"TOP\" DEAL 🔥🔥🔥 we");
        // A run of capitals starts outside quotations and ends at the first word not in capitals.
        assert_eq!(s.caps_runs, [(0, 2)]);
        // An emoji wall at the very end of the draft is closed too.
        assert_eq!(shape("Hi 🔥🔥🔥").emoji_walls, [(1, 3)]);
        assert_eq!(s.emoji_walls, [(9, 11)]);
        assert_eq!((s.selfs, s.readers, s.first_self), (1, 0, Some(12)));
        let s = shape("You and your team, \"you\" said. Why?! #a #b 5% $3");
        assert_eq!((s.selfs, s.readers, s.first_reader), (0, 2, Some(0)));
        assert_eq!((s.questions, s.bangs.len(), s.hashtags.len()), (1, 1, 2));
        // The last `?` of each sentence: "?!" (token 11) ends the second sentence.
        assert_eq!(s.question_ends, [11]);
        assert_eq!(shape("Why? Really?? No. How").question_ends, [1, 3]);
        assert_eq!(s.words, 9);
    }
}
