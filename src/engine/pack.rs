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
//! closing = ["..."]                     # retired: still read (old packs load), no longer used: the engine
//!                                        # writes no closing questions (readers found them generic)
//! weights = { engagement-bait = 1.2 }
//!
//! [[rule]]
//! id = "hard-cta"
//! side = "sales"                         # sales | value | platform
//! principle = "value-first"
//! weight = 1.4                           # logit units (`postcoach fit` writes the default pack's): promotion
//!                                        # for a sales rule, value for a value rule
//! point = 0.6                            # optional, sales rules: weight in "the plug is the point" (fitted)
//! priority = 14                          # optional: of two overlapping hits on a side, the higher is kept
//! offer = false                          # optional: explain only, offer no one-click edit (default true)
//! tags = ["cta"]
//! patterns = ["(buy|order|shop) now", "only {num} left"]   # see `pattern.rs`; or detector = "..."
//!                                        # (detector = "learned": the sentences of the learned model)
//! except = ["buy now pay later"]         # a match overlapped by one of these does not count
//! needs = ["cta"]                        # only counts near a finding tagged so (within needs_window tokens)
//! message = "A command to buy..."
//! title = "hard calls to action"         # optional: how summaries name the rule (default: the id)
//! fix = "sentence"                       # replace | sentence | drop-sentence | remove | lowercase | calm |
//!                                        # append | anchor | none
//! suggest = ["Happy to talk it through if that helps."]
//! examples.match = ["Buy now!"]
//! examples.no_match = ["Don't just say 'buy now'."]
//! examples.fix = [["Buy now!", "If you're interested, you can buy it."]]   # before -> after its fix
//! ```
//!
//! Reading: `toml_subset` (a submodule) reads the part of TOML packs are written in into a tree of values
//! that each keep their byte offset; this module walks that tree by hand. Neither the `toml` crate nor serde
//! is used here: together they were a third of the browser engine's size (see the reader's module doc).
//!
//! Loading checks syntax (the reader's errors) and meaning (an unknown key, a value of the wrong type, a
//! missing `id`/`side`/`principle`/`weight`/`message`; an unknown side, principle, detector, platform or
//! class; a bad pattern), pointing at the offending key or value by line and column. Packs never panic the
//! engine, and a pack that fails leaves the engine as it was.

use std::collections::{BTreeMap, BTreeSet};

use self::toml_subset::{Key, Kind, Table, Value};
use super::pattern::{self, Pattern};
use crate::{PackError, Platform, PrincipleRef, Side};

#[cfg(test)]
mod strip;
mod toml_subset;

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
    /// Sentences the learned gram model reads as selling (a sales-side rule) or as giving (a value-side rule);
    /// found by the engine's `learned` module, not by `signals`.
    Learned,
}

impl Detector {
    const NAMES: [(&'static str, Detector); 11] = [
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
        ("learned", Detector::Learned),
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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Examples {
    /// `examples.match`: texts the rule must find.
    pub matches: Vec<String>,
    /// `examples.no_match`: texts it must not find.
    pub no_match: Vec<String>,
    /// `examples.fix`: `[before, after]` pairs: the rule finds `before` and its first suggestion makes it
    /// `after`; `after` equal to `before` says the finding explains and offers no edit there.
    pub fix: Vec<(String, String)>,
    /// Platform the examples are analysed for (default generic).
    pub platform: Option<String>,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub side: Side,
    pub principle: PrincipleRef,
    pub weight: f32,
    /// A sales rule's weight in the point logit (is the plug the point of the post?); 0 when the pack gives
    /// none, so the rule then only says that the post plugs something.
    pub point: f32,
    /// Which of two overlapping phrase hits on the same side is kept: the higher priority, then the longer.
    /// Set by hand, unlike the fitted weight, so that what the fit reads does not depend on what it fitted.
    pub priority: f32,
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
    /// Whether the fix is offered as a one-click edit; `offer = false` keeps the finding to an explanation
    /// (what a blind panel of readers did not recommend: a coach can explain without rewriting).
    pub offer: bool,
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
    /// Closing-question templates of older packs: read and checked so that those packs still load, but no
    /// longer used (the engine writes no closing questions).
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
    /// The platforms a pack sets norms for, each once, in the order first set (a handful: searched in turn).
    pub profiles: Vec<(Platform, Profile)>,
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

    /// The norms of `platform` (the defaults when no pack sets any).
    pub fn profile(&self, platform: Platform) -> &Profile {
        static DEFAULT: Profile =
            Profile { hashtags: 5, max_chars: 0, fold: 0, closing: Vec::new(), weights: BTreeMap::new() };
        self.profiles.iter().find(|(p, _)| *p == platform).map_or(&DEFAULT, |(_, profile)| profile)
    }
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

/// A string from the pack and the byte offset of its opening quote.
#[derive(Clone, Copy)]
struct Text<'a> {
    text: &'a str,
    at: usize,
}

const PACK_KEYS: &[&str] = &["name", "disable", "principles", "platforms", "rule"];
const PRINCIPLE_KEYS: &[&str] = &["title", "summary"];
const PROFILE_KEYS: &[&str] = &["hashtags", "max_chars", "fold", "closing", "weights"];
const RULE_KEYS: &[&str] = &[
    "id",
    "side",
    "principle",
    "weight",
    "point",
    "offer",
    "priority",
    "tags",
    "patterns",
    "except",
    "needs",
    "needs_window",
    "quoted",
    "negatable",
    "detector",
    "message",
    "title",
    "fix",
    "suggest",
    "examples",
];
const EXAMPLES_KEYS: &[&str] = &["match", "no_match", "fix", "platform"];

/// One table of a pack, read key by key: each value's type is checked, and keys the format does not have
/// are refused, so a typo is an error rather than a silently ignored line.
struct Fields<'a> {
    src: &'a str,
    table: &'a Table,
    /// Where the table is named, for "needs ..." errors.
    at: usize,
    /// What the table is, for messages: "a [[rule]]", "a principle", ...
    what: &'static str,
}

impl<'a> Fields<'a> {
    fn new(src: &'a str, value: &'a Value, what: &'static str, known: &[&str]) -> Result<Self, PackError> {
        let Kind::Table(table) = &value.kind else {
            return Err(error_at(src, value.at, format!("{what} must be a table")));
        };
        Fields::of(src, table, value.at, what, known)
    }

    fn of(
        src: &'a str,
        table: &'a Table,
        at: usize,
        what: &'static str,
        known: &[&str],
    ) -> Result<Self, PackError> {
        if let Some((key, _)) = table.entries.iter().find(|(k, _)| !known.contains(&k.name.as_str())) {
            let message =
                format!("unknown key \"{}\" in {what} (expected one of: {})", key.name, known.join(", "));
            return Err(error_at(src, key.at, message));
        }
        Ok(Fields { src, table, at, what })
    }

    fn wrong(&self, key: &str, value: &Value, expected: &str) -> PackError {
        error_at(self.src, value.at, format!("{key} must be {expected}"))
    }

    /// The value of a key the table must have.
    fn needs<T>(&self, key: &str, value: Option<T>) -> Result<T, PackError> {
        value.ok_or_else(|| error_at(self.src, self.at, format!("{} needs \"{key}\"", self.what)))
    }

    fn text(&self, key: &str) -> Result<Option<Text<'a>>, PackError> {
        self.table.get(key).map(|v| text(self.src, key, v)).transpose()
    }

    /// A list of strings; none when the key is not there.
    fn texts(&self, key: &str) -> Result<Vec<Text<'a>>, PackError> {
        let Some(value) = self.table.get(key) else { return Ok(Vec::new()) };
        let Kind::Array(items) = &value.kind else {
            return Err(self.wrong(key, value, "a list of \"strings\", like [\"a\", \"b\"]"));
        };
        items
            .iter()
            .map(|item| match &item.kind {
                Kind::String(s) => Ok(Text { text: s, at: item.at }),
                _ => Err(self.wrong(key, item, "a list of \"strings\"")),
            })
            .collect()
    }

    fn strings(&self, key: &str) -> Result<Vec<String>, PackError> {
        Ok(self.texts(key)?.iter().map(|t| t.text.to_string()).collect())
    }

    /// A list of two-string lists: `[["before", "after"], ...]`.
    fn pairs(&self, key: &str) -> Result<Vec<(String, String)>, PackError> {
        const PAIRS: &str = "a list of [\"before\", \"after\"] pairs";
        let Some(value) = self.table.get(key) else { return Ok(Vec::new()) };
        let Kind::Array(items) = &value.kind else { return Err(self.wrong(key, value, PAIRS)) };
        items
            .iter()
            .map(|item| match &item.kind {
                Kind::Array(pair) => match pair.as_slice() {
                    [Value { kind: Kind::String(a), .. }, Value { kind: Kind::String(b), .. }] => {
                        Ok((a.to_string(), b.to_string()))
                    }
                    _ => Err(self.wrong(key, item, PAIRS)),
                },
                _ => Err(self.wrong(key, item, PAIRS)),
            })
            .collect()
    }

    /// A whole number, 0 or more.
    fn count(&self, key: &str) -> Result<Option<usize>, PackError> {
        let Some(value) = self.table.get(key) else { return Ok(None) };
        match value.kind {
            Kind::Integer(n) => usize::try_from(n).map(Some).map_err(|_| self.wrong(key, value, "0 or more")),
            _ => Err(self.wrong(key, value, "a whole number")),
        }
    }

    /// A number, whole or not, with where it is written.
    fn number(&self, key: &str) -> Result<Option<(f32, usize)>, PackError> {
        self.table.get(key).map(|v| number(self.src, key, v).map(|n| (n, v.at))).transpose()
    }

    fn flag(&self, key: &str) -> Result<Option<bool>, PackError> {
        let Some(value) = self.table.get(key) else { return Ok(None) };
        match value.kind {
            Kind::Boolean(b) => Ok(Some(b)),
            _ => Err(self.wrong(key, value, "true or false")),
        }
    }

    /// The entries of a table-valued key (`principles`, `weights`, ...); none when the key is not there.
    fn entries(&self, key: &str) -> Result<&'a [(Key, Value)], PackError> {
        match self.table.get(key) {
            None => Ok(&[]),
            Some(Value { kind: Kind::Table(t), .. }) => Ok(&t.entries),
            Some(value) => Err(self.wrong(key, value, "a table")),
        }
    }
}

fn text<'a>(src: &str, key: &str, value: &'a Value) -> Result<Text<'a>, PackError> {
    match &value.kind {
        Kind::String(s) => Ok(Text { text: s, at: value.at }),
        _ => Err(error_at(src, value.at, format!("{key} must be a \"string\""))),
    }
}

fn number(src: &str, key: &str, value: &Value) -> Result<f32, PackError> {
    match value.kind {
        Kind::Integer(n) => Ok(n as f32),
        Kind::Float(f) => Ok(f as f32),
        _ => Err(error_at(src, value.at, format!("{key} must be a number"))),
    }
}

/// Parse `src` and merge it into a copy of `base`. Returns the merged set and the pack's info.
pub fn merge(base: &PackSet, src: &str) -> Result<(PackSet, crate::PackInfo), PackError> {
    let document = toml_subset::parse(src)?;
    let pack = Fields::of(src, &document, 0, "the pack", PACK_KEYS)?;
    let name = pack.text("name")?;
    let disable = pack.texts("disable")?;
    let mut set = base.clone();
    for (id, value) in pack.entries("principles")? {
        let p = Fields::new(src, value, "a principle", PRINCIPLE_KEYS)?;
        let title = p.needs("title", p.text("title")?)?.text.to_string();
        let summary = p.needs("summary", p.text("summary")?)?.text.to_string();
        set.principles.insert(id.name.clone(), PrincipleRef { id: id.name.clone(), title, summary });
    }
    for (name, value) in pack.entries("platforms")? {
        let platform: Platform =
            name.name.parse().map_err(|e: crate::UnknownPlatform| error_at(src, name.at, e.to_string()))?;
        let p = Fields::new(src, value, "a platform", PROFILE_KEYS)?;
        let (hashtags, max_chars, fold) = (p.count("hashtags")?, p.count("max_chars")?, p.count("fold")?);
        let closing = p.table.get("closing").map(|_| p.strings("closing")).transpose()?;
        let weights = p
            .entries("weights")?
            .iter()
            .map(|(rule, w)| Ok((rule.name.clone(), number(src, "a weight", w)?)))
            .collect::<Result<Vec<_>, PackError>>()?;
        let at = set.profiles.iter().position(|(p, _)| *p == platform).unwrap_or_else(|| {
            set.profiles.push((platform, Profile::default()));
            set.profiles.len() - 1
        });
        let entry = &mut set.profiles[at].1;
        if let Some(h) = hashtags {
            entry.hashtags = h;
        }
        if let Some(m) = max_chars {
            entry.max_chars = m;
        }
        if let Some(f) = fold {
            entry.fold = f;
        }
        if let Some(c) = closing {
            entry.closing = c;
        }
        entry.weights.extend(weights);
    }
    let rules: &[Value] = match pack.table.get("rule") {
        None => &[],
        Some(Value { kind: Kind::Array(items), .. }) => items,
        Some(value) => return Err(pack.wrong("rule", value, "a [[rule]] table")),
    };
    let mut seen = BTreeSet::new();
    for value in rules {
        let fields = Fields::new(src, value, "a [[rule]]", RULE_KEYS)?;
        let rule = compile_rule(&fields, &set, &mut seen)?;
        set.disabled.remove(&rule.id);
        match set.rules.iter_mut().find(|x| x.id == rule.id) {
            Some(existing) => *existing = rule,
            None => set.rules.push(rule),
        }
    }
    for id in &disable {
        if !set.rules.iter().any(|r| r.id == id.text) {
            return Err(error_at(src, id.at, format!("cannot disable unknown rule \"{}\"", id.text)));
        }
        set.disabled.insert(id.text.to_string());
    }
    let info = crate::PackInfo {
        name: name.map_or_else(|| "unnamed pack".into(), |n| n.text.to_string()),
        rules: rules.len(),
        disabled: disable.len(),
    };
    Ok((set, info))
}

fn compile_patterns(src: &str, list: &[Text]) -> Result<Vec<Pattern>, PackError> {
    list.iter()
        .map(|p| {
            pattern::parse(p.text).map_err(|e| {
                error_at(src, p.at + 1 + e.offset, format!("bad pattern \"{}\": {}", p.text, e.message))
            })
        })
        .collect()
}

fn compile_rule(r: &Fields, set: &PackSet, seen: &mut BTreeSet<String>) -> Result<Rule, PackError> {
    let src = r.src;
    let id_text = r.needs("id", r.text("id")?)?;
    let id = id_text.text.to_string();
    let at_id = |message: String| error_at(src, id_text.at, message);
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(at_id(format!("rule id \"{id}\" must be letters, digits and dashes")));
    }
    if !seen.insert(id.clone()) {
        return Err(at_id(format!("rule \"{id}\" is defined twice in this pack")));
    }
    let side_text = r.needs("side", r.text("side")?)?;
    let side = match side_text.text {
        "sales" => Side::Sales,
        "value" => Side::Value,
        "platform" => Side::Platform,
        other => {
            return Err(error_at(
                src,
                side_text.at,
                format!("unknown side \"{other}\" (expected sales, value or platform)"),
            ))
        }
    };
    let principle_text = r.needs("principle", r.text("principle")?)?;
    let principle = set.principles.get(principle_text.text).cloned().ok_or_else(|| {
        let known: Vec<&str> = set.principles.keys().map(String::as_str).collect();
        error_at(
            src,
            principle_text.at,
            format!("unknown principle \"{}\" (known: {})", principle_text.text, known.join(", ")),
        )
    })?;
    let (weight, weight_at) = r.needs("weight", r.number("weight")?)?;
    if !(0.0..=100.0).contains(&weight) {
        return Err(error_at(src, weight_at, "weight must be between 0 and 100"));
    }
    let point = match r.number("point")? {
        Some((p, at)) if !(0.0..=100.0).contains(&p) => {
            return Err(error_at(src, at, "point must be between 0 and 100"));
        }
        Some((p, _)) => p,
        None => 0.0,
    };
    let priority = r.number("priority")?.map_or(0.0, |(p, _)| p);
    let detector = match r.text("detector")? {
        Some(d) => Some(Detector::parse(d.text).ok_or_else(|| {
            let names: Vec<&str> = Detector::NAMES.iter().map(|(n, _)| *n).collect();
            error_at(
                src,
                d.at,
                format!("unknown detector \"{}\" (expected one of {})", d.text, names.join(", ")),
            )
        })?),
        None => None,
    };
    let patterns = r.texts("patterns")?;
    if detector.is_none() && patterns.is_empty() {
        return Err(at_id(format!("rule \"{id}\" needs `patterns` or a `detector`")));
    }
    let patterns = compile_patterns(src, &patterns)?;
    let except = compile_patterns(src, &r.texts("except")?)?;
    let suggest = r.strings("suggest")?;
    let offer = r.flag("offer")?.unwrap_or(true);
    let fix = match r.text("fix")? {
        Some(f) => Fix::parse(f.text).ok_or_else(|| {
            error_at(
                src,
                f.at,
                format!(
                    "unknown fix \"{}\" (expected replace, sentence, drop-sentence, remove, lowercase, calm, append, anchor or none)",
                    f.text
                ),
            )
        })?,
        None if suggest.is_empty() => Fix::None,
        None => Fix::Replace,
    };
    // A sentence fix softens commands by itself; its templates are optional.
    if matches!(fix, Fix::Replace | Fix::Append) && suggest.is_empty() {
        return Err(at_id(format!("rule \"{id}\": fix needs at least one `suggest` text")));
    }
    let examples = match r.table.get("examples") {
        Some(value) => {
            let e = Fields::new(src, value, "examples", EXAMPLES_KEYS)?;
            let platform = e.text("platform")?;
            if let Some(p) = platform {
                p.text.parse::<Platform>().map_err(|err| error_at(src, p.at, err.to_string()))?;
            }
            Examples {
                matches: e.strings("match")?,
                no_match: e.strings("no_match")?,
                fix: e.pairs("fix")?,
                platform: platform.map(|p| p.text.to_string()),
            }
        }
        None => Examples::default(),
    };
    Ok(Rule {
        id,
        side,
        principle,
        weight,
        point,
        priority,
        tags: r.strings("tags")?,
        patterns,
        except,
        needs: r.strings("needs")?,
        needs_window: r.count("needs_window")?.unwrap_or(30),
        quoted: r.flag("quoted")?.unwrap_or(false),
        negatable: r.flag("negatable")?.unwrap_or(true),
        detector,
        message: r.needs("message", r.text("message")?)?.text.to_string(),
        title: r.text("title")?.map(|t| t.text.to_string()),
        fix,
        offer,
        suggest,
        examples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wasm engine embeds the default pack stripped of comments and examples (`build.rs`): it must compile
    /// to exactly the same rules, principles and platform norms.
    #[test]
    fn the_stripped_default_pack_is_the_same_pack_without_examples() {
        let full =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/default.toml")).unwrap();
        let stripped = strip::strip_for_runtime(&full);
        assert!(stripped.len() < full.len() * 9 / 10, "examples and comments are a good part of the pack");
        let (a, _) = merge(&PackSet::default(), &full).unwrap();
        let (b, _) = merge(&PackSet::default(), &stripped).unwrap_or_else(|e| panic!("stripped pack: {e}"));
        let without_examples = |set: &PackSet| {
            let mut set = set.clone();
            for rule in &mut set.rules {
                rule.examples = Examples::default();
            }
            let mut profiles: Vec<_> = set.profiles.iter().map(|(k, v)| format!("{k:?} {v:?}")).collect();
            profiles.sort();
            (format!("{:?} {:?} {:?}", set.rules, set.principles, set.disabled), profiles)
        };
        assert!(a.rules.iter().any(|r| !r.examples.matches.is_empty()));
        assert!(b.rules.iter().all(|r| r.examples.matches.is_empty() && r.examples.no_match.is_empty()));
        assert_eq!(without_examples(&a), without_examples(&b));
    }

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

    /// A pack with one principle and one rule; `extra` is added to the rule.
    fn with_rule(extra: &str) -> String {
        format!(
            "[principles.p]\ntitle = \"t\"\nsummary = \"s\"\n\n[[rule]]\nid = \"r\"\nside = \"sales\"\n\
             principle = \"p\"\nweight = 3\nmessage = \"m\"\n{extra}"
        )
    }

    #[test]
    fn wrong_keys_types_and_missing_fields_name_their_place() {
        let rule = |extra: &str| with_rule(extra);
        let cases: Vec<(String, (usize, usize), &str)> = vec![
            ("nme = \"x\"\n".into(), (1, 1), "unknown key \"nme\" in the pack (expected one of: name, "),
            ("name = 3\n".into(), (1, 8), "name must be a \"string\""),
            ("rule = 3\n".into(), (1, 8), "rule must be a [[rule]] table"),
            ("principles = [1]\n".into(), (1, 14), "principles must be a table"),
            ("[principles.p]\ntitle = \"t\"\n".into(), (1, 13), "a principle needs \"summary\""),
            ("[platforms.mars]\nhashtags = 3\n".into(), (1, 12), "unknown platform \"mars\""),
            ("[platforms.x]\nhashtags = -1\n".into(), (2, 12), "hashtags must be 0 or more"),
            ("[platforms.x]\nfold = 2.5\n".into(), (2, 8), "fold must be a whole number"),
            ("[platforms.x]\nweights = { a = \"x\" }\n".into(), (2, 17), "a weight must be a number"),
            (
                "[platforms.x]\nclosing = [\"a\", 1]\n".into(),
                (2, 17),
                "closing must be a list of \"strings\"",
            ),
            (rule("patterns = \"x\"\n"), (11, 12), "patterns must be a list of \"strings\", like"),
            (rule("detector = \"caps\"\nquoted = \"yes\"\n"), (12, 10), "quoted must be true or false"),
            (rule("weight_typo = 1\n"), (11, 1), "unknown key \"weight_typo\" in a [[rule]]"),
            (rule("detector = \"caps\"\nexamples.platform = \"mars\"\n"), (12, 21), "unknown platform"),
            (
                rule("detector = \"caps\"\nexamples.fix = [\"a\", \"b\"]\n"),
                (12, 17),
                "fix must be a list of [\"before\", \"after\"] pairs",
            ),
            (
                rule("detector = \"caps\"\nexamples.fix = [[\"a\"]]\n"),
                (12, 17),
                "fix must be a list of [\"before\", \"after\"] pairs",
            ),
            (
                rule("detector = \"caps\"\nexamples.matches = []\n"),
                (12, 10),
                "unknown key \"matches\" in examples",
            ),
            (
                "[principles.p]\ntitle = \"t\"\nsummary = \"s\"\n[[rule]]\nid = \"r\"\n".into(),
                (4, 3),
                "a [[rule]] needs \"side\"",
            ),
        ];
        for (src, place, message) in &cases {
            let e = merge(&PackSet::default(), src).expect_err(src);
            assert_eq!((e.line, e.column), *place, "{src:?}: {e}");
            assert!(e.message.contains(message), "{src:?}: {:?} should say {message:?}", e.message);
        }
        let (set, info) = merge(&PackSet::default(), &rule("patterns = [\"x\"]\nquoted = true\n")).unwrap();
        assert_eq!((info.rules, set.rules[0].quoted, set.rules[0].negatable), (1, true, true));
    }
}
