//! Do no harm: the last check every suggestion passes before it is offered, and every whole-post rewrite step
//! before it is kept. An edit is dropped (the finding still explains, with no replacement) when, around it:
//! - a **fact** is lost: a number, price, percentage, date or deadline word, rating stars, a link, @mention,
//!   e-mail, an acronym ("HIPAA"), a name ("Canva"), a hashtag (unless the rule is about too many hashtags), or
//!   a number word ("number one", "three");
//! - a **sentence breaks**: a deletion leaves an article, preposition, possessive or linking verb at the end of
//!   a sentence ("It was!", "Feels."), an article before a bare participle ("the rated studio"), a one-word
//!   sentence, or a sentence that refers back ("As a result", "This") to one that was removed;
//! - a **template misfires**: an "If ..." sentence with no main clause ("If you'd like a free consultation."),
//!   a colon that introduced what follows is lost ("Register here:"), punctuation left doubled ("Thursday?."),
//!   a preposition before a full stop ("book via."), an offer of a person ("If you'd like a child"), a word
//!   doubled at the seam, or an opener the text already uses ("If you're interested" twice).
//!
//! Facts and problems are read from plain text (not tokens), so the same check serves a suggestion (the
//! sentence around its span, before and after) and the rewrite (the whole post before and after).

use super::super::lexicon::{
    is_in, ANAPHORA, DANGLING_END, DETERMINERS, INTENSIFIERS, MONTHS, NUMBER_WORDS, PEOPLE, SHOUT_WORDS,
    WEEKDAYS,
};

/// How far around an edit the check looks, in bytes each side (the sentence and its neighbours, usually).
const WINDOW: usize = 240;

/// Whether replacing bytes `start..end` of `text` with `replacement` is safe to offer (see the module doc).
/// `hashtags_may_go`: the edit belongs to a rule about too many hashtags, whose fix removes some.
pub fn safe(text: &str, start: usize, end: usize, replacement: &str, hashtags_may_go: bool) -> bool {
    let from = window_start(text, start);
    let to = window_end(text, end);
    let before = &text[from..to];
    let mut after = String::with_capacity(before.len() + replacement.len());
    after.push_str(&text[from..start]);
    after.push_str(replacement);
    after.push_str(&text[end..to]);
    let seam = start - from;
    // A sentence that introduced what follows ("Register here:") keeps its colon.
    let removed = text[start..end].trim_end();
    let keeps_colon =
        !removed.ends_with(':') || replacement.is_empty() || replacement.trim_end().ends_with(':');
    keeps_colon
        && keeps_facts(before, &after, hashtags_may_go)
        && problems(&after) <= problems(before)
        && (!is_deletion(&text[start..end], replacement) || seam_reads(before, &after, seam))
}

/// Whether replacing `removed` with `replacement` only deletes words: the replacement is empty, or the last
/// word of `removed` written again with a new capital ("We are proud to say that harbour" -> "Harbour").
fn is_deletion(removed: &str, replacement: &str) -> bool {
    let r = replacement.trim();
    r.is_empty() || (removed.len() > r.len() && removed.to_lowercase().ends_with(&r.to_lowercase()))
}

/// Whether `after` keeps every fact of `before` (each as often).
pub fn keeps_facts(before: &str, after: &str, hashtags_may_go: bool) -> bool {
    // A name that now opens a sentence is still there: names are looked for anywhere in `after`.
    let (mut a, mut b) = (facts(before, hashtags_may_go, false), facts(after, hashtags_may_go, true));
    a.sort_unstable();
    b.sort_unstable();
    let mut j = 0;
    for f in &a {
        while j < b.len() && b[j] < *f {
            j += 1;
        }
        if j == b.len() || b[j] != *f {
            return false;
        }
        j += 1;
    }
    true
}

fn window_start(text: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    // From a line start when there is one close by.
    text[from..at].rfind('\n').map_or(from, |p| from + p + 1)
}

fn window_end(text: &str, at: usize) -> usize {
    let mut to = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[at..to].find('\n').map_or(to, |p| at + p)
}

/// A word with its surrounding punctuation trimmed, but for the marks that make a fact (#, @, $, %, ...).
fn core(word: &str) -> &str {
    word.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '#' | '@' | '$' | '£' | '€' | '+'))
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '%' | '+' | '/'))
}

fn is_link(w: &str) -> bool {
    w.contains("://")
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
                .any(|t| b == *t || b.starts_with(&format!("{t}/")) || b.starts_with(&format!("{t}.")))
        })
}

/// Whether the capitals `raw` are a keyword a reader is asked to type ("comment \"GROWTH\"", "DM me GO"):
/// quoted, or after a word that asks for one. The bait goes with its keyword.
fn keyword(raw: &str, prev: Option<&&str>) -> bool {
    raw.contains(['"', '\u{201C}', '\u{201D}', '\''])
        || prev.is_some_and(|p| {
            ["comment", "type", "reply", "text", "dm", "write", "say", "word", "message"]
                .contains(&core(p).to_lowercase().as_str())
        })
}

fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The facts of `s`, normalised for comparison. `names_anywhere`: a capitalised word counts as a name at the
/// start of a sentence too.
fn facts(s: &str, hashtags_may_go: bool, names_anywhere: bool) -> Vec<String> {
    let mut out = Vec::new();
    let stars = s.chars().filter(|c| matches!(c, '\u{2B50}' | '\u{2605}')).count();
    if stars > 0 {
        out.push(format!("stars:{stars}"));
    }
    for line in s.lines() {
        line_facts(line, hashtags_may_go, names_anywhere, &mut out);
    }
    out
}

/// The facts of one line (a line break ends a sentence), added to `out`.
fn line_facts(line: &str, hashtags_may_go: bool, names_anywhere: bool, out: &mut Vec<String>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    // Whether the word before ends a sentence (or there is none): a capital there is no name.
    let mut sentence_start = true;
    for (k, raw) in words.iter().enumerate() {
        let w = core(raw);
        let starts = sentence_start;
        sentence_start = raw.ends_with(['.', '!', '?', ':']) || !raw.contains(char::is_alphanumeric);
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        let shouting_run = |j: Option<&&str>| j.is_some_and(|n| all_caps(core(n)));
        let fact = if w.contains('@') || is_link(w) {
            Some(w.to_string())
        } else if w.starts_with('#') && !w[1..].contains(|c: char| c.is_ascii_digit()) {
            (!hashtags_may_go).then(|| lower.clone())
        } else if w.contains(|c: char| c.is_ascii_digit())
            || w.starts_with(['$', '£', '€'])
            || is_in(&lower, &NUMBER_WORDS)
            || is_in(&lower, &WEEKDAYS)
            || (is_in(&lower, &MONTHS) && w.starts_with(char::is_uppercase))
        {
            Some(lower.clone())
        } else if lower == "number" && words.get(k + 1).is_some_and(|n| core(n).eq_ignore_ascii_case("one")) {
            Some("number one".into())
        } else if all_caps(w)
            && w.chars().filter(|c| c.is_alphabetic()).count() <= 6
            && !is_in(&lower, &SHOUT_WORDS)
            // Inside a run of capitals only a short word is an acronym ("AWS UG UK"); "HOURS ONLY" shouts.
            && (w.chars().filter(|c| c.is_alphabetic()).count() <= 4
                || !shouting_run(k.checked_sub(1).and_then(|p| words.get(p))) && !shouting_run(words.get(k + 1)))
            && !keyword(raw, k.checked_sub(1).and_then(|p| words.get(p)))
        {
            // An acronym in a sentence that is not shouting keeps its letters: "HIPAA".
            Some(w.to_string())
        } else if (!starts || names_anywhere)
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && !matches!(w, "I" | "I'm" | "I've" | "I'll" | "I'd")
        {
            // A name inside a sentence ("Canva", "Sarah").
            Some(w.to_string())
        } else {
            None
        };
        out.extend(fact);
    }
}

/// Lines that read badly, counted in `s`: an "If ..." sentence with no main clause, a preposition or article
/// right before a full stop, a word doubled, the same opener twice.
pub fn problems(s: &str) -> usize {
    let mut n = 0;
    for sentence in sentences(s) {
        // A sentence that opens on a comma or colon lost its first words (": 25% off").
        if sentence.trim_start().starts_with([',', ':', ';']) {
            n += 1;
        }
        let t = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
        if (t.starts_with("If ") || t.starts_with("if ")) && !t.contains(',') && t.ends_with(['.', '!']) {
            n += 1;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        if let Some(last) = words.last() {
            let bare = last.trim_end_matches(['.', '!']);
            let ends = last.ends_with(['.', '!']) && !last.ends_with("...");
            if ends && bare.chars().all(char::is_alphabetic) && is_in(&bare.to_lowercase(), &DANGLING_END) {
                n += 1;
            }
        }
        if let Some(pos) = t.find("If you'd like a ").or_else(|| t.find("If you'd like an ")) {
            let object = t[pos..].split_whitespace().nth(4).unwrap_or_default();
            if is_in(&core(object).to_lowercase(), &PEOPLE) {
                n += 1;
            }
        }
        for pair in words.windows(2) {
            let (a, b) = (core(pair[0]), core(pair[1]));
            if !a.is_empty() && a.eq_ignore_ascii_case(b) && a.chars().all(char::is_alphabetic) {
                n += 1;
            }
        }
    }
    for opener in ["If you're interested", "If you'd like", "No pressure", "Happy to answer"] {
        n += s.matches(opener).count().saturating_sub(1);
    }
    // Punctuation a removal or template can leave: "Thursday?.", "(POWERFUL)" -> "()", "me,,".
    for seam in ["?.", "!.", ",,", " ,", ",.", ":.", ",:", "()", "( )", " — —"] {
        n += s.matches(seam).count();
    }
    n
}

/// The sentences of `s`: split after `.`, `!`, `?` followed by a space, and at line breaks.
fn sentences(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n').flat_map(|line| {
        let mut out = Vec::new();
        let mut start = 0;
        let b = line.as_bytes();
        for i in 0..b.len() {
            if matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1) == Some(&b' ') {
                out.push(&line[start..=i]);
                start = i + 1;
            }
        }
        out.push(&line[start..]);
        out.into_iter().filter(|x| !x.trim().is_empty())
    })
}

/// Whether the words either side of a deletion (at byte `seam` of `after`) read on: no dangling word before a
/// sentence end, no article before a bare participle, no intensifier left alone, no one-word sentence, no
/// back-reference to a removed sentence.
fn seam_reads(before: &str, after: &str, seam: usize) -> bool {
    let left = after[..seam].trim_end();
    let right = after[seam..].trim_start();
    let last_word = left.rsplit(char::is_whitespace).next().map(core).unwrap_or_default().to_lowercase();
    let next_word_raw = right.split(char::is_whitespace).next().unwrap_or_default();
    let next_word = core(next_word_raw).to_lowercase();
    let left_ends = left.is_empty() || left.ends_with(['.', '!', '?', '\n']);
    let right_ends = right.is_empty() || right.starts_with(['.', '!', '?', ',', ';', ':', '\n']);
    if right_ends && !left_ends && is_in(&last_word, &DANGLING_END) {
        return false;
    }
    if is_in(&last_word, &DETERMINERS)
        && next_word.ends_with("ed")
        && next_word.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return false;
    }
    // "a truly revolutionary release" must not read "a truly release".
    if is_in(&last_word, &INTENSIFIERS) && next_word.starts_with(char::is_alphabetic) && !left_ends {
        return false;
    }
    // A whole sentence removed: the next must not refer back to it.
    if left_ends && is_in(&next_word, &ANAPHORA) && before.len() > after.len() {
        let removed_sentence = before[seam..].trim_start().len() > right.len() + 1;
        if removed_sentence && !left.is_empty() {
            return false;
        }
    }
    // The sentence around the seam keeps two words or more.
    let s_from = left.rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
    let s_to = right
        .char_indices()
        .find(|&(i, c)| {
            c == '\n' || matches!(c, '.' | '!' | '?') && !right[i + 1..].starts_with(char::is_alphanumeric)
        })
        .map_or(right.len(), |(i, _)| i);
    let words = left[s_from..].split_whitespace().chain(right[..s_to].split_whitespace());
    let n = words.filter(|w| w.contains(char::is_alphanumeric)).count();
    if n == 1 && !left_ends {
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
