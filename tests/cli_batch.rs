//! Batch mode: `check --jsonl` and `rewrite --jsonl`, one JSON object out per line in, in order, bad lines
//! reported by number while the others are still scored.

mod cli_support;

use cli_support::postcoach;
use serde_json::Value;

fn lines(out: &str) -> Vec<Value> {
    out.lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect()
}

#[test]
fn one_report_per_line_in_order() {
    let input = concat!(
        "{\"text\": \"BUY NOW!!! Only 3 left, don't miss out!\", \"platform\": \"facebook\"}\n",
        "{\"text\": \"What is one thing you wish you had known in your first year? I'll go first.\"}\n",
        "\n",
        "{\"id\": \"x-1\", \"label\": \"sales\", \"text\": \"Limited time offer 🔥 click the link\", \"platform\": \"twitter\"}\r\n",
    );
    let run = postcoach(&["check", "--jsonl", "--platform", "linkedin"], input.as_bytes());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let reports = lines(&run.stdout);
    assert_eq!(reports.len(), 3, "blank lines are skipped");
    assert_eq!(reports[0]["platform"], "facebook");
    assert_eq!(reports[1]["platform"], "linkedin", "--platform is the default for lines without one");
    assert_eq!(reports[2]["platform"], "x");
    assert!(reports[0]["salesiness"].as_u64() > reports[1]["salesiness"].as_u64());
}

#[test]
fn bad_lines_are_named_and_the_others_still_scored() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"text\": \"Thanks for all the thoughtful replies!\"}\n");
    input.extend_from_slice(b"not json at all\n");
    input.extend_from_slice(b"{\"text\": \"hello\", \"platform\": \"myspace\"}\n");
    input.extend_from_slice(b"{\"body\": \"no text field\"}\n");
    input.extend_from_slice(b"{\"text\": \"caf\xe9 latin-1\"}\n");
    input.extend_from_slice(b"{\"text\": \"Last one, still scored. What do you think?\"}\n");
    let run = postcoach(&["check", "--jsonl", "-"], &input);
    assert_eq!(run.status, 1, "a bad line makes the run fail at the end");
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 6, "one output line per input line");
    assert!(out[0]["salesiness"].is_u64() && out[5]["salesiness"].is_u64());
    for (i, line) in [(1, 2), (2, 3), (3, 4), (4, 5)] {
        assert_eq!(out[i]["line"], line);
        assert!(out[i]["error"].is_string());
        assert!(run.stderr.contains(&format!("line {line}:")), "stderr names line {line}: {}", run.stderr);
    }
    assert!(run.stderr.contains("myspace") && run.stderr.contains("`text`") && run.stderr.contains("UTF-8"));
    assert!(run.stderr.contains("4 of 6 lines"), "{}", run.stderr);
}

#[test]
fn rewrite_batch_gives_one_rewrite_per_line() {
    let input = "{\"text\": \"BUY NOW!!! Limited time offer, only 3 spots left!\"}\n{\"text\": \"hello\"}\n";
    let run = postcoach(&["rewrite", "--jsonl"], input.as_bytes());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 2);
    assert!(out.iter().all(|l| l["rewrite"].is_string() && l["applied"].is_array()));
    // The scores before and after come with each rewrite: the pitch sells less once rewritten.
    let (before, after) = (&out[0]["before"]["salesiness"], &out[0]["after"]["salesiness"]);
    assert!(before.as_u64().unwrap() > after.as_u64().unwrap(), "{before} -> {after}");
    assert!(out[0].get("id").is_none(), "no id in, no id out");
}

/// A line's `id` comes back on its output line, as given (string or number), so a history's results join
/// back to its posts.
#[test]
fn batch_lines_carry_their_ids() {
    let input =
        concat!(r#"{"id": "p-1", "text": "Book now!!"}"#, "\n", r#"{"id": 7, "text": "hello"}"#, "\n");
    for command in ["check", "rewrite"] {
        let run = postcoach(&[command, "--jsonl"], input.as_bytes());
        assert_eq!(run.status, 0, "{}", run.stderr);
        let out = lines(&run.stdout);
        assert_eq!((out[0]["id"].as_str(), out[1]["id"].as_u64()), (Some("p-1"), Some(7)), "{command}");
    }
}
