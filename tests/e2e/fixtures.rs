//! Real JSON from other servers (see tests/fixtures/README.md for sources) is read by our
//! protocol types.

use galaxie_federation::activities::InboxActivity;
use galaxie_federation::objects::post::received_data;
use galaxie_federation::protocol::actor::Actor;
use galaxie_federation::protocol::post::{Post, PostKind};
use serde_json::Value;

fn fixture(path: &str) -> Value {
    let full = format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn mastodon_actor_is_read() {
    let actor: Actor = serde_json::from_value(fixture("mastodon/actor.json")).expect("actor");
    assert_eq!(actor.kind, "Person");
    assert!(actor.public_key.public_key_pem.contains("BEGIN PUBLIC KEY"));
    assert_eq!(actor.public_key.owner, actor.id);
    assert!(actor.shared_inbox().is_some());
    assert!(
        !actor.attachment.is_empty(),
        "PropertyValue fields are kept"
    );
}

#[test]
fn gotosocial_actors_are_read() {
    for path in ["gotosocial/actor.json", "gotosocial/actor-with-fields.json"] {
        let actor: Actor =
            serde_json::from_value(fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!actor.public_key.public_key_pem.is_empty(), "{path}");
    }
}

#[test]
fn mastodon_follow_is_read() {
    let value = fixture("mastodon/follow.json");
    let activity = InboxActivity::parse("Follow", value).expect("follow");
    assert!(matches!(activity, InboxActivity::Follow(_)));
}

#[test]
fn mastodon_create_note_is_read() {
    let value = fixture("mastodon/create-note.json");
    let InboxActivity::Create(create) = InboxActivity::parse("Create", value).expect("create")
    else {
        panic!("not a Create");
    };
    assert_eq!(create.object.kind, PostKind::Note);
    assert!(create.object.content.is_some());
    assert!(create.object.is_public() || !create.object.to.is_empty());
}

#[test]
fn gotosocial_create_note_is_read() {
    let value = fixture("gotosocial/create-note.json");
    let InboxActivity::Create(create) = InboxActivity::parse("Create", value).expect("create")
    else {
        panic!("not a Create");
    };
    assert_eq!(create.object.kind, PostKind::Note);
}

#[test]
fn mobilizon_event_with_place_and_postal_address_is_read() {
    let post: Post = serde_json::from_value(fixture("mobilizon/event.json")).expect("event");
    assert_eq!(post.kind, PostKind::Event);
    assert!(post.start_time.is_some());
    let location = post.location.as_ref().expect("location");
    let address = location.address.as_ref().expect("PostalAddress");
    assert!(address.address_locality.is_some() || address.street_address.is_some());
    assert!(
        location.geo().is_some(),
        "float latitude/longitude are read"
    );
    let stored = received_data(&post);
    assert_eq!(stored.kind, "Event");
    assert!(stored.latitude.is_some());
    assert!(stored.timezone.is_some());
}

#[test]
fn mobilizon_create_event_is_read() {
    let value = fixture("mobilizon/create-event.json");
    let InboxActivity::Create(create) = InboxActivity::parse("Create", value).expect("create")
    else {
        panic!("not a Create");
    };
    assert_eq!(create.object.kind, PostKind::Event);
}

#[test]
fn our_event_round_trips_without_losing_a_field() {
    let json = serde_json::json!({
        "id": "https://lieu.example/objects/1",
        "type": "Event",
        "attributedTo": "https://lieu.example/places/epn",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "cc": ["https://lieu.example/places/epn/followers"],
        "name": "Atelier smartphone",
        "summary": "Atelier smartphone — sam. 9 janv. 14h–16h — Médiathèque — gratuit",
        "content": "<p>Venez avec votre téléphone.</p>",
        "mediaType": "text/html",
        "url": "https://lieu.example/objects/1",
        "published": "2026-11-29T10:00:00Z",
        "startTime": "2027-01-09T13:00:00Z",
        "endTime": "2027-01-09T15:00:00Z",
        "timezone": "Europe/Paris",
        "location": { "type": "Place", "name": "Médiathèque", "address": { "type": "PostalAddress", "streetAddress": "1 rue A", "postalCode": "51100", "addressLocality": "Reims", "addressCountry": "FR" }, "latitude": 49.25, "longitude": 4.03 },
        "joinMode": "free",
        "isOnline": false,
        "maximumAttendeeCapacity": 12,
        "price": "gratuit"
    });
    let post: Post = serde_json::from_value(json.clone()).expect("parse");
    let back = serde_json::to_value(&post).expect("serialize");
    assert_eq!(back, json);
}
