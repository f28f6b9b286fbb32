//! Suggestions: the concrete one-click edits attached to a finding, built from the rule's `fix` and `suggest`
//! templates. Templates may use `{match}` (the matched words), `{contacts}` (the sentence's links, @mentions
//! and phone numbers, so an offer stays reachable) and `{topic}` (what the post is about).

use super::pack::{Fix, Rule};
use super::signals::Signal;
use super::text::{Kind, Tokens};
use crate::{Span, Suggestion};

/// Everything a suggestion may need from the draft.
pub struct Draft<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    /// What the post is about, for closing questions.
    pub topic: &'a str,
    /// Closing-question templates of the platform.
    pub closing: &'a [String],
}

/// The suggestions for one signal of `rule`.
pub fn build(rule: &Rule, sig: &Signal, d: &Draft<'_>) -> Vec<Suggestion> {
    let t = d.tokens;
    let matched = &d.text[sig.span.start..sig.span.end];
    match rule.fix {
        Fix::None => Vec::new(),
        Fix::Remove => vec![suggestion(sig.span, String::new(), format!("Remove \"{}\"", short(matched)))],
        Fix::Lowercase => {
            let mut lower = matched.to_lowercase();
            if sig.tokens.is_some_and(|(f, _)| starts_sentence(t, f)) {
                lower = capitalise(&lower);
            }
            vec![suggestion(sig.span, lower.clone(), format!("Try: \"{}\"", short(&lower)))]
        }
        Fix::Calm => {
            let calm = if matched.contains('?') {
                "?".to_string()
            } else if matched.contains('!') {
                ".".to_string()
            } else {
                matched.chars().next().map(String::from).unwrap_or_default()
            };
            vec![suggestion(sig.span, calm.clone(), format!("Calm it to \"{calm}\""))]
        }
        Fix::Replace => {
            let at_start = sig.tokens.is_some_and(|(f, _)| starts_sentence(t, f));
            rule.suggest
                .iter()
                .map(|tpl| {
                    let text = fill(tpl, matched, "", d.topic);
                    let text = if at_start { capitalise(&text) } else { decapitalise(&text) };
                    suggestion(sig.span, text.clone(), format!("Try: \"{}\"", short(&text)))
                })
                .collect()
        }
        Fix::Sentence => {
            let Some((first, _)) = sig.tokens else { return Vec::new() };
            let (s_first, s_last) = sentence_of(t, first);
            let span = t.span_of(s_first, s_last);
            let contacts = contacts(d.text, t, s_first, s_last);
            rule.suggest
                .iter()
                .map(|tpl| {
                    let mut text = capitalise(&fill(tpl, matched, &contacts, d.topic));
                    if !text.ends_with(['.', '!', '?']) && contacts.is_empty() {
                        text.push('.');
                    }
                    suggestion(span, text.clone(), format!("Try: \"{}\"", short(&text)))
                })
                .collect()
        }
        Fix::Append => {
            let templates = if d.closing.is_empty() { &rule.suggest } else { d.closing };
            let sep = match d.text.trim_end_matches([' ', '\t']) {
                "" => "",
                s if s.ends_with('\n') => "\n",
                _ => "\n\n",
            };
            let span = super::text::end_span(d.text, t.utf16_len);
            templates
                .iter()
                .map(|tpl| {
                    let q = capitalise(&fill(tpl, "", "", d.topic));
                    suggestion(span, format!("{sep}{q}"), format!("Close with: \"{}\"", short(&q)))
                })
                .collect()
        }
    }
}

fn suggestion(span: Span, text: String, label: String) -> Suggestion {
    Suggestion { span, text, label }
}

fn fill(tpl: &str, matched: &str, contacts: &str, topic: &str) -> String {
    let contacts = if contacts.is_empty() { String::new() } else { format!(": {contacts}") };
    tpl.replace("{match}", matched).replace("{contacts}", &contacts).replace("{topic}", topic)
}

fn short(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(60) {
        Some((b, _)) => format!("{}...", &s[..b]),
        None => s.to_string(),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn decapitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("I ") && !s.starts_with("I'") => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

/// Whether token `i` is the first word of its sentence (ignoring emoji and punctuation before it).
fn starts_sentence(t: &Tokens, i: usize) -> bool {
    let s = t.list[i].sentence;
    (0..i)
        .rev()
        .take_while(|&j| t.list[j].sentence == s)
        .all(|j| matches!(t.list[j].kind, Kind::Punct | Kind::Emoji | Kind::Break))
}

/// The first and last token of the sentence holding token `i` (without line breaks).
pub fn sentence_of(t: &Tokens, i: usize) -> (usize, usize) {
    let s = t.list[i].sentence;
    let mut first = i;
    while first > 0 && t.list[first - 1].sentence == s && t.list[first - 1].kind != Kind::Break {
        first -= 1;
    }
    // Leading emoji belong to the previous thought; keep them out of the replaced sentence.
    while first < i && t.list[first].kind == Kind::Emoji {
        first += 1;
    }
    let mut last = i;
    while last + 1 < t.len() && t.list[last + 1].sentence == s && t.list[last + 1].kind != Kind::Break {
        last += 1;
    }
    (first, last)
}

/// The sentence's links, @mentions and phone numbers, and "the link in my bio" when it points there.
fn contacts(text: &str, t: &Tokens, first: usize, last: usize) -> String {
    let mut out: Vec<&str> = Vec::new();
    for i in first..=last {
        let tok = &t.list[i];
        let keep = matches!(tok.kind, Kind::Url | Kind::Mention)
            || (tok.kind == Kind::Number && t.norm(i).bytes().filter(u8::is_ascii_digit).count() >= 5);
        if keep {
            out.push(&text[tok.start as usize..tok.end as usize]);
        } else if t.norm(i) == "bio" {
            out.push("the link in my bio");
        }
    }
    out.join(" ")
}
