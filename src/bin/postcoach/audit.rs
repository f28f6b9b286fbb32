//! `postcoach audit FILE...`: the mix of a post history read from the platforms' export files. The reading and
//! counting live in the library (`postcoach::history`, shared with the wasm engine); this module opens the
//! files (with a progress bar on a terminal), prints the audit as text or JSON, writes the HTML report
//! (`audit_html`) and reports the problems found.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use postcoach::history::{Audit, AuditReport};
use postcoach::{Side, Verdict};

use crate::args::AuditJob;
use crate::{audit_html, input, pack, CliError};

/// Bars in the text output are this many characters at 100%.
const BAR: usize = 30;

pub fn run(job: &AuditJob, out: &mut impl Write) -> Result<(), CliError> {
    let engine = pack::engine_with(&job.packs)?;
    // Open every file first: a missing one stops the run before anything is read.
    let files = job
        .files
        .iter()
        .map(|path| Ok((path, input::open_file(path)?)))
        .collect::<Result<Vec<(&PathBuf, File)>, CliError>>()?;
    let mut audit = Audit::new(job.top);
    for (path, file) in files {
        let name = path.display().to_string();
        let bar = progress(&name, &file);
        // The file's own problems are counted in the audit and listed below.
        let _ = audit.read_file(&engine, &name, bar.wrap_read(file), job.options);
        bar.finish_and_clear();
    }
    let report = audit.report();
    if job.json {
        serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        text(out, &report)?;
    }
    if let Some(path) = &job.html {
        let page = audit_html::page(&report);
        std::fs::write(path, page).map_err(|error| CliError::Write { path: path.clone(), error })?;
        if !job.json {
            writeln!(out, "\nReport written to {}", path.display())?;
        }
    }
    out.flush()?;
    for problem in &report.problems {
        match problem.at {
            Some(at) => eprintln!("postcoach: {}: {at}: {}", problem.file, problem.message),
            None => eprintln!("postcoach: {}: {}", problem.file, problem.message),
        }
    }
    let unlisted = report.problems_total - report.problems.len() as u64;
    if unlisted > 0 {
        eprintln!("postcoach: ... and {unlisted} more problems");
    }
    if report.problems_total > 0 {
        return Err(CliError::AuditProblems { problems: report.problems_total, posts: report.posts });
    }
    Ok(())
}

/// A bar over the file's bytes, drawn only when standard error is a terminal.
#[cfg(not(target_arch = "wasm32"))]
fn progress(name: &str, file: &File) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressStyle};
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(file.metadata().map_or(0, |m| m.len()));
    let style = ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta} left)")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(name.to_string());
    bar
}

/// The binary is compiled for wasm32 too (by the wasm tests), never run there: no bar (indicatif is native only).
#[cfg(target_arch = "wasm32")]
fn progress(_name: &str, _file: &File) -> NoBar {
    NoBar
}

#[cfg(target_arch = "wasm32")]
struct NoBar;

#[cfg(target_arch = "wasm32")]
impl NoBar {
    fn wrap_read<R: io::Read>(&self, read: R) -> R {
        read
    }
    fn finish_and_clear(&self) {}
}

fn text(out: &mut impl Write, report: &AuditReport) -> io::Result<()> {
    writeln!(
        out,
        "{} posts from {} file{}",
        report.posts,
        report.files.len(),
        plural(report.files.len() as u64)
    )?;
    for file in &report.files {
        let format = file.format.map_or("not recognised", |f| f.describe());
        write!(out, "  {}: {format}, {} post{}", file.file, file.posts, plural(file.posts))?;
        if file.empty > 0 {
            write!(out, ", {} without text (skipped)", file.empty)?;
        }
        if file.problems > 0 {
            write!(out, ", {} problem{}", file.problems, plural(file.problems))?;
        }
        writeln!(out)?;
    }
    let aim = &report.aim;
    writeln!(out, "\nThe mix (aim: reverse the 90/10, at most {}% sales pitches)", aim.sales_pitch_at_most)?;
    let mix = &report.mix;
    for (verdict, count) in [
        (Verdict::Conversation, mix.conversation),
        (Verdict::Balanced, mix.balanced),
        (Verdict::SalesPitch, mix.sales_pitch),
    ] {
        let share = if report.posts == 0 { 0.0 } else { count as f64 / report.posts as f64 };
        let bar = "#".repeat((share * BAR as f64).round() as usize);
        writeln!(out, "  {:<13} {count:>7}  {:>5.1}%  {bar}", verdict_name(verdict), share * 100.0)?;
    }
    let judgement = if aim.met { "within the aim" } else { "above the aim" };
    writeln!(
        out,
        "  {}% sales pitches: {judgement}; {}% conversation or balanced (the aim is 90%)",
        aim.sales_pitch_percent, aim.conversation_percent
    )?;
    if !report.by_month.is_empty() {
        writeln!(out, "\nBy month                posts  conversation  balanced  sales pitch")?;
        for month in &report.by_month {
            let m = &month.mix;
            let flag = if m.meets_aim() { "" } else { "  above the aim" };
            writeln!(
                out,
                "  {:<20} {:>7}  {:>12}  {:>8}  {:>11}{flag}",
                month.month, month.posts, m.conversation, m.balanced, m.sales_pitch
            )?;
        }
        if report.undated > 0 {
            writeln!(out, "  {:<20} {:>7}", "(no date)", report.undated)?;
        }
    }
    if !report.top_signals.is_empty() {
        writeln!(out, "\nSignals that recur most (posts they were found in)")?;
        for signal in &report.top_signals {
            writeln!(
                out,
                "  {:>7}  {} ({}): {}",
                signal.posts,
                signal.rule,
                side_name(signal.side),
                first_sentence(&signal.message)
            )?;
        }
    }
    if !report.most_salesy.is_empty() {
        writeln!(out, "\nMost salesy posts")?;
        for (i, post) in report.most_salesy.iter().enumerate() {
            let date = post.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            writeln!(
                out,
                "  {}. salesiness {} / value {}, {} ({}, {}{date}, {})",
                i + 1,
                post.salesiness,
                post.value,
                verdict_name(post.verdict),
                post.file,
                post.at,
                post.platform
            )?;
            writeln!(out, "     \"{}\"", post.excerpt.replace('\n', " / "))?;
            for finding in &post.findings {
                let (phrase, why) = (finding.phrase.replace('\n', " "), first_sentence(&finding.message));
                writeln!(out, "     - \"{phrase}\": {why} ({})", finding.rule)?;
            }
        }
    }
    Ok(())
}

pub fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conversation => "conversation",
        Verdict::Balanced => "balanced",
        Verdict::SalesPitch => "sales pitch",
    }
}

pub fn side_name(side: Side) -> &'static str {
    match side {
        Side::Sales => "sales",
        Side::Value => "value",
        Side::Platform => "platform",
    }
}

/// The first sentence of a rule's message (the text output lists many; the JSON and HTML keep them whole).
fn first_sentence(message: &str) -> &str {
    message.find(". ").map_or(message, |end| &message[..=end])
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
