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
