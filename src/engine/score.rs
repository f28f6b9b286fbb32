//! Scoring: turns detected signals into the two 0-100 scores, a verdict and a summary, and gives every
//! finding the exact points it contributes.
//!
//! For each side the raw weight of a signal is `rule weight × strength × repeat decay × platform multiplier ×
//! sensitivity` (sensitivity only on the sales and platform sides). Raw weights are normalised for length
//! (density: a long post needs proportionally more signals, so the score does not grow merely with length) and
//! saturated to 0-100. Each finding's points are its share of the saturated score, so the points of a side
//! add up to that side's score.

use crate::{Finding, Options, Sensitivity, Side, Verdict};

/// Repeats of the same rule count less and less: the k-th repeat weighs `REPEAT_DECAY^k`.
pub const REPEAT_DECAY: f32 = 0.6;
/// Posts up to this many words are judged on raw weight; longer posts on density.
const DENSITY_WORDS: f32 = 40.0;
/// Saturation constants: raw weight that gives ~63 points.
const SALES_SCALE: f32 = 30.0;
const VALUE_SCALE: f32 = 22.0;

pub fn sensitivity_factor(s: Sensitivity) -> f32 {
    match s {
        Sensitivity::Gentle => 0.7,
        Sensitivity::Normal => 1.0,
        Sensitivity::Strict => 1.35,
    }
}

/// Give each finding its points and return (salesiness, value). `raws[k]` is the raw weight of `findings[k]`
/// (sensitivity is applied here).
pub fn score(findings: &mut [Finding], raws: &mut [f32], words: usize, options: &Options) -> (u8, u8) {
    let density = (DENSITY_WORDS / (words as f32).max(DENSITY_WORDS)).sqrt();
    let sens = sensitivity_factor(options.sensitivity);
    let is_sales = |s: Side| s != Side::Value;
    let mut sales_raw = 0.0;
    let mut value_raw = 0.0;
    for (f, raw) in findings.iter().zip(raws.iter_mut()) {
        if is_sales(f.side) {
            *raw *= sens;
            sales_raw += *raw;
        } else {
            value_raw += *raw;
        }
    }
    let saturate = |raw: f32, scale: f32| 100.0 * (1.0 - (-raw * density / scale).exp());
    let sales = saturate(sales_raw, SALES_SCALE);
    let value = saturate(value_raw, VALUE_SCALE);
    for (f, &raw_one) in findings.iter_mut().zip(raws.iter()) {
        let (score, raw) = if is_sales(f.side) { (sales, sales_raw) } else { (value, value_raw) };
        let points = if raw > 0.0 { raw_one / raw * score } else { 0.0 };
        f.points = (points * 100.0).round() / 100.0;
    }
    (sales.round().clamp(0.0, 100.0) as u8, value.round().clamp(0.0, 100.0) as u8)
}

/// The verdict from both scores.
pub fn verdict(salesiness: u8, value: u8) -> Verdict {
    let (s, v) = (i32::from(salesiness), i32::from(value));
    if s >= 50 && s > v - 10 {
        Verdict::SalesPitch
    } else if s <= 30 && v >= s + 10 {
        Verdict::Conversation
    } else {
        Verdict::Balanced
    }
}

/// One friendly sentence about the verdict, naming the strongest finding on the side that decided it by the
/// rule's friendly name (`title` gives "hard calls to action" for `hard-cta`).
pub fn summary(verdict: Verdict, findings: &[Finding], title: &dyn Fn(&str) -> String) -> String {
    let top = |pred: &dyn Fn(&Finding) -> bool| {
        findings
            .iter()
            .filter(|f| pred(f))
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
        Verdict::Balanced => "A mix of giving and selling. That can work; make sure the useful part comes first and the offer stays soft.".into(),
        Verdict::Conversation => match top(&|f| f.side == Side::Value) {
            Some(r) => format!("This reads like a conversation, not a pitch; {r} is doing a lot of the work. Nice."),
            None => "This reads like a conversation, not a pitch. Nice.".into(),
        },
    }
}
