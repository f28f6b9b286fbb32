//! X's archive (Settings > Your account > Download an archive of your data), `data/tweets.js` (`tweet.js` in
//! older archives): a script `window.YTD.tweets.part0 = [{"tweet": {"full_text": ..., "created_at": ...}}]`.
//!
//! The list after the `=` is read as JSON; `full_text` carries HTML entities (`&amp;`, `&lt;`, `&gt;`), which
//! are decoded; `created_at` is `Wed Oct 10 20:19:24 +0000 2018`.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;

use super::{date, json_array, post_or_empty, Entry, Location, Problem, ReadError};
use crate::Platform;

#[derive(Deserialize)]
struct Item {
    tweet: Tweet,
}

#[derive(Deserialize)]
struct Tweet {
    #[serde(default)]
    full_text: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
}

pub fn read(reader: impl Read, emit: &mut impl FnMut(Entry)) -> Result<(), ReadError> {
    let mut reader = BufReader::new(reader);
    let mut assignment = Vec::new();
    reader.read_until(b'=', &mut assignment)?;
    if !assignment.ends_with(b"=") {
        let message = "no `= [` after `window.YTD...`: the list of tweets is missing".to_string();
        return Err(ReadError::Stopped(Problem { at: Location::Line(1), message }));
    }
    json_array::read(reader, |at, item: Result<Item, String>| {
        emit(match item {
            Ok(Item { tweet }) => {
                let text = tweet.full_text.or(tweet.text).map(|t| decode_entities(&t)).unwrap_or_default();
                let date = tweet.created_at.as_deref().and_then(date::from_twitter);
                post_or_empty(text, date, Some(Platform::X), at)
            }
            Err(reason) => {
                Entry::Bad(Problem { at, message: format!("not a post as X writes them: {reason}") })
            }
        })
    })
}

/// Decode the HTML entities X writes into `full_text`: the named `&amp; &lt; &gt; &quot; &apos;` and numeric
/// ones (`&#39;`, `&#x27;`). Anything else is left as it is.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded =
            rest.find(';').filter(|&end| end <= 10).and_then(|end| Some((entity(&rest[1..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(decode_entities("Q&amp;A &lt;3 &#39;hi&#x27; &gt;"), "Q&A <3 'hi' >");
        assert_eq!(decode_entities("AT&T & co; &bogus; &"), "AT&T & co; &bogus; &");
    }

    #[test]
    fn tweets_with_dates() {
        let js = "window.YTD.tweets.part0 = [\n  {\n    \"tweet\" : {\n      \"created_at\" : \"Fri Mar 01 08:00:00 +0000 2024\",\n      \"full_text\" : \"Tips &amp; tricks: what works for you?\"\n    }\n  },\n  {\"tweet\": {\"full_text\": \"\"}},\n  {\"retweet\": {}}\n]";
        let mut out = Vec::new();
        read(js.as_bytes(), &mut |e| out.push(e)).unwrap();
        let Entry::Post(post) = &out[0] else { panic!("{out:?}") };
        assert_eq!(post.text, "Tips & tricks: what works for you?");
        assert_eq!(post.date.as_deref(), Some("2024-03-01"));
        assert_eq!(post.platform, Some(Platform::X));
        assert_eq!(out[1], Entry::Empty(Location::Entry(2)));
        assert!(matches!(&out[2], Entry::Bad(p) if p.message.contains("`tweet`")), "{out:?}");
    }
}
