//! Word ids: every literal word the compiled patterns mention gets a small number, and each token of a draft is
//! looked up once, so matching compares integers instead of strings.
//!
//! The vocabulary belongs to the compiled rules (`Compiled` in `mod.rs`): patterns are interned when the rules
//! are compiled, and the draft's tokens are interned against the same vocabulary before matching.

/// The id of a token whose word no pattern mentions.
pub const NO_WORD: u32 = u32::MAX;

/// A word read as its length and its first and last eight bytes (overlapping; shorter words as four-byte halves,
/// words under four bytes as first, middle and last byte, as wyhash reads short keys): a few loads whatever the
/// length, and the whole of any word up to 16 bytes long, so such words compare as integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    first: u64,
    last: u64,
}

/// Words up to this many bytes long are equal when their keys are.
const WHOLE_IN_KEY: usize = 16;

impl Key {
    fn of(word: &[u8]) -> Key {
        let n = word.len();
        let le64 = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let le32 = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().unwrap_or_default()));
        let (first, last) = match n {
            0 => (0, 0),
            1..=3 => (u64::from(word[0]) << 16 | u64::from(word[n / 2]) << 8 | u64::from(word[n - 1]), 0),
            4..=7 => (le32(&word[..4]), le32(&word[n - 4..])),
            _ => (le64(&word[..8]), le64(&word[n - 8..])),
        };
        Key { len: n, first, last }
    }

    /// FxHash-style mixing (the std SipHash costs more than the matching itself).
    fn hash(self) -> usize {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let h = (self.first ^ self.len as u64).wrapping_mul(K);
        let h = (h.rotate_left(26) ^ self.last).wrapping_mul(K);
        (h ^ h >> 32) as usize
    }
}

/// Words to ids (dense, from 0): the words by id, and an open-addressing hash table over them (linear probing),
/// so a lookup is a few loads and multiplications and usually one comparison of integers, with none of
/// `HashMap`'s generic machinery.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    words: Vec<Box<str>>,
    keys: Vec<Key>,
    /// `id + 1` of the word hashed to each slot, 0 when empty; a power of two long and at most a quarter full
    /// (a draft's words are mostly not in it, and a miss probes until an empty slot).
    slots: Vec<u32>,
    /// The length in bytes of the longest word: longer tokens are not looked up.
    longest: usize,
}

impl Vocab {
    /// The id of `word`, adding it if new.
    pub fn intern(&mut self, word: &str) -> u32 {
        let key = Key::of(word.as_bytes());
        let slot = match self.find(word.as_bytes(), key) {
            Ok(id) => return id,
            Err(slot) => slot,
        };
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.keys.push(key);
        self.longest = self.longest.max(word.len());
        if self.words.len() * 4 > self.slots.len() {
            self.rehash();
        } else {
            self.slots[slot] = id + 1;
        }
        id
    }

    /// The id of `word`, or `NO_WORD`.
    pub fn get(&self, word: &str) -> u32 {
        self.get_bytes(word.as_bytes())
    }

    /// `get` for a word given as its UTF-8 bytes (a draft's tokens: slicing them as bytes skips the char
    /// boundary checks).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn get_bytes(&self, word: &[u8]) -> u32 {
        if word.len() > self.longest {
            return NO_WORD;
        }
        self.find(word, Key::of(word)).unwrap_or(NO_WORD)
    }

    /// Number of words (ids run from 0 to `len() - 1`).
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// `Ok(id)` of `word` (whose key is `key`), or `Err(slot)`: the empty slot where it would go (any number while
    /// the table is empty).
    #[inline(always)]
    fn find(&self, word: &[u8], key: Key) -> Result<u32, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut slot = key.hash() & mask;
        while let Some(&entry) = self.slots.get(slot) {
            if entry == 0 {
                break;
            }
            let id = entry as usize - 1;
            if self.keys[id] == key && (key.len <= WHOLE_IN_KEY || self.words[id].as_bytes() == word) {
                return Ok(entry - 1);
            }
            slot = (slot + 1) & mask;
        }
        Err(slot)
    }

    /// Double the table (at least 16 slots) and put every word back in.
    fn rehash(&mut self) {
        self.slots = vec![0; (self.slots.len() * 2).max(16)];
        for id in 0..self.words.len() {
            if let Err(slot) = self.find(self.words[id].as_bytes(), self.keys[id]) {
                self.slots[slot] = id as u32 + 1;
            }
        }
    }
}

/// Word lists looked up by word id: every word of every list is interned into the rules' vocabulary when they
/// compile, so telling whether a draft's token is on a list is one table look-up instead of string comparisons.
/// List `k` of the slice given to `intern` is bit `1 << k` (at most 32 lists).
#[derive(Debug, Clone, Default)]
pub struct WordLists {
    /// By word id: the bits of the lists the word is on.
    by_id: Vec<u32>,
}

impl WordLists {
    /// Intern the words of `lists` into `vocab` and remember which lists each is on.
    pub fn intern(vocab: &mut Vocab, lists: &[&[&str]]) -> WordLists {
        debug_assert!(lists.len() <= 32, "a WordLists holds at most 32 lists");
        let mut by_id = Vec::new();
        for (k, list) in lists.iter().enumerate() {
            for w in *list {
                let id = vocab.intern(w) as usize;
                if by_id.len() <= id {
                    by_id.resize(id + 1, 0);
                }
                by_id[id] |= 1 << k;
            }
        }
        WordLists { by_id }
    }

    /// The bits of the lists word `id` is on (0 for `NO_WORD` and words on none).
    pub fn bits(&self, id: u32) -> u32 {
        self.by_id.get(id as usize).copied().unwrap_or(0)
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

    #[test]
    fn words_of_every_length_and_growth() {
        let mut v = Vocab::default();
        // Long words that share their first and last eight bytes and their length differ only in the middle.
        let words = ["", "a", "ab", "abc", "abcd", "abcdefgh", "abcdefghi", "abcdefgh-middle-ijklmnop"];
        let longer = "abcdefgh-other!-ijklmnop";
        let many: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        for (id, w) in words.iter().copied().chain(many.iter().map(String::as_str)).enumerate() {
            assert_eq!(v.intern(w), id as u32);
        }
        for (id, w) in words.iter().enumerate() {
            assert_eq!(v.get(w), id as u32);
        }
        assert_eq!(v.get("w99"), words.len() as u32 + 99);
        assert_eq!(v.get(longer), NO_WORD);
        assert_eq!(v.get("abce"), NO_WORD);
        assert_eq!(v.get_bytes(b"abc"), 3);
    }

    #[test]
    fn word_lists_by_id() {
        let mut v = Vocab::default();
        let buy = v.intern("buy");
        let lists = WordLists::intern(&mut v, &[&["we", "our"], &["you", "our"]]);
        assert_eq!(lists.bits(v.get("we")), 1);
        assert_eq!(lists.bits(v.get("our")), 3);
        assert_eq!(lists.bits(v.get("you")), 2);
        assert_eq!((lists.bits(buy), lists.bits(NO_WORD)), (0, 0));
    }
}
