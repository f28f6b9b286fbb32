//! `fix = "drop-sentence"`: urgency, brags and superlatives go at the smallest unit that leaves the post
//! readable (a phrase, a clause, the sentence or its line), and never a sentence that carries the offer.

use super::*;

pub(super) fn drop_fix(
    rule: &Rule,
    d: &Draft<'_>,
    first: usize,
    last: usize,
    matched: &str,
) -> Vec<Suggestion> {
    let t = d.tokens;
    let Some((s_first, s_last)) = scanned_sentence(t, first) else { return Vec::new() };
    let last = last.min(s_last);
    let urgent = rule.tags.iter().any(|g| g == "urgency");
    if not_a_push(rule, d, (first, last), (s_first, s_last), urgent) {
        return Vec::new();
    }
    // A sentence holding a fact of the offer (the deadline rule's "First come first served") is not dropped for
    // the pressure beside it ("First come first served, DON'T MISS IT!!" lost the no-booking rule: panel 53).
    let holds_fact =
        hits_in(d, s_first, s_last).any(|h| (h.last < first || h.first > last) && tagged(d, h, "fact"));
    let remove = |edit: (Span, String)| vec![removing(d, edit)];
    let sentence_content = content_outside(d, s_first, s_last, first, last, &rule.id);
    // Nothing but pressure ("Only 50 spots and they're going fast!", "Don't wait until it's too late."): the
    // whole sentence goes.
    let presses =
        |i: usize| t.list[i].kind != Kind::Word || lexicon::is_in(t.norm(i), &lexicon::PRESSURE_ONLY);
    let only_presses = (s_first..=s_last).filter(|&i| i < first || i > last).all(presses);
    // A day or month says which dates are scarce ("Saturdays going FAST!!"): news about the offer, like "Summer
    // dates are filling up" (panel 44).
    let names_dates = (s_first..=s_last).filter(|&i| i < first || i > last).any(|i| {
        let w = t.norm(i);
        let one = w.strip_suffix('s').unwrap_or(w);
        lexicon::is_in(one, &lexicon::WEEKDAYS) || lexicon::is_in(one, &lexicon::MONTHS)
    });
    let pressure_only = urgent
        && !names_dates
        && !holds_fact
        && (only_presses || !sentence_content && !says_enough(d, [s_first..first, last + 1..s_last + 1]));
    // "for the next 24 hours only", "this weekend only": the deadline is a fact, and its "only" is part of it
    // (without it the offer reads open-ended, readers said): no edit.
    let deadline = (first..last)
        .any(|i| t.list[i].kind == Kind::Number || lexicon::is_in(t.norm(i), &lexicon::WEEKDAYS));
    if urgent && last > first && deadline && is_word(d, last, &["only"]) {
        return Vec::new();
    }
    // A term of a dated offer: "LAST CALL" in a post that says when ("Order by Weds 11th to get it in time – LAST
    // CALL!!"), "when it's gone it's gone" at a sale with its days and hours, "it will NOT be repeated" after
    // the closing date. Each is true and tells the reader how the offer works; cut, the post loses a term
    // (panels 22, 24, 26 and 28). It explains instead.
    let has = |words: &[&str]| (first..=last).any(|i| is_word(d, i, words));
    let term = has(&["last", "final"]) && has(&["call", "chance", "orders"])
        || (first..=last).filter(|&i| is_word(d, i, &["gone"])).count() == 2
        || has(&["repeated"]);
    if urgent && term && states_deadline(d) {
        return Vec::new();
    }
    if urgent && plain_claim(rule, d, (first, last), (s_first, s_last), pressure_only) {
        return Vec::new();
    }
    if urgent && !pressure_only {
        let edit = with_clauses(d, (s_first, s_last), (first, last), |cl, ci, cj| {
            let clause = match (ci, cj) {
                (Some(ci), Some(cj)) => {
                    clause_removal(d, cl, (ci, cj), (first, last), &rule.id, sentence_content, true)
                }
                _ => None,
            };
            clause.or_else(|| phrase_removal(d, cl, ci, first, last, s_first, s_last, &rule.id))
        });
        if let Some(s) = edit {
            return remove(s);
        }
    }
    // The sentence carries the way to the offer: replace it, keeping the links; but not when it also asks the
    // reader to act ("Book at example.com before the matinees sell out!!"): the call to action and its route
    // are information, and a stock line in their place loses them (panel 9), so the finding explains.
    // ("Don't wait" asks nothing.)
    let asks = hits_in(d, s_first, s_last).any(|h| {
        (h.last < first || h.first > last) && tagged(d, h, "cta") && !(h.first..=h.last).all(presses)
    });
    if asks {
        return Vec::new();
    }
    let with_contacts = SentenceCache::contacts(d, s_first, s_last, |contacts| {
        (!contacts.is_empty()).then(|| {
            rule.suggest
                .iter()
                .filter_map(|tpl| sentence_template(d, tpl, matched, contacts, first, last, s_last))
                .map(|text| trying(t.span_of(s_first, s_last), text))
                .collect()
        })
    });
    if let Some(suggestions) = with_contacts {
        return suggestions;
    }
    if let Some(s) = launched_superlative(d, first, last, s_first) {
        return remove(s);
    }
    // A superlative only brags when the sentence is about us (we, our, a name): "the volunteers who stay
    // longest are the ones who ..." is not a claim.
    let hype_about_others = is_hype(rule) && !about_us(d, s_first, s_last);
    // Scarcity said plainly, once, in a sentence of its own ("Summer dates are filling up.") is news about the
    // offer, like a count of places left: it explains (panel 9). A sentence that is nothing but pressure, or
    // stacks it ("Spaces are limited and this offer will not be repeated."), goes.
    let stacked = hits_in(d, s_first, s_last).filter(|h| tagged(d, h, "urgency")).count() > 1;
    // A sentence that names which dates are scarce stays, stacked or not ("Weekends are already filling up fast
    // and once they're gone they're gone", panel 47).
    let plain_scarcity = urgent && !pressure_only && (!stacked || names_dates);
    let may_drop = (!sentence_content || pressure_only)
        && !plain_scarcity
        && !hype_about_others
        && (urgent || keeps_sentence_reason(d, s_first, s_last).is_none());
    let sentence_kept = holds_fact
        || ends_with_colon(d, s_last)
        || urgent && advice_step(d, s_first, s_last)
        || leaned_on(d, s_last)
        || leaves_bare_contact(d, s_first, s_last);
    if may_drop && !sentence_kept {
        let span = line_cut(d, s_first, s_last);
        return vec![suggestion(span, String::new(), "Drop this sentence".into())];
    }
    if !urgent {
        // "Our signature bouquets start at $49": the boast goes, the offer stays ("our New Member Special" is a
        // name and stays).
        if let Some(b) = (first..=last).find(|&i| {
            on_list(d, i, List::Boast.bit())
                && i < s_last
                && t.list[i + 1].kind == Kind::Word
                && !t.list[i].quoted
                && (at_start(d, i) || !raw(d, i).starts_with(char::is_uppercase))
        }) {
            return remove(removal(d, b, b));
        }
        // A bragging clause after the main one ("..., trusted by over 150 companies") goes, unless the sentence
        // speaks to the reader.
        // Only a trailing participle or relative clause ("trusted by", "featuring", "which") can go alone.
        let edit = with_clauses(d, (s_first, s_last), (first, last), |cl, ci, cj| {
            let (Some(ci), Some(cj)) = (ci, cj) else { return None };
            let trailing = |c: usize| {
                let w = t.norm(cl[c].0);
                t.list[cl[c].0].kind == Kind::Word
                    && (w.ends_with("ed") || w.ends_with("ing") || matches!(w, "which" | "who" | "with"))
            };
            if ci > 0 && trailing(ci) && keeps_sentence_reason(d, s_first, s_last) != Some("reader") {
                clause_removal(d, cl, (ci, cj), (first, last), &rule.id, sentence_content, false)
            } else {
                None
            }
        });
        if let Some(s) = edit {
            return remove(s);
        }
    }
    Vec::new()
}

/// Whether the sentence `s_first..=s_last` around the match `first..=last` is no push of the author's to drop:
/// talk about the author that boasts of nothing, pressure told in the past or as a habit, or pressure inside
/// a condition.
fn not_a_push(
    rule: &Rule,
    d: &Draft<'_>,
    (first, last): (usize, usize),
    (s_first, s_last): (usize, usize),
    urgent: bool,
) -> bool {
    let t = d.tokens;
    // A sentence about the author only brags when it boasts ("our award-winning team"); "For our clients, it
    // means stronger local delivery" says something and stays.
    let self_talk = rule.tags.iter().any(|g| g == "self");
    let boasts = (s_first..=s_last).any(|i| on_list(d, i, List::Boast.bit()))
        || hits_in(d, s_first, s_last).any(|h| tagged(d, h, "hype"));
    if self_talk && !boasts {
        return true;
    }
    // Pressure told in the past is a story or a warning, not a push ("➡️ it was urgent.", a sign of a phishing
    // e-mail: panel 54), and told as a habit it is a fact ("book ahead, sells out every year!": panel 61).
    let habit = (last + 1..(last + 4).min(s_last + 1)).any(|i| is_word(d, i, &["every", "each"]));
    if urgent && (habit || first > s_first && is_word(d, first - 1, &["was", "were"])) {
        return true;
    }
    // Pressure inside a condition is the condition of advice, not a push ("If your fixed rate ends this year,
    // start looking six months before it ends": cut, the advice loses who it is for, panel 57); an idiom that
    // opens with the subordinator ("When they're gone, they're gone") is pressure.
    let clause_start = (s_first..first)
        .rev()
        .find(|&i| t.list[i].kind == Kind::Punct && matches!(raw(d, i), "," | ";" | ":" | "—" | "–"))
        .map_or(s_first, |i| i + 1);
    // The clause's first word past a conjunction ("And if you need urgent advice": panel 65).
    let opener = (clause_start..=first)
        .find(|&i| t.list[i].kind == Kind::Word && !lexicon::is_in(t.norm(i), &lexicon::CONJUNCTIONS));
    if urgent && opener.is_some_and(|i| i < first && lexicon::is_in(t.norm(i), &lexicon::SUBORDINATORS)) {
        return true;
    }
    // "urgent" before its noun says what kind of thing it is, not that the reader must hurry ("Anyone with urgent
    // medical appointments, ring the office": cut, the help was offered to everyone, panel 77).
    let next = t.list.get(last + 1).filter(|x| x.kind == Kind::Word);
    urgent && first == last && is_word(d, first, &["urgent"]) && next.is_some()
}

/// Whether the urgency match `first..=last` is scarcity claimed plainly: news about the offer, which stays.
fn plain_claim(
    rule: &Rule,
    d: &Draft<'_>,
    (first, last): (usize, usize),
    (s_first, s_last): (usize, usize),
    pressure_only: bool,
) -> bool {
    let t = d.tokens;
    // Scarcity said plainly as the claim opening its sentence ("Spaces are limited – register at ...", "Places
    // are limited, RSVP at the link above") is news about the offer, as it is in a sentence of its own: readers
    // called its removal a false alarm on a likely fact (panel 49), and so they did the plain "Places are
    // limited." (panel 52), a sentence of nothing else, where a pressure idiom ("When they're gone, they're
    // gone.") still goes; shouted too ("Appointments are going FAST 😱" cut lost "a useful reason to DM now",
    // panel 54). With "!!", stacked or said as a command, it goes.
    // The claim's subject: a few words before the pressure ("Appointments are going FAST"), or none when the
    // phrase names it ("Spaces are limited"); a command ("Book early") or an idiom of pronouns ("When they're
    // gone, they're gone", "they're going fast") is no claim about the offer.
    let lead: Vec<usize> = (s_first..first).filter(|&i| t.list[i].kind == Kind::Word).collect();
    let subject = lead.first().copied().unwrap_or(first);
    let names_subject = !lead.is_empty() && !lexicon::is_in(t.norm(subject), &lexicon::PLURAL_STAND_INS);
    let loud = (s_first..=s_last).any(|i| t.list[i].kind == Kind::Punct && raw(d, i).starts_with("!!"));
    let single = hits_in(d, s_first, s_last).filter(|h| tagged(d, h, "urgency")).count() == 1;
    let capacity = (first..=last).any(|i| is_word(d, i, &["limited"]));
    // Either the phrase opens its sentence and says more than pressure, or a few words before it name what is
    // scarce, in a short sentence or a clause of a longer one ("Vehicle spaces going fast, foot passengers always
    // welcome": cut, the ferry post lost what was scarce, panel 77).
    // A pressure that opens with a subordinator ("Pop in before they're gone") tells when to act, no news, and
    // a shouted one in a longer sentence pushes ("Classes are filling up FAST, Street Dance ...", panel 49); a
    // deadline's "just" ("of just 14 days") is no claim of scarcity.
    let claims = !lexicon::is_in(t.norm(first), &lexicon::SUBORDINATORS)
        && !matches!(t.norm(first), "before" | "till" | "til")
        && !(s_first..=(last + 1).min(s_last)).any(|i| t.list[i].kind == Kind::Word && t.list[i].caps)
        && !rule.tags.iter().any(|g| g == "fact");
    (lead.is_empty() && (!pressure_only || capacity)
        || names_subject && lead.len() <= 3 && (pressure_only || claims))
        && single
        && !loud
        && !lexicon::is_call_verb(t.norm(subject))
        && !lexicon::is_call_verb(t.norm(first))
        && !is_word(d, subject, &["please"])
}

/// Whether the rest of the line after `s_last` points back at what the sentence named: "SLOTS ARE GOING FAST!!!
/// Book NOW before they're gone" without its first sentence leaves "they" naming nothing (panel 53).
fn leaned_on(d: &Draft<'_>, s_last: usize) -> bool {
    let t = d.tokens;
    (s_last + 1..t.len())
        .take_while(|&i| t.list[i].kind != Kind::Break)
        .take(40)
        .any(|i| t.list[i].kind == Kind::Word && lexicon::is_in(t.norm(i), &lexicon::PLURAL_STAND_INS))
}

/// Whether cutting the sentence `s_first..=s_last` would leave its line a bare contact: numbers, links or
/// @mentions with no word to say what they are for. "Don't miss out, these prices will NOT be repeated!!! ☎️
/// 01582 555 413" cut to "☎️ 01582 555 413" lost its call (panel 67).
fn leaves_bare_contact(d: &Draft<'_>, s_first: usize, s_last: usize) -> bool {
    let t = d.tokens;
    let before = (0..s_first).rev().take_while(|&i| t.list[i].kind != Kind::Break);
    let after = (s_last + 1..t.len()).take_while(|&i| t.list[i].kind != Kind::Break);
    let mut contact = false;
    for i in before.chain(after) {
        match t.list[i].kind {
            Kind::Word | Kind::Hashtag => return false,
            Kind::Number | Kind::Money | Kind::Percent | Kind::Url | Kind::Mention => contact = true,
            _ => {}
        }
    }
    contact
}

/// Whether the sentence `s_first..=s_last` is a step of advice: a command opening a list item whose line goes on
/// with more words and nothing that sells (no sales finding, price, link, @mention or phone). "✔️ Act fast.
/// Blot — don't rub — with a white cloth" tells the reader how to save a rug, and cut, the advice loses its
/// first step (panel 48); "Don't miss out!! Prices like this won't be around after Sunday. Book ..." goes on
/// selling, and a claim ("Spaces are going fast.") is no step.
fn advice_step(d: &Draft<'_>, s_first: usize, s_last: usize) -> bool {
    let t = d.tokens;
    let Some(verb) = (s_first..=s_last).find(|&i| t.list[i].kind == Kind::Word) else { return false };
    let list_item = verb > 0 && t.list[verb - 1].kind != Kind::Break && after_markers_only(d, verb);
    if !list_item || !lexicon::is_call_verb(t.norm(verb)) {
        return false;
    }
    let rest = s_last + 1..(s_last + 1..t.len()).find(|&i| t.list[i].kind == Kind::Break).unwrap_or(t.len());
    let (a, b) = (rest.start, rest.end);
    let sells = |i: usize| {
        matches!(t.list[i].kind, Kind::Money | Kind::Url | Kind::Mention) || phone_end(d, i).is_some()
    };
    b > a
        && rest.clone().any(|i| t.list[i].kind == Kind::Word)
        && !rest.clone().any(sells)
        && hits_in(d, a, b - 1).all(|h| d.rules[h.rule].side == Side::Value)
}

/// "Our agency launched the BEST social media course ever": the launch is the author's offer and stays; the
/// superlative is toned down to "a new social media course".
/// Whether the draft says when: a day or deadline word ("Friday", "tomorrow", "midnight"), a month written
/// with its capital ("May", not "may"), a date or time ("11th", "5pm").
fn states_deadline(d: &Draft<'_>) -> bool {
    let t = d.tokens;
    (0..t.len()).any(|i| {
        let norm = t.norm(i);
        let digits = norm.bytes().take_while(u8::is_ascii_digit).count();
        let unit = &norm[digits..];
        lexicon::is_in(norm, &lexicon::WEEKDAYS)
            || lexicon::is_in(norm, &lexicon::MONTHS) && raw(d, i).starts_with(char::is_uppercase)
            || digits > 0 && matches!(unit, "st" | "nd" | "rd" | "th" | "am" | "pm")
    })
}

pub(super) fn launched_superlative(
    d: &Draft<'_>,
    first: usize,
    last: usize,
    s_first: usize,
) -> Option<(Span, String)> {
    let t = d.tokens;
    if !is_word(d, first, &["the"])
        || !is_word(d, first + 1, &["best", "greatest", "finest", "ultimate"])
        || !is_word(d, last, &["ever"])
        || last < first + 3
        || !(s_first..first).any(|i| on_list(d, i, List::LaunchVerbs.bit()))
    {
        return None;
    }
    let mut words = Vec::new();
    for i in first + 2..last {
        let tok = &t.list[i];
        if tok.kind != Kind::Word || tok.quoted {
            return None;
        }
        words.push(if tok.caps && t.norm(i).len() > 1 {
            t.norm(i).to_string()
        } else {
            raw(d, i).to_string()
        });
    }
    Some((t.span_of(first, last), format!("a new {}", words.join(" "))))
}

/// Why a bragging sentence must stay although it holds no offer: it opens the post, speaks to the reader, or
/// the next sentence refers back to it.
pub(super) fn keeps_sentence_reason(d: &Draft<'_>, s_first: usize, s_last: usize) -> Option<&'static str> {
    let t = d.tokens;
    if s_first <= first_word_of_post(d) {
        return Some("opening");
    }
    let (mut readers, mut selfs) = (0, 0);
    for i in s_first..=s_last {
        if on_list(d, i, List::Reader.bit()) {
            readers += 1;
        } else if on_list(d, i, List::SelfWords.bit()) {
            selfs += 1;
        }
    }
    if readers > 0 && readers >= selfs {
        return Some("reader");
    }
    let next = t.list[s_first].sentence + 1;
    if let Some((nf, _)) = t.sentence_bounds(next) {
        let lead = (nf..t.len().min(nf + 8)).find(|&i| t.list[i].kind == Kind::Word);
        let same_para = !d.text[t.list[s_last].end as usize..t.list[nf].start as usize].contains("\n\n");
        let time =
            ["year", "week", "month", "morning", "evening", "time", "season", "weekend", "spring", "summer"];
        let refers_back = lead.is_some_and(|i| {
            is_word(
                d,
                i,
                &["it", "it's", "its", "they", "they're", "this", "these", "that", "those", "she", "he"],
            ) && !(i + 1 < t.len() && is_word(d, i + 1, &time))
        });
        if same_para && refers_back {
            return Some("referred to");
        }
    }
    None
}

/// Whether a sentence talks about the author or their business: we/our/I/my, or a name (a capitalised word
/// inside the sentence).
pub(super) fn about_us(d: &Draft<'_>, s_first: usize, s_last: usize) -> bool {
    (s_first..=s_last).any(|i| {
        on_list(d, i, List::SelfWords.bit() | List::OtherSelfForms.bit())
            || (d.tokens.list[i].kind == Kind::Word
                && !at_start(d, i)
                && raw(d, i).starts_with(char::is_uppercase))
    })
}

pub(super) fn ends_with_colon(d: &Draft<'_>, s_last: usize) -> bool {
    d.tokens.list[s_last].kind == Kind::Punct && d.tokens.norm(s_last) == ":"
}
