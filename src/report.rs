//! The engine's output types: what `analyze` and `rewrite` return.
//!
//! These types are the contract between the engine and everything that shows its results (the command line,
//! the extension's overlay and the workshop page). They serialise with serde to the JSON shape documented in
//! `docs/ARCHITECTURE.md`; the wasm bindings hand exactly this shape to JavaScript.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A range of the analysed text, in both of the units its consumers need.
///
/// `start`/`end` are UTF-8 byte offsets (Rust slicing); `start_utf16`/`end_utf16` are UTF-16 code-unit offsets,
/// which is what JavaScript's `String.prototype.length`, DOM `Range` offsets and `setSelectionRange` count.
/// An empty span (`start == end`) marks an insertion point, for example the end of the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
}

/// Which score a finding moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// Raises salesiness: hard calls to action, urgency, hype, shouting, bait.
    Sales,
    /// Raises value: questions, tips, stories, reader-centred language, thanks.
    Value,
    /// A platform norm was crossed (hashtags, length, the "see more" opening). Counts toward salesiness.
    Platform,
}

/// Whether a finding is about a phrase or about the post as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Phrase,
    Post,
}

/// The coaching principle a finding comes from (see `../shared/COACHING.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleRef {
    /// Stable id, for example `value-first`.
    pub id: String,
    /// Short title, for example "Value first; the sale follows".
    pub title: String,
    /// One friendly sentence saying the principle.
    pub summary: String,
}

/// One concrete edit a user can apply with one click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// What to replace. Empty span = insert at that point.
    pub span: Span,
    /// The new text; empty string = remove the span.
    pub text: String,
    /// Button label, for example `Try: "Happy to talk it through if that helps."`.
    pub label: String,
}

/// What every finding of one rule says: the rule's id, its message and the principle it comes from. Built once
/// per rule when the rules are compiled; the rule's findings share it by reference count.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// Rule id from the rule pack, for example `hard-cta`.
    pub id: String,
    /// A friendly one-line message for a marketer.
    pub message: String,
    /// The coaching principle the rule comes from.
    pub principle: PrincipleRef,
}

/// One signal found in the draft.
///
/// Serialised flat, as `{rule, side, scope, principle, message, span, points, suggestions}`, with `rule` the
/// rule's id.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule that found it: its id, message and principle (shared with the rule's other findings).
    pub rule: Arc<RuleInfo>,
    pub side: Side,
    pub scope: Scope,
    /// Where in the text. Post-level findings point at the most relevant part (or an insertion point).
    pub span: Span,
    /// The points this finding contributes to its score (salesiness for `sales`/`platform`, value for `value`).
    /// The points of all findings of a side add up to that side's score (up to rounding).
    pub points: f32,
    pub suggestions: Vec<Suggestion>,
}

/// A finding as it is serialised: the rule's id, principle and message in line.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Finding")]
struct FindingFields<R, P, M, G> {
    rule: R,
    side: Side,
    scope: Scope,
    principle: P,
    message: M,
    span: Span,
    points: f32,
    suggestions: G,
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        FindingFields {
            rule: &self.rule.id,
            side: self.side,
            scope: self.scope,
            principle: &self.rule.principle,
            message: &self.rule.message,
            span: self.span,
            points: self.points,
            suggestions: &self.suggestions,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let f = FindingFields::<String, PrincipleRef, String, Vec<Suggestion>>::deserialize(deserializer)?;
        Ok(Finding {
            rule: Arc::new(RuleInfo { id: f.rule, message: f.message, principle: f.principle }),
            side: f.side,
            scope: f.scope,
            span: f.span,
            points: f.points,
            suggestions: f.suggestions,
        })
    }
}

/// The overall judgement, derived from both scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Conversation,
    Balanced,
    SalesPitch,
}

/// The two scores and the verdict, without findings (used for before/after comparisons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub salesiness: u8,
    pub value: u8,
    pub verdict: Verdict,
}

/// Counts the report is built on, shown by front ends (for example the we/you balance).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Length in UTF-8 bytes.
    pub bytes: usize,
    /// Length in UTF-16 code units (JavaScript's `length`).
    pub utf16_len: usize,
    pub chars: usize,
    pub words: usize,
    pub questions: usize,
    pub hashtags: usize,
    /// we/our/us/I/my/me
    pub self_refs: usize,
    /// you/your/yours
    pub reader_refs: usize,
}

/// What `analyze` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The platform profile used (`linkedin`, `facebook`, `x`, `instagram`, `generic`).
    pub platform: crate::Platform,
    pub salesiness: u8,
    pub value: u8,
    pub verdict: Verdict,
    /// One friendly sentence about the verdict.
    pub summary: String,
    /// Ordered by span start, then post-level findings.
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

impl Report {
    pub fn scores(&self) -> Scores {
        Scores { salesiness: self.salesiness, value: self.value, verdict: self.verdict }
    }
}

/// What `rewrite` returns: the whole-post conversational rewrite and the scores before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rewrite {
    pub text: String,
    pub before: Scores,
    pub after: Scores,
    /// Rule ids whose suggestions were applied, in order.
    pub applied: Vec<String>,
}

/// What loading a rule pack returns on success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackInfo {
    /// The pack's name (from its `name` key, or "unnamed pack").
    pub name: String,
    /// Rules added or replaced by this pack.
    pub rules: usize,
    /// Rules switched off by this pack.
    pub disabled: usize,
}
