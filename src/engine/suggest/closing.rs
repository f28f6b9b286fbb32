//! The closing question (`fix = "append"`): offered only where it belongs. The post asks nothing yet (the rule's
//! detector sees to that), its kind admits a question (not thanks, condolences, greetings, celebrations,
//! personal news or a quote; not right after a line that announces what follows, "Here's the link:"), and it has
//! a topic the post writes as words (`topic::askable`: never a plural the text does not use, a verb read as a
//! plural or a mangled hashtag). Otherwise there is no question: a coach can explain without rewriting.

use super::super::lexicon::NO_QUESTION_MARKS;
use super::super::pack::Rule;
use super::super::text::Kind;
use super::{capitalised, common_slot, fill, label, suggestion, topic, Draft};
use crate::{Span, Suggestion};

/// The closing question for the post, if one belongs there: the first template of the platform (else of the
/// rule) that asks about the topic.
pub fn suggestions(rule: &Rule, d: &Draft<'_>) -> Vec<Suggestion> {
    if !admits_question(d.text) {
        return Vec::new();
    }
    let topic = d.topic();
    if !topic::askable(d.text, topic) {
        return Vec::new();
    }
    let templates = if d.closing.is_empty() { &rule.suggest } else { d.closing };
    let (span, before, after) = closing_point(d);
    templates
        .iter()
        .filter(|tpl| tpl.contains("{topic}"))
        .take(1)
        .filter_map(|tpl| {
            let q = capitalised(fill(tpl, |name, out| {
                match name {
                    "topic" => out.push_str(topic),
                    _ => common_slot(d, name, "", "", out),
                }
                Some(())
            })?);
            Some(suggestion(span, [before, &q, after].concat(), label("Close with: ", &q)))
        })
        .collect()
}

/// Whether the post's kind admits a closing question (see the module doc).
pub fn admits_question(text: &str) -> bool {
    let lower = text.to_lowercase();
    if NO_QUESTION_MARKS.iter().any(|m| lower.contains(m)) {
        return false;
    }
    let body = text.trim();
    // A quote: the post opens with a quotation mark, or a line is attributed ("- Maya Angelou").
    let quote = body.starts_with(['"', '\u{201C}', '\'', '\u{2018}'])
        || body.lines().any(|l| {
            let l = l.trim_start();
            (l.starts_with("- ") || l.starts_with('\u{2014}') || l.starts_with('\u{2013}'))
                && l.split_whitespace().nth(1).is_some_and(|w| w.starts_with(char::is_uppercase))
                && l.split_whitespace().count() <= 5
        });
    // The last line that is not hashtags announces what follows ("Here's the link:").
    let last = body.lines().rev().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#'));
    let announces = last.is_some_and(|l| l.ends_with(':'));
    !quote && !announces && body.split_whitespace().count() >= 12
}

/// Where a closing question goes: before a last line of hashtags (they close a LinkedIn post), else at the end.
/// Returns the insertion span and the text to put before and after the question.
pub fn closing_point(d: &Draft<'_>) -> (Span, &'static str, &'static str) {
    let t = d.tokens;
    let end = super::super::text::end_span(d.text, t.utf16_len);
    let sep = match d.text.trim_end_matches([' ', '\t']) {
        "" => "",
        s if s.ends_with('\n') => "\n",
        _ => "\n\n",
    };
    let Some(last) = t.list.iter().rposition(|x| x.kind != Kind::Break) else { return (end, sep, "") };
    let mut first = last;
    while first > 0 && t.list[first - 1].kind != Kind::Break {
        first -= 1;
    }
    let tags_only = (first..=last).all(|i| matches!(t.list[i].kind, Kind::Hashtag | Kind::Emoji))
        && t.list[first].kind == Kind::Hashtag;
    let blank_before = d.text[..t.list[first].start as usize].trim_end_matches([' ', '\t']).ends_with("\n\n");
    if tags_only
        && blank_before
        && !d.text[t.list[last].end as usize..].contains(|c: char| !c.is_whitespace())
    {
        let at = Span {
            end: t.list[first].start as usize,
            end_utf16: t.list[first].start16 as usize,
            ..t.span_of(first, first)
        };
        return (at, "", "\n\n");
    }
    (end, sep, "")
}
