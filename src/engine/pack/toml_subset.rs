//! A small reader for the subset of TOML that rule packs are written in, keeping every key's and value's byte
//! offset so that `pack.rs` can point a trainer at the offending line and column.
//!
//! Why it exists: size. The `toml` crate (its parser plus serde deserialisation into `Spanned` structs) was
//! about a third of the browser engine: without it the engine went from 201 to 131 KiB gzipped, this reader
//! and the hand-written walk in `pack.rs` included. On its own this reader adds 11.5 KiB gzipped to a wasm
//! module; the smaller crates that keep spans measured about 42 KiB (`toml-span`). It is not a general TOML
//! library: it reads what packs use and refuses everything else with a clear error.
//!
//! Read (TOML 1.0 meaning, except that inline tables may span lines and end with a comma, as in TOML 1.1):
//! - comments (`# ...`), blank lines, `\n` or `\r\n` line ends, a byte-order mark at the start;
//! - bare keys (`A-Z a-z 0-9 - _`), quoted keys (`"..."`, `'...'`) and dotted keys (`examples.match = [...]`);
//! - `[table]` and `[table.sub]` headers, `[[rule]]` arrays of tables (`[rule.examples]` then adds to the
//!   last `[[rule]]`);
//! - basic strings with the escapes `\" \\ \n \t \r \b \f \uXXXX \UXXXXXXXX`, and literal strings (`'...'`);
//! - decimal integers and floats (`14`, `-3`, `1_000`, `1.2`, `5e-1`), `true` and `false`;
//! - arrays (over several lines, with comments and a trailing comma) and inline tables
//!   (`weights = { engagement-bait = 1.2 }`).
//!
//! Refused, with line, column and a message: multi-line strings, dates and times, hexadecimal, octal and binary
//! numbers, `inf` and `nan`, floats with more than 15 significant digits, duplicate keys, a table defined
//! twice, extending an inline table or a value, nesting deeper than 32 levels, and anything else that is not
//! in the list above. Nothing here panics, whatever the input.

use crate::PackError;

use super::error_at;

/// A key as written, with the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub at: usize,
}

/// A value and the byte offset where it starts: the opening quote of a string, the `[` of an array, the `{`
/// of an inline table, the key naming a table in its header (`linkedin` in `[platforms.linkedin]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub at: usize,
    pub kind: Kind,
}

/// What a value is. Integers and floats stay apart, as in TOML; `pack.rs` decides which it accepts where.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Array(Vec<Value>),
    Table(Table),
}

/// A table: its entries in the order written.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub entries: Vec<(Key, Value)>,
    origin: Origin,
}

/// How a table came to be, which decides whether a later header or dotted key may add to it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Origin {
    /// Named only on the way to another header (`platforms` in `[platforms.x]`); a `[platforms]` header may
    /// still define it.
    Implicit,
    /// Defined by its own `[header]` (or a `[[header]]` entry), or the document itself.
    Header,
    /// Made by a dotted key (`examples` in `examples.match = ...`); more dotted keys may add to it.
    Dotted,
    /// Written `{ ... }`: complete as written, nothing may add to it.
    Closed,
}

impl Table {
    fn new(origin: Origin) -> Table {
        Table { entries: Vec::new(), origin }
    }

    /// The value of `key`, if set.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v)
    }

    fn index(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k.name == key)
    }
}

/// Read a pack's TOML into its top-level table, or say where and why it cannot be read.
pub fn parse(src: &str) -> Result<Table, PackError> {
    let mut reader = Reader { src, pos: 0, depth: 0 };
    if src.starts_with('\u{feff}') {
        reader.pos = '\u{feff}'.len_utf8();
    }
    reader.document()
}

/// Arrays and inline tables nested deeper than this are refused (the reader recurses into them).
const MAX_DEPTH: usize = 32;

/// Floats are read exactly up to this many significant digits (see `float`).
const MAX_FLOAT_DIGITS: usize = 15;

struct Reader<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    /// The run of ASCII letters, digits and `extra` bytes at the current position.
    fn word(&self, extra: &[u8]) -> &str {
        let len = self.rest().bytes().take_while(|b| b.is_ascii_alphanumeric() || extra.contains(b)).count();
        &self.rest()[..len]
    }

    fn error(&self, at: usize, message: impl Into<String>) -> PackError {
        error_at(self.src, at, message)
    }

    /// The line `at` is on, for "first set on line N".
    fn line_of(&self, at: usize) -> usize {
        super::line_col(self.src, at).0
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            self.pos += self.rest().find('\n').unwrap_or(self.rest().len());
            if self.src[..self.pos].ends_with('\r') {
                self.pos -= 1;
            }
        }
    }

    /// Consume one line end (`\n` or `\r\n`) if there is one.
    fn newline(&mut self) -> bool {
        let len = if self.rest().starts_with('\n') {
            1
        } else if self.rest().starts_with("\r\n") {
            2
        } else {
            return false;
        };
        self.pos += len;
        true
    }

    /// Blanks, comments and line ends, as allowed inside arrays and inline tables.
    fn skip_space(&mut self) {
        loop {
            self.skip_blanks();
            self.skip_comment();
            if !self.newline() {
                return;
            }
        }
    }

    /// After a key = value or a header: blanks, an optional comment, then the end of the line or the file.
    fn end_of_line(&mut self, after: &str) -> Result<(), PackError> {
        self.skip_blanks();
        self.skip_comment();
        if self.pos == self.src.len() || self.newline() {
            Ok(())
        } else {
            Err(self.error(self.pos, format!("expected the end of the line after {after}")))
        }
    }

    fn document(&mut self) -> Result<Table, PackError> {
        let mut root = Table::new(Origin::Header);
        // The keys of the current [table] or [[table]] header.
        let mut current: Vec<Key> = Vec::new();
        loop {
            self.skip_blanks();
            self.skip_comment();
            if self.newline() {
                continue;
            }
            match self.peek() {
                None => return Ok(root),
                Some(b'[') => {
                    current = self.header(&mut root)?;
                    self.end_of_line("the table header")?;
                }
                Some(_) => {
                    let mut table = &mut root;
                    for key in &current {
                        table = self.child(table, key, Origin::Implicit)?;
                    }
                    self.key_value(table)?;
                    self.end_of_line("the value")?;
                }
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`: define the table (or add one to the list) and return its keys.
    fn header(&mut self, root: &mut Table) -> Result<Vec<Key>, PackError> {
        let start = self.pos;
        let list = self.rest().starts_with("[[");
        self.pos += if list { 2 } else { 1 };
        let keys = self.keys()?;
        let close = if list { "]]" } else { "]" };
        if !self.rest().starts_with(close) {
            return Err(self.error(self.pos, format!("expected \"{close}\" to close the table header")));
        }
        self.pos += close.len();
        let Some((last, path)) = keys.split_last() else {
            return Err(self.error(start, "expected a table name"));
        };
        let mut table = root;
        for key in path {
            table = self.child(table, key, Origin::Implicit)?;
        }
        let fresh = || Value { at: last.at, kind: Kind::Table(Table::new(Origin::Header)) };
        let Some(i) = table.index(&last.name) else {
            let value = if list { Value { at: last.at, kind: Kind::Array(vec![fresh()]) } } else { fresh() };
            table.entries.push((last.clone(), value));
            return Ok(keys);
        };
        let (first, existing) = &mut table.entries[i];
        match &mut existing.kind {
            Kind::Table(t) if !list && t.origin == Origin::Implicit => {
                t.origin = Origin::Header;
                existing.at = last.at;
            }
            Kind::Array(items) if list && is_table_list(items) => items.push(fresh()),
            _ => {
                let what = if list { "a [[...]] list" } else { "a table" };
                let line = self.line_of(first.at);
                return Err(self.error(
                    last.at,
                    format!(
                        "\"{}\" is already defined on line {line}, not as {what} that can be added to here",
                        last.name
                    ),
                ));
            }
        }
        Ok(keys)
    }

    /// The table `key` names inside `table`, creating it (as `origin`) if it is not there yet. On a header's
    /// path (`Implicit`) a `[[list]]` stands for its last table; a dotted key (`Dotted`) may only add to a
    /// table made by dotted keys.
    fn child<'t>(&self, table: &'t mut Table, key: &Key, origin: Origin) -> Result<&'t mut Table, PackError> {
        let i = match table.index(&key.name) {
            Some(i) => i,
            None => {
                table
                    .entries
                    .push((key.clone(), Value { at: key.at, kind: Kind::Table(Table::new(origin)) }));
                table.entries.len() - 1
            }
        };
        let (first, value) = &mut table.entries[i];
        let open = match &mut value.kind {
            Kind::Table(t)
                if t.origin == origin || (origin == Origin::Implicit && t.origin == Origin::Header) =>
            {
                Some(t)
            }
            Kind::Array(items) if origin == Origin::Implicit && is_table_list(items) => {
                match items.last_mut().map(|v| &mut v.kind) {
                    Some(Kind::Table(t)) => Some(t),
                    _ => None,
                }
            }
            _ => None,
        };
        match open {
            Some(t) => Ok(t),
            None => {
                let line = self.line_of(first.at);
                Err(self.error(
                    key.at,
                    format!("\"{}\" is already defined on line {line} and cannot be added to here", key.name),
                ))
            }
        }
    }

    /// `key = value` (the key possibly dotted) into `table`.
    fn key_value(&mut self, table: &mut Table) -> Result<(), PackError> {
        let keys = self.keys()?;
        if self.peek() != Some(b'=') {
            return Err(self.error(self.pos, "expected \"=\" after the key"));
        }
        self.pos += 1;
        self.skip_blanks();
        let value = self.value()?;
        let Some((last, path)) = keys.split_last() else {
            return Err(self.error(self.pos, "expected a key"));
        };
        let mut table = table;
        for key in path {
            table = self.child(table, key, Origin::Dotted)?;
        }
        if let Some((first, _)) = table.entries.iter().find(|(k, _)| k.name == last.name) {
            let line = self.line_of(first.at);
            return Err(
                self.error(last.at, format!("duplicate key \"{}\" (first set on line {line})", last.name))
            );
        }
        table.entries.push((last.clone(), value));
        Ok(())
    }

    /// One or more keys joined by dots, with blanks around them.
    fn keys(&mut self) -> Result<Vec<Key>, PackError> {
        let mut keys = Vec::new();
        loop {
            self.skip_blanks();
            let at = self.pos;
            let name = match self.peek() {
                Some(b'"' | b'\'') => self.string()?,
                _ => {
                    let len = self.word(b"-_").len();
                    if len == 0 {
                        return Err(
                            self.error(at, "expected a key (letters, digits, - and _, or a quoted name)")
                        );
                    }
                    self.pos += len;
                    self.src[at..self.pos].to_string()
                }
            };
            keys.push(Key { name, at });
            self.skip_blanks();
            if self.peek() != Some(b'.') {
                return Ok(keys);
            }
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Value, PackError> {
        let at = self.pos;
        let kind = match self.peek() {
            Some(b'"' | b'\'') => Kind::String(self.string()?),
            Some(b'[') => {
                let mut items = Vec::new();
                self.bracketed(b']', "list", |r| {
                    items.push(r.value()?);
                    Ok(())
                })?;
                Kind::Array(items)
            }
            Some(b'{') => {
                let mut table = Table::new(Origin::Closed);
                self.bracketed(b'}', "table", |r| r.key_value(&mut table))?;
                Kind::Table(table)
            }
            _ => {
                let word = self.word(b"+-._:");
                let len = word.len();
                let kind =
                    match word {
                        "true" => Kind::Boolean(true),
                        "false" => Kind::Boolean(false),
                        _ if word.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c)) => {
                            number(word).map_err(|message| self.error(at, message))?
                        }
                        _ => return Err(self.error(
                            at,
                            "expected a value: a \"string\", a number, true, false, a [list] or a { table }",
                        )),
                    };
                self.pos += len;
                kind
            }
        };
        Ok(Value { at, kind })
    }

    /// From an opening `[` or `{` to the matching `close`: items read by `item`, separated by commas, over any
    /// number of lines, with comments and a trailing comma. Refuses to nest deeper than `MAX_DEPTH`.
    fn bracketed(
        &mut self,
        close: u8,
        what: &str,
        mut item: impl FnMut(&mut Self) -> Result<(), PackError>,
    ) -> Result<(), PackError> {
        let open = self.pos;
        if self.depth == MAX_DEPTH {
            return Err(self.error(open, format!("lists and tables are nested more than {MAX_DEPTH} deep")));
        }
        let close_char = close as char;
        let not_closed =
            |r: &Self| r.error(open, format!("this {what} is not closed: \"{close_char}\" is missing"));
        self.depth += 1;
        self.pos += 1;
        loop {
            self.skip_space();
            match self.peek() {
                Some(b) if b == close => break,
                None => return Err(not_closed(self)),
                _ => item(self)?,
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b) if b == close => break,
                None => return Err(not_closed(self)),
                _ => {
                    return Err(
                        self.error(self.pos, format!("expected \",\" or \"{close_char}\" in the {what}"))
                    )
                }
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(())
    }

    /// A basic (`"..."`, with escapes) or literal (`'...'`) string on one line.
    fn string(&mut self) -> Result<String, PackError> {
        let open = self.pos;
        let quote = self.src.as_bytes()[open];
        if self.rest().starts_with(if quote == b'"' { "\"\"\"" } else { "'''" }) {
            return Err(self.error(
                open,
                "multi-line strings are not supported: write the text on one line (\\n for a line break)",
            ));
        }
        self.pos += 1;
        let mut text = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None | Some(b'\n' | b'\r') => {
                    let close = quote as char;
                    return Err(self.error(
                        open,
                        format!("this string is not closed: the closing {close} is missing on this line"),
                    ));
                }
                Some(b) if b == quote => {
                    text.push_str(&self.src[run..self.pos]);
                    self.pos += 1;
                    return Ok(text);
                }
                Some(b'\\') if quote == b'"' => {
                    text.push_str(&self.src[run..self.pos]);
                    text.push(self.escape()?);
                    run = self.pos;
                }
                Some(b) if (b < 0x20 && b != b'\t') || b == 0x7f => {
                    return Err(self.error(self.pos, "control characters are not allowed in a string"));
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The escape at `self.pos` (a backslash) in a basic string.
    fn escape(&mut self) -> Result<char, PackError> {
        let at = self.pos;
        let bad = |reader: &Self| {
            reader.error(at, "unknown escape: use \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX or \\UXXXXXXXX")
        };
        let Some(&letter) = self.src.as_bytes().get(at + 1) else {
            return Err(bad(self));
        };
        self.pos += 2;
        let c = match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' | b'U' => {
                let len = if letter == b'u' { 4 } else { 8 };
                let hex = self
                    .src
                    .get(self.pos..self.pos + len)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                let Some(hex) = hex else {
                    return Err(
                        self.error(at, format!("\\{} needs {len} hexadecimal digits", letter as char))
                    );
                };
                self.pos += len;
                return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).ok_or_else(|| {
                    self.error(at, format!("\\{}{hex} is not a Unicode character", letter as char))
                });
            }
            _ => return Err(bad(self)),
        };
        Ok(c)
    }
}

/// Whether an array is a `[[list]]` of tables (made by headers, so its items are tables headers may add to).
fn is_table_list(items: &[Value]) -> bool {
    !items.is_empty() && items.iter().all(|v| matches!(&v.kind, Kind::Table(t) if t.origin == Origin::Header))
}

/// A decimal integer or float. Floats are computed exactly (`digits / 10^k` or `digits * 10^k` with both
/// below 2^53 and k at most 22 is one correctly rounded operation), so core's general float parser, which
/// is large in wasm, is not needed.
fn number(word: &str) -> Result<Kind, String> {
    let invalid = || format!("invalid number \"{word}\"");
    let bytes = word.as_bytes();
    if word.contains(':')
        || (bytes.len() > 4 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-')
    {
        return Err("dates and times are not supported: write them as a \"string\"".into());
    }
    let (negative, unsigned) = match bytes.first() {
        Some(b'-') => (true, &word[1..]),
        Some(b'+') => (false, &word[1..]),
        _ => (false, word),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let whole = digits(whole).ok_or_else(invalid)?;
    let fraction = fraction.map(digits).map(|f| f.ok_or_else(invalid)).transpose()?;
    let exponent = exponent
        .map(|e| {
            let (sign, e) = match e.as_bytes().first() {
                Some(b'-') => (-1, &e[1..]),
                Some(b'+') => (1, &e[1..]),
                _ => (1, e),
            };
            let e = digits(e).ok_or_else(invalid)?;
            e.parse::<i32>().map(|e| sign * e).map_err(|_| "this number's exponent is too large".to_string())
        })
        .transpose()?;
    if whole.len() > 1 && whole.starts_with('0') {
        return Err(format!("invalid number \"{word}\": leading zeros are not allowed"));
    }
    if fraction.is_none() && exponent.is_none() {
        let value = whole.parse::<i64>().map_err(|_| format!("the number {word} is too large"))?;
        return Ok(Kind::Integer(if negative { -value } else { value }));
    }
    float(negative, &whole, fraction.as_deref().unwrap_or(""), exponent.unwrap_or(0))
        .ok_or_else(|| {
            format!("{word} has too many digits or too large an exponent (at most {MAX_FLOAT_DIGITS} digits)")
        })
        .map(Kind::Float)
}

/// The digits of `s` without the underscores TOML allows between them, or None if `s` is not that.
fn digits(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let well_formed = !b.is_empty()
        && b.iter().enumerate().all(|(i, c)| {
            c.is_ascii_digit()
                || (*c == b'_'
                    && i > 0
                    && i + 1 < b.len()
                    && b[i - 1].is_ascii_digit()
                    && b[i + 1].is_ascii_digit())
        });
    well_formed.then(|| s.replace('_', ""))
}

/// `±whole.fraction × 10^exponent`, exactly rounded, or None when that would need more than
/// `MAX_FLOAT_DIGITS` significant digits or a power of ten beyond 10^22.
fn float(negative: bool, whole: &str, fraction: &str, exponent: i32) -> Option<f64> {
    let all = format!("{whole}{fraction}");
    let significant = all.trim_start_matches('0');
    let mantissa = if significant.is_empty() {
        0.0
    } else {
        if significant.trim_end_matches('0').len() > MAX_FLOAT_DIGITS {
            return None;
        }
        // Trailing zeros move into the power of ten so the mantissa stays small.
        let trimmed = significant.trim_end_matches('0');
        let zeros = (significant.len() - trimmed.len()) as i32;
        let scale = exponent.checked_add(zeros)?.checked_sub(fraction.len() as i32)?;
        let m = trimmed.parse::<u64>().ok()? as f64;
        let power = |k: i32| (k <= 22).then(|| (0..k).fold(1.0_f64, |p, _| p * 10.0));
        if scale >= 0 {
            m * power(scale)?
        } else {
            m / power(-scale)?
        }
    };
    Some(if negative { -mantissa } else { mantissa })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &str) -> Table {
        parse(src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
    }

    /// The error for `src` as (line, column, message).
    fn fail(src: &str) -> (usize, usize, String) {
        let e = parse(src).expect_err(src);
        (e.line, e.column, e.message)
    }

    fn kind<'t>(table: &'t Table, path: &[&str]) -> &'t Kind {
        let (last, path) = path.split_last().unwrap();
        let mut t = table;
        for key in path {
            t = match &t.get(key).unwrap().kind {
                Kind::Table(t) => t,
                Kind::Array(items) => match &items.last().unwrap().kind {
                    Kind::Table(t) => t,
                    other => panic!("{other:?}"),
                },
                other => panic!("{other:?}"),
            };
        }
        &t.get(last).unwrap_or_else(|| panic!("no {last}")).kind
    }

    fn string(s: &str) -> Kind {
        Kind::String(s.into())
    }

    fn texts(array: &Kind) -> Vec<&str> {
        let Kind::Array(items) = array else { panic!("{array:?}") };
        items
            .iter()
            .map(|v| if let Kind::String(s) = &v.kind { s.as_str() } else { panic!("{v:?}") })
            .collect()
    }

    #[test]
    fn comments_blank_lines_and_crlf() {
        let t = read("# a comment\r\n\r\nname = \"x\" # trailing\r\n\n  # indented\nweight = 3");
        assert_eq!(kind(&t, &["name"]), &string("x"));
        assert_eq!(kind(&t, &["weight"]), &Kind::Integer(3));
        assert_eq!(t.entries.len(), 2);
        assert!(read("").entries.is_empty());
        assert_eq!(kind(&read("\u{feff}a = 1"), &["a"]), &Kind::Integer(1));
    }

    #[test]
    fn bare_quoted_and_dotted_keys() {
        let t = read("bare-key_1 = 1\n\"quoted key\" = 2\n'literal.key' = 3\nexamples.match = [\"m\"]\nexamples . no_match = []\n");
        assert_eq!(kind(&t, &["bare-key_1"]), &Kind::Integer(1));
        assert_eq!(kind(&t, &["quoted key"]), &Kind::Integer(2));
        assert_eq!(kind(&t, &["literal.key"]), &Kind::Integer(3));
        assert_eq!(texts(kind(&t, &["examples", "match"])), ["m"]);
        assert_eq!(kind(&t, &["examples", "no_match"]), &Kind::Array(vec![]));
    }

    #[test]
    fn tables_subtables_and_arrays_of_tables() {
        let src = "name = \"p\"\n[principles.one]\ntitle = \"T\"\n[platforms]\n[platforms.x]\nhashtags = 2\n\
                   [[rule]]\nid = \"a\"\n[rule.examples]\nmatch = [\"m\"]\n[[rule]]\nid = \"b\"\n";
        let t = read(src);
        assert_eq!(kind(&t, &["principles", "one", "title"]), &string("T"));
        assert_eq!(kind(&t, &["platforms", "x", "hashtags"]), &Kind::Integer(2));
        let Kind::Array(rules) = kind(&t, &["rule"]) else { panic!() };
        assert_eq!(rules.len(), 2);
        let Kind::Table(first) = &rules[0].kind else { panic!() };
        assert_eq!(texts(kind(first, &["examples", "match"])), ["m"]);
        assert_eq!(kind(&t, &["rule", "id"]), &string("b"));
        // A table's offset is the key naming it in its header.
        assert_eq!(super::super::line_col(src, t.get("rule").unwrap().at), (7, 3));
        let Kind::Table(principles) = kind(&t, &["principles"]) else { panic!() };
        assert_eq!(super::super::line_col(src, principles.get("one").unwrap().at), (2, 13));
    }

    #[test]
    fn strings_and_escapes() {
        let t = read(
            r#"a = "q\" b\\ n\n t\t r\r b\b f\f \u00e9 \U0001F600"
b = 'C:\path "as is"'
c = ""
d = "é ✓ tab	inside"
"#,
        );
        assert_eq!(kind(&t, &["a"]), &string("q\" b\\ n\n t\t r\r b\u{8} f\u{c} é 😀"));
        assert_eq!(kind(&t, &["b"]), &string("C:\\path \"as is\""));
        assert_eq!(kind(&t, &["c"]), &string(""));
        assert_eq!(kind(&t, &["d"]), &string("é ✓ tab\tinside"));
    }

    #[test]
    fn numbers_and_booleans() {
        let t = read("a = 14\nb = -3\nc = +7\nd = 1_000\ne = 1.2\nf = 0.3\ng = -0.5\nh = 5e-1\ni = 1.5E2\nj = 0\nk = 0.0\nl = true\nm = false\nn = 3e0\no = 100.00\n");
        let expect = [
            ("a", Kind::Integer(14)),
            ("b", Kind::Integer(-3)),
            ("c", Kind::Integer(7)),
            ("d", Kind::Integer(1000)),
            ("e", Kind::Float(1.2)),
            ("f", Kind::Float(0.3)),
            ("g", Kind::Float(-0.5)),
            ("h", Kind::Float(0.5)),
            ("i", Kind::Float(150.0)),
            ("j", Kind::Integer(0)),
            ("k", Kind::Float(0.0)),
            ("l", Kind::Boolean(true)),
            ("m", Kind::Boolean(false)),
            ("n", Kind::Float(3.0)),
            ("o", Kind::Float(100.0)),
        ];
        for (key, value) in expect {
            assert_eq!(kind(&t, &[key]), &value, "{key}");
        }
    }

    #[test]
    fn floats_match_the_standard_parser() {
        for s in
            ["1.2", "0.1", "0.7", "12.345", "99.99", "1e22", "123456789012345e-22", "0.000001", "3.14159"]
        {
            let Kind::Float(f) = number(s).unwrap() else { panic!("{s}") };
            assert_eq!(f, s.parse::<f64>().unwrap(), "{s}");
        }
    }

    #[test]
    fn arrays_over_lines_with_comments_and_trailing_commas() {
        let t = read("a = [\n  \"x\", # first\n  'y',\n\n  [1, 2],\n]\nb = [ ]\nc = [1,2,3]\n");
        let Kind::Array(a) = kind(&t, &["a"]) else { panic!() };
        assert_eq!(a.len(), 3);
        assert_eq!(a[1].kind, string("y"));
        assert!(matches!(&a[2].kind, Kind::Array(inner) if inner.len() == 2));
        assert_eq!(kind(&t, &["b"]), &Kind::Array(vec![]));
        assert!(matches!(kind(&t, &["c"]), Kind::Array(items) if items.len() == 3));
    }

    #[test]
    fn inline_tables() {
        let t = read("weights = { engagement-bait = 1.2, fold = 1 }\nempty = {}\nnested = { a.b = 1, c = { d = 'e' } }\n");
        assert_eq!(kind(&t, &["weights", "engagement-bait"]), &Kind::Float(1.2));
        assert_eq!(kind(&t, &["weights", "fold"]), &Kind::Integer(1));
        assert!(matches!(kind(&t, &["empty"]), Kind::Table(e) if e.entries.is_empty()));
        assert_eq!(kind(&t, &["nested", "a", "b"]), &Kind::Integer(1));
        assert_eq!(kind(&t, &["nested", "c", "d"]), &string("e"));
    }

    #[test]
    fn values_keep_their_offsets() {
        let src = "[[rule]]\nside = \"salesy\"\nweights = { x = 2 }\n";
        let t = read(src);
        let Kind::Array(rules) = kind(&t, &["rule"]) else { panic!() };
        let Kind::Table(rule) = &rules[0].kind else { panic!() };
        assert_eq!(super::super::line_col(src, rule.get("side").unwrap().at), (2, 8));
        assert_eq!(super::super::line_col(src, rule.get("weights").unwrap().at), (3, 11));
        assert_eq!(super::super::line_col(src, rule.entries[1].0.at), (3, 1));
    }

    #[test]
    fn the_default_and_example_packs_read() {
        let default = read(crate::engine::DEFAULT_PACK);
        assert!(matches!(&default.get("rule").unwrap().kind, Kind::Array(r) if r.len() >= 25));
        read(include_str!("../../../www/packs/dental-clinic.toml"));
    }

    #[test]
    fn errors_name_line_column_and_problem() {
        let cases: &[(&str, (usize, usize), &str)] = &[
            ("a = \"open\nb = 1", (1, 5), "this string is not closed"),
            ("a = 'open", (1, 5), "this string is not closed"),
            ("a = \"bad \\q\"", (1, 10), "unknown escape"),
            ("a = \"\\u12\"", (1, 6), "\\u needs 4 hexadecimal digits"),
            ("a = \"\\uD800\"", (1, 6), "not a Unicode character"),
            ("a = \"x\u{1}\"", (1, 7), "control characters"),
            ("x = 1\na = 1\n\na = 2\n", (4, 1), "duplicate key \"a\" (first set on line 2)"),
            ("e.m = 1\ne.m = 2\n", (2, 3), "duplicate key \"m\""),
            ("[t]\n[t]\n", (2, 2), "already defined on line 1"),
            ("t = 1\n[t]\n", (2, 2), "already defined on line 1"),
            ("w = { a = 1 }\n[w]\n", (2, 2), "already defined on line 1"),
            ("w = { a = 1 }\nw.b = 2\n", (2, 1), "cannot be added to here"),
            ("[a]\nb.c = 1\n[a.b]\n", (3, 4), "already defined on line 2"),
            ("[[r]]\n[r]\n", (2, 2), "already defined"),
            ("r = [1]\n[[r]]\n", (2, 3), "already defined"),
            ("name = \"x\"\nnonsense here\n", (2, 10), "expected \"=\" after the key"),
            ("[[rule]]\nid = \"a\"\nside = \n", (3, 8), "expected a value"),
            ("side = nope\n", (1, 8), "expected a value"),
            ("a = inf\n", (1, 5), "expected a value"),
            ("= 3\n", (1, 1), "expected a key"),
            ("a = 1\n!x = 2\n", (2, 1), "expected a key"),
            ("a = \"x\" \"y\"\n", (1, 9), "expected the end of the line after the value"),
            ("a = 1 2\n", (1, 7), "expected the end of the line after the value"),
            ("[t] x = 1\n", (1, 5), "expected the end of the line after the table header"),
            ("[t\n", (1, 3), "expected \"]\" to close the table header"),
            ("[[t]\n", (1, 4), "expected \"]]\""),
            ("a = 12abc\n", (1, 5), "invalid number \"12abc\""),
            ("a = 1.\n", (1, 5), "invalid number"),
            ("a = .5\n", (1, 5), "invalid number"),
            ("a = 1__0\n", (1, 5), "invalid number"),
            ("a = 0x1F\n", (1, 5), "invalid number"),
            ("a = 012\n", (1, 5), "leading zeros"),
            ("a = 99999999999999999999\n", (1, 5), "too large"),
            ("a = 0.12345678901234567\n", (1, 5), "too many digits"),
            ("a = 1e400\n", (1, 5), "too large an exponent"),
            ("a = 1979-05-27\n", (1, 5), "dates and times are not supported"),
            ("a = 07:32:00\n", (1, 5), "dates and times"),
            ("a = \"\"\"long\"\"\"\n", (1, 5), "multi-line strings are not supported"),
            ("a = [1, 2\n", (1, 5), "this list is not closed"),
            ("a = [1 2]\n", (1, 8), "expected \",\" or \"]\""),
            ("a = { b = 1\n", (1, 5), "this table is not closed"),
            ("a = { b = 1 c = 2 }\n", (1, 13), "expected \",\" or \"}\""),
            ("a = { b = 1, b = 2 }\n", (1, 14), "duplicate key \"b\""),
            ("a = 1\rb = 2\n", (1, 6), "expected the end of the line"),
        ];
        for (src, place, message) in cases {
            let (line, column, got) = fail(src);
            assert_eq!((line, column), *place, "{src:?}: {got}");
            assert!(got.contains(message), "{src:?}: {got:?} should say {message:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let (line, column, message) = fail(&deep);
        assert_eq!((line, column), (1, 5 + MAX_DEPTH));
        assert!(message.contains("nested more than 32 deep"), "{message}");
        let ok = format!("a = {}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        read(&ok);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_text_never_panics(src in any::<String>()) {
            let _ = super::parse(&src);
        }

        #[test]
        fn toml_like_text_never_panics(src in "[\\[\\]{}=,.\"'#\\\\a-z0-9_+:eE \t\r\n-]{0,120}") {
            if let Err(e) = super::parse(&src) {
                prop_assert!(e.line >= 1 && e.column >= 1);
            }
        }
    }
}
