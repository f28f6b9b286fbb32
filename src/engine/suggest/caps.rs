//! Capital letters at the start of what a suggestion writes: capitalised where it opens a sentence, lowered
//! inside one (unless it is "I" or an acronym), in place when the letter is ASCII.

/// `s` with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_capitalised(&mut out, s);
    out
}

/// `s` with its first letter in upper case, in place when that letter is ASCII.
pub(super) fn capitalised(mut s: String) -> String {
    if !s.as_bytes().first().is_some_and(u8::is_ascii) {
        return capitalise(&s);
    }
    s[..1].make_ascii_uppercase();
    s
}

/// Appends `s` to `out` with its first letter in upper case.
pub(super) fn push_capitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// Whether `s` keeps its capital where it is no longer first: "I", "I'm", or an acronym ("DM me").
pub(super) fn keeps_capital(s: &str) -> bool {
    s.starts_with("I ") || s.starts_with("I'") || s.chars().nth(1).is_some_and(char::is_uppercase)
}

/// `s` with its first letter in lower case (unless it keeps its capital), in place when that letter is ASCII.
pub(super) fn decapitalised(mut s: String) -> String {
    if keeps_capital(&s) {
        return s;
    }
    if !s.as_bytes().first().is_some_and(u8::is_ascii) {
        let mut out = String::with_capacity(s.len());
        push_decapitalised(&mut out, &s);
        return out;
    }
    s[..1].make_ascii_lowercase();
    s
}

/// Appends `s` to `out` with its first letter in lower case, unless it keeps its capital.
pub(super) fn push_decapitalised(out: &mut String, s: &str) {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !keeps_capital(s) => {
            out.extend(f.to_lowercase());
            out.push_str(c.as_str());
        }
        _ => out.push_str(s),
    }
}
