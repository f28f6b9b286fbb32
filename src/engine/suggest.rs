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
    /// Token ranges of value-side phrase hits, sorted (a sentence holding one is never dropped).
    pub value_hits: &'a [(usize, usize)],
}

/// Whether tokens `first..=last` hold something a suggestion must not delete or alter: a link or an @mention.
fn holds_contact(t: &Tokens, first: usize, last: usize) -> bool {
    t.list[first..=last].iter().any(|x| matches!(x.kind, Kind::Url | Kind::Mention))
}

/// The suggestions for one signal of `rule`.
pub fn build(rule: &Rule, sig: &Signal, d: &Draft<'_>) -> Vec<Suggestion> {
    let t = d.tokens;
    let matched = &d.text[sig.span.start..sig.span.end];
    let touches_contact = sig.tokens.is_some_and(|(f, l)| holds_contact(t, f, l));
    if touches_contact && !matches!(rule.fix, Fix::Sentence | Fix::Append) {
        return Vec::new();
    }
    match rule.fix {
        Fix::None => Vec::new(),
        Fix::Remove => vec![suggestion(sig.span, String::new(), format!("Remove \"{}\"", short(matched)))],
        Fix::Lowercase => {
            let mut lower = matched.to_lowercase();
            if sig.tokens.is_some_and(|(f, _)| t.starts_sentence(f)) {
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
            let at_start = sig.tokens.is_some_and(|(f, _)| t.starts_sentence(f));
            // An opener template brings its own colon: swallow the one that follows the match.
            let mut span = sig.span;
            if let Some((_, last)) = sig.tokens {
                if last + 1 < t.len() && t.list[last + 1].kind == Kind::Punct && t.norm(last + 1) == ":" {
                    span = t.span_of(sig.tokens.map_or(last, |x| x.0), last + 1);
                }
            }
            rule.suggest
                .iter()
                // A template ending in ':' opens a sentence; it only fits where the match opens one.
                .filter(|tpl| at_start || !tpl.trim_end().ends_with(':'))
                .map(|tpl| {
                    let text = fill(tpl, matched, "", d.topic);
                    let text = if at_start { capitalise(&text) } else { decapitalise(&text) };
                    let span = if tpl.trim_end().ends_with(':') { span } else { sig.span };
                    suggestion(span, text.clone(), format!("Try: \"{}\"", short(&text)))
                })
                .collect()
        }
        Fix::Sentence => {
            let Some((first, _)) = sig.tokens else { return Vec::new() };
            let (s_first, s_last) = sentence_of(t, first);
            let span = t.span_of(s_first, s_last);
            let contacts = contacts(d.text, t, s_first, s_last);
            let mut out = Vec::new();
            if rule.tags.iter().any(|tag| tag == "cta") {
                // A command: keep the offer, change the stance, from the command to the end of the sentence.
                let soft = soften(d.text, t, first, s_last, first == s_first);
                let span = t.span_of(first, s_last);
                out.push(suggestion(span, soft.clone(), format!("Try: \"{}\"", short(&soft))));
            }
            out.extend(rule.suggest.iter().map(|tpl| {
                let text = sentence_template(tpl, matched, &contacts, d.topic);
                suggestion(span, text.clone(), format!("Try: \"{}\"", short(&text)))
            }));
            out
        }
        Fix::DropSentence => {
            let Some((first, _)) = sig.tokens else { return Vec::new() };
            let (s_first, s_last) = sentence_of(t, first);
            let span = t.span_of(s_first, s_last);
            let contacts = contacts(d.text, t, s_first, s_last);
            let from = d.value_hits.partition_point(|&(a, _)| a + 64 < s_first);
            let holds_value = d.value_hits[from..]
                .iter()
                .take_while(|&&(a, _)| a <= s_last)
                .any(|&(a, b)| a <= s_last && s_first <= b);
            let holds_offer =
                t.list[s_first..=s_last].iter().any(|x| matches!(x.kind, Kind::Money | Kind::Percent));
            if !contacts.is_empty() {
                // The sentence carries the way to the offer: replace it, keeping the links.
                return rule
                    .suggest
                    .iter()
                    .map(|tpl| {
                        let text = sentence_template(tpl, matched, &contacts, d.topic);
                        suggestion(span, text.clone(), format!("Try: \"{}\"", short(&text)))
                    })
                    .collect();
            }
            let (first, last) = sig.tokens.unwrap_or((first, first));
            let is_edge = |i: Option<usize>| {
                i.is_none_or(|i| {
                    i < s_first || i > s_last || matches!(t.list[i].kind, Kind::Punct | Kind::Emoji)
                })
            };
            let ends_sentence =
                last + 1 > s_last || (t.list[last + 1].kind == Kind::Punct && t.norm(last + 1) != ",");
            let edges = (is_edge(first.checked_sub(1)) || ends_sentence) && is_edge(Some(last + 1));
            if edges && (first, last) != (s_first, s_last) {
                // A parenthetical ("TODAY ONLY!", ", ends midnight"): remove just the phrase.
                return vec![suggestion(sig.span, String::new(), format!("Remove \"{}\"", short(matched)))];
            }
            if holds_value || holds_offer {
                return Vec::new();
            }
            vec![suggestion(span, String::new(), "Drop this sentence".into())]
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

/// A whole-sentence replacement from a template, keeping the sentence's links even when the template has no
/// `{contacts}` slot.
fn sentence_template(tpl: &str, matched: &str, contacts: &str, topic: &str) -> String {
    let mut text = capitalise(&fill(tpl, matched, contacts, topic));
    if !tpl.contains("{contacts}") && !contacts.is_empty() {
        text = format!("{}: {contacts}", text.trim_end_matches(['.', '!']));
    } else if !text.ends_with(['.', '!', '?']) && contacts.is_empty() {
        text.push('.');
    }
    text
}

/// Words that push for a decision now; dropped when a command is softened.
const PUSH_WORDS: [&str; 8] = ["now", "today", "asap", "immediately", "tonight", "quickly", "fast", "hurry"];

/// Words that start a pressure clause ("before we sell out"); the clause is dropped when a command is softened.
const PRESSURE_CLAUSE: [&str; 5] = ["before", "while", "until", "ends", "hurry"];

/// Turn a command into an offer of help: "Book your call today!" becomes "If it helps, you can book your call."
/// The offer, links and @mentions stay; push words, pressure clauses, emoji, capitals and "!!!" go.
fn soften(text: &str, t: &Tokens, first: usize, last: usize, opens_sentence: bool) -> String {
    let mut out =
        String::from(if opens_sentence { "If it helps, you can " } else { "if it helps, you can " });
    let mut prev_end = t.list[first].start as usize;
    let mut skipping = false;
    let mut pending_comma = false;
    for i in first..=last {
        let tok = &t.list[i];
        let (start, end) = (tok.start as usize, tok.end as usize);
        let gap = &text[prev_end..start];
        prev_end = end;
        let norm = t.norm(i);
        if tok.kind == Kind::Emoji || (tok.kind == Kind::Punct && norm == ",") {
            skipping = false;
            pending_comma = i > first;
            continue;
        }
        // A pressure clause ends at punctuation; links and @mentions are always kept.
        if tok.kind == Kind::Punct || matches!(tok.kind, Kind::Url | Kind::Mention) {
            skipping = false;
        }
        if i > first && tok.kind == Kind::Word && PRESSURE_CLAUSE.contains(&norm) {
            skipping = true;
        }
        if skipping || (tok.kind == Kind::Word && PUSH_WORDS.contains(&norm)) {
            continue;
        }
        if pending_comma && tok.kind != Kind::Punct {
            out.push(',');
        }
        pending_comma = false;
        out.push_str(if gap.is_empty() || out.ends_with(' ') { "" } else { " " });
        match tok.kind {
            Kind::Punct if norm.contains('!') => out.push('.'),
            Kind::Word if (tok.caps && norm.len() > 3) || (i == first && !tok.caps) => out.push_str(norm),
            _ => out.push_str(&text[start..end]),
        }
    }
    let mut out = out.trim_end_matches([' ', ',']).replace(" ,", ",").replace(" .", ".");
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
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

/// The first and last token of the sentence holding token `i` (without line breaks).
pub fn sentence_of(t: &Tokens, i: usize) -> (usize, usize) {
    let (mut first, last) = t.sentence_bounds(t.list[i].sentence).unwrap_or((i, i));
    // Leading emoji belong to the previous thought; keep them out of the replaced sentence.
    while first < i && t.list[first].kind == Kind::Emoji {
        first += 1;
    }
    (first, last.max(i))
}

/// The sentence's links, @mentions and phone numbers, and "the link in my bio" when it points there.
fn contacts(text: &str, t: &Tokens, first: usize, last: usize) -> String {
    let mut out: Vec<&str> = Vec::new();
    for i in first..=last {
        let tok = &t.list[i];
        let keep = matches!(tok.kind, Kind::Url | Kind::Mention)
            || (tok.kind == Kind::Number
                && t.norm(i).len() >= 5
                && t.norm(i).bytes().all(|b| b.is_ascii_digit()));
        if keep {
            out.push(&text[tok.start as usize..tok.end as usize]);
        } else if t.norm(i) == "bio" {
            out.push("the link in my bio");
        }
    }
    out.join(" ")
}
