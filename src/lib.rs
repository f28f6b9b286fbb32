//! postcoach: coaches social-media drafts from sales pitch to conversation.
//!
//! The engine scores a draft for *salesiness* and *value* (0-100 each), derives a verdict, lists every finding
//! with its span (UTF-8 and UTF-16 offsets), the coaching principle behind it and concrete suggestions, and
//! builds a whole-post conversational rewrite. Rules are data (`rules/default.toml`, embedded at compile time);
//! trainers can load extra packs at run time.
//!
//! ```
//! use postcoach::{Engine, Options, Platform};
//! let engine = Engine::new();
//! let report = engine.analyze("BUY NOW!!! Only 3 left!", &Options::for_platform(Platform::Facebook));
//! assert!(report.salesiness > report.value);
//! ```
//!
//! Module map: `report` (output types), `platform` (platforms and options), `error` (pack errors),
//! `engine` (analysis, scoring and rewriting), `wasm` (the JavaScript bindings, wasm32 only).

pub mod corpus;
pub mod engine;
pub mod error;
pub mod eval;
pub mod fit;
pub mod history;
pub mod platform;
pub mod report;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::Engine;
pub use error::PackError;
pub use platform::{Options, Platform, Sensitivity, UnknownPlatform};
pub use report::{
    Finding, PackInfo, PrincipleRef, Report, Rewrite, RuleInfo, Scope, Scores, Side, Span, Stats, Suggestion,
    Verdict,
};

/// Analyze with the default rules (a shared engine built on first use).
pub fn analyze(text: &str, options: &Options) -> Report {
    default_engine().analyze(text, options)
}

/// Rewrite with the default rules (a shared engine built on first use).
pub fn rewrite(text: &str, options: &Options) -> Rewrite {
    default_engine().rewrite(text, options)
}

fn default_engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(Engine::new)
}
