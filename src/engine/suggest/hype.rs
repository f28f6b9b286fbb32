//! When a big adjective ("amazing", "world-class", "massive") is worth removing: only where it sells the
//! author's own offer. Praise of other people ("my amazing coworkers"), a predicate ("The energy was amazing"),
//! a figure of speech ("It's amazing how ...") and a sentence that is about neither the author nor an offer
//! a sentence of thanks ("Huge thanks", "Thank you to our dedicated organisers") keep their words: a coach would not call those hype, and removing them changes what the author says.

use super::super::lexicon::{
    is_in, DETERMINERS, GENEROUS_WORDS, INTENSIFIERS, KEPT_CLAIMS, MEASURES, PEOPLE, POSSESSIVES, PREDICATES,
    SERVICE_NOUNS,
};
use super::super::text::Kind;
use super::{about_us, carries_offer, hits_in, is_word, raw, sentence_of, Draft};
use crate::Side;

/// Whether the hype words `first..=last` are worth removing (see the module doc).
pub fn worth_removing(d: &Draft<'_>, first: usize, last: usize) -> bool {
    let t = d.tokens;
    // A claim of fact or a product line ("bestselling", "#1", "premium") is explained, not cut: cutting it
    // drops a fact or changes the offer ("My #1 bestselling book" -> "My #1 book"). A noun ("a complete
    // game-changer for me") heads its phrase, and without it the sentence breaks.
    if (first..=last).any(|i| is_in(t.norm(i), &KEPT_CLAIMS)) || raw(d, first).starts_with('#') {
        return false;
    }
    let (s_first, s_last) = sentence_of(t, first);
    // A predicate, also behind adverbs: "It is honestly GAME-CHANGING" would leave "It is honestly."
    let mut before = first;
    while before > s_first && (t.norm(before - 1).ends_with("ly") || is_in(t.norm(before - 1), &INTENSIFIERS))
    {
        before -= 1;
    }
    if before > s_first && is_word(d, before - 1, &PREDICATES) {
        return false;
    }
    let next_word = (last + 1..=s_last).find(|&i| t.list[i].kind == Kind::Word);
    let thanks =
        (s_first..=s_last).any(|i| t.list[i].kind == Kind::Word && is_in(t.norm(i), &GENEROUS_WORDS));
    // "an unmatched level of service": without its adjective a measure says nothing ("a level of service").
    if thanks || next_word.is_some_and(|i| is_in(t.norm(i), &PEOPLE) || is_in(t.norm(i), &MEASURES)) {
        return false;
    }
    // "delivering best-in-class service to our clients" -> "delivering service": with no article or possessive
    // before it, a noun of service says nothing without its adjective (panel 63; "that world-class service" can
    // lose it). After "a" or "an" it is as empty: "to deliver an unparalleled experience" -> "an experience"
    // (panel 73).
    let bare = first == s_first
        || matches!(t.norm(first - 1), "a" | "an")
        || !is_in(t.norm(first - 1), &DETERMINERS)
            && !is_in(t.norm(first - 1), &POSSESSIVES)
            && !matches!(t.norm(first - 1), "that" | "these" | "those");
    if bare && next_word.is_some_and(|i| is_in(t.norm(i), &SERVICE_NOUNS)) {
        return false;
    }
    let offer = hits_in(d, s_first, s_last).any(|h| {
        d.rules[h.rule].side != Side::Value
            && carries_offer(&d.rules[h.rule])
            && (h.last < first || h.first > last)
    });
    offer || about_us(d, s_first, s_last)
}
