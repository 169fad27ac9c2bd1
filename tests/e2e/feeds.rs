//! Feeds for readers, calendars and maps: Atom, RSS, JSON Feed, iCalendar and GeoJSON of a
//! place and of the instance, parsed back with the crates that wrote them; revalidation with
//! `If-None-Match`; the FEP-a5c5 `.atom`/`.rss` suffixes; a deleted event leaves the calendar.

use chrono::{DateTime, Utc};
use galaxie_domain::{NewEvent, NewNote, NewPlace, RawEvent, RawNote, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, on_both_backends};
use galaxie_web::routes::feeds::{atom_syndication, geojson, icalendar, rss};
use serde_json::Value;

struct Fetched {
    status: u16,
    content_type: String,
    etag: Option<String>,
    last_modified: Option<String>,
    cache_control: Option<String>,
    body: String,
}

async fn fetch(url: &str, if_none_match: Option<&str>) -> Fetched {
    let mut request = reqwest::Client::new().get(url);
    if let Some(tag) = if_none_match {
        request = request.header("if-none-match", tag);
    }
    let res = request.send().await.expect("get");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    Fetched {
        status: res.status().as_u16(),
        content_type: header("content-type").unwrap_or_default(),
        etag: header("etag"),
        last_modified: header("last-modified"),
        cache_control: header("cache-control"),
        body: res.text().await.expect("body"),
    }
}

async fn fetch_ok(url: &str, media_type: &str) -> Fetched {
    let fetched = fetch(url, None).await;
    assert_eq!(fetched.status, 200, "{url}: {}", fetched.body);
    assert!(
        fetched.content_type.starts_with(media_type),
        "{url}: {}",
        fetched.content_type
    );
    assert_eq!(
        fetched.cache_control.as_deref(),
        Some("public, max-age=300")
    );
    assert!(fetched.etag.is_some(), "{url}: no ETag");
    assert!(fetched.last_modified.is_some(), "{url}: no Last-Modified");
    fetched
}

fn utc(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("date")
        .with_timezone(&Utc)
}

/// The media type a feed URL is announced with.
fn media_type(href: &str) -> &'static str {
    match href.rsplit('.').next() {
        Some("atom") => "application/atom+xml",
        Some("rss") => "application/rss+xml",
        Some("json") => "application/feed+json",
        _ => "text/calendar",
    }
}

/// The VEVENT of a parsed calendar whose UID is `uid`.
fn find_event<'a>(
    calendar: &'a icalendar::parser::Calendar<'a>,
    uid: &str,
) -> Option<&'a icalendar::parser::Component<'a>> {
    calendar
        .components
        .iter()
        .find(|c| c.name == "VEVENT" && c.find_prop("UID").map(|p| p.val.as_str()) == Some(uid))
}

async fn every_feed_shows_the_notes_and_events_of_a_place(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    let place = NewPlace::parse(RawPlace {
        username: Some("tiers-lieu-fabrique".into()),
        name: Some("La Fabrique du Coin".into()),
        summary: Some("Atelier partagé, café associatif et repair café.".into()),
        address: Some("3 place du Marché".into()),
        postal_code: Some("35000".into()),
        city: Some("Rennes".into()),
        lat: Some(48.1113),
        lon: Some(-1.6800),
        phone: Some("02 99 00 00 00".into()),
        website: Some("https://fabrique.example".into()),
        hours: Some("Tu-Sa 10:00-18:00".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, place)
        .await
        .expect("create place");
    // A place without coordinates stays off the map.
    let elsewhere = NewPlace::parse(RawPlace {
        username: Some("sans-adresse".into()),
        name: Some("Sans adresse".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, elsewhere)
        .await
        .expect("create place");
    let actor = alpha.place_url("tiers-lieu-fabrique");

    let note_text = "Le repair café rouvre samedi : venez avec vos grille-pain, vos lampes et vos vélos, on répare ensemble !";
    let note = service::publish_note(
        &alpha.data,
        "tiers-lieu-fabrique",
        NewNote::parse(RawNote {
            text: Some(note_text.into()),
            text_falc: None,
        })
        .expect("note"),
    )
    .await
    .expect("publish note");
    let event = service::publish_event(
        &alpha.data,
        "tiers-lieu-fabrique",
        NewEvent::parse(RawEvent {
            name: Some("Atelier vélo".into()),
            summary: Some("Réparer son vélo, avec des outils partagés.".into()),
            start: Some("2027-07-03T10:00:00+02:00".into()),
            end: Some("2027-07-03T12:30:00+02:00".into()),
            timezone: Some("Europe/Paris".into()),
            location_name: Some("Cour de la Fabrique".into()),
            address: Some("3 place du Marché".into()),
            postal_code: Some("35000".into()),
            city: Some("Rennes".into()),
            lat: Some(48.1113),
            lon: Some(-1.68),
            price: Some("gratuit".into()),
            ..Default::default()
        })
        .expect("event"),
    )
    .await
    .expect("publish event");
    let event_summary = event.summary.clone().expect("summary line");
    assert!(event_summary.starts_with("Atelier vélo — sam. 3 juil. 10h–12h30"));

    // Atom.
    let atom_url = format!("{actor}/feed.atom");
    let atom = fetch_ok(&atom_url, "application/atom+xml").await;
    let feed = atom_syndication::Feed::read_from(atom.body.as_bytes()).expect("atom");
    assert_eq!(feed.title.value, "La Fabrique du Coin");
    assert_eq!(feed.id, atom_url);
    assert!(
        feed.links
            .iter()
            .any(|l| l.rel == "self" && l.href == atom_url)
    );
    assert_eq!(feed.authors[0].uri.as_deref(), Some(actor.as_str()));
    assert_eq!(feed.entries.len(), 2);
    // Newest first: the event was published after the note.
    let (event_entry, note_entry) = (&feed.entries[0], &feed.entries[1]);
    assert_eq!(event_entry.id, event.ap_id);
    assert_eq!(event_entry.title.value, "Atelier vélo");
    assert_eq!(
        event_entry.summary.as_ref().map(|s| s.value.as_str()),
        Some(event_summary.as_str())
    );
    assert_eq!(event_entry.links[0].href, event.ap_id);
    assert_eq!(
        event_entry.published.map(|d| d.timestamp()),
        Some(event.published.timestamp())
    );
    assert_eq!(event_entry.authors[0].name, "La Fabrique du Coin");
    assert!(
        event_entry
            .content
            .as_ref()
            .and_then(|c| c.value.as_deref())
            .is_some_and(|c| c.contains("outils partagés"))
    );
    assert_eq!(note_entry.id, note.ap_id);
    assert!(
        note_entry
            .title
            .value
            .starts_with("Le repair café rouvre samedi")
            && note_entry.title.value.ends_with('…')
            && note_entry.title.value.chars().count() <= 81,
        "{}",
        note_entry.title.value
    );
    assert_eq!(
        note_entry.content.as_ref().and_then(|c| c.value.as_deref()),
        note.content.as_deref()
    );

    // Revalidation: the same ETag gives 304 and no body; another gives the document.
    let etag = atom.etag.clone().expect("etag");
    let again = fetch(&atom_url, Some(&etag)).await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(again.etag.as_deref(), Some(etag.as_str()));
    assert_eq!(fetch(&atom_url, Some("\"autre\"")).await.status, 200);
    let head = reqwest::Client::new()
        .head(&atom_url)
        .send()
        .await
        .expect("head");
    assert_eq!(head.status(), 200);
    assert_eq!(
        head.headers().get("etag").and_then(|v| v.to_str().ok()),
        Some(etag.as_str())
    );

    // FEP-a5c5: the actor URL with `.atom` is the same feed.
    let suffixed = fetch_ok(&format!("{actor}.atom"), "application/atom+xml").await;
    assert_eq!(suffixed.body, atom.body);

    // RSS 2.0, and its `.rss` alias.
    let rss_url = format!("{actor}/feed.rss");
    let rss_doc = fetch_ok(&rss_url, "application/rss+xml").await;
    let channel = rss::Channel::read_from(rss_doc.body.as_bytes()).expect("rss");
    assert_eq!(channel.title, "La Fabrique du Coin");
    assert_eq!(channel.link, actor);
    assert_eq!(channel.extensions["atom"]["link"][0].attrs["href"], rss_url);
    assert_eq!(channel.items.len(), 2);
    let item = &channel.items[0];
    assert_eq!(item.title.as_deref(), Some("Atelier vélo"));
    assert_eq!(item.link.as_deref(), Some(event.ap_id.as_str()));
    assert_eq!(
        item.guid.as_ref().map(|g| g.value.as_str()),
        Some(event.ap_id.as_str())
    );
    assert_eq!(item.description.as_deref(), Some(event_summary.as_str()));
    let pub_date =
        DateTime::parse_from_rfc2822(item.pub_date.as_deref().expect("pubDate")).expect("RFC 2822");
    assert_eq!(pub_date.timestamp(), event.published.timestamp());
    assert_eq!(
        item.dublin_core_ext.as_ref().map(|dc| dc.creators.clone()),
        Some(vec!["La Fabrique du Coin".to_string()])
    );
    assert_eq!(channel.items[1].link.as_deref(), Some(note.ap_id.as_str()));
    let suffixed = fetch_ok(&format!("{actor}.rss"), "application/rss+xml").await;
    assert_eq!(suffixed.body, rss_doc.body);

    // JSON Feed 1.1.
    let json_url = format!("{actor}/feed.json");
    let json = fetch_ok(&json_url, "application/feed+json").await;
    let json: Value = serde_json::from_str(&json.body).expect("json");
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["title"], "La Fabrique du Coin");
    assert_eq!(json["feed_url"], json_url.as_str());
    assert_eq!(json["home_page_url"], actor.as_str());
    assert_eq!(json["items"][0]["id"], event.ap_id.as_str());
    assert_eq!(json["items"][0]["url"], event.ap_id.as_str());
    assert_eq!(json["items"][0]["title"], "Atelier vélo");
    assert_eq!(json["items"][0]["summary"], event_summary.as_str());
    assert_eq!(json["items"][0]["authors"][0]["url"], actor.as_str());
    let published = json["items"][0]["date_published"].as_str().expect("date");
    assert_eq!(utc(published).timestamp(), event.published.timestamp());
    assert_eq!(json["items"][1]["id"], note.ap_id.as_str());
    assert_eq!(
        json["items"][1]["content_html"],
        note.content.as_deref().expect("html")
    );

    // iCalendar: the event in its zone, with the zone's definition.
    let ics_url = format!("{actor}/events.ics");
    let ics = fetch_ok(&ics_url, "text/calendar").await;
    assert!(ics.content_type.contains("charset=utf-8"));
    assert!(ics.body.contains("\r\n"), "lines end with CRLF");
    let unfolded = icalendar::parser::unfold(&ics.body);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("ics");
    let vtimezone = calendar
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .expect("VTIMEZONE");
    assert_eq!(
        vtimezone.find_prop("TZID").map(|p| p.val.as_str()),
        Some("Europe/Paris")
    );
    let observances: Vec<&str> = vtimezone
        .components
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert!(observances.contains(&"STANDARD") && observances.contains(&"DAYLIGHT"));
    assert!(vtimezone.components.iter().any(|c| c.name == "DAYLIGHT"
        && c.find_prop("DTSTART").map(|p| p.val.as_str()) == Some("20270328T020000")
        && c.find_prop("TZOFFSETTO").map(|p| p.val.as_str()) == Some("+0200")));
    let vevent = find_event(&calendar, &event.ap_id).expect("VEVENT");
    let dtstart = vevent.find_prop("DTSTART").expect("DTSTART");
    assert_eq!(dtstart.val.as_str(), "20270703T100000");
    assert_eq!(
        dtstart
            .params
            .iter()
            .find(|p| p.key == "TZID")
            .and_then(|p| p.val.as_ref())
            .map(|v| v.as_str()),
        Some("Europe/Paris")
    );
    assert_eq!(
        vevent.find_prop("DTEND").map(|p| p.val.as_str()),
        Some("20270703T123000")
    );
    assert_eq!(
        vevent.find_prop("SUMMARY").map(|p| p.val.as_str()),
        Some("Atelier vélo")
    );
    assert_eq!(
        vevent.find_prop("URL").map(|p| p.val.as_str()),
        Some(event.ap_id.as_str())
    );
    assert_eq!(
        vevent.find_prop("GEO").map(|p| p.val.as_str()),
        Some("48.1113;-1.68")
    );
    let location = vevent.find_prop("LOCATION").expect("LOCATION");
    assert!(location.val.as_str().contains("Cour de la Fabrique"));
    assert!(location.val.as_str().contains("35000 Rennes"));
    let description = vevent.find_prop("DESCRIPTION").expect("DESCRIPTION");
    assert!(description.val.as_str().contains("outils partagés"));
    assert!(!description.val.as_str().contains("<p>"));
    assert!(vevent.find_prop("DTSTAMP").is_some());
    let name = calendar
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME");
    assert_eq!(name.map(|p| p.val.as_str()), Some("La Fabrique du Coin"));
    // The note is not an event.
    assert!(find_event(&calendar, &note.ap_id).is_none());

    // The instance's feeds carry every place's posts.
    let instance_atom =
        fetch_ok(&format!("{}/feed.atom", alpha.base), "application/atom+xml").await;
    let instance_feed =
        atom_syndication::Feed::read_from(instance_atom.body.as_bytes()).expect("atom");
    let ids: Vec<&str> = instance_feed
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, [event.ap_id.as_str(), note.ap_id.as_str()]);
    assert_eq!(
        instance_feed.entries[0].authors[0].uri.as_deref(),
        Some(actor.as_str())
    );
    let instance_rss = fetch_ok(&format!("{}/feed.rss", alpha.base), "application/rss+xml").await;
    assert_eq!(
        rss::Channel::read_from(instance_rss.body.as_bytes())
            .expect("rss")
            .items
            .len(),
        2
    );
    let instance_json = fetch_ok(
        &format!("{}/feed.json", alpha.base),
        "application/feed+json",
    )
    .await;
    let instance_json: Value = serde_json::from_str(&instance_json.body).expect("json");
    assert_eq!(instance_json["items"][0]["id"], event.ap_id.as_str());
    let instance_ics = fetch_ok(&format!("{}/events.ics", alpha.base), "text/calendar").await;
    let unfolded = icalendar::parser::unfold(&instance_ics.body);
    let instance_calendar = icalendar::parser::read_calendar(&unfolded).expect("ics");
    assert!(find_event(&instance_calendar, &event.ap_id).is_some());

    // GeoJSON: the places with coordinates, as [lon, lat].
    let map = fetch_ok(
        &format!("{}/places.geojson", alpha.base),
        "application/geo+json",
    )
    .await;
    let geojson::GeoJson::FeatureCollection(places) =
        map.body.parse::<geojson::GeoJson>().expect("geojson")
    else {
        panic!("not a FeatureCollection: {}", map.body);
    };
    assert_eq!(places.features.len(), 1);
    let feature = &places.features[0];
    let Some(geojson::Value::Point(position)) = feature.geometry.as_ref().map(|g| &g.value) else {
        panic!("not a point: {feature:?}");
    };
    assert_eq!(position, &vec![-1.68, 48.1113]);
    assert_eq!(
        feature.property("username"),
        Some(&Value::from("tiers-lieu-fabrique"))
    );
    assert_eq!(
        feature.property("name"),
        Some(&Value::from("La Fabrique du Coin"))
    );
    assert_eq!(
        feature.property("handle"),
        Some(&Value::from(alpha.handle("tiers-lieu-fabrique")))
    );
    assert_eq!(
        feature.property("actor"),
        Some(&Value::from(actor.as_str()))
    );
    assert_eq!(feature.property("city"), Some(&Value::from("Rennes")));
    assert_eq!(feature.property("postal_code"), Some(&Value::from("35000")));
    assert_eq!(
        feature.property("opening_hours"),
        Some(&Value::from("Tu-Sa 10:00-18:00"))
    );

    // The place page announces its feeds.
    let page = reqwest::Client::new()
        .get(&actor)
        .header("accept", "text/html")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    for href in [&atom_url, &rss_url, &json_url, &ics_url] {
        assert!(
            page.contains(&format!(
                r#"rel="alternate" type="{}" href="{href}""#,
                media_type(href)
            )),
            "{href} not announced in {page}"
        );
    }
    assert!(page.contains(r#"type="application/activity+json""#));

    // Unknown places are 404 JSON, like the rest of the API.
    for url in [
        format!("{}/places/personne/feed.atom", alpha.base),
        format!("{}/places/personne.rss", alpha.base),
        format!("{}/places/personne/events.ics", alpha.base),
    ] {
        let missing = fetch(&url, None).await;
        assert_eq!(missing.status, 404, "{url}");
        assert!(
            missing.content_type.starts_with("application/json"),
            "{url}"
        );
    }

    // A deleted event leaves the calendar (and the feeds); the ETag changes.
    let ics_etag = ics.etag.clone().expect("etag");
    service::delete_object(&alpha.data, event.id)
        .await
        .expect("delete");
    let after = fetch(&ics_url, Some(&ics_etag)).await;
    assert_eq!(after.status, 200, "the calendar changed");
    let unfolded = icalendar::parser::unfold(&after.body);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("ics");
    assert!(
        find_event(&calendar, &event.ap_id).is_none(),
        "{}",
        after.body
    );
    assert!(
        !after.body.contains("VTIMEZONE"),
        "no event uses a zone any more"
    );
    let atom = fetch_ok(&atom_url, "application/atom+xml").await;
    let feed = atom_syndication::Feed::read_from(atom.body.as_bytes()).expect("atom");
    let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [note.ap_id.as_str()]);

    alpha.stop().await;
    db.cleanup().await;
}

on_both_backends!(every_feed_shows_the_notes_and_events_of_a_place);
