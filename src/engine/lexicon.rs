//! Every word list of the engine in one place, shared by the signals (who a post talks about), the suggestions
//! (which words a command, an announcement or a removal may touch) and the safety check on edits
//! (`suggest::guard`: which words are facts, which cannot end a sentence). Lists are lower case; a list the
//! engine looks up by word id is interned with the rules' vocabulary (`signals::PERSON_LISTS`,
//! `suggest::WORD_LISTS`), the others are compared as strings (`is_in`).

/// Whether `w` (lower case) is one of `list`.
pub fn is_in(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
}

// ---- Who a post talks about ------------------------------------------------------------------------------

/// The reader (signals count these as reader references; suggestions read a sentence holding one as about the
/// reader).
pub const READER_WORDS: [&str; 8] =
    ["you", "your", "yours", "you're", "you've", "you'll", "you'd", "yourself"];
/// The author, as the signals count self references ("we", "our", "my"...).
pub const SELF_WORDS: [&str; 12] =
    ["we", "our", "us", "ours", "we're", "we've", "we'll", "we'd", "ourselves", "my", "i'm", "me"];
/// First-person forms the signals do not count (a bare "I" is how people tell stories), but which still make a
/// sentence about the author for the suggestions (`about_us`).
pub const OTHER_SELF_FORMS: [&str; 4] = ["i", "i've", "i'd", "i'll"];

// ---- Facts an edit must keep (suggest::guard) -------------------------------------------------------------

/// Number words (not "one", which is mostly a pronoun: "you can book one"; "number one" is read apart).
pub const NUMBER_WORDS: [&str; 25] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "million", "billion", "dozen",
    "half", "double", "triple",
];
/// Days and deadline words: a date or deadline said in words ("this weekend only" keeps "this weekend").
pub const WEEKDAYS: [&str; 12] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tonight",
    "tomorrow",
    "midnight",
    "weekend",
    "weekday",
];
/// Days said in the plural: which dates an offer has ("weekends filling FAST", "Saturdays are booked"), facts
/// the guard keeps as it keeps the days of `WEEKDAYS` (panel 72).
pub const WEEKDAY_PLURALS: [&str; 9] = [
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "weekends",
    "weekdays",
];
/// Month names (a fact only when capitalised: "may", "march").
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Feasts and holidays, written with a capital wherever they stand ("BOOK BEFORE CHRISTMAS" is lowered to "Book
/// before Christmas").
pub const HOLIDAYS: [&str; 11] = [
    "christmas",
    "xmas",
    "easter",
    "halloween",
    "thanksgiving",
    "hanukkah",
    "diwali",
    "eid",
    "ramadan",
    "valentine's",
    "valentines",
];
/// Verbs that open a call to action besides those that need an object (`NEEDS_OBJECT`); shouted, the whole
/// command is lowered ("CALL US NOW", "DON'T MISS IT"). `is_call_verb` reads both lists.
pub const CALL_VERBS: [&str; 20] = [
    "call", "shop", "join", "register", "sign", "don't", "dont", "visit", "message", "dm", "text", "click",
    "hurry", "act", "come", "save", "try", "enrol", "enroll", "apply",
];

/// Whether `w` opens a call to action ("book", "call", "don't").
pub fn is_call_verb(w: &str) -> bool {
    is_in(w, &NEEDS_OBJECT) || is_in(w, &CALL_VERBS)
}
/// Shouted words that push a sale ("THIS WEEK ONLY", "SOLD OUT", "WE NEED YOU"): a stretch of shouts with none of
/// them is joy or emphasis ("she DID IT", "ALL IN"), which the coach leaves to the author.
pub const SELLING_SHOUTS: [&str; 26] = [
    "only", "now", "today", "sold", "sale", "off", "free", "week", "day", "days", "hour", "hours", "left",
    "last", "new", "need", "deal", "deals", "save", "hurry", "spots", "chance", "ends", "fast", "soon",
    "half",
];
/// Short words written in capitals to shout, not acronyms: lowering them loses nothing. Any other word of up to
/// four capitals is read as an acronym (AWS, UK, MCP, LTD), even inside a run of capitals.
pub const SHOUT_WORDS: [&str; 192] = [
    "free", "off", "now", "sale", "new", "buy", "last", "only", "huge", "big", "today", "best", "wow", "omg",
    "hurry", "deal", "deals", "yes", "no", "all", "win", "hot", "news", "chance", "time", "stop", "don't",
    "dont", "must", "see", "get", "this", "the", "and", "our", "you", "your", "not", "every", "ever", "more",
    "save", "book", "call", "shop", "order", "join", "click", "link", "here", "act", "fast", "flash", "mega",
    "ends", "left", "spots", "out", "just", "epic", "love", "lol", "done", "open", "back", "one", "is", "it",
    "to", "in", "go", "miss", "up", "gift", "week", "day", "days", "year", "less", "hey", "any", "top", "we",
    "are", "it's", "what", "why", "how", "who", "for", "of", "a", "at", "on", "with", "my", "me", "i'm",
    "can't", "did", "do", "be", "so", "ask", "try", "pay", "live", "there", "that", "soon", "sold", "tips",
    "easy", "full", "hour", "hours", "fun", "cool", "job", "jobs", "team", "work", "true", "real", "hard",
    "lots", "very", "much", "many", "half", "most", "keep", "next", "well", "good", "need", "want", "make",
    "take", "give", "read", "help", "look", "like", "over", "into", "from", "they", "them", "will", "been",
    "have", "has", "had", "was", "were", "than", "then", "when", "also", "even", "each", "both", "same",
    "long", "life", "mind", "rest", "sure", "note", "tip", "step", "plan", "idea", "ways", "way", "he",
    "she", "us", "if", "or", "but", "by", "as", "an", "oh", "ok", "okay", "yet", "too", "own", "old",
];

/// Hype words a suggestion never removes (detection still flags them): facts, specifications and product lines
/// ("bestselling", "premium", "top-rated", "number one", "enterprise-grade") and nouns that head their phrase
/// ("a game-changer for me").
pub const KEPT_CLAIMS: [&str; 18] = [
    "bestselling",
    "enterprise-grade",
    "best-selling",
    "bestseller",
    "premium",
    "luxury",
    "top-rated",
    "number",
    "one",
    "guaranteed",
    "guarantee",
    "game-changer",
    "life-changer",
    "no-brainer",
    "must-have",
    "must-read",
    "must-see",
    "signature",
];

/// Nouns that measure and say nothing without their adjective: hype before one stays ("an unmatched level of
/// service" cut to "a level of service", panel 37; "✅ Unbeatable prices across the East Midlands" cut to
/// "Prices across ...", panel 50; "our industry-leading turnaround times" cut to "our turnaround times", panel 79).
pub const MEASURES: [&str; 23] = [
    "level",
    "levels",
    "standard",
    "standards",
    "quality",
    "degree",
    "calibre",
    "caliber",
    "price",
    "prices",
    "pricing",
    "rates",
    "value",
    "results",
    "rate",
    "turnaround",
    "times",
    "speed",
    "speeds",
    "performance",
    "accuracy",
    "reliability",
    "uptime",
];

/// Nouns of service that say nothing bare once their adjective goes ("delivering best-in-class service"); with
/// an article or a possessive ("our world-class service") they stand.
pub const SERVICE_NOUNS: [&str; 5] = ["service", "support", "care", "experience", "solutions"];

/// SQL keywords, written in capitals by convention: never lowered as shouting in a post that writes code.
pub const CODE_WORDS: [&str; 24] = [
    "select", "from", "where", "join", "left", "right", "inner", "outer", "full", "cross", "group", "by",
    "order", "having", "union", "insert", "update", "delete", "limit", "on", "as", "distinct", "null", "not",
];

// ---- Grammar around an edit --------------------------------------------------------------------------------

/// Words a sentence cannot end on: articles, prepositions, possessives, linking verbs, intensifiers.
pub const DANGLING_END: [&str; 50] = [
    "a",
    "an",
    "the",
    "of",
    "for",
    "to",
    "with",
    "at",
    "by",
    "from",
    "via",
    "into",
    "and",
    "or",
    "but",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "am",
    "being",
    "my",
    "our",
    "your",
    "their",
    "its",
    "his",
    "her",
    "very",
    "than",
    "feels",
    "feel",
    "felt",
    "looks",
    "seems",
    "seem",
    "sounds",
    "became",
    "become",
    "becomes",
    "truly",
    "really",
    "such",
    "quite",
    "it's",
    "extremely",
    "super",
    "so",
];
/// Intensifiers: dropped with an emotion frame ("so proud to"); one left right before a noun lost the adjective
/// it intensified ("a truly release").
pub const INTENSIFIERS: [&str; 10] =
    ["so", "very", "incredibly", "super", "really", "truly", "beyond", "extremely", "most", "immensely"];
/// Determiners: one right before a bare participle ("the rated studio") lost the word that made it read.
pub const DETERMINERS: [&str; 11] =
    ["the", "a", "an", "our", "my", "your", "their", "this", "its", "his", "her"];
/// Words that open a sentence by referring back to the one before ("As a result", "This", "That's why").
pub const ANAPHORA: [&str; 17] = [
    "this",
    "that",
    "these",
    "those",
    "it",
    "it's",
    "they",
    "they're",
    "therefore",
    "thus",
    "hence",
    "which",
    "as",
    "because",
    "that's",
    "also",
    "then",
];
/// Words before an adjective that make it a predicate or a figure of speech ("simple yet powerful"): it cannot go.
pub const PREDICATES: [&str; 17] = [
    "is", "was", "are", "were", "be", "been", "being", "it's", "that's", "looks", "seems", "feels", "sounds",
    "how", "so", "'s", "yet",
];

/// Words of thanks and praise: a big adjective before one is generosity, not hype ("Huge thanks", "a massive
/// shoutout").
pub const GENEROUS_WORDS: [&str; 9] = [
    "thanks",
    "thank",
    "shoutout",
    "shout-out",
    "congratulations",
    "congrats",
    "welcome",
    "kudos",
    "gratitude",
];
/// People and animals: never the object of "If you'd like a ...", and praise of them is no hype.
pub const PEOPLE: [&str; 56] = [
    "child",
    "children",
    "kid",
    "kids",
    "son",
    "daughter",
    "baby",
    "babies",
    "friend",
    "friends",
    "people",
    "person",
    "student",
    "students",
    "patient",
    "patients",
    "client",
    "clients",
    "customer",
    "customers",
    "family",
    "families",
    "someone",
    "everyone",
    "guest",
    "guests",
    "partner",
    "member",
    "members",
    "dog",
    "dogs",
    "cat",
    "pet",
    "pets",
    "mum",
    "mom",
    "team",
    "teams",
    "coworkers",
    "colleagues",
    "staff",
    "volunteers",
    "mentors",
    "users",
    "speakers",
    "hosts",
    "community",
    "organizers",
    "organisers",
    "sponsors",
    "partners",
    "leaders",
    "employees",
    "engineers",
    "teammates",
    "founders",
];

// ---- Suggestions: commands, announcements, clauses (suggest::*) -------------------------------------

/// Words that push for a decision now; dropped when a command is softened or an announcement made plain.
pub const PUSH_WORDS: [&str; 8] =
    ["now", "today", "asap", "immediately", "tonight", "quickly", "fast", "hurry"];

/// Words that only press ("Don't wait", "Hurry, act now"): a sentence with nothing else besides its urgency
/// says nothing once the urgency goes.
pub const PRESSURE_ONLY: [&str; 12] =
    ["don't", "dont", "do", "not", "wait", "hurry", "act", "now", "fast", "quickly", "quick", "today"];

/// Words after "one" that show it stands for a noun named before ("grab one in advance", "book one today"), not
/// a number before its own noun ("in one visit").
pub const AFTER_STAND_IN: [&str; 11] =
    ["in", "at", "for", "now", "today", "before", "while", "and", "or", "on", "soon"];

/// Words that open a clause by pointing back at the one before ("Act fast, it's the only thing that matters"):
/// the clause before them cannot go.
pub const POINTING_BACK: [&str; 9] =
    ["it", "its", "it's", "it\u{2019}s", "that", "that's", "that\u{2019}s", "this", "which"];

/// Shouted words of a deadline or a length ("TODAY ONLY", "ONE DAY", "48 HOURS ONLY"; with weekdays and months):
/// a stretch of nothing else is the author's stress on a fact, not lowered as a one-click edit.
pub const DEADLINE_SHOUTS: [&str; 17] = [
    "today", "tonight", "tomorrow", "only", "one", "day", "days", "week", "weekend", "month", "hour",
    "hours", "this", "ends", "until", "till", "midnight",
];

/// Pronouns that stand for a plural named before ("before they're gone", "grab them"): a sentence they lean on
/// stays.
pub const PLURAL_STAND_INS: [&str; 5] = ["they", "they're", "theyre", "them", "those"];

/// Words of a scam: a post that holds one and a word of `WARNING_WORDS` warns, and its capitals and "!!!" are the warning's
/// voice ("THAT IS NOT US!!!", "DO NOT send any money": lowered, the warning read softened to both readers of
/// panel 75, as "THIS IS NOT US" did to panel 65).
pub const SCAM_WORDS: [&str; 16] = [
    "scam",
    "scams",
    "scammer",
    "scammers",
    "scammed",
    "fraud",
    "frauds",
    "fraudster",
    "fraudsters",
    "fraudulent",
    "phishing",
    "impersonating",
    "impersonation",
    "impersonator",
    "impersonators",
    "hoax",
];

/// Words that raise a warning: with a word of `SCAM_WORDS` they make a post a warning ("SCAM WARNING", "Beware
/// of fraudsters"), where a security firm selling "Phishing Awareness" training raises none.
pub const WARNING_WORDS: [&str; 6] = ["warning", "beware", "alert", "psa", "fake", "careful"];

/// Verbs that report what someone else said: what follows them is not the author's own voice. ("claimed" and
/// "claims" are left out: "312 already claimed" counts an offer taken.)
pub const SPEECH_VERBS: [&str; 12] = [
    "saying",
    "said",
    "says",
    "claiming",
    "telling",
    "told",
    "warning",
    "warned",
    "insisting",
    "insisted",
    "pretending",
    "pretended",
];

/// Verbs of a command that cannot stand without an object ("you can buy" needs "it").
pub const NEEDS_OBJECT: [&str; 14] = [
    "buy",
    "order",
    "grab",
    "claim",
    "book",
    "purchase",
    "secure",
    "get",
    "reserve",
    "download",
    "preorder",
    "pre-order",
    "snap",
    "nab",
];

/// Words that open the clause they introduce.
pub const CONJUNCTIONS: [&str; 4] = ["and", "but", "so", "or"];

/// Words a remaining clause must not start with once the clause before it is gone (it would be a fragment).
pub const NOT_A_START: [&str; 22] = [
    "with",
    "for",
    "at",
    "in",
    "on",
    "by",
    "from",
    "to",
    "of",
    "including",
    "once",
    "when",
    "while",
    "until",
    "before",
    "after",
    "if",
    "because",
    "as",
    "than",
    "which",
    "who",
];

/// Words that cannot end a clause: a removal leaving one of these at the end is ungrammatical.
pub const NOT_AN_END: [&str; 30] = [
    "a", "an", "the", "of", "for", "to", "with", "at", "by", "in", "on", "from", "and", "or", "but", "is",
    "are", "was", "were", "be", "been", "am", "my", "our", "your", "their", "its", "this", "very", "than",
];

/// Words that start a time or condition phrase ("this weekend only", "before midnight", "for the next 24
/// hours"): such a phrase can leave the end of a clause without breaking it.
pub const ADVERBIAL_STARTS: [&str; 17] = [
    "to", "this", "for", "before", "by", "until", "till", "today", "tonight", "only", "just", "while",
    "through", "within", "next", "ends", "ending",
];

/// Adjectives that boast; dropped from a self-promoting phrase when its sentence must stay ("our signature
/// bouquets start at $49").
pub const BOAST: [&str; 25] = [
    "latest",
    "signature",
    "flagship",
    "award-winning",
    "world-class",
    "bestselling",
    "best-selling",
    "outstanding",
    "innovative",
    "visionary",
    "relentless",
    "incredible",
    "amazing",
    "dedicated",
    "talented",
    "expert",
    "fantastic",
    "unwavering",
    "industry-leading",
    "leading",
    "premium",
    "luxury",
    "exclusive",
    "prestigious",
    "unrivalled",
];

/// Words that start a new subject: a conjunction before one joins two clauses ("and it won't last"), not two
/// things in a list ("our pastries and lunch boxes").
pub const SUBJECTS: [&str; 22] = [
    "i", "we", "you", "they", "it", "he", "she", "there", "this", "that", "these", "those", "let's", "i'll",
    "we'll", "it's", "they're", "we're", "you're", "i'm", "i've", "we've",
];

pub const EMOTIONS: [&str; 12] = [
    "thrilled",
    "excited",
    "proud",
    "delighted",
    "pleased",
    "honoured",
    "honored",
    "humbled",
    "happy",
    "stoked",
    "grateful",
    "overjoyed",
];

pub const FRAME_SUBJECTS: [&str; 9] = ["we", "i", "we're", "i'm", "are", "am", "is", "'re", "'m"];

/// Labels that only announce that news follows ("Big news:", "Introducing").
pub const LABELS: [&str; 7] =
    ["big", "news", "announcement", "introducing", "announcing", "huge", "exciting"];

/// Verbs that announce something new: what follows them is the author's offer.
pub const LAUNCH_VERBS: [&str; 10] = [
    "launched",
    "released",
    "opened",
    "introduced",
    "unveiled",
    "published",
    "built",
    "created",
    "started",
    "made",
];

// ---- The author's slips (`slips`) -------------------------------------------------------------------------

/// Words that cannot follow the possessive "its", so "its" before them is "it's" ("its not worth it", "its
/// been a year"). Words a possessive can precede ("its only", "its very", "its going rate", "its time") are
/// not here.
pub const NOT_AFTER_POSSESSIVE: [&str; 33] = [
    "not",
    "a",
    "an",
    "the",
    "been",
    "got",
    "so",
    "just",
    "really",
    "never",
    "always",
    "about",
    "what",
    "how",
    "why",
    "because",
    "ok",
    "okay",
    "probably",
    "actually",
    "definitely",
    "literally",
    "honestly",
    "gone",
    "gonna",
    "everything",
    "nothing",
    "something",
    "here",
    "finally",
    "all",
    "full",
    "over",
];
/// Words that cannot follow the possessives "your" and "their", so "your" before them is "you're" and "their"
/// "they're" ("your never too old", "your not alone", "your looking at", "their gone"); "going" only before
/// "to" ("your going rate" is right). Verbs in -ing that are also nouns ("your doing", "your wedding", "your
/// missing piece") are not here.
pub const NOT_AFTER_YOUR_THEIR: [&str; 29] = [
    "not",
    "never",
    "always",
    "a",
    "an",
    "the",
    "gonna",
    "probably",
    "actually",
    "definitely",
    "literally",
    "honestly",
    "welcome",
    "already",
    "having",
    "getting",
    "telling",
    "looking",
    "trying",
    "wasting",
    "wondering",
    "coming",
    "gone",
    "stuck",
    "sure",
    "done",
    "invited",
    "covered",
    "ready",
];
/// Words that open a clause: "your"/"their" right after one, before a verb in -ing and its object or an adverb
/// in -ly and a verb in -ing, is "you're"/"they're" ("If your bringing a friend", "then your potentially sitting
/// on"); after a verb it is the possessive ("do your marketing the right way").
pub const CLAUSE_OPENERS: [&str; 17] = [
    "if", "when", "because", "and", "but", "so", "while", "as", "since", "before", "until", "unless", "once",
    "that", "cause", "whether", "then",
];
/// Prepositions and particles that follow a verb ("sitting on", "missing out").
pub const PARTICLES: [&str; 15] = [
    "on", "in", "at", "with", "for", "to", "about", "into", "out", "up", "through", "over", "from", "around",
    "away",
];
/// Words that open an object: after "your"/"their" and a word in -ing they show the word is a verb.
pub const OBJECT_STARTS: [&str; 13] =
    ["a", "an", "the", "your", "my", "our", "their", "his", "her", "it", "them", "me", "us"];
/// Words after which "loose" is the verb "lose" ("don't loose out", "nothing to loose").
pub const BEFORE_LOSE: [&str; 14] = [
    "to", "don't", "dont", "will", "won't", "not", "never", "can", "can't", "could", "might", "may", "would",
    "gonna",
];
/// Words after which "then" is "than" ("rather then", "more then 50").
pub const BEFORE_THAN: [&str; 3] = ["rather", "more", "less"];
/// Comparatives after which "then" is "than" when a word follows ("better then anything", "quicker then last
/// year"); at a sentence's end "then" is the time ("it was better then."). Not "later", "higher", "lower" or
/// "other", where "then" is often the time or the sequence ("each other then").
pub const COMPARATIVES: [&str; 15] = [
    "better", "worse", "faster", "quicker", "cheaper", "bigger", "easier", "harder", "greater", "smaller",
    "larger", "stronger", "smarter", "simpler", "fewer",
];
/// Forms of "be": "there" after one is the adverb ("is there going to be"), and "their a" after one asks "is
/// there a".
pub const BE_FORMS: [&str; 15] = [
    "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't", "isnt",
    "arent", "wasnt", "werent",
];
/// Other words after which "there" is the adverb: "get there first", "over there".
pub const BEFORE_ADVERB_THERE: [&str; 9] = ["over", "out", "in", "up", "down", "from", "get", "got", "here"];
/// Words that follow the possessive "their" and not the adverb "there", so "there" before them is "their"
/// ("there own", "love there new drive", "doing there best"), unless a form of "be" comes first; with
/// `POSSESSED`.
pub const AFTER_THEIR: [&str; 10] =
    ["own", "new", "best", "favourite", "favorite", "family", "life", "lives", "way", "money"];
/// Nouns that follow a possessive and never "you're": "you're own", "you're kids" are "your".
pub const POSSESSED: [&str; 13] = [
    "own",
    "hands",
    "place",
    "customers",
    "clients",
    "kids",
    "children",
    "team",
    "business",
    "friends",
    "staff",
    "website",
    "products",
];
/// Words written without their apostrophe that are no words without it ("todays only" is "today's only").
pub const MISSING_APOSTROPHE: [(&str, &str); 7] = [
    ("todays", "today's"),
    ("tomorrows", "tomorrow's"),
    ("yesterdays", "yesterday's"),
    ("everyones", "everyone's"),
    ("someones", "someone's"),
    ("wheres", "where's"),
    ("shes", "she's"),
];
/// What "going" is followed by when it is a verb, so "their going" before it is "they're going" ("their going
/// fast", "your going to love it"; "your going rate" stays).
pub const GOING_HOW: [&str; 11] =
    ["to", "fast", "quickly", "quick", "well", "out", "up", "away", "soon", "strong", "crazy"];
/// Words before a "to" that ends its clause and is "too" ("me to!", "the kids to."); verbs ("we'd love to.")
/// are not here, and a plural in "-s" counts too (`slips`).
pub const BEFORE_TOO: [&str; 4] = ["me", "you", "us", "them"];
/// Words in "-s" that "who's" precedes ("who's yours?"): not plurals, so "who's" stays.
pub const NOT_AFTER_WHOSE: [&str; 6] = ["yours", "ours", "theirs", "hers", "its", "was"];
/// Words that count a plural: "all shape's and sizes" is "all shapes" (before a word that opens no noun phrase).
pub const QUANTIFIERS: [&str; 4] = ["all", "many", "several", "both"];
/// Adverbs that stand between "there" and its verb ("there still is", "there never was"): the "-ly" ones are
/// read by their ending.
pub const ADVERBS_BEFORE_VERB: [&str; 10] =
    ["still", "never", "always", "already", "now", "also", "just", "even", "often", "sometimes"];
/// Verbs that follow their subject directly: "there output was down" has a noun before one.
pub const FINITE_VERBS: [&str; 7] = ["is", "are", "was", "were", "has", "have", "had"];
/// Auxiliaries and modals that stand between "there" and a verb ("there will be", "there could have been").
pub const AUXILIARIES: [&str; 16] = [
    "will",
    "won't",
    "wont",
    "would",
    "could",
    "should",
    "might",
    "may",
    "must",
    "can",
    "can't",
    "cant",
    "shall",
    "wouldn't",
    "couldn't",
    "shouldn't",
];
/// Things of the reader's that follow "your", never "you": "on you phone" after a preposition is "on your
/// phone" (people are left out: "a treat for you kids" speaks to them).
pub const YOUR_THINGS: [&str; 14] = [
    "own", "phone", "inbox", "diary", "calendar", "home", "house", "garden", "car", "website", "feed",
    "life", "account", "doorstep",
];
/// Prepositions before "you" + one of `YOUR_THINGS` ("for" is left out: "for you guys").
pub const BEFORE_YOUR_THING: [&str; 7] = ["on", "in", "into", "to", "from", "with", "at"];
/// Words after which "their" is the place "there" when what follows is no noun ("be their within 48 hours",
/// "get their early").
pub const BEFORE_PLACE_THERE: [&str; 4] = ["be", "been", "get", "got"];
/// Words that follow the place "there" and not the possessive "their" (with a mark or the end of a line).
pub const AFTER_PLACE_THERE: [&str; 15] = [
    "within", "by", "at", "on", "in", "for", "before", "soon", "early", "from", "tomorrow", "today",
    "tonight", "now", "too",
];
/// Words that follow a plural noun and never open a noun phrase, so that "strawberrys" before them is the
/// plural "strawberries"; before a noun "-ys" was a possessive ("our companys values").
pub const AFTER_PLURAL: [&str; 27] = [
    "and", "or", "are", "were", "have", "had", "will", "can", "from", "in", "on", "at", "for", "with", "to",
    "of", "that", "which", "who", "too", "so", "but", "as", "by", "we", "you", "they",
];
/// Words that open a clause that cannot stand alone: a sentence of one, with no comma to a main clause, is a
/// fragment an edit must not leave ("If you'd like a free consultation.", "When the 100 seats are gone.").
pub const SUBORDINATORS: [&str; 7] = ["if", "when", "once", "until", "unless", "although", "whenever"];
/// Possessive determiners: "loose" before one is the verb "lose" ("loose their cards").
pub const POSSESSIVES: [&str; 7] = ["your", "their", "my", "our", "his", "her", "its"];
/// Words of time, whose "'s" after a count is a possessive ("3 days' notice", "5 year's experience").
pub const TIME_UNITS: [&str; 8] = ["second", "minute", "hour", "day", "week", "month", "year", "night"];
/// Words that follow a count of things and no noun phrase opens with ("4 dates left").
pub const AFTER_COUNT: [&str; 3] = ["left", "remaining", "available"];
/// Possessive pronouns written with an apostrophe ("Grab your's"): never right.
pub const APOSTROPHE_PRONOUNS: [(&str, &str); 4] =
    [("your's", "yours"), ("their's", "theirs"), ("our's", "ours"), ("her's", "hers")];
/// Verbs written with an apostrophe before their "s" ("First message get's it"): none of them is a noun that
/// could own something.
pub const APOSTROPHE_VERBS: [(&str, &str); 8] = [
    ("get's", "gets"),
    ("give's", "gives"),
    ("come's", "comes"),
    ("goe's", "goes"),
    ("doe's", "does"),
    ("want's", "wants"),
    ("know's", "knows"),
    ("say's", "says"),
];
/// Words whose "'s" is "is" or "us" but never a noun's ("that's", "let's"): "there that's" is no "their".
pub const PRONOUN_IS: [&str; 16] = [
    "that",
    "what",
    "it",
    "he",
    "she",
    "who",
    "here",
    "there",
    "where",
    "let",
    "how",
    "when",
    "everyone",
    "everything",
    "someone",
    "nothing",
];
/// Verbs that open a command on the reader's own thing, besides those of a call to action (`NEEDS_OBJECT`):
/// "you're" after one is "your" ("Bring you're tired old sofa back to life"). Verbs that may take a clause
/// ("check you're registered", "show you're serious") are not here; "want" and "need" open a question on the
/// reader's thing ("Want you're guests talking about it?", panel 71) and never take "you are".
pub const OWN_THING_VERBS: [&str; 20] = [
    "want",
    "need",
    "bring",
    "send",
    "give",
    "take",
    "treat",
    "protect",
    "transform",
    "refresh",
    "upgrade",
    "pamper",
    "spoil",
    "restore",
    "revive",
    "clean",
    "fix",
    "service",
    "tag",
    "share",
];
/// Words never written twice in a row ("all the the estates"; "had had" and "that that" can be right).
pub const NEVER_DOUBLED: [&str; 16] = [
    "the", "a", "an", "to", "of", "in", "on", "for", "and", "with", "at", "by", "your", "our", "my", "their",
];
/// What "all ready" is "already" before ("all ready gone", "all ready booked"; "we're all ready to go" stays).
pub const AFTER_ALREADY: [&str; 12] =
    ["gone", "sold", "booked", "taken", "started", "been", "had", "got", "seen", "done", "full", "finished"];
/// Two words written as one, and how they are written ("alot", "incase", "eachother"): none is a word.
pub const RUN_TOGETHER: [(&str, &str); 9] = [
    ("alot", "a lot"),
    ("incase", "in case"),
    ("eachother", "each other"),
    ("atleast", "at least"),
    ("aswell", "as well"),
    ("infact", "in fact"),
    ("inspite", "in spite"),
    ("noone", "no one"),
    ("thankyou", "thank you"),
];
/// Modal verbs written with "of" for "have" ("could of been"; "could of course" is right and kept).
pub const MODALS: [&str; 5] = ["could", "would", "should", "must", "might"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_without_repeats() {
        let lists: [&[&str]; 60] = [
            &PREDICATES,
            &GENEROUS_WORDS,
            &INTENSIFIERS,
            &READER_WORDS,
            &SELF_WORDS,
            &OTHER_SELF_FORMS,
            &NUMBER_WORDS,
            &WEEKDAYS,
            &WEEKDAY_PLURALS,
            &MONTHS,
            &HOLIDAYS,
            &CALL_VERBS,
            &SPEECH_VERBS,
            &SCAM_WORDS,
            &WARNING_WORDS,
            &AFTER_STAND_IN,
            &SELLING_SHOUTS,
            &SHOUT_WORDS,
            &DANGLING_END,
            &DETERMINERS,
            &ANAPHORA,
            &PEOPLE,
            &NOT_AFTER_POSSESSIVE,
            &MODALS,
            &NOT_AFTER_YOUR_THEIR,
            &CLAUSE_OPENERS,
            &OBJECT_STARTS,
            &POSSESSED,
            &BEFORE_PLACE_THERE,
            &AFTER_PLACE_THERE,
            &AFTER_PLURAL,
            &BEFORE_LOSE,
            &BEFORE_THAN,
            &SUBORDINATORS,
            &COMPARATIVES,
            &BEFORE_ADVERB_THERE,
            &BE_FORMS,
            &POSSESSIVES,
            &TIME_UNITS,
            &AFTER_COUNT,
            &PARTICLES,
            &NEVER_DOUBLED,
            &MEASURES,
            &AFTER_ALREADY,
            &AFTER_THEIR,
            &POINTING_BACK,
            &OWN_THING_VERBS,
            &PRONOUN_IS,
            &YOUR_THINGS,
            &BEFORE_YOUR_THING,
            &GOING_HOW,
            &BEFORE_TOO,
            &NOT_AFTER_WHOSE,
            &QUANTIFIERS,
            &ADVERBS_BEFORE_VERB,
            &FINITE_VERBS,
            &AUXILIARIES,
            &PLURAL_STAND_INS,
            &DEADLINE_SHOUTS,
            &SERVICE_NOUNS,
        ];
        // A selling shout is read only inside a stretch of shouts.
        assert!(SELLING_SHOUTS.iter().all(|w| SHOUT_WORDS.contains(w)));
        for list in lists {
            for (k, w) in list.iter().enumerate() {
                assert_eq!(*w, w.to_lowercase(), "{w}");
                assert!(!list[..k].contains(w), "{w} twice");
            }
        }
    }
}
