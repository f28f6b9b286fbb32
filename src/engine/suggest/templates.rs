//! Templates and the suggestions they make: `{slot}` filling, the `replace` fix, sentence templates with
//! `{who}` and `{promise}`, and the labels the button shows.

use super::*;

pub(super) fn replace(rule: &Rule, sig: &Signal, d: &Draft<'_>, matched: &str) -> Vec<Suggestion> {
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
            // A frame dropped before the next word ("I'm proud to share that I've" -> "I've") is labelled
            // with what it removes, not with the word that stays.
            let original = &d.text[span.start..span.end];
            let frame = original
                .len()
                .checked_sub(text.len())
                .filter(|&cut| {
                    cut > 0 && original.is_char_boundary(cut) && original[cut..].eq_ignore_ascii_case(&text)
                })
                .map(|cut| &original[..cut]);
            out.push(match frame {
                _ if text.is_empty() => removing(d, (span, text)),
                Some(frame) => suggestion(span, text, label("Remove ", frame)),
                None => trying(span, text),
            });
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
pub(super) fn is_clause(text: &str) -> bool {
    text.split(' ').take(4).any(|w| matches!(w, "is" | "are"))
}

/// Where a pushed link is, from the words that push it.
pub(super) fn place(matched: &str) -> Option<&'static str> {
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

/// A whole-sentence replacement from a template, keeping the sentence's links even when the template has no
/// `{contacts}` slot. `None` when a slot of the template cannot be filled.
pub(super) fn sentence_template(
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
pub(super) fn who(d: &Draft<'_>, first: usize, s_last: usize) -> Option<String> {
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
pub(super) fn promise(d: &Draft<'_>, last: usize, s_last: usize) -> Option<String> {
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

pub(super) fn suggestion(span: Span, text: String, label: String) -> Suggestion {
    Suggestion { span, text, label }
}

/// A suggestion writing `text` over `span`, labelled with it: `Try: "..."`.
pub(super) fn trying(span: Span, text: String) -> Suggestion {
    let label = label("Try: ", &text);
    suggestion(span, text, label)
}

/// A removal (or a removal that recapitalises or fixes an article), labelled with the words it removes.
pub(super) fn removing(d: &Draft<'_>, (span, text): (Span, String)) -> Suggestion {
    let label = label("Remove ", removed_words(&d.text[span.start..span.end], &text));
    suggestion(span, text, label)
}

/// The words of `before` that `after` no longer has: what the two do not share at the start, nor at the end
/// (ignoring case, since a removal recapitalises what follows: "Places are going fast, so tap" -> "Tap"
/// removed "Places are going fast, so"), widened to whole words; all of `before` when they share everything.
pub(super) fn removed_words<'a>(before: &'a str, after: &str) -> &'a str {
    let mut start = before.bytes().zip(after.bytes()).take_while(|(a, b)| a == b).count();
    while !before.is_char_boundary(start) {
        start -= 1;
    }
    let shared_end = before[start..]
        .chars()
        .rev()
        .zip(after[start.min(after.len())..].chars().rev())
        .take_while(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let mut end = before.len() - shared_end;
    let in_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    while start > 0 && in_word(before[..start].chars().next_back()) && in_word(before[start..].chars().next())
    {
        start -= before[..start].chars().next_back().map_or(1, char::len_utf8);
    }
    while end < before.len()
        && in_word(before[..end].chars().next_back())
        && in_word(before[end..].chars().next())
    {
        end += before[end..].chars().next().map_or(1, char::len_utf8);
    }
    let removed = before[start..end.max(start)].trim_matches(|c: char| c.is_whitespace() || c == ',');
    if removed.is_empty() {
        before
    } else {
        removed
    }
}

/// A label: `prefix` and `text` in quotes, trimmed and cut to 60 characters (`Try: "..."`).
pub(super) fn label(prefix: &str, text: &str) -> String {
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
pub(super) fn fill(tpl: &str, mut slot: impl FnMut(&str, &mut String) -> Option<()>) -> Option<String> {
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
pub(super) fn common_slot(d: &Draft<'_>, name: &str, matched: &str, contacts: &str, out: &mut String) {
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
