//! Discovery and what other servers read: WebFinger, NodeInfo, content negotiation, the place
//! actor's shape, paged collections, metrics.

use galaxie_domain::{NewNote, NewPlace, RawNote, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, on_both_backends};
use serde_json::Value;

async fn get_json(url: &str, accept: &str) -> (u16, String, Value) {
    let res = reqwest::Client::new()
        .get(url)
        .header("accept", accept)
        .send()
        .await
        .expect("get");
    let status = res.status().as_u16();
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = res.text().await.expect("text");
    (
        status,
        ct,
        serde_json::from_str(&body).unwrap_or(Value::Null),
    )
}

async fn a_place_is_discoverable_and_readable(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    let place = NewPlace::parse(RawPlace {
        username: Some("epn-saint-clair".into()),
        name: Some("EPN de Saint-Clair".into()),
        summary: Some("Ateliers numériques pour toutes et tous.".into()),
        address: Some("12 rue de Leclercq".into()),
        postal_code: Some("51100".into()),
        city: Some("Reims".into()),
        lat: Some(49.2583),
        lon: Some(4.0317),
        phone: Some("03 26 00 00 00".into()),
        website: Some("https://epn.example".into()),
        hours: Some("Mo-Fr 09:00-12:00".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, place)
        .await
        .expect("create");
    let actor_url = alpha.place_url("epn-saint-clair");

    // WebFinger.
    let (status, ct, jrd) = get_json(
        &format!(
            "{}/.well-known/webfinger?resource=acct:epn-saint-clair@localhost:{}",
            alpha.base, alpha.port
        ),
        "application/jrd+json",
    )
    .await;
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/jrd+json"));
    let self_link = jrd["links"]
        .as_array()
        .expect("links")
        .iter()
        .find(|l| l["rel"] == "self")
        .expect("self");
    assert_eq!(self_link["href"], actor_url.as_str());
    assert_eq!(self_link["type"], "application/activity+json");
    let (status, _, _) = get_json(
        &format!(
            "{}/.well-known/webfinger?resource=acct:nobody@localhost:{}",
            alpha.base, alpha.port
        ),
        "*/*",
    )
    .await;
    assert_eq!(status, 404);
    // The instance actor (FEP-d556).
    let (_, _, jrd) = get_json(
        &format!(
            "{}/.well-known/webfinger?resource={}/",
            alpha.base, alpha.base
        ),
        "*/*",
    )
    .await;
    assert_eq!(jrd["links"][0]["href"], format!("{}/actor", alpha.base));

    // NodeInfo 2.1 with the application actor (FEP-2677).
    let (_, _, links) = get_json(
        &format!("{}/.well-known/nodeinfo", alpha.base),
        "application/json",
    )
    .await;
    let nodeinfo_url = links["links"][0]["href"]
        .as_str()
        .expect("href")
        .to_string();
    assert_eq!(links["links"][1]["href"], format!("{}/actor", alpha.base));
    let (status, _, nodeinfo) = get_json(&nodeinfo_url, "application/json").await;
    assert_eq!(status, 200);
    assert_eq!(nodeinfo["version"], "2.1");
    assert_eq!(nodeinfo["software"]["name"], "galaxie");
    assert_eq!(nodeinfo["usage"]["users"]["total"], 1);
    let (_, ct, app) = get_json(
        &format!("{}/actor", alpha.base),
        "application/activity+json",
    )
    .await;
    assert!(ct.starts_with("application/activity+json"));
    assert_eq!(app["type"], "Application");
    assert!(
        app["publicKey"]["publicKeyPem"]
            .as_str()
            .expect("pem")
            .contains("PUBLIC KEY")
    );

    // Content negotiation on the actor URL.
    for accept in [
        "application/activity+json",
        "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
    ] {
        let (status, ct, actor) = get_json(&actor_url, accept).await;
        assert_eq!(status, 200, "{accept}");
        assert!(
            ct.starts_with("application/activity+json"),
            "{accept}: {ct}"
        );
        assert_eq!(actor["type"], "Organization");
    }
    let html = reqwest::Client::new()
        .get(&actor_url)
        .header("accept", "text/html")
        .send()
        .await
        .expect("get");
    assert!(
        html.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/html")
    );
    let page = html.text().await.expect("text");
    assert!(page.contains("EPN de Saint-Clair") && page.contains("<html lang=\"fr\">"));

    // The actor's shape, as DESIGN.md says.
    let (_, _, actor) = get_json(&actor_url, "application/activity+json").await;
    assert_eq!(
        actor["@context"][0],
        "https://www.w3.org/ns/activitystreams"
    );
    assert_eq!(actor["preferredUsername"], "epn-saint-clair");
    assert_eq!(actor["inbox"], format!("{actor_url}/inbox"));
    assert_eq!(actor["outbox"], format!("{actor_url}/outbox"));
    assert_eq!(actor["followers"], format!("{actor_url}/followers"));
    assert_eq!(actor["following"], format!("{actor_url}/following"));
    assert_eq!(
        actor["endpoints"]["sharedInbox"],
        format!("{}/inbox", alpha.base)
    );
    assert_eq!(actor["publicKey"]["id"], format!("{actor_url}#main-key"));
    assert_eq!(actor["publicKey"]["owner"], actor_url.as_str());
    assert_eq!(actor["discoverable"], true);
    assert_eq!(actor["indexable"], true);
    assert_eq!(actor["manuallyApprovesFollowers"], false);
    assert_eq!(actor["location"]["type"], "Place");
    assert_eq!(actor["location"]["address"]["type"], "PostalAddress");
    assert_eq!(actor["location"]["address"]["postalCode"], "51100");
    assert!(actor["location"]["latitude"].is_f64());
    assert!(actor["location"]["longitude"].is_f64());
    let names: Vec<&str> = actor["attachment"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Adresse", "Horaires", "Téléphone", "Site"]);
    assert!(
        actor["summary"]
            .as_str()
            .expect("summary")
            .contains("Ateliers numériques")
    );

    // Paged outbox: 25 notes → a first page of 20 with `next`, then 5.
    for i in 0..25 {
        let note = NewNote::parse(RawNote {
            text_falc: None,
            text: Some(format!("Actualité {i}")),
        })
        .expect("note");
        service::publish_note(&alpha.data, "epn-saint-clair", note)
            .await
            .expect("publish");
    }
    let (_, _, outbox) =
        get_json(&format!("{actor_url}/outbox"), "application/activity+json").await;
    assert_eq!(outbox["type"], "OrderedCollection");
    assert_eq!(outbox["totalItems"], 25);
    let (_, _, page1) = get_json(
        outbox["first"].as_str().expect("first"),
        "application/activity+json",
    )
    .await;
    assert_eq!(page1["type"], "OrderedCollectionPage");
    assert_eq!(page1["orderedItems"].as_array().expect("items").len(), 20);
    assert_eq!(page1["orderedItems"][0]["type"], "Create");
    assert_eq!(
        page1["orderedItems"][0]["object"]["content"],
        "<p>Actualité 24</p>"
    );
    let (_, _, page2) = get_json(
        page1["next"].as_str().expect("next"),
        "application/activity+json",
    )
    .await;
    assert_eq!(page2["orderedItems"].as_array().expect("items").len(), 5);
    assert!(page2.get("next").is_none());
    let (_, _, followers) = get_json(
        &format!("{actor_url}/followers"),
        "application/activity+json",
    )
    .await;
    assert_eq!(followers["type"], "OrderedCollection");
    assert_eq!(followers["totalItems"], 0);

    // A note's own URL, negotiated.
    let note_id = page1["orderedItems"][0]["object"]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let (status, _, note) = get_json(&note_id, "application/activity+json").await;
    assert_eq!(status, 200);
    assert_eq!(note["type"], "Note");
    assert_eq!(note["attributedTo"], actor_url.as_str());

    // The vocabulary and its pictograms.
    let (status, _, vocab) =
        get_json(&format!("{}/vocab", alpha.base), "application/ld+json").await;
    assert_eq!(status, 200);
    assert!(vocab.to_string().contains("fr-x-falc"));
    let concept = galaxie_domain::vocab::resolve(galaxie_domain::vocab::Scheme::Fee, "gratuit")
        .expect("concept");
    let svg = reqwest::get(format!(
        "{}/vocab/pictograms/{}",
        alpha.base, concept.pictogram
    ))
    .await
    .expect("get");
    assert_eq!(svg.status(), 200, "{}", concept.pictogram);
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    assert!(svg.text().await.expect("svg").contains("<title>"));

    // The JSON-LD context and metrics.
    let (_, _, ns) = get_json(&format!("{}/ns", alpha.base), "application/ld+json").await;
    assert_eq!(ns["@context"]["gx"], "https://galaxie.tiers-lieux.fr/ns#");
    let metrics = reqwest::get(format!("{}/metrics", alpha.base))
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert!(metrics.contains("galaxie_places 1"), "{metrics}");
    assert!(
        metrics.contains("galaxie_inbox_rejected_total 0"),
        "{metrics}"
    );

    alpha.stop().await;
    db.cleanup().await;
}

on_both_backends!(a_place_is_discoverable_and_readable);

async fn the_complete_profile_is_stored_and_published(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    let (_, token) = galaxie_db::tokens::create(alpha.data.db().conn(), "t")
        .await
        .expect("token");
    let client = reqwest::Client::new();
    let body = serde_json::json!({
        "username": "quincaillerie",
        "name": "La Quincaillerie numérique",
        "summary": "Formations aux outils numériques pour les personnes âgées.",
        "summary_falc": "Ici, on apprend à utiliser un ordinateur.",
        "description": "Parcours d'initiation et accompagnement.",
        "pivot": "43493312300029",
        "legal_form": "association",
        "address": "12 bis rue de Leclercq",
        "address_complement": "Le patio du bois de l'Aulne",
        "postal_code": "51100",
        "city": "Reims",
        "insee_code": "51454",
        "emails": ["contact@laquincaillerie.tl", "responsable@laquincaillerie.tl"],
        "website": "https://www.laquincaillerie.tl/",
        "other_websites": ["https://m.facebook.com/laquincaillerienumerique/"],
        "mobility": "Fixe|Itinérant",
        "parent_structure": "Ville de Reims",
        "services": ["maitrise-outils-numeriques"],
        "publics": ["seniors"],
        "other_labels": "Label et la bête",
        "acceslibre_url": "https://acceslibre.beta.gouv.fr/app/erp/mediatheque-13/",
        "booking_url": "https://www.rdv-solidarites.fr/"
    });
    let created = client
        .post(format!("{}/api/v1/places", alpha.base))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(
        created.status(),
        201,
        "{}",
        created.text().await.unwrap_or_default()
    );
    let (_, _, dto) = get_json(
        &format!("{}/api/v1/places/quincaillerie", alpha.base),
        "application/json",
    )
    .await;
    assert_eq!(dto["pivot"], "43493312300029");
    assert_eq!(dto["mobility"], "both");
    assert_eq!(dto["emails"][1], "responsable@laquincaillerie.tl");
    assert_eq!(dto["services"][0], "maitrise-outils-numeriques");
    assert_eq!(dto["insee_code"], "51454");

    let (_, _, actor) = get_json(
        &alpha.place_url("quincaillerie"),
        "application/activity+json",
    )
    .await;
    assert_eq!(actor["pivot"], "43493312300029");
    assert_eq!(actor["mobility"], "both");
    assert_eq!(actor["email"][0], "contact@laquincaillerie.tl");
    assert_eq!(
        actor["summaryMap"]["fr-x-falc"],
        "<p>Ici, on apprend à utiliser un ordinateur.</p>"
    );
    assert!(
        actor["serviceTypes"][0]
            .as_str()
            .expect("iri")
            .starts_with("https://galaxie.tiers-lieux.fr/ns#")
    );
    assert_eq!(
        actor["services"],
        format!("{}/services", alpha.place_url("quincaillerie"))
    );
    assert_eq!(
        actor["acceslibre"],
        "https://acceslibre.beta.gouv.fr/app/erp/mediatheque-13/"
    );
    assert_eq!(
        actor["content"],
        "<p>Parcours d&#39;initiation et accompagnement.</p>"
    );

    // An invalid SIRET is refused with the field named, and nothing is stored.
    let mut bad = body.clone();
    bad["username"] = serde_json::json!("autre");
    bad["pivot"] = serde_json::json!("43493312300028");
    bad["insee_code"] = serde_json::json!("20004");
    let refused = client
        .post(format!("{}/api/v1/places", alpha.base))
        .bearer_auth(&token)
        .json(&bad)
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 422);
    let errors: Value = refused.json().await.expect("json");
    let fields: Vec<&str> = errors["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["field"].as_str().expect("f"))
        .collect();
    assert_eq!(fields, ["pivot", "insee_code"]);
    assert_eq!(
        galaxie_db::places::list(alpha.data.db().conn())
            .await
            .expect("list")
            .len(),
        1
    );
    alpha.stop().await;
    db.cleanup().await;
}

on_both_backends!(the_complete_profile_is_stored_and_published);
