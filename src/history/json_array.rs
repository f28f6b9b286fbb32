//! Streaming a top-level JSON list (Facebook's posts file, the list inside X's `tweets.js`): each element is
//! handed on as soon as it is read, so a list of 100,000 posts is never held whole.
//!
//! An element of the wrong shape is a problem of that entry only; broken JSON (a truncated file) stops the list
//! there, after every element before it was handed on.

use std::fmt;
use std::io::{BufReader, Read};

use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, SeqAccess, Visitor};

use super::{json_reason, Location, Problem, ReadError};

/// Read the list in `reader`, calling `each(position, element)` for every element (positions from 1).
pub fn read<T: DeserializeOwned>(
    reader: impl Read,
    mut each: impl FnMut(Location, Result<T, String>),
) -> Result<(), ReadError> {
    let mut json = serde_json::Deserializer::from_reader(BufReader::new(reader));
    let mut count = 0u64;
    let seed = Elements { count: &mut count, each: &mut |at, value| each(at, typed(value)) };
    json.deserialize_seq(seed).map_err(|e| stopped(&e, count))
}

fn typed<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, String> {
    // serde's own words name the field ("missing field `data`", "invalid type: ... expected a string").
    serde_json::from_value(value).map_err(|e| json_reason(&e))
}

fn stopped(error: &serde_json::Error, read: u64) -> ReadError {
    if error.is_io() {
        return ReadError::Io(std::io::Error::other(error.to_string()));
    }
    let at = Location::Entry(read + 1);
    let message = if error.is_eof() {
        format!(
            "the file ends early, at line {} (is it truncated?); {read} entries before it were read",
            error.line()
        )
    } else {
        format!("not valid JSON at line {}, column {}: {}", error.line(), error.column(), json_reason(error))
    };
    ReadError::Stopped(Problem { at, message })
}

/// The list's elements as loose JSON values, each handed to `each` as soon as it is read.
struct Elements<'a, F> {
    count: &'a mut u64,
    each: &'a mut F,
}

impl<'de, F: FnMut(Location, serde_json::Value)> DeserializeSeed<'de> for Elements<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(Location, serde_json::Value)> Visitor<'de> for Elements<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of posts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<serde_json::Value>()? {
            *self.count += 1;
            (self.each)(Location::Entry(*self.count), value);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Item {
        n: u32,
    }

    type Items = Vec<(Location, Result<Item, String>)>;

    fn collect(json: &str) -> (Items, Result<(), ReadError>) {
        let mut items = Vec::new();
        let result = read(json.as_bytes(), |at, item| items.push((at, item)));
        (items, result)
    }

    #[test]
    fn each_element_in_order_a_bad_one_named() {
        let (items, result) = collect(r#"[{"n": 1}, {"m": 2}, {"n": 3}]"#);
        assert!(result.is_ok());
        assert_eq!(items[0], (Location::Entry(1), Ok(Item { n: 1 })));
        assert!(matches!(&items[1], (Location::Entry(2), Err(e)) if e.contains("`n`")), "{items:?}");
        assert_eq!(items[2], (Location::Entry(3), Ok(Item { n: 3 })));
    }

    #[test]
    fn a_truncated_list_keeps_what_came_before() {
        let (items, result) = collect("[{\"n\": 1},\n {\"n\": 2},\n {\"n\"");
        assert_eq!(items.len(), 2);
        let Err(ReadError::Stopped(problem)) = result else { panic!("{result:?}") };
        assert_eq!(problem.at, Location::Entry(3));
        assert!(problem.message.contains("ends early, at line 3"), "{}", problem.message);
    }
}
