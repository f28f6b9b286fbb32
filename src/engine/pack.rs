//! Rule packs: the TOML format, its validation, merging packs by rule id, and `PackError` positions.
//!
//! A pack is a TOML document:
//!
//! ```toml
//! name = "my team's pack"
//! disable = ["puffery"]                  # switch rules off by id
//!
//! [principles.value-first]               # principles rules refer to
//! title = "Value first; the sale follows"
//! summary = "Give something useful; the money follows."
//!
//! [platforms.linkedin]                   # platform norms and weight multipliers
//! hashtags = 5
//! max_chars = 3000
//! fold = 210
//! closing = ["What has your experience with {topic} been?"]
//! weights = { engagement-bait = 1.2 }
//!
//! [[rule]]
//! id = "hard-cta"
//! side = "sales"                         # sales | value | platform
//! principle = "value-first"
//! weight = 14
//! tags = ["cta"]
//! patterns = ["(buy|order|shop) now", "only {num} left"]   # see `pattern.rs`; or detector = "..."
//! except = ["buy now pay later"]         # a match overlapped by one of these does not count
//! needs = ["cta"]                        # only counts near a finding tagged so (within needs_window tokens)
//! message = "A command to buy..."
//! title = "hard calls to action"         # optional: how summaries name the rule (default: the id)
//! fix = "sentence"                       # replace | sentence | drop-sentence | remove | lowercase | calm |
//!                                        # append | anchor | none
//! suggest = ["Happy to talk it through if that helps."]
//! examples.match = ["Buy now!"]
//! examples.no_match = ["Don't just say 'buy now'."]
//! ```
//!
//! Loading checks syntax (the `toml` error span gives line and column) and meaning (unknown side, principle,
//! detector, platform or class; a bad pattern), pointing at the offending value. Packs never panic the engine.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use super::pattern::{self, Pattern};
use crate::{PackError, Platform, PrincipleRef, Side};

/// The post-level and shape detectors a rule can name with `detector = "..."`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detector {
    /// Runs of words in capitals.
    Caps,
    /// `!!` and more.
    Bangs,
    /// Three or more emoji in a row.
    EmojiWall,
    /// A genuine question to the reader (not a sales hook).
    Question,
    /// No question or invitation anywhere in the post.
    NoQuestion,
    /// Many more we/our/I/my than you/your.
    SelfCentred,
    /// Reader-centred language: you/your outnumber we/our.
    ReaderCentred,
    /// More hashtags than the platform's norm.
    Hashtags,
    /// Longer than the platform's norm.
    Length,
    /// A LinkedIn opening that spends the "see more" fold on self-promotion.
    Fold,
}

impl Detector {
    const NAMES: [(&'static str, Detector); 10] = [
        ("caps", Detector::Caps),
        ("bangs", Detector::Bangs),
        ("emoji-wall", Detector::EmojiWall),
        ("question", Detector::Question),
        ("no-question", Detector::NoQuestion),
        ("self-centred", Detector::SelfCentred),
        ("reader-centred", Detector::ReaderCentred),
        ("hashtags", Detector::Hashtags),
        ("length", Detector::Length),
        ("fold", Detector::Fold),
    ];

    fn parse(s: &str) -> Option<Detector> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, d)| *d)
    }

    /// Whether findings of this detector are about the whole post.
    pub fn is_post_level(self) -> bool {
        matches!(
            self,
            Detector::NoQuestion
                | Detector::SelfCentred
                | Detector::ReaderCentred
                | Detector::Hashtags
                | Detector::Length
                | Detector::Fold
        )
    }
}

/// How a finding's suggestion changes the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Replace the matched words with the suggestion text.
    Replace,
    /// Replace the whole sentence (keeping its links and @mentions).
    Sentence,
    /// Drop the whole sentence (a brag with no offer, link or useful content in it).
    DropSentence,
    /// Remove the matched words.
    Remove,
    /// Capitals to normal case.
    Lowercase,
    /// `!!!` to one mark, an emoji wall to one emoji.
    Calm,
    /// Insert the suggestion at the end of the post.
    Append,
    /// Drop a price anchor ("worth $495", "(was $99)", "instead of $349") and keep the price itself.
    Anchor,
    /// No automatic suggestion.
    None,
}

impl Fix {
    fn parse(s: &str) -> Option<Fix> {
        Some(match s {
            "replace" => Fix::Replace,
            "sentence" => Fix::Sentence,
            "drop-sentence" => Fix::DropSentence,
            "remove" => Fix::Remove,
            "lowercase" => Fix::Lowercase,
            "calm" => Fix::Calm,
            "append" => Fix::Append,
            "anchor" => Fix::Anchor,
            "none" => Fix::None,
            _ => return None,
        })
    }
}

/// A rule's inline tests.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(rename = "match", default)]
    pub matches: Vec<String>,
    #[serde(default)]
    pub no_match: Vec<String>,
    /// Platform the examples are analysed for (default generic).
    #[serde(default)]
    pub platform: Option<String>,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub side: Side,
    pub principle: PrincipleRef,
    pub weight: f32,
    pub tags: Vec<String>,
    pub patterns: Vec<Pattern>,
    pub except: Vec<Pattern>,
    pub needs: Vec<String>,
    pub needs_window: usize,
    /// Whether a match inside quotation marks counts.
    pub quoted: bool,
    /// Whether a negation just before the match cancels it.
    pub negatable: bool,
    pub detector: Option<Detector>,
    pub message: String,
    /// A friendly name for summaries ("hard calls to action"); the id when the pack gives none.
    pub title: Option<String>,
    pub fix: Fix,
    pub suggest: Vec<String>,
    pub examples: Examples,
}

/// Norms and weights for one platform.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Hashtags beyond this count are flagged.
    pub hashtags: usize,
    /// Characters beyond this are flagged (0 = no limit).
    pub max_chars: usize,
    /// Characters shown before "see more" (0 = no fold).
    pub fold: usize,
    /// Closing-question templates; `{topic}` is filled in.
    pub closing: Vec<String>,
    /// Weight multipliers by rule id.
    pub weights: BTreeMap<String, f32>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile { hashtags: 5, max_chars: 0, fold: 0, closing: Vec::new(), weights: BTreeMap::new() }
    }
}

/// Everything the loaded packs define, merged: principles, platform profiles and rules by id.
#[derive(Debug, Clone, Default)]
pub struct PackSet {
    pub principles: BTreeMap<String, PrincipleRef>,
    pub profiles: std::collections::HashMap<Platform, Profile>,
    pub rules: Vec<Rule>,
    pub disabled: BTreeSet<String>,
}

impl PackSet {
    /// The rules in force (not disabled).
    pub fn active_rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| !self.disabled.contains(&r.id))
    }

    /// How summaries name rule `id`: its `title`, else the id in words ("hard cta").
    pub fn title(&self, id: &str) -> String {
        match self.rules.iter().find(|r| r.id == id) {
            Some(Rule { title: Some(t), .. }) => t.clone(),
            _ => id.replace(['-', '_'], " "),
        }
    }

    pub fn profile(&self, platform: Platform) -> Profile {
        self.profiles.get(&platform).cloned().unwrap_or_default()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    name: Option<String>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    principles: BTreeMap<String, RawPrinciple>,
    #[serde(default)]
    platforms: BTreeMap<String, Spanned<RawProfile>>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrinciple {
    title: String,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    hashtags: Option<usize>,
    max_chars: Option<usize>,
    fold: Option<usize>,
    closing: Option<Vec<String>>,
    #[serde(default)]
    weights: BTreeMap<String, f32>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    side: Spanned<String>,
    principle: Spanned<String>,
    weight: Spanned<f32>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    except: Vec<Spanned<String>>,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    needs_window: Option<usize>,
    #[serde(default)]
    quoted: bool,
    #[serde(default = "yes")]
    negatable: bool,
    detector: Option<Spanned<String>>,
    message: String,
    #[serde(default)]
    title: Option<String>,
    fix: Option<Spanned<String>>,
    #[serde(default)]
    suggest: Vec<String>,
    #[serde(default)]
    examples: Examples,
}

/// Turn a byte offset of `src` into a 1-based line and column (in characters).
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let mut o = offset;
    while !src.is_char_boundary(o) {
        o -= 1;
    }
    let before = &src[..o];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn error_at(src: &str, offset: usize, message: impl Into<String>) -> PackError {
    let (line, column) = line_col(src, offset);
    PackError { line, column, message: message.into() }
}

fn spanned_err<T>(src: &str, s: &Spanned<T>, message: impl Into<String>) -> PackError {
    error_at(src, s.span().start, message)
}

/// Parse `src` and merge it into a copy of `base`. Returns the merged set and the pack's info.
pub fn merge(base: &PackSet, src: &str) -> Result<(PackSet, crate::PackInfo), PackError> {
    let raw: RawPack = toml::from_str(src).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().to_string();
        error_at(src, offset, message)
    })?;
    let mut set = base.clone();
    for (id, p) in raw.principles {
        set.principles.insert(id.clone(), PrincipleRef { id, title: p.title, summary: p.summary });
    }
    for (name, profile) in &raw.platforms {
        let platform: Platform =
            name.parse().map_err(|e: crate::UnknownPlatform| spanned_err(src, profile, e.to_string()))?;
        let p = profile.get_ref();
        let entry = set.profiles.entry(platform).or_default();
        if let Some(h) = p.hashtags {
            entry.hashtags = h;
        }
        if let Some(m) = p.max_chars {
            entry.max_chars = m;
        }
        if let Some(f) = p.fold {
            entry.fold = f;
        }
        if let Some(c) = &p.closing {
            entry.closing = c.clone();
        }
        entry.weights.extend(p.weights.iter().map(|(k, v)| (k.clone(), *v)));
    }
    let mut added = 0;
    let mut seen = BTreeSet::new();
    for r in raw.rule {
        let rule = compile_rule(src, &set, r, &mut seen)?;
        set.disabled.remove(&rule.id);
        match set.rules.iter_mut().find(|x| x.id == rule.id) {
            Some(existing) => *existing = rule,
            None => set.rules.push(rule),
        }
        added += 1;
    }
    for id in &raw.disable {
        if !set.rules.iter().any(|r| &r.id == id.get_ref()) {
            return Err(spanned_err(src, id, format!("cannot disable unknown rule {:?}", id.get_ref())));
        }
        set.disabled.insert(id.get_ref().clone());
    }
    let info = crate::PackInfo {
        name: raw.name.unwrap_or_else(|| "unnamed pack".into()),
        rules: added,
        disabled: raw.disable.len(),
    };
    Ok((set, info))
}

fn compile_patterns(src: &str, list: &[Spanned<String>]) -> Result<Vec<Pattern>, PackError> {
    list.iter()
        .map(|p| {
            pattern::parse(p.get_ref()).map_err(|e| {
                error_at(
                    src,
                    p.span().start + 1 + e.offset,
                    format!("bad pattern {:?}: {}", p.get_ref(), e.message),
                )
            })
        })
        .collect()
}

fn compile_rule(
    src: &str,
    set: &PackSet,
    r: RawRule,
    seen: &mut BTreeSet<String>,
) -> Result<Rule, PackError> {
    let id = r.id.get_ref().clone();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(spanned_err(src, &r.id, format!("rule id {id:?} must be letters, digits and dashes")));
    }
    if !seen.insert(id.clone()) {
        return Err(spanned_err(src, &r.id, format!("rule {id:?} is defined twice in this pack")));
    }
    let side = match r.side.get_ref().as_str() {
        "sales" => Side::Sales,
        "value" => Side::Value,
        "platform" => Side::Platform,
        other => {
            return Err(spanned_err(
                src,
                &r.side,
                format!("unknown side {other:?} (expected sales, value or platform)"),
            ))
        }
    };
    let principle = set.principles.get(r.principle.get_ref()).cloned().ok_or_else(|| {
        let known: Vec<&str> = set.principles.keys().map(String::as_str).collect();
        spanned_err(
            src,
            &r.principle,
            format!("unknown principle {:?} (known: {})", r.principle.get_ref(), known.join(", ")),
        )
    })?;
    let weight = *r.weight.get_ref();
    if !(0.0..=100.0).contains(&weight) {
        return Err(spanned_err(src, &r.weight, "weight must be between 0 and 100"));
    }
    let detector = match &r.detector {
        Some(d) => Some(Detector::parse(d.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = Detector::NAMES.iter().map(|(n, _)| *n).collect();
            spanned_err(
                src,
                d,
                format!("unknown detector {:?} (expected one of {})", d.get_ref(), names.join(", ")),
            )
        })?),
        None => None,
    };
    if detector.is_none() && r.patterns.is_empty() {
        return Err(spanned_err(src, &r.id, format!("rule {id:?} needs `patterns` or a `detector`")));
    }
    let patterns = compile_patterns(src, &r.patterns)?;
    let except = compile_patterns(src, &r.except)?;
    let fix = match &r.fix {
        Some(f) => Fix::parse(f.get_ref()).ok_or_else(|| {
            spanned_err(
                src,
                f,
                format!(
                    "unknown fix {:?} (expected replace, sentence, drop-sentence, remove, lowercase, calm, append, anchor or none)",
                    f.get_ref()
                ),
            )
        })?,
        None if r.suggest.is_empty() => Fix::None,
        None => Fix::Replace,
    };
    if matches!(fix, Fix::Replace | Fix::Sentence | Fix::Append) && r.suggest.is_empty() {
        return Err(spanned_err(src, &r.id, format!("rule {id:?}: fix needs at least one `suggest` text")));
    }
    if let Some(p) = &r.examples.platform {
        p.parse::<Platform>().map_err(|e| spanned_err(src, &r.id, e.to_string()))?;
    }
    Ok(Rule {
        id,
        side,
        principle,
        weight,
        tags: r.tags,
        patterns,
        except,
        needs: r.needs,
        needs_window: r.needs_window.unwrap_or(30),
        quoted: r.quoted,
        negatable: r.negatable,
        detector,
        message: r.message,
        title: r.title,
        fix,
        suggest: r.suggest,
        examples: r.examples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_title_names_it_in_summaries_else_its_id_in_words() {
        let pack = r#"
[principles.p]
title = "P"
summary = "P."
[[rule]]
id = "hard-cta"
side = "sales"
principle = "p"
weight = 1
patterns = ["buy now"]
message = "m"
title = "hard calls to action"
[[rule]]
id = "my-rule"
side = "sales"
principle = "p"
weight = 1
patterns = ["order now"]
message = "m"
"#;
        let (set, _) = merge(&PackSet::default(), pack).unwrap();
        assert_eq!(set.title("hard-cta"), "hard calls to action");
        assert_eq!(set.title("my-rule"), "my rule");
    }

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("é\nxy", 5), (2, 3));
    }
}
