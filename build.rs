//! Build script: writes the default rule pack (`rules/default.toml`) that `src/engine/mod.rs` embeds. For the
//! wasm engine it is stripped of comments and rule examples (`src/engine/pack/strip.rs`), which only the tests
//! read; native builds (the command line, `cargo test`) embed it whole.

#[path = "src/engine/pack/strip.rs"]
#[allow(dead_code)]
mod strip;

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=rules/default.toml");
    println!("cargo:rerun-if-changed=src/engine/pack/strip.rs");
    let pack = fs::read_to_string("rules/default.toml").expect("rules/default.toml is readable");
    let for_wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let embedded = if for_wasm { strip::strip_for_runtime(&pack) } else { pack };
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default.toml");
    fs::write(out, embedded).expect("OUT_DIR is writable");
}
