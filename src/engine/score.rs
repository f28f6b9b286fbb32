//! Scoring: turns findings and the learned model's reading into the two 0-100 scores, a verdict and a
//! summary, and gives every finding the exact points it contributes.
//!
//! Three logits, all fitted on labelled posts by `postcoach fit` (`crate::fit`), read the verdict as a coach
//! does, in two steps (`../shared/review/LABELLING.md`):
//! - **promotion**: does the post plug the author's own offer at all? Each sales or platform rule adds
//!   `weight × rule_feature(its findings)` (times the sensitivity) and the learned grams add what they read
//!   (`learned`). Below the fitted threshold the post is a conversation.
//! - **point**: is the plug the point of the post? Each sales or platform rule adds `point × rule_feature`, the
//!   grams theirs. From its threshold a post with a plug is a sales pitch, below it balanced (value plus a plug).
//! - **value**: the value rules and the grams, plus a bias; value is `100 × sigmoid(logit)`.
//!
//! Salesiness is where the two steps place the post between conversation (0), balanced (50) and sales pitch
//! (100): `P(plug) × (1 + P(point)) / 2`, measured from an empty post (`judge`). One scale cannot do both
//! steps: a post that teaches for ten paragraphs and plugs a course in the last is not "half a sales pitch",
//! and fitted on one scale the balanced posts were the ones it missed.
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

/// The verdict and scores of a draft, with how much of salesiness each sales logit brought.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    pub salesiness: u8,
    pub value: u8,
    pub verdict: Verdict,
    /// What the promotion and the point logit each add to the expected place, measured from an empty post:
    /// `(P(plug) - P0(plug)) × (1 + P0(point)) / 2` and `P(plug) × (P(point) - P0(point)) / 2`, which add up
    /// to the whole rise (each kept at or above zero). `share_points` splits salesiness by them.
    pub parts: [f32; 2],
}

impl Judgement {
    /// How the two sales logits are mixed into one where a single figure is needed (which learned sentences
    /// to show): in proportion to what each brought to this draft's salesiness; with no salesiness (under half a point), the
    /// promotion logit alone (whether the post plugs anything: a point without a plug sells nothing).
    pub fn sales_mix(&self) -> [f32; 3] {
        let total = self.parts[0] + self.parts[1];
        if self.salesiness > 0 && total > 0.0 {
            [self.parts[0] / total, self.parts[1] / total, 0.0]
        } else {
            [1.0, 0.0, 0.0]
        }
    }
}

/// The verdict and both scores from the three logits.
///
/// The verdict takes the coach's two steps: below the promotion threshold a conversation; above it, a sales
/// pitch from the point threshold, balanced below. Salesiness is the expected place on conversation (0),
/// balanced (50), sales pitch (100): `P(plug) × (1 + P(point)) / 2` with `P = sigmoid(logit - threshold)`,
/// measured from where a post with no signal at all sits (both logits 0), so that every point comes from a
/// finding. Value is `sigmoid(logit)` measured the same way from the bias.
pub fn judge(promo: f32, point: f32, value_logit: f32, model: &Model) -> Judgement {
    let verdict = if promo < model.promo {
        Verdict::Conversation
    } else if point >= model.point {
        Verdict::SalesPitch
    } else {
        Verdict::Balanced
    };
    let (p, q) = (sigmoid(promo - model.promo), sigmoid(point - model.point));
    let (p0, q0) = (sigmoid(-model.promo), sigmoid(-model.point));
    let expected = p * (1.0 + q) / 2.0;
    let empty = p0 * (1.0 + q0) / 2.0;
    let above = |x: f32, floor: f32| 100.0 * ((x - floor) / (1.0 - floor)).max(0.0);
    let salesiness = above(expected, empty);
    let value = above(sigmoid(value_logit), sigmoid(model.value_bias));
    let round = |x: f32| x.round().clamp(0.0, 100.0) as u8;
    let parts = [((p - p0) * (1.0 + q0) / 2.0).max(0.0), (p * (q - q0) / 2.0).max(0.0)];
    Judgement { salesiness: round(salesiness), value: round(value), verdict, parts }
}

/// Give each finding its points. `contributions[k]` is what `findings[k]` added to the logits: [promotion,
/// point] for a sales finding, [value, 0] for a value one. Value is split by the findings' positive
/// contributions to the value logit; salesiness first into what each sales logit brought (`Judgement::parts`),
/// each part by the findings' positive contributions to that logit. The points of a side add up to its score.
pub fn share_points(findings: &mut [Finding], contributions: &[[f32; 2]], judgement: &Judgement) {
    // Positive totals: [promotion, point, value].
    let mut totals = [0.0f32; 3];
    for (f, c) in findings.iter().zip(contributions) {
        if is_sales(f.side) {
            totals[0] += c[0].max(0.0);
            totals[1] += c[1].max(0.0);
        } else {
            totals[2] += c[0].max(0.0);
        }
    }
    let share = |x: f32, total: f32| if total > 0.0 { x.max(0.0) / total } else { 0.0 };
    let parts = judgement.parts;
    let sales_parts = parts[0] + parts[1];
    for (f, c) in findings.iter_mut().zip(contributions) {
        let points = if is_sales(f.side) {
            let of_rise = share(c[0], totals[0]) * parts[0] + share(c[1], totals[1]) * parts[1];
            if sales_parts > 0.0 {
                f32::from(judgement.salesiness) * of_rise / sales_parts
            } else {
                0.0
            }
        } else {
            f32::from(judgement.value) * share(c[0], totals[2])
        };
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
        Model::parse("@promo\t1\n@point\t2\n@value_bias\t0\n").unwrap()
    }

    #[test]
    fn two_steps_cut_the_verdict_and_scores_rise_from_an_empty_post() {
        let m = model();
        assert_eq!(judge(0.99, 9.0, 0.0, &m).verdict, Verdict::Conversation, "no plug, whatever its point");
        assert_eq!(judge(1.0, 1.99, 0.0, &m).verdict, Verdict::Balanced);
        assert_eq!(judge(1.0, 2.0, 0.0, &m).verdict, Verdict::SalesPitch);
        // No signal at all, or signals that only lower a logit: nothing to show, no points.
        assert_eq!(judge(0.0, 0.0, 0.0, &m).salesiness, 0);
        let low = judge(-2.0, -2.0, -2.0, &m);
        assert_eq!((low.salesiness, low.value, low.verdict), (0, 0, Verdict::Conversation));
        let scores: Vec<u8> =
            [0.1, 0.5, 1.0, 2.0, 8.0].iter().map(|&z| judge(z, z, 0.0, &m).salesiness).collect();
        assert!(scores.windows(2).all(|w| w[0] < w[1]), "{scores:?}");
        assert!(scores[4] > 95, "{scores:?}");
        // A plug that is not the point sits near the middle of the scale.
        assert!((40..=60).contains(&judge(6.0, -4.0, 0.0, &m).salesiness));
        assert!(judge(0.0, 0.0, 5.0, &m).value > 95);
    }

    #[test]
    fn salesiness_is_split_by_what_each_logit_brought() {
        let m = model();
        let j = judge(3.0, 4.0, 2.0, &m);
        let mix = j.sales_mix();
        assert!((mix[0] + mix[1] - 1.0).abs() < 1e-6 && mix[2] == 0.0);
        let finding = |side| Finding {
            rule: std::sync::Arc::new(crate::RuleInfo {
                id: "r".into(),
                message: String::new(),
                principle: crate::PrincipleRef {
                    id: "p".into(),
                    title: String::new(),
                    summary: String::new(),
                },
            }),
            side,
            scope: crate::Scope::Phrase,
            span: crate::Span { start: 0, end: 1, start_utf16: 0, end_utf16: 1 },
            points: 0.0,
            suggestions: Vec::new(),
        };
        // One finding carries the promotion logit, one the point logit, one both; a value finding its own.
        let mut findings =
            vec![finding(Side::Sales), finding(Side::Sales), finding(Side::Sales), finding(Side::Value)];
        let contributions = [[2.0, 0.0], [0.0, 3.0], [1.0, 1.0], [1.5, 0.0]];
        share_points(&mut findings, &contributions, &j);
        let sales: f32 = findings[..3].iter().map(|f| f.points).sum();
        assert!((sales - f32::from(j.salesiness)).abs() < 0.05, "{findings:?}");
        assert!(findings.iter().all(|f| f.points > 0.0));
        // Saturated logits still give every contributing finding its points.
        let certain = judge(40.0, 40.0, 0.0, &m);
        share_points(&mut findings, &contributions, &certain);
        assert!(findings[..3].iter().all(|f| f.points > 0.0), "{findings:?}");
    }

    #[test]
    fn rule_features_grow_slower_than_counts_and_shrink_with_length() {
        assert!(rule_feature(2.0, 10) < 2.0 * rule_feature(1.0, 10));
        assert!(rule_feature(1.0, 400) < rule_feature(1.0, 40));
        assert_eq!(rule_feature(0.0, 10), 0.0);
    }
}
