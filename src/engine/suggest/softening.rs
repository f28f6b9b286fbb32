//! Softening a command into an offer the reader can take up (`fix = "sentence"`): where a command sits in its
//! sentence, what it offers and where (object, link, phone, place), pressure clauses dropped, bait turned into
//! the real way to reach the author.

use super::*;

/// How a command sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lead {
    /// It opens the sentence.
    Start,
    /// After a comma, colon, emoji or "so"; `true` when the sentence already opens with "if"/"when".
    Clause(bool),
    /// Joined to an earlier command by "or"/"and".
    Joined,
}

/// Whether the words at `first` are a command (at the start of a clause), and from which token the edit
/// starts ("Just come along": "just" goes too). `None` for "if anyone wants to come along".
pub(super) fn command_lead(d: &Draft<'_>, first: usize, s_first: usize) -> Option<(usize, Lead)> {
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
pub(super) fn pushes(d: &Draft<'_>, first: usize) -> bool {
    let t = d.tokens;
    let (_, s_last) = sentence_of(t, first);
    (first..=s_last.min(first + 40)).any(|i| {
        on_list(d, i, List::Push.bit())
            || t.list[i].caps
            || (t.list[i].kind == Kind::Punct && t.norm(i).contains('!'))
    })
}

pub(super) fn sentence_fix(
    rule: &Rule,
    d: &Draft<'_>,
    first: usize,
    last: usize,
    matched: &str,
) -> Vec<Suggestion> {
    let t = d.tokens;
    let Some((s_first, s_last)) = scanned_sentence(t, first) else { return Vec::new() };
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
        // A template stands in for the whole sentence. One that says the sentence's own words again ({who},
        // {promise}) fits anywhere; a stock one only where the sentence says little besides the bait ("Like and
        // share if this resonates."), never over a sentence that says something of its own.
        let bait_only = bait_only(d, (s_first, s_last), (first, last));
        let own_words = |tpl: &&String| tpl.contains("{who}") || tpl.contains("{promise}");
        // A sentence that also tells the reader how to book, buy or reach the author (a link, a phone number,
        // a call to action) keeps it: no template stands in for it ("pass it on" would lose how to book).
        let carries_route = !contacts.is_empty()
            || hits_in(d, s_first, s_last)
                .any(|h| (h.last < first || h.first > last) && (tagged(d, h, "cta") || tagged(d, h, "link")));
        if carries_route {
            return out;
        }
        for tpl in rule.suggest.iter().filter(|tpl| bait_only || own_words(tpl)) {
            let Some(text) = sentence_template(d, tpl, matched, contacts, first, last, s_last) else {
                continue;
            };
            out.push(trying(span, text));
        }
        out
    })
}

/// Whether the sentence `s_first..=s_last` says at most three words besides the match `first..=last` and its
/// own bait or calls to action.
fn bait_only(d: &Draft<'_>, (s_first, s_last): (usize, usize), (first, last): (usize, usize)) -> bool {
    let covered = |i: usize| {
        (first..=last).contains(&i)
            || hits_in(d, i, i).any(|h| tagged(d, h, "bait") || tagged(d, h, "cta") || tagged(d, h, "hook"))
    };
    let free = (s_first..=s_last).filter(|&i| counts_as_word(d.tokens.list[i].kind) && !covered(i)).count();
    free <= 3
}

/// Whether the sentence at `s_first` is a list item: list markers (emoji, bullets, numbers) and nothing else
/// before it on its line.
pub(super) fn is_list_item(d: &Draft<'_>, s_first: usize) -> bool {
    let t = d.tokens;
    let Some(w) =
        (s_first..t.len()).find(|&i| !matches!(t.list[i].kind, Kind::Number | Kind::Punct | Kind::Emoji))
    else {
        return false;
    };
    w > 0 && t.list[w - 1].kind != Kind::Break && t.list[w].kind == Kind::Word && after_markers_only(d, w)
}

pub(super) fn first_word_of_post(d: &Draft<'_>) -> usize {
    d.tokens.list.iter().position(|x| counts_as_word(x.kind)).unwrap_or(0)
}

/// "to the first 30 businesses that sign up": a call to action inside a "first N" clause is scarcity; the
/// clause goes, from "to the first" to the end of the clause.
pub(super) fn scarcity_clause(
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
pub(super) fn bait_alternative(
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

/// A command made calmer, only where that is clearly better and keeps everything the reader needs
/// (`fix = "sentence"` on a call to action). "Don't hesitate to call" becomes "Feel free to call"; a shouted
/// "NOW" after a command is lowered ("DM me NOW for a viewing" -> "DM me now for a viewing"). Anything else gets
/// no edit: a plain, clear call to action ("Book now at example.com/book!" read weaker as "Bookings are open at ...",
/// panels 4, 6 and 10), "Don't wait" (it mostly comes with a real reason, panel 10), advice in an essay, a
/// command with more to it; a generic "If you're interested, you can ..." is weaker and reads robotic.
pub(super) fn soften(
    d: &Draft<'_>,
    from: usize,
    first: usize,
    last: usize,
    lead: Lead,
) -> Option<(Span, String)> {
    let t = d.tokens;
    let verb = first;
    if is_word(d, verb, &["don't", "dont"]) {
        let next = (verb < last).then(|| t.norm(verb + 1));
        if next == Some("hesitate") && verb + 2 <= last && t.norm(verb + 2) == "to" {
            // "Don't hesitate to call" -> "Feel free to call".
            let text = if lead == Lead::Start { "Feel free to" } else { "feel free to" };
            return Some((t.span_of(from, verb + 2), text.to_string()));
        }
        // "Don't wait" mostly comes with a real reason (dates fill up, 180 seats): readers kept it (panel 10),
        // so the finding explains; "Don't wait for opportunities" is advice and is not touched either.
        return None;
    }
    // Hashtags closing the sentence are not part of the command: they stay where they are, last.
    let mut last = last;
    while last > verb && t.list[last].kind == Kind::Hashtag {
        last -= 1;
    }
    // A plain command stays a command: "Book now 👉 link" made a statement ("Bookings are open at link.") read
    // weaker or pointless to the readers of panels 4, 6 and 10, so only a shouted push word is lowered.
    shouted_push(d, verb, last)
}

/// "DM me NOW for a private showing" -> "DM me now for a private showing": a push word in capitals within three
/// words of the command's verb is lowered, when words follow it (the offer stays whole). Cut, it left "Book and
/// tell Dan I sent you" flat and a true scarcity bare (panels 26 and 34: both readers asked for a lower-case
/// "now"). "Book NOW 👉 link" keeps it: a false alarm next to real scarcity (panel 11).
fn shouted_push(d: &Draft<'_>, verb: usize, last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    let p = (verb + 1..=last.min(verb + 3))
        .take_while(|&i| t.list[i].kind == Kind::Word)
        .find(|&i| !t.list[i].quoted && is_word(d, i, &["now", "asap", "immediately"]))?;
    let words_follow = p < last && t.list[p + 1].kind == Kind::Word;
    // Shouted, in capitals: a plain "Register now before it fills up" is a normal call to action (panel 14).
    if !words_follow || !t.list[p].caps {
        return None;
    }
    // The same push shouted again on its line ("DM NOW DM NOW DM NOW"): one lowered among the others read
    // half-done (both readers of panel 62).
    let line = |i: &usize| t.list[*i].kind != Kind::Break;
    let from = (0..verb).rev().take_while(line).last().unwrap_or(verb);
    let to = (p + 1..t.len()).take_while(line).last().unwrap_or(p);
    let again = |i: usize| i != p && t.list[i].kind == Kind::Word && t.list[i].caps && t.norm(i) == t.norm(p);
    if (from..=to).any(again) {
        return None;
    }
    // From the verb (lowered when shouted: "BUY" -> "Buy"; "DM" stays) through the push word; the words
    // shouted with it are lowered too ("CALL US NOW" -> "Call us", not "Call US").
    let v = &t.list[verb];
    let lowered = v.caps && t.norm(verb).len() > 2;
    let mut text = if lowered {
        let lower = t.norm(verb).to_string();
        if t.starts_sentence(verb) {
            capitalised(lower)
        } else {
            lower
        }
    } else {
        raw(d, verb).to_string()
    };
    let mut at = v.end as usize;
    for i in verb + 1..=p {
        let w = &t.list[i];
        text.push_str(&d.text[at..w.start as usize]);
        if (lowered || i == p) && w.caps && w.kind == Kind::Word {
            text.push_str(t.norm(i));
        } else {
            text.push_str(raw(d, i));
        }
        at = w.end as usize;
    }
    Some((t.span_of(verb, p), text))
}
