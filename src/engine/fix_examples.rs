//! Rules own their fixes and their tests: each rule's `examples.fix` pairs (`[before, after]`) are checked
//! here (on the detected findings, whatever the rule's fitted weight), by `cargo test` (tests/engine_pack.rs)
//! for the default pack and by `postcoach pack check` for a trainer's pack. A pair passes when the rule finds
//! `before` and applying the first suggestion of its first finding gives `after`; an `after` equal to `before` says the finding offers no edit there (the coach
//! explains without rewriting, see `suggest::guard`).

use super::{Engine, Suggestions};
use crate::{Options, Platform};

impl Engine {
    /// Every active rule's `examples.fix` checked: how many pairs were checked, and one line per pair that
    /// fails (none when all pass).
    pub fn check_fix_examples(&self) -> (usize, Vec<String>) {
        let mut failures = Vec::new();
        let mut checked = 0;
        for rule in self.compiled.set.active_rules().filter(|r| !r.examples.fix.is_empty()) {
            let platform = rule.examples.platform.as_deref().and_then(|p| p.parse().ok());
            let options = Options::for_platform(platform.unwrap_or(Platform::Generic));
            for (before, after) in &rule.examples.fix {
                checked += 1;
                let report = self.detect(before, &options, Suggestions::Build);
                let Some(finding) = report.findings.iter().find(|f| f.rule.id == rule.id) else {
                    failures.push(format!("{}: does not find {before:?}", rule.id));
                    continue;
                };
                let got = finding.suggestions.first().map_or_else(
                    || before.clone(),
                    |s| format!("{}{}{}", &before[..s.span.start], s.text, &before[s.span.end..]),
                );
                if got != *after {
                    failures.push(format!("{}: {before:?} gives {got:?}, not {after:?}", rule.id));
                }
            }
        }
        (checked, failures)
    }
}
