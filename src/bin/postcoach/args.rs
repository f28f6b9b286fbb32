//! Command-line arguments: a small hand-written parser (the grammar is a handful of flags, so a parser crate
//! would cost more in build time and binary size than it saves).
//!
//! ```text
//! postcoach check   [FILE|-] [--platform P] [--sensitivity S] [--json | --jsonl] [--pack FILE]... [--color WHEN]
//! postcoach rewrite [FILE|-] [--platform P] [--sensitivity S] [--json | --jsonl] [--pack FILE]...
//! postcoach eval    FILE.jsonl... [--part train|validation|all] [--pack FILE]...
//! postcoach fit     [--corpus DIR] [--pack FILE] [--model FILE] [--dry-run]
//! postcoach audit   FILE... [--json] [--html FILE] [--platform P] [--sensitivity S] [--top N] [--pack FILE]...
//! postcoach pack check FILE.toml
//! postcoach --help | --version
//! ```
//! Flags take their value as the next argument or after `=` (`--platform=x`).

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use postcoach::{Options, Platform, Sensitivity, UnknownPlatform};

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    Check(TextJob),
    Rewrite(TextJob),
    Eval(EvalJob),
    Fit(FitJob),
    Audit(AuditJob),
    PackCheck { path: PathBuf },
    Help(Topic),
    Version,
}

/// Which help page to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Main,
    Check,
    Rewrite,
    Eval,
    Fit,
    Audit,
    Pack,
}

/// Where the draft (or the JSON Lines) come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("standard input"),
            Input::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Readable terminal output.
    Text,
    /// One JSON document.
    Json,
    /// Batch mode: one JSON object per input line.
    Jsonl,
}

/// Whether terminal output uses colour and underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    /// When standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

/// `check` and `rewrite`: one draft or a batch of them.
#[derive(Debug, PartialEq)]
pub struct TextJob {
    pub input: Input,
    pub options: Options,
    pub format: Format,
    pub packs: Vec<PathBuf>,
    pub color: ColorChoice,
}

/// `eval`: labelled JSON Lines files.
#[derive(Debug, PartialEq)]
pub struct EvalJob {
    pub paths: Vec<PathBuf>,
    pub packs: Vec<PathBuf>,
    pub select: postcoach::corpus::Select,
}

/// `fit`: the corpus folders, and the pack and model files the fitted weights go into.
#[derive(Debug, PartialEq)]
pub struct FitJob {
    /// Folders searched for each corpus (`postcoach::fit::SOURCE_WEIGHTS`): the shared data and our own.
    pub corpora: Vec<PathBuf>,
    pub pack: PathBuf,
    pub model: PathBuf,
    /// Print the figures without writing anything.
    pub dry_run: bool,
}

/// `audit`: export files of a post history.
#[derive(Debug, PartialEq)]
pub struct AuditJob {
    pub files: Vec<PathBuf>,
    /// For posts whose file names no platform (JSON Lines, CSV).
    pub options: Options,
    pub json: bool,
    /// Also write the report as a self-contained HTML page here.
    pub html: Option<PathBuf>,
    /// How many of the most salesy posts to show.
    pub top: usize,
    pub packs: Vec<PathBuf>,
}

/// The arguments could not be understood. Printed with a pointer to `--help`; exit status 2.
#[derive(Debug, PartialEq)]
pub enum ArgError {
    NoCommand,
    UnknownCommand(String),
    UnknownFlag { command: &'static str, flag: String },
    MissingValue(String),
    UnexpectedArgument(String),
    MissingFile(&'static str),
    NotUnicode(OsString),
    Platform(UnknownPlatform),
    Sensitivity(String),
    Color(String),
    ConflictingFormats,
    Part(String),
    Top(String),
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::Part(p) => write!(f, "unknown part {p:?} (expected train, validation or all)"),
            ArgError::NoCommand => f.write_str("no command given (try `postcoach check FILE`)"),
            ArgError::UnknownCommand(c) => {
                write!(f, "unknown command {c:?} (expected check, rewrite, eval, fit, audit or pack)")
            }
            ArgError::UnknownFlag { command, flag } => write!(f, "`{command}` does not take {flag:?}"),
            ArgError::MissingValue(flag) => write!(f, "{flag} needs a value"),
            ArgError::UnexpectedArgument(a) => write!(f, "unexpected argument {a:?}"),
            ArgError::MissingFile(what) => write!(f, "missing {what}"),
            ArgError::NotUnicode(a) => write!(f, "argument {a:?} is not valid Unicode"),
            ArgError::Platform(e) => e.fmt(f),
            ArgError::Sensitivity(s) => {
                write!(f, "unknown sensitivity {s:?} (expected gentle, normal or strict)")
            }
            ArgError::Color(s) => write!(f, "unknown --color value {s:?} (expected auto, always or never)"),
            ArgError::ConflictingFormats => f.write_str("--json and --jsonl cannot be combined"),
            ArgError::Top(value) => write!(f, "--top needs a number from 1 to 100, not {value:?}"),
        }
    }
}

impl std::error::Error for ArgError {}

/// Parse the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, ArgError> {
    let args: Vec<String> =
        args.into_iter().map(|a| a.into_string().map_err(ArgError::NotUnicode)).collect::<Result<_, _>>()?;
    let mut words = Words::new(args);
    let Some(first) = words.next_raw() else { return Err(ArgError::NoCommand) };
    match first.as_str() {
        "-h" | "--help" => Ok(Command::Help(Topic::Main)),
        "-V" | "--version" => Ok(Command::Version),
        "help" => Ok(Command::Help(words.next_raw().map_or(Ok(Topic::Main), |t| topic(&t))?)),
        "check" => {
            parse_text_job(words, "check").map(|job| job.map_or(Command::Help(Topic::Check), Command::Check))
        }
        "rewrite" => parse_text_job(words, "rewrite")
            .map(|job| job.map_or(Command::Help(Topic::Rewrite), Command::Rewrite)),
        "eval" => parse_eval(words),
        "fit" => parse_fit(words),
        "audit" => parse_audit(words),
        "pack" => parse_pack(words),
        other => Err(ArgError::UnknownCommand(other.to_string())),
    }
}

fn topic(name: &str) -> Result<Topic, ArgError> {
    match name {
        "check" => Ok(Topic::Check),
        "rewrite" => Ok(Topic::Rewrite),
        "eval" => Ok(Topic::Eval),
        "fit" => Ok(Topic::Fit),
        "audit" => Ok(Topic::Audit),
        "pack" => Ok(Topic::Pack),
        other => Err(ArgError::UnknownCommand(other.to_string())),
    }
}

/// `None` when the user asked for the command's help.
fn parse_text_job(mut words: Words, command: &'static str) -> Result<Option<TextJob>, ArgError> {
    let mut job = TextJob {
        input: Input::Stdin,
        options: Options::default(),
        format: Format::Text,
        packs: Vec::new(),
        color: ColorChoice::Auto,
    };
    let mut input: Option<Input> = None;
    let (mut json, mut jsonl) = (false, false);
    while let Some(word) = words.next() {
        match word {
            Word::Flag(flag, inline) => match flag.as_str() {
                "-h" | "--help" => return Ok(None),
                "--platform" | "-p" => job.options.platform = parse_platform(&words.value(&flag, inline)?)?,
                "--sensitivity" => job.options.sensitivity = parse_sensitivity(&words.value(&flag, inline)?)?,
                "--pack" => job.packs.push(words.value(&flag, inline)?.into()),
                "--json" => json = true,
                "--jsonl" => jsonl = true,
                "--color" | "--colour" if command == "check" => {
                    job.color = parse_color(&words.value(&flag, inline)?)?
                }
                _ => return Err(ArgError::UnknownFlag { command, flag }),
            },
            Word::Stdin => set_once(&mut input, Input::Stdin)?,
            Word::Positional(path) => set_once(&mut input, Input::File(path.into()))?,
        }
    }
    job.format = match (json, jsonl) {
        (true, true) => return Err(ArgError::ConflictingFormats),
        (true, false) => Format::Json,
        (false, true) => Format::Jsonl,
        (false, false) => Format::Text,
    };
    job.input = input.unwrap_or(Input::Stdin);
    Ok(Some(job))
}

fn parse_eval(mut words: Words) -> Result<Command, ArgError> {
    use postcoach::corpus::{Part, Select};
    let mut paths = Vec::new();
    let mut packs = Vec::new();
    let mut select = Select::All;
    while let Some(word) = words.next() {
        match word {
            Word::Flag(flag, inline) => match flag.as_str() {
                "-h" | "--help" => return Ok(Command::Help(Topic::Eval)),
                "--pack" => packs.push(words.value(&flag, inline)?.into()),
                "--part" => {
                    select = match words.value(&flag, inline)?.as_str() {
                        "all" => Select::All,
                        "train" => Select::Only(Part::Train),
                        "validation" => Select::Only(Part::Validation),
                        other => return Err(ArgError::Part(other.to_string())),
                    }
                }
                _ => return Err(ArgError::UnknownFlag { command: "eval", flag }),
            },
            Word::Stdin => return Err(ArgError::UnexpectedArgument("-".into())),
            Word::Positional(p) => paths.push(PathBuf::from(p)),
        }
    }
    if paths.is_empty() {
        return Err(ArgError::MissingFile("the labelled .jsonl file to evaluate"));
    }
    Ok(Command::Eval(EvalJob { paths, packs, select }))
}

fn parse_fit(mut words: Words) -> Result<Command, ArgError> {
    let mut job = FitJob {
        corpora: Vec::new(),
        pack: "rules/default.toml".into(),
        model: "rules/model.tsv".into(),
        dry_run: false,
    };
    while let Some(word) = words.next() {
        match word {
            Word::Flag(flag, inline) => match flag.as_str() {
                "-h" | "--help" => return Ok(Command::Help(Topic::Fit)),
                "--corpus" => job.corpora.push(words.value(&flag, inline)?.into()),
                "--pack" => job.pack = words.value(&flag, inline)?.into(),
                "--model" => job.model = words.value(&flag, inline)?.into(),
                "--dry-run" => job.dry_run = true,
                _ => return Err(ArgError::UnknownFlag { command: "fit", flag }),
            },
            Word::Stdin => return Err(ArgError::UnexpectedArgument("-".into())),
            Word::Positional(p) => return Err(ArgError::UnexpectedArgument(p)),
        }
    }
    if job.corpora.is_empty() {
        job.corpora = vec!["../shared/corpus".into(), "data".into()];
    }
    Ok(Command::Fit(job))
}

fn parse_audit(mut words: Words) -> Result<Command, ArgError> {
    let mut job = AuditJob {
        files: Vec::new(),
        options: Options::default(),
        json: false,
        html: None,
        top: 5,
        packs: Vec::new(),
    };
    while let Some(word) = words.next() {
        match word {
            Word::Flag(flag, inline) => match flag.as_str() {
                "-h" | "--help" => return Ok(Command::Help(Topic::Audit)),
                "--platform" | "-p" => job.options.platform = parse_platform(&words.value(&flag, inline)?)?,
                "--sensitivity" => job.options.sensitivity = parse_sensitivity(&words.value(&flag, inline)?)?,
                "--pack" => job.packs.push(words.value(&flag, inline)?.into()),
                "--json" => job.json = true,
                "--html" => job.html = Some(words.value(&flag, inline)?.into()),
                "--top" => {
                    let value = words.value(&flag, inline)?;
                    job.top =
                        value.parse().ok().filter(|n| (1..=100).contains(n)).ok_or(ArgError::Top(value))?;
                }
                _ => return Err(ArgError::UnknownFlag { command: "audit", flag }),
            },
            Word::Stdin => return Err(ArgError::UnexpectedArgument("-".into())),
            Word::Positional(p) => job.files.push(p.into()),
        }
    }
    if job.files.is_empty() {
        return Err(ArgError::MissingFile(
            "the export file(s) to audit (Shares.csv, your_posts_1.json, tweets.js, ...)",
        ));
    }
    Ok(Command::Audit(job))
}

fn parse_pack(mut words: Words) -> Result<Command, ArgError> {
    match words.next() {
        Some(Word::Positional(sub)) if sub == "check" => {}
        Some(Word::Flag(flag, _)) if flag == "-h" || flag == "--help" => {
            return Ok(Command::Help(Topic::Pack))
        }
        Some(Word::Positional(sub)) => return Err(ArgError::UnknownCommand(format!("pack {sub}"))),
        Some(Word::Flag(flag, _)) => return Err(ArgError::UnknownFlag { command: "pack", flag }),
        Some(Word::Stdin) => return Err(ArgError::UnexpectedArgument("-".into())),
        None => return Err(ArgError::MissingFile("`check FILE.toml` after `pack`")),
    }
    let mut path = None;
    while let Some(word) = words.next() {
        match word {
            Word::Flag(flag, _) if flag == "-h" || flag == "--help" => return Ok(Command::Help(Topic::Pack)),
            Word::Flag(flag, _) => return Err(ArgError::UnknownFlag { command: "pack check", flag }),
            Word::Stdin => return Err(ArgError::UnexpectedArgument("-".into())),
            Word::Positional(p) => set_once(&mut path, PathBuf::from(p))?,
        }
    }
    Ok(Command::PackCheck { path: path.ok_or(ArgError::MissingFile("the rule pack (.toml) to check"))? })
}

fn set_once<T: fmt::Debug>(slot: &mut Option<T>, value: T) -> Result<(), ArgError> {
    if slot.is_some() {
        return Err(ArgError::UnexpectedArgument(format!("{value:?}")));
    }
    *slot = Some(value);
    Ok(())
}

pub fn parse_platform(name: &str) -> Result<Platform, ArgError> {
    name.parse().map_err(ArgError::Platform)
}

/// Sensitivity names are the engine's serde names (`gentle`, `normal`, `strict`); parsed through serde so the
/// list lives in one place.
pub fn parse_sensitivity(name: &str) -> Result<Sensitivity, ArgError> {
    use serde::de::{value::StrDeserializer, Deserialize};
    let lower = name.trim().to_ascii_lowercase();
    Sensitivity::deserialize(StrDeserializer::<serde::de::value::Error>::new(&lower))
        .map_err(|_| ArgError::Sensitivity(name.to_string()))
}

fn parse_color(value: &str) -> Result<ColorChoice, ArgError> {
    match value {
        "auto" => Ok(ColorChoice::Auto),
        "always" => Ok(ColorChoice::Always),
        "never" => Ok(ColorChoice::Never),
        other => Err(ArgError::Color(other.to_string())),
    }
}

/// One argument, classified.
enum Word {
    /// `--flag` or `--flag=value` (the value kept for `Words::value`).
    Flag(String, Option<String>),
    /// A lone `-`: standard input.
    Stdin,
    Positional(String),
}

/// The argument stream; after `--` everything is positional.
struct Words {
    args: std::vec::IntoIter<String>,
    only_positional: bool,
}

impl Words {
    fn new(args: Vec<String>) -> Self {
        Words { args: args.into_iter(), only_positional: false }
    }

    fn next_raw(&mut self) -> Option<String> {
        self.args.next()
    }

    fn next(&mut self) -> Option<Word> {
        let arg = self.args.next()?;
        if self.only_positional {
            return Some(Word::Positional(arg));
        }
        if arg == "--" {
            self.only_positional = true;
            return self.next();
        }
        if arg == "-" {
            return Some(Word::Stdin);
        }
        if arg.starts_with('-') {
            return Some(match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    Word::Flag(flag.to_string(), Some(value.to_string()))
                }
                _ => Word::Flag(arg, None),
            });
        }
        Some(Word::Positional(arg))
    }

    /// The value of `flag`: given inline (`--flag=value`) or the next argument.
    fn value(&mut self, flag: &str, inline: Option<String>) -> Result<String, ArgError> {
        inline.or_else(|| self.args.next()).ok_or_else(|| ArgError::MissingValue(flag.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Command, ArgError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn check_with_file_platform_and_json() {
        let Command::Check(job) = parse_str(&["check", "post.txt", "--platform=x", "--json"]).unwrap() else {
            panic!("check expected")
        };
        assert_eq!(job.input, Input::File("post.txt".into()));
        assert_eq!(job.options.platform, Platform::X);
        assert_eq!(job.format, Format::Json);
    }

    #[test]
    fn defaults_to_stdin_and_text() {
        let Command::Rewrite(job) = parse_str(&["rewrite", "--platform", "linkedin"]).unwrap() else {
            panic!("rewrite expected")
        };
        assert_eq!(job.input, Input::Stdin);
        assert_eq!(job.format, Format::Text);
        assert_eq!(job.options.platform, Platform::Linkedin);
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(matches!(parse_str(&["check", "--platform", "myspace"]), Err(ArgError::Platform(_))));
        assert!(matches!(parse_str(&["check", "--frobnicate"]), Err(ArgError::UnknownFlag { .. })));
        assert!(matches!(parse_str(&["check", "a", "b"]), Err(ArgError::UnexpectedArgument(_))));
        assert!(matches!(parse_str(&["check", "--platform"]), Err(ArgError::MissingValue(_))));
        assert!(matches!(parse_str(&["check", "--json", "--jsonl"]), Err(ArgError::ConflictingFormats)));
        assert!(matches!(parse_str(&["eval"]), Err(ArgError::MissingFile(_))));
        assert!(matches!(parse_str(&["launch"]), Err(ArgError::UnknownCommand(_))));
        assert!(matches!(parse_str(&[]), Err(ArgError::NoCommand)));
    }

    #[test]
    fn sensitivity_and_packs() {
        let Command::Check(job) =
            parse_str(&["check", "-", "--sensitivity", "Strict", "--pack", "a.toml", "--pack=b.toml"])
                .unwrap()
        else {
            panic!("check expected")
        };
        assert_eq!(job.options.sensitivity, Sensitivity::Strict);
        assert_eq!(job.packs, vec![PathBuf::from("a.toml"), PathBuf::from("b.toml")]);
    }

    #[test]
    fn audit_files_and_flags() {
        let Command::Audit(job) =
            parse_str(&["audit", "Shares.csv", "tweets.js", "--html=r.html", "--top", "3", "-p", "fb"])
                .unwrap()
        else {
            panic!("audit expected")
        };
        assert_eq!(job.files, vec![PathBuf::from("Shares.csv"), PathBuf::from("tweets.js")]);
        assert_eq!((job.html, job.top, job.json), (Some(PathBuf::from("r.html")), 3, false));
        assert_eq!(job.options.platform, Platform::Facebook);
        assert!(matches!(parse_str(&["audit"]), Err(ArgError::MissingFile(_))));
        assert!(matches!(parse_str(&["audit", "a.csv", "--top", "0"]), Err(ArgError::Top(_))));
        assert!(matches!(parse_str(&["audit", "-"]), Err(ArgError::UnexpectedArgument(_))));
        assert_eq!(parse_str(&["audit", "--help"]).unwrap(), Command::Help(Topic::Audit));
    }

    #[test]
    fn pack_check_and_help() {
        assert_eq!(
            parse_str(&["pack", "check", "p.toml"]).unwrap(),
            Command::PackCheck { path: "p.toml".into() }
        );
        assert_eq!(parse_str(&["check", "--help"]).unwrap(), Command::Help(Topic::Check));
        assert_eq!(parse_str(&["help", "eval"]).unwrap(), Command::Help(Topic::Eval));
        assert_eq!(parse_str(&["-V"]).unwrap(), Command::Version);
    }
}
