//! The `--help` texts.

use crate::args::Topic;

pub fn text(topic: Topic) -> &'static str {
    match topic {
        Topic::Main => MAIN,
        Topic::Check => CHECK,
        Topic::Rewrite => REWRITE,
        Topic::Eval => EVAL,
        Topic::Fit => FIT,
        Topic::Audit => AUDIT,
        Topic::Pack => PACK,
    }
}

const MAIN: &str = "\
postcoach: coaches social-media drafts from sales pitch to conversation.
Runs entirely on this machine; nothing is sent anywhere.

Usage:
  postcoach check   [FILE|-] [--platform P] [--json | --jsonl] [--pack FILE]...
  postcoach rewrite [FILE|-] [--platform P] [--json | --jsonl] [--pack FILE]...
  postcoach eval    FILE.jsonl [--pack FILE]...
  postcoach audit   FILE... [--json] [--html FILE]
  postcoach pack check FILE.toml
  postcoach help [COMMAND] | --help | --version

Commands:
  check     score a draft for salesiness and value, mark the salesy phrases, suggest edits, show a rewrite
  rewrite   print a conversational rewrite of the draft
  eval      measure the scorer on labelled JSON Lines (AUC, means per label, AUC per length bin)
  audit     the mix of a post history (platform export files) against the 90/10 aim
  pack      validate a rule pack (TOML) before using it with --pack

Platforms: linkedin, facebook, x, instagram, generic (default); also twitter, fb, ig.
Without FILE, or with -, the draft is read from standard input.
";

const CHECK: &str = "\
Usage: postcoach check [FILE|-] [OPTIONS]

Score a draft: the draft with its findings marked, salesiness and value (0-100), the verdict, each finding
with its message, principle and suggestions, then the whole-post rewrite.

Options:
  -p, --platform P     linkedin, facebook, x, instagram or generic (default generic)
      --sensitivity S  gentle, normal (default) or strict
      --json           print the report as JSON
      --jsonl          batch mode: one {\"text\": ..., \"platform\"?: ...} per input line, one JSON report per
                       output line; a bad line gives {\"line\": N, \"error\": ...} and a non-zero exit status
      --pack FILE      load an extra rule pack first (repeatable)
      --color WHEN     auto (default: colour on a terminal unless NO_COLOR is set), always or never

Marks in plain output: ⟦sales phrase⟧¹, ⟨value phrase⟩²; the numbers are the findings' numbers.
";

const REWRITE: &str = "\
Usage: postcoach rewrite [FILE|-] [OPTIONS]

Print the whole-post conversational rewrite of a draft.

Options:
  -p, --platform P     linkedin, facebook, x, instagram or generic (default generic)
      --sensitivity S  gentle, normal (default) or strict
      --json           print {text, before, after, applied} as JSON
      --jsonl          batch mode: one {\"text\": ...} per input line, one {\"rewrite\": ...} per output line
      --pack FILE      load an extra rule pack first (repeatable)
";

const EVAL: &str = "\
Usage: postcoach eval FILE.jsonl... [--part train|validation|all] [--pack FILE]...

Evaluate the scores and the verdict on labelled JSON Lines: each line {\"text\", \"label\", \"platform\"?,
\"id\"?, \"source\"?} with label sales / balanced / value, or 1 / 0. Prints the AUC (sales or 1 against value
or 0), the verdict's agreement with three-way labels (conversation = value, balanced, sales pitch = sales) and
its confusion table, both per source and per platform, the AUC within length bins (< 60, 60-150, > 150
characters) and the mean scores per label.

  --part P     validation: only the lines `postcoach fit` leaves out (see src/corpus.rs), train: the others,
               all (default)
  --pack FILE  load an extra rule pack first (repeatable)
";

const FIT: &str = "\
Usage: postcoach fit [--corpus DIR]... [--pack FILE] [--model FILE] [--dry-run]

Fit the rule weights, the learned gram model and the verdict thresholds on the training parts of the
labelled corpora in the DIRs (default ../shared/corpus and data, the posts we wrote and labelled), then write each rule's weight into the pack (default
rules/default.toml) and the model into FILE (default rules/model.tsv). Rerun after changing a rule, then
rebuild. --dry-run prints the figures without writing.
";

const AUDIT: &str = "\
Usage: postcoach audit FILE... [OPTIONS]

The mix of a post history: every post of the export files scored, then the number of posts, the mix
(conversation / balanced / sales pitch) against the aim of reversing the 90/10 (at most 10% sales pitches),
the mix by month, the signals that recur most and the most salesy posts with their top findings.

Files are recognised by their content:
  LinkedIn   Shares.csv         Settings > Data privacy > Get a copy of your data
  Facebook   your_posts_1.json  Settings > Your information > Download your information (format JSON)
  X          data/tweets.js     Settings > Your account > Download an archive of your data
  JSON Lines {\"text\", \"date\"?, \"platform\"?} per line;  CSV with a text (and date, platform) column

Options:
      --json           print the audit as JSON
      --html FILE      also write a self-contained HTML report (chart included) to FILE
      --top N          how many of the most salesy posts to show (default 5)
  -p, --platform P     platform of JSON Lines and CSV posts that name none (default generic)
      --sensitivity S  gentle, normal (default) or strict
      --pack FILE      load an extra rule pack first (repeatable)

A bad entry is named by its line or entry number and the rest is still read; the status is then 1.
";

const PACK: &str = "\
Usage: postcoach pack check FILE.toml

Validate a rule pack (same format as rules/default.toml): prints what it adds and switches off, or the
line and column of the first problem. Use a valid pack with `check --pack FILE` or `rewrite --pack FILE`.
";
