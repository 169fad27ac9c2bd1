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
    let location = post.location.place.as_ref().expect("location");
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

#[test]
fn gancio_events_are_read_including_a_plain_string_address() {
    let InboxActivity::Create(create) =
        InboxActivity::parse("Create", fixture("gancio/create-event.json")).expect("create")
    else {
        panic!("not a Create");
    };
    assert_eq!(create.object.kind, PostKind::Event);
    assert!(create.object.start_time.is_some());
    let event: Post = serde_json::from_value(fixture("gancio/event.json")).expect("event");
    assert_eq!(event.kind, PostKind::Event);
    let stored = received_data(&event);
    assert!(stored.name.is_some());
}

#[test]
fn mobilizon_2019_event_is_read() {
    let event: Post = serde_json::from_value(fixture("mobilizon/event-2019.json")).expect("event");
    assert_eq!(event.kind, PostKind::Event);
}

#[test]
fn lemmy_page_pleroma_and_misskey_notes_are_read() {
    let page: Post = serde_json::from_value(fixture("lemmy/page.json")).expect("page");
    assert_eq!(page.kind, PostKind::Page);
    for path in [
        "pleroma/note.json",
        "misskey/note.json",
        "gotosocial/note-with-tags.json",
        "gotosocial/note-with-mention.json",
    ] {
        let note: Post =
            serde_json::from_value(fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(note.kind, PostKind::Note, "{path}");
        let stored = received_data(&note);
        assert!(stored.content.is_some(), "{path}");
    }
    let tagged: Post =
        serde_json::from_value(fixture("mastodon/create-note-hashtag.json")["object"].clone())
            .expect("note");
    assert!(
        !tagged.tag.is_empty(),
        "hashtags are kept, mentions skipped"
    );
}

#[test]
fn mastodon_actor_with_a_type_array_and_other_activities_are_read_or_named() {
    // `"type": ["Person", "vcard:individual"]`: the ActivityStreams type is kept.
    let actor: Actor =
        serde_json::from_value(fixture("mastodon/actor-type-array.json")).expect("actor");
    assert_eq!(actor.kind, "Person");
    assert!(!actor.public_key.public_key_pem.is_empty());
    // A report is read, with every reported URL, to be stored for the administrator.
    let InboxActivity::Flag(flag) =
        InboxActivity::parse("Flag", fixture("mastodon/flag.json")).expect("flag")
    else {
        panic!("a Flag is a report");
    };
    assert_eq!(flag.objects().len(), 3);
    assert_eq!(
        flag.comment().as_deref(),
        Some("Please take a look at this user and their posts")
    );
    let question =
        InboxActivity::parse("Question", fixture("mastodon/question.json")).expect("question");
    assert!(matches!(question, InboxActivity::Ignored(_)));
    assert!(matches!(
        InboxActivity::parse("Follow", fixture("mastodon/follow-signed.json")).expect("follow"),
        InboxActivity::Follow(_)
    ));
}

#[test]
fn a_wordpress_event_with_an_impossible_date_is_refused_clearly() {
    // 2030-02-29 does not exist: the Create is refused as malformed, not stored half-read.
    let err = InboxActivity::parse("Create", fixture("wordpress/create-event.json"))
        .expect_err("impossible date");
    assert!(err.to_string().contains("Create"), "{err}");
}

fn round_trip(json: serde_json::Value) {
    let post: Post = serde_json::from_value(json.clone()).expect("parse");
    let back = serde_json::to_value(&post).expect("serialize");
    assert_eq!(back, json);
}

#[test]
fn our_note_page_and_article_round_trip_without_losing_a_field() {
    round_trip(serde_json::json!({
        "id": "https://lieu.example/objects/2",
        "type": "Note",
        "attributedTo": "https://lieu.example/places/epn",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "cc": ["https://lieu.example/places/epn/followers"],
        "content": "<p>Fermeture exceptionnelle lundi</p>",
        "mediaType": "text/html",
        "url": "https://lieu.example/objects/2",
        "published": "2026-11-29T10:00:00Z",
        "sensitive": false
    }));
    round_trip(serde_json::json!({
        "id": "https://lieu.example/objects/3",
        "type": "Page",
        "attributedTo": "https://lieu.example/places/epn",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "name": "Aide aux démarches administratives",
        "summary": "Aide aux démarches administratives — EPN — du lundi au vendredi, de 9 h à 12 h — gratuit",
        "summaryMap": { "fr": "Aide aux démarches administratives — EPN", "fr-x-falc": "On vous aide pour vos papiers." },
        "content": "<p>Un médiateur vous aide.</p>",
        "published": "2026-11-29T10:00:00Z",
        "location": { "type": "Place", "name": "EPN", "latitude": 49.25, "longitude": 4.03 },
        "price": "gratuit",
        "serviceTypes": ["https://galaxie.tiers-lieux.fr/ns#service/aide-demarches-administratives"],
        "fees": ["https://galaxie.tiers-lieux.fr/ns#fee/gratuit"],
        "bookingUrl": "https://rdv.example/",
        "openingHours": "Mo-Fr 09:00-12:00"
    }));
    round_trip(serde_json::json!({
        "id": "https://lieu.example/objects/4",
        "type": "Article",
        "attributedTo": "https://lieu.example/places/epn",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "name": "Le lavoir",
        "summary": "Un lavoir restauré",
        "content": "<p>Histoire</p>",
        "contentMap": { "fr": "<p>Histoire</p>", "fr-x-falc": "<p>Un vieux lavoir.</p>" },
        "published": "2026-11-29T10:00:00Z",
        "license": "https://creativecommons.org/licenses/by-sa/4.0/",
        "tag": [{ "type": "Hashtag", "name": "#patrimoine" }],
        "image": { "type": "Image", "mediaType": "image/png", "url": "https://lieu.example/media/ab", "name": "Le lavoir restauré", "width": 8, "height": 6 },
        "attachment": [{ "type": "Image", "mediaType": "image/png", "url": "https://lieu.example/media/ab", "name": "Le lavoir restauré", "width": 8, "height": 6 }],
        "heritageKinds": ["https://galaxie.tiers-lieux.fr/ns#heritage/bati"]
    }));
}

#[test]
fn a_hybrid_event_carries_a_place_and_a_virtual_location() {
    round_trip(serde_json::json!({
        "id": "https://lieu.example/objects/5",
        "type": "Event",
        "attributedTo": "https://lieu.example/places/epn",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "name": "Atelier hybride",
        "startTime": "2027-01-09T13:00:00Z",
        "location": [
            { "type": "Place", "name": "Médiathèque" },
            { "type": "VirtualLocation", "url": "https://visio.example/atelier" }
        ],
        "isOnline": true,
        "eventStatus": "EventScheduled"
    }));
}

#[test]
fn our_place_actor_round_trips_without_losing_a_field() {
    let json = serde_json::json!({
        "id": "https://lieu.example/places/epn",
        "type": "Organization",
        "preferredUsername": "epn",
        "name": "EPN",
        "summary": "<p>Ateliers</p>",
        "url": "https://lieu.example/places/epn",
        "inbox": "https://lieu.example/places/epn/inbox",
        "outbox": "https://lieu.example/places/epn/outbox",
        "followers": "https://lieu.example/places/epn/followers",
        "following": "https://lieu.example/places/epn/following",
        "endpoints": { "sharedInbox": "https://lieu.example/inbox" },
        "publicKey": { "id": "https://lieu.example/places/epn#main-key", "owner": "https://lieu.example/places/epn", "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n" },
        "manuallyApprovesFollowers": false,
        "discoverable": true,
        "indexable": true,
        "attachment": [{ "type": "PropertyValue", "name": "Adresse", "value": "1 rue A, 51100 Reims" }],
        "location": { "type": "Place", "name": "EPN", "address": { "type": "PostalAddress", "postalCode": "51100", "addressLocality": "Reims", "addressCountry": "FR" }, "latitude": 49.25, "longitude": 4.03 },
        "telephone": "+33326000000",
        "openingHours": "Mo-Fr 09:00-12:00",
        "summaryMap": { "fr": "<p>Ateliers</p>", "fr-x-falc": "<p>On apprend.</p>" },
        "pivot": "43493312300029",
        "legalForm": "https://galaxie.tiers-lieux.fr/ns#legal-form/association",
        "inseeCode": "51454",
        "email": ["contact@epn.example"],
        "mobility": "fixed",
        "services": "https://lieu.example/places/epn/services",
        "serviceTypes": ["https://galaxie.tiers-lieux.fr/ns#service/aide-demarches-administratives"],
        "acceslibre": "https://acceslibre.example/erp/1",
        "bookingUrl": "https://rdv.example/"
    });
    let actor: Actor = serde_json::from_value(json.clone()).expect("parse");
    assert_eq!(serde_json::to_value(&actor).expect("serialize"), json);
}
