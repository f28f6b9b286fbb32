//! What a post is about, for a closing question: a noun phrase a reader could answer about, read from the
//! author's hashtags or the noun the text repeats (see `topic`).

use super::super::matcher::Hit;
use super::super::text::{Kind, Tokens};

/// Words too common to be a post's topic, in byte order (`is_stopword` searches them; a test checks the order).
const STOPWORDS: &[&str] = &[
    "about",
    "after",
    "again",
    "already",
    "also",
    "always",
    "amazing",
    "another",
    "anyone",
    "anything",
    "anyway",
    "anywhere",
    "around",
    "back",
    "because",
    "been",
    "before",
    "being",
    "best",
    "better",
    "between",
    "both",
    "came",
    "can't",
    "clients",
    "come",
    "could",
    "customers",
    "days",
    "delighted",
    "didn't",
    "does",
    "doesn't",
    "doing",
    "don't",
    "done",
    "down",
    "each",
    "enough",
    "even",
    "every",
    "everyone",
    "everything",
    "everywhere",
    "excited",
    "first",
    "five",
    "four",
    "free",
    "from",
    "get",
    "gets",
    "getting",
    "give",
    "going",
    "gone",
    "good",
    "great",
    "half",
    "happy",
    "have",
    "having",
    "help",
    "here",
    "here's",
    "hours",
    "i'd",
    "i'm",
    "i've",
    "incredible",
    "into",
    "isn't",
    "it's",
    "just",
    "know",
    "last",
    "less",
    "let's",
    "like",
    "little",
    "long",
    "look",
    "made",
    "make",
    "many",
    "maybe",
    "might",
    "minutes",
    "month",
    "months",
    "more",
    "morning",
    "most",
    "much",
    "need",
    "never",
    "new",
    "next",
    "night",
    "nothing",
    "now",
    "often",
    "once",
    "only",
    "other",
    "over",
    "part",
    "people",
    "proud",
    "really",
    "right",
    "said",
    "same",
    "should",
    "since",
    "some",
    "someone",
    "something",
    "somewhere",
    "start",
    "started",
    "still",
    "such",
    "sure",
    "take",
    "team",
    "than",
    "thank",
    "thanks",
    "that",
    "that's",
    "their",
    "them",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "though",
    "three",
    "thrilled",
    "through",
    "time",
    "today",
    "together",
    "told",
    "too",
    "tried",
    "under",
    "until",
    "usually",
    "very",
    "want",
    "we'd",
    "we're",
    "we've",
    "week",
    "weeks",
    "well",
    "went",
    "were",
    "what",
    "what's",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "work",
    "would",
    "year",
    "years",
    "you'd",
    "you're",
    "you've",
    "your",
    "yours",
];

/// Whether `w` is one of `STOPWORDS` (kept sorted, so this is a binary search).
fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// Hashtags that brag or sell rather than name a subject (#Award, #Grateful, #ProductLaunch).
const BRAG_TAG_WORDS: [&str; 17] = [
    "award",
    "awards",
    "winning",
    "excellence",
    "success",
    "featured",
    "giveaway",
    "sale",
    "deal",
    "deals",
    "launch",
    "winner",
    "proud",
    "grateful",
    "blessed",
    "top",
    "luxury",
];

/// Words before a noun: a word after one of these is talked about, not done.
const NOUN_CUES: [&str; 28] = [
    "a", "an", "the", "your", "my", "our", "their", "his", "her", "its", "this", "these", "every", "each",
    "any", "some", "no", "one", "of", "for", "with", "about", "on", "in", "into", "at", "from", "by",
];

/// A hashtag read as words: "#SmallBusiness" -> ["Small", "Business"], "#ITSupport" -> ["IT", "Support"],
/// "#SaaS" -> ["SaaS"], "#mothersday" -> ["mothersday"].
fn hashtag_words(tag: &str) -> Vec<String> {
    let chars: Vec<char> = tag.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = !cur.is_empty()
            && c.is_uppercase()
            && (prev.is_some_and(char::is_lowercase) && next.is_some() // "SaaS": a last capital stays
                || prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_lowercase))
            || !cur.is_empty() && c.is_ascii_digit() != prev.is_some_and(|p| p.is_ascii_digit());
        if boundary {
            words.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// How a word is shown in a question: acronyms and mixed case as written (IT, SaaS), others in lower case.
fn shown(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if upper >= 2 && letters <= 6 {
        word.to_string()
    } else {
        word.to_lowercase()
    }
}

/// A word's stem for counting: plurals folded ("bouquets" -> "bouquet", "stories" -> "story").
fn stem(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

fn plural(w: &str) -> String {
    if w.ends_with('s') || w.ends_with("sh") || w.ends_with("ch") || w.ends_with('x') {
        format!("{w}es")
    } else if w.ends_with('y') && !["ay", "ey", "oy", "uy"].iter().any(|v| w.ends_with(v)) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

/// Short words that never make a topic (the stopword list holds the longer ones).
const SHORT_STOPWORDS: [&str; 60] = [
    "the", "and", "but", "for", "you", "are", "was", "has", "had", "did", "can", "may", "not", "now", "too",
    "yes", "way", "day", "lot", "bit", "end", "one", "two", "six", "ten", "new", "old", "big", "far", "few",
    "own", "got", "get", "let", "put", "set", "say", "see", "try", "use", "off", "out", "yet", "ago", "per",
    "via", "any", "all", "who", "why", "how", "its", "his", "her", "our", "him", "she", "man", "men", "due",
];

/// Nouns that take no plural ("What's been your experience with coffee?").
const MASS_NOUNS: [&str; 40] = [
    "coffee",
    "bread",
    "sourdough",
    "water",
    "beer",
    "money",
    "email",
    "advice",
    "feedback",
    "software",
    "food",
    "furniture",
    "music",
    "research",
    "health",
    "tax",
    "fitness",
    "yoga",
    "traffic",
    "weather",
    "stock",
    "data",
    "hardware",
    "equipment",
    "information",
    "knowledge",
    "pay",
    "work",
    "cash",
    "rain",
    "snow",
    "luggage",
    "evidence",
    "progress",
    "homework",
    "maintenance",
    "plumbing",
    "catering",
    "photography",
    "recruitment",
];

/// Endings of nouns that take no plural (hiring, leadership, fitness, security, insurance).
const MASS_ENDINGS: [&str; 10] = ["ing", "ship", "ness", "ity", "ance", "ence", "ism", "ics", "ment", "age"];

fn is_mass(w: &str) -> bool {
    MASS_NOUNS.contains(&w) || MASS_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// One candidate noun of the text.
struct Noun {
    stem: String,
    count: usize,
    first: usize,
    /// Seen after "a", "the", "your"... (talked about, not done).
    cued: bool,
    /// Seen after "a", "one", "every" or a number (countable).
    countable: bool,
    /// Its plural as written in the text, if it occurs in the plural.
    plural: Option<String>,
    /// Its singular as written in the text, if it occurs in the singular.
    singular: Option<String>,
}

/// What the post is about, for a closing question: a noun phrase a reader could answer about, or an empty
/// string when nothing fits well (the closing question then asks about "this").
///
/// The author's own hashtags come first (read as words: "#SmallBusiness" is "small business", "#SaaS" stays
/// "SaaS", "#mothersday" is found in the text as "Mother's Day"), the one the text talks about most; hashtags
/// that brag (#Award) or name a place or brand never count. Otherwise the noun the text repeats (plurals
/// folded; a command at the start of a sentence, a name, somebody's own thing and a hyphenated adjective do
/// not count), in the plural when it is countable ("radiators"), as it is when it takes no plural ("coffee").
pub fn topic(text: &str, tokens: &Tokens, hits: &[Hit]) -> String {
    let limit = tokens.len().min(4000);
    let mut covered = vec![false; limit];
    for h in hits.iter().filter(|h| h.first < limit) {
        covered[h.first..=h.last.min(limit - 1)].iter_mut().for_each(|c| *c = true);
    }
    let word_at = |i: usize| i < limit && tokens.list[i].kind == Kind::Word;
    let raw = |i: usize| &text[tokens.list[i].start as usize..tokens.list[i].end as usize];
    let is_content = |i: usize| {
        if !word_at(i) {
            return false;
        }
        let t = &tokens.list[i];
        let w = tokens.norm(i);
        let acronym = t.caps && (2..=5).contains(&w.len());
        (w.chars().count() >= 3 || acronym)
            && !t.quoted
            && !is_stopword(w)
            && !is_stopword(&stem(w))
            && !SHORT_STOPWORDS.contains(&w)
            && !covered[i]
            // A hyphenated word is mostly an adjective ("sugar-free", "one-page").
            && w.chars().all(char::is_alphabetic)
            // A capitalised word inside a sentence is a name (often the brand): not a topic.
            && (tokens.starts_sentence(i) || !raw(i).starts_with(char::is_uppercase) || t.caps)
    };
    let mut nouns: Vec<Noun> = Vec::new();
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for i in 0..limit {
        if !is_content(i) {
            continue;
        }
        let prev = (i > 0 && word_at(i - 1)).then(|| tokens.norm(i - 1));
        let cued = prev.is_some_and(|p| NOUN_CUES.contains(&p));
        let countable = prev.is_some_and(|p| matches!(p, "a" | "an" | "one" | "every" | "each" | "another"))
            || (i > 0 && tokens.list[i - 1].kind == Kind::Number);
        // A sentence that opens with a bare verb ("Reduce team burnout") is a command, not a subject.
        let command = tokens.starts_sentence(i) && !cued;
        let w = tokens.norm(i);
        let verbish = w.ends_with("ed") || w.ends_with("ly") || (w.ends_with("ing") && !cued);
        // "a spare Tuesday": a word right before a name describes it.
        let modifier = word_at(i + 1)
            && &text[tokens.list[i].end as usize..tokens.list[i + 1].start as usize] == " "
            && raw(i + 1).starts_with(char::is_uppercase)
            && !tokens.starts_sentence(i + 1);
        // "his mum", "my course": somebody's own thing is not a topic.
        let personal = prev.is_some_and(|p| matches!(p, "his" | "her" | "my" | "their" | "its" | "our"));
        if command || verbish || modifier || personal {
            continue;
        }
        let key = stem(w);
        let is_plural = key != w;
        let k = *seen.entry(key.clone()).or_insert_with(|| {
            nouns.push(Noun {
                stem: key.clone(),
                count: 0,
                first: i,
                cued: false,
                countable: false,
                plural: None,
                singular: None,
            });
            nouns.len() - 1
        });
        let n = &mut nouns[k];
        n.count += 1;
        n.cued |= cued;
        n.countable |= countable;
        let form = if n.stem.len() <= 5 && tokens.list[i].caps { raw(i).to_string() } else { w.to_string() };
        if is_plural {
            n.plural.get_or_insert(form);
        } else {
            n.singular.get_or_insert(form);
        }
    }
    if let Some(t) = hashtag_topic(text, tokens, &seen, &nouns) {
        return t;
    }
    let score = |n: &Noun| n.count * 2 + usize::from(n.cued);
    // A noun said once is rarely what the post is about ("a million things", "for the money").
    let best = nouns
        .iter()
        .filter(|n| n.count >= 2)
        .max_by(|a, b| score(a).cmp(&score(b)).then(b.first.cmp(&a.first)));
    let Some(best) = best else { return String::new() };
    // The word as a reader would ask about it: in the plural when it is countable, as it is when it has none.
    if let Some(p) = &best.plural {
        return p.clone();
    }
    let word = best.singular.clone().unwrap_or_else(|| best.stem.clone());
    if best.countable || !is_mass(&best.stem) {
        return if word.chars().all(char::is_uppercase) { format!("{word}s") } else { plural(&word) };
    }
    word
}

/// The best hashtag to ask about, if any: the one the text talks about most; a tag that brags or names a place
/// or brand (a single word the text only writes capitalised) never.
fn hashtag_topic(
    text: &str,
    tokens: &Tokens,
    seen: &std::collections::BTreeMap<String, usize>,
    nouns: &[Noun],
) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for t in tokens.list.iter().filter(|t| t.kind == Kind::Hashtag).take(30) {
        let raw = &text[t.start as usize + 1..t.end as usize];
        let words = hashtag_words(raw);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        if lower.iter().any(|w| BRAG_TAG_WORDS.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()))
        {
            continue;
        }
        // The tag written out in the text ("#mothersday" -> "Mother's Day"), and how often its words occur.
        let found = find_in_text(text, tokens, &lower.concat());
        if lower.len() == 1 && found.name && found.phrase.as_ref().is_some_and(|p| !p.contains(' ')) {
            continue;
        }
        let word_hits: usize = lower.iter().filter_map(|w| seen.get(&stem(w)).map(|&k| nouns[k].count)).sum();
        let support = found.count * 2 + word_hits;
        // "#shoplocal" cannot be read as words without a dictionary, and a question never asks about a
        // hashtag ("#marketing"): such a tag is no topic unless the text writes it out.
        // A single word with a noun ending ("#marketing", "#community", "#leadership") reads as itself.
        let one_word = raw.len() <= 11
            && ["ing", "tion", "ment", "ity", "ship", "ness", "ism"].iter().any(|e| raw.ends_with(e));
        let run_together =
            words.len() == 1 && raw.len() > 8 && raw.chars().all(|c| c.is_lowercase()) && !one_word;
        let name = match found.phrase {
            // "my 1,000th smile makeover": asked about in the plural.
            Some(p) if found.countable && !found.name && lower.last().is_some_and(|w| !is_mass(&stem(w))) => {
                let last = p.rsplit(' ').next().unwrap_or(&p).to_string();
                format!("{}{}", &p[..p.len() - last.len()], plural(&last))
            }
            Some(p) => p,
            None if run_together => continue,
            None => words.iter().map(|w| shown(w)).collect::<Vec<_>>().join(" "),
        };
        if best.as_ref().is_none_or(|(s, _)| support > *s) {
            best = Some((support, name));
        }
    }
    best.map(|(_, name)| name)
}

/// A hashtag's letters found written out in the text.
struct Found {
    /// The first such phrase, as shown in a question ("Mother's Day", "cycle-to-work").
    phrase: Option<String>,
    count: usize,
    /// Whether the text writes it as a name (capitalised inside a sentence).
    name: bool,
    /// Whether the text counts it ("my 1,000th smile makeover", "a smile makeover").
    countable: bool,
}

/// Where the letters of `joined` ("mothersday") are written out in the text as consecutive words ("Mother's
/// Day").
fn find_in_text(text: &str, tokens: &Tokens, joined: &str) -> Found {
    // Whether `rest` starts with token `i`'s letters and digits; how many bytes of `rest` they take.
    let letters_at = |i: usize, rest: &str| -> Option<usize> {
        let mut taken = 0;
        for c in tokens.norm(i).chars().filter(|c| c.is_alphanumeric()) {
            if !rest[taken..].starts_with(c) {
                return None;
            }
            taken += c.len_utf8();
        }
        Some(taken)
    };
    let capital = |k: usize| text[tokens.list[k].start as usize..].starts_with(char::is_uppercase);
    let mut found = Found { phrase: None, count: 0, name: false, countable: false };
    let n = tokens.len().min(4000);
    for i in 0..n {
        if tokens.list[i].kind != Kind::Word || letters_at(i, joined).is_none() {
            continue;
        }
        // Bytes of `joined` matched by tokens i..=j.
        let mut acc = 0;
        for j in i..n.min(i + 5) {
            if tokens.list[j].kind != Kind::Word {
                break;
            }
            let Some(taken) = letters_at(j, &joined[acc..]) else { break };
            acc += taken;
            if acc == joined.len() {
                found.count += 1;
                let before = i.checked_sub(1).filter(|&p| tokens.list[p].kind != Kind::Break);
                found.countable |= before.is_some_and(|p| {
                    tokens.list[p].kind == Kind::Number
                        || matches!(tokens.norm(p), "a" | "an" | "one" | "every" | "each" | "another")
                });
                if found.phrase.is_none() {
                    let raw = &text[tokens.list[i].start as usize..tokens.list[j].end as usize];
                    // A name keeps its capitals ("Mother's Day"); a common phrase is shown in lower case.
                    found.name = (i..=j).all(capital) && (j > i || !tokens.starts_sentence(i));
                    let multi_name = found.name && j > i;
                    found.phrase = Some(if multi_name {
                        raw.to_string()
                    } else {
                        raw.split_whitespace().map(shown).collect::<Vec<_>>().join(" ")
                    });
                }
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_the_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("about") && is_stopword("you're") && !is_stopword("bakery"));
    }

    fn topic_of(text: &str) -> String {
        let tokens = super::super::super::text::tokenize(text);
        topic(text, &tokens, &[])
    }

    #[test]
    fn topics_are_words_a_reader_can_answer_about() {
        // Hashtags read as words, acronyms kept, bragging tags skipped.
        assert_eq!(
            topic_of("Our new release redefines what project management software can do.\n\n#ProductLaunch #ProjectManagement #SaaS"),
            "project management"
        );
        assert_eq!(topic_of("A checklist for the next outage.\n\n#Award #SaaS"), "SaaS");
        assert_eq!(topic_of("Start with the boring questions.\n\n#ITSupport"), "IT support");
        assert_eq!(topic_of("Mother's Day pre-orders are open.\n\n#mothersday #florist"), "Mother's Day");
        assert_eq!(
            topic_of("I've just completed my 1,000th smile makeover.\n\n#SmileMakeover"),
            "smile makeovers"
        );
        // No punctuation from the text comes along.
        assert_eq!(topic_of("Project management, done right. Project management, done fast."), "management");
        // A repeated countable noun in the plural; a mass noun as it is; nothing clear, nothing.
        assert_eq!(topic_of("Bleed each radiator in autumn. A cold radiator wastes heat."), "radiators");
        assert_eq!(topic_of("Grind your coffee fresh. Stale coffee tastes flat."), "coffee");
        assert_eq!(topic_of("Thank you for a lovely morning."), "");
        // A run-together tag is never asked about as a hashtag; a tag that reads as a word is.
        assert_eq!(topic_of("Fresh bread daily.\n\n#shoplocal"), "");
        assert_eq!(topic_of("Launch day.\n\n#marketing #sales"), "marketing");
        assert_eq!(topic_of("Launch day.\n\n#shoplocal #sales"), "sales");
        assert_eq!(topic_of("Thanks to the kids who collected tins.\n\n#community"), "community");
    }

    #[test]
    fn hashtags_read_as_words() {
        assert_eq!(hashtag_words("SmallBusiness"), ["Small", "Business"]);
        assert_eq!(hashtag_words("ITSupport"), ["IT", "Support"]);
        assert_eq!(hashtag_words("SaaS"), ["SaaS"]);
        assert_eq!(hashtag_words("CVTips"), ["CV", "Tips"]);
        assert_eq!(hashtag_words("mothersday"), ["mothersday"]);
        assert_eq!(shown("SaaS"), "SaaS");
        assert_eq!(shown("Business"), "business");
    }
}
