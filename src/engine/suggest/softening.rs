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

/// One kept piece of a softened command: tokens `first..=last` and how they are written.
pub(super) struct Piece<'a> {
    first: usize,
    last: usize,
    text: &'a str,
}

/// Turn a command into an offer: "Book your free review now: x.com" becomes "If you'd like a free review, you
/// can book one here: x.com"; "DM me NOW for a private showing!!" becomes "If you're interested, you can DM me
/// for a private showing." The offer, links, phone numbers and @mentions stay; push words, pressure clauses,
/// capitals and "!!!" go. "Don't wait" is pressure only and goes.
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
        // "Don't wait for opportunities. Create them." is advice, not pressure: it keeps its words.
        if verb + 2 <= last && is_word(d, verb + 2, &["for"]) {
            return None;
        }
        // "Don't wait until it's too late": pressure only.
        return Some(pressure_removal(d, from, last, lead));
    }
    // Hashtags closing the sentence are not part of the command: they stay where they are, last.
    let mut last = last;
    while last > verb && t.list[last].kind == Kind::Hashtag {
        last -= 1;
    }
    // Walk the command, keeping the offer.
    let mut pieces: Vec<Piece> = Vec::with_capacity(last + 1 - verb);
    let mut skipping = false;
    let mut link_place: Option<&'static str> = None;
    let mut trailing_emoji: Option<&str> = None;
    let mut i = verb;
    while i <= last {
        let tok = &t.list[i];
        let norm = t.norm(i);
        if tok.kind == Kind::Word && norm == "link" && !tok.quoted {
            // "link in bio": said as its own sentence at the end.
            let mut j = i + 1;
            while j <= last && is_word(d, j, &["in", "my", "the", "our"]) {
                j += 1;
            }
            if let Some(p) = (j <= last).then(|| place(t.norm(j))).flatten() {
                link_place = Some(p);
                // "click the link in bio": the determiner goes with the link.
                while pieces.last().is_some_and(|q| {
                    q.first > verb && is_word(d, q.first, &["the", "this", "my", "our", "on"])
                }) {
                    pieces.pop();
                }
                i = j + 1;
                continue;
            }
        }
        if tok.kind == Kind::Emoji {
            skipping = false;
            if (i + 1..=last).all(|j| t.list[j].kind == Kind::Emoji) {
                trailing_emoji.get_or_insert_with(|| first_emoji(d, i, last));
            }
            i += 1;
            continue;
        }
        if let Some(e) = phone_end(d, i) {
            skipping = false;
            pieces.push(Piece {
                first: i,
                last: e,
                text: &d.text[tok.start as usize..t.list[e].end as usize],
            });
            i = e + 1;
            continue;
        }
        if matches!(tok.kind, Kind::Punct | Kind::Url | Kind::Mention) {
            skipping = false;
        }
        if i > verb && !tok.quoted && on_list(d, i, List::PressureClause.bit()) {
            skipping = true;
        }
        // "from now on", "by tonight": a push word after a preposition is part of a phrase and stays.
        let pushed = i > verb
            && !tok.quoted
            && on_list(d, i, List::Push.bit())
            && !is_word(d, i - 1, &["from", "until", "till", "by", "for", "as", "since"]);
        if skipping || pushed {
            i += 1;
            continue;
        }
        let text = match tok.kind {
            Kind::Punct if norm.contains('!') => ".",
            // A shouted verb is lowered too ("BUY" -> "buy"); a two-letter one is an acronym ("DM").
            Kind::Word
                if !tok.quoted
                    && ((tok.caps && (norm.len() > 3 || (i == verb && norm.len() > 2)))
                        || (i == verb && !tok.caps)) =>
            {
                norm
            }
            _ => raw(d, i),
        };
        pieces.push(Piece { first: i, last: i, text });
        i += 1;
    }
    // A link pushed elsewhere while the command holds the link itself: say where it is, once.
    if let Some(url) =
        pieces.iter().find(|p| t.list[p.first].kind == Kind::Url).filter(|_| link_place.is_some())
    {
        // Only "click (the link in bio)" with it: the link is all there is to say. Otherwise the offer stays with
        // its link, and the bio need not be mentioned.
        let only_link =
            pieces.iter().all(|p| p.first == verb || matches!(t.list[p.first].kind, Kind::Punct | Kind::Url));
        if only_link {
            let the = if lead == Lead::Start { "The" } else { "the" };
            return Some((t.span_of(from, last), format!("{the} link is {} if you're curious.", url.text)));
        }
        link_place = None;
    }
    let mut body = join_pieces(d, &pieces);
    if body.is_empty() {
        return None;
    }
    // "BUY NOW before it is gone!": a verb that needs an object keeps one ("you can buy it").
    let kept_words = pieces.iter().filter(|p| t.list[p.first].kind != Kind::Punct).count();
    if kept_words == 1 && on_list(d, verb, List::NeedsObject.bit()) {
        body.push_str(" it");
    }
    let s_first = sentence_of(t, from).0;
    let mut body = match offer_object(d, verb, &pieces, lead) {
        Some(np) => np,
        None => {
            let lead_in = if lead != Lead::Start {
                "you can "
            } else if follows_command(d, s_first) {
                // A second command right after a first one: "You can also call 555-0142."
                "You can also "
            } else if (verb..=last).any(|k| t.list[k].kind == Kind::Word && t.norm(k) == "if") {
                // "Grab one if you wanna give it a go": the condition is already there.
                "You can "
            } else {
                "If you're interested, you can "
            };
            body.insert_str(0, lead_in);
            body
        }
    };
    let ends_with_contact = pieces.last().is_some_and(|p| {
        matches!(t.list[p.first].kind, Kind::Url | Kind::Mention) || phone_end(d, p.first).is_some()
    });
    match (link_place, trailing_emoji) {
        (Some(p), _) => {
            body.push_str(". The link is ");
            body.push_str(p);
            body.push('.');
        }
        (None, Some(e)) if !ends_with_contact => {
            body.push(' ');
            body.push_str(e);
        }
        _ => body.push('.'),
    }
    // "Pop in Sat/Sun or order online" -> "Pop in Sat/Sun, or you can order online": the "or" gets its comma.
    if lead == Lead::Joined && from >= 2 && t.list[from - 2].kind == Kind::Word {
        let or = raw(d, from - 1);
        let word = &t.list[from - 2];
        let span =
            Span { start: word.end as usize, start_utf16: word.end16 as usize, ..t.span_of(from, last) };
        return Some((span, [", ", or, " ", &body].concat()));
    }
    Some((t.span_of(from, last), body))
}

/// Whether the sentence before `s_first` (same paragraph) holds a command.
pub(super) fn follows_command(d: &Draft<'_>, s_first: usize) -> bool {
    let t = d.tokens;
    let has = |a: usize, b: usize, tag: &str| hits_in(d, a, b).any(|h| tagged(d, h, tag));
    let mut s = t.list[s_first].sentence;
    let mut next_start = s_first;
    // Back over pressure sentences (they go in the same rewrite) to the sentence before.
    for _ in 0..3 {
        let Some((pf, pl)) = s.checked_sub(1).and_then(|p| t.sentence_bounds(p)) else { return false };
        if d.text[t.list[pl].end as usize..t.list[next_start].start as usize].contains("\n\n") {
            return false;
        }
        if has(pf, pl, "cta")
            || d.text[t.list[pf].start as usize..t.list[pl].end as usize].contains("you can ")
        {
            return true;
        }
        if !has(pf, pl, "urgency") {
            return false;
        }
        s -= 1;
        next_start = pf;
    }
    false
}

/// Room `join_pieces` leaves in its string for what `soften` adds around the body (a lead-in such as "If you're
/// interested, you can " and an ending such as ". The link is in my bio."), so those need no new allocation.
pub(super) const SOFTEN_ROOM: usize = 64;

/// The kept pieces written out with the draft's own spacing; separators right before a link become ": ",
/// arrows and separators with nothing after them go.
pub(super) fn join_pieces(d: &Draft<'_>, pieces: &[Piece]) -> String {
    let t = d.tokens;
    let mut body =
        String::with_capacity(pieces.iter().map(|p| p.text.len() + 2).sum::<usize>() + SOFTEN_ROOM);
    let mut prev: Option<&Piece> = None;
    for (k, p) in pieces.iter().enumerate() {
        let tok = &t.list[p.first];
        let is_contact = matches!(tok.kind, Kind::Url | Kind::Mention) || phone_end(d, p.first).is_some();
        let sep = tok.kind == Kind::Punct && matches!(p.text, "," | ":" | ";" | "-" | "\u{2192}" | "|");
        if sep {
            // A separator stays only when words follow it, and never as an arrow or dash.
            let words_follow = pieces[k + 1..].iter().any(|q| t.list[q.first].kind != Kind::Punct);
            if words_follow && matches!(p.text, "," | ":" | ";") {
                // Two separators in a row once the words between them went ("sale, [link in bio]:"): the last.
                if body.ends_with([',', ':', ';']) {
                    body.pop();
                }
                body.push_str(p.text);
            }
            prev = Some(p);
            continue;
        }
        let gap = prev.is_some_and(|q| q.last + 1 != p.first || t.list[q.last].end < tok.start);
        let after_sep = || prev.is_some_and(|q| q.last + 1 != p.first || is_sep(d, q.last));
        // A contact after a separator is introduced with ": ", unless a mark or a word already leads to it.
        let introduced = || {
            let trimmed = body.trim_end();
            trimmed.ends_with([':', ','])
                || [" at", " on", " to", " via", " from", " or", " and"].iter().any(|w| trimmed.ends_with(w))
        };
        if is_contact && k > 0 && after_sep() && !introduced() {
            body.truncate(body.trim_end_matches([' ', ',']).len());
            body.push_str(": ");
        } else if gap && !body.is_empty() && !body.ends_with(' ') {
            let opens = matches!(p.text, "(" | "\"" | "\u{201C}");
            if tok.kind != Kind::Punct || opens {
                body.push(' ');
            }
        }
        body.push_str(p.text);
        prev = Some(p);
    }
    // Trimmed and closed up in place.
    body.truncate(body.trim_end().trim_end_matches([',', ':', ';', '.', ' ']).len());
    body.drain(..body.len() - body.trim_start().len());
    close_up(&mut body);
    body
}

/// Take out of `s` the spaces written right before a comma or a full stop (most bodies have none: then `s` is
/// left as it is, without a copy).
pub(super) fn close_up(s: &mut String) {
    let is_gap = |pair: &[u8]| matches!(pair, [b' ', b',' | b'.']);
    if !s.as_bytes().windows(2).any(is_gap) {
        return;
    }
    let mut out = String::with_capacity(s.capacity());
    let mut from = 0;
    for (i, pair) in s.as_bytes().windows(2).enumerate() {
        if is_gap(pair) {
            out.push_str(&s[from..i]);
            from = i + 1;
        }
    }
    out.push_str(&s[from..]);
    *s = out;
}

/// "Book your free review now: x.com" -> "If you'd like a free review, you can book one here: x.com": a
/// command whose object is a thing on offer becomes an offer the reader can take up.
pub(super) fn offer_object(d: &Draft<'_>, verb: usize, pieces: &[Piece], lead: Lead) -> Option<String> {
    let t = d.tokens;
    if lead != Lead::Start || pieces.len() < 3 {
        return None;
    }
    let det = pieces[1].first;
    // Only a verb of getting has an offer for its object ("Book your free review"; not "Apply your learnings").
    if det != verb + 1
        || !is_word(d, det, &["your", "a", "an", "the", "our", "my"])
        || !on_list(d, verb, List::NeedsObject.bit())
    {
        return None;
    }
    // The object: words after the determiner, with a "for your team" attached, up to anything else.
    let stop =
        ["and", "or", "to", "at", "on", "via", "with", "by", "from", "in", "if", "so", "here", "online"];
    let mut np: Vec<usize> = Vec::new();
    let mut k = 2;
    while k < pieces.len() && np.len() < 7 {
        let i = pieces[k].first;
        if t.list[i].kind != Kind::Word
            || is_one_of(t.norm_bytes(i), &stop)
            || t.list[i].quoted
            || i != pieces[k - 1].last + 1
        {
            break;
        }
        np.push(k);
        k += 1;
    }
    // Do not end the object on "for"/"of".
    while np.last().is_some_and(|&k| matches!(t.norm(pieces[k].first), "for" | "of" | "the" | "your" | "a")) {
        np.pop();
    }
    let last_np = *np.last()?;
    let head = t.norm(pieces[last_np].first);
    // What follows the object: another option ("or book a demo") stays, "and let's ..." goes; links stay.
    let mut tail = String::new();
    let mut contact = String::new();
    let mut dropping = false;
    for p in &pieces[last_np + 1..] {
        let tok = &t.list[p.first];
        if matches!(tok.kind, Kind::Url | Kind::Mention) || phone_end(d, p.first).is_some() {
            if !contact.is_empty() {
                contact.push(' ');
            }
            contact.push_str(p.text);
            dropping = false;
            continue;
        }
        if is_word(d, p.first, &["and"]) && tail.is_empty() {
            dropping = true;
        }
        if dropping || tok.kind == Kind::Punct && !matches!(p.text, "(" | ")" | "\"") {
            continue;
        }
        tail.push(' ');
        tail.push_str(p.text);
    }
    let words: Vec<&str> = np.iter().map(|&k| pieces[k].text).collect();
    let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
    let (object, pronoun) = match t.norm(det) {
        "the" | "our" | "my" => (format!("{} {}", raw(d, det).to_lowercase(), words.join(" ")), "it"),
        _ if plural => (words.join(" "), "them"),
        _ => {
            let art = if starts_with_vowel(&words[0].to_lowercase()) { "an" } else { "a" };
            (format!("{art} {}", words.join(" ")), "one")
        }
    };
    let mut out = format!("If you'd like {object}, you can {} {pronoun}{tail}", pieces[0].text);
    if !contact.is_empty() {
        out.push_str(if tail.is_empty() { " here: " } else { ": " });
        out.push_str(&contact);
    }
    Some(out)
}

/// Remove pressure that is only pressure ("Don't wait until it's too late."): its clause, or its sentence.
pub(super) fn pressure_removal(d: &Draft<'_>, from: usize, last: usize, lead: Lead) -> (Span, String) {
    let t = d.tokens;
    let (s_first, s_last) = sentence_of(t, from);
    let end = (from..=last).find(|&i| i > from && is_sep(d, i)).map_or(last, |i| i - 1);
    if lead == Lead::Start && end >= s_last.min(last) {
        let span = line_cut(d, s_first, s_last);
        return (span, String::new());
    }
    if lead == Lead::Start {
        let mut b = end;
        while b < s_last && is_sep(d, b + 1) && t.list[b + 1].kind == Kind::Punct {
            b += 1;
        }
        return removal(d, from, b);
    }
    let from = if from > s_first && is_sep(d, from - 1) && t.list[from - 1].kind == Kind::Punct {
        from - 1
    } else {
        from
    };
    (cut(d, from, end), String::new())
}
