//! The model file's two forms: the readable text `rules/model.tsv` that `postcoach fit` writes, and the compact
//! binary the build embeds (`build.rs` converts one into the other, so the engine starts without parsing
//! 30,000 lines of numbers: a wasm engine in a service worker must be ready within 100 ms).
//!
//! Text: `#` comments, `@t1`, `@t2` and `@value_bias` lines, then `gram<TAB>sales weight<TAB>value weight`.
//! Binary, little-endian: t1, t2 and the value bias as f32, the number of grams as u32, then per gram its key
//! (u64, `key_of` its text) and both weights (f32).
//!
//! This file is also compiled into `build.rs` (by path), so it uses nothing outside itself.

/// The model's numbers: (t1, t2, value bias) and each gram's (key, sales weight, value weight).
pub type Parsed = ((f32, f32, f32), Vec<(u64, f32, f32)>);

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
    let (mut t1, mut t2, mut bias) = (-1.0f32, 1.0f32, 0.0f32);
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
            "@t1" => t1 = number()?,
            "@t2" => t2 = number()?,
            "@value_bias" => bias = number()?,
            _ if name.starts_with('@') => return Err(err("unknown parameter")),
            _ => {
                let (s, v) = (number()?, number()?);
                grams.push((key_of(name), s, v));
            }
        }
    }
    if t1 >= t2 {
        return Err((0, "@t1 must be below @t2".into()));
    }
    Ok(((t1, t2, bias), grams))
}

/// The binary form of parsed numbers.
pub fn encode(parsed: &Parsed) -> Vec<u8> {
    let ((t1, t2, bias), grams) = parsed;
    let mut out = Vec::with_capacity(16 + grams.len() * 16);
    for x in [t1, t2, bias] {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&(grams.len() as u32).to_le_bytes());
    for (key, s, v) in grams {
        out.extend_from_slice(&key.to_le_bytes());
        out.extend_from_slice(&s.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// Read the binary form; `None` if it is cut short.
pub fn decode(bytes: &[u8]) -> Option<Parsed> {
    let f32_at = |at: usize| Some(f32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    let (t1, t2, bias) = (f32_at(0)?, f32_at(4)?, f32_at(8)?);
    let count = u32::from_le_bytes(bytes.get(12..16)?.try_into().ok()?) as usize;
    let body = bytes.get(16..16 + count.checked_mul(16)?)?;
    let grams = body
        .chunks_exact(16)
        .map(|c| {
            let key = u64::from_le_bytes(c[..8].try_into().unwrap_or_default());
            let s = f32::from_le_bytes(c[8..12].try_into().unwrap_or_default());
            let v = f32::from_le_bytes(c[12..16].try_into().unwrap_or_default());
            (key, s, v)
        })
        .collect();
    Some(((t1, t2, bias), grams))
}
