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
//! - `score`: points, the two scores, verdict and summary.
//! - `rewrite`: the whole-post conversational rewrite.

mod fix_examples;
mod lexicon;
mod matcher;
mod pack;
mod pattern;
mod rewrite;
mod score;
mod signals;
mod suggest;
mod text;
mod vocab;

use std::sync::Arc;

use crate::{Finding, Options, PackError, PackInfo, Report, Rewrite, RuleInfo, Scope, Stats};
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
    /// `score::REPEAT_DECAY.powi(k)` for the first repeats `k` of a rule (the same values, computed once).
    decays: [f32; 16],
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
        let decays = std::array::from_fn(|k| score::REPEAT_DECAY.powi(k as i32));
        Compiled { set, phrase, detectors, vocab, persons, suggest_lists, index, infos, decays }
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
            closing: &profile.closing,
            hits: &hits,
            rules: &c.phrase,
            lists: &c.suggest_lists,
            cache: Default::default(),
        };
        // By rule number: findings so far (for the repeat decay) and the platform's weight for the rule, looked
        // up on the rule's first finding.
        let mut per_rule: Vec<(i32, Option<f32>)> = vec![(0, None); c.infos.len()];
        // The findings and, for scoring, the raw weight of each.
        let mut findings: Vec<Finding> = Vec::with_capacity(hits.len() + detected.len());
        let mut raws: Vec<f32> = Vec::with_capacity(hits.len() + detected.len());
        for (n, sig) in phrase_signals.chain(detected) {
            let rule = c.rule(n);
            let (repeats, platform_weight) = &mut per_rule[n];
            let decay = c
                .decays
                .get(*repeats as usize)
                .copied()
                .unwrap_or_else(|| score::REPEAT_DECAY.powi(*repeats));
            *repeats += 1;
            let platform_weight =
                *platform_weight.get_or_insert_with(|| profile.weights.get(&rule.id).copied().unwrap_or(1.0));
            let post_level = rule.detector.is_some_and(|d| d.is_post_level());
            raws.push(rule.weight * sig.strength * decay * platform_weight);
            findings.push(Finding {
                rule: c.infos[n].clone(),
                side: rule.side,
                scope: if post_level { Scope::Post } else { Scope::Phrase },
                span: sig.span,
                points: 0.0,
                suggestions: suggest::build(rule, &sig, &draft),
            });
        }
        let words = cx.shape.words;
        let (salesiness, value) = score::score(&mut findings, &mut raws, words, options);
        findings.sort_by_key(|f| (f.scope == Scope::Post, f.span.start, f.span.end));
        let verdict = score::verdict(salesiness, value);
        let stats = Stats {
            bytes: text.len(),
            utf16_len: tokens.utf16_len,
            chars: tokens.chars,
            words,
            questions: cx.shape.questions,
            hashtags: cx.shape.hashtags.len(),
            self_refs: cx.shape.selfs,
            reader_refs: cx.shape.readers,
        };
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

    /// The whole-post conversational rewrite with the scores before and after.
    pub fn rewrite(&self, text: &str, options: &Options) -> Rewrite {
        rewrite::rewrite(self, text, options)
    }
}
