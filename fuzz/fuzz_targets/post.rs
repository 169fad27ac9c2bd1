//! A received object (Note, Article, Page, Event…) or actor document: its wire shape, what we
//! store of it, and the HTML cleaning of its text.
#![no_main]

use galaxie_federation::objects::post::received_data;
use galaxie_federation::protocol::actor::Actor;
use galaxie_federation::protocol::post::Post;
use galaxie_federation::sanitize::{clean_html, plain_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(post) = serde_json::from_slice::<Post>(data) {
        let stored = received_data(&post);
        let _ = format!("{stored:?}");
        for text in [&post.content, &post.summary, &post.name]
            .into_iter()
            .flatten()
        {
            let cleaned = clean_html(text);
            // Cleaning its own output again must not panic either.
            let _ = clean_html(&cleaned);
            let _ = plain_text(text, 500);
        }
        // Round trip: what we read we can write.
        let _ = serde_json::to_vec(&post);
    }
    if let Ok(actor) = serde_json::from_slice::<Actor>(data) {
        for text in [&actor.summary, &actor.content, &actor.name]
            .into_iter()
            .flatten()
        {
            let _ = clean_html(text);
            let _ = plain_text(text, 500);
        }
        let _ = serde_json::to_vec(&actor);
    }
    // Arbitrary text straight into the sanitizer too.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = clean_html(text);
    }
});
