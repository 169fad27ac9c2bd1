//! Regional labels: three instances — a network, a member place, and a reader that follows
//! the network. The network defines a label (CLI), the place applies with its answers, the
//! network grants it; the signed attestation reaches the place and the reader and verifies
//! there (`galaxie label verify`, exit 0). A tampered copy fails; a revoked one fails on
//! every instance; an expired one fails; bad input is refused naming the field.

use galaxie::cli::{CliError, Command};
use galaxie::label_cli::LabelCommand;
use galaxie_db::entities::label_applications::ApplicationStatus;
use galaxie_db::networks::JoinPolicy;
use galaxie_domain::{NewPlace, RawPlace};
use galaxie_federation::{label, network, service};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends, test_config};
use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

async fn cli(instance: &Instance, command: LabelCommand) -> Result<(), CliError> {
    // Boxed: the CLI's future is large for a test thread's stack.
    Box::pin(galaxie::cli::run(
        Command::Label(command),
        test_config(instance.port, &instance.db_url),
    ))
    .await
}

fn invalid_on(result: Result<(), CliError>, field: &str) {
    match result {
        Err(CliError::Invalid(why)) => assert!(why.contains(field), "{field}: {why}"),
        other => panic!("expected a usage error on {field}, got {other:?}"),
    }
}

async fn verify(instance: &Instance, attestation: &str) -> Result<(), String> {
    cli(
        instance,
        LabelCommand::Verify {
            attestation: attestation.into(),
        },
    )
    .await
    .map_err(|e| e.to_string())
}

async fn a_label_verifies_across_instances_until_revoked(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let net = Instance::start(&dbs[0].url).await;
    let alpha = Instance::start(&dbs[1].url).await;
    let reader = Instance::start(&dbs[2].url).await;
    let new = NewPlace::parse(RawPlace {
        username: Some("grand-est".into()),
        name: Some("Réseau des tiers-lieux du Grand Est".into()),
        ..Default::default()
    })
    .expect("network");
    network::create(&net.data, new, JoinPolicy::Open)
        .await
        .expect("create network");
    for username in ["epn", "intrus"] {
        let new = NewPlace::parse(RawPlace {
            username: Some(username.into()),
            name: Some(format!("EPN {username}")),
            ..Default::default()
        })
        .expect("place");
        service::create_place(&alpha.data, new)
            .await
            .expect("create place");
    }
    reader.create_place("lecteur").await;
    galaxie_tests::follow(&reader, "lecteur", &net, "grand-est").await;
    network::join(&alpha.data, "epn", &net.handle("grand-est"))
        .await
        .expect("join");
    let network_url = net.place_url("grand-est");
    let epn_url = alpha.place_url("epn");
    eventually("epn is a member on both sides", WAIT, || async {
        let place = galaxie_db::places::get_by_username(alpha.data.db().conn(), "epn")
            .await
            .ok()?;
        let m = galaxie_db::networks::membership(alpha.data.db().conn(), place.id, &network_url)
            .await
            .ok()??;
        (m.status == galaxie_db::entities::network_members::MemberStatus::Accepted).then_some(())
    })
    .await;

    // Define: bad input names the field; then the label.
    invalid_on(
        cli(
            &net,
            LabelCommand::Define {
                network: "grand-est".into(),
                slug: "Pas Bon".into(),
                name: "X".into(),
                criteria: vec![],
                validity_months: None,
            },
        )
        .await,
        "slug",
    );
    invalid_on(
        cli(
            &net,
            LabelCommand::Define {
                network: "inconnu".into(),
                slug: "solidaire".into(),
                name: "X".into(),
                criteria: vec![],
                validity_months: None,
            },
        )
        .await,
        "network",
    );
    cli(
        &net,
        LabelCommand::Define {
            network: "grand-est".into(),
            slug: "solidaire".into(),
            name: "Lieu numérique solidaire".into(),
            criteria: vec![
                "Accueil gratuit et sans condition".into(),
                "Au moins 20 heures d'ouverture par semaine".into(),
            ],
            validity_months: Some("24".into()),
        },
    )
    .await
    .expect("define");
    let label_url = format!("{network_url}/labels/solidaire");

    // The network publishes its Ed25519 key on its actor (FEP-521a).
    let actor: Value = reqwest::Client::new()
        .get(&network_url)
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get actor")
        .json()
        .await
        .expect("actor json");
    let method = &actor["assertionMethod"][0];
    assert_eq!(method["type"], "Multikey");
    assert_eq!(method["controller"], network_url.as_str());
    assert_eq!(method["id"], format!("{network_url}#ed25519-key"));
    assert!(
        method["publicKeyMultibase"]
            .as_str()
            .is_some_and(|k| k.starts_with("z6Mk")),
        "{method}"
    );

    // Apply: one answer per criterion, members only.
    let label = url::Url::parse(&label_url).expect("url");
    let err = Box::pin(label::apply(&alpha.data, "epn", &label, &["oui".into()]))
        .await
        .expect_err("one answer is missing");
    assert!(err.to_string().contains("answers"), "{err}");
    let err = Box::pin(label::apply(
        &alpha.data,
        "intrus",
        &label,
        &["oui".into(), "oui".into()],
    ))
    .await
    .expect_err("not a member");
    assert!(err.to_string().contains("place"), "{err}");
    let unknown = url::Url::parse(&format!("{network_url}/labels/inconnu")).expect("url");
    let err = Box::pin(label::apply(
        &alpha.data,
        "epn",
        &unknown,
        &["oui".into(), "oui".into()],
    ))
    .await
    .expect_err("unknown label");
    assert!(err.to_string().contains("label"), "{err}");
    cli(
        &alpha,
        LabelCommand::Apply {
            place: "epn".into(),
            label: label_url.clone(),
            answers: vec![
                "Oui, l'accueil est gratuit".into(),
                "Du mardi au samedi, 28 h".into(),
            ],
        },
    )
    .await
    .expect("apply");
    eventually("the network has the application", WAIT, || async {
        let pending = label::applications(&net.data, "grand-est", "solidaire", true)
            .await
            .ok()?;
        (pending.len() == 1
            && pending[0].applicant_ap_id == epn_url
            && pending[0].answer_list()[1] == "Du mardi au samedi, 28 h")
            .then_some(())
    })
    .await;

    // Grant: bad dates are refused, naming the field.
    invalid_on(
        cli(
            &net,
            LabelCommand::Grant {
                network: "grand-est".into(),
                slug: "solidaire".into(),
                place: alpha.handle("epn"),
                until: Some("31/12/2030".into()),
                from: None,
            },
        )
        .await,
        "until",
    );
    invalid_on(
        cli(
            &net,
            LabelCommand::Grant {
                network: "grand-est".into(),
                slug: "inconnu".into(),
                place: alpha.handle("epn"),
                until: None,
                from: None,
            },
        )
        .await,
        "slug",
    );
    invalid_on(
        cli(
            &net,
            LabelCommand::Grant {
                network: "grand-est".into(),
                slug: "solidaire".into(),
                place: alpha.handle("intrus"),
                until: None,
                from: None,
            },
        )
        .await,
        "place",
    );
    let until = (chrono::Utc::now() + chrono::Duration::days(400))
        .format("%Y-%m-%d")
        .to_string();
    cli(
        &net,
        LabelCommand::Grant {
            network: "grand-est".into(),
            slug: "solidaire".into(),
            place: alpha.handle("epn"),
            until: Some(until),
            from: None,
        },
    )
    .await
    .expect("grant");
    let issued = galaxie_db::labels::held_by(net.data.db().conn(), &epn_url)
        .await
        .expect("held")
        .pop()
        .expect("issued");
    let attestation_url = issued.ap_id.clone();

    // The attestation reaches the place and the reader, verified; the place's application
    // is approved.
    for (who, instance) in [("the place", &alpha), ("the reader", &reader)] {
        eventually(&format!("{who} holds the attestation"), WAIT, || async {
            galaxie_db::labels::attestation(instance.data.db().conn(), &attestation_url)
                .await
                .ok()?
                .filter(|a| a.is_valid_at(galaxie_db::now()) && !a.issued_here)
                .map(|_| ())
        })
        .await;
    }
    eventually("the place's application is approved", WAIT, || async {
        let apps = galaxie_db::labels::applications_of(alpha.data.db().conn(), &epn_url)
            .await
            .ok()?;
        (apps.len() == 1
            && apps[0].status == ApplicationStatus::Approved
            && apps[0].attestation_ap_id.as_deref() == Some(attestation_url.as_str()))
        .then_some(())
    })
    .await;
    let stored = galaxie_db::labels::attestation(reader.data.db().conn(), &attestation_url)
        .await
        .expect("query")
        .expect("stored");
    let document: Value = serde_json::from_str(&stored.document).expect("json");
    assert_eq!(document["proof"]["cryptosuite"], "eddsa-jcs-2022");
    assert!(
        document["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Label « Lieu numérique solidaire » — EPN epn — décerné par Réseau des tiers-lieux du Grand Est")),
        "{document}"
    );

    // An independent implementation of FEP-8b32 (bovine, Python) verifies it with the key
    // the network publishes, and refuses a changed copy.
    let interop = format!("{}/interop", env!("CARGO_MANIFEST_DIR"));
    let python = format!("{interop}/.venv/bin/python");
    assert!(
        std::path::Path::new(&python).exists(),
        "bovine is not installed: run tests/interop/setup.sh (scripts/test does)"
    );
    let scratch = tempfile::tempdir().expect("tempdir");
    let doc_file = scratch.path().join("attestation.json");
    let key_file = scratch.path().join("multikey.json");
    std::fs::write(&doc_file, &stored.document).expect("write");
    std::fs::write(&key_file, method.to_string()).expect("write");
    let output = tokio::process::Command::new(&python)
        .arg(format!("{interop}/verify_attestation.py"))
        .arg(&doc_file)
        .arg(&key_file)
        .output()
        .await
        .expect("python");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bovine: Value = serde_json::from_str(stdout.trim()).expect("bovine's answer");
    assert_eq!(bovine["controller"], network_url.as_str(), "{bovine}");
    assert!(bovine["tampered"].is_null(), "{bovine}");

    // Anyone verifies: by URL on another instance, and a copy as a file.
    verify(&reader, &attestation_url)
        .await
        .expect("valid by URL");
    verify(&alpha, &attestation_url)
        .await
        .expect("valid on the place's instance");
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("copie.json");
    std::fs::write(&copy, &stored.document).expect("write");
    verify(&reader, copy.to_str().expect("path"))
        .await
        .expect("a faithful copy is valid");

    // A tampered copy fails: a later end, or another holder.
    let mut tampered = document.clone();
    tampered["endTime"] = Value::from("2099-12-31T23:59:59Z");
    let tampered_file = dir.path().join("falsifiee.json");
    std::fs::write(&tampered_file, tampered.to_string()).expect("write");
    let why = verify(&reader, tampered_file.to_str().expect("path"))
        .await
        .expect_err("tampered");
    assert!(why.contains("signature"), "{why}");
    let mut other_holder = document.clone();
    other_holder["holder"] = Value::from(alpha.place_url("intrus"));
    std::fs::write(&tampered_file, other_holder.to_string()).expect("write");
    assert!(
        verify(&reader, tampered_file.to_str().expect("path"))
            .await
            .is_err()
    );

    // The timeline and the directory filter on the regional label, by URL or by
    // `@network@host/slug`.
    service::publish_note(
        &alpha.data,
        "epn",
        galaxie_domain::NewNote::parse(galaxie_domain::RawNote {
            text: Some("Atelier du label".into()),
            text_falc: None,
        })
        .expect("note"),
    )
    .await
    .expect("note");
    service::publish_note(
        &alpha.data,
        "intrus",
        galaxie_domain::NewNote::parse(galaxie_domain::RawNote {
            text: Some("Sans label".into()),
            text_falc: None,
        })
        .expect("note"),
    )
    .await
    .expect("note");
    let by_handle = format!("@grand-est@localhost:{}/solidaire", net.port);
    let labelled = |query: String| {
        let alpha_base = alpha.base.clone();
        async move {
            let page: Value = reqwest::get(format!("{alpha_base}/api/v1/{query}"))
                .await
                .expect("get")
                .json()
                .await
                .expect("json");
            let items = page["items"]
                .as_array()
                .cloned()
                .unwrap_or_else(|| panic!("{page}"));
            items
                .iter()
                .map(|i| {
                    i["attributed_to"]
                        .as_str()
                        .or(i["id"].as_str())
                        .or(i["ap_id"].as_str())
                        .unwrap_or_default()
                        .to_string()
                })
                .collect::<Vec<_>>()
        }
    };
    let timeline = labelled(format!("timeline?label={label_url}")).await;
    assert_eq!(timeline.len(), 1, "{timeline:?}");
    let directory = labelled(format!("directory?label={by_handle}")).await;
    assert_eq!(directory.len(), 1, "{directory:?}");
    assert_eq!(labelled("timeline".into()).await.len(), 2);

    // The place's page shows the label, with its network and its end.
    let page = reqwest::get(format!("{}/lieux/epn", alpha.base))
        .await
        .expect("get")
        .text()
        .await
        .expect("page");
    assert!(page.contains("Lieu numérique solidaire"), "{page}");
    assert!(
        page.contains("décerné par Réseau des tiers-lieux du Grand Est"),
        "{page}"
    );

    // The API: bad input is a 422 naming the field; verification says why.
    let (_, token) = galaxie_db::tokens::create(net.data.db().conn(), "moderation")
        .await
        .expect("token");
    let client = reqwest::Client::new();
    let refused = client
        .post(format!("{}/api/v1/networks/grand-est/labels", net.base))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "slug": "Pas Bon", "name": "X", "validity_months": 0 }))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 422);
    let body = refused.text().await.expect("body");
    assert!(
        body.contains("slug") && body.contains("validity_months"),
        "{body}"
    );
    let refused = client
        .post(format!(
            "{}/api/v1/networks/grand-est/labels/solidaire/grant",
            net.base
        ))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "place": alpha.handle("epn"), "until": "demain" }))
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.expect("body").contains("until"));
    let outcome: Value = client
        .post(format!("{}/api/v1/labels/verify", reader.base))
        .json(&serde_json::json!({ "document": tampered }))
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("json");
    assert_eq!(outcome["valid"], false, "{outcome}");
    let outcome: Value = client
        .post(format!("{}/api/v1/labels/verify", reader.base))
        .json(&serde_json::json!({ "url": attestation_url }))
        .send()
        .await
        .expect("post")
        .json()
        .await
        .expect("json");
    assert_eq!(outcome["valid"], true, "{outcome}");

    // The place's labels, in the API.
    let held: Value = reqwest::get(format!("{}/api/v1/places/epn/labels", alpha.base))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(held[0]["valid"], true, "{held}");
    assert_eq!(held[0]["label_name"], "Lieu numérique solidaire");

    // An expired attestation (granted for a past period) fails, from its signed dates.
    cli(
        &net,
        LabelCommand::Grant {
            network: "grand-est".into(),
            slug: "solidaire".into(),
            place: alpha.handle("epn"),
            until: Some("2020-12-31".into()),
            from: Some("2020-01-01".into()),
        },
    )
    .await
    .expect("grant a past period");
    let past = galaxie_db::labels::held_by(net.data.db().conn(), &epn_url)
        .await
        .expect("held")
        .into_iter()
        .find(|a| a.valid_until.format("%Y").to_string() == "2020")
        .expect("past attestation");
    let why = verify(&reader, &past.ap_id).await.expect_err("expired");
    assert!(why.contains("expir"), "{why}");

    // Revoke: federated; verification fails everywhere, by URL and for the saved copy.
    cli(
        &net,
        LabelCommand::Revoke {
            network: "grand-est".into(),
            slug: "solidaire".into(),
            place: alpha.handle("epn"),
        },
    )
    .await
    .expect("revoke");
    for (who, instance) in [("the place", &alpha), ("the reader", &reader)] {
        eventually(&format!("{who} learns of the revocation"), WAIT, || async {
            galaxie_db::labels::attestation(instance.data.db().conn(), &attestation_url)
                .await
                .ok()?
                .filter(|a| a.revoked_at.is_some())
                .map(|_| ())
        })
        .await;
    }
    let why = verify(&reader, &attestation_url)
        .await
        .expect_err("revoked");
    assert!(why.contains("révoquée"), "{why}");
    let why = verify(&reader, copy.to_str().expect("path"))
        .await
        .expect_err("the saved copy is revoked too");
    assert!(why.contains("révoquée"), "{why}");
    let response = reqwest::Client::new()
        .get(&attestation_url)
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 410);
    let tombstone: Value = response.json().await.expect("json");
    assert_eq!(tombstone["type"], "Tombstone");
    assert!(tombstone["proof"]["proofValue"].is_string());
    let held: Value = reqwest::get(format!("{}/api/v1/places/epn/labels", alpha.base))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert!(
        held.as_array()
            .expect("array")
            .iter()
            .all(|a| a["valid"] == false),
        "{held}"
    );
    assert!(
        labelled(format!("timeline?label={label_url}"))
            .await
            .is_empty()
    );
    assert!(
        labelled(format!("directory?label={by_handle}"))
            .await
            .is_empty()
    );
    let page = reqwest::get(format!("{}/lieux/epn", alpha.base))
        .await
        .expect("get")
        .text()
        .await
        .expect("page");
    assert!(!page.contains("Lieu numérique solidaire"), "{page}");
    assert!(
        label::valid_labels_of(&reader.data, &epn_url)
            .await
            .expect("labels")
            .is_empty()
    );

    net.stop().await;
    alpha.stop().await;
    reader.stop().await;
    for db in dbs {
        db.cleanup().await;
    }
}

/// Runs a scenario on a runtime whose threads have 16 MiB of stack: the CLI's `run` (one
/// large `match` over every command) and the federation futures under it are polled many
/// frames deep, beyond a test thread's 2 MiB in debug builds.
async fn on_a_big_stack<F, Fut>(scenario: F)
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()>,
{
    let thread = std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(move || {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(4)
                .thread_stack_size(16 << 20)
                .enable_all()
                .build()
                .expect("runtime")
                .block_on(scenario())
        })
        .expect("thread");
    let outcome = tokio::task::spawn_blocking(move || thread.join())
        .await
        .expect("join");
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

async fn labels_scenario(backend: Backend) {
    on_a_big_stack(move || a_label_verifies_across_instances_until_revoked(backend)).await;
}

on_both_backends!(labels_scenario);

/// The label's pages in Debian's Chromium with axe-core (`tests/browser/labels.mjs`; its tools
/// come from tests/browser/setup.sh, as for `browser.rs`): a place and its network on one
/// instance, where joining and granting need no message.
async fn label_pages_pass_axe_core_in_a_real_browser(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    let new = NewPlace::parse(RawPlace {
        username: Some("reseau".into()),
        name: Some("Réseau des tiers-lieux du Grand Est".into()),
        ..Default::default()
    })
    .expect("network");
    network::create(&alpha.data, new, JoinPolicy::Open)
        .await
        .expect("create network");
    let new = NewPlace::parse(RawPlace {
        username: Some("epn".into()),
        name: Some("EPN de Saint-Clair".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, new)
        .await
        .expect("create place");
    Box::pin(network::join(&alpha.data, "epn", "reseau"))
        .await
        .expect("join");
    cli(
        &alpha,
        LabelCommand::Define {
            network: "reseau".into(),
            slug: "solidaire".into(),
            name: "Lieu numérique solidaire".into(),
            criteria: vec!["Accueil gratuit".into(), "20 heures par semaine".into()],
            validity_months: Some("24".into()),
        },
    )
    .await
    .expect("define");
    cli(
        &alpha,
        LabelCommand::Grant {
            network: "reseau".into(),
            slug: "solidaire".into(),
            place: "epn".into(),
            until: None,
            from: None,
        },
    )
    .await
    .expect("grant");
    // A second place, a member, applies in the browser (its own administration page), so
    // that the moderator's page then shows an application with its answers.
    let new = NewPlace::parse(RawPlace {
        username: Some("fablab".into()),
        name: Some("Fablab de Saint-Clair".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, new)
        .await
        .expect("create place");
    Box::pin(network::join(&alpha.data, "fablab", "reseau"))
        .await
        .expect("join");
    const EMAIL: &str = "admin@example.org";
    const PASSWORD: &str = "un mot de passe pour le navigateur";
    let hash = galaxie_site::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    galaxie_db::accounts::create(alpha.data.db().conn(), EMAIL, &hash, true)
        .await
        .expect("account");
    let attestation = galaxie_db::labels::held_by(alpha.data.db().conn(), &alpha.place_url("epn"))
        .await
        .expect("held")
        .pop()
        .expect("attestation");
    let path = url::Url::parse(&attestation.ap_id)
        .expect("url")
        .path()
        .to_string();
    galaxie_tests::run_browser_script(
        "labels",
        backend,
        &[
            "--base",
            &alpha.base,
            "--place",
            "epn",
            "--applicant",
            "fablab",
            "--attestation",
            &path,
            "--label",
            "/places/reseau/labels/solidaire",
            "--network",
            "reseau",
            "--email",
            EMAIL,
            "--password",
            PASSWORD,
        ],
        &[
            "label-place",
            "label-place-falc",
            "label-attestation",
            "label-definition",
            "label-apply",
            "label-admin",
            "label-admin-refused",
        ],
    )
    .await;
    let sent =
        galaxie_db::labels::applications_of(alpha.data.db().conn(), &alpha.place_url("fablab"))
            .await
            .expect("applications");
    assert_eq!(
        sent.len(),
        1,
        "one application, sent once the answers were complete"
    );
    assert_eq!(sent[0].answer_list(), ["Oui", "24 heures"]);
    alpha.stop().await;
    db.cleanup().await;
}

async fn label_pages(backend: Backend) {
    on_a_big_stack(move || label_pages_pass_axe_core_in_a_real_browser(backend)).await;
}

on_both_backends!(label_pages);
