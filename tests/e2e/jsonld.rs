//! Our objects, expanded as JSON-LD with the offline contexts (ActivityStreams, security,
//! ours inline), drop no term: checked with a real JSON-LD processor (PyLD).

use galaxie_domain::{
    NewEvent, NewNote, NewPlace, NewService, NewShowcase, RawEvent, RawNote, RawPlace, RawService,
    RawShowcase,
};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb};

async fn fetch(url: &str) -> String {
    reqwest::Client::new()
        .get(url)
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn our_objects_expand_without_dropping_a_term() {
    let db = TestDb::new(Backend::Sqlite).await;
    let alpha = Instance::start(&db.url).await;
    let place = NewPlace::parse(RawPlace {
        username: Some("epn".into()),
        name: Some("EPN".into()),
        summary: Some("Ateliers".into()),
        summary_falc: Some("On apprend.".into()),
        description: Some("Détails".into()),
        pivot: Some("43493312300029".into()),
        legal_form: Some("association".into()),
        address: Some("1 rue A".into()),
        address_complement: Some("Bât. B".into()),
        postal_code: Some("51100".into()),
        city: Some("Reims".into()),
        insee_code: Some("51454".into()),
        lat: Some(49.25),
        lon: Some(4.03),
        phone: Some("0326000000".into()),
        website: Some("https://epn.example".into()),
        other_websites: Some(vec!["https://m.example/epn".into()]),
        emails: Some(vec!["contact@epn.example".into()]),
        hours: Some("Mo-Fr 09:00-12:00".into()),
        mobility: Some("both".into()),
        parent_structure: Some("Ville".into()),
        structure_types: Some(vec!["epn".into()]),
        services: Some(vec!["aide-demarches-administratives".into()]),
        publics: Some(vec!["seniors".into()]),
        specific_support: Some(vec!["surdite".into()]),
        fees: Some(vec!["gratuit".into()]),
        programmes: Some(vec!["france-services".into()]),
        labels: Some(vec!["forme-mon-espace-sante".into()]),
        access_modes: Some(vec!["se-presenter".into()]),
        support_modes: Some(vec!["accompagnement-individuel".into()]),
        other_labels: Some("Label".into()),
        acceslibre_url: Some("https://acceslibre.example/erp/1".into()),
        booking_url: Some("https://rdv.example/".into()),
        icon: Some("https://epn.example/logo.png".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, place)
        .await
        .expect("create");
    let note = service::publish_note(
        &alpha.data,
        "epn",
        NewNote::parse(RawNote {
            text: Some("Bonjour".into()),
            text_falc: None,
        })
        .expect("note"),
    )
    .await
    .expect("note");
    let event = service::publish_event(
        &alpha.data,
        "epn",
        NewEvent::parse(RawEvent {
            name: Some("Atelier".into()),
            summary: Some("Description".into()),
            start: Some("2027-01-09T14:00:00+01:00".into()),
            end: Some("2027-01-09T16:00:00+01:00".into()),
            location_name: Some("Médiathèque".into()),
            address: Some("1 rue A".into()),
            postal_code: Some("51100".into()),
            city: Some("Reims".into()),
            lat: Some(49.25),
            lon: Some(4.03),
            online_url: Some("https://visio.example/atelier".into()),
            registration_url: Some("https://inscription.example".into()),
            price: Some("gratuit".into()),
            capacity: Some(12),
            status: Some("postponed".into()),
            category: Some("WORKSHOPS_SKILL_SHARING".into()),
            summary_falc: Some("Un atelier.".into()),
            description_falc: Some("On apprend ensemble.".into()),
            ..Default::default()
        })
        .expect("event"),
    )
    .await
    .expect("event");
    let page = service::publish_service(
        &alpha.data,
        "epn",
        NewService::parse(RawService {
            name: Some("Aide".into()),
            description: Some("Aide aux démarches".into()),
            summary_falc: Some("On vous aide.".into()),
            services: Some(vec!["aide-demarches-administratives".into()]),
            publics: Some(vec!["seniors".into()]),
            fees: Some(vec!["gratuit".into()]),
            access_modes: Some(vec!["se-presenter".into()]),
            support_modes: Some(vec!["accompagnement-individuel".into()]),
            hours: Some("Tu 14:00-17:00".into()),
            booking_url: Some("https://rdv.example/".into()),
            price: Some("gratuit".into()),
            ..Default::default()
        })
        .expect("service"),
    )
    .await
    .expect("service");
    let article = service::publish_showcase(
        &alpha.data,
        "epn",
        NewShowcase::parse(RawShowcase {
            name: Some("Lavoir".into()),
            summary: Some("Un lavoir".into()),
            content: Some("Histoire".into()),
            content_falc: Some("Vieux lavoir.".into()),
            location_name: Some("Lavoir".into()),
            lat: Some(49.26),
            lon: Some(4.02),
            hashtags: Some(vec!["patrimoine".into()]),
            heritage_kinds: Some(vec!["bati".into()]),
            ..Default::default()
        })
        .expect("showcase"),
    )
    .await
    .expect("showcase");

    let dir = tempfile::tempdir().expect("dir");
    let mut files = Vec::new();
    for (name, url) in [
        ("actor.json", alpha.place_url("epn")),
        ("instance.json", format!("{}/actor", alpha.base)),
        ("note.json", note.ap_id.clone()),
        ("event.json", event.ap_id.clone()),
        ("page.json", page.ap_id.clone()),
        ("article.json", article.ap_id.clone()),
        (
            "outbox-page.json",
            format!("{}/outbox?page=true", alpha.place_url("epn")),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, fetch(&url).await).expect("write");
        files.push(path);
    }
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
        .args(&files)
        .output()
        .await
        .expect("run PyLD");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "terms dropped by JSON-LD expansion:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.lines().count(), files.len(), "{stdout}");
    alpha.stop().await;
    db.cleanup().await;
}
