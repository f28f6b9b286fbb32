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

/// Checks every span against the text. UTF-16 offsets are counted in one walk over the text (sorted offsets),
/// so the check stays linear on 1 MB inputs with many findings.
fn check_report(text: &str, r: &Report) {
    assert_eq!(r.stats.utf16_len, text.encode_utf16().count());
    assert_eq!(r.stats.bytes, text.len());
    let spans: Vec<&Span> = r
        .findings
        .iter()
        .flat_map(|f| std::iter::once(&f.span).chain(f.suggestions.iter().map(|s| &s.span)))
        .collect();
    for span in &spans {
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?} out of range");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} not on a char boundary"
        );
    }
    let mut offsets: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut utf16_at = std::collections::HashMap::with_capacity(offsets.len());
    let (mut next, mut units) = (0, 0);
    for (byte, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        while next < offsets.len() && offsets[next] == byte {
            utf16_at.insert(byte, units);
            next += 1;
        }
        units += ch.len_utf16();
    }
    for span in &spans {
        assert_eq!(
            span.start_utf16, utf16_at[&span.start],
            "{span:?}: UTF-16 start differs from JavaScript's count"
        );
        assert_eq!(
            span.end_utf16, utf16_at[&span.end],
            "{span:?}: UTF-16 end differs from JavaScript's count"
        );
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
    assert!(r.salesiness > r.value, "a wall of hard sells must read as selling");
    // One huge word and one huge emoji wall: no quadratic blow-up, no panic.
    let wall = "🔥".repeat(250_000);
    check_report(&wall, &engine.analyze(&wall, &Options::default()));
    let word = "a".repeat(1 << 20);
    check_report(&word, &engine.analyze(&word, &Options::default()));
}
