//! The engine: rules in, report and rewrite out.
//!
//! Module map (one job each):
//! - `text`: the tokenizer (typed tokens with UTF-8 and UTF-16 offsets, quotation, sentences).
//! - `fix_examples`: each rule's `examples.fix` (before -> after) checked, for tests and `pack check`.
//! - `lexicon`: every word list (self/reader words, facts, grammar words), shared by signals and suggestions.
//! - `vocab`: word ids, so patterns and tokens compare integers instead of strings.
//! - `pattern`: the token pattern language rules are written in.
//! - `pack`: the TOML rule-pack format, validation with line/column errors, merging packs by id.
//! - `matcher`: finds every phrase rule in one pass via a first-element index (word id, mark or token kind),
//!   with context filters.
//! - `signals`: shape and post-level detectors (shouting, questions, we/you, platform norms).
//! - `suggest`: one-click suggestions built from a rule's fix and templates.
//! - `learned`: the fitted gram model (`rules/model.tsv`) and the features it reads.
//! - `score`: the two logits, points, the two scores, verdict and summary.
//! - `rewrite`: the whole-post conversational rewrite.
//! - `slips`: the author's misspellings and grammar slips, corrected in a rewrite (`rules/slips.tsv`).

mod fix_examples;
pub mod learned;
mod lexicon;
mod matcher;
mod pack;
mod pattern;
mod rewrite;
mod score;
mod signals;
mod slips;
mod suggest;
mod text;
mod vocab;

use std::sync::Arc;

use crate::{
    Finding, Options, PackError, PackInfo, Report, Rewrite, RuleInfo, Scope, Scores, Stats, Suggestion,
    Verdict,
};
use pack::{PackSet, Rule};
use signals::Signal;

pub use pack::line_col;

/// The default rule pack (`rules/default.toml`), embedded at compile time by way of `build.rs`: whole in native
/// builds, without comments and rule examples in the wasm engine.
pub const DEFAULT_PACK: &str = include_str!(concat!(env!("OUT_DIR"), "/default.toml"));

/// The rules in force, compiled for matching.
#[derive(Debug)]
struct Compiled {
    set: PackSet,
    phrase: Vec<Rule>,
    detectors: Vec<Rule>,
    /// The words the phrase rules' patterns mention, the self and reader words and the suggestion builder's
    /// word lists; drafts are interned against it.
    vocab: vocab::Vocab,
    /// Which words are self and reader references (`signals::PERSON_LISTS`).
    persons: vocab::WordLists,
    /// The suggestion builder's word lists (`suggest::WORD_LISTS`).
    suggest_lists: vocab::WordLists,
    index: matcher::Index,
    /// What each rule's findings share with it, by rule number (`Compiled::rule`).
    infos: Vec<Arc<RuleInfo>>,
    /// The learned gram model, shared by every engine.
    model: Arc<learned::Model>,
    /// The rule numbers of the `learned` detector's rules on the sales and the value side, if active.
    tone: (Option<usize>, Option<usize>),
}

/// The embedded learned model, parsed once.
fn embedded_model() -> Arc<learned::Model> {
    static MODEL: std::sync::OnceLock<Arc<learned::Model>> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| Arc::new(learned::Model::embedded())).clone()
}

impl Compiled {
    fn new(set: PackSet) -> Compiled {
        let mut phrase: Vec<Rule> = set.active_rules().filter(|r| r.detector.is_none()).cloned().collect();
        let detectors: Vec<Rule> = set.active_rules().filter(|r| r.detector.is_some()).cloned().collect();
        let mut vocab = vocab::Vocab::default();
        for rule in &mut phrase {
            for pattern in rule.patterns.iter_mut().chain(rule.except.iter_mut()) {
                pattern.intern(&mut vocab);
            }
        }
        let persons = vocab::WordLists::intern(&mut vocab, &signals::PERSON_LISTS);
        let suggest_lists = vocab::WordLists::intern(&mut vocab, &suggest::WORD_LISTS);
        let index = matcher::Index::build(&phrase, &mut vocab);
        let infos = phrase
            .iter()
            .chain(&detectors)
            .map(|r| {
                Arc::new(RuleInfo {
                    id: r.id.clone(),
                    message: r.message.clone(),
                    principle: r.principle.clone(),
                })
            })
            .collect();
        let tone_rule = |sales: bool| {
            let n = detectors.iter().position(|r| {
                r.detector == Some(pack::Detector::Learned) && score::is_sales(r.side) == sales
            });
            n.map(|n| phrase.len() + n)
        };
        let tone = (tone_rule(true), tone_rule(false));
        Compiled {
            set,
            phrase,
            detectors,
            vocab,
            persons,
            suggest_lists,
            index,
            infos,
            model: embedded_model(),
            tone,
        }
    }

    /// Rule number `n`: the phrase rules first, then the detectors.
    fn rule(&self, n: usize) -> &Rule {
        match self.phrase.get(n) {
            Some(rule) => rule,
            None => &self.detectors[n - self.phrase.len()],
        }
    }
}

/// Room for the detectors' signals of most drafts (one per detector, a few more for runs of capitals, "!!" and
/// emoji walls), so their vector rarely grows.
const DETECTED_ROOM: usize = 32;

/// A rule's inline examples, for the pack tests: (rule id, platform, must-match texts, must-not-match texts).
pub type RuleExamples = (String, Option<String>, Vec<String>, Vec<String>);

/// Whether an analysis builds each finding's suggestions (the report a user sees), builds them with the edits
/// only the whole-post rewrite makes (`suggest::build_for_pitch`), or skips them (scores only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suggestions {
    Build,
    ForRewrite,
    Skip,
}

/// A draft's findings before scoring: by finding, the amount it counts for (strength times the platform's
/// multiplier) and its rule's number.
struct Detected {
    tokens: text::Tokens,
    findings: Vec<Finding>,
    /// Edits offered only if the verdict is "sales pitch" (`suggest::build_for_pitch`), by finding number.
    pitch_edits: Vec<(usize, Suggestion)>,
    amounts: Vec<f32>,
    rules: Vec<usize>,
    stats: Stats,
}

/// What the fit reads of one draft (`Engine::training_features`).
#[derive(Debug, Clone)]
pub struct TrainingFeatures {
    /// (rule id, side, feature) of every rule with findings.
    pub rules: Vec<(String, crate::Side, f32)>,
    /// The text of every gram occurrence (`learned::grams`).
    pub grams: Vec<String>,
    /// What each gram's weight is divided by in this draft.
    pub gram_norm: f32,
    /// How much of the posts' gram weights the draft is read with (`learned::Register::post_share`).
    pub post_share: f32,
}

/// The coaching engine: the default rule pack plus any packs loaded at run time.
#[derive(Debug, Clone)]
pub struct Engine {
    compiled: Arc<Compiled>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

fn default_set() -> PackSet {
    match pack::merge(&PackSet::default(), DEFAULT_PACK) {
        Ok((set, _)) => set,
        // The embedded pack is checked by the test suite; an engine without rules is better than a panic.
        Err(_) => PackSet::default(),
    }
}

impl Engine {
    /// An engine with the embedded default rule pack.
    pub fn new() -> Self {
        Engine { compiled: Arc::new(Compiled::new(default_set())) }
    }

    /// The default rules with every fix offered, also those the pack keeps to an explanation (`offer =
    /// false`): for the tests of the fixes themselves.
    #[cfg(test)]
    pub(crate) fn offering_every_fix() -> Self {
        let mut set = default_set();
        set.rules.iter_mut().for_each(|r| r.offer = true);
        Engine { compiled: Arc::new(Compiled::new(set)) }
    }

    /// Load an extra rule pack (TOML, same format as `rules/default.toml`): adds or replaces rules by id, or
    /// switches rules off. On error nothing changes.
    pub fn load_pack(&mut self, source: &str) -> Result<PackInfo, PackError> {
        let (set, info) = pack::merge(&self.compiled.set, source)?;
        self.compiled = Arc::new(Compiled::new(set));
        Ok(info)
    }

    /// Drop every loaded pack and go back to the default rules.
    pub fn reset_packs(&mut self) {
        *self = Engine::new();
    }

    /// Ids of the rules in force.
    pub fn rule_ids(&self) -> Vec<String> {
        self.compiled.set.active_rules().map(|r| r.id.clone()).collect()
    }

    /// Every active rule's inline examples.
    pub fn rule_examples(&self) -> Vec<RuleExamples> {
        self.compiled
            .set
            .active_rules()
            .map(|r| {
                (
                    r.id.clone(),
                    r.examples.platform.clone(),
                    r.examples.matches.clone(),
                    r.examples.no_match.clone(),
                )
            })
            .collect()
    }

    pub fn analyze(&self, text: &str, options: &Options) -> Report {
        self.judge(text, options, Suggestions::Build)
    }

    /// `analyze` with the edits only the whole-post rewrite makes: in a sales pitch, every "!!" calmed.
    fn analyze_for_rewrite(&self, text: &str, options: &Options) -> Report {
        self.judge(text, options, Suggestions::ForRewrite)
    }

    /// The scores of a draft, as `analyze` gives them, without building its suggestions: what the rewrite
    /// needs of each candidate it tries.
    pub fn scores(&self, text: &str, options: &Options) -> Scores {
        self.judge(text, options, Suggestions::Skip).scores()
    }

    /// The whole analysis, with or without each finding's suggestions.
    fn judge(&self, text: &str, options: &Options, suggestions: Suggestions) -> Report {
        let c = &*self.compiled;
        let Detected { tokens, mut findings, pitch_edits, amounts, rules, stats } =
            self.detect(text, options, suggestions);
        let words = stats.words;
        let sens = score::sensitivity_factor(options.sensitivity);
        // What each rule's findings add up to, by rule number.
        let mut totals = vec![0.0f32; c.infos.len()];
        for (&n, &a) in rules.iter().zip(&amounts) {
            totals[n] += a;
        }
        // What each finding adds to the logits, [promotion, point] for a sales finding and [value, 0] for a
        // value one: its share of its rule's contribution.
        let mut contributions: Vec<[f32; 2]> = rules
            .iter()
            .zip(&amounts)
            .map(|(&n, &a)| {
                let rule = c.rule(n);
                let scale = if score::is_sales(rule.side) { sens } else { 1.0 };
                let x = scale * score::rule_feature(totals[n], words) * a / totals[n];
                [rule.weight * x, rule.point * x]
            })
            .collect();
        let (mut promo, mut point, mut value) = (0.0f32, 0.0f32, c.model.value_bias);
        for (f, x) in findings.iter().zip(&contributions) {
            if score::is_sales(f.side) {
                promo += x[0];
                point += x[1];
            } else {
                value += x[0];
            }
        }
        // The learned grams, each side only while its tone rule is on (its weight scales what they read).
        let share = learned::Register::post_share(options.platform, stats.words);
        let reading = learned::read(&c.model, &tokens, share);
        let tone_weight = |rule: Option<usize>| rule.map_or(0.0, |n| c.rule(n).weight);
        let (sales_tone, value_tone) = (tone_weight(c.tone.0), tone_weight(c.tone.1));
        let sensitive = |x: f32| if x > 0.0 { x * sens } else { x };
        promo += sensitive(reading.logits[0] * sales_tone);
        point += sensitive(reading.logits[1] * sales_tone);
        value += reading.logits[2] * value_tone;
        let judgement = score::judge(promo, point, value, &c.model);
        // The learned sentences worth showing become findings of the tone rules.
        for (rule, mix, scale) in
            [(c.tone.0, judgement.sales_mix(), sales_tone * sens), (c.tone.1, [0.0, 0.0, 1.0], value_tone)]
        {
            let Some(n) = rule else { continue };
            let sales = score::is_sales(c.rule(n).side);
            for st in reading.stretches(mix) {
                findings.push(Finding {
                    rule: c.infos[n].clone(),
                    side: c.rule(n).side,
                    scope: Scope::Phrase,
                    span: tokens.span_of(st.first as usize, st.last as usize),
                    points: 0.0,
                    suggestions: Vec::new(),
                });
                let [a, b, v] = st.logits.map(|x| x * scale);
                contributions.push(if sales { [a, b] } else { [v, 0.0] });
            }
        }
        let score::Judgement { salesiness, value, verdict, .. } = judgement;
        // A warning about a scam shouts to protect the reader, and the verdict may misread it as a pitch: its
        // voice stays, as in a conversation.
        let warns = verdict != Verdict::Conversation && suggest::warns_of_scam(&tokens, &c.suggest_lists);
        if verdict == Verdict::SalesPitch && !warns {
            for (i, edit) in pitch_edits {
                findings[i].suggestions.push(edit);
            }
        }
        if verdict == Verdict::Conversation || warns {
            // In a post that plugs nothing, "!!!", a row of emoji, capitals and big adjectives are the author's
            // voice (panel 15: "We shipped our 100,000th order today!!!", "we need your help with something
            // amazing!!"; panel 42: "state-of-the-art" cut from a news report): the finding explains, nothing is
            // toned down.
            for (f, &n) in findings.iter_mut().zip(&rules) {
                if suggest::tones_down_voice(c.rule(n)) {
                    f.suggestions.clear();
                }
            }
        }
        score::share_points(&mut findings, &contributions, &judgement);
        // A phrase that adds nothing to the score explains nothing about this draft: its finding goes. That is a
        // rule the fit gave no weight, and every sales phrase of a post whose salesiness is 0 (the rest of the
        // post reads as sharing: "incredible journey" in a thank-you), whose mark would call salesy what the
        // score does not. Value phrases stay as encouragement, and post-level hints (a post that asks nothing)
        // stay, at no points, as advice.
        let mut keep = contributions.iter().map(|c| c[0] > 0.0 || c[1] > 0.0);
        findings.retain(|f| {
            let weighed = keep.next().unwrap_or(true);
            (weighed && (salesiness > 0 || !score::is_sales(f.side))) || f.scope == Scope::Post
        });
        findings.sort_by_key(|f| (f.scope == Scope::Post, f.span.start, f.span.end));
        // Two findings in one sentence can offer the same edit ("Drop this sentence" for its claim and for its
        // push, panel 16): it is offered once, on the first; the other finding explains.
        let mut offered = std::collections::HashSet::new();
        for f in &mut findings {
            f.suggestions.retain(|s| offered.insert((s.span.start, s.span.end, s.text.clone())));
        }
        Report {
            platform: options.platform,
            salesiness,
            value,
            verdict,
            summary: score::summary(verdict, &findings, &|id| c.set.title(id)),
            findings,
            stats,
        }
    }

    /// The rules' findings of a draft before scoring, with their suggestions unless told to skip them.
    fn detect(&self, text: &str, options: &Options, suggestions: Suggestions) -> Detected {
        let c = &*self.compiled;
        let profile = c.set.profile(options.platform);
        let tokens = text::tokenize_interned(text, &c.vocab);
        let hits = matcher::find(&c.phrase, &c.index, &tokens);
        let cx = signals::Context {
            text,
            tokens: &tokens,
            profile,
            phrase_rules: &c.phrase,
            hits: &hits,
            shape: signals::Shape::of(&tokens, &c.persons),
        };
        // Signals by rule number (`Compiled::rule`): the phrase hits, then what each detector finds.
        let phrase_signals = hits.iter().map(|h| {
            let signal = Signal {
                span: tokens.span_of(h.first, h.last),
                strength: 1.0,
                tokens: Some((h.first, h.last)),
            };
            (h.rule, signal)
        });
        // Collected first, so the findings are allocated once at their full length.
        let mut detected: Vec<(usize, Signal)> = Vec::with_capacity(DETECTED_ROOM);
        for (n, rule) in c.detectors.iter().enumerate() {
            if let Some(detector) = rule.detector {
                signals::detect(detector, &cx, &mut |s| detected.push((c.phrase.len() + n, s)));
            }
        }
        let draft = suggest::Draft {
            text,
            tokens: &tokens,
            topic: Default::default(),
            capitals: Default::default(),
            hits: &hits,
            rules: &c.phrase,
            lists: &c.suggest_lists,
            cache: Default::default(),
            for_rewrite: suggestions == Suggestions::ForRewrite,
        };
        // By rule number: the platform's weight for the rule, looked up on the rule's first finding.
        let mut per_rule: Vec<Option<f32>> = vec![None; c.infos.len()];
        let room = hits.len() + detected.len() + 8;
        let mut findings: Vec<Finding> = Vec::with_capacity(room);
        let mut amounts: Vec<f32> = Vec::with_capacity(room);
        let mut rules: Vec<usize> = Vec::with_capacity(room);
        let mut pitch_edits = Vec::new();
        for (n, sig) in phrase_signals.chain(detected) {
            let rule = c.rule(n);
            let platform_weight =
                *per_rule[n].get_or_insert_with(|| profile.weights.get(&rule.id).copied().unwrap_or(1.0));
            let post_level = rule.detector.is_some_and(|d| d.is_post_level());
            amounts.push(sig.strength * platform_weight);
            rules.push(n);
            if suggestions == Suggestions::ForRewrite {
                if let Some(edit) = suggest::build_for_pitch(rule, &sig, &draft) {
                    pitch_edits.push((findings.len(), edit));
                }
            }
            findings.push(Finding {
                rule: c.infos[n].clone(),
                side: rule.side,
                scope: if post_level { Scope::Post } else { Scope::Phrase },
                span: sig.span,
                points: 0.0,
                suggestions: match suggestions {
                    Suggestions::Build | Suggestions::ForRewrite => suggest::build(rule, &sig, &draft),
                    Suggestions::Skip => Vec::new(),
                },
            });
        }
        let stats = Stats {
            bytes: text.len(),
            utf16_len: tokens.utf16_len,
            chars: tokens.chars,
            words: cx.shape.words,
            questions: cx.shape.questions,
            hashtags: cx.shape.hashtags.len(),
            self_refs: cx.shape.selfs,
            reader_refs: cx.shape.readers,
        };
        drop(draft);
        Detected { tokens, findings, pitch_edits, amounts, rules, stats }
    }

    /// Whether rule `id` finds anything in `text`, whatever its fitted weight: what a rule's examples and a
    /// trainer's pack check test. A rule the fit gave no weight still matches, but its findings do not reach
    /// the report.
    pub fn fires(&self, id: &str, text: &str, options: &Options) -> bool {
        let learned = self
            .compiled
            .set
            .active_rules()
            .any(|r| r.id == id && r.detector == Some(pack::Detector::Learned));
        if learned {
            return self.judge(text, options, Suggestions::Skip).findings.iter().any(|f| f.rule.id == id);
        }
        self.detect(text, options, Suggestions::Skip).findings.iter().any(|f| f.rule.id == id)
    }

    /// What the fit reads of a draft (`crate::fit`): each rule's feature by id and side, and the text of every
    /// gram.
    pub fn training_features(&self, text: &str, options: &Options) -> TrainingFeatures {
        let c = &*self.compiled;
        let d = self.detect(text, options, Suggestions::Skip);
        let mut totals: std::collections::BTreeMap<usize, f32> = Default::default();
        for (&n, &a) in d.rules.iter().zip(&d.amounts) {
            *totals.entry(n).or_default() += a;
        }
        let rules = totals
            .into_iter()
            .map(|(n, a)| (c.rule(n).id.clone(), c.rule(n).side, score::rule_feature(a, d.stats.words)))
            .collect();
        let mut list = Vec::new();
        learned::grams::grams(&d.tokens, &mut list);
        TrainingFeatures {
            rules,
            grams: learned::grams::texts(&d.tokens, &list),
            gram_norm: learned::gram_norm(list.len()),
            post_share: learned::Register::post_share(options.platform, d.stats.words),
        }
    }

    /// The ids of the rules whose findings the learned model's sentences become, on the sales and value side.
    pub fn tone_rules(&self) -> (Option<String>, Option<String>) {
        let c = &*self.compiled;
        let id = |n: Option<usize>| n.map(|n| c.rule(n).id.clone());
        (id(c.tone.0), id(c.tone.1))
    }

    /// The whole-post conversational rewrite with the scores before and after.
    pub fn rewrite(&self, text: &str, options: &Options) -> Rewrite {
        rewrite::rewrite(self, text, options)
    }
}
