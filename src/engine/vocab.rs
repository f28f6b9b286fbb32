//! Word ids: every literal word the compiled patterns mention gets a small number, and each token of a draft is
//! looked up once, so matching compares integers instead of strings.
//!
//! The vocabulary belongs to the compiled rules (`Compiled` in `mod.rs`): patterns are interned when the rules
//! are compiled, and the draft's tokens are interned against the same vocabulary before matching.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The id of a token whose word no pattern mentions.
pub const NO_WORD: u32 = u32::MAX;

/// FNV-1a: a tiny, fast hasher for short keys (the std SipHash costs more than the matching itself).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

/// Words to ids (dense, from 0).
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
}

impl Vocab {
    /// The id of `word`, adding it if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.into()).or_insert(next)
    }

    /// The id of `word`, or `NO_WORD`.
    pub fn get(&self, word: &str) -> u32 {
        self.ids.get(word).copied().unwrap_or(NO_WORD)
    }

    /// Number of words (ids run from 0 to `len() - 1`).
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_and_stable() {
        let mut v = Vocab::default();
        assert_eq!(v.intern("buy"), 0);
        assert_eq!(v.intern("now"), 1);
        assert_eq!(v.intern("buy"), 0);
        assert_eq!(v.get("now"), 1);
        assert_eq!(v.get("later"), NO_WORD);
        assert_eq!(v.len(), 2);
    }
}
