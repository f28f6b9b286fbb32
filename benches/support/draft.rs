//! The benchmark drafts: varied, realistic sentences (sales phrases, value sentences, emoji, an @mention,
//! hashtags, a URL, line breaks) repeated in turn and cut at a character boundary to the exact length. Shared by
//! `benches/analyze.rs` and `examples/profile_analyze.rs` so both measure the same text.

const SENTENCES: &[&str] = &[
    "🚀 HUGE NEWS!!! Our new social selling masterclass is finally here.",
    "Last spring a client of ours, a three-person bakery, doubled its weekday orders without spending a penny on ads.",
    "Here's what actually changed: they stopped posting offers and started answering questions in public.",
    "Limited time offer: only 5 spots left at 50% off, so don't miss out!",
    "Thanks to @Maria Lopez for sharing how her team runs their Monday planning 🙏",
    "Three things I learned the hard way:\n1. Reply before you post.\n2. Ask one real question.\n3. Listen twice as long.",
    "BUY NOW before the price goes up, click the link in bio and DM me \"READY\".",
    "What's one habit that made your posts feel more like a conversation?",
    "We are the #1 agency in the region and our proven system guarantees results in 30 days.",
    "If you're new to this, start small: one helpful comment a day on someone else's post.",
    "Full write-up here: https://example.com/blog/conversations-not-campaigns 📈",
    "I'd love to hear how you handle this in your team, what works and what doesn't?",
    "Act fast, this exclusive deal ends tonight at midnight! 🔥🔥🔥",
    "#marketing #socialselling #smallbusiness #leads #growth",
];

/// A draft of exactly `chars` characters made of `SENTENCES`, repeated in turn.
pub fn draft(chars: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.chars().count() < chars {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push_str(if i % 3 == 2 { "\n\n" } else { " " });
        i += 1;
    }
    let cut = text.char_indices().nth(chars).map_or(text.len(), |(at, _)| at);
    text.truncate(cut);
    text
}
