//! The model file's two forms: the readable text `rules/model.tsv` that `postcoach fit` writes, and the compact
//! binary the build embeds (`build.rs` converts one into the other, so the engine starts without parsing
//! 30,000 lines of numbers: a wasm engine in a service worker must be ready within 100 ms).
//!
//! Text: `#` comments, `@promo`, `@point` and `@value_bias` lines, then
//! `gram<TAB>promotion<TAB>point<TAB>value<TAB>comment promotion<TAB>comment point` (the weights of posts,
//! then those of comments, `Register`; a line with three weights gives comments the posts' weights).
//! Binary, little-endian: the two thresholds and the value bias as f32, the number of grams as u32, then per
//! gram its key (u64, `key_of` its text) and its five weights (f32).
//!
//! This file is also compiled into `build.rs` (by path), so it uses nothing outside itself.

/// Weights per gram: promotion, point and value in a post, then promotion and point in a comment.
pub const WEIGHTS: usize = 5;

/// The model's numbers: (promotion threshold, point threshold, value bias) and each gram's key with its
/// weights (`WEIGHTS`).
pub type Parsed = ((f32, f32, f32), Vec<(u64, [f32; WEIGHTS])>);

/// Bytes per gram in the binary form: the key and its weights.
const GRAM_BYTES: usize = 8 + WEIGHTS * 4;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, continued from `h` over `bytes`.
pub fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The key of a gram written as text ("book", "book now").
pub fn key_of(text: &str) -> u64 {
    fnv(FNV_OFFSET, text.as_bytes())
}

/// The FNV offset basis, for keys built a piece at a time.
pub const KEY_START: u64 = FNV_OFFSET;

/// Read the text form; an error names the line (1-based; 0 for the file as a whole).
pub fn parse_text(src: &str) -> Result<Parsed, (usize, String)> {
    let (mut promo, mut point, mut bias) = (0.0f32, 0.0f32, 0.0f32);
    let mut grams = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: &str| (n + 1, message.to_string());
        let mut cols = line.split('\t');
        let name = cols.next().unwrap_or_default();
        let mut number = || -> Result<f32, (usize, String)> {
            cols.next().and_then(|c| c.trim().parse().ok()).ok_or_else(|| err("expected a number"))
        };
        match name {
            "@promo" => promo = number()?,
            "@point" => point = number()?,
            "@value_bias" => bias = number()?,
            _ if name.starts_with('@') => return Err(err("unknown parameter")),
            _ => {
                let (a, b, v) = (number()?, number()?, number()?);
                let comment = match (cols.next(), cols.next()) {
                    (None, None) => [a, b],
                    (Some(c), Some(d)) => match (c.trim().parse(), d.trim().parse()) {
                        (Ok(c), Ok(d)) => [c, d],
                        _ => return Err(err("expected a number")),
                    },
                    _ => return Err(err("expected three or five weights")),
                };
                grams.push((key_of(name), [a, b, v, comment[0], comment[1]]));
            }
        }
    }
    Ok(((promo, point, bias), grams))
}

/// The binary form of parsed numbers.
pub fn encode(parsed: &Parsed) -> Vec<u8> {
    let ((promo, point, bias), grams) = parsed;
    let mut out = Vec::with_capacity(16 + grams.len() * GRAM_BYTES);
    for x in [promo, point, bias] {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&(grams.len() as u32).to_le_bytes());
    for (key, weights) in grams {
        out.extend_from_slice(&key.to_le_bytes());
        for w in weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

/// Read the binary form; `None` if it is cut short.
pub fn decode(bytes: &[u8]) -> Option<Parsed> {
    let f32_at = |at: usize| Some(f32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    let (promo, point, bias) = (f32_at(0)?, f32_at(4)?, f32_at(8)?);
    let count = u32::from_le_bytes(bytes.get(12..16)?.try_into().ok()?) as usize;
    let body = bytes.get(16..16 + count.checked_mul(GRAM_BYTES)?)?;
    let grams = body
        .chunks_exact(GRAM_BYTES)
        .map(|c| {
            let key = u64::from_le_bytes(c[..8].try_into().unwrap_or_default());
            let w = |at: usize| f32::from_le_bytes(c[at..at + 4].try_into().unwrap_or_default());
            (key, std::array::from_fn(|k| w(8 + 4 * k)))
        })
        .collect();
    Some(((promo, point, bias), grams))
}
