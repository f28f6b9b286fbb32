//! Analysis: scores trace to findings, context (negation, quotation, generous "free", "best lesson", sales-hook
//! questions), post-level findings, sensitivity, and spans in both units.

use postcoach::{Engine, Options, Platform, Report, Scope, Sensitivity, Side, Verdict};

fn analyze(text: &str, platform: Platform) -> Report {
    Engine::new().analyze(text, &Options::for_platform(platform))
}

fn rules(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.rule.id.as_str()).collect()
}

const SALES: &str = "🔥🔥🔥 LAST CHANCE 🔥🔥🔥 Our world-class course is 70% OFF today only!!! Only 3 spots left. \
Click the link in bio and register now. Tag 3 friends who need this! #sale #course #marketing #growth #deal #promo";

const VALUE: &str =
    "Last year I lost my biggest client. Here's what I learned: ask one question before you pitch \
anything, and listen to the whole answer. Thanks to @Ann Lee for teaching me that. What would you add?";

#[test]
fn every_point_traces_to_a_finding() {
    let engine = Engine::new();
    let texts = [SALES, VALUE, "", "Hi", "Buy now", include_str!("../rules/default.toml")];
    for text in texts {
        for platform in Platform::ALL {
            for sensitivity in [Sensitivity::Gentle, Sensitivity::Normal, Sensitivity::Strict] {
                let r = engine.analyze(text, &Options { platform, sensitivity });
                let sales: f32 = r.findings.iter().filter(|f| f.side != Side::Value).map(|f| f.points).sum();
                let value: f32 = r.findings.iter().filter(|f| f.side == Side::Value).map(|f| f.points).sum();
                assert!(
                    (sales - f32::from(r.salesiness)).abs() <= 1.0,
                    "salesiness {} vs {sales}",
                    r.salesiness
                );
                assert!((value - f32::from(r.value)).abs() <= 1.0, "value {} vs {value}", r.value);
                assert!(r.findings.iter().all(|f| f.points >= 0.0));
            }
        }
    }
}

#[test]
fn sales_and_value_posts_are_told_apart() {
    let s = analyze(SALES, Platform::Facebook);
    let v = analyze(VALUE, Platform::Facebook);
    assert_eq!(s.verdict, Verdict::SalesPitch, "{s:#?}");
    assert_eq!(v.verdict, Verdict::Conversation, "{v:#?}");
    assert!(s.salesiness >= 70 && v.salesiness <= 20, "{} {}", s.salesiness, v.salesiness);
    assert!(v.value > s.value);
    for f in &s.findings {
        assert!(
            !f.rule.message.is_empty()
                && !f.rule.principle.title.is_empty()
                && !f.rule.principle.summary.is_empty()
        );
    }
    assert!(!s.summary.is_empty());
}

#[test]
fn negation_and_quotation_cancel_a_call_to_action() {
    let r = analyze("Don't just say 'buy now'. Ask what they need first.", Platform::Linkedin);
    assert!(!rules(&r).contains(&"hard-cta"), "{:?}", rules(&r));
    let r = analyze("The worst post says \"BUY NOW\" and nothing else.", Platform::Linkedin);
    assert!(!rules(&r).contains(&"hard-cta"), "{:?}", rules(&r));
    let r = analyze("Buy now.", Platform::Linkedin);
    assert!(rules(&r).contains(&"hard-cta"));
}

#[test]
fn generous_words_are_not_bait() {
    let r = analyze("Free advice for anyone who asks: write your goals down.", Platform::Linkedin);
    assert!(!rules(&r).contains(&"free-bait"), "{:?}", rules(&r));
    let r = analyze("FREE webinar, 20 seats, register now", Platform::Linkedin);
    assert!(rules(&r).contains(&"free-bait"), "{:?}", rules(&r));
    let r = analyze("The best lesson I learned this year came from a client.", Platform::Linkedin);
    assert!(r.findings.iter().all(|f| f.side == Side::Value || f.scope == Scope::Post), "{:?}", rules(&r));
}

#[test]
fn sales_hook_questions_are_not_genuine_questions() {
    let hook = analyze(
        "Struggling with growth? DM me 'GROWTH' and I'll send you my program. Sign up today.",
        Platform::Linkedin,
    );
    assert!(rules(&hook).contains(&"funnel-hook"), "{:?}", rules(&hook));
    assert!(!rules(&hook).contains(&"question"));
    let genuine =
        analyze("We tried three pricing pages this year. Which would you have picked?", Platform::Linkedin);
    assert!(rules(&genuine).contains(&"question"));
}

#[test]
fn post_level_findings() {
    let long_x = "Thinking about onboarding. ".repeat(15);
    let r = analyze(&long_x, Platform::X);
    let no_q = r.findings.iter().find(|f| f.rule.id == "no-question").expect("no question");
    assert_eq!(no_q.scope, Scope::Post);
    // The finding explains; the engine writes no closing question for the author (a generic one is worse).
    assert!(no_q.suggestions.is_empty(), "{:?}", no_q.suggestions);
    assert!(rules(&r).contains(&"length"));

    let tags = "Three tips for better meetings. #a #b #c #d";
    assert!(rules(&analyze(tags, Platform::Facebook)).contains(&"hashtags"));
    assert!(!rules(&analyze(tags, Platform::Linkedin)).contains(&"hashtags"));

    let opening = "We are thrilled to announce our award-winning new platform, the most powerful release we have \
ever built. It took our world-class team eighteen months and we could not be prouder of what they achieved together \
this year, from the first sketch to the launch party.";
    assert!(rules(&analyze(opening, Platform::Linkedin)).contains(&"fold"));
    assert!(!rules(&analyze(opening, Platform::Facebook)).contains(&"fold"));

    let we = "We did it. Our team worked hard. We shipped our product and our customers love our work. We are proud.";
    assert!(rules(&analyze(we, Platform::Linkedin)).contains(&"self-centred"));
}

#[test]
fn sensitivity_scales_the_sales_side() {
    let engine = Engine::new();
    let score = |s| {
        engine
            .analyze(
                "Hurry, only 3 left! Order yours today.",
                &Options { platform: Platform::Generic, sensitivity: s },
            )
            .salesiness
    };
    assert!(score(Sensitivity::Gentle) < score(Sensitivity::Normal));
    assert!(score(Sensitivity::Normal) < score(Sensitivity::Strict));
}

#[test]
fn spans_count_utf16_after_emoji_and_mentions() {
    let text = "👋🏽 Hi @Zoë! 🎉 BUY NOW, 50% off";
    let r = analyze(text, Platform::Facebook);
    assert!(!r.findings.is_empty());
    for f in &r.findings {
        let sp = f.span;
        assert_eq!(sp.start_utf16, text[..sp.start].encode_utf16().count());
        assert_eq!(sp.end_utf16, text[..sp.end].encode_utf16().count());
    }
    let cta = r.findings.iter().find(|f| f.rule.id == "hard-cta").expect("hard-cta");
    assert_eq!(&text[cta.span.start..cta.span.end], "BUY NOW");
    assert_eq!(r.stats.utf16_len, text.encode_utf16().count());
}

#[test]
fn rewrite_softens_commands_and_keeps_the_listing() {
    let engine = Engine::new();
    let options = Options::for_platform(Platform::Facebook);
    let rw = engine.rewrite("JUST LISTED 🏡 4 bed, 2 bath in Oakridge and it won't last!! Open house Sat 11-1. DM me NOW for a private showing!!", &options);
    // Measured 97 -> 92 (the scale is steep near the top): the "!!", "NOW" and "it won't last" go; "Just
    // listed" and the DM stay, so the listing is still the point of the post (a sales pitch), only calmer.
    assert!(rw.after.salesiness + 4 <= rw.before.salesiness, "{rw:#?}");
    assert!(rw.after.value >= rw.before.value);
    assert!(rw.text.contains("Oakridge") && rw.text.contains("private showing"), "{}", rw.text);
    assert!(!rw.text.contains("!!") && !rw.text.contains("NOW"), "{}", rw.text);
    // The listing's facts stay; no closing question, since the post names no subject to share experience of.
    for fact in ["4 bed", "2 bath", "Sat 11-1"] {
        assert!(rw.text.contains(fact), "{fact}: {}", rw.text);
    }
    assert!(!rw.text.contains('?'), "{}", rw.text);
    assert!(!rw.applied.is_empty());
}

/// Two findings in one sentence (a scarcity claim and a push) may each call for the same edit; the marketer is
/// offered it once, on the first, and the other finding explains (panel 16 saw "Drop this sentence" twice).
#[test]
fn an_edit_two_findings_share_is_offered_once() {
    let text =
        "Falconry days at Holt Farm, £95 each, book at example.com/hawks. Dates for next year are going \
                fast so don't miss out! 🦅";
    let report = analyze(text, Platform::Facebook);
    let start = text.find("Dates").unwrap();
    let in_sentence: Vec<_> = report.findings.iter().filter(|f| f.span.start >= start).collect();
    assert!(rules(&report).contains(&"urgency-claim") && rules(&report).contains(&"urgency"), "{report:#?}");
    let edits: Vec<_> = report.findings.iter().flat_map(|f| &f.suggestions).collect();
    let mut seen: Vec<(usize, usize, &str)> = Vec::new();
    for s in &edits {
        let key = (s.span.start, s.span.end, s.text.as_str());
        assert!(!seen.contains(&key), "offered twice: {s:?}");
        seen.push(key);
    }
    assert_eq!(in_sentence.iter().filter(|f| !f.suggestions.is_empty()).count(), 1, "{in_sentence:#?}");
}
