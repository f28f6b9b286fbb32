//! `postcoach fit`: fits the rule weights, the learned gram model and the verdict thresholds on the labelled
//! corpora, and writes them into the rule pack (`weight = ...` of each rule in `rules/default.toml`) and the
//! model file (`rules/model.tsv`). Rerun it after changing a rule: `make fit`.
//!
//! The data are the training parts (`crate::corpus::part_of`) of every corpus in the folder, each line once
//! (duplicates dropped), weighted per source so that the real posts lead (`SOURCE_WEIGHTS`). Features are the
//! engine's own (`Engine::training_features`): each rule's `ln(1 + density × amount)` and every gram over
//! `sqrt(grams)`. Two models share them:
//! - **sales**: all-threshold ordinal logistic regression (value < balanced < sales; spam counts as sales, ham
//!   as value) over the sales and platform rules (weights kept at or above zero) and the grams, with
//!   thresholds `t1 < t2`;
//! - **value**: logistic regression of "not a sales post" over the value rules (at or above zero) and the
//!   grams, with a bias.
//!
//! Both are fitted by full-batch Adam with an L2 penalty, chosen from a small grid by the verdict agreement
//! and AUC on a held-in part of the training posts (every fifth training post of `real-linkedin` and
//! `posts-dev`); the final fit uses every training line. Nothing of the validation parts is read.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use crate::corpus::{self, Label, Part, Row};
use crate::eval::auc;
use crate::{Engine, Options, Side};

/// Weight of each line, by corpus: the real and the brand posts lead; the comment, message and headline
/// corpora teach what spam and hype look like without outweighing them.
/// Chosen by cross-validated agreement on the real posts against the spam corpora's own validation AUC: more
/// weight on the other corpora costs agreement on real posts, none at all costs the comment and headline AUC.
pub const SOURCE_WEIGHTS: [(&str, f32); 5] = [
    ("real-linkedin", 1.0),
    ("posts-dev", 2.0),
    ("youtube-spam", 0.1),
    ("sms-spam", 0.02),
    ("clickbait", 0.005),
];

/// Grams seen in fewer training lines than this are left out of the model.
const MIN_LINES: usize = 3;
/// Penalties tried for the gram weights (the rule weights get a tenth).
const PENALTIES: [f32; 3] = [1e-5, 3e-5, 1e-4];
const STEPS: usize = 400;
/// Cross-validation folds of the three-way labelled lines.
const FOLDS: usize = 5;
const LEARNING_RATE: f32 = 0.05;
/// Gram weights smaller than this in both models are not written.
const PRUNE: f32 = 0.004;

/// Why the fit could not run.
#[derive(Debug)]
pub enum FitError {
    Io { path: String, error: std::io::Error },
    Corpus { path: String, error: corpus::CorpusError },
    NoData,
}

impl std::fmt::Display for FitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FitError::Io { path, error } => write!(f, "{path}: {error}"),
            FitError::Corpus { path, error } => write!(f, "{path}: {error}"),
            FitError::NoData => write!(f, "no labelled training lines found"),
        }
    }
}

impl std::error::Error for FitError {}

/// One training line as the optimiser sees it.
struct Doc {
    /// (feature, value): rules first, then grams.
    x: Vec<(u32, f32)>,
    rank: usize,
    weight: f32,
    /// The cross-validation fold of a three-way labelled line (real and brand posts), `None` for the others.
    fold: Option<usize>,
}

/// What a feature is.
#[derive(Debug, Clone, PartialEq)]
enum Feature {
    Rule { id: String, side: Side },
    Gram(String),
}

/// The fitted weights.
#[derive(Debug, Clone)]
pub struct Fitted {
    pub t1: f32,
    pub t2: f32,
    pub value_bias: f32,
    /// Each rule's weight in its own side's logit.
    pub rule_weights: BTreeMap<String, f32>,
    /// (gram, sales weight, value weight), sorted by gram.
    pub grams: Vec<(String, f32, f32)>,
    /// Lines per corpus, the penalty chosen and the held-in figures, for the printout.
    pub notes: String,
}

/// A training line as the engine reads it, before grams become feature numbers: (rule features, gram texts,
/// gram norm, label rank, weight, fold).
type RawDoc = (Vec<(String, Side, f32)>, Vec<String>, f32, usize, f32, Option<usize>);

struct Data {
    docs: Vec<Doc>,
    features: Vec<Feature>,
}

fn load(dir: &Path, engine: &Engine, notes: &mut String) -> Result<Data, FitError> {
    let mut features: Vec<Feature> = Vec::new();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut raw: Vec<RawDoc> = Vec::new();
    for (name, weight) in SOURCE_WEIGHTS {
        let path = dir.join(format!("{name}.jsonl"));
        let shown = path.display().to_string();
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(FitError::Io { path: shown, error }),
        };
        let rows =
            corpus::read(BufReader::new(file)).map_err(|error| FitError::Corpus { path: shown, error })?;
        let three_way = rows.iter().any(|r| r.label == Label::Balanced);
        let mut seen = HashSet::new();
        let train: Vec<&Row> = rows
            .iter()
            .filter(|r| corpus::part_of(name, r) == Part::Train && seen.insert(r.text.trim().to_lowercase()))
            .collect();
        let _ = writeln!(notes, "{name}: {} training lines, weight {weight} each", train.len());
        for (k, r) in train.iter().enumerate() {
            let f = engine.training_features(&r.text, &Options::for_platform(r.platform));
            raw.push((f.rules, f.grams, f.gram_norm, r.label.rank(), weight, three_way.then_some(k % FOLDS)));
        }
    }
    if raw.is_empty() {
        return Err(FitError::NoData);
    }
    // Grams seen in at least MIN_LINES training lines.
    let mut lines_with: HashMap<&str, usize> = HashMap::new();
    for (_, grams, ..) in &raw {
        let unique: HashSet<&str> = grams.iter().map(String::as_str).collect();
        for g in unique {
            *lines_with.entry(g).or_default() += 1;
        }
    }
    let mut kept: Vec<&str> = lines_with.iter().filter(|(_, &n)| n >= MIN_LINES).map(|(g, _)| *g).collect();
    kept.sort_unstable();
    let mut intern = |f: Feature, key: String| -> u32 {
        *index.entry(key).or_insert_with(|| {
            features.push(f);
            (features.len() - 1) as u32
        })
    };
    let kept: HashMap<&str, u32> =
        kept.into_iter().map(|g| (g, intern(Feature::Gram(g.to_string()), format!("g {g}")))).collect();
    let mut docs = Vec::with_capacity(raw.len());
    for (rules, grams, norm, rank, weight, fold) in &raw {
        let mut x: BTreeMap<u32, f32> = BTreeMap::new();
        for (id, side, value) in rules {
            let n = intern(Feature::Rule { id: id.clone(), side: *side }, format!("r {id}"));
            *x.entry(n).or_default() += value;
        }
        for g in grams {
            if let Some(&n) = kept.get(g.as_str()) {
                *x.entry(n).or_default() += 1.0 / norm;
            }
        }
        docs.push(Doc { x: x.into_iter().collect(), rank: *rank, weight: *weight, fold: *fold });
    }
    Ok(Data { docs, features })
}

/// Both models' parameters: per feature a sales and a value weight, then t1, t2 and the value bias.
#[derive(Clone)]
struct Params {
    ws: Vec<f32>,
    wv: Vec<f32>,
    t1: f32,
    t2: f32,
    bv: f32,
}

impl Params {
    fn logits(&self, d: &Doc) -> (f32, f32) {
        d.x.iter().fold((0.0, self.bv), |(z, v), &(j, x)| {
            (z + self.ws[j as usize] * x, v + self.wv[j as usize] * x)
        })
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Which of the two weights a feature may carry, and whether it must stay at or above zero.
fn allowed(f: &Feature) -> ((bool, bool), bool) {
    match f {
        Feature::Gram(_) => ((true, true), false),
        Feature::Rule { side, .. } => ((*side != Side::Value, *side == Side::Value), true),
    }
}

fn train(data: &Data, use_doc: &dyn Fn(&Doc) -> bool, penalty: f32) -> Params {
    let n = data.features.len();
    let mut p = Params { ws: vec![0.0; n], wv: vec![0.0; n], t1: -1.0, t2: 1.0, bv: 0.0 };
    let rules = data.features.iter().map(allowed).collect::<Vec<_>>();
    let total: f32 = data.docs.iter().filter(|d| use_doc(d)).map(|d| d.weight).sum();
    // Adam state for ws, wv and the three scalars.
    let mut m = vec![0.0f32; 2 * n + 3];
    let mut s = vec![0.0f32; 2 * n + 3];
    let mut g = vec![0.0f32; 2 * n + 3];
    let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
    for step in 1..=STEPS {
        g.iter_mut().for_each(|x| *x = 0.0);
        for d in data.docs.iter().filter(|d| use_doc(d)) {
            let (z, v) = p.logits(d);
            let w = d.weight / total;
            // All-threshold ordinal loss on z; logistic "not sales" on v.
            let e1 = sigmoid(z - p.t1) - f32::from(u8::from(d.rank >= 1));
            let e2 = sigmoid(z - p.t2) - f32::from(u8::from(d.rank == 2));
            let ev = sigmoid(v) - f32::from(u8::from(d.rank < 2));
            let (gz, gv) = ((e1 + e2) * w, ev * w);
            for &(j, x) in &d.x {
                g[j as usize] += gz * x;
                g[n + j as usize] += gv * x;
            }
            g[2 * n] -= e1 * w;
            g[2 * n + 1] -= e2 * w;
            g[2 * n + 2] += gv;
        }
        for j in 0..n {
            let ((sales_ok, value_ok), is_rule) = rules[j];
            let pen = if is_rule { penalty / 10.0 } else { penalty };
            g[j] = if sales_ok { g[j] + 2.0 * pen * p.ws[j] } else { 0.0 };
            g[n + j] = if value_ok { g[n + j] + 2.0 * pen * p.wv[j] } else { 0.0 };
        }
        let lr = LEARNING_RATE;
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for k in 0..2 * n + 3 {
            m[k] = b1 * m[k] + (1.0 - b1) * g[k];
            s[k] = b2 * s[k] + (1.0 - b2) * g[k] * g[k];
            let delta = lr * (m[k] / c1) / ((s[k] / c2).sqrt() + eps);
            match k {
                k if k < n => p.ws[k] -= delta,
                k if k < 2 * n => p.wv[k - n] -= delta,
                k if k == 2 * n => p.t1 -= delta,
                k if k == 2 * n + 1 => p.t2 -= delta,
                _ => p.bv -= delta,
            }
        }
        for (j, _) in rules.iter().enumerate().filter(|(_, r)| r.1) {
            p.ws[j] = p.ws[j].max(0.0);
            p.wv[j] = p.wv[j].max(0.0);
        }
        if p.t2 <= p.t1 + 0.1 {
            p.t2 = p.t1 + 0.1;
        }
    }
    p
}

/// The verdict rank (0 conversation, 1 balanced, 2 sales pitch) of a sales logit.
fn verdict_of(z: f32, t1: f32, t2: f32) -> usize {
    usize::from(z >= t1) + usize::from(z >= t2)
}

/// One three-way line as a fit without its fold reads it.
struct OutOfFold {
    sales: f32,
    value: f32,
    rank: usize,
    /// The fold model's thresholds.
    t1: f32,
    t2: f32,
}

/// Out-of-fold logits of the three-way lines: each from a fit without its fold.
fn out_of_fold(data: &Data, penalty: f32) -> Vec<OutOfFold> {
    let mut out = Vec::new();
    for k in 0..FOLDS {
        let p = train(data, &|d| d.fold != Some(k), penalty);
        for d in data.docs.iter().filter(|d| d.fold == Some(k)) {
            let (sales, value) = p.logits(d);
            out.push(OutOfFold { sales, value, rank: d.rank, t1: p.t1, t2: p.t2 });
        }
    }
    out
}

/// Verdict agreement with each line's own fold thresholds, and the AUC of sales against value lines.
fn figures(oof: &[OutOfFold]) -> (f64, f64) {
    let agree = oof.iter().filter(|o| verdict_of(o.sales, o.t1, o.t2) == o.rank).count();
    let pos: Vec<f64> = oof.iter().filter(|o| o.rank == 2).map(|o| f64::from(o.sales)).collect();
    let neg: Vec<f64> = oof.iter().filter(|o| o.rank == 0).map(|o| f64::from(o.sales)).collect();
    (agree as f64 / oof.len().max(1) as f64, auc(&pos, &neg).unwrap_or(0.5))
}

fn log_loss(p: f32, yes: bool) -> f32 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    -if yes { p.ln() } else { (1.0 - p).ln() }
}

/// The temperatures that calibrate both logits on the out-of-fold lines: a fit on all its lines is surer of
/// itself than it has reason to be, and the scores should mean what they say. Scaling a logit (with its
/// thresholds) changes no verdict and no ranking, only how far from the middle the scores sit.
fn temperatures(oof: &[OutOfFold]) -> (f32, f32) {
    let grid: Vec<f32> = (1..=60).map(|k| k as f32 * 0.025).collect();
    let best = |loss: &dyn Fn(f32) -> f32| {
        grid.iter().copied().min_by(|&a, &b| loss(a).total_cmp(&loss(b))).unwrap_or(1.0)
    };
    let sales = best(&|a| {
        oof.iter()
            .map(|o| {
                log_loss(sigmoid(a * (o.sales - o.t1)), o.rank >= 1)
                    + log_loss(sigmoid(a * (o.sales - o.t2)), o.rank == 2)
            })
            .sum()
    });
    let value = best(&|a| oof.iter().map(|o| log_loss(sigmoid(a * o.value), o.rank < 2)).sum());
    (sales, value)
}

/// The shifts of both thresholds (each fold's own, moved alike) that give the best out-of-fold verdict
/// agreement, and that agreement; ties go to the smaller move.
fn threshold_shift(oof: &[OutOfFold]) -> (f32, f32, f64) {
    let steps: Vec<f32> = (-30..=30).map(|k| k as f32 * 0.05).collect();
    let mut best = (0.0, 0.0, -1.0, f32::MAX);
    for &d1 in &steps {
        for &d2 in &steps {
            let agree = oof
                .iter()
                .filter(|o| o.t1 + d1 < o.t2 + d2 && verdict_of(o.sales, o.t1 + d1, o.t2 + d2) == o.rank)
                .count() as f64
                / oof.len().max(1) as f64;
            let moved = d1.abs() + d2.abs();
            if agree > best.2 + 1e-9 || ((agree - best.2).abs() <= 1e-9 && moved < best.3) {
                best = (d1, d2, agree, moved);
            }
        }
    }
    (best.0, best.1, best.2)
}

/// Fit on the training parts of the corpora in `dir`.
pub fn fit(dir: &Path, engine: &Engine) -> Result<Fitted, FitError> {
    let mut notes = String::new();
    let data = load(dir, engine, &mut notes)?;
    let grams = data.features.iter().filter(|f| matches!(f, Feature::Gram(_))).count();
    let _ = writeln!(notes, "features: {} ({grams} grams)", data.features.len());
    // The penalty: the best cross-validated agreement plus AUC on the three-way labelled lines.
    let mut best = (f64::MIN, PENALTIES[0]);
    let mut oofs = Vec::new();
    for penalty in PENALTIES {
        let oof = out_of_fold(&data, penalty);
        let (agreement, a) = figures(&oof);
        oofs.push(oof);
        let _ = writeln!(
            notes,
            "penalty {penalty}: {FOLDS}-fold agreement {:.1}%, AUC {a:.3}",
            100.0 * agreement
        );
        if agreement + a > best.0 {
            best = (agreement + a, penalty);
        }
    }
    let chosen = PENALTIES.iter().position(|&p| p == best.1).unwrap_or(0);
    let _ = writeln!(notes, "chosen penalty: {}", best.1);
    let mut p = train(&data, &|_| true, best.1);
    // The thresholds: the fitted ones moved by what gives the best out-of-fold agreement.
    let (d1, d2, agreement) = threshold_shift(&oofs[chosen]);
    p.t1 += d1;
    p.t2 = (p.t2 + d2).max(p.t1 + 0.05);
    let (a_sales, a_value) = temperatures(&oofs[chosen]);
    p.ws.iter_mut().for_each(|w| *w *= a_sales);
    p.wv.iter_mut().for_each(|w| *w *= a_value);
    (p.t1, p.t2, p.bv) = (p.t1 * a_sales, p.t2 * a_sales, p.bv * a_value);
    let _ = writeln!(notes, "calibration: sales logit x {a_sales:.3}, value logit x {a_value:.3}");
    let _ = writeln!(
        notes,
        "thresholds moved by {d1:+.2} / {d2:+.2}: out-of-fold agreement {:.1}%",
        100.0 * agreement
    );
    let mut rule_weights = BTreeMap::new();
    let mut grams = Vec::new();
    for (j, f) in data.features.iter().enumerate() {
        match f {
            Feature::Rule { id, side } => {
                let w = if *side == Side::Value { p.wv[j] } else { p.ws[j] };
                rule_weights.insert(id.clone(), w);
            }
            Feature::Gram(g) if p.ws[j].abs() >= PRUNE || p.wv[j].abs() >= PRUNE => {
                grams.push((g.clone(), p.ws[j], p.wv[j]));
            }
            Feature::Gram(_) => {}
        }
    }
    grams.sort_by(|a, b| a.0.cmp(&b.0));
    let _ = writeln!(notes, "grams written: {}", grams.len());
    Ok(Fitted { t1: p.t1, t2: p.t2, value_bias: p.bv, rule_weights, grams, notes })
}

impl Fitted {
    /// The model file (`rules/model.tsv`).
    pub fn model_file(&self) -> String {
        let mut out = String::new();
        out.push_str(
            "# postcoach learned model, written by `postcoach fit` (make fit) from the training parts of\n",
        );
        out.push_str("# ../shared/corpus; do not edit by hand. Columns: gram, sales weight, value weight.\n");
        let _ =
            writeln!(out, "@t1\t{:.4}\n@t2\t{:.4}\n@value_bias\t{:.4}", self.t1, self.t2, self.value_bias);
        for (g, s, v) in &self.grams {
            let _ = writeln!(out, "{g}\t{s:.4}\t{v:.4}");
        }
        out
    }

    /// `pack` (a rule pack's TOML) with each fitted rule's `weight = ...` line replaced; rules the data never
    /// showed keep theirs. Returns the new text and the ids it changed.
    pub fn write_weights(&self, pack: &str) -> (String, Vec<String>) {
        let mut out = String::with_capacity(pack.len());
        let mut current: Option<String> = None;
        let mut changed = Vec::new();
        for line in pack.split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with("[[rule]]") || t.starts_with('[') {
                current = None;
            }
            if let Some(id) = t.strip_prefix("id = \"").and_then(|r| r.split('"').next()) {
                current = Some(id.to_string());
            }
            let weight = current.as_ref().and_then(|id| self.rule_weights.get(id));
            if let (Some(w), true) = (weight, t.starts_with("weight = ")) {
                let _ = writeln!(out, "weight = {}", format_weight(*w));
                changed.push(current.clone().unwrap_or_default());
                continue;
            }
            out.push_str(line);
        }
        (out, changed)
    }
}

fn format_weight(w: f32) -> String {
    let s = format!("{w:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_written_into_their_rules_only() {
        let fitted = Fitted {
            t1: -1.0,
            t2: 1.0,
            value_bias: 0.0,
            rule_weights: [("a".to_string(), 0.5), ("b".to_string(), 0.0)].into_iter().collect(),
            grams: vec![],
            notes: String::new(),
        };
        let pack = "[[rule]]\nid = \"a\"\nweight = 16\n\n[[rule]]\nid = \"b\"\nweight = 3\n[[rule]]\nid = \"c\"\nweight = 7\n";
        let (out, changed) = fitted.write_weights(pack);
        assert_eq!(out, "[[rule]]\nid = \"a\"\nweight = 0.5\n\n[[rule]]\nid = \"b\"\nweight = 0\n[[rule]]\nid = \"c\"\nweight = 7\n");
        assert_eq!(changed, ["a", "b"]);
    }

    #[test]
    fn the_model_file_reads_back() {
        let fitted = Fitted {
            t1: -0.5,
            t2: 1.5,
            value_bias: 0.25,
            rule_weights: BTreeMap::new(),
            grams: vec![("book now".into(), 1.25, -0.5)],
            notes: String::new(),
        };
        let model = crate::engine::learned::Model::parse(&fitted.model_file()).expect("parses");
        assert_eq!((model.t1, model.t2, model.value_bias), (-0.5, 1.5, 0.25));
    }
}
