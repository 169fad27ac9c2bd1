//! The funding watch: funders' feeds (RSS and Aides-territoires-style JSON) imported with a
//! report of what was added, skipped and not mapped; a call a network publishes reaches its
//! members' instance and is listed only for the members that may apply; deadlines in
//! iCalendar; bad sources refused with nothing stored.

use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::networks::{self as db, JoinPolicy};
use galaxie_domain::funding::{NewFundingCall, RawFundingCall};
use galaxie_domain::{NewPlace, RawPlace};
use galaxie_federation::funding::{self, ImportError, ImportReport, Source};
use galaxie_federation::{network, service};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/funding")
        .join(name)
}

async fn import(instance: &Instance, as_: &str, file: &str) -> Result<ImportReport, ImportError> {
    funding::import(
        &instance.data,
        as_,
        &Source::File(fixture(file)),
        &|_, _| {},
    )
    .await
}

fn titles(items: &[funding::ItemOutcome]) -> Vec<&str> {
    items.iter().map(|i| i.title.as_str()).collect()
}

fn reason<'a>(report: &'a ImportReport, title: &str) -> &'a str {
    report
        .skipped
        .iter()
        .find(|i| i.title == title)
        .map(|i| i.reason.as_str())
        .unwrap_or_else(|| panic!("{title} not skipped: {report:?}"))
}

fn unmapped(report: &ImportReport, field: &str) -> Vec<String> {
    report
        .unmapped
        .get(field)
        .map(|s| s.iter().cloned().collect())
        .unwrap_or_default()
}

async fn live_calls(instance: &Instance) -> u64 {
    galaxie_db::funding::count_live(instance.data.db().conn())
        .await
        .expect("count")
}

async fn feeds_are_imported_with_a_report(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    alpha.create_place("veille").await;

    // Aides-territoires JSON: two calls added, three skipped each with its reason, and the
    // terms of theirs we have no concept for.
    let at = import(&alpha, "veille", "aides-territoires.json")
        .await
        .expect("import");
    assert_eq!(at.format, "aides-territoires");
    assert_eq!(
        titles(&at.added),
        [
            "Appel à projets Inclusion numérique 2030",
            "Fonds tiers-lieux du Bas-Rhin"
        ]
    );
    assert_eq!(at.skipped.len(), 3, "{at:?}");
    assert!(
        reason(&at, "Ancien appel clos").contains("2020-01-15 is past"),
        "{at:?}"
    );
    assert!(reason(&at, "#4").contains("name: is required"), "{at:?}");
    assert!(
        reason(&at, "Programme Québec numérique").contains("Québec"),
        "{at:?}"
    );
    assert_eq!(unmapped(&at, "targeted_audiences"), ["private_person"]);
    assert_eq!(unmapped(&at, "categories"), ["Pêche en haute mer"]);
    assert_eq!(unmapped(&at, "perimeter"), ["Québec"]);
    assert!(
        at.to_text()
            .contains("not mapped (categories): Pêche en haute mer")
    );

    // What was mapped is stored in our terms; the funder's script is gone.
    let conn = alpha.data.db().conn();
    let rows = galaxie_db::funding::open(conn, funding::today())
        .await
        .expect("open");
    assert_eq!(rows.len(), 2);
    let inclusion = &rows[0];
    assert_eq!(inclusion.name, "Appel à projets Inclusion numérique 2030");
    assert_eq!(
        inclusion.deadline.map(|d| d.to_string()).as_deref(),
        Some("2030-03-31")
    );
    assert_eq!(inclusion.rate_max, Some(80));
    let c = funding::criteria(inclusion);
    assert_eq!(c.legal_forms, ["association", "commune"]);
    assert_eq!(
        c.territory
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["region:44"]
    );
    assert_eq!(
        c.themes,
        ["numerique--maitriser-les-fondamentaux-du-numerique"]
    );
    let content = inclusion.content.clone().unwrap_or_default();
    assert!(content.contains("médiation numérique"), "{content}");
    assert!(
        !content.contains("script") && !content.contains("cookie"),
        "{content}"
    );
    assert!(
        inclusion.summary.starts_with(
            "Appel à projets Inclusion numérique 2030 — Région Grand Est — date limite 31 mars 2030"
        ),
        "{}",
        inclusion.summary
    );
    let tiers_lieux = funding::criteria(&rows[1]);
    assert_eq!(tiers_lieux.structure_types, ["tiers-lieux"]);
    assert_eq!(
        tiers_lieux
            .territory
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["departement:67"]
    );

    // The same file again: nothing new.
    let again = import(&alpha, "veille", "aides-territoires.json")
        .await
        .expect("import again");
    assert!(
        again.added.is_empty() && again.updated.is_empty(),
        "{again:?}"
    );
    assert_eq!(
        reason(&again, "Fonds tiers-lieux du Bas-Rhin"),
        "already published, unchanged"
    );

    // An RSS feed: the call the JSON already brought is recognised by funder, title and
    // deadline; the new one is added with its hostile HTML removed; the closed one is skipped.
    let rss = import(&alpha, "veille", "fondation.rss")
        .await
        .expect("import rss");
    assert_eq!(rss.format, "rss");
    assert_eq!(
        titles(&rss.added),
        ["Appel à manifestation d'intérêt Fablabs solidaires"]
    );
    assert!(
        reason(&rss, "Appel à projets : Inclusion numérique 2030")
            .starts_with(&format!("same call as {}", inclusion.ap_id)),
        "{rss:?}"
    );
    assert!(
        reason(&rss, "Appel clos de 2021").contains("is past"),
        "{rss:?}"
    );
    assert_eq!(unmapped(&rss, "category"), ["Astronomie amateur"]);
    assert_eq!(live_calls(&alpha).await, 3);
    let fablabs = galaxie_db::funding::open(conn, funding::today())
        .await
        .expect("open")
        .into_iter()
        .find(|r| r.name.contains("Fablabs"))
        .expect("fablabs call");
    let content = fablabs.content.clone().unwrap_or_default();
    assert!(content.contains("fablabs"), "{content}");
    for bad in ["script", "alert", "onerror", "onmouseover", "steal", "<img"] {
        assert!(!content.contains(bad), "{bad} in {content}");
    }
    assert_eq!(funding::criteria(&fablabs).structure_types, ["fablab"]);
    assert_eq!(fablabs.funder.as_deref(), Some("Région Grand Est"));

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(feeds_are_imported_with_a_report);

async fn bad_sources_are_refused_and_nothing_is_stored(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    alpha.create_place("veille").await;

    let malformed = import(&alpha, "veille", "malformed.xml")
        .await
        .expect_err("malformed XML");
    assert!(
        matches!(malformed, ImportError::Unreadable { .. }),
        "{malformed}"
    );
    assert!(
        malformed.to_string().contains("nothing was imported"),
        "{malformed}"
    );

    let not_aids = import(&alpha, "veille", "not-aids.json")
        .await
        .expect_err("not a list of aids");
    assert!(
        not_aids.to_string().contains("neither a list of aids"),
        "{not_aids}"
    );

    let dir = tempfile::tempdir().expect("dir");
    let huge = dir.path().join("huge.rss");
    let mut body =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title>");
    let item = "<item><title>Appel</title><description>".to_string()
        + &"x".repeat(10_000)
        + "</description></item>";
    while body.len() <= funding::MAX_IMPORT_BYTES {
        body.push_str(&item);
    }
    body.push_str("</channel></rss>");
    std::fs::write(&huge, body).expect("write");
    let too_big = funding::import(&alpha.data, "veille", &Source::File(huge), &|_, _| {})
        .await
        .expect_err("huge file");
    assert!(matches!(too_big, ImportError::TooBig { .. }), "{too_big}");
    assert!(too_big.to_string().contains("5 MiB"), "{too_big}");

    assert_eq!(live_calls(&alpha).await, 0, "nothing half-stored");

    // By hand, through the API: every bad field named, a past deadline refused.
    let (_, token) = galaxie_db::tokens::create(alpha.data.db().conn(), "test")
        .await
        .expect("token");
    let http = reqwest::Client::new();
    let response = http
        .post(format!("{}/api/v1/places/veille/funding", alpha.base))
        .bearer_auth(&token)
        .json(&json!({
            "name": "AAP",
            "deadline": "2031-02-30",
            "territory": ["Atlantide"],
            "legal_forms": ["pirates"]
        }))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 422);
    let body = response.text().await.expect("body");
    for field in ["deadline", "territory", "legal_forms"] {
        assert!(body.contains(field), "{field} in {body}");
    }
    let response = http
        .post(format!("{}/api/v1/places/veille/funding", alpha.base))
        .bearer_auth(&token)
        .json(&json!({ "name": "AAP clos", "deadline": "2021-01-01" }))
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 422);
    assert!(response.text().await.expect("body").contains("deadline"));
    assert_eq!(live_calls(&alpha).await, 0);

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(bad_sources_are_refused_and_nothing_is_stored);

async fn member(instance: &Instance, username: &str, legal_form: &str, insee: &str, postal: &str) {
    let place = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(username.into()),
        legal_form: Some(legal_form.into()),
        insee_code: Some(insee.into()),
        postal_code: Some(postal.into()),
        ..Default::default()
    })
    .expect("valid place");
    service::create_place(&instance.data, place)
        .await
        .expect("create place");
}

/// `member` (a place of `at`) joins `network` of `net` and waits until both sides agree.
async fn join(at: &Instance, member: &str, net: &Instance, network_name: &str) {
    network::join(&at.data, member, &net.handle(network_name))
        .await
        .expect("join");
    let network_id = galaxie_db::places::get_by_username(net.data.db().conn(), network_name)
        .await
        .expect("network")
        .id;
    let member_url = at.place_url(member);
    let network_url = net.place_url(network_name);
    eventually("the membership is accepted on both sides", WAIT, || async {
        let m = db::member(net.data.db().conn(), network_id, &member_url)
            .await
            .ok()??;
        let place = galaxie_db::places::get_by_username(at.data.db().conn(), member)
            .await
            .ok()?;
        let mine = db::membership(at.data.db().conn(), place.id, &network_url)
            .await
            .ok()??;
        (m.status == MemberStatus::Accepted && mine.status == MemberStatus::Accepted).then_some(())
    })
    .await;
}

async fn listed_for(instance: &Instance, place: &str) -> Vec<String> {
    let body: Value = reqwest::get(format!("{}/api/v1/funding?place={place}", instance.base))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    body["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .map(|c| c["ap_id"].as_str().unwrap_or_default().to_string())
        .collect()
}

async fn a_network_call_reaches_members_and_is_listed_where_eligible(backend: Backend) {
    let (db_n, db_m) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let net = Instance::start(&db_n.url).await;
    let beta = Instance::start(&db_m.url).await;
    network::create(
        &net.data,
        NewPlace::parse(RawPlace {
            username: Some("grand-est".into()),
            name: Some("Réseau des tiers-lieux du Grand Est".into()),
            ..Default::default()
        })
        .expect("network"),
        JoinPolicy::Open,
    )
    .await
    .expect("create network");
    // An association in Strasbourg (Grand Est), an association in Nantes (Pays de la Loire),
    // a commune in Strasbourg: one instance, three members.
    member(&beta, "asso-strasbourg", "association", "67482", "67000").await;
    member(&beta, "asso-nantes", "association", "44109", "44000").await;
    member(&beta, "mairie", "commune", "67482", "67000").await;
    for m in ["asso-strasbourg", "asso-nantes", "mairie"] {
        join(&beta, m, &net, "grand-est").await;
    }

    let call = funding::publish(
        &net.data,
        "grand-est",
        NewFundingCall::parse(RawFundingCall {
            name: Some("Appel à projets Lieux de médiation 2030".into()),
            funder: Some("Région Grand Est".into()),
            description: Some("Pour équiper les lieux de médiation numérique.".into()),
            deadline: Some("2030-06-30".into()),
            legal_forms: Some(vec!["association".into()]),
            territory: Some(vec!["region:44".into()]),
            amount_max: Some(15_000),
            application_url: Some("https://depot.grandest.fr/lieux-2030".into()),
            ..Default::default()
        })
        .expect("valid call"),
    )
    .await
    .expect("publish");

    // The network does not follow-back-publish to members: it addresses them.
    let received = eventually("the call reaches the members' instance", WAIT, || async {
        galaxie_db::funding::by_ap_id(beta.data.db().conn(), &call.ap_id)
            .await
            .ok()?
    })
    .await;
    assert_eq!(received.attributed_to, net.place_url("grand-est"));
    assert_eq!(received.summary, call.summary);
    assert!(
        call.summary.contains("date limite 30 juin 2030"),
        "{}",
        call.summary
    );
    assert!(call.summary.contains("15\u{202f}000 €"), "{}", call.summary);
    assert!(
        galaxie_db::objects::by_ap_id(beta.data.db().conn(), &call.ap_id)
            .await
            .expect("query")
            .is_none(),
        "a funding call is not a service"
    );

    assert_eq!(
        listed_for(&beta, "asso-strasbourg").await,
        std::slice::from_ref(&call.ap_id)
    );
    assert!(
        listed_for(&beta, "asso-nantes").await.is_empty(),
        "outside the territory"
    );
    assert!(
        listed_for(&beta, "mairie").await.is_empty(),
        "not an association"
    );

    // The deadline in the eligible member's calendar, as an all-day event; and its feed.
    let ics = reqwest::get(format!("{}/places/asso-strasbourg/funding.ics", beta.base))
        .await
        .expect("ics")
        .text()
        .await
        .expect("text");
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20300630"), "{ics}");
    assert!(
        ics.contains("Appel à projets Lieux de médiation 2030"),
        "{ics}"
    );
    let empty = reqwest::get(format!("{}/places/mairie/funding.ics", beta.base))
        .await
        .expect("ics")
        .text()
        .await
        .expect("text");
    assert!(!empty.contains("BEGIN:VEVENT"), "{empty}");
    let atom = reqwest::get(format!("{}/places/asso-strasbourg/funding.atom", beta.base))
        .await
        .expect("atom")
        .text()
        .await
        .expect("text");
    assert!(atom.contains("Ferme dans"), "{atom}");

    // The object at its id, for servers.
    let page: Value = reqwest::Client::new()
        .get(&call.ap_id)
        .header("Accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(page["type"], "Page");
    assert_eq!(page["fundingCall"], true);
    assert_eq!(page["deadline"], "2030-06-30");
    assert_eq!(page["territory"], json!(["region:44"]));

    // Widened to Pays de la Loire: the update reaches the members, Nantes now sees it.
    let updated = funding::update(
        &net.data,
        call.id,
        NewFundingCall::parse(RawFundingCall {
            name: Some("Appel à projets Lieux de médiation 2030".into()),
            funder: Some("Région Grand Est".into()),
            deadline: Some("2030-06-30".into()),
            legal_forms: Some(vec!["association".into()]),
            territory: Some(vec!["region:44".into(), "region:52".into()]),
            ..Default::default()
        })
        .expect("valid call"),
    )
    .await
    .expect("update");
    eventually("the update is applied", WAIT, || async {
        let row = galaxie_db::funding::by_ap_id(beta.data.db().conn(), &updated.ap_id)
            .await
            .ok()??;
        (funding::criteria(&row).territory.len() == 2).then_some(())
    })
    .await;
    assert_eq!(
        listed_for(&beta, "asso-nantes").await,
        std::slice::from_ref(&call.ap_id)
    );
    assert!(listed_for(&beta, "mairie").await.is_empty());

    // Withdrawn: gone from every list.
    funding::delete(&net.data, call.id).await.expect("delete");
    eventually("the withdrawal is applied", WAIT, || async {
        galaxie_db::funding::by_ap_id(beta.data.db().conn(), &call.ap_id)
            .await
            .ok()??
            .deleted_at
            .map(|_| ())
    })
    .await;
    assert!(listed_for(&beta, "asso-strasbourg").await.is_empty());

    net.stop().await;
    beta.stop().await;
    db_n.cleanup().await;
    db_m.cleanup().await;
}
on_both_backends!(a_network_call_reaches_members_and_is_listed_where_eligible);

/// A browser without a browser: keeps cookies, follows no redirect, posts forms.
struct Visitor {
    client: reqwest::Client,
    base: String,
    cookies: std::collections::BTreeMap<String, String>,
}

struct Page {
    status: u16,
    location: Option<String>,
    body: String,
}

impl Visitor {
    fn new(instance: &Instance) -> Visitor {
        Visitor {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            base: instance.base.clone(),
            cookies: Default::default(),
        }
    }

    async fn read(&mut self, response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        for c in headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
        {
            if let Some((k, v)) = c.split(';').next().unwrap_or_default().split_once('=') {
                self.cookies.insert(k.to_string(), v.to_string());
            }
        }
        Page {
            status,
            location: headers
                .get("location")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            body: response.text().await.expect("body"),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn get(&mut self, path: &str) -> Page {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header("accept", "text/html")
            .header("cookie", self.cookie_header())
            .send()
            .await
            .expect("get");
        self.read(response).await
    }

    async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", self.cookie_header())
            .header("origin", &self.base)
            .body(body)
            .send()
            .await
            .expect("post");
        self.read(response).await
    }

    async fn csrf(&mut self, path: &str) -> String {
        let page = self.get(path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        let marker = r#"name="csrf" value=""#;
        let start = page.body.find(marker).expect("a CSRF token") + marker.len();
        page.body[start..]
            .chars()
            .take_while(|c| *c != '"')
            .collect()
    }
}

async fn pages_and_the_form_to_publish_by_hand(backend: Backend) {
    const PASSWORD: &str = "un mot de passe pour les financements";
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    member(&alpha, "epn", "association", "67482", "67000").await;
    let hash = galaxie_site::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    galaxie_db::accounts::create(alpha.data.db().conn(), "admin@example.org", &hash, true)
        .await
        .expect("account");
    let mut v = Visitor::new(&alpha);

    // Nothing yet: the page says so and links its feeds; the place's page links it.
    let empty = v.get("/lieux/epn/financements").await;
    assert_eq!(empty.status, 200);
    assert!(empty.body.contains("Aucun appel ouvert"), "{}", empty.body);
    assert!(empty.body.contains("/places/epn/funding.ics"));
    assert!(
        v.get("/lieux/epn")
            .await
            .body
            .contains("/lieux/epn/financements")
    );

    // The administrator publishes one with the form: a refused form first.
    let csrf = v.csrf("/admin/connexion").await;
    let signed = v
        .post(
            "/admin/connexion",
            &[
                ("csrf", &csrf),
                ("email", "admin@example.org"),
                ("password", PASSWORD),
                ("retour", "/admin"),
            ],
        )
        .await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let form = "/admin/lieux/epn/financements/nouveau";
    let csrf = v.csrf(form).await;
    let refused = v
        .post(
            form,
            &[
                ("csrf", &csrf),
                ("name", ""),
                ("deadline", "2021-01-01"),
                ("territory", "Atlantide"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    for id in ["name", "territory"] {
        assert!(
            refused.body.contains(&format!("{id}-error")),
            "{id}: {}",
            refused.body
        );
    }
    let published = v
        .post(
            form,
            &[
                ("csrf", &csrf),
                ("name", "Fonds pour les tiers-lieux 2030"),
                ("funder", "Département du Bas-Rhin"),
                ("description", "Pour équiper les lieux."),
                ("deadline", "2030-10-01"),
                ("legal_forms", "association"),
                ("territory", "departement:67"),
                ("amount_max", "5 000"),
                ("application_url", "https://bas-rhin.example/depot"),
            ],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
    let call_page = published.location.expect("location");
    assert!(call_page.starts_with("/financements/"), "{call_page}");

    // The call's page, the place's list with its countdown, the archive.
    let page = v.get(&call_page).await;
    assert_eq!(page.status, 200);
    for text in [
        "Fonds pour les tiers-lieux 2030",
        "Département du Bas-Rhin",
        "1 octobre 2030",
        "Bas-Rhin (67)",
        "Association loi 1901",
        "https://bas-rhin.example/depot",
    ] {
        assert!(page.body.contains(text), "{text}: {}", page.body);
    }
    let list = v.get("/lieux/epn/financements").await;
    assert!(list.body.contains("Ferme dans"), "{}", list.body);
    assert!(list.body.contains(&call_page), "{}", list.body);
    let archive = v.get("/lieux/epn/financements/archives").await;
    assert_eq!(archive.status, 200);
    assert!(
        archive.body.contains("Aucun appel clos"),
        "{}",
        archive.body
    );

    // In English, and easy to read.
    let english = v
        .client
        .get(format!("{}/lieux/epn/financements", alpha.base))
        .header("accept-language", "en")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(english.contains("Closes in"), "{english}");
    assert_eq!(v.get("/preferences/facile/oui").await.status, 303);
    let easy = v.get("/lieux/epn/financements").await;
    assert!(easy.body.contains("Il reste"), "{}", easy.body);
    assert_eq!(v.get("/preferences/facile/non").await.status, 303);

    // Edited (the form comes back filled in), then withdrawn after a confirmation.
    let id = call_page.trim_start_matches("/financements/").to_string();
    let edit_path = format!("/admin/financements/{id}");
    assert!(v.get(&call_page).await.body.contains(&edit_path));
    let edit = v.get(&edit_path).await;
    assert_eq!(edit.status, 200);
    assert!(
        edit.body
            .contains("value=\"Fonds pour les tiers-lieux 2030\""),
        "{}",
        edit.body
    );
    assert!(
        edit.body.contains("value=\"departement:67\""),
        "{}",
        edit.body
    );
    let csrf = v.csrf(&edit_path).await;
    let saved = v
        .post(
            &edit_path,
            &[
                ("csrf", &csrf),
                ("name", "Fonds pour les tiers-lieux 2030 (prolongé)"),
                ("deadline", "2030-12-01"),
                ("legal_forms", "association"),
                ("territory", "departement:67"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = v.get(&call_page).await;
    assert!(
        page.body.contains("(prolongé)") && page.body.contains("1 décembre 2030"),
        "{}",
        page.body
    );
    let withdraw_path = format!("{edit_path}/retirer");
    let csrf = v.csrf(&withdraw_path).await;
    let withdrawn = v.post(&withdraw_path, &[("csrf", &csrf)]).await;
    assert_eq!(withdrawn.status, 303, "{}", withdrawn.body);
    assert_eq!(v.get(&call_page).await.status, 404);
    assert!(
        v.get("/lieux/epn/financements")
            .await
            .body
            .contains("Aucun appel ouvert")
    );

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(pages_and_the_form_to_publish_by_hand);

async fn configured_sources_are_imported_by_the_schedule(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    alpha.create_place("veille").await;
    let config = galaxie::funding_cli::FundingConfig {
        sources: vec![
            galaxie::funding_cli::FundingSource {
                url: fixture("aides-territoires.json").display().to_string(),
                publisher: None,
            },
            galaxie::funding_cli::FundingSource {
                url: fixture("malformed.xml").display().to_string(),
                publisher: Some("veille".into()),
            },
        ],
        interval_hours: 6,
    };
    let results = galaxie::funding_cli::refresh_all(&alpha.data, &config).await;
    assert_eq!(results.len(), 2);
    let first = results[0].as_ref().expect("the JSON is imported");
    assert_eq!(first.added.len(), 2);
    let second = results[1]
        .as_ref()
        .expect_err("the malformed feed is refused");
    assert!(second.contains("cannot be read"), "{second}");
    assert_eq!(live_calls(&alpha).await, 2);

    // `galaxie funding import` on the same database: a bad source is a usage error (exit
    // status 2) that says why; a good one prints its report.
    use galaxie::cli::{CliError, Command};
    use galaxie::funding_cli::FundingCommand;
    let err = galaxie::cli::run(
        Command::Funding(FundingCommand::Import {
            source: fixture("not-aids.json").display().to_string(),
            publisher: Some("veille".into()),
            json: false,
        }),
        galaxie_tests::test_config(alpha.port, &db.url),
    )
    .await
    .expect_err("not a list of aids");
    assert!(
        matches!(err, CliError::Invalid(ref why) if why.contains("nothing was imported")),
        "{err}"
    );
    galaxie::cli::run(
        Command::Funding(FundingCommand::Import {
            source: fixture("fondation.rss").display().to_string(),
            publisher: None,
            json: true,
        }),
        galaxie_tests::test_config(alpha.port, &db.url),
    )
    .await
    .expect("import the feed");
    assert_eq!(live_calls(&alpha).await, 3);

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(configured_sources_are_imported_by_the_schedule);

/// The funding pages in Debian's Chromium with axe-core (`tests/browser/funding.mjs`; its tools
/// come from tests/browser/setup.sh, as for `browser.rs`).
async fn funding_pages_pass_axe_core_in_a_real_browser(backend: Backend) {
    const EMAIL: &str = "admin@example.org";
    const PASSWORD: &str = "un mot de passe pour le navigateur";
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    member(&alpha, "epn", "association", "67482", "67000").await;
    let hash = galaxie_site::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    galaxie_db::accounts::create(alpha.data.db().conn(), EMAIL, &hash, true)
        .await
        .expect("account");
    let call = funding::publish(
        &alpha.data,
        "epn",
        NewFundingCall::parse(RawFundingCall {
            name: Some("Appel à projets Inclusion numérique 2030".into()),
            funder: Some("Région Grand Est".into()),
            description: Some("Pour équiper les lieux de médiation numérique.".into()),
            deadline: Some("2030-03-31".into()),
            legal_forms: Some(vec!["association".into()]),
            territory: Some(vec!["region:44".into()]),
            themes: Some(vec!["numerique".into()]),
            amount_max: Some(10_000),
            how_to_apply: Some("Déposer le dossier en ligne.".into()),
            application_url: Some("https://depot.grandest.fr/inclusion".into()),
            ..Default::default()
        })
        .expect("valid call"),
    )
    .await
    .expect("publish");
    let call_path = format!("/financements/{}", call.id);
    galaxie_tests::run_browser_script(
        "funding",
        backend,
        &[
            "--base",
            &alpha.base,
            "--place",
            "epn",
            "--call",
            &call_path,
            "--email",
            EMAIL,
            "--password",
            PASSWORD,
        ],
        &[
            "funding-list",
            "funding-call",
            "funding-archive",
            "funding-form",
            "funding-form-refused",
        ],
    )
    .await;

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(funding_pages_pass_axe_core_in_a_real_browser);

/// A funding call expanded as JSON-LD with the offline contexts drops no term (PyLD, as
/// `jsonld.rs` does for the other objects).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_funding_call_expands_without_dropping_a_term() {
    let db = TestDb::new(Backend::Sqlite).await;
    let alpha = Instance::start(&db.url).await;
    alpha.create_place("reseau").await;
    let call = funding::publish(
        &alpha.data,
        "reseau",
        NewFundingCall::parse(RawFundingCall {
            name: Some("AAP".into()),
            funder: Some("Région".into()),
            programme: Some("Programme".into()),
            description: Some("Ce qui est financé".into()),
            description_falc: Some("On donne de l'argent.".into()),
            summary_falc: Some("De l'argent pour les lieux.".into()),
            deadline: Some("2030-03-31".into()),
            opening_date: Some("2029-12-01".into()),
            legal_forms: Some(vec!["association".into()]),
            structure_types: Some(vec!["tiers-lieux".into()]),
            territory: Some(vec!["region:44".into()]),
            themes: Some(vec!["numerique".into()]),
            amount_max: Some(10_000),
            rate_max: Some(80),
            amount_text: Some("jusqu'à 10 000 €".into()),
            how_to_apply: Some("En ligne".into()),
            application_url: Some("https://depot.example/aap".into()),
            source_url: Some("https://region.example/aap".into()),
        })
        .expect("valid call"),
    )
    .await
    .expect("publish");
    let body = reqwest::Client::new()
        .get(&call.ap_id)
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("funding.json");
    std::fs::write(&path, body).expect("write");
    let interop = format!("{}/interop", env!("CARGO_MANIFEST_DIR"));
    let python = format!("{interop}/.venv/bin/python");
    assert!(
        std::path::Path::new(&python).exists(),
        "PyLD is not installed: run tests/interop/setup.sh (scripts/test does)"
    );
    let output = tokio::process::Command::new(&python)
        .arg(format!("{interop}/jsonld_check.py"))
        .arg(format!(
            "{}/fixtures/reference/jsonld-contexts",
            env!("CARGO_MANIFEST_DIR")
        ))
        .arg(&path)
        .output()
        .await
        .expect("run PyLD");
    assert!(
        output.status.success(),
        "terms dropped by JSON-LD expansion:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    alpha.stop().await;
    db.cleanup().await;
}

/// A member place's call, announced by its network, reaches an instance that follows only the
/// network: kept as a funding call, never as a service.
async fn a_members_call_announced_by_the_network_is_kept_as_a_call(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let net = Instance::start(&dbs[0].url).await;
    let alpha = Instance::start(&dbs[1].url).await;
    let reader = Instance::start(&dbs[2].url).await;
    network::create(
        &net.data,
        NewPlace::parse(RawPlace {
            username: Some("grand-est".into()),
            name: Some("Réseau Grand Est".into()),
            ..Default::default()
        })
        .expect("network"),
        JoinPolicy::Open,
    )
    .await
    .expect("create network");
    member(&alpha, "epn", "association", "67482", "67000").await;
    join(&alpha, "epn", &net, "grand-est").await;
    galaxie_federation::relay::follow_actor(&reader.data, &net.handle("grand-est"))
        .await
        .expect("subscribe");
    let target = net.place_url("grand-est");
    eventually("the reader's subscription is accepted", WAIT, || async {
        db::subscribed(reader.data.db().conn(), &target)
            .await
            .ok()?
            .then_some(())
    })
    .await;
    // The network must follow the member before the call, so that it receives it.
    let network_id = galaxie_db::places::get_by_username(net.data.db().conn(), "grand-est")
        .await
        .expect("network")
        .id;
    let epn_url = alpha.place_url("epn");
    eventually("the network follows its member", WAIT, || async {
        let f = galaxie_db::follows::following(net.data.db().conn(), network_id, &epn_url)
            .await
            .ok()??;
        (f.status == galaxie_db::entities::followers::FollowStatus::Accepted).then_some(())
    })
    .await;

    let call = funding::publish(
        &alpha.data,
        "epn",
        NewFundingCall::parse(RawFundingCall {
            name: Some("Bourse locale aux projets numériques".into()),
            funder: Some("Ville de Strasbourg".into()),
            deadline: Some("2030-05-15".into()),
            territory: Some(vec!["67482".into()]),
            ..Default::default()
        })
        .expect("valid call"),
    )
    .await
    .expect("publish");
    let kept = eventually("the announced call reaches the reader", WAIT, || async {
        galaxie_db::funding::by_ap_id(reader.data.db().conn(), &call.ap_id)
            .await
            .ok()?
    })
    .await;
    assert_eq!(kept.attributed_to, epn_url);
    assert_eq!(
        funding::criteria(&kept)
            .territory
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["commune:67482"]
    );
    assert!(
        galaxie_db::objects::by_ap_id(reader.data.db().conn(), &call.ap_id)
            .await
            .expect("query")
            .is_none(),
        "a funding call is not a service"
    );

    for i in [net, alpha, reader] {
        i.stop().await;
    }
    for d in dbs {
        d.cleanup().await;
    }
}
on_both_backends!(a_members_call_announced_by_the_network_is_kept_as_a_call);

/// Serves `body` once per connection on a loopback port, as a plain HTTP/1.1 server would:
/// with a `Content-Length`, or chunked (no length announced).
async fn serve_once(body: Vec<u8>, chunked: bool) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let body = body.clone();
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let head = if chunked {
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_string()
                } else {
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                };
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                if chunked {
                    for chunk in body.chunks(64 * 1024) {
                        let frame = format!("{:x}\r\n", chunk.len());
                        if socket.write_all(frame.as_bytes()).await.is_err()
                            || socket.write_all(chunk).await.is_err()
                            || socket.write_all(b"\r\n").await.is_err()
                        {
                            return;
                        }
                    }
                    let _ = socket.write_all(b"0\r\n\r\n").await;
                } else {
                    let _ = socket.write_all(&body).await;
                }
                let _ = socket.shutdown().await;
            });
        }
    });
    format!("http://localhost:{port}/appels.rss")
}

async fn a_feed_is_fetched_by_url_within_the_size_limit(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    alpha.create_place("veille").await;
    let rss = std::fs::read(fixture("fondation.rss")).expect("fixture");
    let url = serve_once(rss, false).await;
    let report = funding::import(&alpha.data, "veille", &Source::parse(&url), &|_, _| {})
        .await
        .expect("import by URL");
    assert_eq!(report.source, url);
    assert_eq!(report.added.len(), 2, "{report:?}");

    // Too big, announced or not: refused while reading, nothing stored.
    let huge = vec![b' '; funding::MAX_IMPORT_BYTES + 1];
    for chunked in [false, true] {
        let url = serve_once(huge.clone(), chunked).await;
        let err = funding::import(&alpha.data, "veille", &Source::parse(&url), &|_, _| {})
            .await
            .expect_err("too big");
        assert!(matches!(err, ImportError::TooBig { .. }), "{err}");
    }
    assert_eq!(live_calls(&alpha).await, 2);

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(a_feed_is_fetched_by_url_within_the_size_limit);

#[test]
fn the_funding_commands_parse() {
    use clap::Parser;
    use galaxie::cli::{Cli, Command};
    use galaxie::funding_cli::FundingCommand;
    match Cli::try_parse_from([
        "galaxie",
        "funding",
        "import",
        "https://aides.example/api/aids/",
        "--as",
        "grand-est",
        "--json",
    ])
    .expect("import")
    .command
    {
        Command::Funding(FundingCommand::Import {
            source,
            publisher,
            json,
        }) => {
            assert_eq!(source, "https://aides.example/api/aids/");
            assert_eq!(publisher.as_deref(), Some("grand-est"));
            assert!(json);
        }
        other => panic!("{other:?}"),
    }
    match Cli::try_parse_from(["galaxie", "funding", "list", "--place", "epn", "--archived"])
        .expect("list")
        .command
    {
        Command::Funding(FundingCommand::List { place, archived }) => {
            assert_eq!(place.as_deref(), Some("epn"));
            assert!(archived);
        }
        other => panic!("{other:?}"),
    }
}
