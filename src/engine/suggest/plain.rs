//! `{plain}`: an announcement said plainly. An emotion frame ("We are thrilled to announce that") goes before a
//! clause or becomes the plain verb ("We are unveiling"); labels ("Big news:") go; push words and "!" go.

use super::*;

/// The `{plain}` form of the match `first..=last`: (span to replace, text).
pub(super) fn plain(d: &Draft<'_>, first: usize, last: usize) -> Option<(Span, String)> {
    let t = d.tokens;
    let (_, s_last) = sentence_of(t, first);
    if let Some(e) = (first..=last).find(|&i| on_list(d, i, List::Emotions.bit())) {
        return unframe(d, first, last, e, s_last);
    }
    let words: Vec<usize> = (first..=last).filter(|&i| t.list[i].kind == Kind::Word).collect();
    // "Big news:", "Introducing:": a label that opens the sentence goes, with its colon. Without its mark it is
    // the sentence's verb ("Introducing Muthoni AA, our finest release"): cut, a fragment would be left.
    if at_start(d, first) && !words.is_empty() && words.iter().all(|&i| on_list(d, i, List::Labels.bit())) {
        let mut b = last;
        while b < s_last
            && t.list[b + 1].kind == Kind::Punct
            && matches!(t.norm(b + 1), ":" | "-" | "," | "!")
        {
            b += 1;
        }
        let stands_alone = b > last || b >= s_last || matches!(t.list[b + 1].kind, Kind::Emoji | Kind::Break);
        return stands_alone.then(|| removal(d, first, b));
    }
    // "now available", "just released", "finally here" keep their words: they date the news, and dropping them
    // changes nothing a reader minds. Only "!" and capitals are calmed.
    let mut out = String::new();
    let mut changed = false;
    let mut prev_end: Option<usize> = None;
    for i in first..=last {
        let tok = &t.list[i];
        let piece = match tok.kind {
            Kind::Punct if t.norm(i).contains('!') => {
                changed = true;
                ".".to_string()
            }
            Kind::Word if tok.caps && t.norm(i) != "i" => t.norm(i).to_string(),
            _ => raw(d, i).to_string(),
        };
        if let Some(pe) = prev_end {
            if pe < tok.start as usize && !out.is_empty() && tok.kind != Kind::Punct {
                out.push(' ');
            }
        }
        out.push_str(&piece);
        prev_end = Some(tok.end as usize);
    }
    if !changed {
        return None;
    }
    let out = if at_start(d, first) { capitalise(&out) } else { out };
    Some((t.span_of(first, last), out))
}

/// An emotion frame ("We are incredibly proud to unveil", "Humbled and honoured to share that"): before a
/// clause it goes; before an object the plain verb stays ("We are unveiling").
pub(super) fn unframe(
    d: &Draft<'_>,
    first: usize,
    last: usize,
    emo: usize,
    s_last: usize,
) -> Option<(Span, String)> {
    let t = d.tokens;
    // After a condition the frame offers, it does not announce ("If you're weighing the same decision, I'm happy
    // to share the numbers": "I'm sharing" broke the offer, panel 63).
    let (s_first, _) = sentence_of(t, first);
    if (s_first..first)
        .any(|i| t.list[i].kind == Kind::Word && lexicon::is_in(t.norm(i), &lexicon::SUBORDINATORS))
    {
        return None;
    }
    // The verb: the word after "to" that follows the emotion words.
    let to = (emo..=last.min(s_last)).find(|&i| is_word(d, i, &["to"]))?;
    let verb = to + 1;
    if verb > s_last || t.list[verb].kind != Kind::Word {
        return None;
    }
    // Where the frame starts: back over intensifiers, "am/are/is" and a we/I subject.
    let mut from = emo.min(first);
    while from > 0 && {
        let p = from - 1;
        t.list[p].sentence == t.list[emo].sentence
            && (on_list(d, p, List::Intensifiers.bit()) || on_list(d, p, List::FrameSubjects.bit()))
    } {
        from -= 1;
    }
    // What follows the verb: "that", ":" or (for say/tell) a clause.
    let v = t.norm(verb);
    let mut end = verb;
    if v == "let" && verb + 2 <= s_last && t.norm(verb + 1) == "you" && t.norm(verb + 2) == "know" {
        end = verb + 2;
    }
    let next = end + 1;
    let clause_follows =
        next <= s_last && (t.norm(next) == "that" || t.norm(next) == ":") || matches!(v, "say" | "let");
    if clause_follows {
        let mut b = end;
        if next <= s_last && matches!(t.norm(next), "that" | ":") {
            b = next;
        }
        // A second "that" clause hangs on the same verb ("... that we are shortlisted, and that we're launching
        // ..."): without the frame it joins nothing (panel 39).
        let second_that =
            |i: usize| on_list(d, i, List::Conjunctions.bit()) && i < s_last && t.norm(i + 1) == "that";
        if t.norm(b) == "that" && (b + 1..s_last).any(second_that) {
            return None;
        }
        // "We are proud to announce that ..." goes whole, also after a label ("Big news: we are proud to announce
        // that the tunnel is open"): "we announce that" read robotic (panel 37).
        if at_start(d, from)
            || on_list(d, from, List::FrameSubjects.bit()) && from > 0 && t.norm(from - 1) == ":"
        {
            return Some(removal(d, from, b));
        }
        // "Copper Hill is excited to announce that ...": the subject stays, the feeling goes ("announces that").
        let be = (from..emo).find(|&i| is_word(d, i, &["is", "are", "am", "'re", "'m"]))?;
        let text = if is_word(d, be, &["is"]) { third_person(v) } else { v.to_string() };
        return Some((t.span_of(be, end), text));
    }
    let present_be = (from..emo).any(|i| is_word(d, i, &["are", "am", "is", "'re", "'m", "we're", "i'm"]));
    // "We're thrilled to announce the launch of X" -> "We're launching X": the news is the event the frame
    // names, said as its verb (panel 18 saw the frame kept where a "that" clause would have lost it).
    let event = |w: &str| match w {
        "launch" => Some("launching"),
        "release" => Some("releasing"),
        "opening" => Some("opening"),
        _ => None,
    };
    if present_be
        && matches!(v, "announce" | "share" | "unveil")
        && verb + 4 <= s_last
        && is_word(d, verb + 1, &["the"])
        && is_word(d, verb + 3, &["of"])
    {
        if let Some(doing) = event(t.norm(verb + 2)) {
            return Some((t.span_of(from, verb + 3), frame_subject(d, from, emo, doing)));
        }
    }
    // "announcing" and "introducing" announce all over again, and the news said as news instead read awkward
    // ("Some news: Parachute!") or robotic ("News from Copper Hill Brewing Co.: our expansion", panel 36): the
    // finding explains.
    if matches!(v, "announce" | "introduce") {
        return None;
    }
    // Keep subject and "be", drop the emotion: "We are incredibly proud to unveil" -> "We are unveiling". Only
    // with a present "be" in the frame ("I was honoured to present" stays) and an object that starts with a
    // determiner after the verb ("I am sharing, X" would be broken).
    let object = verb < s_last
        && t.list[verb + 1].start == t.list[verb].end + 1
        && is_word(d, verb + 1, &["our", "the", "a", "an", "my", "this", "these", "their", "your"]);
    if !present_be || !object {
        return None;
    }
    Some((t.span_of(from, verb), frame_subject(d, from, emo, &ing(v))))
}

/// The frame's subject and "be" (tokens `from..emo` that are on the frame-subject list) followed by `doing`:
/// "We are" + "unveiling", capitalised where the frame opened its sentence.
fn frame_subject(d: &Draft<'_>, from: usize, emo: usize, doing: &str) -> String {
    let kept = (from..emo).filter(|&i| on_list(d, i, List::FrameSubjects.bit())).map(|i| raw(d, i));
    let mut text = String::new();
    for w in kept.chain([doing]) {
        // "We 're" is written "We're".
        if !text.is_empty() && !w.starts_with("'re") && !w.starts_with("'m") {
            text.push(' ');
        }
        text.push_str(w);
    }
    if at_start(d, from) {
        capitalised(text)
    } else {
        decapitalised(text)
    }
}

pub(super) fn third_person(v: &str) -> String {
    if v.ends_with(['s', 'x']) || v.ends_with("sh") || v.ends_with("ch") {
        format!("{v}es")
    } else {
        format!("{v}s")
    }
}

pub(super) fn ing(v: &str) -> String {
    match v {
        "let" | "set" | "put" => format!("{v}ting"),
        _ if v.ends_with("ie") => format!("{}ying", &v[..v.len() - 2]),
        _ if v.ends_with('e') && !v.ends_with("ee") && v.len() > 2 => format!("{}ing", &v[..v.len() - 1]),
        _ => format!("{v}ing"),
    }
}
