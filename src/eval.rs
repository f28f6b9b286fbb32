//! Evaluation on labelled JSON Lines: how well the salesiness score separates sales from value posts.
//!
//! Each line is `{"text": "...", "label": "sales" | "balanced" | "value" | 1 | 0, "platform"?: "linkedin"}`.
//! The headline figure is the AUC of salesiness (positive = `sales` or 1, negative = `value` or 0; balanced
//! posts are left out of the AUC), overall and within length bins (< 60, 60-150, > 150 characters), because
//! length alone separates some corpora. Mean scores are reported per label and per platform.

use std::collections::BTreeMap;
use std::fmt;
use std::io::BufRead;

use serde::Deserialize;

use crate::{Engine, Options, Platform};

/// The label of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    Sales,
    Balanced,
    Value,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Sales => "sales",
            Label::Balanced => "balanced",
            Label::Value => "value",
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawLabel {
    Text(String),
    Number(i64),
    Bool(bool),
}

#[derive(Deserialize)]
struct Line {
    text: String,
    label: RawLabel,
    #[serde(default)]
    platform: Option<String>,
}

/// A line that could not be evaluated.
#[derive(Debug)]
pub enum EvalError {
    Io { line: usize, error: std::io::Error },
    Json { line: usize, error: serde_json::Error },
    Label { line: usize, label: String },
    Platform { line: usize, error: crate::UnknownPlatform },
    Empty,
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io { line, error } => write!(f, "line {line}: cannot read: {error}"),
            EvalError::Json { line, error } => {
                write!(f, "line {line}: not a JSON object with text and label: {error}")
            }
            EvalError::Label { line, label } => {
                write!(f, "line {line}: unknown label {label} (expected sales, balanced, value, 1 or 0)")
            }
            EvalError::Platform { line, error } => write!(f, "line {line}: {error}"),
            EvalError::Empty => write!(f, "no labelled lines to evaluate"),
        }
    }
}

impl std::error::Error for EvalError {}

/// Mean scores of a group of lines.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Means {
    pub count: usize,
    pub salesiness: f64,
    pub value: f64,
}

/// AUC within one length bin.
#[derive(Debug, Clone, PartialEq)]
pub struct BinAuc {
    pub name: &'static str,
    pub positives: usize,
    pub negatives: usize,
    /// `None` when the bin lacks positives or negatives.
    pub auc: Option<f64>,
}

/// What `evaluate` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalReport {
    pub lines: usize,
    /// AUC of salesiness, positives vs negatives (`None` if either is missing).
    pub auc: Option<f64>,
    pub bins: Vec<BinAuc>,
    pub per_label: BTreeMap<Label, Means>,
    /// Means per (platform, label).
    pub per_platform: BTreeMap<(String, Label), Means>,
}

const BINS: [(&str, usize, usize); 3] = [("< 60", 0, 60), ("60-150", 60, 151), ("> 150", 151, usize::MAX)];

/// Area under the ROC curve (Mann-Whitney, ties count half).
pub fn auc(positives: &[f64], negatives: &[f64]) -> Option<f64> {
    if positives.is_empty() || negatives.is_empty() {
        return None;
    }
    let mut all: Vec<(f64, bool)> =
        positives.iter().map(|&s| (s, true)).chain(negatives.iter().map(|&s| (s, false))).collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        let mid_rank = (i + j + 1) as f64 / 2.0; // ranks are 1-based
        rank_sum += mid_rank * all[i..j].iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    let (p, n) = (positives.len() as f64, negatives.len() as f64);
    Some((rank_sum - p * (p + 1.0) / 2.0) / (p * n))
}

fn parse_label(raw: RawLabel, line: usize) -> Result<Label, EvalError> {
    match raw {
        RawLabel::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
            "sales" | "spam" | "1" => Ok(Label::Sales),
            "balanced" => Ok(Label::Balanced),
            "value" | "ham" | "0" => Ok(Label::Value),
            _ => Err(EvalError::Label { line, label: format!("{s:?}") }),
        },
        RawLabel::Number(1) | RawLabel::Bool(true) => Ok(Label::Sales),
        RawLabel::Number(0) | RawLabel::Bool(false) => Ok(Label::Value),
        RawLabel::Number(n) => Err(EvalError::Label { line, label: n.to_string() }),
    }
}

/// One scored line: (label, length in chars, salesiness, value, platform).
type Row = (Label, usize, f64, f64, String);

/// Score every labelled line of `reader` with `engine` and summarise. Blank lines are skipped.
pub fn evaluate(reader: impl BufRead, engine: &Engine) -> Result<EvalReport, EvalError> {
    let mut rows: Vec<Row> = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let number = n + 1;
        let line = line.map_err(|error| EvalError::Io { line: number, error })?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line =
            serde_json::from_str(&line).map_err(|error| EvalError::Json { line: number, error })?;
        let label = parse_label(parsed.label, number)?;
        let platform: Platform = match &parsed.platform {
            Some(p) => p.parse().map_err(|error| EvalError::Platform { line: number, error })?,
            None => Platform::Generic,
        };
        let report = engine.analyze(&parsed.text, &Options::for_platform(platform));
        rows.push((
            label,
            parsed.text.chars().count(),
            f64::from(report.salesiness),
            f64::from(report.value),
            platform.to_string(),
        ));
    }
    if rows.is_empty() {
        return Err(EvalError::Empty);
    }
    let scores = |pred: &dyn Fn(&Row) -> bool, label: Label| -> Vec<f64> {
        rows.iter().filter(|r| r.0 == label && pred(r)).map(|r| r.2).collect()
    };
    let overall = auc(&scores(&|_| true, Label::Sales), &scores(&|_| true, Label::Value));
    let bins = BINS
        .iter()
        .map(|&(name, lo, hi)| {
            let in_bin = |r: &Row| r.1 >= lo && r.1 < hi;
            let (p, n) = (scores(&in_bin, Label::Sales), scores(&in_bin, Label::Value));
            BinAuc { name, positives: p.len(), negatives: n.len(), auc: auc(&p, &n) }
        })
        .collect();
    let mut per_label: BTreeMap<Label, Means> = BTreeMap::new();
    let mut per_platform: BTreeMap<(String, Label), Means> = BTreeMap::new();
    for r in &rows {
        for m in [per_label.entry(r.0).or_default(), per_platform.entry((r.4.clone(), r.0)).or_default()] {
            m.count += 1;
            m.salesiness += r.2;
            m.value += r.3;
        }
    }
    for m in per_label.values_mut().chain(per_platform.values_mut()) {
        m.salesiness /= m.count as f64;
        m.value /= m.count as f64;
    }
    Ok(EvalReport { lines: rows.len(), auc: overall, bins, per_label, per_platform })
}

fn fmt_auc(a: Option<f64>) -> String {
    a.map_or_else(|| "n/a".to_string(), |a| format!("{a:.3}"))
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "lines scored: {}", self.lines)?;
        writeln!(f, "salesiness AUC (sales/1 vs value/0): {}", fmt_auc(self.auc))?;
        writeln!(f)?;
        writeln!(f, "{:<10} {:>9} {:>9} {:>7}", "length", "positives", "negatives", "AUC")?;
        for b in &self.bins {
            writeln!(f, "{:<10} {:>9} {:>9} {:>7}", b.name, b.positives, b.negatives, fmt_auc(b.auc))?;
        }
        writeln!(f)?;
        writeln!(f, "{:<10} {:<9} {:>6} {:>11} {:>7}", "platform", "label", "count", "salesiness", "value")?;
        for (label, m) in &self.per_label {
            writeln!(
                f,
                "{:<10} {:<9} {:>6} {:>11.1} {:>7.1}",
                "all",
                label.as_str(),
                m.count,
                m.salesiness,
                m.value
            )?;
        }
        for ((platform, label), m) in &self.per_platform {
            writeln!(
                f,
                "{:<10} {:<9} {:>6} {:>11.1} {:>7.1}",
                platform,
                label.as_str(),
                m.count,
                m.salesiness,
                m.value
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_basics() {
        assert_eq!(auc(&[3.0, 4.0], &[1.0, 2.0]), Some(1.0));
        assert_eq!(auc(&[1.0], &[1.0]), Some(0.5));
        assert_eq!(auc(&[], &[1.0]), None);
    }

    #[test]
    fn errors_name_the_line() {
        let engine = Engine::new();
        let input = "{\"text\":\"hi\",\"label\":1}\nnot json\n";
        match evaluate(input.as_bytes(), &engine) {
            Err(EvalError::Json { line, .. }) => assert_eq!(line, 2),
            other => panic!("unexpected {other:?}"),
        }
        let input = "{\"text\":\"hi\",\"label\":\"maybe\"}\n";
        assert!(matches!(evaluate(input.as_bytes(), &engine), Err(EvalError::Label { line: 1, .. })));
    }

    #[test]
    fn report_prints() {
        let engine = Engine::new();
        let input = "{\"text\":\"BUY NOW!!! 50% off today only\",\"label\":\"sales\"}\n{\"text\":\"What did you learn this week?\",\"label\":\"value\"}\n";
        let r = evaluate(input.as_bytes(), &engine).unwrap();
        assert_eq!(r.auc, Some(1.0));
        assert!(r.to_string().contains("AUC"));
    }
}
