//! Clauses and what they carry: where a sentence splits, whether a part holds content a reader needs (a link,
//! a price, a tip, an offer), and removing a clause or phrase so that what remains still reads.

use super::*;

/// Whether tokens `a..=b` hold something the reader needs: a link, @mention, phone number, price or
/// percentage, or a phrase of a value rule or of an offer (other than rule `skip`'s own phrases).
pub(super) fn holds_content(d: &Draft<'_>, a: usize, b: usize, skip: &str) -> bool {
    if b < a || b >= d.tokens.len() {
        return false;
    }
    content_in(d, a..b + 1)
        || hits_in(d, a, b).any(|h| {
            let r = &d.rules[h.rule];
            r.id != skip && (r.side == Side::Value || carries_offer(r))
        })
}

/// Whether tokens `range` hold something the reader needs: a link, @mention, phone number, price or percentage.
pub(super) fn content_in(d: &Draft<'_>, range: Range<usize>) -> bool {
    (range.start..).zip(&d.tokens.list[range]).any(|(i, tok)| {
        matches!(tok.kind, Kind::Url | Kind::Mention | Kind::Money | Kind::Percent)
            || (tok.kind == Kind::Number && number_end(d, i).is_some())
    })
}

/// Tokens `a..=b` without the match `first..=last` hold content. An offer phrase glued to the match is part of
/// the pressure, not an offer ("Places are | going fast", "Appointments are | filling up").
pub(super) fn content_outside(
    d: &Draft<'_>,
    a: usize,
    b: usize,
    first: usize,
    last: usize,
    skip: &str,
) -> bool {
    let end = b.min(d.tokens.len() - 1) + 1;
    let after = (last + 1).max(a);
    content_in(d, a..first.min(end).max(a))
        || content_in(d, after..end.max(after))
        || hits_in(d, a, b).any(|h| {
            let r = &d.rules[h.rule];
            let outside = h.last < first || h.first > last;
            // A soft offer glued to the pressure is part of it ("Places are | going fast"); a command next to
            // it is still the offer ("Come down | before they're gone").
            let glued =
                || (h.last + 1 == first || h.first == last + 1) && r.tags.iter().any(|g| g == "offer");
            outside && r.id != skip && (r.side == Side::Value || (carries_offer(r) && !glued()))
        })
}

/// Whether the token ranges `parts` say at least three words besides pressure (words not inside a hit of an
/// urgency-tagged rule): enough to stand without the pressure. Counting stops at the third word.
pub(super) fn says_enough(d: &Draft<'_>, parts: impl IntoIterator<Item = Range<usize>>) -> bool {
    const ENOUGH: usize = 3;
    let mut n = 0;
    for part in parts {
        n += free_words(d, part, ENOUGH - n);
        if n == ENOUGH {
            return true;
        }
    }
    false
}

/// Words of `range` not inside a hit of an urgency-tagged rule, counted up to `max`.
pub(super) fn free_words(d: &Draft<'_>, range: Range<usize>, max: usize) -> usize {
    // One walk along the hits: a word is covered when an urgency hit that starts at or before it reaches it.
    let end = range.end;
    let mut urgent = hits_from(d, range.start)
        .iter()
        .take_while(|h| h.first < end)
        .filter(|h| tagged(d, h, "urgency"))
        .peekable();
    let mut covered_to: Option<usize> = None;
    let mut n = 0;
    for (i, tok) in range.clone().zip(&d.tokens.list[range]) {
        if n == max {
            break;
        }
        if !counts_as_word(tok.kind) {
            continue;
        }
        while let Some(h) = urgent.next_if(|h| h.first <= i) {
            covered_to = covered_to.max(Some(h.last));
        }
        n += usize::from(covered_to.is_none_or(|c| c < i));
    }
    n
}

/// Clauses of tokens `a..=b` as word-token ranges, written to `out` (emptied first): split at separators and
/// sentence marks; a conjunction opens the clause it introduces.
pub(super) fn clauses(d: &Draft<'_>, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let t = d.tokens;
    out.clear();
    let mut start: Option<usize> = None;
    let mut prev = a;
    for (i, tok) in (a..).zip(&t.list[a..=b]) {
        // A separator, a line break, or a sentence mark after a word.
        let stop = match tok.kind {
            Kind::Emoji | Kind::Break => true,
            Kind::Punct => {
                is_separating_mark(d, i)
                    || (counts_as_word(t.list[prev].kind)
                        && raw_bytes(d, i).iter().any(|c| matches!(c, b'.' | b'!' | b'?')))
            }
            _ => false,
        };
        if stop {
            if let Some(s) = start.take() {
                out.push((s, prev));
            }
            continue;
        }
        if !tok.quoted && on_list(d, i, List::Conjunctions.bit()) && opens_clause(d, i, b) {
            if let Some(s) = start.take() {
                out.push((s, prev));
            }
        }
        if start.is_none() {
            start = Some(i);
        }
        prev = i;
    }
    if let Some(s) = start {
        out.push((s, prev));
    }
}

/// Whether the conjunction at `i` opens a clause: it is followed by a new subject, or it is "so" after a comma.
pub(super) fn opens_clause(d: &Draft<'_>, i: usize, b: usize) -> bool {
    let t = d.tokens;
    (i < b && on_list(d, i + 1, List::Subjects.bit()))
        || (t.norm(i) == "so" && i > 0 && t.list[i - 1].kind == Kind::Punct && t.norm(i - 1) == ",")
}

/// `read` of the clauses of sentence `s_first..=s_last` (`SentenceCache::clauses`) and of the clauses that hold
/// tokens `first` and `last`.
pub(super) fn with_clauses<R>(
    d: &Draft<'_>,
    (s_first, s_last): (usize, usize),
    (first, last): (usize, usize),
    read: impl FnOnce(&[(usize, usize)], Option<usize>, Option<usize>) -> R,
) -> R {
    SentenceCache::clauses(d, s_first, s_last, |cl| {
        let ci = cl.iter().position(|&(a, b)| a <= first && first <= b);
        let cj = cl.iter().position(|&(a, b)| a <= last && last <= b);
        read(cl, ci, cj)
    })
}

/// Remove the clauses `ci..=cj` (which hold the match `first..=last`) when they say nothing else the reader
/// needs and what remains still reads as a sentence. `sentence_content`: whether the sentence holds content
/// outside the match (`content_outside`); without it, its clauses hold none either.
pub(super) fn clause_removal(
    d: &Draft<'_>,
    cl: &[(usize, usize)],
    (ci, cj): (usize, usize),
    (first, last): (usize, usize),
    skip: &str,
    sentence_content: bool,
    allow_first: bool,
) -> Option<(Span, String)> {
    let t = d.tokens;
    if cl.len() < 2 || (ci == 0 && cj + 1 == cl.len()) {
        return None;
    }
    let (cf, cl_end) = (cl[ci].0, cl[cj].1);
    if sentence_content && content_outside(d, cf, cl_end, first, last, skip) {
        return None;
    }
    // The rest must say something besides pressure.
    let rest = || cl[..ci].iter().chain(&cl[cj + 1..]);
    let rest_content = rest().any(|&(a, b)| holds_content(d, a, b, skip));
    if !rest_content && !says_enough(d, rest().map(|&(a, b)| a..b + 1)) {
        return None;
    }
    // A clause that says more than its pressure stays: what a "so" clause rests on ("We take on a limited number
    // of new clients each year so we can give each one proper attention", panel 14), or a reason beside it
    // ("– I bought a pallet of elements and when they're gone the price goes back up": cut, the post lost why
    // the offer ends, panel 56).
    const MORE_THAN_PRESSURE: usize = 6;
    let said = free_words(d, cf..first, MORE_THAN_PRESSURE)
        + free_words(d, last + 1..cl_end + 1, MORE_THAN_PRESSURE);
    if said >= MORE_THAN_PRESSURE {
        return None;
    }
    if ci == 0 {
        if !allow_first {
            return None;
        }
        // "Appointments are filling up quickly, so tap ...": the clause, its comma and the "so" go.
        let mut n = cl[cj + 1].0;
        if is_word(d, n, &["so", "and", "but"]) && n < cl[cj + 1].1 {
            n += 1;
        }
        if on_list(d, n, List::NotAStart.bit())
            || t.list[n].kind != Kind::Word && !counts_as_word(t.list[n].kind)
        {
            return None;
        }
        return Some(removal(d, cf, n - 1));
    }
    // A later clause goes with the separator before it (brackets with their contents).
    let prev_word = (0..cf).rev().find(|&i| counts_as_word(t.list[i].kind))?;
    if on_list(d, prev_word, List::NotAnEnd.bit()) {
        return None;
    }
    let mut from = cf;
    let mut to = cl_end;
    if cf > 0 && t.list[cf - 1].kind == Kind::Punct && is_sep(d, cf - 1) {
        from = cf - 1;
        if t.norm(cf - 1) == "(" && to + 1 < t.len() && t.norm(to + 1) == ")" {
            to += 1;
        } else if t.norm(cf - 1) == "(" {
            return None;
        }
    }
    Some((cut(d, from, to), String::new()))
}

/// Smaller removals inside a clause that must stay: "a limited number of", a trailing "this weekend only",
/// a pushing "just" before a number.
#[allow(clippy::too_many_arguments)]
pub(super) fn phrase_removal(
    d: &Draft<'_>,
    cl: &[(usize, usize)],
    ci: Option<usize>,
    first: usize,
    last: usize,
    s_first: usize,
    s_last: usize,
    skip: &str,
) -> Option<(Span, String)> {
    let t = d.tokens;
    // "a limited number of new consultations" -> "new consultations".
    if first > s_first
        && last < s_last
        && is_word(d, first - 1, &["a", "an"])
        && is_word(d, last + 1, &["of"])
    {
        return Some(removal(d, first - 1, last + 1));
    }
    let (cf, c_end) = cl[ci?];
    // The whole sentence is pressure: that is a sentence drop, not a phrase.
    let whole = cf == s_first && first <= cf && !content_outside(d, s_first, s_last, first, last, skip);
    if whole {
        return None;
    }
    // "Up to 30% off e-bikes this weekend only": a trailing time phrase goes (not a verb phrase: "this offer
    // will not be repeated" keeps its verb).
    let tail_words = (last + 1..=c_end).filter(|&i| counts_as_word(t.list[i].kind)).count();
    let adverbial = on_list(d, first, List::AdverbialStarts.bit());
    if first > cf && adverbial && tail_words <= 2 && !holds_content(d, last + 1, c_end, skip) {
        let prev = first - 1;
        if !on_list(d, prev, List::NotAnEnd.bit()) {
            return Some((cut(d, first, c_end), String::new()));
        }
    }
    // "of just 14 days" -> "of 14 days".
    if first > cf {
        if let Some(p) = (first..=last).find(|&i| is_word(d, i, &["just", "only"])) {
            if p < last && matches!(t.list[p + 1].kind, Kind::Number | Kind::Money) {
                return Some(removal(d, p, p));
            }
        }
    }
    None
}

/// The span of a whole sentence to drop: with the list markers before it and the emoji after it when it fills
/// its line, else with the spaces after it.
pub(super) fn line_cut(d: &Draft<'_>, s_first: usize, s_last: usize) -> Span {
    let t = d.tokens;
    let mut a = s_first;
    let mut b = s_last;
    let fills_line = after_markers_only(d, s_first)
        && (s_last + 1..t.len())
            .take_while(|&i| t.list[i].kind != Kind::Break)
            .all(|i| matches!(t.list[i].kind, Kind::Emoji | Kind::Punct));
    if fills_line {
        while a > 0 && t.list[a - 1].kind != Kind::Break {
            a -= 1;
        }
        while b + 1 < t.len() && t.list[b + 1].kind != Kind::Break {
            b += 1;
        }
        let start = t.list[a].start as usize;
        let end = t.list[b].end as usize;
        // Take the line break too, so no empty line is left (one blank line between paragraphs stays).
        let line_break = d.text[end..].starts_with('\n') && (start == 0 || d.text[..start].ends_with('\n'));
        return widened_span(t, a, b, 0, usize::from(line_break));
    }
    cut(d, a, b)
}
