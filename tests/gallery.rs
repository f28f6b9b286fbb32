//! The workshop page's gallery (`www/gallery.json`) teaches by example: a trainer loads a "balanced" example
//! and the verdict must say balanced. Each example's kind was checked by two blind readers following
//! `../shared/review/LABELLING.md` (twelfth session: the three earlier "balanced" examples read as sales to
//! both readers, as the verdict had said, and were replaced by value-first posts with a plug at the end).

use postcoach::{Engine, Options, Platform, Verdict};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gallery {
    examples: Vec<Example>,
}

#[derive(Deserialize)]
struct Example {
    id: String,
    kind: String,
    platform: String,
    text: String,
}

#[test]
fn every_gallery_example_reads_as_its_kind() {
    let source = include_str!("../www/gallery.json");
    let gallery: Gallery = serde_json::from_str(source).expect("www/gallery.json is valid");
    let engine = Engine::new();
    let mut kinds = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for e in &gallery.examples {
        let platform: Platform = e.platform.parse().unwrap_or_else(|_| panic!("{}: {}", e.id, e.platform));
        let expected = match e.kind.as_str() {
            "sales" => Verdict::SalesPitch,
            "balanced" => Verdict::Balanced,
            "value" => Verdict::Conversation,
            other => panic!("{}: unknown kind {other}", e.id),
        };
        kinds.insert(e.kind.as_str());
        let report = engine.analyze(&e.text, &Options::for_platform(platform));
        if report.verdict != expected {
            failures.push(format!("{} ({}): {:?}", e.id, e.kind, report.verdict));
        }
    }
    assert_eq!(kinds.len(), 3, "the gallery shows all three kinds");
    assert!(failures.is_empty(), "gallery examples the verdict contradicts:\n{}", failures.join("\n"));
}
