//! Strips a rule pack down to what the engine needs at run time: full-line comments and the `examples.*` keys
//! (which only `cargo test` reads) go. `build.rs` applies it to the default pack embedded in the wasm engine,
//! where those lines would cost about 4 KB gzipped of the extension's size budget; native builds keep the pack
//! whole. Self-contained (no crate imports) so that `build.rs` can include this file too.

/// The pack without full-line comments and `examples.*` entries (including multi-line arrays).
pub fn strip_for_runtime(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut open_brackets = 0i32;
    for line in src.lines() {
        if open_brackets > 0 {
            open_brackets += bracket_balance(line);
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with("examples.") {
            open_brackets = bracket_balance(line);
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// `[` minus `]` on `line`, outside strings and comments.
fn bracket_balance(line: &str) -> i32 {
    let mut balance = 0;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' => balance += 1,
                ']' => balance -= 1,
                '#' => break,
                _ => {}
            },
        }
    }
    balance
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_and_examples_keeps_the_rest() {
        let src =
            "# a comment\nname = \"p\"  # kept\n[[rule]]\nid = \"r\"\nexamples.match = [\"a [b]\", 'c]']\n\
                   examples.no_match = [\n  \"x ]\",\n  \"y\",\n]\nmessage = \"m\"\n";
        assert_eq!(strip_for_runtime(src), "name = \"p\"  # kept\n[[rule]]\nid = \"r\"\nmessage = \"m\"\n");
    }
}
