//! Evaluation on labelled JSON Lines (`crate::corpus`): how well the scores and the verdict follow the labels.
//!
//! The headline figures are the AUC of salesiness (positive = `sales` or 1, negative = `value` or 0; balanced
//! posts are left out of the AUC), overall and within length bins (< 60, 60-150, > 150 characters), because
//! length alone separates some corpora; and, on files labelled with all three labels, the verdict's agreement
//! with the labels (conversation = value, balanced = balanced, sales pitch = sales). Both are reported per
//! source and per platform, with mean scores per label.

use std::collections::BTreeMap;
use std::fmt;
use std::io::BufRead;

use crate::corpus::{self, Row};
pub use crate::corpus::{CorpusError as EvalError, Label, Part, Select};
use crate::{Engine, Options, Verdict};

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
    /// (verdicts agreeing with the label, lines), on files with balanced labels.
    pub agreement: Option<(usize, usize)>,
    /// Lines by label rank (value, balanced, sales) and verdict rank (conversation, balanced, sales pitch).
    pub confusion: [[usize; 3]; 3],
    /// AUC and agreement per `source` (one group named "all" when lines have none).
    pub per_source: Vec<GroupFigures>,
    /// AUC and agreement per platform.
    pub per_platform_figures: Vec<GroupFigures>,
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

/// One scored line: (label, length in chars, salesiness, value, platform, source, verdict).
struct Scored {
    label: Label,
    chars: usize,
    salesiness: f64,
    value: f64,
    platform: String,
    source: String,
    verdict: Verdict,
}

/// Agreement of the verdict with three-way labels, and the AUC, of one group of lines.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFigures {
    pub name: String,
    pub lines: usize,
    pub auc: Option<f64>,
    /// (verdicts agreeing with the label, lines), on files with balanced labels.
    pub agreement: Option<(usize, usize)>,
}

fn verdict_rank(v: Verdict) -> usize {
    match v {
        Verdict::Conversation => 0,
        Verdict::Balanced => 1,
        Verdict::SalesPitch => 2,
    }
}

/// Score every labelled line of `reader` with `engine` and summarise.
pub fn evaluate(reader: impl BufRead, engine: &Engine) -> Result<EvalReport, EvalError> {
    evaluate_rows(&corpus::read(reader)?, engine)
}

/// Score the lines of corpus `name` that `select` keeps (`corpus::part_of`) and summarise.
pub fn evaluate_part(
    reader: impl BufRead,
    name: &str,
    select: Select,
    engine: &Engine,
) -> Result<EvalReport, EvalError> {
    let rows: Vec<Row> =
        corpus::read(reader)?.into_iter().filter(|r| select.keeps(corpus::part_of(name, r))).collect();
    evaluate_rows(&rows, engine)
}

/// Score `rows` with `engine` and summarise.
pub fn evaluate_rows(rows: &[Row], engine: &Engine) -> Result<EvalReport, EvalError> {
    if rows.is_empty() {
        return Err(EvalError::Empty);
    }
    let three_way = rows.iter().any(|r| r.label == Label::Balanced);
    let scored: Vec<Scored> = rows
        .iter()
        .map(|r| {
            let report = engine.analyze(&r.text, &Options::for_platform(r.platform));
            Scored {
                label: r.label,
                chars: r.text.chars().count(),
                salesiness: f64::from(report.salesiness),
                value: f64::from(report.value),
                platform: r.platform.to_string(),
                source: r.source.clone().unwrap_or_else(|| "all".into()),
                verdict: report.verdict,
            }
        })
        .collect();
    let scores = |pred: &dyn Fn(&Scored) -> bool, label: Label| -> Vec<f64> {
        scored.iter().filter(|r| r.label == label && pred(r)).map(|r| r.salesiness).collect()
    };
    let group = |name: String, pred: &dyn Fn(&Scored) -> bool| {
        let lines: Vec<&Scored> = scored.iter().filter(|r| pred(r)).collect();
        let agree = lines.iter().filter(|r| verdict_rank(r.verdict) == r.label.rank()).count();
        GroupFigures {
            name,
            lines: lines.len(),
            auc: auc(&scores(pred, Label::Sales), &scores(pred, Label::Value)),
            agreement: three_way.then_some((agree, lines.len())),
        }
    };
    let overall = group("all".into(), &|_| true);
    let names = |key: &dyn Fn(&Scored) -> &String| -> Vec<String> {
        let mut v: Vec<String> = scored.iter().map(|r| key(r).clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    let per_source =
        names(&|r| &r.source).into_iter().map(|n| group(n.clone(), &|r| r.source == n)).collect();
    let per_platform_figures =
        names(&|r| &r.platform).into_iter().map(|n| group(n.clone(), &|r| r.platform == n)).collect();
    let bins = BINS
        .iter()
        .map(|&(name, lo, hi)| {
            let in_bin = |r: &Scored| r.chars >= lo && r.chars < hi;
            let (p, n) = (scores(&in_bin, Label::Sales), scores(&in_bin, Label::Value));
            BinAuc { name, positives: p.len(), negatives: n.len(), auc: auc(&p, &n) }
        })
        .collect();
    let mut per_label: BTreeMap<Label, Means> = BTreeMap::new();
    let mut per_platform: BTreeMap<(String, Label), Means> = BTreeMap::new();
    let mut confusion = [[0usize; 3]; 3];
    for r in &scored {
        confusion[r.label.rank()][verdict_rank(r.verdict)] += 1;
        for m in [
            per_label.entry(r.label).or_default(),
            per_platform.entry((r.platform.clone(), r.label)).or_default(),
        ] {
            m.count += 1;
            m.salesiness += r.salesiness;
            m.value += r.value;
        }
    }
    for m in per_label.values_mut().chain(per_platform.values_mut()) {
        m.salesiness /= m.count as f64;
        m.value /= m.count as f64;
    }
    Ok(EvalReport {
        lines: scored.len(),
        auc: overall.auc,
        agreement: overall.agreement,
        confusion,
        bins,
        per_label,
        per_platform,
        per_source,
        per_platform_figures,
    })
}

fn fmt_agreement(a: Option<(usize, usize)>) -> String {
    match a {
        Some((k, n)) if n > 0 => format!("{:.1}% ({k}/{n})", 100.0 * k as f64 / n as f64),
        _ => "n/a".into(),
    }
}

fn fmt_auc(a: Option<f64>) -> String {
    a.map_or_else(|| "n/a".to_string(), |a| format!("{a:.3}"))
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "lines scored: {}", self.lines)?;
        writeln!(f, "salesiness AUC (sales/1 vs value/0): {}", fmt_auc(self.auc))?;
        if let Some(a) = self.agreement {
            writeln!(f, "verdict agreement (3 classes): {}", fmt_agreement(Some(a)))?;
            writeln!(f, "labels \\ verdicts  conversation  balanced  sales-pitch")?;
            for (rank, name) in ["value", "balanced", "sales"].iter().enumerate() {
                let c = self.confusion[rank];
                writeln!(f, "{name:<18} {:>12} {:>9} {:>12}", c[0], c[1], c[2])?;
            }
        }
        writeln!(f)?;
        writeln!(f, "{:<16} {:>6} {:>7} {:>16}", "group", "lines", "AUC", "agreement")?;
        for (kind, groups) in [("source", &self.per_source), ("platform", &self.per_platform_figures)] {
            for g in groups {
                let name = format!("{kind} {}", g.name);
                writeln!(
                    f,
                    "{name:<16} {:>6} {:>7} {:>16}",
                    g.lines,
                    fmt_auc(g.auc),
                    fmt_agreement(g.agreement)
                )?;
            }
        }
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
