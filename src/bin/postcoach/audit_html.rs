//! `postcoach audit --html FILE`: the audit as one self-contained page (inline CSS and SVG chart, no script, no
//! external asset), to open in any browser, print or project. Every text from the posts is escaped.

use std::fmt::Write;

use postcoach::history::chart::{escape, svg};
use postcoach::history::AuditReport;

use crate::audit::{side_name, verdict_name};

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;color:#1d2329;max-width:60rem;margin:2rem auto;\
padding:0 1rem}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse}\
td,th{padding:.2rem .8rem;text-align:right;border-bottom:1px solid #e3e6ea}td:first-child,th:first-child\
{text-align:left}.met{color:#1b6e3a}.missed{color:#a4400e}blockquote{margin:.3rem 0;padding:.4rem .8rem;\
border-left:3px solid #d9622b;background:#fbf3ee;white-space:pre-wrap}li{margin-bottom:1rem}\
.chart{overflow-x:auto}small{color:#59636e}";

/// The whole page.
pub fn page(report: &AuditReport) -> String {
    let mut html = String::new();
    let aim = &report.aim;
    let (class, judgement) = if aim.met { ("met", "within the aim") } else { ("missed", "above the aim") };
    let _ = write!(
        html,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>postcoach audit: {posts} posts</title>\
         <style>{STYLE}</style></head><body><h1>Your mix: {posts} posts</h1>\
         <p class=\"{class}\"><strong>{sp}% sales pitches</strong>: {judgement} (at most {at_most}%). \
         {conv}% conversation or balanced; the aim is to reverse the 90/10: 90% conversation.</p>\
         <div class=\"chart\">{chart}</div>",
        posts = report.posts,
        sp = aim.sales_pitch_percent,
        at_most = aim.sales_pitch_at_most,
        conv = aim.conversation_percent,
        chart = svg(report),
    );
    let mix = &report.mix;
    let _ = write!(
        html,
        "<h2>The mix</h2><table><tr><th>verdict</th><th>posts</th></tr><tr><td>conversation</td><td>{}</td></tr>\
         <tr><td>balanced</td><td>{}</td></tr><tr><td>sales pitch</td><td>{}</td></tr></table>",
        mix.conversation, mix.balanced, mix.sales_pitch
    );
    if !report.by_month.is_empty() {
        html.push_str(
            "<h2>By month</h2><table><tr><th>month</th><th>posts</th><th>conversation</th><th>balanced</th>\
             <th>sales pitch</th></tr>",
        );
        for month in &report.by_month {
            let m = &month.mix;
            let _ = write!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&month.month),
                month.posts,
                m.conversation,
                m.balanced,
                m.sales_pitch
            );
        }
        html.push_str("</table>");
    }
    if !report.top_signals.is_empty() {
        html.push_str(
            "<h2>Signals that recur most</h2><table><tr><th>signal</th><th>posts</th><th style=\"text-align:left\">why</th></tr>",
        );
        for s in &report.top_signals {
            let _ = write!(
                html,
                "<tr><td>{} <small>({})</small></td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
                escape(&s.rule),
                side_name(s.side),
                s.posts,
                escape(&s.message)
            );
        }
        html.push_str("</table>");
    }
    if !report.most_salesy.is_empty() {
        html.push_str("<h2>Most salesy posts</h2><ol>");
        for post in &report.most_salesy {
            let date = post.date.as_deref().map(|d| format!(", {}", escape(d))).unwrap_or_default();
            let _ = write!(
                html,
                "<li><strong>salesiness {} / value {}, {}</strong> <small>({}, {}{date}, {})</small>\
                 <blockquote>{}</blockquote><ul>",
                post.salesiness,
                post.value,
                verdict_name(post.verdict),
                escape(&post.file),
                post.at,
                post.platform,
                escape(&post.excerpt)
            );
            for f in &post.findings {
                let _ = write!(html, "<li>“{}”: {}</li>", escape(&f.phrase), escape(&f.message));
            }
            html.push_str("</ul></li>");
        }
        html.push_str("</ol>");
    }
    if report.problems_total > 0 {
        let _ = write!(html, "<h2>Problems ({})</h2><ul>", report.problems_total);
        for p in &report.problems {
            let at = p.at.map(|at| format!(" {at}")).unwrap_or_default();
            let _ = write!(html, "<li>{}{at}: {}</li>", escape(&p.file), escape(&p.message));
        }
        html.push_str("</ul>");
    }
    html.push_str("<p><small>Made by postcoach on this computer; nothing was sent anywhere.</small></p></body></html>\n");
    html
}
