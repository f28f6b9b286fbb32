//! Robustness over arbitrary Unicode: no panic, and every span (finding and suggestion) falls on a char
//! boundary with UTF-16 offsets equal to what JavaScript's `String.length` counts for the text before it.

use postcoach::{Engine, Options, Platform, Report, Span};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "BUY NOW",
    "buy now",
    " ",
    "\n",
    "\r\n",
    "!!!",
    "?",
    ".",
    ",",
    "'",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "@zoë",
    "#Tag",
    "$5",
    "£1.50",
    "50%",
    "www.example.com/x",
    "https://a.io/b?c=d",
    "0800123456",
    "👍",
    "👋🏽",
    "👨‍👩‍👧",
    "🇬🇧",
    "e\u{301}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{202E}",
    "שלום",
    "مرحبا",
    "İ",
    "ß",
    "ﬃ",
    "\u{0}",
    "&amp;",
    "<br />",
    "Free",
    "FREE",
    "today only",
    "Only 3 left",
    "don't",
    "What do you think?",
    "🔥🔥🔥",
    "^^",
    "..",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z ]{1,12}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_span(text: &str, span: &Span) {
    assert!(span.start <= span.end && span.end <= text.len(), "{span:?} out of range");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} not on a char boundary"
    );
    assert_eq!(span.start_utf16, text[..span.start].encode_utf16().count());
    assert_eq!(span.end_utf16, text[..span.end].encode_utf16().count());
}

fn check_report(text: &str, r: &Report) {
    assert_eq!(r.stats.utf16_len, text.encode_utf16().count());
    assert_eq!(r.stats.bytes, text.len());
    for f in &r.findings {
        check_span(text, &f.span);
        for s in &f.suggestions {
            check_span(text, &s.span);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_on_any_text(text in text_strategy()) {
        let engine = Engine::new();
        for platform in [Platform::Linkedin, Platform::Facebook, Platform::X] {
            let r = engine.analyze(&text, &Options::for_platform(platform));
            check_report(&text, &r);
        }
    }

    #[test]
    fn rewrite_never_panics(text in text_strategy()) {
        let engine = Engine::new();
        let rw = engine.rewrite(&text, &Options::for_platform(Platform::Linkedin));
        prop_assert!(rw.after.salesiness <= rw.before.salesiness);
        prop_assert!(rw.after.value >= rw.before.value);
    }
}

#[test]
fn one_megabyte_input() {
    let unit = "👋🏽 BUY NOW!!! Only 3 left @zoë #deal www.shop.com/x e\u{301} \u{200B}שלום\r\n";
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(unit);
    }
    let engine = Engine::new();
    let r = engine.analyze(&text, &Options::for_platform(Platform::Linkedin));
    check_report(&text, &r);
    assert!(r.salesiness > 50);
    // One huge word and one huge emoji wall: no quadratic blow-up, no panic.
    let wall = "🔥".repeat(250_000);
    check_report(&wall, &engine.analyze(&wall, &Options::default()));
    let word = "a".repeat(1 << 20);
    check_report(&word, &engine.analyze(&word, &Options::default()));
}
