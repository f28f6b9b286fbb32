//! The JavaScript API as JavaScript sees it (wasm-bindgen-test). `make test` runs this file twice: in Node and
//! in headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`), see the Makefile's `test-wasm` target.
//!
//! The exports are called as Rust functions, but their results are real JS values: fields are read with
//! `Reflect`, spans are cut with `String.prototype.substring`, exactly as the overlay does.
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Object, Reflect};
use postcoach::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// Emoji (surrogate pairs, a skin-tone modifier, a ZWJ family) and an @mention before the salesy phrases, so a
/// UTF-8/UTF-16 mix-up would shift every mark after them.
const SALES_POST: &str = "Hey @Jane Müller 👋🏽👨‍👩‍👧 our new course is here!!! 🚀🔥 BUY NOW before it's gone. \
    Limited time offer, only 3 spots left! Don't miss out, click the link in bio and sign up today! #sale #deal";

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or_else(|_| panic!("no field {key}"))
}

fn number(object: &JsValue, key: &str) -> f64 {
    get(object, key).as_f64().unwrap_or_else(|| panic!("field {key} is not a number"))
}

fn options(platform: &str) -> JsValue {
    let object = Object::new();
    Reflect::set(&object, &"platform".into(), &platform.into()).unwrap();
    object.into()
}

fn salesiness(text: &str) -> f64 {
    number(&wasm::analyze(text, options("linkedin")).expect("analyze"), "salesiness")
}

#[wasm_bindgen_test]
fn analyze_returns_a_plain_object_with_numeric_scores() {
    let report = wasm::analyze(SALES_POST, options("linkedin")).expect("analyze");
    assert!(report.is_object());
    assert_eq!(Object::get_prototype_of(&report), Object::get_prototype_of(&Object::new()), "plain object");
    let sales = number(&report, "salesiness");
    let value = number(&report, "value");
    assert!((0.0..=100.0).contains(&sales) && (0.0..=100.0).contains(&value));
    assert!(sales > value, "a sales post scores salesiness {sales} > value {value}");
    assert_eq!(get(&report, "platform").as_string().as_deref(), Some("linkedin"));
    assert_eq!(get(&report, "verdict").as_string().as_deref(), Some("sales-pitch"));
    let stats = get(&report, "stats");
    assert_eq!(number(&stats, "utf16_len") as u32, JsString::from(SALES_POST).length());
}

#[wasm_bindgen_test]
fn utf16_spans_cut_the_marked_phrase_out_of_the_js_string() {
    let report = wasm::analyze(SALES_POST, options("linkedin")).expect("analyze");
    let findings: js_sys::Array = get(&report, "findings").dyn_into().expect("findings is an array");
    assert!(findings.length() > 0, "a sales post has findings");
    let js_text = JsString::from(SALES_POST);
    let mut marked = Vec::new();
    for finding in findings.iter() {
        let span = get(&finding, "span");
        let (start, end) = (number(&span, "start") as usize, number(&span, "end") as usize);
        let (start16, end16) = (number(&span, "start_utf16") as u32, number(&span, "end_utf16") as u32);
        let cut = String::from(js_text.substring(start16, end16));
        assert_eq!(
            cut,
            SALES_POST[start..end],
            "UTF-16 and UTF-8 spans of {:?} agree",
            get(&finding, "rule")
        );
        marked.push(cut.to_lowercase());
    }
    assert!(
        marked.iter().any(|m| m.contains("buy now")),
        "\"BUY NOW\" after the emoji and @mention is marked: {marked:?}"
    );
}

#[wasm_bindgen_test]
fn options_may_be_missing_partial_or_aliased() {
    for options in [JsValue::UNDEFINED, JsValue::NULL, Object::new().into(), options("twitter")] {
        let report = wasm::analyze("Thanks everyone! What would you add?", options).expect("analyze");
        assert!(number(&report, "value") >= 0.0);
    }
    let x = wasm::analyze("hello", options("twitter")).expect("analyze");
    assert_eq!(get(&x, "platform").as_string().as_deref(), Some("x"));
}

#[wasm_bindgen_test]
fn unknown_platform_throws_a_plain_error_object() {
    let error = wasm::analyze("hello", options("myspace")).expect_err("unknown platform is refused");
    assert_eq!(number(&error, "line"), 0.0);
    assert_eq!(number(&error, "column"), 0.0);
    assert!(get(&error, "message").as_string().unwrap().contains("myspace"));
}

#[wasm_bindgen_test]
fn sensitivity_and_wrong_option_types_are_checked() {
    let with = |key: &str, value: JsValue| {
        let object = Object::new();
        Reflect::set(&object, &key.into(), &value).unwrap();
        // A plug that is the point, but not so loud that every sensitivity reads it as 100.
        wasm::analyze("New course: learn SQL in 30 days. Enrol now at example.com/sql", object.into())
    };
    let gentle = number(&with("sensitivity", "gentle".into()).expect("gentle"), "salesiness");
    let strict = number(&with("sensitivity", "Strict".into()).expect("strict"), "salesiness");
    assert!(gentle < strict, "gentle {gentle} < strict {strict}");
    for (key, value, says) in [
        ("sensitivity", JsValue::from_str("harsh"), "unknown sensitivity \"harsh\""),
        ("platform", JsValue::from_f64(3.0), "platform must be a string"),
        ("sensitivity", JsValue::TRUE, "sensitivity must be a string"),
    ] {
        let error = with(key, value).expect_err(says);
        assert_eq!(number(&error, "line"), 0.0);
        assert!(get(&error, "message").as_string().unwrap().contains(says), "{says}");
    }
    let error = wasm::analyze("hello", JsValue::from_str("linkedin")).expect_err("options must be an object");
    assert!(get(&error, "message").as_string().unwrap().contains("expected an object"));
}

#[wasm_bindgen_test]
fn a_malformed_pack_names_line_and_column_and_the_default_pack_stays() {
    wasm::reset_packs();
    let before = salesiness(SALES_POST);
    let error =
        wasm::load_pack("name = \"broken\"\n[[rule]]\nid = \"x\"\nweight = = 3\n").expect_err("malformed");
    assert!(number(&error, "line") >= 1.0, "line is 1-based");
    assert!(number(&error, "column") >= 1.0, "column is 1-based");
    assert!(!get(&error, "message").as_string().unwrap().is_empty());
    assert_eq!(salesiness(SALES_POST), before, "the rules in force did not change");
    wasm::reset_packs();
    assert_eq!(salesiness(SALES_POST), before);
}

#[wasm_bindgen_test]
fn rewrite_lowers_salesiness() {
    // A post whose pressure, fanfare and command can go without losing a fact (the louder SALES_POST keeps its
    // offer and scarcity, and stays at 100).
    const POST: &str =
        "We are thrilled to announce that our spring menu is here!!! Hurry, don't miss out! Book now at example.com/menu!";
    let rewrite = wasm::rewrite(POST, options("linkedin")).expect("rewrite");
    let text = get(&rewrite, "text").as_string().expect("rewrite text");
    let before = number(&get(&rewrite, "before"), "salesiness");
    let after = number(&get(&rewrite, "after"), "salesiness");
    assert!(after < before, "rewrite scores {after} < {before}");
    assert!(salesiness(&text) < salesiness(POST));
    assert!(text.contains("example.com/menu"), "{text}");
    assert!(js_sys::Array::is_array(&get(&rewrite, "applied")));
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[cfg(feature = "audit")]
#[wasm_bindgen_test]
fn audit_file_reads_an_export_and_returns_the_mix_with_its_chart() {
    let csv = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n\
        2025-01-08 09:15:02,https://www.linkedin.com/feed/update/1,\"What did a customer teach you this year?\nTell me below.\",,,MEMBER_NETWORK\n\
        2025-02-22 17:40:11,https://www.linkedin.com/feed/update/2,\"BUY NOW!!! 50% OFF today only, link in bio!!!\",,,MEMBER_NETWORK\n";
    let audit = wasm::audit_file("Shares.csv", csv.as_bytes(), JsValue::UNDEFINED).expect("audit_file");
    assert_eq!(number(&audit, "posts"), 2.0);
    let mix = get(&audit, "mix");
    let total = number(&mix, "conversation") + number(&mix, "balanced") + number(&mix, "sales-pitch");
    assert_eq!(total, 2.0);
    assert_eq!(js_sys::Array::from(&get(&audit, "by_month")).length(), 2);
    let top = js_sys::Array::from(&get(&audit, "most_salesy")).get(0);
    assert_eq!(get(&top, "platform").as_string().as_deref(), Some("linkedin"));
    assert!(get(&top, "excerpt").as_string().unwrap().starts_with("BUY NOW"));
    let svg = get(&audit, "chart_svg").as_string().expect("chart_svg is a string");
    assert!(svg.starts_with("<svg") && svg.contains("2025-02") && !svg.contains("BUY NOW"));

    let unknown = wasm::audit_file("notes.txt", b"just some notes", JsValue::UNDEFINED).expect("not thrown");
    assert_eq!(number(&unknown, "posts"), 0.0);
    let problem = js_sys::Array::from(&get(&unknown, "problems")).get(0);
    assert!(get(&problem, "message").as_string().unwrap().contains("Shares.csv"));
}
