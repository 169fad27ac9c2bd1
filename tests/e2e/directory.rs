//! The federated directory: the same place (one SIRET) published by two instances and read by
//! a third is listed there once, with the other record under `same_as`; an `Update` with a
//! fresher profile takes over; the filters and pages work; and the whole directory exports as
//! GeoJSON and as a MedNum CSV that passes the reference schema's validator, over HTTP and by
//! the CLI.

use galaxie::cli::Command;
use galaxie::directory_cli::{DirectoryCommand, ExportFormat};
use galaxie_domain::{NewPlace, RawPlace, RawPlaceUpdate};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, follow, on_both_backends, test_config};
use galaxie_web::routes::feeds::geojson::{FeatureCollection, GeoJson};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
const SIRET: &str = "43493312300029";

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `tests/opendata/validate.py --mednum` on a file; panics with its report unless valid.
fn validate_mednum(path: &Path) -> Value {
    let python = tests_dir().join("opendata/.venv/bin/python");
    assert!(
        python.exists(),
        "the open-data validators are not installed: run tests/opendata/setup.sh (scripts/test does)"
    );
    let output = std::process::Command::new(&python)
        .arg(tests_dir().join("opendata/validate.py"))
        .arg("--mednum")
        .arg(path)
        .output()
        .expect("run validate.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "validate.py printed no JSON report ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(
        output.status.success() && report["valid"] == true,
        "the directory CSV does not validate against the MedNum schema:\n{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
    report
}

fn quincaillerie(username: &str, name: &str, lat: f64) -> NewPlace {
    NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(name.into()),
        address: Some("12 bis rue de Leclercq".into()),
        postal_code: Some("51100".into()),
        city: Some("Reims".into()),
        insee_code: Some("51454".into()),
        lat: Some(lat),
        lon: Some(4.0317),
        pivot: Some(SIRET.into()),
        hours: Some("24/7".into()),
        fees: Some(vec!["gratuit".into()]),
        labels: Some(vec!["fabriques-de-territoire".into()]),
        structure_types: Some(vec!["tiers-lieux".into()]),
        ..Default::default()
    })
    .expect("place")
}

async fn get_json(url: &str) -> (u16, Value) {
    let response = reqwest::get(url).await.expect("GET");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

/// Every page of the directory for `query`, one entry a page.
async fn directory(instance: &Instance, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..50 {
        let mut url = format!("{}/api/v1/directory?limit=1&{query}", instance.base);
        if let Some(a) = &after {
            url.push_str(&format!("&after={a}"));
        }
        let (status, page) = get_json(&url).await;
        assert_eq!(status, 200, "{url}: {page}");
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_string()),
            None => return items,
        }
    }
    panic!("more than 50 pages");
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

async fn one_place_on_two_instances_is_listed_once(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let alpha = Instance::start(&dbs[0].url).await;
    let beta = Instance::start(&dbs[1].url).await;
    let reader = Instance::start(&dbs[2].url).await;
    let dir = tempfile::tempdir().expect("temporary directory");

    // The same tiers-lieu, published by two instances (one SIRET, names and positions that
    // differ a little), and another place in the Ardennes.
    service::create_place(
        &alpha.data,
        quincaillerie("quincaillerie", "La Quincaillerie", 49.2583),
    )
    .await
    .expect("alpha");
    service::create_place(
        &beta.data,
        quincaillerie("quincaillerie-reims", "Quincaillerie numérique", 49.2584),
    )
    .await
    .expect("beta");
    service::create_place(
        &beta.data,
        NewPlace::parse(RawPlace {
            username: Some("mediatheque".into()),
            name: Some("Médiathèque Voyelles".into()),
            address: Some("4 place Ducale".into()),
            postal_code: Some("08000".into()),
            city: Some("Charleville-Mézières".into()),
            lat: Some(49.7620),
            lon: Some(4.7263),
            pivot: Some("55210055400013".into()),
            fees: Some(vec!["adhesion".into()]),
            ..Default::default()
        })
        .expect("place"),
    )
    .await
    .expect("mediatheque");
    reader.create_place("lecteur").await;
    follow(&reader, "lecteur", &alpha, "quincaillerie").await;
    follow(&reader, "lecteur", &beta, "quincaillerie-reims").await;
    follow(&reader, "lecteur", &beta, "mediatheque").await;

    let (alpha_q, beta_q, media, lecteur) = (
        alpha.place_url("quincaillerie"),
        beta.place_url("quincaillerie-reims"),
        beta.place_url("mediatheque"),
        reader.place_url("lecteur"),
    );
    // The reader knows four places: three read from the others, one of its own; the two
    // records of the quincaillerie are one place.
    let items = directory(&reader, "").await;
    assert_eq!(items.len(), 3, "{items:#?}");
    let q = items
        .iter()
        .find(|i| i["pivot"] == SIRET)
        .expect("the quincaillerie");
    let records: BTreeSet<String> = std::iter::once(q["id"].as_str().unwrap_or_default())
        .chain(
            q["same_as"]
                .as_array()
                .expect("same_as")
                .iter()
                .filter_map(Value::as_str),
        )
        .map(str::to_string)
        .collect();
    assert_eq!(
        records,
        [alpha_q.clone(), beta_q.clone()].into_iter().collect(),
        "{q:#}"
    );
    assert_eq!(q["local"], false);
    assert_eq!(q["departement"], "51");
    assert_eq!(q["departement_name"], "Marne");
    assert_eq!(q["region"], "44");
    assert_eq!(q["region_name"], "Grand Est");
    assert_eq!(q["insee_code"], "51454");
    assert_eq!(q["open_now"], "open");
    assert_eq!(q["labels"][0], "fabriques-de-territoire");
    assert!(
        ids(&items).contains(&lecteur),
        "its own places are in the directory too"
    );
    // Each instance's own directory has its places and the ones it has read: the reader's
    // place, whose follow it had to verify.
    let on_alpha: BTreeSet<String> = ids(&directory(&alpha, "").await).into_iter().collect();
    assert_eq!(
        on_alpha,
        [alpha_q.clone(), lecteur.clone()].into_iter().collect()
    );
    assert_eq!(directory(&beta, "").await.len(), 3);

    // Alpha changes its record: the reader receives the Update, and this fresher record is now
    // the one listed.
    service::update_place(
        &alpha.data,
        "quincaillerie",
        RawPlaceUpdate {
            name: Some("La Quincaillerie numérique de Reims".into()),
            ..Default::default()
        },
    )
    .await
    .expect("update");
    let listed = eventually("the reader lists alpha's fresher record", WAIT, || async {
        let items = directory(&reader, "").await;
        let q = items.iter().find(|i| i["pivot"] == SIRET)?.clone();
        (q["name"] == "La Quincaillerie numérique de Reims").then_some(q)
    })
    .await;
    assert_eq!(listed["id"], alpha_q.as_str());
    assert_eq!(listed["same_as"], serde_json::json!([beta_q.clone()]));
    assert_eq!(directory(&reader, "").await.len(), 3);

    // Filters: each has a case that takes the place and one that leaves it out.
    let only = |items: Vec<Value>| ids(&items);
    assert_eq!(
        only(directory(&reader, "departement=51").await),
        std::slice::from_ref(&alpha_q)
    );
    assert_eq!(
        only(directory(&reader, "departement=08").await),
        std::slice::from_ref(&media)
    );
    assert_eq!(
        only(directory(&reader, "commune=51454").await),
        std::slice::from_ref(&alpha_q)
    );
    assert!(directory(&reader, "region=11").await.is_empty());
    assert_eq!(directory(&reader, "region=44").await.len(), 2);
    assert_eq!(
        only(directory(&reader, "bbox=4.6,49.7,4.8,49.8").await),
        std::slice::from_ref(&media)
    );
    assert_eq!(
        only(directory(&reader, "near=49.2583,4.0317&radius_km=2").await),
        std::slice::from_ref(&alpha_q)
    );
    assert_eq!(
        only(directory(&reader, "fee=gratuit").await),
        std::slice::from_ref(&alpha_q)
    );
    assert_eq!(
        only(directory(&reader, "fee=payant").await),
        std::slice::from_ref(&media)
    );
    assert_eq!(
        only(directory(&reader, "label=fabriques-de-territoire").await),
        std::slice::from_ref(&alpha_q)
    );
    assert_eq!(
        only(directory(&reader, "concept=structure-type/tiers-lieux").await),
        std::slice::from_ref(&alpha_q)
    );
    assert_eq!(
        only(directory(&reader, "open_now=true").await),
        std::slice::from_ref(&alpha_q)
    );
    let (status, body) = get_json(&format!("{}/api/v1/directory?bbox=1,2,3", reader.base)).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["fields"][0]["field"], "bbox");
    let (status, body) = get_json(&format!(
        "{}/api/v1/directory?type=Event&label=inconnu",
        reader.base
    ))
    .await;
    assert_eq!(status, 400, "{body}");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, ["type", "label"]);

    // GeoJSON: the places with coordinates, once each.
    let response = reqwest::get(format!("{}/directory.geojson", reader.base))
        .await
        .expect("GET");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/geo+json");
    let text = response.text().await.expect("body");
    let collection = FeatureCollection::try_from(text.parse::<GeoJson>().expect("GeoJSON"))
        .expect("a FeatureCollection");
    let features: BTreeSet<String> = collection
        .features
        .iter()
        .filter_map(|f| match &f.id {
            Some(galaxie_web::routes::feeds::geojson::feature::Id::String(id)) => Some(id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        features,
        [alpha_q.clone(), media.clone()].into_iter().collect()
    );

    // MedNum CSV: one row per complete place (the reader's own place has no address), valid
    // against the reference schema; the CLI writes the same file.
    let response = reqwest::get(format!("{}/directory.csv", reader.base))
        .await
        .expect("GET");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let csv_http = response.bytes().await.expect("body").to_vec();
    let text = String::from_utf8(csv_http.clone()).expect("UTF-8");
    assert_eq!(text.lines().count(), 3, "{text}");
    assert_eq!(text.matches(SIRET).count(), 1, "{text}");
    assert!(text.contains(&alpha_q) && text.contains(&media), "{text}");
    assert!(
        text.contains(&format!(",http://localhost:{},", alpha.port)),
        "a remote place's source is its own instance: {text}"
    );
    let http_path = dir.path().join("directory-http.csv");
    std::fs::write(&http_path, &csv_http).expect("write");
    validate_mednum(&http_path);
    let cli_path = dir.path().join("directory-cli.csv");
    galaxie::cli::run(
        Command::Directory(DirectoryCommand::Export {
            format: ExportFormat::Csv,
            output: Some(cli_path.clone()),
        }),
        test_config(reader.port, &dbs[2].url),
    )
    .await
    .expect("galaxie directory export");
    assert_eq!(
        std::fs::read(&cli_path).expect("CSV"),
        csv_http,
        "the CLI and HTTP exports agree"
    );

    alpha.stop().await;
    beta.stop().await;
    reader.stop().await;
    for db in dbs {
        db.cleanup().await;
    }
}

on_both_backends!(one_place_on_two_instances_is_listed_once);
