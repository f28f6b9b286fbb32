//! Quality floor on the main development set: the salesiness AUC of sales vs value posts in
//! `../shared/corpus/posts-dev.jsonl` stays at or above 0.95, and on each platform the balanced posts' mean
//! salesiness sits between the sales and the value posts'. The full figures on every corpus: `make eval`.

use std::fs::File;
use std::io::BufReader;

use postcoach::eval::{evaluate, Label};
use postcoach::Engine;

const POSTS_DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/posts-dev.jsonl");

#[test]
fn posts_dev_separates_sales_from_value() {
    let file = File::open(POSTS_DEV)
        .unwrap_or_else(|e| panic!("{POSTS_DEV}: {e} (shared/ must sit beside the clone)"));
    let report = evaluate(BufReader::new(file), &Engine::new()).unwrap();
    let auc = report.auc.expect("posts-dev has sales and value posts");
    assert!(auc >= 0.95, "salesiness AUC {auc:.3} < 0.95\n{report}");
    for platform in ["facebook", "linkedin"] {
        let mean = |label| report.per_platform[&(platform.to_string(), label)].salesiness;
        let (sales, balanced, value) = (mean(Label::Sales), mean(Label::Balanced), mean(Label::Value));
        assert!(
            value < balanced && balanced < sales,
            "{platform}: balanced mean {balanced:.1} not between value {value:.1} and sales {sales:.1}"
        );
    }
}
