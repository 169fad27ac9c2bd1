//! The code source of a tiers-lieu: a place of one instance publishes its governance and a
//! recipe as openly licensed articles; a new place of another instance starts from them
//! (API and CLI), attribution and licence kept; the origin verifies and lists its forks.
//! Material that does not allow derivatives, bad usernames and unknown places are refused.

use galaxie::cli::{Command, PlaceCommand};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends, test_config};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

async fn token(instance: &Instance) -> String {
    galaxie_db::tokens::create(instance.data.db().conn(), "test")
        .await
        .expect("token")
        .1
}

async fn article(instance: &Instance, token: &str, place: &str, body: Value) -> Value {
    let response = reqwest::Client::new()
        .post(format!(
            "{}/api/v1/places/{place}/source-code",
            instance.base
        ))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.expect("json")
}

async fn a_place_is_forked_across_instances_with_attribution(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("ressourcerie").await;
    alpha.create_place("charte-fermee").await;
    let (token_a, token_b) = (token(&alpha).await, token(&beta).await);
    let client = reqwest::Client::new();

    let governance = article(
        &alpha,
        &token_a,
        "ressourcerie",
        json!({ "kind": "gouvernance", "name": "Collège des usagers",
                "content": "Chaque usager a une voix à l’assemblée." }),
    )
    .await;
    assert_eq!(
        governance["license"],
        "https://creativecommons.org/licenses/by-sa/4.0/"
    );
    article(
        &alpha,
        &token_a,
        "ressourcerie",
        json!({ "kind": "recette", "name": "Réparer un grille-pain",
                "content": "Débrancher, ouvrir, nettoyer.", "license": "CC-BY-4.0" }),
    )
    .await;
    article(
        &alpha,
        &token_a,
        "charte-fermee",
        json!({ "kind": "charte", "name": "Notre charte", "content": "Ne pas modifier.",
                "license": "CC-BY-ND-4.0" }),
    )
    .await;
    let bad_article = client
        .post(format!(
            "{}/api/v1/places/ressourcerie/source-code",
            alpha.base
        ))
        .bearer_auth(&token_a)
        .json(&json!({ "kind": "secret", "name": "x", "content": "y", "license": "MIT-ish" }))
        .send()
        .await
        .expect("post");
    assert_eq!(bad_article.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The actor links its code source and its forks.
    let actor: Value = client
        .get(alpha.place_url("ressourcerie"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(
        actor["sourceCode"],
        format!("{}/places/ressourcerie/source-code", alpha.base)
    );

    // Bad input: a bad username, an unknown place, material that forbids derivatives.
    let fork = |body: Value| {
        let client = client.clone();
        let token = token_b.clone();
        let url = format!("{}/api/v1/forks", beta.base);
        async move {
            client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .expect("post")
        }
    };
    let bad_name =
        fork(json!({ "source": alpha.handle("ressourcerie"), "username": "Pas Bon!" })).await;
    assert_eq!(bad_name.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_name.text().await.expect("text").contains("username"));
    let unknown = fork(json!({ "source": alpha.handle("personne"), "username": "nouveau" })).await;
    assert!(
        matches!(
            unknown.status(),
            StatusCode::NOT_FOUND | StatusCode::UNPROCESSABLE_ENTITY
        ),
        "{}",
        unknown.status()
    );
    let nd = fork(json!({ "source": alpha.handle("charte-fermee"), "username": "nouveau" })).await;
    assert_eq!(nd.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let nd = nd.text().await.expect("text");
    assert!(nd.contains("does not allow derivatives"), "{nd}");
    assert!(
        galaxie_db::places::by_username(beta.data.db().conn(), "nouveau")
            .await
            .expect("query")
            .is_none(),
        "a refused fork creates nothing"
    );

    // Beta starts a new place from the ressourcerie's code source.
    let forked =
        fork(json!({ "source": alpha.handle("ressourcerie"), "username": "nouveau" })).await;
    assert_eq!(forked.status(), StatusCode::CREATED);
    let forked: Value = forked.json().await.expect("json");
    assert_eq!(forked["origin"], alpha.place_url("ressourcerie"));
    let articles = forked["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["kind"], "gouvernance");
    assert_eq!(articles[0]["fork_of"], governance["ap_id"]);
    assert_eq!(
        articles[0]["original_author"],
        alpha.place_url("ressourcerie")
    );
    assert_eq!(articles[0]["license"], governance["license"]);
    assert_eq!(
        articles[1]["license"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    let credit = articles[0]["content"].as_str().expect("content");
    assert!(credit.contains("Chaque usager a une voix"), "{credit}");
    assert!(
        credit.contains("D’après") && credit.contains("CC BY-SA 4.0"),
        "{credit}"
    );

    // The fork's own collection carries gx:forkOf on the wire.
    let collection: Value = client
        .get(format!("{}/places/nouveau/source-code", beta.base))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(collection["orderedItems"][0]["forkOf"], governance["ap_id"]);
    assert_eq!(
        collection["orderedItems"][0]["license"],
        governance["license"]
    );

    // The origin is told, checks the articles point back, and lists its fork.
    let forks = eventually("the origin lists its fork", WAIT, || async {
        let list: Value = reqwest::get(format!("{}/api/v1/places/ressourcerie/forks", alpha.base))
            .await
            .ok()?
            .json()
            .await
            .ok()?;
        (list.as_array().map(Vec::len) == Some(1)).then_some(list)
    })
    .await;
    assert_eq!(forks[0]["actor"], beta.place_url("nouveau"));
    let page = client
        .get(format!("{}/lieux/ressourcerie/code-source", alpha.base))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.expect("html");
    assert!(page.contains("Collège des usagers"), "{page}");
    assert!(
        page.contains(&beta.place_url("nouveau")),
        "the page shows the fork"
    );

    // The CLI does the same, and refuses a bad username as a usage error.
    galaxie::cli::run(
        Command::Place(PlaceCommand::Fork {
            source: alpha.place_url("ressourcerie"),
            username: "autre-lieu".into(),
            name: Some("Autre lieu".into()),
        }),
        test_config(beta.port, &db_b.url),
    )
    .await
    .expect("cli fork");
    let err = galaxie::cli::run(
        Command::Place(PlaceCommand::Fork {
            source: alpha.place_url("ressourcerie"),
            username: "autre lieu".into(),
            name: None,
        }),
        test_config(beta.port, &db_b.url),
    )
    .await
    .expect_err("bad username");
    assert!(
        matches!(err, galaxie::cli::CliError::Invalid(ref why) if why.contains("username")),
        "{err}"
    );
    eventually("the origin lists both forks", WAIT, || async {
        let list: Value = reqwest::get(format!("{}/api/v1/places/ressourcerie/forks", alpha.base))
            .await
            .ok()?
            .json()
            .await
            .ok()?;
        (list.as_array().map(Vec::len) == Some(2)).then_some(())
    })
    .await;

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}
on_both_backends!(a_place_is_forked_across_instances_with_attribution);
