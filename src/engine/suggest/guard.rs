//! Do no harm: the last check every suggestion passes before it is offered, and every whole-post rewrite step
//! before it is kept. An edit is dropped (the finding still explains, with no replacement) when, around it:
//! - a **fact** is lost: a number, price, percentage, date or deadline word, rating stars, a link, @mention,
//!   e-mail, an acronym ("HIPAA"), a name ("Canva"), a hashtag (unless the rule is about too many hashtags), or
//!   a number word ("number one", "three");
//! - a **sentence breaks**: a deletion leaves an article, preposition, possessive or linking verb at the end of
//!   a sentence ("It was!", "Feels."), an article before a bare participle ("the rated studio"), a one- or two-word
//!   sentence, or a sentence that refers back ("As a result", "This") to one that was removed;
//! - a **template misfires**: an "If ..." (or "When", "Once", "Until" ...) sentence with no main clause ("If
//!   you'd like a free consultation.", "When the 100 seats are gone."),
//!   a colon that introduced what follows is lost ("Register here:"), punctuation left doubled ("Thursday?."),
//!   a preposition before a full stop ("book via."), an offer of a person ("If you'd like a child"), a word
//!   doubled at the seam, or an opener the text already uses ("If you're interested" twice).
//!
//! Facts and problems are read from plain text (not tokens), so the same check serves a suggestion (the
//! sentence around its span, before and after) and the rewrite (the whole post before and after).

mod words;

use super::super::lexicon;
use words::{
    fact_words, grammar_words, has_alphanumeric, last_word, letters, lower_is, stars, trim_end, trim_start,
    trim_start_non_alphanumeric, List, AT_COLON, DIGIT, DOT, LOWER, PLAIN_MARK, UPPER, WIDE,
};

/// How far around an edit the sentence check looks at most, in bytes each side.
const WINDOW: usize = 160;

/// Whether replacing bytes `start..end` of `text` with `replacement` is safe to offer (see the module doc).
/// `hashtags_may_go`: the edit belongs to a rule about too many hashtags, whose fix removes some.
pub fn safe(text: &str, start: usize, end: usize, replacement: &str, hashtags_may_go: bool) -> bool {
    // A sentence that introduced what follows ("Register here:") keeps its colon.
    let removed = text[start..end].trim_end();
    let keeps_colon =
        !removed.ends_with(':') || replacement.is_empty() || replacement.trim_end().ends_with(':');
    if !keeps_colon {
        return false;
    }
    // What a colon introduces is the point of its sentence ("PSA: check your passport NOW"): it is not cut
    // away from its introduction.
    if removed.trim_start().starts_with(':') && replacement.trim().is_empty() {
        return false;
    }
    // Facts: the words the edit touches, with a word of context each side (the rest is the same after); only
    // when the words it removes could hold one.
    if may_hold_fact(&text[start..end]) {
        let (a, b) = (context_start(text, start), context_end(text, end));
        let touched = spliced(text, (a, b), (start, end), replacement);
        if !keeps_facts(&text[a..b], &touched, hashtags_may_go) {
            return false;
        }
    }
    // An opener the post already uses ("If you're interested" twice).
    let repeats = has_if_you(replacement)
        && OPENERS
            .iter()
            .any(|o| replacement.contains(o) && (text[..start].contains(o) || text[end..].contains(o)));
    if repeats {
        return false;
    }
    // Grammar: the sentence around the edit and the start of the next (a removed sentence may leave it
    // dangling).
    let (from, to) = (sentence_start(text, start), sentence_end(text, end));
    let before = &text[from..to];
    let after = spliced(text, (from, to), (start, end), replacement);
    // Most edits leave no problem at all: the draft's own are only counted when the edit leaves some.
    let left = problems(&after);
    let first_in_post = text[..from].trim().is_empty();
    let deletion = is_deletion(&text[start..end], replacement);
    // A clause cut from a sentence whose rest counts or points back to what it named: "Home visit slots are
    // filling up FAST, there's about 20 left" must not become "There's about 20 left" (panel 41), nor "Slots
    // are filling up, so grab one" "Grab one" (panel 43).
    let clause = !text[start..end].trim_end().ends_with(['.', '!', '?']);
    if deletion && clause && leans_on_what_went(replacement, &text[end..to]) {
        return false;
    }
    (left == 0 || left <= problems(before))
        && (!deletion || seam_reads(before, &after, start - from, first_in_post))
}

/// Whether `s` counts or points back to something it does not name: a figure right before "left", "remaining"
/// or "available" ("about 20 left"; not "20 seats left"), "one", "ones", "them", "yours" standing for a noun
/// ("grab one", "Buy yours"), or a first word pointing back ("it's the only thing that matters").
/// `kept` is what the edit writes in place of the clause (the next word, recapitalised), `s` what follows it.
fn leans_on_what_went(kept: &str, s: &str) -> bool {
    let words: Vec<&str> = kept.split_whitespace().chain(s.split_whitespace()).map(core).collect();
    let bare_count = words.windows(2).any(|w| {
        w[0].chars().any(|c| c.is_ascii_digit())
            && w[0].chars().all(|c| c.is_ascii_digit() || c == ',')
            && lexicon::AFTER_COUNT.iter().any(|a| w[1].eq_ignore_ascii_case(a))
    });
    // "one" with no noun after it ("grab one in advance"; not "in one visit", "one of the best").
    let is = |w: &str, list: &[&str]| list.iter().any(|p| w.eq_ignore_ascii_case(p));
    let stands_for_a_noun = (0..words.len()).any(|k| {
        is(words[k], &["them", "yours"])
            || is(words[k], &["one", "ones"])
                && words.get(k + 1).is_none_or(|n| n.is_empty() || is(n, &lexicon::AFTER_STAND_IN))
    });
    // "Act FAST, its the only thing that really matters": the rest opens on a word pointing back at what went.
    let points_back = words.first().is_some_and(|w| is(w, &lexicon::POINTING_BACK));
    bare_count || stands_for_a_noun || points_back
}

/// Whether `s` holds "If you" (which each of `OPENERS` starts with).
fn has_if_you(s: &str) -> bool {
    let mut at = 0;
    while let Some(p) = s[at..].find('I') {
        if s.as_bytes()[at + p..].starts_with(b"If you") {
            return true;
        }
        at += p + 1;
    }
    false
}

/// Openers a softened command may use; said twice in a post they read as a template.
const OPENERS: [&str; 2] = ["If you're interested", "If you'd like"];

/// Whether `removed` could hold a fact: a digit, a capital, a mark of a link, mention, hashtag or price, a
/// character outside ASCII (stars, currency), or a number word or day.
fn may_hold_fact(removed: &str) -> bool {
    removed.bytes().any(|b| {
        b.is_ascii_digit() || b.is_ascii_uppercase() || b >= 0x80 || matches!(b, b'@' | b'#' | b'.' | b'$')
    }) || removed
        .as_bytes()
        .split(|b| !b.is_ascii_alphabetic())
        .any(|w| fact_words().get(w, true).has_number() || w.eq_ignore_ascii_case(b"one"))
}

/// `text[from..to]` with bytes `start..end` replaced by `replacement`.
fn spliced(
    text: &str,
    (from, to): (usize, usize),
    (start, end): (usize, usize),
    replacement: &str,
) -> String {
    let mut out = String::with_capacity(to - from + replacement.len());
    out.push_str(&text[from..start]);
    out.push_str(replacement);
    out.push_str(&text[end..to]);
    out
}

/// The start of the word before the one at byte `at` (or of the text).
fn context_start(text: &str, at: usize) -> usize {
    let word = text[..at].trim_end().rfind(|c: char| c.is_ascii_whitespace()).map_or(0, |p| p + 1);
    text[..word].trim_end().rfind(|c: char| c.is_ascii_whitespace()).map_or(0, |p| p + 1)
}

/// The end of the word after the one at byte `at` (or of the text).
fn context_end(text: &str, at: usize) -> usize {
    let word_end = |from: usize| {
        let skipped = from + (text[from..].len() - text[from..].trim_start().len());
        text[skipped..].find(|c: char| c.is_ascii_whitespace()).map_or(text.len(), |p| skipped + p)
    };
    word_end(word_end(at))
}

/// Whether byte `i` of `b` ends a sentence: a line break, or a sentence mark before a space or the end.
fn ends_sentence(b: &[u8], i: usize) -> bool {
    b[i] == b'\n' || matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1).is_none_or(|c| *c == b' ')
}

/// Where the sentence holding byte `at` starts, at most `WINDOW` bytes back.
fn sentence_start(text: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let b = text.as_bytes();
    (from..at).rev().find(|&i| ends_sentence(b, i)).map_or(from, |i| i + 1)
}

/// Where the edit's own sentence ends, and the first word of the next with it (a removed sentence must not
/// leave one that refers back to it), at most `WINDOW` bytes after byte `at`.
fn sentence_end(text: &str, at: usize) -> usize {
    let mut to = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let b = text.as_bytes();
    // Past a mark right at the end of the edit (its own sentence's), to the end of the sentence.
    let own = (at..to).find(|&i| ends_sentence(b, i) && i > at + 1).map_or(to, |i| i + 1);
    context_end(&text[..to], own.min(to)).min(to)
}

/// Whether `after` has as many rating stars as `before` ("⭐⭐⭐⭐⭐" calmed to one star loses a rating).
pub fn keeps_stars(before: &str, after: &str) -> bool {
    stars(after) >= stars(before)
}

/// Whether replacing `removed` with `replacement` only deletes words: the replacement is empty, or the last
/// word of `removed` written again with a new capital ("We are proud to say that harbour" -> "Harbour").
fn is_deletion(removed: &str, replacement: &str) -> bool {
    let r = replacement.trim();
    r.is_empty()
        || removed.len() > r.len()
            && if removed.is_ascii() && r.is_ascii() {
                removed[removed.len() - r.len()..].eq_ignore_ascii_case(r)
            } else {
                removed.to_lowercase().ends_with(&r.to_lowercase())
            }
}

/// Whether `after` keeps every fact of `before` (each as often).
pub fn keeps_facts(before: &str, after: &str, hashtags_may_go: bool) -> bool {
    let want = sorted_facts(before, hashtags_may_go, false);
    want.is_empty() || contains_all(&sorted_facts(after, hashtags_may_go, true), &want)
}

/// The facts of `s` (`facts`), sorted for `contains_all`.
fn sorted_facts(s: &str, hashtags_may_go: bool, names_anywhere: bool) -> Vec<u64> {
    let mut f = facts(s, hashtags_may_go, names_anywhere);
    f.sort_unstable();
    f
}

/// Whether the sorted `have` holds every item of the sorted `want`, each as often.
fn contains_all(have: &[u64], want: &[u64]) -> bool {
    let mut j = 0;
    for f in want {
        while j < have.len() && have[j] < *f {
            j += 1;
        }
        if j == have.len() || have[j] != *f {
            return false;
        }
        j += 1;
    }
    true
}

/// A whole draft's facts and problems, worked out once, for checking each step of a rewrite against it.
pub struct Baseline {
    facts: Vec<u64>,
    problems: usize,
}

impl Baseline {
    pub fn of(draft: &str) -> Baseline {
        // Hashtags may go in a rewrite: the platform's norm decides how many stay.
        Baseline { facts: sorted_facts(draft, true, false), problems: problems(draft) }
    }

    /// Whether `candidate` loses a fact of the draft or reads worse than it.
    pub fn harmed_by(&self, candidate: &str) -> bool {
        !contains_all(&sorted_facts(candidate, true, true), &self.facts)
            || problems(candidate) > self.problems
    }
}

/// A word with its surrounding punctuation trimmed, but for the marks that make a fact (#, @, $, %, ...).
/// (ASCII bytes are read as they are; the `char` tests go on from the first byte that is not ASCII.)
fn core(word: &str) -> &str {
    // Most words are bare: a letter or digit at each end.
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric) && b.last().is_some_and(u8::is_ascii_alphanumeric) {
        return word;
    }
    let keep = |b: u8, marks: &[u8]| b >= 0x80 || b.is_ascii_alphanumeric() || marks.contains(&b);
    let from = word.bytes().position(|b| keep(b, b"#@$+")).unwrap_or(word.len());
    let w = word[from..].trim_start_matches(|c: char| {
        !c.is_alphanumeric() && !matches!(c, '#' | '@' | '$' | '£' | '€' | '+')
    });
    let to = w.bytes().rposition(|b| keep(b, b"%+/")).map_or(0, |p| p + 1);
    w[..to].trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '%' | '+' | '/'))
}

fn is_link(w: &str) -> bool {
    // Each way needs a dot or a colon.
    w.bytes().any(|b| matches!(b, b'.' | b':'))
        && (w.contains("://")
            || w.starts_with("www.")
            || w.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty()
                    && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && b.len() >= 2
                    && b.starts_with(|c: char| c.is_ascii_lowercase())
                    && [
                        "com", "org", "net", "io", "co", "uk", "me", "ly", "app", "dev", "ai", "gg", "info",
                        "biz",
                    ]
                    .iter()
                    .any(|t| {
                        b.strip_prefix(t).is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '.']))
                    })
            }))
}

/// Whether the capitals `raw` are a keyword a reader is asked to type ("comment \"GROWTH\"", "DM me GO"):
/// quoted, or after a word that asks for one. The bait goes with its keyword.
fn keyword(raw: &str, prev: Option<&str>) -> bool {
    raw.contains(['"', '\u{201C}', '\u{201D}', '\''])
        || prev.is_some_and(|p| {
            let asks = ["comment", "type", "reply", "text", "dm", "write", "say", "word", "message"];
            let p = core(p);
            if p.is_ascii() {
                asks.iter().any(|a| a.eq_ignore_ascii_case(p))
            } else {
                asks.contains(&p.to_lowercase().as_str())
            }
        })
}

fn all_caps(w: &str) -> bool {
    let (n, lower) = letters(w);
    n >= 2 && !lower
}

/// Whether `w` starts with a capital and has a lower-case letter after it.
fn capitalised(w: &str) -> bool {
    if w.is_ascii() {
        let b = w.as_bytes();
        b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().any(u8::is_ascii_lowercase)
    } else {
        w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
    }
}

/// The facts of `s`, each as a hash of its normal form (cheap to sort and compare, no allocation per word).
/// `names_anywhere`: a capitalised word counts as a name at the start of a sentence too.
fn facts(s: &str, hashtags_may_go: bool, names_anywhere: bool) -> Vec<u64> {
    let mut out = Vec::with_capacity(16);
    let stars = stars(s);
    // (`keeps_stars` counts them the same way.)
    if stars > 0 {
        out.push(hash(b'*', &stars.to_string(), false));
    }
    for line in s.lines() {
        line_facts(line, hashtags_may_go, names_anywhere, &mut out);
    }
    out
}

/// FNV-1a of `kind` and `s` (lower-cased when `lower`).
fn hash(kind: u8, s: &str, lower: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(kind);
    if lower && !s.is_ascii() {
        s.chars()
            .flat_map(char::to_lowercase)
            .for_each(|c| c.encode_utf8(&mut [0; 4]).bytes().for_each(&mut eat));
    } else {
        s.bytes().map(|b| if lower { b.to_ascii_lowercase() } else { b }).for_each(eat);
    }
    h
}

/// The facts of one line (a line break ends a sentence), added to `out`.
fn line_facts(line: &str, hashtags_may_go: bool, names_anywhere: bool, out: &mut Vec<u64>) {
    // Each word with the one before and the one after.
    let mut words = words::classed_words(line);
    let (mut prev, mut next) = (None, words.next());
    // Whether the word before ends a sentence (or there is none): a capital there is no name.
    let mut sentence_start = true;
    while let Some(raw) = next {
        next = words.next();
        let context = Around {
            prev: prev.map(|p: (&str, u16)| p.0),
            next: next.map(|n| n.0),
            hashtags_may_go,
            names_anywhere,
        };
        out.extend(word_fact(raw, &context, &mut sentence_start));
        prev = Some(raw);
    }
}

/// What `word_fact` reads around a word.
struct Around<'a> {
    prev: Option<&'a str>,
    next: Option<&'a str>,
    hashtags_may_go: bool,
    names_anywhere: bool,
}

/// The fact `raw` makes, if any; `sentence_start` says whether the word before ended a sentence, and is set
/// for the next.
fn word_fact((raw, classes): (&str, u16), around: &Around, sentence_start: &mut bool) -> Option<u64> {
    let Around { prev, next, .. } = *around;
    // Most words are plain lower-case words: only a number word or a day can make them a fact.
    let plain = classes & !(LOWER | PLAIN_MARK | DOT) == 0;
    let number_one = || next.is_some_and(|n| core(n).eq_ignore_ascii_case("one"));
    if plain {
        let w = raw.trim_end_matches([',', '.']);
        *sentence_start = raw.ends_with('.');
        return if fact_words().get(w.as_bytes(), true).has_number() {
            Some(hash(b'n', w, true))
        } else if w == "number" && number_one() {
            Some(hash(b'n', "number one", false))
        } else {
            None
        };
    }
    let w = core(raw);
    let starts = *sentence_start;
    *sentence_start = raw.ends_with(['.', '!', '?', ':'])
        || if classes & WIDE == 0 { classes & (LOWER | UPPER | DIGIT) == 0 } else { !has_alphanumeric(raw) };
    if w.is_empty() {
        return None;
    }
    let listed = fact_words().get(w.as_bytes(), true);
    let (letters, lower) = if classes & (WIDE | UPPER) == UPPER {
        (if classes & LOWER == 0 { letters(w).0 } else { 0 }, classes & LOWER != 0)
    } else if classes & WIDE == 0 {
        (0, true)
    } else {
        letters(w)
    };
    let shouting_run = |j: Option<&str>| j.is_some_and(|n| all_caps(core(n)));
    // (Trimming keeps every letter and digit of `raw`.)
    if classes & (DOT | AT_COLON) != 0 && (w.contains('@') || is_link(w)) {
        Some(hash(b'l', w, false))
    } else if w.starts_with('#') && !w.as_bytes()[1..].iter().any(u8::is_ascii_digit) {
        (!around.hashtags_may_go).then(|| hash(b'#', w, true))
    } else if classes & DIGIT != 0
        || w.starts_with(['$', '\u{a3}', '\u{20ac}'])
        || listed.has_number()
        || (listed.has(List::Month) && w.starts_with(char::is_uppercase))
    {
        Some(hash(b'n', w, true))
    } else if w.eq_ignore_ascii_case("number") && number_one() {
        Some(hash(b'n', "number one", false))
    } else if letters >= 2
        && !lower
        && letters <= 6
        && !listed.has(List::Shout)
        // Inside a run of capitals only a short word is an acronym ("AWS UG UK"); "HOURS ONLY" shouts.
        && (letters <= 4 || !shouting_run(prev) && !shouting_run(next))
        && !keyword(raw, prev)
    {
        // An acronym keeps its letters: "HIPAA".
        Some(hash(b'a', w, false))
    } else if (!starts || around.names_anywhere)
        && capitalised(w)
        && !matches!(w, "I" | "I'm" | "I've" | "I'll" | "I'd")
    {
        // A name inside a sentence ("Canva", "Sarah").
        Some(hash(b'N', w, false))
    } else {
        None
    }
}

/// Lines that read badly, counted in `s`: an "If ..." sentence with no main clause, a preposition or article
/// right before a full stop, a word doubled, the same opener twice.
pub fn problems(s: &str) -> usize {
    let mut n = 0;
    let b = s.as_bytes();
    let mut from = 0;
    let mut if_you = 0;
    // One pass: most bytes (letters, digits) play no part.
    for i in 0..b.len() {
        if !MARKS[usize::from(b[i])] {
            continue;
        }
        if ends_sentence(b, i) {
            n += sentence_problems(&s[from..i + 1]);
            from = i + 1;
        }
        // Punctuation a removal or template can leave: "Thursday?.", "(POWERFUL)" -> "()", "me,,", " ,".
        let doubled = matches!(
            b.get(i..i + 2),
            Some(
                [b'?' | b'!', b'.'] | [b',', b',' | b'.' | b':'] | [b' ', b','] | [b':', b'.'] | [b'(', b')']
            )
        );
        n += usize::from(doubled);
        if_you += usize::from(b[i] == b'I' && b[i..].starts_with(b"If you"));
    }
    n += sentence_problems(&s[from..]);
    // The same opener twice.
    if if_you > 1 {
        for opener in OPENERS {
            n += s.matches(opener).count().saturating_sub(1);
        }
    }
    n
}

/// The bytes `problems` stops at: sentence ends, the first of a doubled mark, the "I" of "If you".
const MARKS: [bool; 256] = {
    let mut m = [false; 256];
    let marks = b"\n.!?, :(I";
    let mut i = 0;
    while i < marks.len() {
        m[marks[i] as usize] = true;
        i += 1;
    }
    m
};

/// `problems` of one sentence (with its closing mark).
fn sentence_problems(sentence: &str) -> usize {
    let mut n = 0;
    // A sentence that opens on a comma or colon lost its first words (": 25% off").
    if trim_start(sentence).starts_with([',', ':', ';']) {
        n += 1;
    }
    let t = trim_end(trim_start_non_alphanumeric(sentence));
    // A subordinate clause alone ("If you'd like a free consultation.", "When the 100 seats are gone.").
    let first = t.split(' ').next().unwrap_or_default();
    let subordinate = first.len() < t.len()
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && lexicon::is_in(&first.to_ascii_lowercase(), &lexicon::SUBORDINATORS);
    if subordinate && !t.contains(',') && t.ends_with(['.', '!']) {
        n += 1;
    }
    let last = last_word(t);
    let bare = last.trim_end_matches(['.', '!']);
    let ends = last.ends_with(['.', '!']) && !last.ends_with("...");
    if ends && bare.bytes().all(|c| c.is_ascii_alphabetic() || c == b'\'') {
        n += usize::from(grammar_words().get(bare.as_bytes(), true).has(List::Dangling));
    }
    if let Some(pos) =
        has_if_you(t).then(|| t.find("If you'd like a ").or_else(|| t.find("If you'd like an "))).flatten()
    {
        let object = t[pos..].split_whitespace().nth(4).unwrap_or_default();
        n += usize::from(lower_is(core(object), List::Person));
    }
    // A word doubled ("the the").
    let mut prev = "";
    for (raw, classes) in words::classed_words(t) {
        // (A word of letters alone is its own core.)
        let w = if classes & !(LOWER | UPPER) == 0 { raw } else { core(raw) };
        if !w.is_empty() && w.eq_ignore_ascii_case(prev) && w.chars().all(char::is_alphabetic) {
            n += 1;
        }
        prev = w;
    }
    n
}

/// Whether the words either side of a deletion (at byte `seam` of `after`) read on: no dangling word before a
/// sentence end, no article before a bare participle, no intensifier left alone, no sentence of one or two words, no
/// back-reference to a removed sentence (`first_in_post`: nothing comes before the sentence).
fn seam_reads(before: &str, after: &str, seam: usize, first_in_post: bool) -> bool {
    let left = after[..seam].trim_end();
    let right = after[seam..].trim_start();
    let last_word = left.rsplit(char::is_whitespace).next().map(core).unwrap_or_default().to_lowercase();
    let next_word_raw = right.split(char::is_whitespace).next().unwrap_or_default();
    let next_word = core(next_word_raw).to_lowercase();
    let left_ends = left.is_empty() || left.ends_with(['.', '!', '?', '\n']);
    let right_ends = right.is_empty() || right.starts_with(['.', '!', '?', ',', ';', ':', '\n']);
    let (last_is, next_is) =
        (grammar_words().get(last_word.as_bytes(), false), grammar_words().get(next_word.as_bytes(), false));
    if right_ends && !left_ends && last_is.has(List::Dangling) {
        return false;
    }
    if last_is.has(List::Determiner)
        && next_word.ends_with("ed")
        && next_word.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return false;
    }
    // "PLEASE NOTE: places are limited and we expect..." must not read "PLEASE NOTE and we expect...": a
    // deletion may not leave "and", "or" or "but" joined to what it no longer joins (after a comma it may).
    let joins = matches!(next_word.as_str(), "and" | "or" | "but" | "nor");
    if joins && before.len() > after.len() && !left.ends_with([',', ';']) {
        return false;
    }
    // "a truly revolutionary release" must not read "a truly release".
    if last_is.has(List::Intensifier) && next_word.starts_with(char::is_alphabetic) && !left_ends {
        return false;
    }
    // A whole sentence removed: the next must not refer back to it.
    if left_ends && next_is.has(List::Anaphor) && before.len() > after.len() {
        let removed_sentence = before[seam..].trim_start().len() > right.len() + 1;
        if removed_sentence && !(left.is_empty() && first_in_post) {
            return false;
        }
    }
    // The sentence around the seam keeps three words or more: "Come down before they're gone!!!" cut to "Come
    // down!!!" read as a weak, odd line (panel 21), "It was!" as broken.
    let s_from = left.rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
    let s_to = right
        .char_indices()
        .find(|&(i, c)| {
            c == '\n' || matches!(c, '.' | '!' | '?') && !right[i + 1..].starts_with(char::is_alphanumeric)
        })
        .map_or(right.len(), |(i, _)| i);
    let words = left[s_from..].split_whitespace().chain(right[..s_to].split_whitespace());
    let n = words.filter(|w| w.contains(char::is_alphanumeric)).count();
    if n <= 2 && !left_ends {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether replacing the first `old` of `text` with `new` is safe.
    fn ok(text: &str, old: &str, new: &str) -> bool {
        let at = text.find(old).expect("old is in text");
        safe(text, at, at + old.len(), new, false)
    }

    #[test]
    fn a_count_keeps_the_clause_that_names_what_it_counts() {
        let text = "Home visit slots are filling up FAST, there's about 20 left before the deadline.";
        assert!(!ok(text, "Home visit slots are filling up FAST, t", "T"));
        let text = "Slots are filling up, so grab one in advance at example.com/demo and skip the queue.";
        assert!(!ok(text, "Slots are filling up, so g", "G"));
        assert!(ok("PAINLESS: whitening in one visit.", "PAINLESS: w", "W"), "a number, not a stand-in");
        // A count that names its noun stands alone.
        assert!(ok(
            "Slots are filling up FAST, there are 20 slots left.",
            "Slots are filling up FAST, t",
            "T"
        ));
    }

    #[test]
    fn a_conjunction_is_not_left_joining_nothing() {
        let text = "PLEASE NOTE: places are limited and we expect them to go quickly.";
        assert!(!ok(text, ": places are limited", ""));
        assert!(!ok("Amazing and affordable bread.", "Amazing ", ""));
        assert!(ok("We open at 8, hurry, and stay till late.", " hurry,", ""), "a comma may stand before it");
    }

    #[test]
    fn facts_stay() {
        assert!(!ok("Our sale ends in 48 HOURS ONLY, so come by.", " in 48 HOURS ONLY", ""));
        assert!(!ok("Rated ⭐⭐⭐⭐⭐ by our guests.", "⭐⭐⭐⭐⭐", "⭐"));
        assert!(!ok("We are fully HIPAA compliant.", "HIPAA", "hipaa"));
        assert!(!ok("The UK's number one clean skincare brand.", "number one ", ""));
        assert!(!ok("Book at example.com/book today.", "Book at example.com/book today.", "Happy to help."));
        assert!(!ok("My course on Canva is out.", "on Canva ", ""));
        assert!(!ok("Doors open Friday at the hall.", " Friday", ""));
        // Shouting is no acronym; calming it loses nothing.
        assert!(ok("HUGE NEWS TODAY: the shop is open.", "HUGE NEWS TODAY", "Huge news today"));
        assert!(!ok("A sister meetup of AWS UG UK, in London.", "AWS UG UK", "aws ug uk"));
        assert!(ok("Get it FREE this week.", "FREE", "free"));
        // Removing hashtags is fine only for the hashtag rule.
        assert!(!ok("Five tips for spring #a #b", " #a #b", ""));
        assert!(safe("Five tips for spring #a #b", 20, 26, "", true));
        // A name that now opens the sentence is kept; a keyword goes with its bait.
        assert!(ok(
            "We are proud to say that Harbour City won.",
            "We are proud to say that Harbour",
            "Harbour"
        ));
        assert!(ok(
            "Comment \"GROWTH\" and I'll send it. Thanks.",
            "Comment \"GROWTH\" and I'll send it.",
            "Ask me."
        ));
    }

    #[test]
    fn deletions_leave_whole_sentences() {
        assert!(!ok("It was amazing!! Thanks all.", " amazing", ""));
        assert!(!ok("Feels awesome. Thanks all.", " awesome", ""));
        assert!(!ok("Not because life is perfect.", " perfect", ""));
        assert!(!ok("Visit the top rated studio in town.", "top ", ""));
        assert!(!ok("It is a truly revolutionary release.", "revolutionary ", ""));
        assert!(!ok("We grew. Sales doubled. As a result, we hired.", " Sales doubled.", ""));
        assert!(ok("It's been an amazing journey.", "amazing ", ""));
        assert!(ok("Hurry! The shop opens at nine.", "Hurry! ", ""));
        // A subordinate clause left alone (panel 28).
        assert!(!ok("When the 100 seats are gone, registration closes.", ", registration closes", ""));
        assert!(ok("When the 100 seats are gone, registration closes. Book now.", " Book now.", ""));
    }

    #[test]
    fn templates_make_sentences() {
        assert!(!ok(
            "Book a free consultation now.",
            "Book a free consultation now.",
            "If you'd like a free consultation."
        ));
        assert!(!ok("Book via the site.", "Book via the site.", "You can book via."));
        assert!(!ok(
            "Enrol your child today.",
            "Enrol your child today.",
            "If you'd like a child, you can enrol one."
        ));
        assert!(!ok(
            "If you're interested, you can book it. Call 555-0100 now.",
            "Call 555-0100 now.",
            "If you're interested, you can call 555-0100."
        ));
        assert!(!ok("Register here:\n- one", "Register here:", "You can register here."));
        assert!(!ok(
            "Join us next Thursday? Bring a friend.",
            "Join us next Thursday?",
            "You can join us next Thursday?."
        ));
        assert!(ok(
            "Book your free review now: example.com/review",
            "Book your free review now: example.com/review",
            "If you'd like a free review, you can book one here: example.com/review."
        ));
    }
}
