//! Removing words without leaving a seam: the span with its spaces, the article fixed, the next word
//! capitalised, emoji brackets taken along; an opening banner; a price anchor.

use super::*;

/// The span from token `a`'s start less `before` bytes to token `b`'s end plus `after` bytes, where the bytes
/// added are ASCII (spaces, tabs, a line break): one UTF-16 unit each, so the UTF-16 offsets come from the
/// tokens'.
pub(super) fn widened_span(t: &Tokens, a: usize, b: usize, before: usize, after: usize) -> Span {
    let (s, e) = (&t.list[a], &t.list[b]);
    Span {
        start: s.start as usize - before,
        end: e.end as usize + after,
        start_utf16: s.start16 as usize - before,
        end_utf16: e.end16 as usize + after,
    }
}

/// The span to remove for tokens `a..=b` with the spaces on one side, so no double space is left.
pub(super) fn cut(d: &Draft<'_>, a: usize, b: usize) -> Span {
    let t = d.tokens;
    let (s, e) = (t.list[a].start as usize, t.list[b].end as usize);
    let text = d.text.as_bytes();
    let after = text[e..].iter().take_while(|c| **c == b' ' || **c == b'\t').count();
    let before = text[..s].iter().rev().take_while(|c| **c == b' ' || **c == b'\t').count();
    let line_start = s - before == 0 || text[s - before - 1] == b'\n';
    let next_is_mark =
        text.get(e + after).is_some_and(|c| matches!(c, b',' | b'.' | b'!' | b'?' | b':' | b';'));
    // ", our award-winning team and": the removal starts at a comma glued to a word; the space after it stays.
    let glued = before == 0 && s > 0 && text[s - 1] != b'\n' && text[s - 1] != b' ';
    if glued {
        return t.span_of(a, b);
    }
    if after > 0 && (line_start || !next_is_mark) {
        widened_span(t, a, b, 0, after)
    } else {
        widened_span(t, a, b, before, 0)
    }
}

/// Whether the text before token `i` on its line is only list markers (emoji, bullets, numbers).
pub(super) fn after_markers_only(d: &Draft<'_>, i: usize) -> bool {
    let t = d.tokens;
    let mut j = i;
    while j > 0 {
        j -= 1;
        match t.list[j].kind {
            Kind::Break => return true,
            Kind::Emoji | Kind::Punct | Kind::Number => {}
            _ => return false,
        }
    }
    true
}

/// Whether token `i` begins a sentence (or a list item).
pub(super) fn at_start(d: &Draft<'_>, i: usize) -> bool {
    d.tokens.starts_sentence(i) || after_markers_only(d, i)
}

/// Remove the banner `first..=last` when it opens its sentence and only labels it: what follows it is a mark
/// (":", "!", "-"), an emoji or the end of the line. The marks go with it.
pub(super) fn label_removal(d: &Draft<'_>, first: usize, last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    if !at_start(d, first) {
        return None;
    }
    let mut b = last;
    while b + 1 < t.len()
        && t.list[b + 1].kind == Kind::Punct
        && matches!(t.norm(b + 1), ":" | "!" | "-" | "!!")
    {
        b += 1;
    }
    let labels = b > last
        || b + 1 >= t.len()
        || matches!(t.list[b + 1].kind, Kind::Emoji | Kind::Break)
        || t.list[b + 1].kind == Kind::Punct && t.norm(b + 1).contains('!');
    labels.then(|| removal(d, first, b))
}

/// Remove tokens `a..=b`: at the start of a sentence the next word is capitalised, inside one a preceding
/// "a"/"an" is made to fit the next word, and emoji that bracketed the removed words go with them.
pub(super) fn removal(d: &Draft<'_>, a: usize, b: usize) -> (Span, String) {
    let t = d.tokens;
    let mut b = b;
    let mut a = a;
    // "☕ FLASH SALE ☕ 25% off": the closing emoji of a bracket goes too.
    if a > 0 && b + 1 < t.len() && emoji_like(d, a - 1) && emoji_like(d, b + 1) {
        b += 1;
        while b + 1 < t.len() && emoji_like(d, b + 1) && t.list[b + 1].start == t.list[b].end {
            b += 1;
        }
    }
    // "⏰ ONLY 48 HOURS LEFT ⏰ Every $1...": when the bracket opened the line, the opening emoji goes as well.
    if a > 0 && emoji_like(d, b) && emoji_like(d, a - 1) && (a == 1 || t.list[a - 2].kind == Kind::Break) {
        a -= 1;
    }
    // "HUGE NEWS!!! 🚀🚀🚀 Our agency...": without its adjective an opening label says nothing; the label goes
    // whole, with its marks and emoji.
    if at_start(d, a) {
        let (_, s_last) = sentence_of(t, a);
        let rest = b + 1..=s_last;
        let label_only = rest.clone().all(|i| {
            on_list(d, i, List::Labels.bit()) || matches!(t.list[i].kind, Kind::Punct | Kind::Emoji)
        });
        if s_last > b && label_only && rest.clone().any(|i| t.list[i].kind == Kind::Word) {
            b = s_last;
            while b + 1 < t.len() && matches!(t.list[b + 1].kind, Kind::Emoji) {
                b += 1;
            }
        }
    }
    if let Some(span) = whole_line(d, a, b) {
        return (span, String::new());
    }
    let next = (b + 1 < t.len()).then_some(b + 1).filter(|&n| t.list[n].kind != Kind::Break);
    if at_start(d, a) {
        if let Some(n) = next.filter(|&n| t.list[n].kind == Kind::Word && !t.list[n].quoted) {
            return (t.span_of(a, n), capitalise(raw(d, n)));
        }
    }
    if let (Some(art), Some(n)) = (a.checked_sub(1), next) {
        // "A massive thank you" -> "Thank you": without its adjective the thanks takes no article.
        if is_word(d, art, &["a", "an"]) && is_word(d, n, &["thank", "thanks"]) {
            let text = if at_start(d, art) { capitalise(raw(d, n)) } else { raw(d, n).to_string() };
            return (t.span_of(art, n), text);
        }
        if is_word(d, art, &["a", "an"]) && t.list[n].kind == Kind::Word {
            let want = if starts_with_vowel(t.norm(n)) { "an" } else { "a" };
            if want != t.norm(art) {
                let word = if raw(d, art).starts_with('A') { capitalise(want) } else { want.to_string() };
                let span = Span {
                    start: t.list[art].start as usize,
                    start_utf16: t.list[art].start16 as usize,
                    ..cut(d, a, b)
                };
                return (span, word + " ");
            }
        }
    }
    (cut(d, a, b), String::new())
}

/// When removing tokens `a..=b` would leave their line empty or holding only emoji ("Big news! 🎉🎉" above the
/// post, panel 66), the span of the whole line with its line breaks: the breaks after it, or before it when it
/// closes the post. `None` when the line keeps a word, a number or a mark.
fn whole_line(d: &Draft<'_>, a: usize, b: usize) -> Option<Span> {
    let t = d.tokens;
    let (mut s, mut e) = (a, b);
    while s > 0 && emoji_like(d, s - 1) {
        s -= 1;
    }
    while e + 1 < t.len() && emoji_like(d, e + 1) {
        e += 1;
    }
    let opens = s == 0 || t.list[s - 1].kind == Kind::Break;
    let closes = e + 1 == t.len() || t.list[e + 1].kind == Kind::Break;
    if !opens || !closes {
        return None;
    }
    let mut z = e;
    while z + 1 < t.len() && t.list[z + 1].kind == Kind::Break {
        z += 1;
    }
    let (first, last) = (&t.list[s], &t.list[e]);
    if let Some(next) = t.list.get(z + 1) {
        return Some(Span {
            start: first.start as usize,
            end: next.start as usize,
            start_utf16: first.start16 as usize,
            end_utf16: next.start16 as usize,
        });
    }
    // The last line: the breaks before it go, back to the end of the text above.
    let above = (0..s).rev().find(|&i| t.list[i].kind != Kind::Break)?;
    let prev = &t.list[above];
    Some(Span {
        start: prev.end as usize,
        end: last.end as usize,
        start_utf16: prev.end16 as usize,
        end_utf16: last.end16 as usize,
    })
}

/// The price anchor in or around the match `first..=last`, to remove: (span, replacement).
pub(super) fn anchor(d: &Draft<'_>, first: usize, last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    let (s_first, s_last) = sentence_of(t, first);
    let money = (first..=last).find(|&i| t.list[i].kind == Kind::Money)?;
    let (mut a, mut b) = if money > s_first
        && is_word(d, money - 1, &["worth", "was", "normally", "usually", "rrp"])
    {
        (money - 1, money)
    } else if money > s_first + 1 && is_word(d, money - 1, &["at"]) && is_word(d, money - 2, &["valued"]) {
        (money - 2, money)
    } else if money + 3 <= s_last
        && is_word(d, money + 1, &["instead"])
        && is_word(d, money + 2, &["of"])
        && t.list[money + 3].kind == Kind::Money
    {
        (money + 1, money + 3)
    } else {
        return None;
    };
    let bracketed = a > 0 && t.norm(a - 1) == "(" && b + 1 < t.len() && t.norm(b + 1) == ")";
    if bracketed {
        a -= 1;
        b += 1;
    } else {
        // "It's worth $495" says what something is worth, it does not anchor a price; "was" only in brackets.
        let prev = a.checked_sub(1).filter(|&p| p >= s_first);
        if is_word(d, a, &["was", "normally", "usually"])
            || prev.is_some_and(|p| is_word(d, p, &["is", "it's", "that's", "are", "be", "was", "were"]))
        {
            return None;
        }
    }
    // Take the space before the anchor, not the one after it.
    let start = t.list[a].start as usize;
    let space = d.text[..start].len() - d.text[..start].trim_end_matches(' ').len();
    Some((widened_span(t, a, b, space, 0), String::new()))
}

/// Hashtags worth keeping first: the ones whose words the post writes (`#Observability` on a post about
/// observability, `#Noidajobs` on a job in Noida, the employer's own tag).
fn tag_in_body(tag: &str, body_words: &[String]) -> bool {
    let tag = tag.trim_start_matches('#').to_lowercase();
    body_words.iter().any(|w| {
        *w == tag
            || (w.len() >= 4 && tag.contains(w.as_str()))
            || (tag.len() >= 4 && w.contains(tag.as_str()))
    })
}

/// Trimming a long closing list of hashtags (`fix = "remove"` on the hashtags detector): only a list of six or
/// more at the end of the post, and only down to the platform's norm (`allowed`, the tags before the
/// finding's first); the tags the post's text talks about stay, and the rest keep their order. No edit when
/// the list is short, sits inside sentences, or holds no tag the text does not talk about.
pub(super) fn hashtag_trim(d: &Draft<'_>, first: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    // The closing block: hashtags with nothing but line breaks between them, up to the end.
    let last = (0..t.len()).rev().find(|&i| t.list[i].kind != Kind::Break)?;
    let mut a = last;
    while a > 0 && matches!(t.list[a - 1].kind, Kind::Hashtag | Kind::Break) {
        a -= 1;
    }
    if t.list[last].kind != Kind::Hashtag {
        return None;
    }
    while t.list[a].kind != Kind::Hashtag {
        a += 1;
    }
    let tags: Vec<usize> = (a..=last).filter(|&i| t.list[i].kind == Kind::Hashtag).collect();
    if tags.len() < 6 {
        return None;
    }
    let allowed = (0..first).filter(|&i| t.list[i].kind == Kind::Hashtag).count();
    if allowed >= tags.len() {
        return None;
    }
    let body_words: Vec<String> = (0..a)
        .filter(|&i| t.list[i].kind == Kind::Word && t.norm(i).len() >= 2)
        .map(|i| t.norm(i).to_string())
        .collect();
    let relevant: Vec<bool> = tags.iter().map(|&i| tag_in_body(raw(d, i), &body_words)).collect();
    // Keep every relevant tag, then the earliest others, up to `allowed` in all (or every relevant one).
    let n_relevant = relevant.iter().filter(|&&r| r).count();
    let mut room = allowed.saturating_sub(n_relevant);
    let keep: Vec<bool> = relevant
        .iter()
        .map(|&r| {
            r || (room > 0 && {
                room -= 1;
                true
            })
        })
        .collect();
    if keep.iter().all(|&k| k) {
        return None;
    }
    let kept: Vec<&str> = tags.iter().zip(&keep).filter(|(_, &k)| k).map(|(&i, _)| raw(d, i)).collect();
    let span = t.span_of(tags[0], *tags.last()?);
    Some((span, kept.join(" ")))
}
