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
//! nothing the reader needs (no offer, link, price, tip or question) and what remains still reads. Last, every
//! edit passes `guard` (do no harm: no fact lost, no sentence broken), or it is not offered.
//!
//! Files (one job each): `mod.rs` the draft, the word lists by id and `build` (a finding's fix to its
//! suggestions); `tokens` reading tokens, hits and contacts; `clauses` clauses and what they carry; `removal`
//! removing words without seams; `templates` slots, the `replace` fix and labels; `plain` announcements said
//! plainly; `softening` commands made offers; `drop` pressure and brags dropped; `hype` when a big adjective is
//! worth removing; `topic` what the post is about (the `{topic}` slot); `caps` capital letters; `guard` the final check.
//! Word lists live in `engine::lexicon`.

pub mod caps;
mod clauses;
mod drop;
pub mod guard;
mod hype;
mod plain;
mod removal;
mod softening;
mod templates;
mod tokens;
mod topic;

pub use caps::capitalise;
use caps::*;
use clauses::*;
use drop::*;
use plain::*;
use removal::*;
use softening::*;
use templates::*;
use tokens::*;

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
    /// What the draft writes in capitals and as names (`caps::Capitals`): worked out on the first capitals
    /// finding.
    pub capitals: std::cell::OnceCell<caps::Capitals<'a>>,
    /// Every phrase hit, sorted by position, and the phrase rules they index: an offer, a price or a tip in a
    /// sentence keeps it.
    pub hits: &'a [Hit],
    pub rules: &'a [Rule],
    /// The `WORD_LISTS`, by word id (interned with the rules' vocabulary the draft's tokens were looked up in).
    pub lists: &'a WordLists,
    /// The last sentence's clauses and contacts, shared by the findings of one `analyze` call.
    pub cache: SentenceCache,
    /// Suggestions for the whole-post rewrite, which applies every edit together: each "!!" is calmed on its
    /// own there, where a one-click calm takes its paragraph's others along (`calming_paragraph`).
    pub for_rewrite: bool,
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

impl<'a> Draft<'a> {
    /// What the draft writes in capitals and as names (`caps::Capitals::of`).
    pub fn capitals(&self) -> &caps::Capitals<'a> {
        self.capitals.get_or_init(|| caps::Capitals::of(self.text, self.tokens))
    }

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
    Scam,
    Warning,
}

const LISTS: usize = List::Warning as usize + 1;

impl List {
    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// The words of each `List`, at the list's number: interned with the rules (`Compiled::new`), so that a draft's
/// tokens carry their ids.
pub const WORD_LISTS: [&[&str]; LISTS] = {
    let mut lists: [&[&str]; LISTS] = [&[]; LISTS];
    lists[List::Push as usize] = &lexicon::PUSH_WORDS;
    lists[List::NeedsObject as usize] = &lexicon::NEEDS_OBJECT;
    lists[List::Conjunctions as usize] = &lexicon::CONJUNCTIONS;
    lists[List::NotAStart as usize] = &lexicon::NOT_A_START;
    lists[List::NotAnEnd as usize] = &lexicon::NOT_AN_END;
    lists[List::AdverbialStarts as usize] = &lexicon::ADVERBIAL_STARTS;
    lists[List::Boast as usize] = &lexicon::BOAST;
    lists[List::Reader as usize] = &lexicon::READER_WORDS;
    lists[List::SelfWords as usize] = &lexicon::SELF_WORDS;
    lists[List::OtherSelfForms as usize] = &lexicon::OTHER_SELF_FORMS;
    lists[List::Subjects as usize] = &lexicon::SUBJECTS;
    lists[List::Emotions as usize] = &lexicon::EMOTIONS;
    lists[List::Intensifiers as usize] = &lexicon::INTENSIFIERS;
    lists[List::FrameSubjects as usize] = &lexicon::FRAME_SUBJECTS;
    lists[List::Labels as usize] = &lexicon::LABELS;
    lists[List::LaunchVerbs as usize] = &lexicon::LAUNCH_VERBS;
    lists[List::Scam as usize] = &lexicon::SCAM_WORDS;
    lists[List::Warning as usize] = &lexicon::WARNING_WORDS;
    lists
};

/// Tags of rules whose phrases carry the offer itself (a sentence holding one is not dropped).
const OFFER_TAGS: [&str; 5] = ["cta", "offer", "announce", "price", "link"];

/// The suggestions for one signal of `rule`.
#[inline]
pub fn build(rule: &Rule, sig: &Signal, d: &Draft<'_>) -> Vec<Suggestion> {
    // About half of a draft's findings come from rules with no fix (most of the value side): those skip the
    // call into the builder and its large frame.
    if rule.fix == Fix::None || !rule.offer {
        return Vec::new();
    }
    // Someone else's words (a customer's quote, a testimonial, what a caller said) are not the author's to edit.
    if in_quotation(d.text, sig.span.start) || reported(d, sig) {
        return Vec::new();
    }
    let mut out = build_fix(rule, sig, d);
    // Do no harm: an edit that loses a fact or breaks its sentence is not offered (the finding still explains).
    // Calming "!!!" or an emoji wall only loses rating stars; lowering shouting only an acronym or a name.
    let hashtags_may_go = rule.detector.is_some_and(|det| det == Detector::Hashtags);
    out.retain(|s| match rule.fix {
        Fix::Calm => guard::keeps_stars(&d.text[s.span.start..s.span.end], &s.text),
        Fix::Lowercase => guard::keeps_facts(&d.text[s.span.start..s.span.end], &s.text, false),
        // Calming and lowering are those rules' own jobs: an edit of another rule that changes only capitals
        // and punctuation ("is here!" to "is here.") only flattens the post (panel 4). A command's shouted push
        // word lowered is the command's own fix ("Book NOW at" -> "Book now at", panels 26 and 34).
        _ => {
            let before = &d.text[s.span.start..s.span.end];
            (!same_words(before, &s.text) || only_lowered(before, &s.text))
                && guard::safe(d.text, s.span.start, s.span.end, &s.text, hashtags_may_go)
        }
    });
    out
}

/// Whether `rule`'s edits only turn the author's voice down: calming "!!!" or emoji, lowering capitals, cutting
/// big adjectives. In a post that plugs nothing they are the author's voice, not selling, and are not offered.
pub fn tones_down_voice(rule: &Rule) -> bool {
    matches!(rule.fix, Fix::Calm | Fix::Lowercase) || is_hype(rule)
}

/// Whether the draft warns of a scam (a word of `lexicon::SCAM_WORDS` and one of `lexicon::WARNING_WORDS`): its
/// shouting is the warning's, not a pitch's. `lists` are the `WORD_LISTS` by word id.
pub fn warns_of_scam(tokens: &Tokens, lists: &WordLists) -> bool {
    let mut seen = 0;
    for tok in tokens.list.iter().filter(|t| t.kind == Kind::Word) {
        seen |= lists.bits(tok.word) & (List::Scam.bit() | List::Warning.bit());
    }
    seen == List::Scam.bit() | List::Warning.bit()
}

/// Whether `after` is `before` with some capitals lowered and nothing else changed.
fn only_lowered(before: &str, after: &str) -> bool {
    before != after
        && before.len() == after.len()
        && before
            .chars()
            .zip(after.chars())
            .all(|(b, a)| a == b || b.is_uppercase() && b.to_lowercase().eq([a]))
}

/// Whether the signal sits in reported speech: a verb of saying comes before it in its sentence ("calls from
/// someone saying ... that their meter needs replacing urgently": the caller's urgency, which a warning about
/// scams reports, panel 44).
fn reported(d: &Draft<'_>, sig: &Signal) -> bool {
    let Some((first, _)) = sig.tokens else { return false };
    let (s_first, _) = sentence_of(d.tokens, first);
    (s_first..first).any(|i| is_word(d, i, &lexicon::SPEECH_VERBS))
}

/// How far back a quotation is looked for: a quote longer than this is not noticed.
const QUOTE_SCAN: usize = 1_000;

/// Whether byte `at` of `text` is inside a quotation in its paragraph: after an unclosed “ or an odd number of
/// straight double quotes.
/// Only the last `QUOTE_SCAN` bytes are read, so that a huge one-paragraph draft stays linear.
fn in_quotation(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(QUOTE_SCAN);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    let paragraph = &window[window.rfind('\n').map_or(0, |p| p + 1)..];
    let curly = paragraph.matches('“').count() > paragraph.matches('”').count();
    curly || paragraph.matches('"').count() % 2 == 1
}

/// Whether `a` and `b` have the same words, ignoring case, punctuation and emoji.
fn same_words(a: &str, b: &str) -> bool {
    let words =
        |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    words(a) == words(b)
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
            Some((first, _)) if rule.detector == Some(Detector::Hashtags) => hashtag_trim(d, first)
                .map_or_else(Vec::new, |(span, text)| {
                    vec![suggestion(span, text, "Keep the hashtags the post talks about".into())]
                }),
            Some((first, last)) if is_hype(rule) && !hype::worth_removing(d, first, last) => Vec::new(),
            // A banner ("FLASH SALE:") goes where it labels the sentence; inside one it is the subject.
            Some((first, last)) if !is_hype(rule) && rule.detector.is_none() => label_removal(d, first, last)
                .map_or_else(Vec::new, |(span, text)| {
                    vec![suggestion(span, text, label("Remove ", matched))]
                }),
            Some((first, last)) => vec![removing(d, removal(d, first, last))],
            None => vec![suggestion(sig.span, String::new(), label("Remove ", matched))],
        },
        Fix::Lowercase => match sig.tokens {
            Some((first, last)) => lowering(d, first, last, false).into_iter().collect(),
            None => Vec::new(),
        },
        // "!!" on joy ("Welcome to the world, Mia!!", "I'm officially a girl dad!!") is the author's voice, in a
        // post that sells as in one that does not: calmed only where its own sentence sells (the whole-post
        // rewrite of a sales pitch calms the others too: `build_for_pitch`).
        Fix::Calm if is_quiet_bangs(rule, sig, d) => Vec::new(),
        Fix::Calm if rule.detector == Some(Detector::Bangs) && !d.for_rewrite => {
            calming_paragraph(sig, d, matched).into_iter().collect()
        }
        Fix::Calm => vec![calming(sig, d, matched)],
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
        // A closing question written by the engine ("What's your experience with X?") reads generic, and on a
        // job ad, release notes or a greeting it is nonsense: the finding explains and the author asks their own.
        Fix::Append => Vec::new(),
    }
}

/// "!!" in a sentence that does not sell itself.
fn is_quiet_bangs(rule: &Rule, sig: &Signal, d: &Draft<'_>) -> bool {
    rule.detector == Some(Detector::Bangs) && !sig.tokens.is_some_and(|(f, _)| sells(d, f))
}

/// The calmed punctuation or emoji: "!!!" to "!", "?!?" to "?", a wall of emoji to its first.
fn calming(sig: &Signal, d: &Draft<'_>, matched: &str) -> Suggestion {
    let calm = if matched.contains('?') {
        "?".to_string()
    } else if matched.contains('!') {
        "!".to_string()
    } else {
        sig.tokens.map_or_else(|| first_char(matched), |(f, l)| first_emoji(d, f, l).to_string())
    };
    // A run opening its line before the words ("!!! BANK HOLIDAY PENS NEARLY GONE !!!") goes with its spaces: a
    // line opening on "! " read as a glitch (panel 56).
    if let Some((i, _)) = sig.tokens.filter(|&(i, _)| calm == "!" && opens_line_before_words(d, i)) {
        let spaces = run_and_spaces_end(d, i) - d.tokens.list[i].end as usize;
        return suggestion(
            widened_span(d.tokens, i, i, 0, spaces),
            String::new(),
            label("Calm it to ", &calm),
        );
    }
    let label = label("Calm it to ", &calm);
    // "ARRIVED !!!" -> "ARRIVED!": the space before a run of marks goes with it (left, "ARRIVED !" read as a
    // slip, panel 62).
    if let Some((i, _)) = sig.tokens.filter(|_| calm == "!") {
        let spaces = spaces_before_mark(d, i);
        if spaces > 0 {
            return suggestion(widened_span(d.tokens, i, i, spaces, 0), calm, label);
        }
    }
    suggestion(sig.span, calm, label)
}

/// The spaces between a word and the run of marks at token `k` ("ARRIVED !!!"), none when no word comes before.
fn spaces_before_mark(d: &Draft<'_>, k: usize) -> usize {
    let before = &d.text[..d.tokens.list[k].start as usize];
    let trimmed = before.trim_end_matches(' ');
    let after_word = trimmed.chars().next_back().is_some_and(char::is_alphanumeric);
    if after_word {
        before.len() - trimmed.len()
    } else {
        0
    }
}

/// Whether token `k` (a run of marks) opens its line, with only markers before it and a word after it.
fn opens_line_before_words(d: &Draft<'_>, k: usize) -> bool {
    let t = d.tokens;
    after_markers_only(d, k)
        && (k + 1..t.len())
            .take_while(|&j| t.list[j].kind != Kind::Break)
            .find(|&j| t.list[j].kind != Kind::Emoji)
            .is_some_and(|j| t.list[j].kind == Kind::Word)
}

/// Where token `k` ends, with the spaces after it.
fn run_and_spaces_end(d: &Draft<'_>, k: usize) -> usize {
    let end = d.tokens.list[k].end as usize;
    end + d.text[end..].len() - d.text[end..].trim_start_matches(' ').len()
}

/// A "!!" that sells calmed together with every other "!!" of its paragraph (outside quotations): one calmed
/// while a louder one stayed beside it ("Doors are open! ... gone!!!") read inconsistent (panel 18). Each
/// selling "!!" of the paragraph offers this same edit, which is offered once.
///
/// A lone "!!" (the paragraph's only run, of two marks) is left to the whole-post rewrite: "OPEN!!" -> "OPEN!" as
/// an edit of its own read trivial to both readers of panel 47 (0-2 of 7) and to one of panel 35.
fn calming_paragraph(sig: &Signal, d: &Draft<'_>, matched: &str) -> Option<Suggestion> {
    let own = calming(sig, d, matched);
    let lone = matched == "!!";
    let Some((i, _)) = sig.tokens else { return (!lone).then_some(own) };
    let t = d.tokens;
    let line = |k: usize| t.list[k].kind != Kind::Break;
    let first = (0..i).rev().take_while(|&k| line(k)).last().unwrap_or(i);
    let last = (i..t.len()).take_while(|&k| line(k)).last().unwrap_or(i);
    let runs: Vec<usize> = (first..=last)
        .filter(|&k| t.list[k].kind == Kind::Punct && !t.list[k].quoted)
        .filter(|&k| {
            let norm = t.norm_bytes(k);
            norm.len() >= 2 && norm.contains(&b'!')
        })
        .collect();
    let (Some(&a), Some(&b)) = (runs.first(), runs.last()) else { return (!lone).then_some(own) };
    if a == b {
        return (!lone).then_some(own);
    }
    let span = widened_span(t, a, b, 0, 0);
    let (start, end) = (span.start, span.end);
    let mut text = String::with_capacity(end - start);
    let mut at = start;
    for &k in &runs {
        let run = &d.text[t.list[k].start as usize..t.list[k].end as usize];
        let chunk = &d.text[at..t.list[k].start as usize];
        text.push_str(if run.contains('?') {
            chunk
        } else {
            &chunk[..chunk.len() - spaces_before_mark(d, k).min(chunk.len())]
        });
        if run.contains('!') && !run.contains('?') && opens_line_before_words(d, k) {
            at = run_and_spaces_end(d, k);
            continue;
        }
        text.push(if run.contains('?') { '?' } else { '!' });
        at = t.list[k].end as usize;
    }
    text.push_str(&d.text[at..end]);
    Some(suggestion(span, text, format!("Calm the {} \"!!\" of this paragraph to \"!\"", runs.len())))
}

/// The edit `build` holds back until the verdict is known, made by the whole-post rewrite of a sales pitch
/// only: a shouted banner of common shouts lowered (`caps::lowering`), and "!!" in a sentence that does not
/// sell. In a pitch every "!!" is part of the pitch, and a rewrite that calms one while a louder one stays
/// ("DOORS ARE OPEN!!!") read inconsistent and not better (panel 11); as a one-click suggestion on friendly
/// excitement ("dogs welcome too!!") it read pointless (panel 12).
pub fn build_for_pitch(rule: &Rule, sig: &Signal, d: &Draft<'_>) -> Option<Suggestion> {
    if rule.fix == Fix::Lowercase && rule.offer && !in_quotation(d.text, sig.span.start) {
        let (first, last) = sig.tokens?;
        // Only what the one-click edit leaves: the banners.
        if lowering(d, first, last, false).is_some() {
            return None;
        }
        let s = lowering(d, first, last, true)?;
        return guard::keeps_facts(&d.text[s.span.start..s.span.end], &s.text, false).then_some(s);
    }
    if rule.fix != Fix::Calm
        || !rule.offer
        || !is_quiet_bangs(rule, sig, d)
        || in_quotation(d.text, sig.span.start)
    {
        return None;
    }
    let s = calming(sig, d, &d.text[sig.span.start..sig.span.end]);
    guard::keeps_stars(&d.text[s.span.start..s.span.end], &s.text).then_some(s)
}

/// Whether the sentence of token `i` has a phrase of a sales rule the fit gave weight (a command, urgency, a
/// price, an offer, an announcement).
fn sells(d: &Draft<'_>, i: usize) -> bool {
    let (first, last) = sentence_of(d.tokens, i);
    d.hits.iter().any(|h| {
        let rule = &d.rules[h.rule];
        h.last >= first
            && h.first <= last
            && rule.side != Side::Value
            && (rule.weight > 0.0 || rule.point > 0.0)
    })
}

#[cfg(test)]
mod tests {
    use crate::{Engine, Options, Platform};

    /// The first suggestion of the first finding of `rule` on `text`: (the words it replaces, the new words).
    fn first(text: &str, rule: &str) -> Option<(String, String)> {
        let report = Engine::offering_every_fix().analyze(text, &Options::for_platform(Platform::Linkedin));
        let f = report.findings.iter().find(|f| f.rule.id == rule)?;
        let s = f.suggestions.first()?;
        Some((text[s.span.start..s.span.end].to_string(), s.text.clone()))
    }

    /// No finding of `rule` on `text` (read for Facebook) offers an edit.
    fn no_edits(text: &str, rule: &str) {
        let report = Engine::offering_every_fix().analyze(text, &Options::for_platform(Platform::Facebook));
        for f in report.findings.iter().filter(|f| f.rule.id == rule) {
            assert!(f.suggestions.is_empty(), "{text}: {:?}", f.suggestions);
        }
    }

    /// The rule finds something in `text` and offers no edit for it.
    fn no_fix(text: &str, rule: &str) {
        let report = Engine::offering_every_fix().detect(
            text,
            &Options::for_platform(Platform::Linkedin),
            crate::engine::Suggestions::Build,
        );
        let found: Vec<_> = report.findings.iter().filter(|f| f.rule.id == rule).collect();
        assert!(!found.is_empty(), "no {rule} in {text:?}");
        assert!(found.iter().all(|f| f.suggestions.is_empty()), "{text}: {found:?}");
    }

    fn applied(text: &str, rule: &str) -> String {
        // Detected findings, whatever their fitted weight: the suggestion is what is tested here.
        // Every rule's fix, offered or not by the default pack: the fix is what is tested here.
        let report = Engine::offering_every_fix().detect(
            text,
            &Options::for_platform(Platform::Linkedin),
            crate::engine::Suggestions::Build,
        );
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
    fn a_shouted_push_word_is_lowered_and_labelled_with_its_command() {
        let text = "Message us NOW to book your table for Friday.";
        let report = Engine::offering_every_fix().analyze(text, &Options::for_platform(Platform::Facebook));
        let s = report.findings.iter().find(|f| f.rule.id == "hard-cta").and_then(|f| f.suggestions.first());
        let s = s.expect("a softened command");
        assert_eq!((s.label.as_str(), s.text.as_str()), ("Try: \"Message us now\"", "Message us now"));
    }

    #[test]
    fn removal_labels_name_only_the_words_removed() {
        use super::removed_words;
        assert_eq!(removed_words("Places are going fast, so tap", "Tap"), "Places are going fast, so");
        assert_eq!(removed_words("the #1 rated studio", "the studio"), "#1 rated");
        assert_eq!(removed_words("Book now before they're gone.", "Book now."), "before they're gone");
        assert_eq!(removed_words("It's really, really good", "It's really good"), "really");
        assert_eq!(removed_words("Don't miss out!", ""), "Don't miss out!");
        assert_eq!(removed_words("SALE now", "Sale now"), "SALE");
        assert_eq!(removed_words("café très chic", "café chic"), "très");
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
    fn a_plain_command_keeps_its_words_and_only_a_shouted_push_is_lowered() {
        // A shouted "NOW" is lowered; the command and its offer stay whole.
        assert_eq!(
            applied("Open house Sat 11-1. DM me NOW for a private showing.", "hard-cta"),
            "Open house Sat 11-1. DM me now for a private showing."
        );
        // No generic "If you're interested, you can ...": a clear call to action keeps its words.
        for text in [
            "Book your free review now: example.com/review",
            "Apply here: example.com/jobs",
            "Read more: example.com/post",
            "Join us on 10 August at 9 am.",
            "Book your audit today. Call 555-0142.",
            "Grab it in the comments below.",
            "Start now and you'll thank yourself in five years.",
            "Get started today.",
            "Sign up for my weekly newsletter at example.com",
            "Pop in on Saturday or order online now 👉 example.com/sale",
            // Said as statements ("Bookings are open at ..."), these read weaker to readers (panels 4, 6, 10).
            "Book now at example.com/book!",
            "Shop now, link in bio",
            "Spring menu is out. Order today 👉 example.com/menu",
        ] {
            assert_eq!(first(text, "hard-cta"), None, "{text}");
        }
        // A superlative about a launch is toned down, the sentence stays.
        assert_eq!(
            applied("Hello all. Our agency launched the BEST social media course ever.", "superlative-claim"),
            "Hello all. Our agency launched a new social media course."
        );
        // An opening label left with nothing to say goes whole.
        assert_eq!(applied("HUGE NEWS!!! 🚀🚀 Our course is out.", "hype-words"), "Our course is out.");
        // Generous words are no hype: thanks keep their size.
        assert_eq!(first("Huge thanks to Ann.", "hype-words"), None);
    }

    #[test]
    fn shouting_is_lowered_only_where_it_is_shouting() {
        // A shouted command to sentence case, weekdays, months and feasts keep their capital, prices stay.
        assert_eq!(
            applied("Don't leave it to chance. BOOK YOUR FITTING FOR SATURDAY!! Suits from £89.", "caps"),
            "Don't leave it to chance. Book your fitting for Saturday!! Suits from £89."
        );
        assert_eq!(
            applied("BOOK BEFORE CHRISTMAS and save on every wreath.", "caps"),
            "Book before Christmas and save on every wreath."
        );
        assert_eq!(
            applied("ORDER ON THE DAY AND GET £1,000 OFF the fitting.", "caps"),
            "Order on the day and get £1,000 off the fitting."
        );
        // One stretch, one edit, across numbers and commas: "ONLY 48 HOURS LEFT", "NEW YEAR, NEW YOU".
        assert_eq!(
            applied("There are ONLY 48 HOURS LEFT to give.", "caps"),
            "There are only 48 hours left to give."
        );
        assert_eq!(applied("Our NEW YEAR, NEW YOU deal is on.", "caps"), "Our new year, new you deal is on.");
        // A command opening its line is lowered where the sentence goes on ("BOOK TODAY before ...").
        assert_eq!(applied("🎉 BOOK TODAY before we're full!!", "caps"), "🎉 Book today before we're full!!");
        let text = "Our NEW YEAR, NEW YOU deal is on.";
        let report = Engine::offering_every_fix().analyze(text, &Options::for_platform(Platform::Linkedin));
        let edits: usize =
            report.findings.iter().filter(|f| f.rule.id == "caps").map(|f| f.suggestions.len()).sum();
        assert_eq!(edits, 1);
        // Never an acronym, a code keyword, a name, a header label, a step of a sequence or a repeated device.
        for text in [
            "Our MAFT-ONN model is out, and it works well.",
            "I learned to use LEFT JOIN and GROUP BY in one SELECT query.",
            "Heading to UNLEASH America next week with the team.",
            "Before LEMON: chaos. With LEMON: calm. Lemon is our planner for busy teams.",
            "🔹 STRATEGIC LEADERSHIP: own the roadmap for every site.",
            "The loop: PLAN → BUILD → learn → REPEAT, every single week.",
            "ME ME ME ME ME portfolio company and nothing else.",
            "The new DEF LEPPARD song is out today.",
            "Certified in C_BCBAI_2509 this week, after a long month.",
            "Our HubSpot tips: TOP HUBSPOT UPDATES this week.",
            // One word stressed, a headline of the author's own words, a section header: style, not shouting
            // (panels 1 and 2 recommended under half of these edits).
            "Here is how to DOUBLE your reach.",
            "🥐 BAGEL FRIDAY 🥐 Fresh from the oven.",
            "Thrilled to share what I've been building: STUDIO BOOKS 📒",
            "WHAT YOU GET\n→ 12 coaching sessions\n→ a workbook",
            // A banner opening its line, a punchline after an ellipsis, joy (panel 40).
            "IT'S HERE!!! 🎉 The new programme is out.",
            "🚨 FLASH SALE 🚨 25% off all beans this week.",
            "📣 BIG NEWS for the village: the shop is open.",
            "Oh no they won't... OH YES THEY WILL! Tickets are on sale.",
            "Fourth attempt and she DID IT!!! So proud of her.",
        ] {
            assert_eq!(first(text, "caps"), None, "{text}");
        }
    }

    #[test]
    fn hashtags_are_trimmed_only_from_long_lists_keeping_the_ones_the_post_talks_about() {
        let text = "Notes on observability in Python services.\n\n#growth #success #Observability #Python #motivation #grind #hustle";
        assert_eq!(
            applied(text, "hashtags"),
            "Notes on observability in Python services.\n\n#growth #success #Observability #Python #motivation"
        );
        // A short list is left alone, even above a platform's norm.
        no_edits("Fresh bread every morning at the corner shop. #bread #bakery #local", "hashtags");
    }

    #[test]
    fn claims_of_fact_and_nouns_are_not_cut_as_hype() {
        assert_eq!(first("My #1 bestselling new book is out on Amazon.", "puffery"), None);
        assert_eq!(first("Honestly, it was a complete game-changer for our team.", "puffery"), None);
        assert_eq!(first("Our premium range is back in stock.", "puffery"), None);
    }

    #[test]
    fn dont_wait_explains_and_dont_hesitate_softens() {
        // "Don't wait" mostly comes with a reason the readers kept (panel 10): the finding explains.
        assert_eq!(first("Don't wait until it's too late. Protect your home today.", "hard-cta"), None);
        assert_eq!(first("Don't wait, wedding dates for next summer are filling up.", "hard-cta"), None);
        assert_eq!(
            applied("Don't hesitate to call us on 555-0142.", "hard-cta"),
            "Feel free to call us on 555-0142."
        );
        // "to the first 30 businesses that sign up" is a condition of the offer: cutting it would lose a fact.
        let text = "We are offering a free review (normally $1,200) to the first 30 businesses that sign up.";
        assert_eq!(first(text, "hard-cta"), None);
    }

    #[test]
    fn panel_six_edits_leave_whole_sentences() {
        // What a colon introduces stays with its introduction.
        no_fix(
            "PSA before anyone books anything for next year: check your passport expiry date NOW",
            "urgency-claim",
        );
        // Words shouted with the command are lowered with it.
        assert_eq!(
            applied("CALL US NOW on 01632 960 552 for a quote.", "hard-cta"),
            "Call us now on 01632 960 552 for a quote."
        );
        // No sentence is left ending on "so".
        no_fix("Prices correct on Monday and subject to availability, so don't wait!!", "hard-cta");
        // "Introducing" without its colon is the sentence's verb; with it, a label that can go.
        no_fix("Introducing Muthoni Farm AA, our most exciting release since 2016.", "announcement");
        assert_eq!(
            applied("Introducing: our new autumn menu, served from Monday.", "announcement"),
            "Our new autumn menu, served from Monday."
        );
    }

    #[test]
    fn a_customer_s_words_are_not_edited() {
        let quoted = "Our client said: “Best course EVER!! Book it now!!” and we were thrilled.";
        let report = Engine::offering_every_fix().analyze(quoted, &Options::for_platform(Platform::Linkedin));
        assert!(report.findings.iter().any(|f| f.rule.id == "bangs"), "the finding still explains");
        assert!(report.findings.iter().all(|f| f.suggestions.is_empty()), "{:#?}", report.findings);
        let straight = "\"It changed my life!!\" says Jo. Book now!!!";
        let report =
            Engine::offering_every_fix().analyze(straight, &Options::for_platform(Platform::Linkedin));
        let calmed: Vec<_> =
            report.findings.iter().filter(|f| f.rule.id == "bangs" && !f.suggestions.is_empty()).collect();
        assert_eq!(calmed.len(), 1, "only the author's own '!!' is calmed: {calmed:#?}");
        assert!(calmed[0].span.start > straight.find("Jo").unwrap());
    }

    #[test]
    fn bait_offered_as_an_alternative_to_a_command_goes_with_it() {
        let text = "If you're ready, comment \"GO\" below or DM me to book your free strategy call.";
        let rw = Engine::offering_every_fix().rewrite(text, &Options::for_platform(Platform::Linkedin));
        assert!(
            rw.text.starts_with("If you're ready, DM me to book your free strategy call."),
            "{}",
            rw.text
        );
    }

    #[test]
    fn words_that_only_look_like_a_command_are_left_alone() {
        no_edits(
            "I'm running a casual evening at The Crown on the 22nd, if anyone wants to come along 🙂",
            "hard-cta",
        );
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
        // "now open", "just released" keep their words: dropping them helps nobody.
        assert_eq!(first("Mother's Day pre-orders are now open 💐 Bouquets from $49.", "announcement"), None);
        assert_eq!(first("Version 2 was just released.", "announcement"), None);
        // A second "that" clause would join nothing without the frame (panel 39).
        assert_eq!(
            first(
                "We're delighted to announce that we won the award, and that we're opening a shop.",
                "announcement"
            ),
            None
        );
        // An opening frame with nothing to carry the news keeps its words ("Some news: X!" reads awkward), and
        // so does a frame without an object ("I am sharing, X" would be broken) or in the past tense.
        assert_eq!(first("We are thrilled to announce Parachute!", "announcement"), None);
        assert_eq!(first("I'm excited to share, Apisod is live.", "announcement"), None);
        assert_eq!(first("I was honoured to present at the summit.", "announcement"), None);
        assert_eq!(
            applied("We are incredibly proud to unveil the new version of our app.", "announcement"),
            "We are unveiling the new version of our app."
        );
        // The launch the frame announces is said as its verb; the facts after it stay.
        assert_eq!(
            applied(
                "We're thrilled to announce the launch of LedgerLite, our bookkeeping app for sole traders.",
                "announcement"
            ),
            "We're launching LedgerLite, our bookkeeping app for sole traders."
        );
        assert_eq!(
            applied("I am so excited to share the opening of my second studio in Leith!", "announcement"),
            "I am opening my second studio in Leith!"
        );
        assert_eq!(first("I was proud to announce the launch of our app.", "announcement"), None);
        assert_eq!(
            applied("🚀 Big news: TaskHarbor 4.0 is out.", "announcement"),
            "🚀 TaskHarbor 4.0 is out."
        );
        // A label on a line of its own goes with the line: its emoji alone opened the post (panel 66).
        assert_eq!(
            applied("Big news! 🎉🎉\n\nShiftRota now works with Xero.", "announcement"),
            "ShiftRota now works with Xero."
        );
        assert_eq!(
            applied("We moved.\n\n🎉 Big news! 🎉\n\nShiftRota now works with Xero.", "announcement"),
            "We moved.\n\nShiftRota now works with Xero."
        );
        assert_eq!(
            applied("ShiftRota now works with Xero.\n\nBig news! 🎉", "announcement"),
            "ShiftRota now works with Xero."
        );
        // "announce" with an object explains: "News from Copper Hill Brewing Co.: our expansion" read robotic
        // (panel 36), "is announcing" announces again. A frame after a label goes whole (panel 37: "we announce
        // that" read robotic).
        assert_eq!(
            first(
                "Copper Hill Brewing Co. is excited to announce our expansion into three new markets.",
                "announcement"
            ),
            None
        );
        assert_eq!(
            applied("Update: we are proud to announce that the tunnel is open.", "announcement"),
            "Update: the tunnel is open."
        );
    }

    #[test]
    fn pressure_goes_at_the_smallest_unit_that_leaves_the_post_readable() {
        // The clause, its comma and the "so" (a clause that names what is scarce stays, panel 77).
        assert_eq!(
            applied(
                "They're going fast, so we'd recommend ordering early: petalandstem.com/day",
                "urgency-claim"
            ),
            "We'd recommend ordering early: petalandstem.com/day"
        );
        // Told as a habit, the pressure is a fact ("sells out every year": panel 61).
        no_fix("Santa's Hut every weekend (book ahead, sells out every year!)", "urgency-claim");
        // A clause the next sentence's "yours" stands in for stays (panel 61).
        no_fix(
            "Tickets going FAST, last year we turned people away. Buy yours from Moira at the post office!",
            "urgency-claim",
        );
        // "a limited number of" is a fact about capacity, like places left: it explains (panel 14).
        let capacity = Engine::new().analyze(
            "Now accepting a limited number of new consultations for Q3.",
            &Options::for_platform(Platform::Linkedin),
        );
        assert!(capacity.findings.iter().any(|f| f.rule.id == "deadline"), "{:?}", capacity.findings);
        assert!(capacity.findings.iter().all(|f| f.suggestions.is_empty()), "{:?}", capacity.findings);
        // A sentence that is pressure only goes; one that names what is scarce is news and stays (panels 9 and
        // 54).
        assert_eq!(
            applied("Our tips are below. When they're gone, they're gone.", "urgency-claim"),
            "Our tips are below."
        );
        no_fix("Our tips are below. Places are going fast.", "urgency-claim");
        // A deadline stays whole, its "only" too (a fact): no edit.
        no_fix("Up to 30% off all e-bikes this weekend only!", "deadline");
        // A "just" before a number, not the words around it.
        assert_eq!(
            applied("Our clients hire fast.\n🔹 Average time-to-hire of just 14 days", "deadline"),
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
            applied("Our world-class roasting team is now certified.", "puffery"),
            "Our roasting team is now certified."
        );
        // A specification stays ("enterprise-grade security"), and so does a predicate behind its adverb.
        assert_eq!(first("Our enterprise-grade security is now certified.", "puffery"), None);
        assert_eq!(first("Our new app is honestly GAME-CHANGING for small teams.", "puffery"), None);
        assert_eq!(first("Our team is ready to deliver an unmatched level of service.", "puffery"), None);
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
        // A wall of flags calms to its first flag, whole (in a post that sells: in one that plugs nothing the
        // emoji are the author's voice).
        let wall = "🇪🇸🇫🇷🇮🇹 Summer courses are here! Book your place now at example.com/summer, from £90.";
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

    /// The rewrite of a sales pitch calms every "!!", one-click suggestions only those in a sentence that sells;
    /// "!!" of joy in a post that shares stays (panels 8, 11 and 12).
    #[test]
    fn a_pitch_rewrite_calms_every_bang_a_shared_joy_keeps_its_own() {
        let engine = Engine::new();
        let options = Options::for_platform(Platform::Facebook);
        let offered = |text: &str| {
            let report = engine.analyze(text, &options);
            let bangs: Vec<_> = report.findings.iter().filter(|f| f.rule.id == "bangs").collect();
            (report.verdict, bangs.len(), bangs.iter().filter(|f| !f.suggestions.is_empty()).count())
        };
        let pitch =
            "DOORS ARE OPEN!!! My 8-week challenge starts January 5th. Early bird $199 until Dec 20, \
                     regular $279. Last year 87 people joined and we closed the doors early!! Join at \
                     example.com/challenge before the spots are gone!!";
        let (verdict, found, one_click) = offered(pitch);
        assert_eq!((verdict, found), (crate::Verdict::SalesPitch, 3));
        assert!(one_click < found, "friendly \"!!\" offered as one-click edits: {one_click}");
        // A one-click calm takes the other "!!" of its paragraph along: none louder is left beside it (panel 18).
        let report = engine.analyze(pitch, &options);
        for s in report.findings.iter().filter(|f| f.rule.id == "bangs").flat_map(|f| &f.suggestions) {
            let mut after = pitch.to_string();
            after.replace_range(s.span.start..s.span.end, &s.text);
            assert!(!after.contains("!!"), "{after}");
        }
        let rewritten = engine.rewrite(pitch, &options).text;
        assert!(!rewritten.contains("!!"), "{rewritten}");
        let joy = "Our baby girl arrived on Tuesday!! Both doing well, and I have never been so tired or so happy. \
                   Thank you all for the kind messages this week!!";
        let (verdict, found, one_click) = offered(joy);
        // Nothing in it sells (salesiness 0), so its "!!" is not even marked.
        assert_ne!(verdict, crate::Verdict::SalesPitch);
        assert_eq!((found, one_click), (0, 0));
        assert_eq!(engine.rewrite(joy, &options).text, joy);
        // A hype word beside the "!!" does not make a post that plugs nothing a pitch (panel 15).
        let appeal =
            "Okay we need your help with something amazing!! A reader found a wartime letter inside a \
                      second-hand book and we would love to find the family it belongs to.";
        let (verdict, found, one_click) = offered(appeal);
        assert_eq!((verdict, found, one_click), (crate::Verdict::Conversation, 1, 0));
        assert_eq!(engine.rewrite(appeal, &options).text, appeal);
    }

    /// A lone "!!" is calmed by the whole-post rewrite, not as a one-click edit of its own (panels 35 and 47:
    /// trivial); "!!!", or a paragraph of several runs, still is.
    #[test]
    fn a_lone_double_bang_is_left_to_the_rewrite() {
        let engine = Engine::new();
        let options = Options::for_platform(Platform::Facebook);
        let calms = |text: &str| -> usize {
            let report = engine.analyze(text, &options);
            report.findings.iter().filter(|f| f.rule.id == "bangs").map(|f| f.suggestions.len()).sum()
        };
        let lone =
            "Spring term bookings are now open!! Lessons from £12, book at example.com/swim before Friday.";
        assert_eq!(calms(lone), 0);
        assert!(!engine.rewrite(lone, &options).text.contains("!!"));
        let loud =
            "Spring term bookings are now open!!! Lessons from £12, book at example.com/swim before Friday.";
        assert_eq!(calms(loud), 1);
        let several = "Bookings are open!! Lessons from £12, book at example.com/swim before Friday!!";
        assert_eq!(calms(several), 1, "one edit calms the paragraph's runs together");
    }

    /// Panel 44's harms: the urgency a warning reports, the stress of a deadline whose sentence keeps shouting,
    /// the day a scarcity names.
    #[test]
    fn reported_urgency_a_half_lowered_sentence_and_named_days_stay() {
        let scam = "Bit of a warning to everyone 🙏 Three of my customers had calls this month from someone saying \
                    they're from \"the power company\" and that their meter needs replacing urgently, £180 up front \
                    by bank transfer. No supplier will ask for money like that. If it does need changing, your \
                    supplier does it for free. Please tell your mum and dad.";
        assert_eq!(first(scam, "urgency"), None);
        // Panel 75: the shouting of a scam warning is the warning's; the rewrite leaves it, as it calms a pitch.
        let fake =
            "⚠️⚠️ SCAM WARNING ⚠️⚠️\n\nSomeone has made a FAKE page with our name and photos and is messaging \
                    people offering log deliveries for a £40 \"deposit\" by bank transfer.\n\nTHAT IS NOT US!!!\n\nWe \
                    never ask for deposits. If you have been contacted, please report the page and DO NOT send \
                    any money.";
        let options = Options::for_platform(Platform::Facebook);
        assert_eq!(Engine::new().rewrite(fake, &options).text, fake);
        let pitch = "LOG SALE THIS WEEK ONLY!!! £50 a load, BOOK NOW at example.com before they're gone!!!";
        assert_ne!(Engine::new().rewrite(pitch, &options).text, pitch);
        let half =
            "🎁 BOOK BEFORE 31st JANUARY and we'll throw in the CANDY FLOSS CART FOR FREE (worth £350)!!!";
        assert_eq!(first(half, "caps"), None);
        let days = "Book online at example.com/mot or ring 01279 604 311. Saturdays going FAST!!";
        let dropped = first(days, "urgency-claim").is_some_and(|(_, new)| new.is_empty());
        assert!(!dropped, "{:?}", first(days, "urgency-claim"));
        // Stacked with a second push, the days still say which dates are scarce (panel 47).
        let stacked =
            "Weekends are already filling up fast and once they're gone they're gone. Book direct at \
                       example.com/stay or ring reception.";
        for rule in ["urgency-claim", "urgency"] {
            let dropped =
                first(stacked, rule).is_some_and(|(old, new)| new.is_empty() && old.contains("Weekends"));
            assert!(!dropped, "{rule}: {:?}", first(stacked, rule));
        }
    }

    /// Urgency whose line goes on with advice and sells nothing is a step of that advice ("✔️ Act fast. Blot —
    /// don't rub —": panel 48); urgency whose line goes on selling still goes.
    #[test]
    fn urgency_that_starts_a_step_of_advice_stays() {
        let advice = "Red wine on a wool rug? Here's what to do.\n✔️ Act fast. Blot with a white cloth, don't rub. \
                      Press down firmly and repeat.\n✔️ Dab with cool water.\n\nIf it wins, we clean rugs at our \
                      workshop: message us a photo.";
        assert_eq!(first(advice, "urgency"), None);
        let selling =
            "Our spring sale is on.\nDon't miss out!! Prices like this won't be around after Sunday. Book \
                       your test drive at example.com/spring or call 01632 960 551.";
        assert_eq!(first(selling, "urgency"), Some(("Don't miss out!! ".into(), String::new())));
    }

    /// Panels 62 and 63: a "NOW" shouted again on its line stays (one lowered read half-done); the space
    /// before a calmed run goes; bare service keeps its adjective; a frame after a condition is an offer.
    #[test]
    fn shouting_lines_spaced_marks_bare_service_and_conditional_frames() {
        assert_eq!(first("DM NOW DM NOW DM NOW 🎣🎣 Carp from £40.", "hard-cta"), None);
        assert_eq!(
            first("Big news. DM me NOW for a private showing of the flat.", "hard-cta"),
            Some(("DM me NOW".into(), "DM me now".into()))
        );
        let spaced =
            "Our whole stock of shelving JUST ARRIVED !!! From £40, collect from the yard at example.com";
        let rw = Engine::new().rewrite(spaced, &Options::for_platform(Platform::Facebook)).text;
        assert!(rw.contains("ARRIVED!") && !rw.contains("ARRIVED !"), "{rw}");
        let bare =
            "We are committed to delivering best-in-class service to our clients. Book a call at example.com";
        assert_eq!(first(bare, "puffery"), None);
        let times =
            "This award recognises our 98% satisfaction rate and our industry-leading turnaround times.";
        assert_eq!(first(times, "puffery"), None);
        let hollow =
            "Our partnership brings our data to you to deliver an unparalleled experience for retailers.";
        assert_eq!(first(hollow, "puffery"), None);
        let offer =
            "If you run a service business and you're weighing the same decision, I'm happy to share the \
                     numbers more openly. Just ask in the comments.";
        assert_eq!(first(offer, "announcement"), None);
    }

    /// Panels 56 and 57: pressure inside a condition stays ("If your fixed rate ends this year, ..."), as does a
    /// clause that gives a reason beside its pressure; a run of "!" opening its line goes with its space.
    #[test]
    fn conditions_reasons_and_opening_bangs() {
        let condition =
            "If your fixed rate ends this year, the most useful thing you can do is start looking six \
                         months before it ends, not six weeks.";
        assert_eq!(first(condition, "urgency-claim"), None);
        let and_if =
            "Our HR plan covers contracts and policies. And if you need urgent advice, we pick up the phone.";
        assert_eq!(first(and_if, "urgency"), None);
        let reason =
            "Only 8 left at this price – I bought a pallet of elements and when they're gone the price \
                      goes back up!!! Message me to order.";
        assert_eq!(first(reason, "urgency-claim"), None);
        let banner =
            "!!! BANK HOLIDAY PENS NEARLY GONE !!!\n\nHeated chalets £16.50 a night. Call 01562 900447";
        let engine = Engine::new();
        let rw = engine.rewrite(banner, &Options::for_platform(Platform::Facebook)).text;
        assert!(rw.starts_with("BANK HOLIDAY PENS NEARLY GONE!"), "{rw}");
    }

    /// Panels 53 and 54: pressure told in the past ("it was urgent", a sign of a scam), a sentence holding a fact
    /// ("First come first served"), a sentence the next one leans on ("before they're gone") and a plain scarcity
    /// claim, shouted or not, keep their words; the pressure beside a fact goes alone.
    #[test]
    fn past_pressure_facts_leaned_on_sentences_and_scarcity_claims_stay() {
        let warning =
            "How to spot it:\n➡️ the sender was a random domain\n➡️ it was urgent. Real notices don't \
                       threaten you.";
        assert_eq!(first(warning, "urgency"), None);
        let fact =
            "Sharpening van in town this Saturday! Knives £4 each. First come first served, DON'T MISS IT!!";
        let edit = first(fact, "urgency");
        assert!(edit.as_ref().is_none_or(|(old, _)| !old.contains("First come")), "{edit:?}");
        let leaned =
            "Sauna sessions are back.\nSLOTS ARE GOING FAST!!! Book NOW before they're gone 👉 example.com";
        assert_eq!(first(leaned, "urgency-claim"), None);
        let claim =
            "One-day sample sale on Saturday 😍\nAppointments are going FAST 😱 DM us to secure your slot.";
        assert_eq!(first(claim, "urgency-claim"), None);
        // Panel 67: cut, the sentence left its phone number alone on the line; on a line of its own it goes.
        let call =
            "Tyres from £39 fitted.\nDon't miss out, these prices will NOT be repeated!!! ☎️ 01582 555 413";
        let edit = first(call, "urgency");
        assert!(edit.as_ref().is_none_or(|(old, _)| !old.contains("Don't miss")), "{edit:?}");
        // Panel 77: "urgent" before its noun says which appointments, and a clause naming what is scarce is news;
        // a command's "before they're gone" still goes.
        let notice = "The hall is open tonight. Anyone with urgent medical appointments, ring the office.";
        assert_eq!(first(notice, "urgency"), None);
        let ferry =
            "Extra sailings Fri–Mon. Vehicle spaces going fast, foot passengers always welcome. Book at \
                     example.co.uk/ferry";
        assert_eq!(first(ferry, "urgency-claim"), None);
        let command = "Vans from £89 this weekend. Ring Jo on 01632 960 127 before they're gone 📞";
        assert!(first(command, "urgency-claim")
            .is_some_and(|(old, new)| old.contains("before") && new.is_empty()));
        // Panel 72: the days that are scarce are a fact of the offer, said in the plural too.
        let days = "Escape rooms in Norwich 🚢 Book NOW, weekends filling FAST!!! example.com/dive";
        assert!(first(days, "urgency-claim").is_none_or(|(old, _)| !old.contains("weekends")));
        let summer =
            "Seal trips from £22. Book online or just turn up early, but summer weekends DO sell out.";
        assert!(first(summer, "urgency-claim").is_none_or(|(old, _)| !old.contains("weekends")));
        let alone = "Tyres from £39 fitted.\nDon't miss out!!\n☎️ 01582 555 413";
        assert!(first(alone, "urgency").is_some_and(|(old, _)| old.contains("Don't miss")));
    }

    /// Panels 49 and 50: a clause whose rest points back at it stays ("Act FAST, its the only thing that really
    /// matters"), plain scarcity opening its sentence stays ("Spaces are limited – register ..."; shouted, it
    /// goes), and hype before a noun that says nothing without it stays ("✅ Unbeatable prices").
    #[test]
    fn pointing_back_plain_scarcity_and_bare_prices_stay() {
        let back = "Spilled red wine on the carpet? Act FAST, its the only thing that really matters 🍷";
        assert_eq!(first(back, "urgency"), None);
        let plain =
            "FREE workshop on Thursday at 7.30pm.\n\nSpaces are limited – register at example.com/exam and \
                     you'll also get my revision planner";
        assert_eq!(first(plain, "urgency-claim"), None);
        let shouted =
            "Classes are filling up FAST, Street Dance already has a waiting list. Book at example.com/dance";
        assert!(first(shouted, "urgency-claim").is_some_and(|(old, _)| old.contains("FAST")));
        let prices = "Roof surveys by drone for landlords and agents.\n✅ Unbeatable prices across the East Midlands\n\
                      Book at example.com/survey";
        assert_eq!(first(prices, "puffery"), None);
    }

    /// A shouted banner is lowered by the whole-post rewrite of a sales pitch only ("headline still all caps",
    /// panels 39, 41, 43), never as a one-click edit on its own (panel 40: pointless), nor in a post that shares.
    #[test]
    fn a_pitch_rewrite_lowers_its_banner_a_shared_one_stays() {
        let engine = Engine::new();
        let options = Options::for_platform(Platform::Facebook);
        let pitch =
            "IT'S HERE!!! 🎉 Our spring tasting menu is out: six courses for £45. Book your table at \
                     example.com/book before Friday. Only 6 tables left and they go fast!!";
        let report = engine.analyze(pitch, &options);
        assert_eq!(report.verdict, crate::Verdict::SalesPitch);
        let caps: Vec<_> = report.findings.iter().filter(|f| f.rule.id == "caps").collect();
        assert_eq!(caps.len(), 1);
        assert!(caps[0].suggestions.is_empty(), "{:?}", caps[0].suggestions);
        let rewritten = engine.rewrite(pitch, &options).text;
        assert!(rewritten.starts_with("It's here! 🎉 Our spring tasting menu"), "{rewritten}");
        assert!(
            rewritten.contains("£45") && rewritten.contains("example.com/book before Friday"),
            "{rewritten}"
        );
        let joy =
            "IT'S HERE!!! 🎉 Our baby girl arrived on Tuesday, and we have never been so tired or so happy.";
        assert_eq!(engine.rewrite(joy, &options).text, joy);
    }

    /// A big adjective in a post that plugs nothing describes; it is not cut (panel 42: "state-of-the-art" cut
    /// from a news report read as a false alarm).
    #[test]
    fn a_conversation_keeps_its_big_adjectives() {
        let engine = Engine::new();
        let options = Options::for_platform(Platform::Linkedin);
        let news = "The council opened the new maker space at Riverside Library on Monday, with state-of-the-art \
                    3D printers and a laser cutter. Forty kids built their first robots in the first week. Thank \
                    you to every volunteer who gave their evenings to it. What should the library teach next?";
        let report = engine.analyze(news, &options);
        assert_eq!(report.verdict, crate::Verdict::Conversation);
        let puffery: Vec<_> = report.findings.iter().filter(|f| f.rule.id == "puffery").collect();
        assert_eq!(puffery.len(), 1, "{:?}", report.findings);
        assert!(puffery[0].suggestions.is_empty(), "{:?}", puffery[0].suggestions);
        assert_eq!(engine.rewrite(news, &options).text, news);
    }
}
