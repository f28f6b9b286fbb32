//! Suggestions: the concrete one-click edits attached to a finding, built from the rule's `fix` and `suggest`
//! templates. Templates may use these slots; a template whose slot cannot be filled is skipped:
//! - `{match}`: the matched words;
//! - `{plain}`: the matched words made plain: an emotion frame ("We are thrilled to announce that") dropped
//!   before a clause or turned into the plain verb ("We are unveiling"), push words (now, just, finally) and
//!   "!" dropped; skipped when nothing changes;
//! - `{contacts}`: the sentence's links, @mentions and phone numbers (as ": ..." when there are any);
//! - `{topic}`: what the post is about;
//! - `{place}`: where a pushed link is ("in my bio", "in the comments", "below");
//! - `{who}`: who a tag-a-friend request aims at ("someone looking for a job");
//! - `{promise}`: what a comment-to-get-it request promises ("I'd be happy to send you the details").
//!
//! Every edit keeps the sentence grammatical: a removal takes its comma or brackets with it, fixes "a"/"an" and
//! capitalises the word that now starts the sentence; a command is only softened where it is one (at the start
//! of a clause, not "if anyone wants to come along"); a clause or sentence is only dropped when it carries
//! nothing the reader needs (no offer, link, price, tip or question) and what remains still reads.

mod closing;
pub mod guard;
mod hype;
mod topic;

use super::lexicon;
use super::matcher::Hit;
use super::pack::{Detector, Fix, Rule};
use super::signals::Signal;
use super::text::{Kind, Tokens};
use super::vocab::WordLists;
use crate::{Side, Span, Suggestion};
use std::cell::Cell;
use std::ops::Range;

/// Everything a suggestion may need from the draft.
pub struct Draft<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    /// What the post is about, for closing questions: worked out on first use (`Draft::topic`), since most
    /// drafts need no closing question.
    pub topic: std::cell::OnceCell<String>,
    /// Closing-question templates of the platform.
    pub closing: &'a [String],
    /// Every phrase hit, sorted by position, and the phrase rules they index: an offer, a price or a tip in a
    /// sentence keeps it.
    pub hits: &'a [Hit],
    pub rules: &'a [Rule],
    /// The `WORD_LISTS`, by word id (interned with the rules' vocabulary the draft's tokens were looked up in).
    pub lists: &'a WordLists,
    /// The last sentence's clauses and contacts, shared by the findings of one `analyze` call.
    pub cache: SentenceCache,
}

/// The clauses (`clauses`) and contacts (`contacts`) of the last token range asked for. `build` runs once per
/// finding, and a sentence with several findings has its clauses split and its contacts gathered for each of
/// them; findings of one sentence often come one after another, so one entry of each is enough.
///
/// Both results depend only on the draft (its text, tokens and word lists, which a `Draft` borrows immutably
/// for its whole life) and on the token range `(first, last)` they were asked for. That range is the key, so a
/// kept result is exactly what recomputing would give. Each entry's buffer is reused for the next range, so a
/// whole `analyze` call allocates about once for each.
#[derive(Default)]
pub struct SentenceCache {
    clauses: Memo<Vec<(usize, usize)>>,
    contacts: Memo<String>,
}

/// One result, the token range it was computed for (`None` before the first), and its buffer.
#[derive(Default)]
struct Memo<T>(Cell<(Option<(usize, usize)>, T)>);

impl<T: Default> Memo<T> {
    /// `read` of the result for `key`: the kept one when it was computed for `key`, else what `fill` writes
    /// into the emptied buffer, which is kept. The entry is taken out while `read` runs, so a `read` that asks
    /// again (for any key) gets a fresh buffer and no panic.
    fn with<R>(&self, key: (usize, usize), fill: impl FnOnce(&mut T), read: impl FnOnce(&T) -> R) -> R {
        let (kept, mut value) = self.0.take();
        if kept != Some(key) {
            fill(&mut value);
        }
        let out = read(&value);
        self.0.set((Some(key), value));
        out
    }
}

impl SentenceCache {
    /// `read` of `clauses(d, a, b)`, kept.
    fn clauses<R>(d: &Draft<'_>, a: usize, b: usize, read: impl FnOnce(&[(usize, usize)]) -> R) -> R {
        d.cache.clauses.with((a, b), |out| clauses(d, a, b, out), |cl| read(cl))
    }

    /// `read` of `contacts(d, first, last)`, kept.
    fn contacts<R>(d: &Draft<'_>, first: usize, last: usize, read: impl FnOnce(&str) -> R) -> R {
        d.cache.contacts.with((first, last), |out| contacts(d, first, last, out), |c| read(c))
    }
}

impl Draft<'_> {
    /// What the post is about (`topic::topic`), empty when nothing stands out.
    pub fn topic(&self) -> &str {
        self.topic.get_or_init(|| topic::topic(self.text, self.tokens, self.hits))
    }
}

/// Sentences longer than this many tokens get no sentence-level edits (keeps analysis linear on huge input).
const SCAN: usize = 400;

/// The named word lists, looked up by word id (`on_list`): list `l` is bit `l.bit()` of `WordLists::bits`, its
/// words are `WORD_LISTS[l as usize]`. Short lists written in place stay compared as strings (`is_word`).
#[derive(Clone, Copy)]
enum List {
    Push,
    NeedsObject,
    PressureClause,
    Conjunctions,
    NotAStart,
    NotAnEnd,
    AdverbialStarts,
    Boast,
    Reader,
    SelfWords,
    OtherSelfForms,
    Subjects,
    Emotions,
    Intensifiers,
    FrameSubjects,
    Labels,
    LaunchVerbs,
}

const LISTS: usize = List::LaunchVerbs as usize + 1;

impl List {
    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// The words of each `List`, at the list's number: interned with the rules (`Compiled::new`), so that a draft's
/// tokens carry their ids.
pub const WORD_LISTS: [&[&str]; LISTS] = {
    let mut lists: [&[&str]; LISTS] = [&[]; LISTS];
    lists[List::Push as usize] = &PUSH_WORDS;
    lists[List::NeedsObject as usize] = &NEEDS_OBJECT;
    lists[List::PressureClause as usize] = &PRESSURE_CLAUSE;
    lists[List::Conjunctions as usize] = &CONJUNCTIONS;
    lists[List::NotAStart as usize] = &NOT_A_START;
    lists[List::NotAnEnd as usize] = &NOT_AN_END;
    lists[List::AdverbialStarts as usize] = &ADVERBIAL_STARTS;
    lists[List::Boast as usize] = &BOAST;
    lists[List::Reader as usize] = &lexicon::READER_WORDS;
    lists[List::SelfWords as usize] = &lexicon::SELF_WORDS;
    lists[List::OtherSelfForms as usize] = &lexicon::OTHER_SELF_FORMS;
    lists[List::Subjects as usize] = &SUBJECTS;
    lists[List::Emotions as usize] = &EMOTIONS;
    lists[List::Intensifiers as usize] = &lexicon::INTENSIFIERS;
    lists[List::FrameSubjects as usize] = &FRAME_SUBJECTS;
    lists[List::Labels as usize] = &LABELS;
    lists[List::LaunchVerbs as usize] = &LAUNCH_VERBS;
    lists
};

/// Words that push for a decision now; dropped when a command is softened or an announcement made plain.
const PUSH_WORDS: [&str; 8] = ["now", "today", "asap", "immediately", "tonight", "quickly", "fast", "hurry"];

/// Verbs of a command that cannot stand without an object ("you can buy" needs "it").
const NEEDS_OBJECT: [&str; 14] = [
    "buy",
    "order",
    "grab",
    "claim",
    "book",
    "purchase",
    "secure",
    "get",
    "reserve",
    "download",
    "preorder",
    "pre-order",
    "snap",
    "nab",
];
/// Words that start a pressure clause ("before we sell out"); the clause is dropped when a command is softened.
const PRESSURE_CLAUSE: [&str; 5] = ["before", "while", "until", "ends", "hurry"];

/// Tags of rules whose phrases carry the offer itself (a sentence holding one is not dropped).
const OFFER_TAGS: [&str; 5] = ["cta", "offer", "announce", "price", "link"];

/// Words that open the clause they introduce.
const CONJUNCTIONS: [&str; 4] = ["and", "but", "so", "or"];

/// Words a remaining clause must not start with once the clause before it is gone (it would be a fragment).
const NOT_A_START: [&str; 22] = [
    "with",
    "for",
    "at",
    "in",
    "on",
    "by",
    "from",
    "to",
    "of",
    "including",
    "once",
    "when",
    "while",
    "until",
    "before",
    "after",
    "if",
    "because",
    "as",
    "than",
    "which",
    "who",
];

/// Words that cannot end a clause: a removal leaving one of these at the end is ungrammatical.
const NOT_AN_END: [&str; 30] = [
    "a", "an", "the", "of", "for", "to", "with", "at", "by", "in", "on", "from", "and", "or", "but", "is",
    "are", "was", "were", "be", "been", "am", "my", "our", "your", "their", "its", "this", "very", "than",
];

/// Words that start a time or condition phrase ("this weekend only", "before midnight", "for the next 24
/// hours"): such a phrase can leave the end of a clause without breaking it.
const ADVERBIAL_STARTS: [&str; 17] = [
    "to", "this", "for", "before", "by", "until", "till", "today", "tonight", "only", "just", "while",
    "through", "within", "next", "ends", "ending",
];

/// Adjectives that boast; dropped from a self-promoting phrase when its sentence must stay ("our signature
/// bouquets start at $49").
const BOAST: [&str; 26] = [
    "new",
    "latest",
    "signature",
    "flagship",
    "award-winning",
    "world-class",
    "bestselling",
    "best-selling",
    "outstanding",
    "innovative",
    "visionary",
    "relentless",
    "incredible",
    "amazing",
    "dedicated",
    "talented",
    "expert",
    "fantastic",
    "unwavering",
    "industry-leading",
    "leading",
    "premium",
    "luxury",
    "exclusive",
    "prestigious",
    "unrivalled",
];

/// Whether tokens `first..=last` hold something a suggestion must not delete or alter: a link or an @mention.
fn holds_contact(t: &Tokens, first: usize, last: usize) -> bool {
    t.list[first..=last].iter().any(|x| matches!(x.kind, Kind::Url | Kind::Mention))
}

/// The suggestions for one signal of `rule`.
#[inline]
pub fn build(rule: &Rule, sig: &Signal, d: &Draft<'_>) -> Vec<Suggestion> {
    // About half of a draft's findings come from rules with no fix (most of the value side): those skip the
    // call into the builder and its large frame.
    if rule.fix == Fix::None {
        return Vec::new();
    }
    let mut out = build_fix(rule, sig, d);
    // Do no harm: an edit that loses a fact or breaks its sentence is not offered (the finding still explains).
    let hashtags_may_go = rule.detector.is_some_and(|det| det == Detector::Hashtags);
    out.retain(|s| guard::safe(d.text, s.span.start, s.span.end, &s.text, hashtags_may_go));
    out
}

/// `build` for a rule with a fix.
// Out of line, so profiles show what suggestions cost.
#[inline(never)]
fn build_fix(rule: &Rule, sig: &Signal, d: &Draft<'_>) -> Vec<Suggestion> {
    let t = d.tokens;
    let matched = &d.text[sig.span.start..sig.span.end];
    // Edits of a link or @mention are left out, but for whole-sentence ones that keep it (and no edit at all).
    let keeps_contacts = matches!(rule.fix, Fix::Sentence | Fix::Append | Fix::None);
    if !keeps_contacts && sig.tokens.is_some_and(|(f, l)| holds_contact(t, f, l)) {
        return Vec::new();
    }
    match rule.fix {
        Fix::None => Vec::new(),
        Fix::Remove => match sig.tokens {
            Some((first, last)) if is_hype(rule) && !hype::worth_removing(d, first, last) => Vec::new(),
            // A banner ("FLASH SALE:") goes where it labels the sentence; inside one it is the subject.
            Some((first, last)) if !is_hype(rule) && rule.detector.is_none() => label_removal(d, first, last)
                .map_or_else(Vec::new, |(span, text)| {
                    vec![suggestion(span, text, label("Remove ", matched))]
                }),
            Some((first, last)) => {
                let (span, text) = removal(d, first, last);
                vec![suggestion(span, text, label("Remove ", matched))]
            }
            None => vec![suggestion(sig.span, String::new(), label("Remove ", matched))],
        },
        Fix::Lowercase => {
            let mut lower =
                if matched.is_ascii() { matched.to_ascii_lowercase() } else { matched.to_lowercase() };
            if sig.tokens.is_some_and(|(f, _)| t.starts_sentence(f)) {
                lower = capitalised(lower);
            }
            vec![trying(sig.span, lower)]
        }
        Fix::Calm => {
            let calm = if matched.contains('?') {
                "?".to_string()
            } else if matched.contains('!') {
                "!".to_string()
            } else {
                sig.tokens.map_or_else(|| first_char(matched), |(f, l)| first_emoji(d, f, l).to_string())
            };
            let label = label("Calm it to ", &calm);
            vec![suggestion(sig.span, calm, label)]
        }
        Fix::Replace => replace(rule, sig, d, matched),
        Fix::Sentence => {
            let Some((first, last)) = sig.tokens else { return Vec::new() };
            sentence_fix(rule, d, first, last, matched)
        }
        Fix::DropSentence => {
            let Some((first, last)) = sig.tokens else { return Vec::new() };
            drop_fix(rule, d, first, last, matched)
        }
        Fix::Anchor => {
            let Some((first, last)) = sig.tokens else { return Vec::new() };
            anchor(d, first, last).map_or_else(Vec::new, |(span, text)| vec![removing(d, (span, text))])
        }
        Fix::Append => closing::suggestions(rule, d),
    }
}

// ----------------------------------------------------------------------------------------------------------
// Token helpers
// ----------------------------------------------------------------------------------------------------------

fn raw<'a>(d: &Draft<'a>, i: usize) -> &'a str {
    let x = &d.tokens.list[i];
    &d.text[x.start as usize..x.end as usize]
}

/// The bytes of token `i` as written, without the character boundary checks of a `str` slice. A mark is its
/// own normal form but for curly apostrophes (the tokenizer lower-cases letters and straightens apostrophes,
/// nothing else), so marks other than apostrophes can be read here.
fn raw_bytes<'a>(d: &Draft<'a>, i: usize) -> &'a [u8] {
    let x = &d.tokens.list[i];
    &d.text.as_bytes()[x.start as usize..x.end as usize]
}

/// Whether token `i` is a word, one of `words`.
fn is_word(d: &Draft<'_>, i: usize, words: &[&str]) -> bool {
    d.tokens.list[i].kind == Kind::Word && is_one_of(d.tokens.norm_bytes(i), words)
}

/// Whether `w` is one of `words` (lengths and first bytes are compared before whole words: most differ there).
fn is_one_of(w: &[u8], words: &[&str]) -> bool {
    let first = w.first();
    words.iter().any(|x| x.len() == w.len() && x.as_bytes().first() == first && x.as_bytes() == w)
}

/// Whether token `i` is a word on one of the `lists` (bits of `List`s), by its word id.
fn on_list(d: &Draft<'_>, i: usize, lists: u32) -> bool {
    let tok = &d.tokens.list[i];
    tok.kind == Kind::Word && d.lists.bits(tok.word) & lists != 0
}

fn counts_as_word(k: Kind) -> bool {
    matches!(k, Kind::Word | Kind::Number | Kind::Money | Kind::Percent)
}

/// Whether token `i` is an emoji or a pictographic symbol the tokenizer files as punctuation (⏰, ⌛, ➡).
fn emoji_like(d: &Draft<'_>, i: usize) -> bool {
    let t = &d.tokens.list[i];
    t.kind == Kind::Emoji || (t.kind == Kind::Punct && pictographic(raw_bytes(d, i)))
}

/// Whether the UTF-8 text `s` starts with an arrow or another pictographic symbol: U+2190 to U+2BFF, or from
/// U+1F000 on. Read from the first bytes, without decoding.
fn pictographic(s: &[u8]) -> bool {
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
fn is_sep(d: &Draft<'_>, i: usize) -> bool {
    // Words, numbers and emoji are answered here, inlined where it runs natively (wasm builds keep size first).
    match d.tokens.list[i].kind {
        Kind::Emoji => true,
        Kind::Punct => is_separating_mark(d, i),
        _ => false,
    }
}

/// `is_sep` for a punctuation token `i`.
fn is_separating_mark(d: &Draft<'_>, i: usize) -> bool {
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
fn phone_end(d: &Draft<'_>, i: usize) -> Option<usize> {
    // Most tokens are not numbers: they are answered here, inlined where it runs natively (wasm builds keep
    // size first).
    if d.tokens.list[i].kind != Kind::Number {
        return None;
    }
    number_end(d, i)
}

/// `phone_end` for a number token `i`.
fn number_end(d: &Draft<'_>, i: usize) -> Option<usize> {
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
fn hits_from<'h>(d: &'h Draft<'_>, a: usize) -> &'h [Hit] {
    &d.hits[d.hits.partition_point(|h| h.first + 64 < a)..]
}

/// Hits overlapping tokens `a..=b`.
fn hits_in<'h>(d: &'h Draft<'_>, a: usize, b: usize) -> impl Iterator<Item = &'h Hit> + 'h {
    hits_from(d, a).iter().take_while(move |h| h.first <= b).filter(move |h| h.last >= a)
}

/// Whether hit `h` is of a rule tagged `tag`.
fn tagged(d: &Draft<'_>, h: &Hit, tag: &str) -> bool {
    d.rules[h.rule].tags.iter().any(|g| g == tag)
}

/// Whether tokens `a..=b` hold something the reader needs: a link, @mention, phone number, price or
/// percentage, or a phrase of a value rule or of an offer (other than rule `skip`'s own phrases).
fn holds_content(d: &Draft<'_>, a: usize, b: usize, skip: &str) -> bool {
    if b < a || b >= d.tokens.len() {
        return false;
    }
    content_in(d, a..b + 1)
        || hits_in(d, a, b).any(|h| {
            let r = &d.rules[h.rule];
            r.id != skip && (r.side == Side::Value || carries_offer(r))
        })
}

/// Whether tokens `range` hold something the reader needs: a link, @mention, phone number, price or percentage.
fn content_in(d: &Draft<'_>, range: Range<usize>) -> bool {
    (range.start..).zip(&d.tokens.list[range]).any(|(i, tok)| {
        matches!(tok.kind, Kind::Url | Kind::Mention | Kind::Money | Kind::Percent)
            || (tok.kind == Kind::Number && number_end(d, i).is_some())
    })
}

/// Whether rule `r` is about hype (big adjectives, superlatives).
fn is_hype(r: &Rule) -> bool {
    r.tags.iter().any(|g| g == "hype")
}

/// Whether rule `r`'s phrases carry an offer (one of the `OFFER_TAGS`).
fn carries_offer(r: &Rule) -> bool {
    r.tags.iter().any(|g| OFFER_TAGS.contains(&g.as_str()))
}

/// Tokens `a..=b` without the match `first..=last` hold content. An offer phrase glued to the match is part of
/// the pressure, not an offer ("Places are | going fast", "Appointments are | filling up").
fn content_outside(d: &Draft<'_>, a: usize, b: usize, first: usize, last: usize, skip: &str) -> bool {
    let end = b.min(d.tokens.len() - 1) + 1;
    let after = (last + 1).max(a);
    content_in(d, a..first.min(end).max(a))
        || content_in(d, after..end.max(after))
        || hits_in(d, a, b).any(|h| {
            let r = &d.rules[h.rule];
            let outside = h.last < first || h.first > last;
            // A soft offer glued to the pressure is part of it ("Places are | going fast"); a command next to
            // it is still the offer ("Come down | before they're gone").
            let glued =
                || (h.last + 1 == first || h.first == last + 1) && r.tags.iter().any(|g| g == "offer");
            outside && r.id != skip && (r.side == Side::Value || (carries_offer(r) && !glued()))
        })
}

/// Whether the token ranges `parts` say at least three words besides pressure (words not inside a hit of an
/// urgency-tagged rule): enough to stand without the pressure. Counting stops at the third word.
fn says_enough(d: &Draft<'_>, parts: impl IntoIterator<Item = Range<usize>>) -> bool {
    const ENOUGH: usize = 3;
    let mut n = 0;
    for part in parts {
        n += free_words(d, part, ENOUGH - n);
        if n == ENOUGH {
            return true;
        }
    }
    false
}

/// Words of `range` not inside a hit of an urgency-tagged rule, counted up to `max`.
fn free_words(d: &Draft<'_>, range: Range<usize>, max: usize) -> usize {
    // One walk along the hits: a word is covered when an urgency hit that starts at or before it reaches it.
    let end = range.end;
    let mut urgent = hits_from(d, range.start)
        .iter()
        .take_while(|h| h.first < end)
        .filter(|h| tagged(d, h, "urgency"))
        .peekable();
    let mut covered_to: Option<usize> = None;
    let mut n = 0;
    for (i, tok) in range.clone().zip(&d.tokens.list[range]) {
        if n == max {
            break;
        }
        if !counts_as_word(tok.kind) {
            continue;
        }
        while let Some(h) = urgent.next_if(|h| h.first <= i) {
            covered_to = covered_to.max(Some(h.last));
        }
        n += usize::from(covered_to.is_none_or(|c| c < i));
    }
    n
}

/// Clauses of tokens `a..=b` as word-token ranges, written to `out` (emptied first): split at separators and
/// sentence marks; a conjunction opens the clause it introduces.
fn clauses(d: &Draft<'_>, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let t = d.tokens;
    out.clear();
    let mut start: Option<usize> = None;
    let mut prev = a;
    for (i, tok) in (a..).zip(&t.list[a..=b]) {
        // A separator, a line break, or a sentence mark after a word.
        let stop = match tok.kind {
            Kind::Emoji | Kind::Break => true,
            Kind::Punct => {
                is_separating_mark(d, i)
                    || (counts_as_word(t.list[prev].kind)
                        && raw_bytes(d, i).iter().any(|c| matches!(c, b'.' | b'!' | b'?')))
            }
            _ => false,
        };
        if stop {
            if let Some(s) = start.take() {
                out.push((s, prev));
            }
            continue;
        }
        if !tok.quoted && on_list(d, i, List::Conjunctions.bit()) && opens_clause(d, i, b) {
            if let Some(s) = start.take() {
                out.push((s, prev));
            }
        }
        if start.is_none() {
            start = Some(i);
        }
        prev = i;
    }
    if let Some(s) = start {
        out.push((s, prev));
    }
}

/// Words that start a new subject: a conjunction before one joins two clauses ("and it won't last"), not two
/// things in a list ("our pastries and lunch boxes").
const SUBJECTS: [&str; 22] = [
    "i", "we", "you", "they", "it", "he", "she", "there", "this", "that", "these", "those", "let's", "i'll",
    "we'll", "it's", "they're", "we're", "you're", "i'm", "i've", "we've",
];

/// Whether the conjunction at `i` opens a clause: it is followed by a new subject, or it is "so" after a comma.
fn opens_clause(d: &Draft<'_>, i: usize, b: usize) -> bool {
    let t = d.tokens;
    (i < b && on_list(d, i + 1, List::Subjects.bit()))
        || (t.norm(i) == "so" && i > 0 && t.list[i - 1].kind == Kind::Punct && t.norm(i - 1) == ",")
}

/// The span from token `a`'s start less `before` bytes to token `b`'s end plus `after` bytes, where the bytes
/// added are ASCII (spaces, tabs, a line break): one UTF-16 unit each, so the UTF-16 offsets come from the
/// tokens'.
fn widened_span(t: &Tokens, a: usize, b: usize, before: usize, after: usize) -> Span {
    let (s, e) = (&t.list[a], &t.list[b]);
    Span {
        start: s.start as usize - before,
        end: e.end as usize + after,
        start_utf16: s.start16 as usize - before,
        end_utf16: e.end16 as usize + after,
    }
}

/// The span to remove for tokens `a..=b` with the spaces on one side, so no double space is left.
fn cut(d: &Draft<'_>, a: usize, b: usize) -> Span {
    let t = d.tokens;
    let (s, e) = (t.list[a].start as usize, t.list[b].end as usize);
    let text = d.text.as_bytes();
    let after = text[e..].iter().take_while(|c| **c == b' ' || **c == b'\t').count();
    let before = text[..s].iter().rev().take_while(|c| **c == b' ' || **c == b'\t').count();
    let line_start = s - before == 0 || text[s - before - 1] == b'\n';
    let next_is_mark =
        text.get(e + after).is_some_and(|c| matches!(c, b',' | b'.' | b'!' | b'?' | b':' | b';'));
    // ", our award-winning team and": the removal starts at a comma glued to a word; the space after it stays.
    let glued = before == 0 && s > 0 && text[s - 1] != b'\n' && text[s - 1] != b' ';
    if glued {
        return t.span_of(a, b);
    }
    if after > 0 && (line_start || !next_is_mark) {
        widened_span(t, a, b, 0, after)
    } else {
        widened_span(t, a, b, before, 0)
    }
}

/// Whether the text before token `i` on its line is only list markers (emoji, bullets, numbers).
fn after_markers_only(d: &Draft<'_>, i: usize) -> bool {
    let t = d.tokens;
    let mut j = i;
    while j > 0 {
        j -= 1;
        match t.list[j].kind {
            Kind::Break => return true,
            Kind::Emoji | Kind::Punct | Kind::Number => {}
            _ => return false,
        }
    }
    true
}

/// Whether token `i` begins a sentence (or a list item).
fn at_start(d: &Draft<'_>, i: usize) -> bool {
    d.tokens.starts_sentence(i) || after_markers_only(d, i)
}

/// Remove the banner `first..=last` when it opens its sentence and only labels it: what follows it is a mark
/// (":", "!", "-"), an emoji or the end of the line. The marks go with it.
fn label_removal(d: &Draft<'_>, first: usize, last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    if !at_start(d, first) {
        return None;
    }
    let mut b = last;
    while b + 1 < t.len()
        && t.list[b + 1].kind == Kind::Punct
        && matches!(t.norm(b + 1), ":" | "!" | "-" | "!!")
    {
        b += 1;
    }
    let labels = b > last
        || b + 1 >= t.len()
        || matches!(t.list[b + 1].kind, Kind::Emoji | Kind::Break)
        || t.list[b + 1].kind == Kind::Punct && t.norm(b + 1).contains('!');
    labels.then(|| removal(d, first, b))
}

/// Remove tokens `a..=b`: at the start of a sentence the next word is capitalised, inside one a preceding
/// "a"/"an" is made to fit the next word, and emoji that bracketed the removed words go with them.
fn removal(d: &Draft<'_>, a: usize, b: usize) -> (Span, String) {
    let t = d.tokens;
    let mut b = b;
    let mut a = a;
    // "☕ FLASH SALE ☕ 25% off": the closing emoji of a bracket goes too.
    if a > 0 && b + 1 < t.len() && emoji_like(d, a - 1) && emoji_like(d, b + 1) {
        b += 1;
        while b + 1 < t.len() && emoji_like(d, b + 1) && t.list[b + 1].start == t.list[b].end {
            b += 1;
        }
    }
    // "⏰ ONLY 48 HOURS LEFT ⏰ Every $1...": when the bracket opened the line, the opening emoji goes as well.
    if a > 0 && emoji_like(d, b) && emoji_like(d, a - 1) && (a == 1 || t.list[a - 2].kind == Kind::Break) {
        a -= 1;
    }
    // "HUGE NEWS!!! 🚀🚀🚀 Our agency...": without its adjective an opening label says nothing; the label goes
    // whole, with its marks and emoji.
    if at_start(d, a) {
        let (_, s_last) = sentence_of(t, a);
        let rest = b + 1..=s_last;
        let label_only = rest.clone().all(|i| {
            on_list(d, i, List::Labels.bit()) || matches!(t.list[i].kind, Kind::Punct | Kind::Emoji)
        });
        if s_last > b && label_only && rest.clone().any(|i| t.list[i].kind == Kind::Word) {
            b = s_last;
            while b + 1 < t.len() && matches!(t.list[b + 1].kind, Kind::Emoji) {
                b += 1;
            }
        }
    }
    let next = (b + 1 < t.len()).then_some(b + 1).filter(|&n| t.list[n].kind != Kind::Break);
    if at_start(d, a) {
        if let Some(n) = next.filter(|&n| t.list[n].kind == Kind::Word && !t.list[n].quoted) {
            return (t.span_of(a, n), capitalise(raw(d, n)));
        }
    }
    if let (Some(art), Some(n)) = (a.checked_sub(1), next) {
        // "A massive thank you" -> "Thank you": without its adjective the thanks takes no article.
        if is_word(d, art, &["a", "an"]) && is_word(d, n, &["thank", "thanks"]) {
            let text = if at_start(d, art) { capitalise(raw(d, n)) } else { raw(d, n).to_string() };
            return (t.span_of(art, n), text);
        }
        if is_word(d, art, &["a", "an"]) && t.list[n].kind == Kind::Word {
            let want = if starts_with_vowel(t.norm(n)) { "an" } else { "a" };
            if want != t.norm(art) {
                let word = if raw(d, art).starts_with('A') { capitalise(want) } else { want.to_string() };
                let span = Span {
                    start: t.list[art].start as usize,
                    start_utf16: t.list[art].start16 as usize,
                    ..cut(d, a, b)
                };
                return (span, word + " ");
            }
        }
    }
    (cut(d, a, b), String::new())
}

fn starts_with_vowel(w: &str) -> bool {
    w.starts_with(['a', 'e', 'i', 'o', 'u']) && !w.starts_with("uni") && !w.starts_with("use")
}

/// The first emoji of tokens `f..=l`, whole (a flag is two tokens, a ZWJ sequence several).
fn first_emoji<'a>(d: &Draft<'a>, f: usize, l: usize) -> &'a str {
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

fn first_char(s: &str) -> String {
    s.chars().next().map(String::from).unwrap_or_default()
}

// ----------------------------------------------------------------------------------------------------------
// Replace: templates, `{plain}` and `{place}`
// ----------------------------------------------------------------------------------------------------------

fn replace(rule: &Rule, sig: &Signal, d: &Draft<'_>, matched: &str) -> Vec<Suggestion> {
    let t = d.tokens;
    let at_start = sig.tokens.is_some_and(|(f, _)| at_start(d, f));
    // An opener template brings its own colon: swallow the one that follows the match.
    let mut colon_span = sig.span;
    if let Some((first, last)) = sig.tokens {
        if last + 1 < t.len() && t.list[last + 1].kind == Kind::Punct && t.norm(last + 1) == ":" {
            colon_span = t.span_of(first, last + 1);
        }
    }
    let mut out = Vec::new();
    for tpl in &rule.suggest {
        if tpl.contains("{plain}") {
            let Some((first, last)) = sig.tokens else { continue };
            let Some((span, text)) = plain(d, first, last) else { continue };
            let text = if tpl.trim() == "{plain}" { text } else { tpl.replace("{plain}", &text) };
            out.push(if text.is_empty() { removing(d, (span, text)) } else { trying(span, text) });
            continue;
        }
        // A template ending in ':' opens a sentence; it only fits where the match opens one.
        let opener = tpl.trim_end().ends_with(':');
        if opener && !at_start {
            continue;
        }
        let filled = fill(tpl, |name, out| {
            match name {
                "place" => out.push_str(place(matched)?),
                _ => common_slot(d, name, matched, "", out),
            }
            Some(())
        });
        let Some(text) = filled else { continue };
        // A template that is a clause of its own ("the link is in my bio") after a comma would splice two
        // sentences: the comma becomes a full stop.
        let after_comma = sig.tokens.filter(|&(f, _)| !at_start && f > 0 && t.norm(f - 1) == ",");
        if let (Some((first, _)), true) = (after_comma, is_clause(&text)) {
            let comma = &t.list[first - 1];
            let span = Span { start: comma.start as usize, start_utf16: comma.start16 as usize, ..sig.span };
            out.push(trying(span, [". ", &capitalised(text)].concat()));
            continue;
        }
        let text = if at_start { capitalised(text) } else { decapitalised(text) };
        out.push(trying(if opener { colon_span } else { sig.span }, text));
    }
    out
}

/// Whether a template's text is a clause of its own: a subject and "is"/"are" ("the link is in my bio").
fn is_clause(text: &str) -> bool {
    text.split(' ').take(4).any(|w| matches!(w, "is" | "are"))
}

/// Where a pushed link is, from the words that push it.
fn place(matched: &str) -> Option<&'static str> {
    let lower;
    let m = if matched.is_ascii() {
        matched
    } else {
        lower = matched.to_lowercase();
        &lower
    };
    [
        ("bio", "in my bio"),
        ("comment", "in the comments"),
        ("description", "in the description"),
        ("profile", "in my profile"),
        ("below", "below"),
        ("above", "above"),
    ]
    .iter()
    .find(|(k, _)| contains_ignore_ascii_case(m, k))
    .map(|(_, p)| *p)
}

const EMOTIONS: [&str; 12] = [
    "thrilled",
    "excited",
    "proud",
    "delighted",
    "pleased",
    "honoured",
    "honored",
    "humbled",
    "happy",
    "stoked",
    "grateful",
    "overjoyed",
];
const FRAME_SUBJECTS: [&str; 9] = ["we", "i", "we're", "i'm", "are", "am", "is", "'re", "'m"];
/// Labels that only announce that news follows ("Big news:", "Introducing").
const LABELS: [&str; 7] = ["big", "news", "announcement", "introducing", "announcing", "huge", "exciting"];

/// The `{plain}` form of the match `first..=last`: (span to replace, text).
fn plain(d: &Draft<'_>, first: usize, last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    let (_, s_last) = sentence_of(t, first);
    if let Some(e) = (first..=last).find(|&i| on_list(d, i, List::Emotions.bit())) {
        return unframe(d, first, last, e, s_last);
    }
    let words: Vec<usize> = (first..=last).filter(|&i| t.list[i].kind == Kind::Word).collect();
    // "Big news:", "Introducing": a label that opens the sentence goes, with its colon.
    if at_start(d, first) && !words.is_empty() && words.iter().all(|&i| on_list(d, i, List::Labels.bit())) {
        let mut b = last;
        while b < s_last
            && t.list[b + 1].kind == Kind::Punct
            && matches!(t.norm(b + 1), ":" | "-" | "," | "!")
        {
            b += 1;
        }
        return Some(removal(d, first, b));
    }
    let push = ["now", "just", "finally", "officially"];
    let mut out = String::new();
    let mut changed = false;
    let mut prev_end: Option<usize> = None;
    for i in first..=last {
        let tok = &t.list[i];
        if is_word(d, i, &push) && words.len() > 1 {
            changed = true;
            continue;
        }
        let piece = match tok.kind {
            Kind::Punct if t.norm(i).contains('!') => {
                changed = true;
                ".".to_string()
            }
            Kind::Word if tok.caps && t.norm(i) != "i" => t.norm(i).to_string(),
            _ => raw(d, i).to_string(),
        };
        if let Some(pe) = prev_end {
            if pe < tok.start as usize && !out.is_empty() && tok.kind != Kind::Punct {
                out.push(' ');
            }
        }
        out.push_str(&piece);
        prev_end = Some(tok.end as usize);
    }
    if !changed {
        return None;
    }
    let out = if at_start(d, first) { capitalise(&out) } else { out };
    Some((t.span_of(first, last), out))
}

/// An emotion frame ("We are incredibly proud to unveil", "Humbled and honoured to share that"): before a
/// clause it goes; before an object the plain verb stays ("We are unveiling").
fn unframe(d: &Draft<'_>, first: usize, last: usize, emo: usize, s_last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    // The verb: the word after "to" that follows the emotion words.
    let to = (emo..=last.min(s_last)).find(|&i| is_word(d, i, &["to"]))?;
    let verb = to + 1;
    if verb > s_last || t.list[verb].kind != Kind::Word {
        return None;
    }
    // Where the frame starts: back over intensifiers, "am/are/is" and a we/I subject.
    let mut from = emo.min(first);
    while from > 0 && {
        let p = from - 1;
        t.list[p].sentence == t.list[emo].sentence
            && (on_list(d, p, List::Intensifiers.bit()) || on_list(d, p, List::FrameSubjects.bit()))
    } {
        from -= 1;
    }
    // What follows the verb: "that", ":" or (for say/tell) a clause.
    let v = t.norm(verb);
    let mut end = verb;
    if v == "let" && verb + 2 <= s_last && t.norm(verb + 1) == "you" && t.norm(verb + 2) == "know" {
        end = verb + 2;
    }
    let next = end + 1;
    let clause_follows =
        next <= s_last && (t.norm(next) == "that" || t.norm(next) == ":") || matches!(v, "say" | "let");
    if clause_follows {
        let mut b = end;
        if next <= s_last && matches!(t.norm(next), "that" | ":") {
            b = next;
        }
        if at_start(d, from) {
            return Some(removal(d, from, b));
        }
        // "Copper Hill is excited to announce that ...": the subject stays, the feeling goes ("announces that").
        let be = (from..emo).find(|&i| is_word(d, i, &["is", "are", "am", "'re", "'m"]))?;
        let text = if is_word(d, be, &["is"]) { third_person(v) } else { v.to_string() };
        return Some((t.span_of(be, end), text));
    }
    // "announcing" and "introducing" announce all over again: the news is said as news instead.
    if matches!(v, "announce" | "introduce") {
        if at_start(d, from) {
            // "We are thrilled to announce our new app" -> "Some news: our new app".
            return Some((t.span_of(from, verb), "Some news:".to_string()));
        }
        // "Copper Hill Brewing Co. is excited to announce our expansion" -> "News from Copper Hill Brewing Co.:
        // our expansion".
        let s_first = sentence_of(t, emo).0;
        let be = (from..emo).find(|&i| is_word(d, i, &["is", "are"]))?;
        if be > s_first && at_start(d, s_first) {
            let subject = &d.text[t.list[s_first].start as usize..t.list[be - 1].end as usize];
            return Some((t.span_of(s_first, verb), format!("News from {subject}:")));
        }
    }
    // Keep subject and "be", drop the emotion: "We are incredibly proud to unveil" -> "We are unveiling".
    let verb_ing = ing(v);
    let kept = (from..emo).filter(|&i| on_list(d, i, List::FrameSubjects.bit())).map(|i| raw(d, i));
    let mut text = String::new();
    for w in kept.chain([verb_ing.as_str()]) {
        // "We 're" is written "We're".
        if !text.is_empty() && !w.starts_with("'re") && !w.starts_with("'m") {
            text.push(' ');
        }
        text.push_str(w);
    }
    let text = if at_start(d, from) { capitalised(text) } else { decapitalised(text) };
    Some((t.span_of(from, verb), text))
}

fn third_person(v: &str) -> String {
    if v.ends_with(['s', 'x']) || v.ends_with("sh") || v.ends_with("ch") {
        format!("{v}es")
    } else {
        format!("{v}s")
    }
}

fn ing(v: &str) -> String {
    match v {
        "let" | "set" | "put" => format!("{v}ting"),
        _ if v.ends_with("ie") => format!("{}ying", &v[..v.len() - 2]),
        _ if v.ends_with('e') && !v.ends_with("ee") && v.len() > 2 => format!("{}ing", &v[..v.len() - 1]),
        _ => format!("{v}ing"),
    }
}

// ----------------------------------------------------------------------------------------------------------
// Sentence: commands softened, bait turned into an invitation
// ----------------------------------------------------------------------------------------------------------

/// How a command sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// It opens the sentence.
    Start,
    /// After a comma, colon, emoji or "so"; `true` when the sentence already opens with "if"/"when".
    Clause(bool),
    /// Joined to an earlier command by "or"/"and".
    Joined,
}

/// Whether the words at `first` are a command (at the start of a clause), and from which token the edit
/// starts ("Just come along": "just" goes too). `None` for "if anyone wants to come along".
fn command_lead(d: &Draft<'_>, first: usize, s_first: usize) -> Option<(usize, Lead)> {
    let t = d.tokens;
    let conditional = is_word(d, s_first, &["if", "when", "whenever", "once"]);
    let mut from = first;
    loop {
        if at_start(d, from) {
            return Some((from, Lead::Start));
        }
        let p = from.checked_sub(1)?;
        if t.list[p].sentence != t.list[first].sentence && t.list[p].kind != Kind::Emoji {
            return Some((from, Lead::Start));
        }
        if is_sep(d, p) || (t.list[p].kind == Kind::Punct && t.norm(p).contains(['.', '!', '?'])) {
            return Some((from, Lead::Clause(conditional)));
        }
        if is_word(d, p, &["just", "simply"]) && !pushes(d, first) {
            // "Just come along, no questions asked" makes it easy; it does not push.
            return None;
        }
        if is_word(d, p, &["just", "please", "simply", "pls", "plz"]) {
            from = p;
            continue;
        }
        if is_word(d, p, &["so", "then"]) {
            return Some((from, Lead::Clause(conditional)));
        }
        if is_word(d, p, &["or", "and"]) {
            // "Comment BOILER or message us": the bait before the "or" goes with the softening.
            let clause_start = (s_first..p).rev().find(|&i| is_sep(d, i)).map_or(s_first, |i| i + 1);
            let bait =
                hits_in(d, clause_start, p - 1).find(|h| h.first >= clause_start && tagged(d, h, "bait"));
            if let Some(h) = bait {
                if h.first < from {
                    return command_lead(d, h.first, s_first);
                }
            }
            return Some((from, Lead::Joined));
        }
        return None;
    }
}

/// Whether the sentence from token `first` pushes: push words, "!" or capitals.
fn pushes(d: &Draft<'_>, first: usize) -> bool {
    let t = d.tokens;
    let (_, s_last) = sentence_of(t, first);
    (first..=s_last.min(first + 40)).any(|i| {
        on_list(d, i, List::Push.bit())
            || t.list[i].caps
            || (t.list[i].kind == Kind::Punct && t.norm(i).contains('!'))
    })
}

fn sentence_fix(rule: &Rule, d: &Draft<'_>, first: usize, last: usize, matched: &str) -> Vec<Suggestion> {
    let t = d.tokens;
    let (s_first, s_last) = sentence_of(t, first);
    if s_last - s_first > SCAN {
        return Vec::new();
    }
    // Only a command is softened: "if anyone wants to come along" is not one.
    let Some((from, lead)) = command_lead(d, first, s_first) else {
        // "... to the first 30 businesses that sign up": not a command but a scarcity clause, which goes.
        return scarcity_clause(d, (first, last), (s_first, s_last)).into_iter().collect();
    };
    let span = t.span_of(s_first, s_last);
    SentenceCache::contacts(d, s_first, s_last, |contacts| {
        let mut out = Vec::new();
        let is_cta = rule.tags.iter().any(|tag| tag == "cta");
        if is_cta {
            // A command: keep the offer, change the stance, from the command to the end of the sentence.
            // A list item ("- Apply your learnings.") is advice, and a question ("Join us Thursday?") already
            // invites: neither is softened.
            let question = (first..=s_last).any(|i| t.list[i].kind == Kind::Punct && t.norm(i).contains('?'));
            let soft = (!question && !is_list_item(d, s_first)).then(|| soften(d, from, first, s_last, lead));
            if let Some((sp, soft)) = soft.flatten() {
                out.push(if soft.is_empty() {
                    suggestion(sp, soft, "Drop this pressure".into())
                } else {
                    trying(sp, soft)
                });
            }
        } else if let Some(s) = bait_alternative(d, from, last, s_last, lead) {
            // "Comment BOILER or message us": the bait goes, the real way to reach you stays.
            out.push(s);
        } else if is_list_item(d, s_first) && contacts.is_empty() {
            // A list item asking for likes or tags: the item goes.
            let sp = line_cut(d, s_first, s_last);
            return vec![suggestion(sp, String::new(), "Drop this item".into())];
        }
        for tpl in &rule.suggest {
            let Some(text) = sentence_template(d, tpl, matched, contacts, first, last, s_last) else {
                continue;
            };
            out.push(trying(span, text));
        }
        out
    })
}

/// Whether the sentence at `s_first` is a list item: list markers (emoji, bullets, numbers) and nothing else
/// before it on its line.
fn is_list_item(d: &Draft<'_>, s_first: usize) -> bool {
    let t = d.tokens;
    let Some(w) =
        (s_first..t.len()).find(|&i| !matches!(t.list[i].kind, Kind::Number | Kind::Punct | Kind::Emoji))
    else {
        return false;
    };
    w > 0 && t.list[w - 1].kind != Kind::Break && t.list[w].kind == Kind::Word && after_markers_only(d, w)
}

fn first_word_of_post(d: &Draft<'_>) -> usize {
    d.tokens.list.iter().position(|x| counts_as_word(x.kind)).unwrap_or(0)
}

/// "to the first 30 businesses that sign up": a call to action inside a "first N" clause is scarcity; the
/// clause goes, from "to the first" to the end of the clause.
fn scarcity_clause(
    d: &Draft<'_>,
    (first, last): (usize, usize),
    sentence: (usize, usize),
) -> Option<Suggestion> {
    let t = d.tokens;
    let (s_first, s_last) = sentence;
    let back = first.saturating_sub(8).max(s_first);
    let n = (back..first)
        .rev()
        .find(|&i| is_word(d, i, &["first", "next"]) && t.list[i + 1].kind == Kind::Number)?;
    let mut a = n;
    while a > back && is_word(d, a - 1, &["the", "to", "for"]) {
        a -= 1;
    }
    let end = (last + 1..=s_last)
        .find(|&i| is_sep(d, i) || t.list[i].kind == Kind::Punct)
        .map_or(s_last, |i| i - 1);
    if a == s_first || on_list(d, a - 1, List::NotAnEnd.bit()) {
        return None;
    }
    Some(removing(d, (cut(d, a, end), String::new())))
}

/// "Comment BOILER or message us NOW": drop the bait and the "or", keep the other way to reach you.
fn bait_alternative(
    d: &Draft<'_>,
    from: usize,
    last: usize,
    s_last: usize,
    lead: Lead,
) -> Option<Suggestion> {
    let t = d.tokens;
    let or = (last + 1..=s_last).take_while(|&i| !is_sep(d, i)).find(|&i| is_word(d, i, &["or"]))?;
    let next = or + 1;
    if next > s_last || t.list[next].kind != Kind::Word {
        return None;
    }
    let edit = if lead == Lead::Start { removal(d, from, or) } else { (cut(d, from, or), String::new()) };
    Some(removing(d, edit))
}

/// One kept piece of a softened command: tokens `first..=last` and how they are written.
struct Piece<'a> {
    first: usize,
    last: usize,
    text: &'a str,
}

/// Turn a command into an offer: "Book your free review now: x.com" becomes "If you'd like a free review, you
/// can book one here: x.com"; "DM me NOW for a private showing!!" becomes "If you're interested, you can DM me
/// for a private showing." The offer, links, phone numbers and @mentions stay; push words, pressure clauses,
/// capitals and "!!!" go. "Don't wait" is pressure only and goes.
fn soften(d: &Draft<'_>, from: usize, first: usize, last: usize, lead: Lead) -> Option<(Span, String)> {
    let t = d.tokens;
    let verb = first;
    if is_word(d, verb, &["don't", "dont"]) {
        let next = (verb < last).then(|| t.norm(verb + 1));
        if next == Some("hesitate") && verb + 2 <= last && t.norm(verb + 2) == "to" {
            // "Don't hesitate to call" -> "Feel free to call".
            let text = if lead == Lead::Start { "Feel free to" } else { "feel free to" };
            return Some((t.span_of(from, verb + 2), text.to_string()));
        }
        // "Don't wait until it's too late": pressure only.
        return Some(pressure_removal(d, from, last, lead));
    }
    // Hashtags closing the sentence are not part of the command: they stay where they are, last.
    let mut last = last;
    while last > verb && t.list[last].kind == Kind::Hashtag {
        last -= 1;
    }
    // Walk the command, keeping the offer.
    let mut pieces: Vec<Piece> = Vec::with_capacity(last + 1 - verb);
    let mut skipping = false;
    let mut link_place: Option<&'static str> = None;
    let mut trailing_emoji: Option<&str> = None;
    let mut i = verb;
    while i <= last {
        let tok = &t.list[i];
        let norm = t.norm(i);
        if tok.kind == Kind::Word && norm == "link" && !tok.quoted {
            // "link in bio": said as its own sentence at the end.
            let mut j = i + 1;
            while j <= last && is_word(d, j, &["in", "my", "the", "our"]) {
                j += 1;
            }
            if let Some(p) = (j <= last).then(|| place(t.norm(j))).flatten() {
                link_place = Some(p);
                // "click the link in bio": the determiner goes with the link.
                while pieces.last().is_some_and(|q| {
                    q.first > verb && is_word(d, q.first, &["the", "this", "my", "our", "on"])
                }) {
                    pieces.pop();
                }
                i = j + 1;
                continue;
            }
        }
        if tok.kind == Kind::Emoji {
            skipping = false;
            if (i + 1..=last).all(|j| t.list[j].kind == Kind::Emoji) {
                trailing_emoji.get_or_insert_with(|| first_emoji(d, i, last));
            }
            i += 1;
            continue;
        }
        if let Some(e) = phone_end(d, i) {
            skipping = false;
            pieces.push(Piece {
                first: i,
                last: e,
                text: &d.text[tok.start as usize..t.list[e].end as usize],
            });
            i = e + 1;
            continue;
        }
        if matches!(tok.kind, Kind::Punct | Kind::Url | Kind::Mention) {
            skipping = false;
        }
        if i > verb && !tok.quoted && on_list(d, i, List::PressureClause.bit()) {
            skipping = true;
        }
        // "from now on", "by tonight": a push word after a preposition is part of a phrase and stays.
        let pushed = i > verb
            && !tok.quoted
            && on_list(d, i, List::Push.bit())
            && !is_word(d, i - 1, &["from", "until", "till", "by", "for", "as", "since"]);
        if skipping || pushed {
            i += 1;
            continue;
        }
        let text = match tok.kind {
            Kind::Punct if norm.contains('!') => ".",
            // A shouted verb is lowered too ("BUY" -> "buy"); a two-letter one is an acronym ("DM").
            Kind::Word
                if !tok.quoted
                    && ((tok.caps && (norm.len() > 3 || (i == verb && norm.len() > 2)))
                        || (i == verb && !tok.caps)) =>
            {
                norm
            }
            _ => raw(d, i),
        };
        pieces.push(Piece { first: i, last: i, text });
        i += 1;
    }
    // A link pushed elsewhere while the command holds the link itself: say where it is, once.
    if let Some(url) =
        pieces.iter().find(|p| t.list[p.first].kind == Kind::Url).filter(|_| link_place.is_some())
    {
        // Only "click (the link in bio)" with it: the link is all there is to say. Otherwise the offer stays with
        // its link, and the bio need not be mentioned.
        let only_link =
            pieces.iter().all(|p| p.first == verb || matches!(t.list[p.first].kind, Kind::Punct | Kind::Url));
        if only_link {
            let the = if lead == Lead::Start { "The" } else { "the" };
            return Some((t.span_of(from, last), format!("{the} link is {} if you're curious.", url.text)));
        }
        link_place = None;
    }
    let mut body = join_pieces(d, &pieces);
    if body.is_empty() {
        return None;
    }
    // "BUY NOW before it is gone!": a verb that needs an object keeps one ("you can buy it").
    let kept_words = pieces.iter().filter(|p| t.list[p.first].kind != Kind::Punct).count();
    if kept_words == 1 && on_list(d, verb, List::NeedsObject.bit()) {
        body.push_str(" it");
    }
    let s_first = sentence_of(t, from).0;
    let mut body = match offer_object(d, verb, &pieces, lead) {
        Some(np) => np,
        None => {
            let lead_in = if lead != Lead::Start {
                "you can "
            } else if follows_command(d, s_first) {
                // A second command right after a first one: "You can also call 555-0142."
                "You can also "
            } else if (verb..=last).any(|k| t.list[k].kind == Kind::Word && t.norm(k) == "if") {
                // "Grab one if you wanna give it a go": the condition is already there.
                "You can "
            } else {
                "If you're interested, you can "
            };
            body.insert_str(0, lead_in);
            body
        }
    };
    let ends_with_contact = pieces.last().is_some_and(|p| {
        matches!(t.list[p.first].kind, Kind::Url | Kind::Mention) || phone_end(d, p.first).is_some()
    });
    match (link_place, trailing_emoji) {
        (Some(p), _) => {
            body.push_str(". The link is ");
            body.push_str(p);
            body.push('.');
        }
        (None, Some(e)) if !ends_with_contact => {
            body.push(' ');
            body.push_str(e);
        }
        _ => body.push('.'),
    }
    // "Pop in Sat/Sun or order online" -> "Pop in Sat/Sun, or you can order online": the "or" gets its comma.
    if lead == Lead::Joined && from >= 2 && t.list[from - 2].kind == Kind::Word {
        let or = raw(d, from - 1);
        let word = &t.list[from - 2];
        let span =
            Span { start: word.end as usize, start_utf16: word.end16 as usize, ..t.span_of(from, last) };
        return Some((span, [", ", or, " ", &body].concat()));
    }
    Some((t.span_of(from, last), body))
}

/// Whether the sentence before `s_first` (same paragraph) holds a command.
fn follows_command(d: &Draft<'_>, s_first: usize) -> bool {
    let t = d.tokens;
    let has = |a: usize, b: usize, tag: &str| hits_in(d, a, b).any(|h| tagged(d, h, tag));
    let mut s = t.list[s_first].sentence;
    let mut next_start = s_first;
    // Back over pressure sentences (they go in the same rewrite) to the sentence before.
    for _ in 0..3 {
        let Some((pf, pl)) = s.checked_sub(1).and_then(|p| t.sentence_bounds(p)) else { return false };
        if d.text[t.list[pl].end as usize..t.list[next_start].start as usize].contains("\n\n") {
            return false;
        }
        if has(pf, pl, "cta")
            || d.text[t.list[pf].start as usize..t.list[pl].end as usize].contains("you can ")
        {
            return true;
        }
        if !has(pf, pl, "urgency") {
            return false;
        }
        s -= 1;
        next_start = pf;
    }
    false
}

/// Room `join_pieces` leaves in its string for what `soften` adds around the body (a lead-in such as "If you're
/// interested, you can " and an ending such as ". The link is in my bio."), so those need no new allocation.
const SOFTEN_ROOM: usize = 64;

/// The kept pieces written out with the draft's own spacing; separators right before a link become ": ",
/// arrows and separators with nothing after them go.
fn join_pieces(d: &Draft<'_>, pieces: &[Piece]) -> String {
    let t = d.tokens;
    let mut body =
        String::with_capacity(pieces.iter().map(|p| p.text.len() + 2).sum::<usize>() + SOFTEN_ROOM);
    let mut prev: Option<&Piece> = None;
    for (k, p) in pieces.iter().enumerate() {
        let tok = &t.list[p.first];
        let is_contact = matches!(tok.kind, Kind::Url | Kind::Mention) || phone_end(d, p.first).is_some();
        let sep = tok.kind == Kind::Punct && matches!(p.text, "," | ":" | ";" | "-" | "\u{2192}" | "|");
        if sep {
            // A separator stays only when words follow it, and never as an arrow or dash.
            let words_follow = pieces[k + 1..].iter().any(|q| t.list[q.first].kind != Kind::Punct);
            if words_follow && matches!(p.text, "," | ":" | ";") {
                // Two separators in a row once the words between them went ("sale, [link in bio]:"): the last.
                if body.ends_with([',', ':', ';']) {
                    body.pop();
                }
                body.push_str(p.text);
            }
            prev = Some(p);
            continue;
        }
        let gap = prev.is_some_and(|q| q.last + 1 != p.first || t.list[q.last].end < tok.start);
        let after_sep = || prev.is_some_and(|q| q.last + 1 != p.first || is_sep(d, q.last));
        // A contact after a separator is introduced with ": ", unless a mark or a word already leads to it.
        let introduced = || {
            let trimmed = body.trim_end();
            trimmed.ends_with([':', ','])
                || [" at", " on", " to", " via", " from", " or", " and"].iter().any(|w| trimmed.ends_with(w))
        };
        if is_contact && k > 0 && after_sep() && !introduced() {
            body.truncate(body.trim_end_matches([' ', ',']).len());
            body.push_str(": ");
        } else if gap && !body.is_empty() && !body.ends_with(' ') {
            let opens = matches!(p.text, "(" | "\"" | "\u{201C}");
            if tok.kind != Kind::Punct || opens {
                body.push(' ');
            }
        }
        body.push_str(p.text);
        prev = Some(p);
    }
    // Trimmed and closed up in place.
    body.truncate(body.trim_end().trim_end_matches([',', ':', ';', '.', ' ']).len());
    body.drain(..body.len() - body.trim_start().len());
    close_up(&mut body);
    body
}

/// Take out of `s` the spaces written right before a comma or a full stop (most bodies have none: then `s` is
/// left as it is, without a copy).
fn close_up(s: &mut String) {
    let is_gap = |pair: &[u8]| matches!(pair, [b' ', b',' | b'.']);
    if !s.as_bytes().windows(2).any(is_gap) {
        return;
    }
    let mut out = String::with_capacity(s.capacity());
    let mut from = 0;
    for (i, pair) in s.as_bytes().windows(2).enumerate() {
        if is_gap(pair) {
            out.push_str(&s[from..i]);
            from = i + 1;
        }
    }
    out.push_str(&s[from..]);
    *s = out;
}

/// "Book your free review now: x.com" -> "If you'd like a free review, you can book one here: x.com": a
/// command whose object is a thing on offer becomes an offer the reader can take up.
fn offer_object(d: &Draft<'_>, verb: usize, pieces: &[Piece], lead: Lead) -> Option<String> {
    let t = d.tokens;
    if lead != Lead::Start || pieces.len() < 3 {
        return None;
    }
    let det = pieces[1].first;
    // Only a verb of getting has an offer for its object ("Book your free review"; not "Apply your learnings").
    if det != verb + 1
        || !is_word(d, det, &["your", "a", "an", "the", "our", "my"])
        || !on_list(d, verb, List::NeedsObject.bit())
    {
        return None;
    }
    // The object: words after the determiner, with a "for your team" attached, up to anything else.
    let stop =
        ["and", "or", "to", "at", "on", "via", "with", "by", "from", "in", "if", "so", "here", "online"];
    let mut np: Vec<usize> = Vec::new();
    let mut k = 2;
    while k < pieces.len() && np.len() < 7 {
        let i = pieces[k].first;
        if t.list[i].kind != Kind::Word
            || is_one_of(t.norm_bytes(i), &stop)
            || t.list[i].quoted
            || i != pieces[k - 1].last + 1
        {
            break;
        }
        np.push(k);
        k += 1;
    }
    // Do not end the object on "for"/"of".
    while np.last().is_some_and(|&k| matches!(t.norm(pieces[k].first), "for" | "of" | "the" | "your" | "a")) {
        np.pop();
    }
    let last_np = *np.last()?;
    let head = t.norm(pieces[last_np].first);
    // What follows the object: another option ("or book a demo") stays, "and let's ..." goes; links stay.
    let mut tail = String::new();
    let mut contact = String::new();
    let mut dropping = false;
    for p in &pieces[last_np + 1..] {
        let tok = &t.list[p.first];
        if matches!(tok.kind, Kind::Url | Kind::Mention) || phone_end(d, p.first).is_some() {
            if !contact.is_empty() {
                contact.push(' ');
            }
            contact.push_str(p.text);
            dropping = false;
            continue;
        }
        if is_word(d, p.first, &["and"]) && tail.is_empty() {
            dropping = true;
        }
        if dropping || tok.kind == Kind::Punct && !matches!(p.text, "(" | ")" | "\"") {
            continue;
        }
        tail.push(' ');
        tail.push_str(p.text);
    }
    let words: Vec<&str> = np.iter().map(|&k| pieces[k].text).collect();
    let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    let (object, pronoun) = match t.norm(det) {
        "the" | "our" | "my" => (format!("{} {}", raw(d, det).to_lowercase(), words.join(" ")), "it"),
        _ if plural => (words.join(" "), "them"),
        _ => {
            let art = if starts_with_vowel(&words[0].to_lowercase()) { "an" } else { "a" };
            (format!("{art} {}", words.join(" ")), "one")
        }
    };
    let mut out = format!("If you'd like {object}, you can {} {pronoun}{tail}", pieces[0].text);
    if !contact.is_empty() {
        out.push_str(if tail.is_empty() { " here: " } else { ": " });
        out.push_str(&contact);
    }
    Some(out)
}

/// Remove pressure that is only pressure ("Don't wait until it's too late."): its clause, or its sentence.
fn pressure_removal(d: &Draft<'_>, from: usize, last: usize, lead: Lead) -> (Span, String) {
    let t = d.tokens;
    let (s_first, s_last) = sentence_of(t, from);
    let end = (from..=last).find(|&i| i > from && is_sep(d, i)).map_or(last, |i| i - 1);
    if lead == Lead::Start && end >= s_last.min(last) {
        let span = line_cut(d, s_first, s_last);
        return (span, String::new());
    }
    if lead == Lead::Start {
        let mut b = end;
        while b < s_last && is_sep(d, b + 1) && t.list[b + 1].kind == Kind::Punct {
            b += 1;
        }
        return removal(d, from, b);
    }
    let from = if from > s_first && is_sep(d, from - 1) && t.list[from - 1].kind == Kind::Punct {
        from - 1
    } else {
        from
    };
    (cut(d, from, end), String::new())
}

/// A whole-sentence replacement from a template, keeping the sentence's links even when the template has no
/// `{contacts}` slot. `None` when a slot of the template cannot be filled.
fn sentence_template(
    d: &Draft<'_>,
    tpl: &str,
    matched: &str,
    contacts: &str,
    first: usize,
    last: usize,
    s_last: usize,
) -> Option<String> {
    let mut contacts_slot = false;
    let text = fill(tpl, |name, out| {
        match name {
            "who" => out.push_str(&who(d, first, s_last)?),
            "promise" => out.push_str(&promise(d, last, s_last)?),
            _ => {
                contacts_slot |= name == "contacts";
                common_slot(d, name, matched, contacts, out);
            }
        }
        Some(())
    })?;
    let mut text = capitalised(text);
    if !contacts_slot && !contacts.is_empty() {
        text.truncate(text.trim_end_matches(['.', '!']).len());
        text.push_str(": ");
        text.push_str(contacts);
    } else if !text.ends_with(['.', '!', '?']) && contacts.is_empty() {
        text.push('.');
    }
    Some(text)
}

/// "Tag a mate who needs a new ride" -> "someone who needs a new ride"; "tag someone looking for a job" ->
/// "someone looking for a job".
fn who(d: &Draft<'_>, first: usize, s_last: usize) -> Option<String> {
    let t = d.tokens;
    let tag = (first..=s_last).find(|&i| is_word(d, i, &["tag"]))?;
    let mut i = tag + 1;
    while i <= s_last
        && (t.list[i].kind == Kind::Number || is_word(d, i, &["a", "your", "some", "two", "three"]))
    {
        i += 1;
    }
    if i > s_last || t.list[i].kind != Kind::Word {
        return None;
    }
    let person = t.norm(i);
    let plural = person.ends_with('s') && person != "someone's";
    let rel_start = i + 1;
    let rel_end = (rel_start..=s_last)
        .take_while(|&j| t.list[j].kind == Kind::Word || t.list[j].kind == Kind::Number)
        .last()?;
    let first_rel = t.norm(rel_start);
    if !(first_rel == "who" || first_rel == "that" || first_rel.ends_with("ing")) || rel_end < rel_start + 1 {
        return None;
    }
    let rel = d.text[t.list[rel_start].start as usize..t.list[rel_end].end as usize].to_string();
    Some(format!("{} {rel}", if plural { "people" } else { "someone" }))
}

/// "Comment "DATE" below and I'll message you my packages" -> "I'd be happy to message you my packages".
fn promise(d: &Draft<'_>, last: usize, s_last: usize) -> Option<String> {
    let t = d.tokens;
    let k = (last + 1..=s_last).find(|&i| is_word(d, i, &["i'll", "we'll"]))?;
    if k == 0 || !is_word(d, k - 1, &["and"]) {
        return None;
    }
    let from = k + 1;
    let to = (from..=s_last).take_while(|&j| counts_as_word(t.list[j].kind)).last()?;
    let what = d.text[t.list[from].start as usize..t.list[to].end as usize].to_string();
    let who = if t.norm(k) == "we'll" { "We'd" } else { "I'd" };
    Some(format!("{who} be happy to {what}"))
}

// ----------------------------------------------------------------------------------------------------------
// DropSentence: urgency, brags and superlatives go, at the smallest unit that leaves the post readable
// ----------------------------------------------------------------------------------------------------------

fn drop_fix(rule: &Rule, d: &Draft<'_>, first: usize, last: usize, matched: &str) -> Vec<Suggestion> {
    let t = d.tokens;
    let (s_first, s_last) = sentence_of(t, first);
    if s_last - s_first > SCAN {
        return Vec::new();
    }
    let last = last.min(s_last);
    let urgent = rule.tags.iter().any(|g| g == "urgency");
    let remove = |edit: (Span, String)| vec![removing(d, edit)];
    let sentence_content = content_outside(d, s_first, s_last, first, last, &rule.id);
    // Nothing but pressure ("Only 50 spots and they're going fast!"): the whole sentence goes.
    let pressure_only =
        urgent && !sentence_content && !says_enough(d, [s_first..first, last + 1..s_last + 1]);
    if urgent && !pressure_only {
        let edit = with_clauses(d, (s_first, s_last), (first, last), |cl, ci, cj| {
            let clause = match (ci, cj) {
                (Some(ci), Some(cj)) => {
                    clause_removal(d, cl, (ci, cj), (first, last), &rule.id, sentence_content, true)
                }
                _ => None,
            };
            clause.or_else(|| phrase_removal(d, cl, ci, first, last, s_first, s_last, &rule.id))
        });
        if let Some(s) = edit {
            return remove(s);
        }
    }
    // The sentence carries the way to the offer: replace it, keeping the links.
    let with_contacts = SentenceCache::contacts(d, s_first, s_last, |contacts| {
        (!contacts.is_empty()).then(|| {
            rule.suggest
                .iter()
                .filter_map(|tpl| sentence_template(d, tpl, matched, contacts, first, last, s_last))
                .map(|text| trying(t.span_of(s_first, s_last), text))
                .collect()
        })
    });
    if let Some(suggestions) = with_contacts {
        return suggestions;
    }
    if let Some(s) = launched_superlative(d, first, last, s_first) {
        return remove(s);
    }
    // A superlative only brags when the sentence is about us (we, our, a name): "the volunteers who stay
    // longest are the ones who ..." is not a claim.
    let hype_about_others = is_hype(rule) && !about_us(d, s_first, s_last);
    let may_drop = (!sentence_content || pressure_only)
        && !hype_about_others
        && (urgent || keeps_sentence_reason(d, s_first, s_last).is_none());
    if may_drop && !ends_with_colon(d, s_last) {
        let span = line_cut(d, s_first, s_last);
        return vec![suggestion(span, String::new(), "Drop this sentence".into())];
    }
    if !urgent {
        // "Our signature bouquets start at $49": the boast goes, the offer stays ("our New Member Special" is a
        // name and stays).
        if let Some(b) = (first..=last).find(|&i| {
            on_list(d, i, List::Boast.bit())
                && i < s_last
                && t.list[i + 1].kind == Kind::Word
                && !t.list[i].quoted
                && (at_start(d, i) || !raw(d, i).starts_with(char::is_uppercase))
        }) {
            return remove(removal(d, b, b));
        }
        // A bragging clause after the main one ("..., trusted by over 150 companies") goes, unless the sentence
        // speaks to the reader.
        // Only a trailing participle or relative clause ("trusted by", "featuring", "which") can go alone.
        let edit = with_clauses(d, (s_first, s_last), (first, last), |cl, ci, cj| {
            let (Some(ci), Some(cj)) = (ci, cj) else { return None };
            let trailing = |c: usize| {
                let w = t.norm(cl[c].0);
                t.list[cl[c].0].kind == Kind::Word
                    && (w.ends_with("ed") || w.ends_with("ing") || matches!(w, "which" | "who" | "with"))
            };
            if ci > 0 && trailing(ci) && keeps_sentence_reason(d, s_first, s_last) != Some("reader") {
                clause_removal(d, cl, (ci, cj), (first, last), &rule.id, sentence_content, false)
            } else {
                None
            }
        });
        if let Some(s) = edit {
            return remove(s);
        }
    }
    Vec::new()
}

/// `read` of the clauses of sentence `s_first..=s_last` (`SentenceCache::clauses`) and of the clauses that hold
/// tokens `first` and `last`.
fn with_clauses<R>(
    d: &Draft<'_>,
    (s_first, s_last): (usize, usize),
    (first, last): (usize, usize),
    read: impl FnOnce(&[(usize, usize)], Option<usize>, Option<usize>) -> R,
) -> R {
    SentenceCache::clauses(d, s_first, s_last, |cl| {
        let ci = cl.iter().position(|&(a, b)| a <= first && first <= b);
        let cj = cl.iter().position(|&(a, b)| a <= last && last <= b);
        read(cl, ci, cj)
    })
}

/// Verbs that announce something new: what follows them is the author's offer.
const LAUNCH_VERBS: [&str; 10] = [
    "launched",
    "released",
    "opened",
    "introduced",
    "unveiled",
    "published",
    "built",
    "created",
    "started",
    "made",
];

/// "Our agency launched the BEST social media course ever": the launch is the author's offer and stays; the
/// superlative is toned down to "a new social media course".
fn launched_superlative(d: &Draft<'_>, first: usize, last: usize, s_first: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    if !is_word(d, first, &["the"])
        || !is_word(d, first + 1, &["best", "greatest", "finest", "ultimate"])
        || !is_word(d, last, &["ever"])
        || last < first + 3
        || !(s_first..first).any(|i| on_list(d, i, List::LaunchVerbs.bit()))
    {
        return None;
    }
    let mut words = Vec::new();
    for i in first + 2..last {
        let tok = &t.list[i];
        if tok.kind != Kind::Word || tok.quoted {
            return None;
        }
        words.push(if tok.caps && t.norm(i).len() > 1 {
            t.norm(i).to_string()
        } else {
            raw(d, i).to_string()
        });
    }
    Some((t.span_of(first, last), format!("a new {}", words.join(" "))))
}

/// Why a bragging sentence must stay although it holds no offer: it opens the post, speaks to the reader, or
/// the next sentence refers back to it.
fn keeps_sentence_reason(d: &Draft<'_>, s_first: usize, s_last: usize) -> Option<&'static str> {
    let t = d.tokens;
    if s_first <= first_word_of_post(d) {
        return Some("opening");
    }
    let (mut readers, mut selfs) = (0, 0);
    for i in s_first..=s_last {
        if on_list(d, i, List::Reader.bit()) {
            readers += 1;
        } else if on_list(d, i, List::SelfWords.bit()) {
            selfs += 1;
        }
    }
    if readers > 0 && readers >= selfs {
        return Some("reader");
    }
    let next = t.list[s_first].sentence + 1;
    if let Some((nf, _)) = t.sentence_bounds(next) {
        let lead = (nf..t.len().min(nf + 8)).find(|&i| t.list[i].kind == Kind::Word);
        let same_para = !d.text[t.list[s_last].end as usize..t.list[nf].start as usize].contains("\n\n");
        let time =
            ["year", "week", "month", "morning", "evening", "time", "season", "weekend", "spring", "summer"];
        let refers_back = lead.is_some_and(|i| {
            is_word(
                d,
                i,
                &["it", "it's", "its", "they", "they're", "this", "these", "that", "those", "she", "he"],
            ) && !(i + 1 < t.len() && is_word(d, i + 1, &time))
        });
        if same_para && refers_back {
            return Some("referred to");
        }
    }
    None
}

/// Whether a sentence talks about the author or their business: we/our/I/my, or a name (a capitalised word
/// inside the sentence).
fn about_us(d: &Draft<'_>, s_first: usize, s_last: usize) -> bool {
    (s_first..=s_last).any(|i| {
        on_list(d, i, List::SelfWords.bit() | List::OtherSelfForms.bit())
            || (d.tokens.list[i].kind == Kind::Word
                && !at_start(d, i)
                && raw(d, i).starts_with(char::is_uppercase))
    })
}

fn ends_with_colon(d: &Draft<'_>, s_last: usize) -> bool {
    d.tokens.list[s_last].kind == Kind::Punct && d.tokens.norm(s_last) == ":"
}

/// Remove the clauses `ci..=cj` (which hold the match `first..=last`) when they say nothing else the reader
/// needs and what remains still reads as a sentence. `sentence_content`: whether the sentence holds content
/// outside the match (`content_outside`); without it, its clauses hold none either.
fn clause_removal(
    d: &Draft<'_>,
    cl: &[(usize, usize)],
    (ci, cj): (usize, usize),
    (first, last): (usize, usize),
    skip: &str,
    sentence_content: bool,
    allow_first: bool,
) -> Option<(Span, String)> {
    let t = d.tokens;
    if cl.len() < 2 || (ci == 0 && cj + 1 == cl.len()) {
        return None;
    }
    let (cf, cl_end) = (cl[ci].0, cl[cj].1);
    if sentence_content && content_outside(d, cf, cl_end, first, last, skip) {
        return None;
    }
    // The rest must say something besides pressure.
    let rest = || cl[..ci].iter().chain(&cl[cj + 1..]);
    let rest_content = rest().any(|&(a, b)| holds_content(d, a, b, skip));
    if !rest_content && !says_enough(d, rest().map(|&(a, b)| a..b + 1)) {
        return None;
    }
    if ci == 0 {
        if !allow_first {
            return None;
        }
        // "Appointments are filling up quickly, so tap ...": the clause, its comma and the "so" go.
        let mut n = cl[cj + 1].0;
        if is_word(d, n, &["so", "and", "but"]) && n < cl[cj + 1].1 {
            n += 1;
        }
        if on_list(d, n, List::NotAStart.bit())
            || t.list[n].kind != Kind::Word && !counts_as_word(t.list[n].kind)
        {
            return None;
        }
        return Some(removal(d, cf, n - 1));
    }
    // A later clause goes with the separator before it (brackets with their contents).
    let prev_word = (0..cf).rev().find(|&i| counts_as_word(t.list[i].kind))?;
    if on_list(d, prev_word, List::NotAnEnd.bit()) {
        return None;
    }
    let mut from = cf;
    let mut to = cl_end;
    if cf > 0 && t.list[cf - 1].kind == Kind::Punct && is_sep(d, cf - 1) {
        from = cf - 1;
        if t.norm(cf - 1) == "(" && to + 1 < t.len() && t.norm(to + 1) == ")" {
            to += 1;
        } else if t.norm(cf - 1) == "(" {
            return None;
        }
    }
    Some((cut(d, from, to), String::new()))
}

/// Smaller removals inside a clause that must stay: "a limited number of", a trailing "this weekend only",
/// a pushing "just" before a number.
#[allow(clippy::too_many_arguments)]
fn phrase_removal(
    d: &Draft<'_>,
    cl: &[(usize, usize)],
    ci: Option<usize>,
    first: usize,
    last: usize,
    s_first: usize,
    s_last: usize,
    skip: &str,
) -> Option<(Span, String)> {
    let t = d.tokens;
    // "a limited number of new consultations" -> "new consultations".
    if first > s_first
        && last < s_last
        && is_word(d, first - 1, &["a", "an"])
        && is_word(d, last + 1, &["of"])
    {
        return Some(removal(d, first - 1, last + 1));
    }
    let (cf, c_end) = cl[ci?];
    // The whole sentence is pressure: that is a sentence drop, not a phrase.
    let whole = cf == s_first && first <= cf && !content_outside(d, s_first, s_last, first, last, skip);
    if whole {
        return None;
    }
    // "Up to 30% off e-bikes this weekend only": a trailing time phrase goes (not a verb phrase: "this offer
    // will not be repeated" keeps its verb).
    let tail_words = (last + 1..=c_end).filter(|&i| counts_as_word(t.list[i].kind)).count();
    let adverbial = on_list(d, first, List::AdverbialStarts.bit());
    if first > cf && adverbial && tail_words <= 2 && !holds_content(d, last + 1, c_end, skip) {
        let prev = first - 1;
        if !on_list(d, prev, List::NotAnEnd.bit()) {
            return Some((cut(d, first, c_end), String::new()));
        }
    }
    // "of just 14 days" -> "of 14 days".
    if first > cf {
        if let Some(p) = (first..=last).find(|&i| is_word(d, i, &["just", "only"])) {
            if p < last && matches!(t.list[p + 1].kind, Kind::Number | Kind::Money) {
                return Some(removal(d, p, p));
            }
        }
    }
    None
}

/// The span of a whole sentence to drop: with the list markers before it and the emoji after it when it fills
/// its line, else with the spaces after it.
fn line_cut(d: &Draft<'_>, s_first: usize, s_last: usize) -> Span {
    let t = d.tokens;
    let mut a = s_first;
    let mut b = s_last;
    let fills_line = after_markers_only(d, s_first)
        && (s_last + 1..t.len())
            .take_while(|&i| t.list[i].kind != Kind::Break)
            .all(|i| matches!(t.list[i].kind, Kind::Emoji | Kind::Punct));
    if fills_line {
        while a > 0 && t.list[a - 1].kind != Kind::Break {
            a -= 1;
        }
        while b + 1 < t.len() && t.list[b + 1].kind != Kind::Break {
            b += 1;
        }
        let start = t.list[a].start as usize;
        let end = t.list[b].end as usize;
        // Take the line break too, so no empty line is left (one blank line between paragraphs stays).
        let line_break = d.text[end..].starts_with('\n') && (start == 0 || d.text[..start].ends_with('\n'));
        return widened_span(t, a, b, 0, usize::from(line_break));
    }
    cut(d, a, b)
}

// ----------------------------------------------------------------------------------------------------------
// Anchor: "worth $495", "(was $99)", "instead of $349" go; the price stays
// ----------------------------------------------------------------------------------------------------------

/// The price anchor in or around the match `first..=last`, to remove: (span, replacement).
fn anchor(d: &Draft<'_>, first: usize, last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    let (s_first, s_last) = sentence_of(t, first);
    let money = (first..=last).find(|&i| t.list[i].kind == Kind::Money)?;
    let (mut a, mut b) = if money > s_first
        && is_word(d, money - 1, &["worth", "was", "normally", "usually", "rrp"])
    {
        (money - 1, money)
    } else if money > s_first + 1 && is_word(d, money - 1, &["at"]) && is_word(d, money - 2, &["valued"]) {
        (money - 2, money)
    } else if money + 3 <= s_last
        && is_word(d, money + 1, &["instead"])
        && is_word(d, money + 2, &["of"])
        && t.list[money + 3].kind == Kind::Money
    {
        (money + 1, money + 3)
    } else {
        return None;
    };
    let bracketed = a > 0 && t.norm(a - 1) == "(" && b + 1 < t.len() && t.norm(b + 1) == ")";
    if bracketed {
        a -= 1;
        b += 1;
    } else {
        // "It's worth $495" says what something is worth, it does not anchor a price; "was" only in brackets.
        let prev = a.checked_sub(1).filter(|&p| p >= s_first);
        if is_word(d, a, &["was", "normally", "usually"])
            || prev.is_some_and(|p| is_word(d, p, &["is", "it's", "that's", "are", "be", "was", "were"]))
        {
            return None;
        }
    }
    // Take the space before the anchor, not the one after it.
    let start = t.list[a].start as usize;
    let space = d.text[..start].len() - d.text[..start].trim_end_matches(' ').len();
    Some((widened_span(t, a, b, space, 0), String::new()))
}

// ----------------------------------------------------------------------------------------------------------
// Small pieces
// ----------------------------------------------------------------------------------------------------------

fn suggestion(span: Span, text: String, label: String) -> Suggestion {
    Suggestion { span, text, label }
}

/// A suggestion writing `text` over `span`, labelled with it: `Try: "..."`.
fn trying(span: Span, text: String) -> Suggestion {
    let label = label("Try: ", &text);
    suggestion(span, text, label)
}

/// A removal (or a removal that recapitalises or fixes an article), labelled with the words it removes.
fn removing(d: &Draft<'_>, (span, text): (Span, String)) -> Suggestion {
    suggestion(span, text, label("Remove ", &d.text[span.start..span.end]))
}

/// A label: `prefix` and `text` in quotes, trimmed and cut to 60 characters (`Try: "..."`).
fn label(prefix: &str, text: &str) -> String {
    const MAX: usize = 60;
    // Most texts start and end with an ASCII letter or mark: no need to decode characters to trim them.
    let plain_end = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let text = if plain_end(text.as_bytes().first()) && plain_end(text.as_bytes().last()) {
        text
    } else {
        text.trim()
    };
    let cut = if text.len() <= MAX {
        // At most MAX bytes: at most MAX characters.
        None
    } else if text.as_bytes()[..MAX].is_ascii() {
        Some(MAX)
    } else {
        text.char_indices().nth(MAX).map(|(b, _)| b)
    };
    let quoted = cut.map_or(text, |b| &text[..b]);
    let mut out = String::with_capacity(prefix.len() + quoted.len() + 5);
    out.push_str(prefix);
    out.push('"');
    out.push_str(quoted);
    if cut.is_some() {
        out.push_str("...");
    }
    out.push('"');
    out
}

/// Template `tpl` written out in one pass, each `{slot}` replaced by what `slot` writes for the slot's name;
/// `None` (the template is skipped) when `slot` cannot fill one.
fn fill(tpl: &str, mut slot: impl FnMut(&str, &mut String) -> Option<()>) -> Option<String> {
    let mut out = String::with_capacity(tpl.len() + 64);
    let mut rest = tpl;
    // The braces are ASCII: searched as bytes.
    while let Some(close) = rest.bytes().position(|b| b == b'}') {
        match rest.as_bytes()[..close].iter().rposition(|&b| b == b'{') {
            Some(open) => {
                out.push_str(&rest[..open]);
                slot(&rest[open + 1..close], &mut out)?;
            }
            None => out.push_str(&rest[..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Writes the common slot `name` of a template: `{match}`, `{contacts}` (as ": ..." when there are any) or
/// `{topic}`; any other slot stays as written.
fn common_slot(d: &Draft<'_>, name: &str, matched: &str, contacts: &str, out: &mut String) {
    match name {
        "match" => out.push_str(matched),
        "contacts" => {
            if !contacts.is_empty() {
                out.push_str(": ");
                out.push_str(contacts);
            }
        }
        "topic" => out.push_str(d.topic()),
        _ => {
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
    }
}

/// `s` with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_capitalised(&mut out, s);
    out
}

/// `s` with its first letter in upper case, in place when that letter is ASCII.
fn capitalised(mut s: String) -> String {
    if !s.as_bytes().first().is_some_and(u8::is_ascii) {
        return capitalise(&s);
    }
    s[..1].make_ascii_uppercase();
    s
}

/// Appends `s` to `out` with its first letter in upper case.
fn push_capitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// Whether `s` keeps its capital where it is no longer first: "I", "I'm", or an acronym ("DM me").
fn keeps_capital(s: &str) -> bool {
    s.starts_with("I ") || s.starts_with("I'") || s.chars().nth(1).is_some_and(char::is_uppercase)
}

/// `s` with its first letter in lower case (unless it keeps its capital), in place when that letter is ASCII.
fn decapitalised(mut s: String) -> String {
    if keeps_capital(&s) {
        return s;
    }
    if !s.as_bytes().first().is_some_and(u8::is_ascii) {
        let mut out = String::with_capacity(s.len());
        push_decapitalised(&mut out, &s);
        return out;
    }
    s[..1].make_ascii_lowercase();
    s
}

/// Appends `s` to `out` with its first letter in lower case, unless it keeps its capital.
fn push_decapitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !keeps_capital(s) => {
            out.extend(f.to_lowercase());
            out.push_str(c.as_str());
        }
        _ => out.push_str(s),
    }
}

/// Whether `hay` holds `needle` (lower case), ignoring ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
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
fn contacts(d: &Draft<'_>, first: usize, last: usize, out: &mut String) {
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

#[cfg(test)]
mod tests {
    use crate::{Engine, Options, Platform};

    /// The first suggestion of the first finding of `rule` on `text`: (the words it replaces, the new words).
    fn first(text: &str, rule: &str) -> Option<(String, String)> {
        let report = Engine::new().analyze(text, &Options::for_platform(Platform::Linkedin));
        let f = report.findings.iter().find(|f| f.rule.id == rule)?;
        let s = f.suggestions.first()?;
        Some((text[s.span.start..s.span.end].to_string(), s.text.clone()))
    }

    fn applied(text: &str, rule: &str) -> String {
        let report = Engine::new().analyze(text, &Options::for_platform(Platform::Linkedin));
        let f = report
            .findings
            .iter()
            .find(|f| f.rule.id == rule)
            .unwrap_or_else(|| panic!("no {rule} in {text:?}"));
        let s = f.suggestions.first().unwrap_or_else(|| panic!("no suggestion for {rule} in {text:?}"));
        format!("{}{}{}", &text[..s.span.start], s.text, &text[s.span.end..])
    }

    #[test]
    fn templates_fill_in_one_pass() {
        let slot = |name: &str, out: &mut String| {
            match name {
                "match" => out.push_str("Book now"),
                "never" => return None,
                _ => out.push_str("x.com"),
            }
            Some(())
        };
        assert_eq!(super::fill("Try {match}{link}.", slot).as_deref(), Some("Try Book nowx.com."));
        assert_eq!(super::fill("no slots", slot).as_deref(), Some("no slots"));
        assert_eq!(super::fill("a } and {b{match}", slot).as_deref(), Some("a } and {bBook now"));
        assert_eq!(super::fill("{match} {never}", slot), None);
    }

    #[test]
    fn pictographic_marks_are_read_from_their_first_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let expected = ('\u{2190}'..='\u{2BFF}').contains(&c) || c >= '\u{1F000}';
            assert_eq!(super::pictographic(c.encode_utf8(&mut buf).as_bytes()), expected, "{c:?}");
        }
    }

    /// A word whose normal form is ASCII letters other than "k" is written in that many ASCII letters: the
    /// tokenizer lower-cases and straightens apostrophes, and no other character lower-cases to such letters
    /// only (the Kelvin sign gives "k", "İ" gives "i" and a combining dot). Word checks rely on it to look at a
    /// token's length before its normal form.
    #[test]
    fn ascii_written() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            let ascii_letters = lower.bytes().all(|b| b.is_ascii_alphabetic());
            assert!(!ascii_letters || lower == "k", "{c:?}");
        }
    }

    #[test]
    fn labels_quote_at_most_sixty_characters() {
        assert_eq!(super::label("Try: ", "  short  "), "Try: \"short\"");
        let long = "é".repeat(70);
        assert_eq!(super::label("Remove ", &long), format!("Remove \"{}...\"", "é".repeat(60)));
        assert_eq!(super::label("Try: ", &"a".repeat(60)), format!("Try: \"{}\"", "a".repeat(60)));
    }

    #[test]
    fn spaces_before_commas_and_full_stops_close_up() {
        let closed_up = |s: &str| {
            let mut s = s.to_string();
            super::close_up(&mut s);
            s
        };
        assert_eq!(closed_up("call us , or DM me . Thanks"), "call us, or DM me. Thanks");
        assert_eq!(closed_up("a  , b ,c"), "a , b,c");
        assert_eq!(closed_up("trailing "), "trailing ");
        assert_eq!(closed_up(" ."), ".");
    }

    #[test]
    fn first_letters_change_case_in_place_or_by_unicode() {
        use super::{capitalised, decapitalised};
        assert_eq!(capitalised("you can".into()), "You can");
        assert_eq!(capitalised("élan".into()), "Élan");
        assert_eq!(capitalised(String::new()), "");
        assert_eq!(decapitalised("You can".into()), "you can");
        assert_eq!(decapitalised("Élan".into()), "élan");
        assert_eq!(decapitalised("I'm here".into()), "I'm here");
        assert_eq!(decapitalised("DM me".into()), "DM me");
    }

    #[test]
    fn a_command_becomes_an_offer_the_reader_can_take_up() {
        assert_eq!(
            applied("Book your free review now: meridiancole.com/review", "hard-cta"),
            "If you'd like a free review, you can book one here: meridiancole.com/review."
        );
        assert_eq!(
            applied("Open house Sat 11-1. DM me NOW for a private showing!!", "hard-cta"),
            "Open house Sat 11-1. If you're interested, you can DM me for a private showing."
        );
        // A second command: "You can also", and the phone number stays whole.
        let text = "Book your audit today. Call 555-0142.";
        let report = Engine::new().analyze(text, &Options::for_platform(Platform::Linkedin));
        let second = report.findings.iter().filter(|f| f.rule.id == "hard-cta").nth(1).expect("two commands");
        assert_eq!(second.suggestions[0].text, "You can also call 555-0142.");
        // Never the clunky "If it helps, you can".
        assert!(!applied("Shop now, link in bio", "hard-cta").contains("If it helps"));
        assert_eq!(
            applied("Shop now, link in bio", "hard-cta"),
            "If you're interested, you can shop. The link is in my bio."
        );
        // A launch is the author's offer: its superlative is toned down, the sentence stays.
        assert_eq!(
            applied("Hello all. Our agency launched the BEST social media course ever.", "superlative-claim"),
            "Hello all. Our agency launched a new social media course."
        );
        // An offer that has its link keeps both, with no word about the bio.
        assert_eq!(
            applied("Shop the sale, link in bio: example.com/sale", "hard-cta"),
            "If you're interested, you can shop the sale: example.com/sale."
        );
        // An opening label left with nothing to say goes whole.
        assert_eq!(applied("HUGE NEWS!!! 🚀🚀 Our course is out.", "hype-words"), "Our course is out.");
        // Generous words are no hype: thanks keep their size.
        assert_eq!(first("Huge thanks to Ann.", "hype-words"), None);
        // A shouted verb is lowered and keeps an object once the pressure has gone.
        assert_eq!(
            applied("Only a few left — BUY NOW before it is gone!", "hard-cta"),
            "Only a few left — you can buy it."
        );
        assert_eq!(applied("BUY NOW!", "hard-cta"), "If you're interested, you can buy it.");
        // The link pushed to the bio while the command holds it: no dangling "click the:", hashtags stay last.
        assert_eq!(
            applied("Click the link in bio: example.com/course #marketing #sales", "hard-cta"),
            "The link is example.com/course if you're curious. #marketing #sales"
        );
    }

    #[test]
    fn a_scarcity_clause_with_a_figure_is_explained_not_cut() {
        // "to the first 30 businesses that sign up" is a condition of the offer: cutting it would lose a fact.
        let text = "We are offering a free review (normally $1,200) to the first 30 businesses that sign up.";
        assert_eq!(first(text, "hard-cta"), None);
        // Without a figure the pressure clause goes.
        assert_eq!(
            applied(
                "We are offering a free review to anyone, so sign up now before we sell out.",
                "hard-cta"
            ),
            "We are offering a free review to anyone, so you can sign up."
        );
    }

    #[test]
    fn bait_offered_as_an_alternative_to_a_command_goes_with_it() {
        let text = "If you're ready, comment \"GO\" below or DM me to book your free strategy call.";
        let rw = Engine::new().rewrite(text, &Options::for_platform(Platform::Linkedin));
        assert!(
            rw.text.starts_with("If you're ready, you can DM me to book your free strategy call."),
            "{}",
            rw.text
        );
    }

    #[test]
    fn a_command_joined_by_or_gets_its_comma() {
        assert_eq!(
            applied("Pop in on Saturday or order online now 👉 spokesandco.com/sale", "hard-cta"),
            "Pop in on Saturday, or you can order online: spokesandco.com/sale."
        );
    }

    #[test]
    fn words_that_only_look_like_a_command_are_left_alone() {
        let text = "I'm running a casual evening at The Crown on the 22nd, if anyone wants to come along 🙂";
        let report = Engine::new().analyze(text, &Options::for_platform(Platform::Facebook));
        for f in report.findings.iter().filter(|f| f.rule.id == "hard-cta") {
            assert!(f.suggestions.is_empty(), "{:?}", f.suggestions);
        }
    }

    #[test]
    fn announcements_lose_the_fanfare_not_the_news() {
        assert_eq!(
            applied(
                "We are proud to announce that Harbour City Food Bank has been named Charity of the Year.",
                "announcement"
            ),
            "Harbour City Food Bank has been named Charity of the Year."
        );
        assert_eq!(
            applied("Mother's Day pre-orders are now open 💐 Bouquets from $49.", "announcement"),
            "Mother's Day pre-orders are open 💐 Bouquets from $49."
        );
        assert_eq!(
            applied("We are incredibly proud to unveil the new version of our app.", "announcement"),
            "We are unveiling the new version of our app."
        );
        assert_eq!(
            applied("🚀 Big news: TaskHarbor 4.0 is out.", "announcement"),
            "🚀 TaskHarbor 4.0 is out."
        );
        assert_eq!(
            applied(
                "Copper Hill Brewing Co. is excited to announce our expansion into three new markets.",
                "announcement"
            ),
            "News from Copper Hill Brewing Co.: our expansion into three new markets."
        );
    }

    #[test]
    fn pressure_goes_at_the_smallest_unit_that_leaves_the_post_readable() {
        // The clause, its comma and the "so".
        assert_eq!(
            applied(
                "We sell out every year, so we'd recommend ordering early: petalandstem.com/day",
                "urgency-claim"
            ),
            "We'd recommend ordering early: petalandstem.com/day"
        );
        // "a limited number of".
        assert_eq!(
            applied("Now accepting a limited number of new consultations for Q3.", "urgency-claim"),
            "Now accepting new consultations for Q3."
        );
        // A sentence that is pressure only.
        assert_eq!(
            applied("Our tips are below. Places are going fast.", "urgency-claim"),
            "Our tips are below."
        );
        // A trailing time phrase; the verb of a clause stays.
        assert_eq!(
            applied("Up to 30% off all e-bikes this weekend only!", "urgency"),
            "Up to 30% off all e-bikes!"
        );
        // A "just" before a number, not the words around it.
        assert_eq!(
            applied("Our clients hire fast.\n🔹 Average time-to-hire of just 14 days", "urgency"),
            "Our clients hire fast.\n🔹 Average time-to-hire of 14 days"
        );
    }

    #[test]
    fn removals_keep_grammar_and_emoji_whole() {
        // Hype about the author's offer goes, with its article fixed; big words about anything else stay.
        assert_eq!(
            applied("It's been an incredible year for our studio.", "hype-words"),
            "It's been a year for our studio."
        );
        assert_eq!(
            applied("Our enterprise-grade security is now certified.", "puffery"),
            "Our security is now certified."
        );
        assert_eq!(first("It's been an incredible journey.", "hype-words"), None);
        assert_eq!(first("A massive thank you to the team.", "hype-words"), None);
        assert_eq!(first("The energy in the room was amazing.", "hype-words"), None);
        assert_eq!(first("Big thanks to my amazing coworkers.", "hype-words"), None);
        // A price anchor is a price: the finding explains it, no edit removes it.
        assert_eq!(
            first("Professional whitening for $199 instead of $349, in one visit.", "price-talk"),
            None
        );
        assert_eq!(first("We'll include a free toothbrush (worth $80).", "price-talk"), None);
        let wall = "🇪🇸🇫🇷🇮🇹 Summer courses are here for everyone who wants to learn.";
        assert_eq!(first(wall, "emoji-wall").map(|(_, t)| t), Some("🇪🇸".to_string()));
    }

    #[test]
    fn engagement_bait_becomes_an_offer_or_an_invitation() {
        assert_eq!(
            first("Comment \"FREEDOM\" and I'll send you the details.", "engagement-bait").map(|(_, t)| t),
            Some("I'd be happy to send you the details, just ask.".to_string())
        );
        assert_eq!(
            first("Tag a mate who needs a new ride 👇", "engagement-bait").map(|(_, t)| t),
            Some("If you know someone who needs a new ride, feel free to pass it on.".to_string())
        );
    }
}
