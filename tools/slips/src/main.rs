//! Writes `rules/slips.tsv`, the misspellings the whole-post rewrite corrects (`src/engine/slips.rs`).
//!
//! The source is typos-dict (crate-ci/typos' dictionary, MIT OR Apache-2.0): about 96,000 misspellings with
//! their corrections, gathered for source code. A post is not code, so an entry is kept only when it is
//! unambiguous in prose. Two sources decide that: the English word lists of SCOWL as Debian ships them
//! (`wamerican`, `wbritish`: `/usr/share/dict/american-english` and `british-english`), and the training
//! parts of the labelled corpora (`postcoach::corpus`; the validation parts are not read):
//! - the misspelling is lower-case letters only, at least four long (shorter ones are mostly acronyms and
//!   text-speak: "cmo", "bse", "thx"; a four-letter one of a three-letter word is often another language's
//!   word, "mayu", "didi"), and no word of the word lists in any case (a word or a name: "Linz");
//! - its correction is the one of its corrections that is a lower-case word of the lists' common words
//!   (`wamerican-small`, `wbritish-small`: "limted" is "limited", not "linted"; a name such as "Singapore" is
//!   listed with its capital only, and left out),
//!   at most two edits away (letters added, dropped, changed or swapped; further apart it is another word or
//!   another language: "subscribirse" is no "subscriber");
//! - it is not written informally on purpose (`informal`): a dropped g ("nothin"), "-d" for "-ed" ("calld"),
//!   the first vowel left out so that two consonants open the word ("wrking", "bfore"; "garantee" is a
//!   slip). Two blind readers rejected these as text-speak and voice;
//! - the posts do not use it on purpose: one seen in `MIN_LINES` training lines or more is kept only when it is
//!   no name and its correction is seen ten times as often ("definately"), otherwise it is slang, an
//!   interjection or a brand ("welp", "Chanel");
//! - it is no contraction written without its apostrophe ("youre" is "you're", not the dictionary's "your").
//!
//! Those contractions are added from the word lists: "dont" -> "don't", "youre" -> "you're", "thats" ->
//! "that's", wherever the letters alone are no word ("were", "its", "well" stay). Text messages write many of
//! them bare, but the apostrophe put back changes no word and no voice. So are plurals in "-ys" of the common
//! words in "-ies" ("strawberrys" -> "strawberries"; the rewrite corrects them only where no noun follows, as
//! "our companys values" meant "company's"), not of "-body" ("anybodys" is "anybody's").
//!
//! Two blind readers rated the corrections this makes on the training parts (README, "The author's slips").
//!
//! Run from the repository root: `make slips CORPUS=../shared/corpus` (it installs the four word lists). The output
//! is sorted, so a rerun on the same inputs writes the same file.

use postcoach::corpus::{self, Part};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const OUT: &str = "rules/slips.tsv";
/// Words whose "'s" is "is" or "has" ("that's"), so that "thats" is a slip for "that's"; other "'s" forms
/// are possessives, and "partys" is a slip for "parties", not "party's".
const IS_HAS_WORDS: [&str; 16] = [
    "that",
    "there",
    "here",
    "what",
    "who",
    "where",
    "how",
    "he",
    "she",
    "when",
    "why",
    "everyone",
    "everything",
    "nothing",
    "someone",
    "something",
];

/// The English word lists (Debian's `wamerican` and `wbritish`, SCOWL size 50): no misspelling is one of
/// their words or names.
const WORD_LISTS: [&str; 2] = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"];
/// Their common words (`wamerican-small`, `wbritish-small`, SCOWL size 35): every correction is one, so the
/// list holds slips of words posts use, not of "parametrical" (a third of the size).
const COMMON_LISTS: [&str; 2] =
    ["/usr/share/dict/american-english-small", "/usr/share/dict/british-english-small"];
/// Lines a word must appear in to count as written on purpose (the fitted model keeps grams from three).
const MIN_LINES: usize = 3;

/// How often a word (lower-cased) was seen: in how many lines, and how often in lower case or with a capital
/// inside a sentence.
#[derive(Default)]
struct Seen {
    lines: usize,
    lower: usize,
    capital_inside: usize,
}

/// The optimal-string-alignment distance: letters inserted, deleted, substituted or swapped.
fn edits(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Whether `typo` is `fix` written informally on purpose (see the module doc).
fn informal(typo: &str, fix: &str) -> bool {
    let dropped_g = typo.ends_with("in") && fix.strip_suffix('g') == Some(typo);
    let short_ed = fix.strip_suffix("ed").is_some_and(|stem| typo.strip_suffix('d') == Some(stem));
    let vowel = |b: u8| b"aeiou".contains(&b);
    let no_first_vowel = fix.len() > 2
        && vowel(fix.as_bytes()[1])
        && typo.len() + 1 == fix.len()
        && typo[..1] == fix[..1]
        && typo[1..] == fix[2..]
        && !vowel(typo.as_bytes()[1]);
    dropped_g || short_ed || no_first_vowel
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus".into());
    let mut files: Vec<PathBuf> = Vec::new();
    for d in [Path::new(&dir), Path::new("data")] {
        let entries = std::fs::read_dir(d)
            .unwrap_or_else(|e| panic!("{}: {e} (run from the repository root)", d.display()));
        files.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "jsonl")),
        );
    }
    files.sort();
    let mut seen: HashMap<String, Seen> = HashMap::new();
    for path in &files {
        let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rows =
            corpus::read(std::io::BufReader::new(file)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = corpus::name_of(path);
        for row in rows.iter().filter(|r| corpus::part_of(&name, r) == Part::Train) {
            let mut in_line: HashSet<String> = HashSet::new();
            let mut sentence_start = true;
            // A headline in title case ("You Definitely Need This") says nothing about names.
            let tokens: Vec<&str> = row.text.split_whitespace().collect();
            let capitals = tokens.iter().filter(|t| t.starts_with(|c: char| c.is_uppercase())).count();
            let title_case = 2 * capitals > tokens.len();
            for token in row.text.split_whitespace() {
                let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
                if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
                    let lower = word.to_ascii_lowercase();
                    let s = seen.entry(lower.clone()).or_default();
                    if word == lower {
                        s.lower += 1;
                    } else if !sentence_start && !title_case && word[1..] == lower[1..] {
                        s.capital_inside += 1;
                    }
                    in_line.insert(lower);
                }
                sentence_start = token.ends_with(['.', '!', '?', ':']);
            }
            for w in in_line {
                seen.entry(w).or_default().lines += 1;
            }
        }
    }
    // The word lists: every word as written, and the lower-case ones apart (a name is listed capitalised only).
    let mut listed: HashSet<String> = HashSet::new();
    let mut lower_words: HashSet<String> = HashSet::new();
    let read = |list: &str| {
        std::fs::read_to_string(list).unwrap_or_else(|e| {
            panic!("{list}: {e} (apt-get install wamerican wbritish wamerican-small wbritish-small; `make slips` does)")
        })
    };
    for list in WORD_LISTS {
        listed.extend(read(list).lines().map(str::to_ascii_lowercase));
    }
    for list in COMMON_LISTS {
        let text = read(list);
        lower_words
            .extend(text.lines().filter(|w| w.bytes().all(|b| b.is_ascii_lowercase())).map(String::from));
    }
    let lines = |w: &str| seen.get(w).map_or(0, |s| s.lines);
    let common = |w: &str| lines(w) >= MIN_LINES;
    let a_name = |w: &str| seen.get(w).is_some_and(|s| s.capital_inside > s.lower);
    let plain = |w: &str| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase());
    let apostrophised = |w: &str| {
        (1..w.len()).any(|i| {
            let with = format!("{}'{}", &w[..i], &w[i..]);
            seen.contains_key(&with) || listed.contains(&with)
        })
    };
    let mut kept: Vec<(String, &str)> = Vec::new();
    let mut total = 0;
    for (typo, fixes) in typos_dict::WORD.map.entries() {
        total += 1;
        let typo = typo.into_inner().to_ascii_lowercase();
        let words: Vec<&str> = fixes.iter().copied().filter(|f| lower_words.contains(*f)).collect();
        let [fix] = words[..] else { continue };
        // A four-letter misspelling of a three-letter word is as often a word of another language ("mayu",
        // "hime", "didi", "ende": panel 28) as a key pressed twice.
        let foreign_risk = typo.len() == 4 && fix.len() < 4;
        if plain(&typo)
            && !foreign_risk
            && !listed.contains(&typo)
            && edits(&typo, fix) <= 2
            && !informal(&typo, fix)
            && (!common(&typo) || !a_name(&typo) && lines(fix) >= 10 * lines(&typo))
            && !apostrophised(&typo)
        {
            kept.push((typo, fix));
        }
    }
    // Contractions written without their apostrophe ("dont", "youre", "thats"): the word lists' contractions
    // whose letters alone are no word ("we're" is not "were", "it's" not "its"). Of the "'s" forms only those
    // of `IS_HAS_WORDS` ("that's" is "that is"; "party's" written "partys" meant "parties").
    let mut contractions: Vec<(String, String)> = Vec::new();
    for list in WORD_LISTS {
        for w in read(list).lines() {
            let Some((base, suffix)) = w.split_once('\'') else { continue };
            let joined = format!("{base}{suffix}");
            let contraction = matches!(suffix, "t" | "re" | "ve" | "ll" | "d" | "m")
                || suffix == "s" && IS_HAS_WORDS.contains(&base);
            if contraction
                && joined.len() >= 3
                && joined.bytes().all(|b| b.is_ascii_lowercase())
                && !listed.contains(&joined)
            {
                contractions.push((joined, w.to_string()));
            }
        }
    }
    kept.extend(contractions.iter().map(|(typo, fix)| (typo.clone(), fix.as_str())));
    // Plurals of a consonant and "y" written "-ys" ("strawberrys", "companys"): every common word in "-ies"
    // whose "-ys" form is no word ("days", "keys" and "rays" are).
    let ys_plurals: Vec<(String, &str)> = lower_words
        .iter()
        .filter_map(|w| {
            let stem = w.strip_suffix("ies")?;
            let consonant =
                stem.bytes().last().is_some_and(|b| !b"aeiou".contains(&b)) && !stem.ends_with("bod");
            let typo = format!("{stem}ys");
            (consonant && typo.len() >= 4 && !listed.contains(&typo) && !common(&typo))
                .then_some((typo, w.as_str()))
        })
        .collect();
    kept.extend(ys_plurals);
    kept.sort();
    kept.dedup_by(|a, b| a.0 == b.0);
    let mut out = String::from(
        "# postcoach: misspellings the whole-post rewrite corrects, written by `make slips` (tools/slips) from\n\
         # typos-dict (crate-ci/typos, MIT OR Apache-2.0), SCOWL's English word lists (Debian's wamerican and\n\
         # wbritish) and the training parts of the corpora; do not edit by hand. Columns: misspelling, correction.\n",
    );
    for (typo, fix) in &kept {
        let _ = writeln!(out, "{typo}\t{fix}");
        if common(typo) {
            eprintln!("kept though common: {typo} ({} lines) -> {fix} ({} lines)", lines(typo), lines(fix));
        }
    }
    std::fs::write(OUT, out).unwrap_or_else(|e| panic!("{OUT}: {e}"));
    eprintln!("{OUT}: {} of typos-dict's {total} entries, from {} files", kept.len(), files.len());
}
