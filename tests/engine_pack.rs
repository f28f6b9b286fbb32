//! The rule pack: every rule's inline examples, loading extra packs, and errors with line and column.

use postcoach::{Engine, Options, Platform};

#[test]
fn every_rule_passes_its_examples() {
    let engine = Engine::new();
    let mut failures = Vec::new();
    let examples = engine.rule_examples();
    assert!(examples.len() >= 25, "the default pack should have at least 25 rules");
    for (id, platform, matches, no_match) in examples {
        let platform: Platform = platform.as_deref().unwrap_or("generic").parse().unwrap();
        let options = Options::for_platform(platform);
        assert!(!matches.is_empty(), "rule {id} has no examples.match");
        for text in &matches {
            if !engine.analyze(text, &options).findings.iter().any(|f| f.rule == id) {
                failures.push(format!("{id}: should match {text:?}"));
            }
        }
        for text in &no_match {
            if engine.analyze(text, &options).findings.iter().any(|f| f.rule == id) {
                failures.push(format!("{id}: should not match {text:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "rule examples failed:\n{}", failures.join("\n"));
}

#[test]
fn default_pack_loads_cleanly() {
    let mut engine = Engine::new();
    let info =
        engine.load_pack(postcoach::engine::DEFAULT_PACK).unwrap_or_else(|e| panic!("default pack: {e}"));
    assert_eq!(info.name, "postcoach default");
}
