//! Scoring: turns findings and the learned model's reading into the two 0-100 scores, a verdict and a
//! summary, and gives every finding the exact points it contributes.
//!
//! Two logits, both fitted on labelled posts by `postcoach fit` (`crate::fit`):
//! - **sales**: each sales or platform rule adds `weight × rule_feature(its findings)` (times the sensitivity),
//!   and the learned grams add what they read (`learned`). Two fitted thresholds cut it into the verdict:
//!   below `t1` a conversation, from `t2` a sales pitch, between them balanced. Salesiness is where the
//!   model places the post between conversation (0), balanced (50) and sales pitch (100) (`judge`).
//! - **value**: the value rules and the grams, plus a bias; value is `100 × sigmoid(logit)`.
//!
//! A rule's feature is `ln(1 + density × amount)`, where the amount sums its findings' strengths (the
//! platform's multiplier applied) and density scales long posts down: repeats count less and less, and length
//! alone does not push a score up. Each finding's points are its share of the positive contributions to its
//! side, so the points of a side add up to that side's score.

use super::learned::Model;
use crate::{Finding, Sensitivity, Side, Verdict};

/// Posts up to this many words are judged on raw amounts; longer posts on density.
const DENSITY_WORDS: f32 = 40.0;

/// How much a post of `words` words counts each finding: 1 up to `DENSITY_WORDS`, less beyond.
pub fn density(words: usize) -> f32 {
    (DENSITY_WORDS / (words as f32).max(DENSITY_WORDS)).sqrt()
}

/// A rule's feature in either logit: `ln(1 + density × amount)`.
pub fn rule_feature(amount: f32, words: usize) -> f32 {
    (amount * density(words)).ln_1p()
}

/// How much the sensitivity scales the sales rules' and grams' positive contributions.
pub fn sensitivity_factor(s: Sensitivity) -> f32 {
    match s {
        Sensitivity::Gentle => 0.7,
        Sensitivity::Normal => 1.0,
        Sensitivity::Strict => 1.35,
    }
}

/// Whether a finding counts towards salesiness (sales and platform rules) rather than value.
pub fn is_sales(side: Side) -> bool {
    side != Side::Value
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The verdict and both scores from the two logits.
///
/// Salesiness is where the model places the post on the scale from conversation (0) through balanced (50) to
/// sales pitch (100): `expected = (P(at least balanced) + P(sales pitch)) / 2`, with `P(at least balanced) =
/// sigmoid(logit - t1)` and `P(sales pitch) = sigmoid(logit - t2)`, measured from where a post with no signal
/// at all sits (logit 0), so that every point comes from a finding. Value is `sigmoid(logit)` measured the same
/// way from the bias. Both rise with their logit, so the verdict's thresholds are fixed points on salesiness.
pub fn judge(sales_logit: f32, value_logit: f32, model: &Model) -> (u8, u8, Verdict) {
    let verdict = if sales_logit < model.t1 {
        Verdict::Conversation
    } else if sales_logit >= model.t2 {
        Verdict::SalesPitch
    } else {
        Verdict::Balanced
    };
    let expected = |z: f32| 0.5 * (sigmoid(z - model.t1) + sigmoid(z - model.t2));
    let above = |x: f32, floor: f32| 100.0 * ((x - floor) / (1.0 - floor)).max(0.0);
    let salesiness = above(expected(sales_logit), expected(0.0));
    let value = above(sigmoid(value_logit), sigmoid(model.value_bias));
    let round = |x: f32| x.round().clamp(0.0, 100.0) as u8;
    (round(salesiness), round(value), verdict)
}

/// Give each finding its points: its share of the positive contributions to its side's score.
/// `contributions[k]` is what `findings[k]` added to its side's logit.
pub fn share_points(findings: &mut [Finding], contributions: &[f32], salesiness: u8, value: u8) {
    let mut totals = [0.0f32; 2];
    for (f, &c) in findings.iter().zip(contributions) {
        totals[usize::from(is_sales(f.side))] += c.max(0.0);
    }
    for (f, &c) in findings.iter_mut().zip(contributions) {
        let side = usize::from(is_sales(f.side));
        let score = f32::from(if side == 1 { salesiness } else { value });
        let points = if totals[side] > 0.0 { c.max(0.0) / totals[side] * score } else { 0.0 };
        f.points = (points * 100.0).round() / 100.0;
    }
}

/// One friendly sentence about the verdict, naming the strongest finding on the side that decided it by the
/// rule's friendly name (`title` gives "hard calls to action" for `hard-cta`).
pub fn summary(verdict: Verdict, findings: &[Finding], title: &dyn Fn(&str) -> String) -> String {
    let top = |pred: &dyn Fn(&Finding) -> bool| {
        findings
            .iter()
            .filter(|f| pred(f) && f.points > 0.0)
            .max_by(|a, b| a.points.total_cmp(&b.points))
            .map(|f| title(&f.rule.id))
    };
    match verdict {
        Verdict::SalesPitch => match top(&|f| f.side != Side::Value) {
            Some(r) => format!(
                "This reads like an advert more than a post; the biggest pull towards selling comes from {r}. Lead with something useful and invite a reply."
            ),
            None => "This reads like an advert more than a post. Lead with something useful and invite a reply.".into(),
        },
        Verdict::Balanced => match top(&|f| f.side != Side::Value) {
            Some(r) => format!(
                "A mix of giving and selling; the plug shows in {r}. That can work: keep the useful part first and the offer soft."
            ),
            None => "A mix of giving and selling. That can work; make sure the useful part comes first and the offer stays soft.".into(),
        },
        Verdict::Conversation => match top(&|f| f.side == Side::Value) {
            Some(r) => format!("This reads like a conversation, not a pitch; {r} is doing a lot of the work. Nice."),
            None => "This reads like a conversation, not a pitch. Nice.".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        Model::parse("@t1\t-1\n@t2\t1\n@value_bias\t0\n").unwrap()
    }

    #[test]
    fn thresholds_cut_the_verdict_and_scores_rise_from_an_empty_post() {
        let m = model();
        assert_eq!(judge(-1.01, 0.0, &m).2, Verdict::Conversation);
        assert_eq!(judge(-1.0, 0.0, &m).2, Verdict::Balanced);
        assert_eq!(judge(0.99, 0.0, &m).2, Verdict::Balanced);
        assert_eq!(judge(1.0, 0.0, &m).2, Verdict::SalesPitch);
        // No signal at all, or signals that only lower a logit: nothing to show, no points.
        assert_eq!(judge(0.0, 0.0, &m).0, 0);
        assert_eq!(judge(-2.0, -2.0, &m), (0, 0, Verdict::Conversation));
        let scores: Vec<u8> = [0.1, 0.5, 1.0, 2.0, 6.0].iter().map(|&z| judge(z, 0.0, &m).0).collect();
        assert!(scores.windows(2).all(|w| w[0] < w[1]), "{scores:?}");
        assert!(scores[4] > 95, "{scores:?}");
        assert!(judge(0.0, 5.0, &m).1 > 95);
    }

    #[test]
    fn rule_features_grow_slower_than_counts_and_shrink_with_length() {
        assert!(rule_feature(2.0, 10) < 2.0 * rule_feature(1.0, 10));
        assert!(rule_feature(1.0, 400) < rule_feature(1.0, 40));
        assert_eq!(rule_feature(0.0, 10), 0.0);
    }
}
