//! Shape and post-level signals that are not phrase patterns: shouting (capitals, `!!!`, emoji walls),
//! genuine questions versus sales hooks, the missing invitation to talk, the we/you balance, and the
//! platform norms (hashtags, length, the LinkedIn "see more" fold).
//!
//! Each detector returns `Signal`s; the rule that names the detector (in the pack) supplies weight, message
//! and principle, so norms and wording stay data.

use super::matcher::Hit;
use super::pack::{Detector, Profile, Rule};
use super::pattern::bit64;
use super::text::{Kind, Tokens};
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
    /// `person_counts` of the tokens, counted once per draft.
    pub persons: PersonCounts,
}

impl Context<'_> {
    fn hit_has_tag(&self, h: &Hit, tag: &str) -> bool {
        self.phrase_rules[h.rule].tags.iter().any(|t| t == tag)
    }

    /// Whether a hit tagged `tag` starts in `sentence` (hits are sorted by position, so this is a search).
    fn sentence_has_tag(&self, sentence: u32, tag: &str) -> bool {
        let sentence_of = |h: &Hit| self.tokens.list[h.first].sentence;
        let from = self.hits.partition_point(|h| sentence_of(h) < sentence);
        self.hits[from..].iter().take_while(|h| sentence_of(h) == sentence).any(|h| self.hit_has_tag(h, tag))
    }

    fn signal(&self, first: usize, last: usize, strength: f32) -> Signal {
        Signal { span: self.tokens.span_of(first, last), strength, tokens: Some((first, last)) }
    }
}

const SELF_WORDS: [&str; 12] =
    ["we", "our", "us", "ours", "we're", "we've", "we'll", "we'd", "ourselves", "my", "i'm", "me"];
const READER_WORDS: [&str; 8] = ["you", "your", "yours", "you're", "you've", "you'll", "you'd", "yourself"];

/// The first bytes of the self and reader words (as `bit64`s): a word starting with none of them is neither.
const PERSON_LEADS: u64 = first_bytes(&SELF_WORDS) | first_bytes(&READER_WORDS);

/// The first bytes of `words`, as a set of `bit64`s.
const fn first_bytes(words: &[&str]) -> u64 {
    let (mut set, mut k) = (0, 0);
    while k < words.len() {
        set |= bit64(words[k].as_bytes()[0] as u32);
        k += 1;
    }
    set
}

/// Self references, reader references, and the first token of each.
pub type PersonCounts = (usize, usize, Option<usize>, Option<usize>);

/// Counts of self references (we/our count fully, I/my/me half) and reader references.
pub fn person_counts(tokens: &Tokens) -> PersonCounts {
    let (mut selfs, mut readers, mut first_self, mut first_reader) = (0, 0, None, None);
    for i in 0..tokens.len() {
        if tokens.list[i].kind != Kind::Word || tokens.list[i].quoted {
            continue;
        }
        let w = tokens.norm(i);
        if PERSON_LEADS & w.bytes().next().map_or(0, |b| bit64(b.into())) == 0 {
            continue;
        }
        if SELF_WORDS.contains(&w) {
            selfs += 1;
            first_self.get_or_insert(i);
        } else if READER_WORDS.contains(&w) {
            readers += 1;
            first_reader.get_or_insert(i);
        }
    }
    (selfs, readers, first_self, first_reader)
}

/// Run one detector.
pub fn detect(detector: Detector, cx: &Context<'_>) -> Vec<Signal> {
    match detector {
        Detector::Caps => caps_runs(cx),
        Detector::Bangs => (0..cx.tokens.len())
            .filter(|&i| {
                cx.tokens.list[i].kind == Kind::Punct
                    && cx.tokens.norm(i).len() >= 2
                    && cx.tokens.norm(i).contains('!')
            })
            .map(|i| cx.signal(i, i, 1.0))
            .collect(),
        Detector::EmojiWall => emoji_walls(cx),
        Detector::Question => genuine_questions(cx, false),
        Detector::NoQuestion => no_question(cx),
        Detector::SelfCentred => {
            let (selfs, readers, first_self, _) = cx.persons;
            match first_self {
                Some(i) if selfs >= 4 && selfs >= 2 * readers + 3 => {
                    vec![cx.signal(i, i, ((selfs - 2 * readers) as f32 / 4.0).min(3.0))]
                }
                _ => Vec::new(),
            }
        }
        Detector::ReaderCentred => {
            let (selfs, readers, _, first_reader) = cx.persons;
            match first_reader {
                Some(i) if readers >= 2 && 2 * readers >= selfs => {
                    vec![cx.signal(i, i, (readers as f32 / 3.0).min(2.0))]
                }
                _ => Vec::new(),
            }
        }
        Detector::Hashtags => too_many_hashtags(cx),
        Detector::Length => {
            let max = cx.profile.max_chars;
            if max == 0 || cx.tokens.chars <= max {
                return Vec::new();
            }
            let start = cx.text.char_indices().nth(max).map_or(cx.text.len(), |(b, _)| b);
            let span = Span {
                start,
                end: cx.text.len(),
                start_utf16: cx.text[..start].encode_utf16().count(),
                end_utf16: cx.tokens.utf16_len,
            };
            vec![Signal { span, strength: (cx.tokens.chars as f32 / max as f32).min(2.0), tokens: None }]
        }
        Detector::Fold => fold(cx),
    }
}

fn caps_runs(cx: &Context<'_>) -> Vec<Signal> {
    let t = cx.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t.list[i].caps || t.list[i].quoted {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut letters = t.norm(i).chars().filter(|c| c.is_alphabetic()).count();
        while j + 1 < t.len() && t.list[j + 1].caps {
            j += 1;
            letters += t.norm(j).chars().filter(|c| c.is_alphabetic()).count();
        }
        // A short word in capitals is usually an acronym (SEO, CEO, USA), and so is a pair of them ("US TV");
        // shouting takes five letters or more.
        if letters >= 5 {
            out.push(cx.signal(i, j, 1.0));
        }
        i = j + 1;
    }
    out
}

fn emoji_walls(cx: &Context<'_>) -> Vec<Signal> {
    let t = cx.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let mut j = i;
        while j < t.len() && t.list[j].kind == Kind::Emoji {
            j += 1;
        }
        if j - i >= 3 {
            out.push(cx.signal(i, j - 1, 1.0));
        }
        i = j.max(i + 1);
    }
    out
}

/// Question sentences that are not a sales hook (a hook is tagged `hook`, or is followed by a call to action);
/// with `first_only`, only the first (enough to know there is one).
fn genuine_questions(cx: &Context<'_>, first_only: bool) -> Vec<Signal> {
    let t = cx.tokens;
    let mut out = Vec::new();
    // Sentence by sentence through `sentence_bounds`, without the Vec `Tokens::sentences` collects.
    let count = t.list.last().map_or(0, |last| last.sentence + 1);
    for (first, last) in (0..count).filter_map(|s| t.sentence_bounds(s)) {
        let end_mark =
            (first..=last).rev().find(|&i| t.list[i].kind == Kind::Punct && t.norm(i).contains('?'));
        let Some(q) = end_mark else { continue };
        if t.list[q].quoted || (first..=last).filter(|&i| t.list[i].kind == Kind::Word).count() < 2 {
            continue;
        }
        let s = t.list[first].sentence;
        if cx.sentence_has_tag(s, "hook")
            || cx.sentence_has_tag(s, "cta")
            || cx.sentence_has_tag(s + 1, "cta")
        {
            continue;
        }
        out.push(cx.signal(first, q, 1.0));
        if first_only {
            break;
        }
    }
    out
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

fn no_question(cx: &Context<'_>) -> Vec<Signal> {
    if !genuine_questions(cx, true).is_empty()
        || cx.hits.iter().any(|h| cx.hit_has_tag(h, "invite"))
        || cx.tokens.word_count() < NO_QUESTION_MIN_WORDS
        || sentence_count(cx.tokens, cx.text) < 2
    {
        return Vec::new();
    }
    let end = super::text::end_span(cx.text, cx.tokens.utf16_len);
    vec![Signal { span: end, strength: 1.0, tokens: None }]
}

fn too_many_hashtags(cx: &Context<'_>) -> Vec<Signal> {
    let t = cx.tokens;
    let tags: Vec<usize> = (0..t.len()).filter(|&i| t.list[i].kind == Kind::Hashtag).collect();
    if tags.len() <= cx.profile.hashtags {
        return Vec::new();
    }
    let first_extra = tags[cx.profile.hashtags];
    let last = *tags.last().unwrap_or(&first_extra);
    vec![cx.signal(first_extra, last, ((tags.len() - cx.profile.hashtags) as f32 / 2.0).min(3.0))]
}

/// Only clear sales signals (announcing, hype, calls to action) spend the opening; a soft offer or a teaser
/// (tagged `offer`, `hook`, `headline` or `teaser`) never does, whatever its weight.
const FOLD_MIN_WEIGHT: f32 = 6.0;

/// LinkedIn shows about `fold` characters before "see more"; an opening spent on announcing or hype loses
/// the reader there.
fn fold(cx: &Context<'_>) -> Vec<Signal> {
    let fold = cx.profile.fold;
    if fold == 0 || cx.tokens.chars <= fold || cx.tokens.is_empty() {
        return Vec::new();
    }
    let fold_byte = cx.text.char_indices().nth(fold).map_or(cx.text.len(), |(b, _)| b) as u32;
    let wasted = cx.hits.iter().filter(|h| cx.tokens.list[h.first].start < fold_byte).any(|h| {
        cx.phrase_rules[h.rule].side == crate::Side::Sales
            && cx.phrase_rules[h.rule].weight >= FOLD_MIN_WEIGHT
            && !["offer", "hook", "headline", "teaser"].iter().any(|t| cx.hit_has_tag(h, t))
    });
    let starts_badly = cx
        .tokens
        .list
        .iter()
        .find(|t| t.kind != Kind::Break)
        .is_some_and(|t| matches!(t.kind, Kind::Hashtag | Kind::Emoji));
    if !(wasted || starts_badly) {
        return Vec::new();
    }
    let last = cx.tokens.list.iter().rposition(|t| t.end <= fold_byte).unwrap_or(0);
    vec![cx.signal(0, last, 1.0)]
}
