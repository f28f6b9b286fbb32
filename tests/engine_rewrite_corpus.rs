//! The rewrite on every sales and balanced post of the development corpus: analysed again, it must score lower
//! salesiness (by at least 30 points for a sales post), no lower value, and never make a balanced post worse.

use postcoach::{Engine, Options, Platform};
use serde::Deserialize;

#[derive(Deserialize)]
struct Post {
    id: String,
    platform: String,
    label: String,
    text: String,
}

/// Sales posts whose rewrite is known to fall short of the 30-point drop (it keeps the offer itself and the
/// we/our voice): they must still drop and keep their value, and the test fails once they reach 30 so the list
/// is trimmed. Tracked on the engine issue; do not add to this list to make a change pass.
const KNOWN_SHORT_OF_30: &[&str] = &["dev-038", "dev-087"];

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/posts-dev.jsonl");

fn posts() -> Vec<Post> {
    let Ok(src) = std::fs::read_to_string(CORPUS) else {
        panic!("{CORPUS} not found: the shared corpus must sit beside the clone");
    };
    src.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn rewrites_are_more_conversational() {
    let engine = Engine::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for post in posts().iter().filter(|p| p.label == "sales" || p.label == "balanced") {
        let platform: Platform = post.platform.parse().unwrap();
        let options = Options::for_platform(platform);
        let rw = engine.rewrite(&post.text, &options);
        let again = engine.analyze(&rw.text, &options);
        assert_eq!(again.scores(), rw.after, "{}: `after` must be the rewrite analysed again", post.id);
        let (b, a) = (rw.before, rw.after);
        let dropped_30 = i32::from(a.salesiness) <= i32::from(b.salesiness) - 30;
        let known_short = KNOWN_SHORT_OF_30.contains(&post.id.as_str());
        let problem = if post.label == "sales" && !dropped_30 && !known_short {
            Some("salesiness did not drop by 30")
        } else if known_short && dropped_30 {
            Some("now drops by 30: remove it from KNOWN_SHORT_OF_30")
        } else if known_short && a.salesiness >= b.salesiness {
            Some("salesiness did not drop")
        } else if a.salesiness > b.salesiness {
            Some("salesiness rose")
        } else if a.value < b.value {
            Some("value fell")
        } else if post.label == "sales" && rw.text == post.text {
            Some("no change")
        } else {
            None
        };
        if let Some(p) = problem {
            failures.push(format!(
                "{} ({}): {p}: {}/{} -> {}/{}\n--- rewrite:\n{}\n",
                post.id, post.label, b.salesiness, b.value, a.salesiness, a.value, rw.text
            ));
        }
        checked += 1;
    }
    assert_eq!(checked, 80, "expected every sales and balanced post");
    assert!(failures.is_empty(), "{} rewrites failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn rewrite_keeps_links_mentions_and_tolerated_hashtags() {
    let engine = Engine::new();
    for post in posts() {
        let options = Options::for_platform(post.platform.parse().unwrap());
        let rw = engine.rewrite(&post.text, &options);
        for word in post.text.split_whitespace() {
            let w = word.trim_end_matches(['.', ',', '!', '?', ':', ')']);
            let keep =
                w.starts_with('@') || w.contains(".com") || w.contains(".co.uk") || w.starts_with("http");
            if keep && !w.starts_with("@Cosmetic") {
                assert!(rw.text.contains(w), "{}: rewrite lost {w:?}:\n{}", post.id, rw.text);
            }
        }
    }
}
