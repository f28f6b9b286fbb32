//! Capital letters: at the start of what a suggestion writes (capitalised where it opens a sentence, lowered
//! inside one unless it is "I" or an acronym, in place when the letter is ASCII), and the `lowercase` fix that
//! lowers a shouted push (`lowering`).

/// `s` with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_capitalised(&mut out, s);
    out
}

/// `s` with its first letter in upper case, in place when that letter is ASCII.
pub(super) fn capitalised(mut s: String) -> String {
    if !s.as_bytes().first().is_some_and(u8::is_ascii) {
        return capitalise(&s);
    }
    s[..1].make_ascii_uppercase();
    s
}

/// Appends `s` to `out` with its first letter in upper case.
pub(super) fn push_capitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// Whether `s` keeps its capital where it is no longer first: "I", "I'm", or an acronym ("DM me").
pub(super) fn keeps_capital(s: &str) -> bool {
    s.starts_with("I ") || s.starts_with("I'") || s.chars().nth(1).is_some_and(char::is_uppercase)
}

/// `s` with its first letter in lower case (unless it keeps its capital), in place when that letter is ASCII.
pub(super) fn decapitalised(mut s: String) -> String {
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
pub(super) fn push_decapitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !keeps_capital(s) => {
            out.extend(f.to_lowercase());
            out.push_str(c.as_str());
        }
        _ => out.push_str(s),
    }
}

use super::super::lexicon::{
    is_call_verb, is_in, CODE_WORDS, DEADLINE_SHOUTS, HOLIDAYS, MONTHS, SELLING_SHOUTS, SHOUT_WORDS, WEEKDAYS,
};
use super::super::text::{Kind, Tokens};
use super::{raw, sentence_of, trying, Draft};
use crate::Suggestion;
use std::collections::{HashMap, HashSet};

/// Whether token `i` is a word written in capitals (two letters or more, letters and apostrophes only).
fn shouted_word(d: &Draft<'_>, i: usize) -> bool {
    let tok = &d.tokens.list[i];
    tok.kind == Kind::Word
        && tok.caps
        && raw(d, i).chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}'))
}

/// Whether token `i` may sit inside a shouted stretch between two words in capitals ("48", "£1,000", "25%",
/// ",", "&").
fn joins_stretch(d: &Draft<'_>, i: usize) -> bool {
    let tok = &d.tokens.list[i];
    matches!(tok.kind, Kind::Number | Kind::Money | Kind::Percent)
        || (tok.kind == Kind::Punct && matches!(raw(d, i), "," | "&"))
}

/// What the whole draft says about capitals, worked out once per draft on the first capitals finding
/// (`Draft::capitals`), so that a post with many shouted words is read once, not once per word.
#[derive(Debug, Default)]
pub struct Capitals<'a> {
    /// Whether the post holds code (an SQL keyword written in capitals).
    code: bool,
    /// How many times each word is written in capitals, by its lower-case form.
    shouted: HashMap<&'a str, u32>,
    /// Words written as a name somewhere ("HubSpot", "Lemon" inside a sentence), by their lower-case form.
    names: HashSet<&'a str>,
}

impl<'a> Capitals<'a> {
    pub fn of(text: &'a str, t: &'a Tokens) -> Capitals<'a> {
        let mut facts = Capitals::default();
        for (i, x) in t.list.iter().enumerate().filter(|(_, x)| x.kind == Kind::Word) {
            let norm = t.norm(i);
            if x.caps {
                *facts.shouted.entry(norm).or_default() += 1;
                facts.code |= matches!(norm, "select" | "join" | "where" | "group" | "inner");
            } else if text[x.start as usize..x.end as usize].starts_with(char::is_uppercase)
                && !t.starts_sentence(i)
            {
                facts.names.insert(norm);
            }
        }
        facts
    }
}

/// Whether the stretch `a..=b` opens its line (nothing but emoji, marks and figures before it: "⏰ 48 HOURS
/// ONLY"), and whether a word or figure follows it there ("BOOK TODAY before ...", not "🚨 FLASH SALE 🚨").
fn place_in_line(d: &Draft<'_>, a: usize, b: usize) -> (bool, bool) {
    let t = d.tokens;
    let opens_line =
        (0..a).rev().map(|i| &t.list[i]).take_while(|x| x.kind != Kind::Break).all(|x| {
            matches!(x.kind, Kind::Emoji | Kind::Punct | Kind::Number | Kind::Money | Kind::Percent)
        });
    let continues = t.list.get(b + 1).is_some_and(|x| {
        matches!(x.kind, Kind::Word | Kind::Number | Kind::Money | Kind::Percent | Kind::Url | Kind::Mention)
    });
    (opens_line, continues)
}

/// Whether an ellipsis comes right before token `a` ("Oh no they won't... OH YES THEY WILL").
fn after_ellipsis(d: &Draft<'_>, a: usize) -> bool {
    let dot = |i: usize| d.tokens.list[i].kind == Kind::Punct && matches!(raw(d, i), "." | "…");
    a > 0 && dot(a - 1) && (raw(d, a - 1) == "…" || a > 1 && dot(a - 2))
}

/// Lowering the shouting of the capitals run `first..=last` (`fix = "lowercase"`), only where a coach would:
/// the whole shouted stretch it belongs to ("ONLY 48 HOURS LEFT", "NEW YEAR, NEW YOU") at once, offered by the
/// run that opens it, and only a shouted push: a command opening its sentence ("BOOK YOUR FITTING TODAY") or
/// common shouts with a selling word ("£45 THIS WEEK ONLY", "We SOLD OUT"). No edit when the stretch
/// - is one word, or has a word that is neither a common shout nor after a command ("BAGEL FRIDAY");
/// - opens its line and no word follows it there (a banner: "IT'S HERE!!!", "🚨 FLASH SALE 🚨"), or opens it
///   and is no command ("📣 BIG NEWS for ..."), or is a bare line of its own (a section header);
/// - follows an ellipsis (a punchline), or has no selling word (joy: "she DID IT!!!");
/// - leaves its sentence shouting after it ("Book before 31st January and we'll throw in the CANDY FLOSS CART");
/// - holds anything but words of letters ("C_BCBAI_2509", "MAFT-ONN");
/// - labels what follows ("STRATEGIC LEADERSHIP: ...") or is a step of a sequence ("ACT → RECORD");
/// - sits beside a capitalised word inside its sentence (a name: "UNLEASH America", "OpenClaw CHANGELOG");
/// - sits in a line mostly in capitals (a header), or repeats one word ("ME ME ME");
/// - has a word, not a common shout, that the post writes in capitals elsewhere too (a product or a term:
///   "LEMON"), or a code keyword in a post that writes code ("LEFT JOIN");
/// - would read the same lowered.
///
/// Acronyms of up to four letters (not common shouts) keep their capitals; weekdays, months and feasts their
/// capital. Panel 40 rated the edits: lowering banners and joy read pointless, pushes inside a sentence helpful.
///
/// `whole_pitch`: the whole-post rewrite of a sales pitch, which also lowers a banner of common shouts ("IT'S
/// HERE!!!", "🔥🔥 LAST CHANCE 🔥🔥", "MY BOOK IS OUT TODAY!!"), one common shout ("ALL beans") and a stretch
/// whose sentence goes on shouting (the rewrite lowers the rest too): a rewrite that calmed the rest and left the
/// banner shouting read "headline still all caps" to readers (panels 39, 41 and 43), while as a one-click edit
/// on its own it read pointless (panel 40).
pub(super) fn lowering(d: &Draft<'_>, first: usize, last: usize, whole_pitch: bool) -> Option<Suggestion> {
    let t = d.tokens;
    let (s_first, s_last) = sentence_of(t, first);
    // The stretch: back and forward over capitals words, numbers and commas in the sentence.
    let mut a = first;
    while a > s_first && (shouted_word(d, a - 1) || joins_stretch(d, a - 1)) {
        a -= 1;
    }
    while a < first && !shouted_word(d, a) {
        a += 1;
    }
    // An earlier run of the stretch (five letters or more of words in a row) offers the edit.
    let mut letters = 0;
    for i in a..first {
        letters = if shouted_word(d, i) { letters + t.norm(i).len() } else { 0 };
        if letters >= 5 {
            return None;
        }
    }
    let mut b = last;
    while b < s_last && (shouted_word(d, b + 1) || joins_stretch(d, b + 1)) {
        b += 1;
    }
    while b > last && !shouted_word(d, b) {
        b -= 1;
    }
    let words: Vec<usize> = (a..=b).filter(|&i| t.list[i].kind == Kind::Word).collect();
    if words.iter().any(|&i| !shouted_word(d, i)) {
        return None;
    }
    // Only a shouted push is a coach's to calm: a command opening its sentence ("BOOK YOUR FITTING TODAY", "DON'T
    // MISS IT") or a stretch of common shouts ("THIS WEEK ONLY", "IT'S BACK"). A headline, a name or one word
    // stressed in capitals is the author's style (panels 1 and 2 recommended under half of those edits).
    let shouts = words.iter().all(|&i| is_in(t.norm(i), &SHOUT_WORDS));
    // The whole-pitch rewrite also lowers one common shout ("25% off ALL beans", "first month FREE"), of three
    // letters or more ("US" and "IT" alone are names).
    let one_shout = whole_pitch && words.len() == 1 && shouts && t.norm(words[0]).len() >= 3;
    if words.len() < 2 && !one_shout {
        return None;
    }
    let command = is_call_verb(t.norm(words[0])) && t.starts_sentence(a);
    let selling = shouts && words.iter().any(|&i| is_in(t.norm(i), &SELLING_SHOUTS));
    // Panel 40 recommended lowering a shouted push inside a sentence ("£45 THIS WEEK ONLY", "We SOLD OUT by
    // ...", "BOOK TODAY before we're full") and not a shouted banner opening a line ("IT'S HERE!!!", "🚨 FLASH
    // SALE 🚨", "📣 BIG NEWS for ..."), a punchline after an ellipsis or the author's joy ("she DID IT!!!").
    // A deadline or a length the author stresses ("TODAY ONLY", "in ONE DAY") is a fact of the offer: readers
    // called lowering it a false alarm on the main selling point (panels 53 and 54; one reader of 49). The
    // whole-pitch rewrite still lowers it with the rest.
    let deadline = words.iter().all(|&i| {
        let w = t.norm(i);
        is_in(w, &DEADLINE_SHOUTS) || is_in(w, &WEEKDAYS) || is_in(w, &MONTHS)
    });
    if deadline && !whole_pitch {
        return None;
    }
    let (opens_line, continues) = place_in_line(d, a, b);
    let push = (command || selling) && !(opens_line && !(command && continues)) && !after_ellipsis(d, a);
    if !(push || whole_pitch && shouts) {
        return None;
    }
    // A one-click edit that lowers the start of a sentence and leaves its rest shouting ("Book before 31st
    // January and we'll throw in the CANDY FLOSS CART FOR FREE", "We're open today and TOMORROW") reads as
    // de-stressing the one part the author meant (panels 40 and 44). The whole-pitch rewrite lowers them all.
    // Words shouted, not acronyms (up to four letters, not common shouts).
    let shouting = |i: usize| shouted_word(d, i) && (t.norm(i).len() > 4 || is_in(t.norm(i), &SHOUT_WORDS));
    if !whole_pitch && (b + 1..=s_last).any(shouting) {
        return None;
    }
    let text_at = |i: usize| raw(d, i);
    // Touching letters or marks outside the stretch: "MAFT-ONN", "CHANGELOG:", "ACT →".
    let before = &d.text[..t.list[a].start as usize];
    let after = &d.text[t.list[b].end as usize..];
    let prev_char = before.chars().next_back();
    let next_char = after.chars().next();
    if prev_char.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
        || next_char.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | ':'))
    {
        return None;
    }
    let marks = ['→', '←', '>', '|', '+', '⇒', '➡', '•'];
    let prev_gap = before.trim_end_matches([' ', '\t']);
    let next_gap = after.trim_start_matches([' ', '\t']);
    if prev_gap.ends_with(marks) || next_gap.starts_with(marks) || next_gap.starts_with(':') {
        return None;
    }
    // A capitalised word beside it inside the sentence: part of a name.
    let capital = |i: usize| t.list[i].kind == Kind::Word && text_at(i).starts_with(char::is_uppercase);
    if (a > s_first && a - 1 > s_first && capital(a - 1) && !t.list[a - 1].caps)
        || (b < s_last && capital(b + 1) && !t.list[b + 1].caps)
    {
        return None;
    }
    // An acronym inside ("DEF LEPPARD", "ALOE ECELL PVT LTD", "CEO ME ME"): a name, or a mix that lowering
    // would leave half in capitals.
    if words.iter().any(|&i| t.norm(i).len() <= 4 && !is_in(t.norm(i), &SHOUT_WORDS)) {
        return None;
    }
    // One word repeated ("ME ME ME"): a device, not shouting.
    if words.len() > 1 && words.iter().all(|&i| t.norm(i) == t.norm(words[0])) {
        return None;
    }
    // A section header: the stretch alone on its line, bare ("WHAT YOU GET" above a list).
    let blank = |gap: &str| gap.chars().all(|c| c == ' ' || c == '\t');
    let bare_before = blank(&before[before.rfind('\n').map_or(0, |p| p + 1)..]);
    if bare_before && after.find('\n').is_some_and(|n| blank(&after[..n])) {
        return None;
    }
    // A header line: mostly capitals outside the stretch.
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let line_end = t.list[b].end as usize + after.find('\n').unwrap_or(after.len());
    let outside = d.text[line_start..t.list[a].start as usize]
        .chars()
        .chain(d.text[t.list[b].end as usize..line_end].chars())
        .filter(|c| c.is_alphabetic());
    let (mut upper, mut letters) = (0, 0);
    for c in outside {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    if letters >= 6 && upper * 2 > letters {
        return None;
    }
    // A term the post writes in capitals elsewhere, or as a name, or code.
    let facts = d.capitals();
    for &w in &words {
        let norm = t.norm(w);
        if facts.code && is_in(norm, &CODE_WORDS) {
            return None;
        }
        let here = words.iter().filter(|&&i| t.list[i].caps && t.norm(i) == norm).count();
        let elsewhere = facts.shouted.get(norm).is_some_and(|&n| n as usize > here);
        if !is_in(norm, &SHOUT_WORDS) && elsewhere {
            return None;
        }
        if facts.names.contains(norm) {
            return None;
        }
    }
    // Written lower, but for acronyms, weekdays and months.
    let mut out = String::with_capacity(t.list[b].end as usize - t.list[a].start as usize);
    let mut at = t.list[a].start as usize;
    for i in a..=b {
        let tok = &t.list[i];
        out.push_str(&d.text[at..tok.start as usize]);
        let norm = t.norm(i);
        let written = text_at(i);
        if tok.kind != Kind::Word || (norm.len() <= 4 && !is_in(norm, &SHOUT_WORDS)) || norm == "i" {
            out.push_str(written);
        } else if is_in(norm, &WEEKDAYS[..7])
            || is_in(norm, &MONTHS)
            || is_in(norm, &HOLIDAYS)
            || (i == a && t.starts_sentence(a))
        {
            push_capitalised(&mut out, &written.to_lowercase());
        } else {
            out.push_str(&written.to_lowercase());
        }
        at = tok.end as usize;
    }
    let span = t.span_of(a, b);
    if out == d.text[span.start..span.end] {
        return None;
    }
    Some(trying(span, out))
}
