//! Build script: writes the learned model (`rules/model.tsv`) in the binary form `src/engine/learned/file.rs`
//! reads, and the default rule pack (`rules/default.toml`) that `src/engine/mod.rs` embeds. For the wasm
//! engine the pack is stripped of comments and rule examples (`src/engine/pack/strip.rs`), which only the tests
//! read; native builds (the command line, `cargo test`) embed it whole.

#[path = "src/engine/pack/strip.rs"]
#[allow(dead_code)]
mod strip;

#[path = "src/engine/learned/file.rs"]
#[allow(dead_code)]
mod model_file;

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=rules/default.toml");
    println!("cargo:rerun-if-changed=src/engine/pack/strip.rs");
    let pack = fs::read_to_string("rules/default.toml").expect("rules/default.toml is readable");
    let for_wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let embedded = if for_wasm { strip::strip_for_runtime(&pack) } else { pack };
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default.toml");
    fs::write(out, embedded).expect("OUT_DIR is writable");

    // The learned model in its binary form, so the engine starts without parsing text.
    println!("cargo:rerun-if-changed=rules/model.tsv");
    println!("cargo:rerun-if-changed=src/engine/learned/file.rs");
    let model = fs::read_to_string("rules/model.tsv").expect("rules/model.tsv is readable");
    let parsed = model_file::parse_text(&model)
        .unwrap_or_else(|(line, message)| panic!("rules/model.tsv line {line}: {message}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("model.bin");
    fs::write(out, model_file::encode(&parsed)).expect("OUT_DIR is writable");
}
