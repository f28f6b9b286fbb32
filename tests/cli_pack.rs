//! Rule packs on the command line: `pack check` and `--pack`, with errors as FILE:LINE:COLUMN.

mod cli_support;

use cli_support::postcoach;

fn write_temp(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("postcoach-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn a_malformed_pack_names_file_line_and_column() {
    let path = write_temp("broken.toml", "name = \"broken\"\n[[rule]]\nid = \"x\"\nweight = = 3\n");
    let path = path.to_str().unwrap();
    let run = postcoach(&["pack", "check", path], b"");
    assert_eq!(run.status, 1);
    let first = run.stderr.lines().next().unwrap_or_default();
    let place = first.strip_prefix("postcoach: ").unwrap().strip_prefix(path).expect("starts with the file");
    let mut parts = place.trim_start_matches(':').splitn(3, ':');
    let line: usize = parts.next().unwrap().parse().expect("a line number");
    let column: usize = parts.next().unwrap().parse().expect("a column number");
    assert!(line >= 1 && column >= 1, "{first}");
    assert!(run.stderr.contains('^'), "the offending line is shown with a caret:\n{}", run.stderr);

    let check = postcoach(&["check", "--pack", path], b"hello");
    assert_eq!(check.status, 1, "a bad --pack stops before scoring");
    assert!(check.stderr.contains(path));
}

#[test]
fn a_missing_pack_is_named() {
    let run = postcoach(&["pack", "check", "no/such/pack.toml"], b"");
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("no/such/pack.toml"));
}

/// A trainer's pack: one new sales rule (with its own principle) and the default `hype-words` rule switched off.
const TRAINER_PACK: &str = r#"name = "Dental clinic"
disable = ["hype-words"]

[principles.care-not-claims]
title = "Care, not claims"
summary = "Patients trust a clinic that explains more than one that promises miracles."

[[rule]]
id = "dental-miracle-claims"
side = "sales"
principle = "care-not-claims"
weight = 18
patterns = ["painless", "perfect smile"]
message = "Promises like a perfect smile read like an advert."
fix = "remove"
examples.match = ["A perfect smile in one visit"]
examples.no_match = ["How we keep you comfortable"]
"#;

#[test]
fn a_valid_pack_is_summarised_and_changes_the_findings() {
    let path = write_temp("dental.toml", TRAINER_PACK);
    let path = path.to_str().unwrap();
    let run = postcoach(&["pack", "check", path], b"");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("ok") && run.stdout.contains("Dental clinic"), "{}", run.stdout);

    let draft = b"Amazing news: a painless perfect smile for everyone!";
    let rules = |args: &[&str]| -> Vec<String> {
        let run = postcoach(args, draft);
        assert_eq!(run.status, 0, "{}", run.stderr);
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    let default = rules(&["check", "--json"]);
    let with_pack = rules(&["check", "--json", "--pack", path]);
    assert!(!default.iter().any(|r| r == "dental-miracle-claims"));
    assert!(with_pack.iter().any(|r| r == "dental-miracle-claims"), "{with_pack:?}");
    assert!(!with_pack.iter().any(|r| r == "hype-words"), "switched off: {with_pack:?}");
}

#[test]
fn pack_check_runs_the_rules_fix_examples() {
    let good = TRAINER_PACK.replace(
        "examples.no_match = [\"How we keep you comfortable\"]",
        "examples.no_match = [\"How we keep you comfortable\"]\nexamples.fix = [[\"PAINLESS: whitening in one visit.\", \"Whitening in one visit.\"]]",
    );
    let path = write_temp("fix-good.toml", &good);
    let run = postcoach(&["pack", "check", path.to_str().unwrap()], b"");
    assert_eq!(run.status, 0, "{}", run.stderr);

    let bad = good.replace("\"Whitening in one visit.\"]]", "\"Whitening today.\"]]");
    let path = write_temp("fix-bad.toml", &bad);
    let run = postcoach(&["pack", "check", path.to_str().unwrap()], b"");
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("1 fix example(s) failed"), "{}", run.stderr);
    assert!(run.stderr.contains("dental-miracle-claims"), "{}", run.stderr);
}
