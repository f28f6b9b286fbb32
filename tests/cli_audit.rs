//! `postcoach audit`: each export format read by its content (fixtures in `tests/fixtures/exports/`, invented
//! posts), the export quirks (mojibake, entries without text, commentary with line breaks, HTML entities), bad
//! entries named while the rest is read, truncated and unknown files, and the JSON and HTML output.
//!
//! Verdicts of ordinary posts move as the scorer improves, so the tests pin only what is obvious: a hard "BUY
//! NOW!!! 50% OFF ... link in bio" pitch is a sales pitch and the most salesy post; everything else is
//! structure and counts of posts read.

mod cli_support;

use std::path::PathBuf;

use cli_support::{postcoach, Run};
use serde_json::Value;

const DIR: &str = "tests/fixtures/exports";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// `postcoach audit --json --top 100 FILES...` (every post listed among the "most salesy", to read their texts).
fn audit_json(files: &[&str]) -> (Run, Value) {
    let mut args = vec!["audit", "--json", "--top", "100"];
    args.extend_from_slice(files);
    let run = postcoach(&args, b"");
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    (run, json)
}

fn excerpts(audit: &Value) -> Vec<String> {
    audit["most_salesy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["excerpt"].as_str().unwrap().to_string())
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_audit");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The mix adds up to the posts, and so do the months with the undated posts.
fn assert_counts_add_up(audit: &Value) {
    let posts = audit["posts"].as_u64().unwrap();
    let mix = &audit["mix"];
    let sum = |v: &Value| {
        ["conversation", "balanced", "sales-pitch"].iter().map(|k| v[k].as_u64().unwrap()).sum::<u64>()
    };
    assert_eq!(sum(mix), posts, "{mix}");
    let months = audit["by_month"].as_array().unwrap();
    let dated: u64 = months.iter().map(|m| m["posts"].as_u64().unwrap()).sum();
    assert_eq!(dated + audit["undated"].as_u64().unwrap(), posts);
    assert!(months.iter().all(|m| sum(m) == m["posts"].as_u64().unwrap()));
    assert!(months.windows(2).all(|w| w[0]["month"].as_str() < w[1]["month"].as_str()), "months in order");
}

#[test]
fn linkedin_shares_with_quotes_line_breaks_and_a_bare_repost() {
    let (run, audit) = audit_json(&[&fixture("Shares.csv")]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(audit["posts"], 3);
    assert_eq!(audit["files"][0]["format"], "linkedin-shares");
    assert_eq!(audit["files"][0]["empty"], 1, "the share without commentary is skipped");
    let texts = excerpts(&audit);
    assert!(
        texts.iter().any(|t| t.contains("this year, \"the hard way\"?\n\nMine: listen first")),
        "commentary keeps its quotes, commas and line breaks: {texts:?}"
    );
    let months: Vec<&str> =
        audit["by_month"].as_array().unwrap().iter().map(|m| m["month"].as_str().unwrap()).collect();
    assert_eq!(months, ["2025-01", "2025-02"]);
    assert!(audit["most_salesy"].as_array().unwrap().iter().all(|p| p["platform"] == "linkedin"));
    assert_counts_add_up(&audit);
}

#[test]
fn facebook_posts_repaired_entries_without_text_skipped_a_bad_entry_named() {
    let (run, audit) = audit_json(&[&fixture("your_posts_1.json")]);
    assert_eq!(run.status, 1, "a bad entry fails the run at the end");
    assert_eq!(audit["posts"], 3, "the other entries are read");
    assert_eq!(audit["files"][0]["format"], "facebook-posts");
    assert_eq!(audit["files"][0]["empty"], 1);
    let texts = excerpts(&audit);
    assert!(
        texts.iter().any(|t| t.starts_with("We’re trying something new at the café 😊 What’s")),
        "mojibake repaired: {texts:?}"
    );
    assert!(texts.iter().all(|t| !t.contains('Ã') && !t.contains("â€")), "{texts:?}");
    assert!(
        run.stderr.contains("your_posts_1.json: entry 4: not a post as Facebook writes them"),
        "{}",
        run.stderr
    );
    assert_eq!(audit["problems"][0]["at"]["entry"], 4);
    assert_counts_add_up(&audit);
}

#[test]
fn x_archive_with_html_entities() {
    let (run, audit) = audit_json(&[&fixture("tweets.js")]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!((audit["posts"].as_u64(), audit["files"][0]["empty"].as_u64()), (Some(2), Some(1)));
    assert_eq!(audit["files"][0]["format"], "x-tweets");
    let texts = excerpts(&audit);
    assert!(texts.iter().any(|t| t.starts_with("Q&A tonight: what's the hardest part")), "{texts:?}");
    assert!(texts.iter().any(|t| t.ends_with("I'll share what helped me <3")), "{texts:?}");
    assert!(texts.iter().all(|t| !t.contains("&amp;")));
    assert_counts_add_up(&audit);
}

#[test]
fn json_lines_and_csv_with_bad_rows_named_by_line() {
    let (run, audit) = audit_json(&[&fixture("posts.jsonl"), &fixture("posts.csv")]);
    assert_eq!(run.status, 1);
    assert_eq!(audit["posts"], 5, "3 good lines of JSON Lines and 2 good rows of CSV");
    assert_eq!(audit["files"][0]["format"], "json-lines");
    assert_eq!(audit["files"][1]["format"], "csv-text");
    assert!(run.stderr.contains("posts.jsonl: line 3: not valid JSON"), "{}", run.stderr);
    assert!(run.stderr.contains("posts.csv: line 4: unknown platform \"myspace\""), "{}", run.stderr);
    assert!(run.stderr.contains("2 problems"), "{}", run.stderr);
    assert_eq!(audit["problems_total"], 2);
    let platforms: Vec<&str> =
        audit["most_salesy"].as_array().unwrap().iter().map(|p| p["platform"].as_str().unwrap()).collect();
    for platform in ["linkedin", "facebook", "x", "generic"] {
        assert!(
            platforms.contains(&platform),
            "{platform} from a platform field or the default: {platforms:?}"
        );
    }
    assert_counts_add_up(&audit);
}

#[test]
fn the_obvious_pitch_is_the_most_salesy_with_its_findings() {
    let (_, audit) = audit_json(&[&fixture("Shares.csv")]);
    let top = &audit["most_salesy"][0];
    assert!(top["excerpt"].as_str().unwrap().starts_with("BUY NOW!!! 50% OFF"), "{top}");
    assert_eq!(top["verdict"], "sales-pitch");
    assert_eq!(top["at"]["line"], 5, "the row starts on line 5 (line 2's commentary spans three lines)");
    assert_eq!(top["date"], "2025-01-22");
    let findings = top["findings"].as_array().unwrap();
    assert!(!findings.is_empty() && findings.len() <= 3);
    for finding in findings {
        let phrase = finding["phrase"].as_str().unwrap();
        assert!(!phrase.is_empty() && top["excerpt"].as_str().unwrap().contains(phrase), "{finding}");
        assert!(finding["rule"].is_string() && finding["message"].is_string());
    }
    assert!(audit["mix"]["sales-pitch"].as_u64().unwrap() >= 1);
    let salesiness: Vec<u64> =
        audit["most_salesy"].as_array().unwrap().iter().map(|p| p["salesiness"].as_u64().unwrap()).collect();
    assert!(salesiness.windows(2).all(|w| w[0] >= w[1]), "highest first: {salesiness:?}");
    let signals = audit["top_signals"].as_array().unwrap();
    assert!(signals.iter().any(|s| s["side"] == "sales" && s["posts"].as_u64() >= Some(1)));
    assert!(signals.windows(2).all(|w| w[0]["posts"].as_u64() >= w[1]["posts"].as_u64()));
    let aim = &audit["aim"];
    assert_eq!(aim["sales_pitch_at_most"], 10);
    let share = audit["mix"]["sales-pitch"].as_f64().unwrap() * 100.0 / 3.0;
    assert!((aim["sales_pitch_percent"].as_f64().unwrap() - share).abs() < 0.06, "{aim}");
    assert_eq!(aim["met"], false, "at least one pitch in three posts is over 10%");
}

#[test]
fn a_truncated_file_keeps_what_came_before_the_break() {
    let (run, audit) = audit_json(&[&fixture("truncated_posts.json")]);
    assert_eq!(run.status, 1);
    assert_eq!(audit["posts"], 2, "the two posts before the break");
    assert_eq!(audit["files"][0]["format"], "facebook-posts");
    assert!(run.stderr.contains("truncated_posts.json: entry 4: the file ends early"), "{}", run.stderr);
    assert!(run.stderr.contains("truncated?"), "{}", run.stderr);
}

#[test]
fn an_unknown_file_names_the_formats_and_the_others_are_still_read() {
    let (run, audit) = audit_json(&[&fixture("unknown.txt"), &fixture("tweets.js")]);
    assert_eq!(run.status, 1);
    assert_eq!(audit["posts"], 2);
    assert_eq!(audit["files"][0]["format"], Value::Null);
    assert!(run.stderr.contains("unknown.txt: not a post history postcoach knows"), "{}", run.stderr);
    for known in ["Shares.csv", "your_posts_1.json", "tweets.js", "JSON Lines", "CSV with a text column"] {
        assert!(run.stderr.contains(known), "names {known}: {}", run.stderr);
    }
}

#[test]
fn files_are_recognised_by_content_not_by_name() {
    let renamed = scratch("export (1).txt");
    std::fs::copy(fixture("Shares.csv"), &renamed).unwrap();
    let (run, audit) = audit_json(&[renamed.to_str().unwrap()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(audit["files"][0]["format"], "linkedin-shares");
    assert_eq!(audit["posts"], 3);
}

#[test]
fn text_output_names_the_mix_the_aim_and_the_most_salesy() {
    let run = postcoach(&["audit", &fixture("Shares.csv"), &fixture("tweets.js")], b"");
    assert_eq!(run.status, 0, "{}", run.stderr);
    for part in [
        "5 posts from 2 files",
        "The mix (aim: reverse the 90/10",
        "By month",
        "2025-02",
        "Signals that recur most",
        "Most salesy posts",
        "1. salesiness",
    ] {
        assert!(run.stdout.contains(part), "{part}: {}", run.stdout);
    }
    assert!(run.stdout.contains("Shares.csv, line 5, 2025-01-22, linkedin"), "{}", run.stdout);
}

#[test]
fn html_report_is_self_contained_and_escapes_post_text() {
    let posts = scratch("hostile.jsonl");
    std::fs::write(
        &posts,
        "{\"text\": \"<script>alert(1)</script> BUY NOW!!! 50% OFF, link in bio!!!\", \"date\": \"2025-06-01\"}\n\
         {\"text\": \"What would you <b>never</b> give up? Tell me below.\", \"date\": \"2025-07-01\"}\n",
    )
    .unwrap();
    let page = scratch("report.html");
    let _ = std::fs::remove_file(&page);
    let run = postcoach(&["audit", posts.to_str().unwrap(), "--html", page.to_str().unwrap()], b"");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Report written to"), "{}", run.stdout);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && html.contains("90/10 aim"));
    assert!(html.contains(">2025-06</text>") && html.contains(">2025-07</text>"), "a chart column per month");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; BUY NOW"), "post text escaped");
    assert!(!html.contains("<script") && !html.contains("<b>"), "no markup from the posts");
    for external in ["src=", "href=", "<link", "@import", "url(http"] {
        assert!(!html.contains(external), "no external asset ({external})");
    }
}

#[test]
fn json_has_the_documented_fields() {
    let (_, audit) = audit_json(&[&fixture("tweets.js")]);
    for key in
        ["posts", "mix", "by_month", "top_signals", "most_salesy", "aim", "undated", "files", "problems"]
    {
        assert!(audit.get(key).is_some(), "{key} in {audit}");
    }
    for key in ["conversation", "balanced", "sales-pitch"] {
        assert!(audit["mix"][key].is_u64());
    }
}

#[test]
fn a_missing_file_stops_before_anything_is_read() {
    let run = postcoach(&["audit", &fixture("Shares.csv"), "no/such/export.csv"], b"");
    assert_eq!(run.status, 1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("cannot open no/such/export.csv"), "{}", run.stderr);
    let usage = postcoach(&["audit"], b"");
    assert_eq!(usage.status, 2);
    assert!(usage.stderr.contains("export file"), "{}", usage.stderr);
}
