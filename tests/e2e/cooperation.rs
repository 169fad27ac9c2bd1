//! Cooperation between places (FEP-0837): a place of one instance publishes an offer, a place
//! of another instance answers it, the proposer accepts, and both show the agreement. The
//! directory of proposals lists and filters them; bad input gets clear errors.

use galaxie_domain::{NewPlace, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

async fn place(instance: &Instance, username: &str, name: &str, postal_code: &str, city: &str) {
    let place = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(name.into()),
        city: Some(city.into()),
        postal_code: Some(postal_code.into()),
        ..Default::default()
    })
    .expect("valid place");
    service::create_place(&instance.data, place)
        .await
        .expect("create place");
}

async fn token(instance: &Instance) -> String {
    galaxie_db::tokens::create(instance.data.db().conn(), "test")
        .await
        .expect("token")
        .1
}

async fn get_json(url: &str) -> Value {
    let response = reqwest::Client::new()
        .get(url)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK, "GET {url}");
    response.json().await.expect("json")
}

async fn an_offer_is_answered_and_agreed_across_two_instances(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    place(
        &alpha,
        "fablab",
        "Fablab de Strasbourg",
        "67000",
        "Strasbourg",
    )
    .await;
    place(&beta, "epn", "EPN de Belleville", "75020", "Paris").await;
    galaxie_tests::follow(&beta, "epn", &alpha, "fablab").await;
    let (token_a, token_b) = (token(&alpha).await, token(&beta).await);
    let client = reqwest::Client::new();

    // Bad input names every field, and nothing is published.
    let refused = client
        .post(format!("{}/api/v1/places/fablab/proposals", alpha.base))
        .bearer_auth(&token_a)
        .json(&json!({ "purpose": "troc", "kind": "nope" }))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.expect("json");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, ["purpose", "kind", "name"], "{body}");

    // The fablab says it is a member of a SCIC and works under partnership agreements; its
    // actor carries the frameworks' IRIs, and its followers get the update.
    let bad_frameworks = client
        .put(format!("{}/api/v1/places/fablab/frameworks", alpha.base))
        .bearer_auth(&token_a)
        .json(&json!({ "frameworks": ["scic", "pas-un-cadre"] }))
        .send()
        .await
        .expect("put");
    assert_eq!(bad_frameworks.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad_frameworks
            .text()
            .await
            .expect("text")
            .contains("frameworks")
    );
    let frameworks = client
        .put(format!("{}/api/v1/places/fablab/frameworks", alpha.base))
        .bearer_auth(&token_a)
        .json(&json!({ "frameworks": ["scic", "convention-partenariat"] }))
        .send()
        .await
        .expect("put");
    assert_eq!(frameworks.status(), StatusCode::OK);
    let actor: Value = client
        .get(alpha.place_url("fablab"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(
        actor["cooperationFrameworks"],
        json!([
            "https://galaxie.tiers-lieux.fr/ns#cooperation-framework/scic",
            "https://galaxie.tiers-lieux.fr/ns#cooperation-framework/convention-partenariat"
        ])
    );

    // The fablab offers its 3D printer.
    let created = client
        .post(format!("{}/api/v1/places/fablab/proposals", alpha.base))
        .bearer_auth(&token_a)
        .json(&json!({
            "purpose": "offer",
            "kind": "pret-materiel",
            "name": "Imprimante 3D le samedi",
            "content": "Prêt de notre imprimante 3D avec une formation courte.",
            "quantity": 4,
            "unit": "hour",
            "reciprocal": "Animer un atelier pour nos adhérents"
        }))
        .send()
        .await
        .expect("post");
    assert_eq!(created.status(), StatusCode::CREATED);
    let proposal: Value = created.json().await.expect("json");
    assert_eq!(
        proposal["summary"],
        "Offre de coopération — Prêt de matériel : Imprimante 3D le samedi — Fablab de Strasbourg"
    );
    assert_eq!(proposal["departement"], "67");
    let proposal_id = proposal["ap_id"].as_str().expect("ap_id").to_string();

    // Its ActivityPub shape is FEP-0837's.
    let doc: Value = client
        .get(&proposal_id)
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(doc["type"], "Proposal");
    assert_eq!(doc["purpose"], "offer");
    assert_eq!(doc["publishes"]["type"], "Intent");
    assert_eq!(doc["publishes"]["action"], "use");
    assert_eq!(
        doc["publishes"]["resourceConformsTo"],
        "https://galaxie.tiers-lieux.fr/ns#cooperation/pret-materiel"
    );
    assert_eq!(doc["publishes"]["resourceQuantity"]["hasUnit"], "hour");
    assert_eq!(
        doc["publishes"]["resourceQuantity"]["hasNumericalValue"],
        "4"
    );
    assert_eq!(doc["reciprocal"]["type"], "Intent");
    assert_eq!(doc["attributedTo"], alpha.place_url("fablab"));
    assert!(
        doc["@context"]
            .to_string()
            .contains("https://w3id.org/valueflows/ont/vf#"),
        "{doc}"
    );

    // Beta, which follows the fablab, receives it; its directory of proposals filters it.
    let listed = eventually("beta receives the proposal", WAIT, || async {
        let list = get_json(&format!(
            "{}/api/v1/proposals?purpose=offer&kind=pret-materiel&departement=67",
            beta.base
        ))
        .await;
        (list.as_array().map(Vec::len) == Some(1)).then_some(list)
    })
    .await;
    assert_eq!(listed[0]["ap_id"], proposal_id.as_str());
    assert_eq!(listed[0]["local"], false);
    assert_eq!(listed[0]["departement"], "67");
    for query in ["purpose=request", "departement=75", "kind=benevolat"] {
        let none = get_json(&format!("{}/api/v1/proposals?{query}", beta.base)).await;
        assert_eq!(none, json!([]), "{query}");
    }
    let bad = client
        .get(format!(
            "{}/api/v1/proposals?departement=999&kind=troc",
            beta.base
        ))
        .send()
        .await
        .expect("get");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let bad = bad.text().await.expect("text");
    assert!(bad.contains("departement") && bad.contains("kind"), "{bad}");

    // Answering an unknown proposal is a clear 404, and records nothing.
    let unknown = client
        .post(format!("{}/api/v1/places/epn/agreements", beta.base))
        .bearer_auth(&token_b)
        .json(&json!({ "proposal": format!("{}/proposals/0190a1b2-0000-7000-8000-000000000000", alpha.base) }))
        .send()
        .await
        .expect("post");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let missing = client
        .post(format!("{}/api/v1/places/epn/agreements", beta.base))
        .bearer_auth(&token_b)
        .json(&json!({ "message": "Bonjour" }))
        .send()
        .await
        .expect("post");
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing.text().await.expect("text").contains("proposal"),
        "the missing field is named"
    );

    // The EPN answers: an Offer of an Agreement goes to the fablab.
    let answered = client
        .post(format!("{}/api/v1/places/epn/agreements", beta.base))
        .bearer_auth(&token_b)
        .json(
            &json!({ "proposal": proposal_id, "message": "Nous animerons un atelier en échange." }),
        )
        .send()
        .await
        .expect("post");
    assert_eq!(answered.status(), StatusCode::CREATED);
    let offered: Value = answered.json().await.expect("json");
    assert_eq!(offered["status"], "pending");
    assert_eq!(offered["proposer"], alpha.place_url("fablab"));
    assert_eq!(offered["responder"], beta.place_url("epn"));

    let at_alpha = eventually("the fablab receives the offer", WAIT, || async {
        let list = get_json(&format!("{}/api/v1/places/fablab/agreements", alpha.base)).await;
        (list.as_array().map(Vec::len) == Some(1)).then_some(list)
    })
    .await;
    assert_eq!(at_alpha[0]["status"], "pending");
    assert_eq!(at_alpha[0]["ap_id"], offered["ap_id"]);
    assert!(
        at_alpha[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("atelier en échange")),
        "{at_alpha}"
    );
    let agreement_id = at_alpha[0]["id"].as_i64().expect("id");

    // Only the proposer decides: beta cannot accept its own offer.
    let beta_row = offered["id"].as_i64().expect("id");
    let not_yours = client
        .post(format!("{}/api/v1/agreements/{beta_row}/accept", beta.base))
        .bearer_auth(&token_b)
        .send()
        .await
        .expect("post");
    assert_eq!(not_yours.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The fablab accepts; the EPN learns it.
    let accepted = client
        .post(format!(
            "{}/api/v1/agreements/{agreement_id}/accept",
            alpha.base
        ))
        .bearer_auth(&token_a)
        .send()
        .await
        .expect("post");
    assert_eq!(accepted.status(), StatusCode::OK);
    let accepted: Value = accepted.json().await.expect("json");
    assert_eq!(accepted["status"], "accepted");
    eventually("the EPN learns the agreement is accepted", WAIT, || async {
        let list = get_json(&format!("{}/api/v1/places/epn/agreements", beta.base)).await;
        (list[0]["status"] == "accepted").then_some(())
    })
    .await;

    // Deciding twice is refused.
    let again = client
        .post(format!(
            "{}/api/v1/agreements/{agreement_id}/reject",
            alpha.base
        ))
        .bearer_auth(&token_a)
        .send()
        .await
        .expect("post");
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Both places' cooperation pages show the agreement.
    for (instance, username, other) in [
        (&alpha, "fablab", "EPN de Belleville"),
        (&beta, "epn", "Fablab de Strasbourg"),
    ] {
        let page = client
            .get(format!("{}/lieux/{username}/cooperation", instance.base))
            .header("accept", "text/html")
            .send()
            .await
            .expect("page");
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.expect("html");
        assert!(html.contains("Accord conclu"), "{username}: {html}");
        assert!(html.contains("Imprimante 3D le samedi"), "{username}");
        assert!(html.contains(other), "{username} names {other}");
    }
    // The public list of proposals shows the offer on beta.
    let page = client
        .get(format!("{}/cooperations?purpose=offer", beta.base))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(page.contains("Imprimante 3D le samedi"), "{page}");
    // Beta knows the fablab's frameworks from its actor's update, and shows them.
    eventually("beta shows the fablab's frameworks", WAIT, || async {
        let page = reqwest::get(format!("{}/cooperations", beta.base))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        page.contains("Sociétaire d’une SCIC").then_some(())
    })
    .await;

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}
on_both_backends!(an_offer_is_answered_and_agreed_across_two_instances);
