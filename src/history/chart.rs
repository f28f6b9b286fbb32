//! The audit's mix as a self-contained SVG (no script, no external asset, no text from the posts): one 100%
//! column for all posts, then one per month (the last 24), each split into conversation (bottom, blue),
//! balanced (grey) and sales pitch (top, orange, hatched so it reads without colour), with the 90/10 aim as a
//! dashed line 10% from the top. `postcoach audit --html` puts it in its report; the workshop page shows it as
//! an image (`audit_file` returns it beside the audit).
//!
//! Coordinates are whole numbers: formatting floats would bring the float printing code into the wasm engine.

use std::fmt::Write;

use super::audit::{tenths_of_percent, AuditReport, Mix, AIM_SALES_PITCH_PERCENT};

/// Months drawn (the most recent).
const MONTHS_SHOWN: usize = 24;
const COLUMN: u64 = 34;
const GAP: u64 = 16;
const LEFT: u64 = 44;
const TOP: u64 = 34;
const PLOT: u64 = 180;
const HEIGHT: u64 = 300;

/// Colours: conversation, balanced, sales pitch.
const COLOURS: [&str; 3] = ["#2f6fb0", "#a3acb9", "#d9622b"];

/// The SVG of `report`'s mix.
pub fn svg(report: &AuditReport) -> String {
    let months = &report.by_month[report.by_month.len().saturating_sub(MONTHS_SHOWN)..];
    let columns: Vec<(&str, Mix)> = std::iter::once(("All", report.mix))
        .chain(months.iter().map(|m| (m.month.as_str(), m.mix)))
        .collect();
    let right = LEFT + columns.len() as u64 * (COLUMN + GAP);
    let width = (right + 150).max(420);
    let mix = &report.mix;
    let title = escape(&format!(
        "Mix of {} posts: {}% sales pitch, {}% conversation or balanced (aim: at most {}% sales pitch)",
        report.posts,
        percent(mix.sales_pitch, mix.total()),
        percent(mix.conversation + mix.balanced, mix.total()),
        AIM_SALES_PITCH_PERCENT
    ));
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {HEIGHT}\" width=\"{width}\" \
         height=\"{HEIGHT}\" role=\"img\" aria-label=\"{title}\" font-family=\"system-ui, sans-serif\" \
         font-size=\"12\"><title>{title}</title>\
         <defs><pattern id=\"pc-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2\" stroke-opacity=\"0.6\"/>\
         </pattern></defs><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>",
        COLOURS[2]
    );
    for share in [0, 50, 100] {
        let y = TOP + PLOT - PLOT * share / 100;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{share}%</text>\
             <line x1=\"{LEFT}\" x2=\"{right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#e3e6ea\"/>",
            LEFT - 6,
            y + 4,
        );
    }
    for (i, (label, mix)) in columns.iter().enumerate() {
        column(&mut out, LEFT + GAP / 2 + i as u64 * (COLUMN + GAP), label, mix, columns.len() > 8);
    }
    let aim_y = TOP + PLOT * AIM_SALES_PITCH_PERCENT / 100;
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" x2=\"{right}\" y1=\"{aim_y}\" y2=\"{aim_y}\" stroke=\"#222\" stroke-width=\"2\" \
         stroke-dasharray=\"6 4\"/><text x=\"{}\" y=\"{}\" fill=\"#222\">90/10 aim</text>",
        right + 6,
        aim_y + 4
    );
    let legend = [("conversation", COLOURS[0]), ("balanced", COLOURS[1]), ("sales pitch", "url(#pc-hatch)")];
    for (i, (name, fill)) in legend.iter().enumerate() {
        let y = TOP + 60 + i as u64 * 20;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{fill}\"/><text x=\"{}\" y=\"{y}\">{name}</text>",
            right + 6,
            y - 10,
            right + 24
        );
    }
    out.push_str("</svg>");
    out
}

/// One 100% column: conversation at the bottom, sales pitch on top, the post count above, the label below.
fn column(out: &mut String, x: u64, label: &str, mix: &Mix, tilt: bool) {
    let total = mix.total().max(1);
    let bottom = TOP + PLOT;
    let parts =
        [(mix.conversation, COLOURS[0]), (mix.balanced, COLOURS[1]), (mix.sales_pitch, "url(#pc-hatch)")];
    // Each part's top from the running total, rounded, so the parts always fill the column exactly.
    let mut below = 0;
    for (count, fill) in parts {
        let (from, to) = (PLOT * below / total, PLOT * (below + count) / total);
        below += count;
        if count > 0 {
            let (y, h) = (bottom - to, to - from);
            let _ =
                write!(out, "<rect x=\"{x}\" y=\"{y}\" width=\"{COLUMN}\" height=\"{h}\" fill=\"{fill}\"/>");
        }
    }
    let centre = x + COLUMN / 2;
    let _ = write!(
        out,
        "<text x=\"{centre}\" y=\"{}\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
        TOP - 6,
        mix.total()
    );
    let below = TOP + PLOT + 16;
    let label = escape(label);
    if tilt {
        let _ = write!(
            out,
            "<text x=\"{centre}\" y=\"{below}\" text-anchor=\"end\" transform=\"rotate(-45 {centre} {below})\">{label}</text>"
        );
    } else {
        let _ = write!(
            out,
            "<text x=\"{centre}\" y=\"{below}\" text-anchor=\"middle\" font-size=\"10\">{label}</text>"
        );
    }
}

/// `n` of `total` in percent with one decimal ("12.5", "0"), in whole-number arithmetic.
fn percent(n: u64, total: u64) -> String {
    let tenths = tenths_of_percent(n, total);
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        d => format!("{}.{d}", tenths / 10),
    }
}

/// Text for XML and HTML, attributes included.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::Audit;

    #[test]
    fn a_column_per_month_and_the_aim() {
        let mut audit = Audit::new(3);
        let input = "{\"text\": \"What do you think?\", \"date\": \"2024-01-02\"}\n\
                     {\"text\": \"BUY NOW 50% OFF, link in bio!!!\", \"date\": \"2024-02-02\"}\n";
        audit.read_file(&crate::Engine::new(), "p.jsonl", input.as_bytes(), Default::default()).unwrap();
        let svg = svg(&audit.report());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.ends_with("</svg>"));
        assert!(
            svg.contains(">All</text>") && svg.contains(">2024-01</text>") && svg.contains(">2024-02</text>")
        );
        assert!(svg.contains("90/10 aim") && svg.contains("<title>Mix of 2 posts"));
        assert!(!svg.contains("BUY NOW"), "no post text in the chart");
        assert!(!svg.contains("href") && !svg.contains("<script"));
    }

    #[test]
    fn percent_in_whole_numbers() {
        assert_eq!(
            (percent(1, 8), percent(1, 3), percent(2, 2), percent(0, 0)),
            ("12.5".into(), "33.3".into(), "100".into(), "0".into())
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
