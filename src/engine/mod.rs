//! The engine: rules in, report and rewrite out.
//!
//! PLACEHOLDER — being replaced by the real engine in this session (tokenizer, rule pack, matcher, scoring,
//! rewrite). Only the public signatures below are the contract.

use crate::{Options, PackError, PackInfo, Report, Rewrite, Stats, Verdict};

/// The coaching engine: the default rule pack plus any packs loaded at run time.
#[derive(Debug, Clone, Default)]
pub struct Engine {}

impl Engine {
    /// An engine with the embedded default rule pack.
    pub fn new() -> Self {
        Engine {}
    }

    /// Load an extra rule pack (TOML, same format as `rules/default.toml`): adds or replaces rules by id, or
    /// switches rules off. On error nothing changes.
    pub fn load_pack(&mut self, _source: &str) -> Result<PackInfo, PackError> {
        Err(PackError { line: 1, column: 1, message: "not implemented yet".into() })
    }

    /// Drop every loaded pack and go back to the default rules.
    pub fn reset_packs(&mut self) {}

    pub fn analyze(&self, text: &str, options: &Options) -> Report {
        Report {
            platform: options.platform,
            salesiness: 0,
            value: 0,
            verdict: Verdict::Balanced,
            summary: String::new(),
            findings: Vec::new(),
            stats: Stats { bytes: text.len(), utf16_len: text.encode_utf16().count(), ..Stats::default() },
        }
    }

    pub fn rewrite(&self, text: &str, options: &Options) -> Rewrite {
        let report = self.analyze(text, options);
        Rewrite { text: text.to_string(), before: report.scores(), after: report.scores(), applied: Vec::new() }
    }
}
