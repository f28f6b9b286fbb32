//! The audit of a post history: every post scored by the engine, then counted. What it keeps is small and
//! bounded whatever the length of the history (counts per verdict and per month, a count per rule, the few most
//! salesy posts, the first problems), so an export of 100,000 posts is audited in flat memory.
//!
//! The aim (principles 4 and 7): reverse the 90/10. At most 10% of posts should be sales pitches; balanced posts
//! (an honest, soft offer inside a valuable post) count on the conversation side of the 90.

use std::collections::BTreeMap;
use std::io::Read;

use serde::Serialize;

use super::{Entry, Format, Location, Post, ReadError};
use crate::{Engine, Options, Platform, Report, Side, Verdict};

/// The most a history's sales-pitch share should be, in percent.
pub const AIM_SALES_PITCH_PERCENT: u64 = 10;
/// Problems kept to show (all are counted).
const PROBLEMS_KEPT: usize = 100;
/// Signals listed as recurring.
const TOP_SIGNALS: usize = 10;
/// Sales findings shown with each of the most salesy posts.
const FINDINGS_SHOWN: usize = 3;
/// Characters of a post shown as its excerpt, and of a finding's phrase.
const EXCERPT_CHARS: usize = 280;
const PHRASE_CHARS: usize = 80;

/// Posts per verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Mix {
    pub conversation: u64,
    pub balanced: u64,
    #[serde(rename = "sales-pitch")]
    pub sales_pitch: u64,
}

impl Mix {
    pub fn total(&self) -> u64 {
        self.conversation + self.balanced + self.sales_pitch
    }

    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Conversation => self.conversation += 1,
            Verdict::Balanced => self.balanced += 1,
            Verdict::SalesPitch => self.sales_pitch += 1,
        }
    }

    /// Whether the sales-pitch share is within the aim (an empty mix meets nothing).
    pub fn meets_aim(&self) -> bool {
        self.total() > 0 && self.sales_pitch * 100 <= AIM_SALES_PITCH_PERCENT * self.total()
    }
}

/// One month of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Month {
    /// `YYYY-MM`
    pub month: String,
    pub posts: u64,
    #[serde(flatten)]
    pub mix: Mix,
}

/// A rule and the number of posts it was found in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    pub rule: String,
    pub side: Side,
    pub message: String,
    pub posts: u64,
}

/// One of the most salesy posts, with where to find it and its strongest sales findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalesyPost {
    pub file: String,
    pub at: Location,
    pub date: Option<String>,
    pub platform: Platform,
    pub salesiness: u8,
    pub value: u8,
    pub verdict: Verdict,
    /// The start of the post (up to 280 characters).
    pub excerpt: String,
    pub findings: Vec<TopFinding>,
}

/// A sales finding of a post: the rule, its message and the phrase it marks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopFinding {
    pub rule: String,
    pub message: String,
    pub phrase: String,
}

/// What was read from one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileSummary {
    pub file: String,
    /// `None` when the file was not recognised.
    pub format: Option<Format>,
    pub posts: u64,
    /// Entries with no text to coach (photos, bare reposts).
    pub empty: u64,
    pub problems: u64,
}

/// A problem with where it happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileProblem {
    pub file: String,
    /// `None` for a problem of the whole file (not recognised, unreadable).
    pub at: Option<Location>,
    pub message: String,
}

/// The counts so far. Feed it files (`read_file`) or posts (`add`), then take the `report`.
#[derive(Debug, Clone)]
pub struct Audit {
    top: usize,
    mix: Mix,
    months: BTreeMap<String, Mix>,
    undated: u64,
    signals: BTreeMap<String, Signal>,
    most_salesy: Vec<SalesyPost>,
    files: Vec<FileSummary>,
    problems: Vec<FileProblem>,
    problems_total: u64,
}

/// The audit as it is shown and serialised (`postcoach audit --json`, the wasm `audit_file`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditReport {
    pub posts: u64,
    pub mix: Mix,
    pub aim: Aim,
    /// Months in order; posts without a date are counted in `undated`.
    pub by_month: Vec<Month>,
    pub undated: u64,
    /// The rules found in the most posts, most first.
    pub top_signals: Vec<Signal>,
    /// The posts with the highest salesiness, highest first.
    pub most_salesy: Vec<SalesyPost>,
    pub files: Vec<FileSummary>,
    /// The first 100 problems; `problems_total` counts them all.
    pub problems: Vec<FileProblem>,
    pub problems_total: u64,
}

/// The mix against the aim of reversing the 90/10.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Aim {
    /// At most this share of sales pitches, in percent (10).
    pub sales_pitch_at_most: u64,
    /// Shares of the posts in percent, rounded to one decimal.
    pub sales_pitch_percent: f64,
    /// Conversation and balanced together: the side of the 90.
    pub conversation_percent: f64,
    pub met: bool,
}

impl Audit {
    /// An empty audit keeping the `top` most salesy posts.
    pub fn new(top: usize) -> Self {
        Audit {
            top,
            mix: Mix::default(),
            months: BTreeMap::new(),
            undated: 0,
            signals: BTreeMap::new(),
            most_salesy: Vec::new(),
            files: Vec::new(),
            problems: Vec::new(),
            problems_total: 0,
        }
    }

    /// Read one export file (any known format, recognised by its content) and score each of its posts;
    /// `defaults` apply to posts whose file names no platform. Bad entries are counted as problems and reading
    /// goes on; a file that stops early keeps what was read before the break. The error says why a file could
    /// not be read to its end (it is also kept among the problems).
    pub fn read_file(
        &mut self,
        engine: &Engine,
        name: &str,
        reader: impl Read,
        defaults: Options,
    ) -> Result<Format, ReadError> {
        let at = self.files.len();
        self.files.push(FileSummary {
            file: name.to_string(),
            format: None,
            posts: 0,
            empty: 0,
            problems: 0,
        });
        let result = super::recognise(reader).and_then(|(format, reader)| {
            self.files[at].format = Some(format);
            super::read_as(format, reader, &mut |entry| match entry {
                Entry::Post(post) => {
                    let options =
                        Options { platform: post.platform.unwrap_or(defaults.platform), ..defaults };
                    let report = engine.analyze(&post.text, &options);
                    self.add(name, &post, &report);
                    self.files[at].posts += 1;
                }
                Entry::Empty(_) => self.files[at].empty += 1,
                Entry::Bad(problem) => self.problem(at, Some(problem.at), problem.message),
            })?;
            Ok(format)
        });
        match &result {
            Ok(_) => {}
            Err(ReadError::Stopped(problem)) => self.problem(at, Some(problem.at), problem.message.clone()),
            Err(other) => self.problem(at, None, other.to_string()),
        }
        result
    }

    fn problem(&mut self, file: usize, at: Option<Location>, message: String) {
        self.files[file].problems += 1;
        self.problems_total += 1;
        if self.problems.len() < PROBLEMS_KEPT {
            self.problems.push(FileProblem { file: self.files[file].file.clone(), at, message });
        }
    }

    /// Count one post, scored as `report`.
    pub fn add(&mut self, file: &str, post: &Post, report: &Report) {
        self.mix.add(report.verdict);
        match post.date.as_deref().and_then(|d| d.get(..7)) {
            Some(month) => match self.months.get_mut(month) {
                Some(mix) => mix.add(report.verdict),
                None => {
                    let mut mix = Mix::default();
                    mix.add(report.verdict);
                    self.months.insert(month.to_string(), mix);
                }
            },
            None => self.undated += 1,
        }
        self.count_signals(report);
        self.keep_if_salesy(file, post, report);
    }

    fn count_signals(&mut self, report: &Report) {
        let mut seen: Vec<&str> = Vec::new();
        for finding in &report.findings {
            let id = finding.rule.id.as_str();
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            match self.signals.get_mut(id) {
                Some(signal) => signal.posts += 1,
                None => {
                    let signal = Signal {
                        rule: id.to_string(),
                        side: finding.side,
                        message: finding.rule.message.clone(),
                        posts: 1,
                    };
                    self.signals.insert(id.to_string(), signal);
                }
            }
        }
    }

    fn keep_if_salesy(&mut self, file: &str, post: &Post, report: &Report) {
        // Highest salesiness first, then lowest value; among equals the earlier post stays ahead.
        let rank = |salesiness: u8, value: u8| (std::cmp::Reverse(salesiness), value);
        let key = rank(report.salesiness, report.value);
        let place = self.most_salesy.partition_point(|p| rank(p.salesiness, p.value) <= key);
        if place >= self.top {
            return;
        }
        let mut sales: Vec<_> = report.findings.iter().filter(|f| f.side != Side::Value).collect();
        sales.sort_by(|a, b| b.points.total_cmp(&a.points));
        let findings = sales
            .iter()
            .take(FINDINGS_SHOWN)
            .map(|f| TopFinding {
                rule: f.rule.id.clone(),
                message: f.rule.message.clone(),
                phrase: clip(
                    post.text.get(f.span.start..f.span.end).unwrap_or_default().trim(),
                    PHRASE_CHARS,
                ),
            })
            .collect();
        self.most_salesy.insert(
            place,
            SalesyPost {
                file: file.to_string(),
                at: post.at,
                date: post.date.clone(),
                platform: report.platform,
                salesiness: report.salesiness,
                value: report.value,
                verdict: report.verdict,
                excerpt: clip(post.text.trim(), EXCERPT_CHARS),
                findings,
            },
        );
        self.most_salesy.truncate(self.top);
    }

    /// The audit so far.
    pub fn report(&self) -> AuditReport {
        let posts = self.mix.total();
        let percent =
            |n: u64| if posts == 0 { 0.0 } else { (n as f64 * 1000.0 / posts as f64).round() / 10.0 };
        let mut top_signals: Vec<Signal> = self.signals.values().cloned().collect();
        top_signals.sort_by(|a, b| b.posts.cmp(&a.posts).then_with(|| a.rule.cmp(&b.rule)));
        top_signals.truncate(TOP_SIGNALS);
        AuditReport {
            posts,
            mix: self.mix,
            aim: Aim {
                sales_pitch_at_most: AIM_SALES_PITCH_PERCENT,
                sales_pitch_percent: percent(self.mix.sales_pitch),
                conversation_percent: percent(self.mix.conversation + self.mix.balanced),
                met: self.mix.meets_aim(),
            },
            by_month: self
                .months
                .iter()
                .map(|(month, mix)| Month { month: month.clone(), posts: mix.total(), mix: *mix })
                .collect(),
            undated: self.undated,
            top_signals,
            most_salesy: self.most_salesy.clone(),
            files: self.files.clone(),
            problems: self.problems.clone(),
            problems_total: self.problems_total,
        }
    }
}

/// `n` of `total` in tenths of a percent, rounded (0 when `total` is 0).
pub(crate) fn tenths_of_percent(n: u64, total: u64) -> u64 {
    (n * 1000 + total / 2).checked_div(total).unwrap_or(0)
}

/// At most `max` characters of `text`, with "…" when cut.
fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PITCH: &str = "BUY NOW!!! 50% OFF everything, today only! Link in bio, hurry, only 3 left!!!";
    const TALK: &str = "What is one lesson your first customer taught you? I'll go first: listen more than \
        you talk. I'd love to hear yours in the comments.";

    fn audit_of(jsonl: &str) -> AuditReport {
        let mut audit = Audit::new(2);
        audit.read_file(&Engine::new(), "posts.jsonl", jsonl.as_bytes(), Options::default()).unwrap();
        audit.report()
    }

    fn line(text: &str, date: &str) -> String {
        format!("{}\n", serde_json::json!({"text": text, "date": date, "platform": "facebook"}))
    }

    #[test]
    fn mix_months_and_the_most_salesy() {
        let input = [
            line(TALK, "2024-01-03"),
            line(PITCH, "2024-01-20"),
            line(TALK, "2024-02-01"),
            line(TALK, "2024-02-11"),
        ]
        .concat();
        let report = audit_of(&(input + "{\"text\": \"undated, but thanks to everyone who came!\"}\n"));
        assert_eq!(report.posts, 5);
        assert_eq!(report.mix.total(), 5);
        assert!(report.mix.sales_pitch >= 1, "{:?}", report.mix);
        assert_eq!(report.undated, 1);
        let months: Vec<(&str, u64)> = report.by_month.iter().map(|m| (m.month.as_str(), m.posts)).collect();
        assert_eq!(months, [("2024-01", 2), ("2024-02", 2)]);
        assert_eq!(report.most_salesy.len(), 2, "keeps the top 2");
        let first = &report.most_salesy[0];
        assert_eq!((first.at, first.verdict), (Location::Line(2), Verdict::SalesPitch));
        assert!(first.salesiness >= report.most_salesy[1].salesiness);
        assert!(!first.findings.is_empty() && first.findings.len() <= FINDINGS_SHOWN);
        assert!(first.findings.iter().all(|f| PITCH.contains(&f.phrase)), "{:?}", first.findings);
        assert!(!report.aim.met, "one pitch in five is 20%");
        assert!(report.top_signals.windows(2).all(|w| w[0].posts >= w[1].posts));
    }

    #[test]
    fn the_aim_is_at_most_ten_percent_of_pitches() {
        let mix = |conversation, balanced, sales_pitch| Mix { conversation, balanced, sales_pitch };
        assert!(mix(8, 1, 1).meets_aim());
        assert!(!mix(8, 0, 2).meets_aim());
        assert!(!mix(0, 0, 0).meets_aim());
    }

    #[test]
    fn problems_are_counted_per_file_and_reading_goes_on() {
        let mut audit = Audit::new(5);
        let engine = Engine::new();
        let err = audit.read_file(&engine, "photo.png", &b"\x89PNG\r\n"[..], Options::default()).unwrap_err();
        assert!(matches!(err, ReadError::Unrecognised));
        let input = format!("{}not json\n{}", line(TALK, "2024-03-01"), line(TALK, "2024-03-02"));
        audit.read_file(&engine, "posts.jsonl", input.as_bytes(), Options::default()).unwrap();
        let report = audit.report();
        assert_eq!(report.posts, 2);
        assert_eq!(report.problems_total, 2);
        assert_eq!(report.problems[0].at, None);
        assert!(report.problems[0].message.contains("Shares.csv"));
        assert_eq!(
            (report.problems[1].file.as_str(), report.problems[1].at),
            ("posts.jsonl", Some(Location::Line(2)))
        );
        assert_eq!(report.files[1].format, Some(Format::JsonLines));
        assert_eq!((report.files[1].posts, report.files[1].problems), (2, 1));
    }

    #[test]
    fn clips_on_characters() {
        assert_eq!(clip("héllo wörld", 5), "héllo…");
        assert_eq!(clip("short", 5), "short");
    }
}
