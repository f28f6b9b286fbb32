//! The JavaScript bindings (wasm32 only): the exports `dist/engine/postcoach.js` offers, exactly as
//! `docs/ARCHITECTURE.md` documents them.
//!
//! ```js
//! analyze(text, { platform: 'linkedin', sensitivity: 'normal' })  // -> report object
//! rewrite(text, { platform })                                       // -> rewrite object
//! load_pack(tomlSource)   // -> {name, rules, disabled}; throws {line, column, message}
//! reset_packs()           // back to the default pack
//! version()               // crate version string
//! audit_file(name, bytes, { platform })  // -> the audit of an export file (Uint8Array), with chart_svg
//!                                       //    (feature `audit` only: the workshop's audit engine)
//! ```
//!
//! - Results are plain JS objects (serde-wasm-bindgen's JSON-compatible serializer: structs and maps become
//!   plain objects, enums their kebab-case strings), so they can be posted between extension contexts as-is.
//! - Errors are thrown as plain `{line, column, message}` objects: a pack error names its place, an options
//!   error (unknown platform, wrong type) uses line 0, column 0.
//! - The engine (default pack plus any loaded packs) lives in one `thread_local!` per wasm instance.
//! - Offsets: wasm-bindgen hands us the JS string as UTF-8 (lone surrogates become U+FFFD, which is also one
//!   UTF-16 unit), so the engine's `start_utf16`/`end_utf16` index the caller's string exactly.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Engine, Options, PackError, Platform, Sensitivity};

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::new());
}

/// Score a draft. `options` may be `undefined`, `null` or a partial `{platform?, sensitivity?}`.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_options(options)?;
    let report = ENGINE.with(|engine| engine.borrow().analyze(text, &options));
    to_js(&report)
}

/// The whole-post conversational rewrite with the scores before and after.
#[wasm_bindgen]
pub fn rewrite(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_options(options)?;
    let rewrite = ENGINE.with(|engine| engine.borrow().rewrite(text, &options));
    to_js(&rewrite)
}

/// Load an extra rule pack (TOML). On error the engine keeps the rules it had.
#[wasm_bindgen]
pub fn load_pack(source: &str) -> Result<JsValue, JsValue> {
    let info = ENGINE.with(|engine| engine.borrow_mut().load_pack(source)).map_err(|e| to_js_error(&e))?;
    to_js(&info)
}

/// Drop every loaded pack and go back to the default rules.
#[wasm_bindgen]
pub fn reset_packs() {
    ENGINE.with(|engine| engine.borrow_mut().reset_packs());
}

/// The audit of a post history export (LinkedIn `Shares.csv`, Facebook `your_posts_1.json`, X `tweets.js`,
/// JSON Lines, CSV; recognised by content, exactly as `postcoach audit` reads it): the `AuditReport` object
/// (`posts`, `mix`, `aim`, `by_month`, `top_signals`, `most_salesy`, `files`, `problems`...) plus `chart_svg`,
/// the mix chart as a standalone SVG document (no post text in it). A file that cannot be read is not thrown:
/// it comes back with `files[0].format` null and its reason in `problems`, beside whatever was read.
/// `options.platform` applies to JSON Lines and CSV posts that name none.
#[cfg(feature = "audit")]
#[wasm_bindgen]
pub fn audit_file(name: &str, bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_options(options)?;
    let mut audit = crate::history::Audit::new(AUDIT_TOP);
    // Problems, the unrecognised file included, are kept in the audit for the page to show.
    let _ = ENGINE.with(|engine| audit.read_file(&engine.borrow(), name, bytes, options));
    let report = audit.report();
    #[derive(Serialize)]
    struct WithChart<'a> {
        #[serde(flatten)]
        audit: &'a crate::history::AuditReport,
        chart_svg: String,
    }
    to_js(&WithChart { chart_svg: crate::history::chart::svg(&report), audit: &report })
}

/// The most salesy posts `audit_file` lists.
#[cfg(feature = "audit")]
const AUDIT_TOP: usize = 5;

/// The crate version, for example `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Options as JavaScript sends them: `undefined`, `null` or an object whose `platform` and `sensitivity` are
/// optional strings (platform aliases such as `twitter` are accepted, as on the command line). Read by hand:
/// serde-wasm-bindgen's deserializer and serde's error messages cost more than this.
fn parse_options(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() {
        return Err(options_error(
            "invalid options: expected an object such as {platform: 'linkedin'}".into(),
        ));
    }
    let field = |name: &str| -> Result<Option<String>, JsValue> {
        let v = js_sys::Reflect::get(&value, &JsValue::from_str(name))
            .map_err(|_| options_error(format!("invalid options: cannot read {name}")))?;
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string()
            .map(Some)
            .ok_or_else(|| options_error(format!("invalid options: {name} must be a string")))
    };
    let platform = match field("platform")? {
        Some(name) => name.parse::<Platform>().map_err(|e| options_error(e.to_string()))?,
        None => Platform::default(),
    };
    let sensitivity = match field("sensitivity")? {
        Some(name) => name.parse::<Sensitivity>().map_err(|e| options_error(e.to_string()))?,
        None => Sensitivity::default(),
    };
    Ok(Options { platform, sensitivity })
}

fn options_error(message: String) -> JsValue {
    to_js_error(&PackError { line: 0, column: 0, message })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| options_error(format!("internal error: {e}")))
}

/// A plain `{line, column, message}` object to throw.
fn to_js_error(error: &PackError) -> JsValue {
    error
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| JsValue::from_str(&error.message))
}
