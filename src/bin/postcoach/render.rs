//! Readable terminal output for `postcoach check`: the draft with its marked phrases, the scores and verdict,
//! each finding with its message, principle and suggestions, then the rewrite.
//!
//! On a colour terminal a phrase is underlined (red for sales and platform findings, green for value) and
//! followed by its finding's number; in plain output (a pipe, a file, `NO_COLOR`) it is bracketed:
//! `⟦BUY NOW⟧¹` for sales, `⟨what would you add?⟩²` for value.

use std::io::{self, IsTerminal, Write};

use postcoach::{Finding, Report, Rewrite, Scope, Side, Verdict};

use crate::args::ColorChoice;

/// The styles the output uses, as ANSI escape codes or nothing.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

#[derive(Debug, Clone, Copy)]
enum Tone {
    Sales,
    Value,
    Heading,
    Dim,
}

impl Style {
    /// Colour when asked, or on `auto` when stdout is a terminal and `NO_COLOR` is unset or empty and `TERM`
    /// is not `dumb` (<https://no-color.org>).
    pub fn detect(choice: ColorChoice) -> Self {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        };
        Style { color }
    }

    fn paint(&self, tone: Tone, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        let code = match tone {
            Tone::Sales => "4;31",
            Tone::Value => "4;32",
            Tone::Heading => "1",
            Tone::Dim => "2",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A marked phrase with its finding number.
    fn mark(&self, side: Side, text: &str, number: usize) -> String {
        let tone = if side == Side::Value { Tone::Value } else { Tone::Sales };
        let label = superscript(number);
        if self.color {
            format!("{}{}", self.paint(tone, text), self.paint(Tone::Dim, &label))
        } else if side == Side::Value {
            format!("⟨{text}⟩{label}")
        } else {
            format!("⟦{text}⟧{label}")
        }
    }
}

fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string().chars().map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize]).collect()
}

pub fn verdict_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conversation => "conversation",
        Verdict::Balanced => "balanced",
        Verdict::SalesPitch => "sales pitch",
    }
}

fn side_words(side: Side) -> &'static str {
    match side {
        Side::Sales => "sales",
        Side::Value => "value",
        Side::Platform => "platform",
    }
}

/// The draft with each phrase finding marked. Findings are numbered in report order (the numbers of the
/// findings list); a phrase overlapping one already marked is listed but not marked twice.
pub fn marked_draft(text: &str, findings: &[Finding], style: Style) -> String {
    let mut phrases: Vec<(usize, &Finding)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.scope == Scope::Phrase && f.span.start < f.span.end && f.span.end <= text.len())
        .filter(|(_, f)| text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end))
        .map(|(i, f)| (i + 1, f))
        .collect();
    phrases.sort_by_key(|(_, f)| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut out = String::with_capacity(text.len() + phrases.len() * 8);
    let mut at = 0;
    for (number, finding) in phrases {
        if finding.span.start < at {
            continue;
        }
        out.push_str(&text[at..finding.span.start]);
        out.push_str(&style.mark(finding.side, &text[finding.span.start..finding.span.end], number));
        at = finding.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The full `check` output.
pub fn check(
    out: &mut impl Write,
    text: &str,
    report: &Report,
    rewrite: &Rewrite,
    style: Style,
) -> io::Result<()> {
    let heading = |s: &str| style.paint(Tone::Heading, s);
    writeln!(out, "{}", heading(&format!("Draft ({})", report.platform)))?;
    writeln!(out, "{}\n", indent(&marked_draft(text, &report.findings, style), "  "))?;
    writeln!(
        out,
        "{}  salesiness {}/100 · value {}/100 · {}",
        heading("Score"),
        report.salesiness,
        report.value,
        verdict_words(report.verdict)
    )?;
    if !report.summary.is_empty() {
        writeln!(out, "  {}", report.summary)?;
    }
    writeln!(out)?;
    if report.findings.is_empty() {
        writeln!(out, "{}\n  none\n", heading("Findings"))?;
    } else {
        writeln!(out, "{}", heading("Findings"))?;
        for (i, finding) in report.findings.iter().enumerate() {
            finding_block(out, text, i + 1, finding, style)?;
        }
    }
    rewrite_block(out, rewrite, style)
}

fn finding_block(
    out: &mut impl Write,
    text: &str,
    number: usize,
    f: &Finding,
    style: Style,
) -> io::Result<()> {
    let sign = if f.side == Side::Value { "value" } else { "salesiness" };
    let quoted = match text.get(f.span.start..f.span.end) {
        Some(phrase) if f.scope == Scope::Phrase && !phrase.is_empty() => format!(" “{}”", one_line(phrase)),
        _ => String::new(),
    };
    writeln!(
        out,
        "{:>3}. [{}] {}{}  {}",
        number,
        side_words(f.side),
        f.rule.id,
        quoted,
        style.paint(Tone::Dim, &format!("(+{:.1} {sign})", f.points))
    )?;
    writeln!(out, "     {}", f.rule.message)?;
    writeln!(
        out,
        "     {}",
        style.paint(
            Tone::Dim,
            &format!("Principle: {} — {}", f.rule.principle.title, f.rule.principle.summary)
        )
    )?;
    for suggestion in &f.suggestions {
        let span = suggestion.span;
        let what = if suggestion.text.is_empty() {
            format!("remove “{}”", one_line(text.get(span.start..span.end).unwrap_or("")))
        } else if span.start == span.end {
            format!("add “{}”", one_line(&suggestion.text))
        } else {
            format!("“{}”", one_line(&suggestion.text))
        };
        // The suggestion's `label` is a button caption (shortened); the terminal has room for the whole edit.
        writeln!(out, "     Try: {what}")?;
    }
    Ok(())
}

fn rewrite_block(out: &mut impl Write, rewrite: &Rewrite, style: Style) -> io::Result<()> {
    writeln!(
        out,
        "\n{}  salesiness {} → {} · value {} → {} · {}",
        style.paint(Tone::Heading, "Rewrite"),
        rewrite.before.salesiness,
        rewrite.after.salesiness,
        rewrite.before.value,
        rewrite.after.value,
        verdict_words(rewrite.after.verdict)
    )?;
    writeln!(out, "{}", indent(&rewrite.text, "  "))
}

/// `postcoach rewrite` in text mode: just the rewritten post.
pub fn rewrite_text(out: &mut impl Write, rewrite: &Rewrite) -> io::Result<()> {
    writeln!(out, "{}", rewrite.text.trim_end_matches('\n'))
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines().map(|line| format!("{prefix}{line}")).collect::<Vec<_>>().join("\n")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use postcoach::{PrincipleRef, RuleInfo, Span};

    fn finding(side: Side, start: usize, end: usize) -> Finding {
        Finding {
            rule: RuleInfo {
                id: "r".into(),
                message: "m".into(),
                principle: PrincipleRef { id: "p".into(), title: "P".into(), summary: "S".into() },
            }
            .into(),
            side,
            scope: Scope::Phrase,
            span: Span { start, end, start_utf16: start, end_utf16: end },
            points: 1.0,
            suggestions: vec![],
        }
    }

    #[test]
    fn plain_marks_bracket_phrases_with_their_numbers() {
        let text = "Buy now! What do you think?";
        let findings = [finding(Side::Sales, 0, 7), finding(Side::Value, 9, 27), finding(Side::Sales, 0, 3)];
        let out = marked_draft(text, &findings, Style { color: false });
        assert_eq!(out, "⟦Buy now⟧¹! ⟨What do you think?⟩²");
    }

    #[test]
    fn colour_marks_use_ansi_underline() {
        let out = marked_draft("Buy now", &[finding(Side::Sales, 0, 3)], Style { color: true });
        assert!(out.starts_with("\x1b[4;31mBuy\x1b[0m"), "{out:?}");
    }

    #[test]
    fn superscripts() {
        assert_eq!(superscript(12), "¹²");
    }
}
