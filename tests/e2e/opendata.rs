//! Open data: a place with a full profile and a service is exported as MedNum CSV and
//! data.inclusion JSON, over HTTP and by the CLI, and the files pass the reference schemas'
//! own validators (frictionless, jsonschema: `tests/opendata/setup.sh` installs them). The
//! MedNum reference example imports cleanly and only once, bad rows are refused with their
//! line, column and reason and leave nothing behind, and one instance's export imports into
//! another.

use galaxie::cli::{CliError, Command};
use galaxie::opendata::{ExportCommand, ImportCommand, ImportOptions, ImportReport, import_mednum};
use galaxie_domain::{NewPlace, NewService, RawPlace, RawService};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, on_both_backends, test_config};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference_path() -> PathBuf {
    tests_dir().join("fixtures/reference/mednum-lieux-mediation-numerique.exemple-valide.csv")
}

fn reference_example() -> Vec<u8> {
    std::fs::read(reference_path()).expect("the MedNum reference example")
}

/// Runs `tests/opendata/validate.py` on the given files; panics with its report unless valid.
fn validate(args: &[(&str, &Path)]) -> Value {
    let python = tests_dir().join("opendata/.venv/bin/python");
    assert!(
        python.exists(),
        "the open-data validators are not installed: run tests/opendata/setup.sh (scripts/test does)"
    );
    let mut command = std::process::Command::new(&python);
    command.arg(tests_dir().join("opendata/validate.py"));
    for (flag, path) in args {
        command.arg(flag).arg(path);
    }
    let output = command.output().expect("run validate.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "validate.py printed no JSON report ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(
        output.status.success() && report["valid"] == true,
        "the exports do not validate against the reference schemas:\n{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
    report
}

fn full_place() -> NewPlace {
    NewPlace::parse(RawPlace {
        username: Some("quincaillerie".into()),
        name: Some("La Quincaillerie numérique".into()),
        summary: Some("Tiers-lieu numérique : ateliers, accès libre, aide aux démarches.".into()),
        address: Some("12 bis rue de Leclercq".into()),
        address_complement: Some("Le patio du bois de l'Aulne".into()),
        postal_code: Some("51100".into()),
        city: Some("Reims".into()),
        insee_code: Some("51454".into()),
        lat: Some(49.2583),
        lon: Some(4.0317),
        phone: Some("03 26 00 00 00".into()),
        website: Some("https://www.laquincaillerie.tl/".into()),
        other_websites: Some(vec!["https://m.facebook.com/laquincaillerie/".into()]),
        emails: Some(vec![
            "contact@laquincaillerie.tl".into(),
            "responsable@laquincaillerie.tl".into(),
        ]),
        hours: Some("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00".into()),
        pivot: Some("51454000000015".into()),
        legal_form: Some("association".into()),
        description: Some(
            "Un parcours d'initiation et des ateliers pour tous, \"|\" compris.".into(),
        ),
        summary_falc: Some("Un lieu pour apprendre l'ordinateur.".into()),
        mobility: Some("both".into()),
        parent_structure: Some("Ville de Reims".into()),
        structure_types: Some(vec!["TIERS_LIEUX".into(), "EPN".into()]),
        services: Some(vec![
            "Maîtrise des outils numériques du quotidien".into(),
            "numerique--acquerir-un-equipement".into(),
        ]),
        publics: Some(vec![
            "jeunes".into(),
            "seniors".into(),
            "demandeurs-emploi".into(),
        ]),
        specific_support: Some(vec!["surdite".into()]),
        fees: Some(vec!["adhesion".into()]),
        programmes: Some(vec!["Conseillers numériques".into()]),
        labels: Some(vec!["fabriques-de-territoire".into()]),
        access_modes: Some(vec!["se-presenter".into(), "telephoner".into()]),
        support_modes: Some(vec!["atelier-collectif".into(), "a-distance".into()]),
        other_labels: Some("Label et la bête".into()),
        acceslibre_url: Some(
            "https://acceslibre.beta.gouv.fr/app/51-reims/a/tiers-lieu/erp/q/".into(),
        ),
        booking_url: Some("https://www.rdv-solidarites.fr/".into()),
        ..Default::default()
    })
    .expect("a full place")
}

async fn get(url: &str) -> reqwest::Response {
    let response = reqwest::get(url).await.expect("GET");
    assert_eq!(response.status(), 200, "{url}");
    response
}

async fn place_count(instance: &Instance) -> usize {
    galaxie_db::places::list(instance.data.db().conn())
        .await
        .expect("places")
        .len()
}

fn rejected_columns(report: &ImportReport) -> Vec<(u64, String)> {
    report
        .rejected
        .iter()
        .flat_map(|r| r.errors.iter().map(move |e| (r.line, e.column.clone())))
        .collect()
}

async fn open_data_exports_validate_and_import_back(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    let dir = tempfile::tempdir().expect("temporary directory");

    // Alpha: a place with a full profile and a service, and one without address nor pivot.
    service::create_place(&alpha.data, full_place())
        .await
        .expect("create");
    let page = service::publish_service(
        &alpha.data,
        "quincaillerie",
        NewService::parse(RawService {
            name: Some("Aide aux démarches administratives".into()),
            description: Some("Un médiateur vous aide pour vos démarches en ligne.".into()),
            services: Some(vec!["aide-demarches-administratives".into()]),
            publics: Some(vec!["tous-publics".into()]),
            fees: Some(vec!["gratuit".into()]),
            access_modes: Some(vec!["telephoner".into(), "mobilisable-par-usagers".into()]),
            support_modes: Some(vec![
                "accompagnement-individuel".into(),
                "a-distance".into(),
            ]),
            hours: Some("Tu 14:00-17:00".into()),
            booking_url: Some("https://rdv.example/quincaillerie".into()),
            price: Some("gratuit".into()),
            ..Default::default()
        })
        .expect("service"),
    )
    .await
    .expect("publish");
    let atelier = NewPlace::parse(RawPlace {
        username: Some("atelier".into()),
        name: Some("L'Atelier".into()),
        city: Some("Épernay".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, atelier)
        .await
        .expect("create");

    // Over HTTP.
    let response = get(&format!("{}/open-data/mednum.csv", alpha.base)).await;
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let mednum_http = response.bytes().await.expect("body").to_vec();
    let text = String::from_utf8(mednum_http.clone()).expect("UTF-8");
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .starts_with("id,pivot,nom,commune,code_postal,code_insee,adresse,"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "only the complete place: {text}");
    for expected in [
        alpha.place_url("quincaillerie").as_str(),
        "51454000000015",
        "+33326000000",
        "TIERS_LIEUX|EPN",
        "Maîtrise des outils numériques du quotidien|Aide aux démarches administratives",
        "Jeunes|Seniors",
        "Payant|Gratuit",
        "Fixe|Itinérant",
        "Conseillers numériques",
        "Fabriques de Territoire",
        "Se présenter|Téléphoner",
        "Dans un atelier collectif|À distance|Accompagnement individuel",
        "contact@laquincaillerie.tl|responsable@laquincaillerie.tl",
        "https://www.laquincaillerie.tl/|https://m.facebook.com/laquincaillerie/",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
    let structures: Value = get(&format!(
        "{}/open-data/data-inclusion/structures.json",
        alpha.base
    ))
    .await
    .json()
    .await
    .expect("JSON");
    let services: Value = get(&format!(
        "{}/open-data/data-inclusion/services.json",
        alpha.base
    ))
    .await
    .json()
    .await
    .expect("JSON");
    assert_eq!(structures.as_array().map(Vec::len), Some(2));
    assert_eq!(services.as_array().map(Vec::len), Some(1));
    let quincaillerie = structures
        .as_array()
        .and_then(|s| s.iter().find(|s| s["nom"] == "La Quincaillerie numérique"))
        .expect("the structure");
    assert_eq!(quincaillerie["siret"], "51454000000015");
    assert_eq!(
        quincaillerie["reseaux_porteurs"],
        serde_json::json!([
            "conseillers-numeriques",
            "fabrique-de-territoire",
            "espaces-publics-numeriques"
        ])
    );
    let s = &services[0];
    assert_eq!(s["structure_id"], quincaillerie["id"]);
    assert_eq!(s["lien_source"], page.ap_id.as_str());
    assert_eq!(s["frais"], "gratuit");
    assert_eq!(s["publics"], serde_json::json!(["tous-publics"]));
    assert_eq!(s["modes_mobilisation"], serde_json::json!(["telephoner"]));
    assert_eq!(s["mobilisable_par"], serde_json::json!(["usagers"]));
    assert_eq!(s["modes_accueil"], serde_json::json!(["a-distance"]));
    assert_eq!(s["horaires_accueil"], "Tu 14:00-17:00");
    assert_eq!(
        s["thematiques"],
        serde_json::json!([
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "numerique--acceder-a-des-services-en-ligne"
        ])
    );

    // By the CLI, on the same database while alpha serves.
    let csv_path = dir.path().join("mednum.csv");
    let di_dir = dir.path().join("data-inclusion");
    for command in [
        ExportCommand::Mednum {
            output: Some(csv_path.clone()),
        },
        ExportCommand::DataInclusion {
            output: di_dir.clone(),
        },
    ] {
        galaxie::cli::run(Command::Export(command), test_config(alpha.port, &db_a.url))
            .await
            .expect("galaxie export");
    }
    assert_eq!(
        std::fs::read(&csv_path).expect("CSV"),
        mednum_http,
        "the CLI and HTTP exports agree"
    );
    let cli_structures: Value =
        serde_json::from_slice(&std::fs::read(di_dir.join("structures.json")).expect("file"))
            .expect("JSON");
    assert_eq!(cli_structures, structures);

    // The reference validators accept both.
    let http_dir = dir.path().join("http");
    std::fs::create_dir_all(&http_dir).expect("dir");
    let (http_csv, http_structures, http_services) = (
        http_dir.join("mednum.csv"),
        http_dir.join("structures.json"),
        http_dir.join("services.json"),
    );
    std::fs::write(&http_csv, &mednum_http).expect("write");
    std::fs::write(&http_structures, structures.to_string()).expect("write");
    std::fs::write(&http_services, services.to_string()).expect("write");
    let report = validate(&[
        ("--mednum", &http_csv),
        ("--structures", &http_structures),
        ("--services", &http_services),
    ]);
    assert_eq!(report["files"][0]["rows"], 1);
    assert_eq!(report["files"][1]["draft"], "Draft202012Validator");
    validate(&[
        ("--mednum", &csv_path),
        ("--structures", &di_dir.join("structures.json")),
        ("--services", &di_dir.join("services.json")),
    ]);

    // The MedNum reference example imports cleanly, and only once.
    let first = import_mednum(&beta.data, &reference_example(), ImportOptions::default())
        .await
        .expect("import");
    assert!(first.rejected.is_empty(), "{first:#?}");
    assert!(first.warnings.is_empty(), "{first:#?}");
    assert_eq!(first.created.len(), 1, "{first:#?}");
    assert_eq!(first.created[0].username, "anonymal");
    assert_eq!(first.created[0].line, 2);
    let second = import_mednum(&beta.data, &reference_example(), ImportOptions::default())
        .await
        .expect("import");
    assert_eq!(
        (
            second.created.len(),
            second.updated.len(),
            second.unchanged.len()
        ),
        (0, 0, 1),
        "{second:#?}"
    );
    assert_eq!(place_count(&beta).await, 1);
    let anonymal = galaxie_db::places::get_by_username(beta.data.db().conn(), "anonymal")
        .await
        .expect("imported place");
    assert_eq!(anonymal.external_id.as_deref(), Some("structure-1"));
    assert_eq!(anonymal.external_source.as_deref(), Some("Hubik"));
    let profile = galaxie_db::places::profile(&anonymal);
    assert_eq!(profile.phone.as_deref(), Some("+33180059880"));
    assert_eq!(
        profile.pivot.as_ref().map(|p| p.as_str()),
        Some("43493312300029")
    );
    assert_eq!(profile.concepts.structure_types, ["tiers-lieux", "asso"]);
    assert_eq!(profile.geo.map(|g| g.longitude), Some(5.41423));

    // Bad rows are refused with their line, column and reason; nothing is stored for them.
    let header = galaxie_domain::opendata::mednum::COLUMNS.join(",");
    let row =
        |id: &str, pivot: &str, nom: &str, code_postal: &str, telephone: &str, frais: &str| {
            let mut cells = vec![String::new(); 32];
            cells[0] = id.into();
            cells[1] = pivot.into();
            cells[2] = nom.into();
            cells[3] = "Reims".into();
            cells[4] = code_postal.into();
            cells[6] = "1 rue de Vesle".into();
            cells[11] = telephone.into();
            cells[20] = "2026-01-15".into();
            cells[24] = frais.into();
            cells.join(",")
        };
    let bad = [
        header.clone(),
        row(
            "ok-1",
            "43493312300029",
            "Bonne ligne",
            "51100",
            "+33326000001",
            "Gratuit",
        ),
        row(
            "bad-postal",
            "43493312300029",
            "Code postal",
            "5110",
            "",
            "",
        ),
        row("bad-siret", "43493312300028", "Siret faux", "51100", "", ""),
        row(
            "bad-phone",
            "43493312300029",
            "Téléphone",
            "51100",
            "12 34",
            "",
        ),
        row(
            "bad-enum",
            "43493312300029",
            "Frais",
            "51100",
            "",
            "gratuit",
        ),
        row("", "43493312300029", "", "51100", "", ""),
        "short,row".to_string(),
        row("ok-1", "43493312300029", "Doublon", "51100", "", ""),
    ]
    .join("\n");
    let dry = import_mednum(
        &beta.data,
        bad.as_bytes(),
        ImportOptions {
            dry_run: true,
            progress: false,
        },
    )
    .await
    .expect("dry run");
    assert_eq!(dry.created.len(), 1, "{dry:#?}");
    assert_eq!(place_count(&beta).await, 1, "a dry run writes nothing");
    let report = import_mednum(&beta.data, bad.as_bytes(), ImportOptions::default())
        .await
        .expect("import");
    assert_eq!(report.rows, 8);
    assert_eq!(report.created.len(), 1, "{report:#?}");
    assert_eq!(report.created[0].username, "bonne-ligne");
    assert_eq!(
        rejected_columns(&report),
        [
            (3, "code_postal".to_string()),
            (4, "pivot".to_string()),
            (5, "telephone".to_string()),
            (6, "frais_a_charge".to_string()),
            (7, "id".to_string()),
            (7, "nom".to_string()),
            (8, String::new()),
            (9, "id".to_string()),
        ],
        "{report:#?}"
    );
    let enum_error = &report.rejected[3].errors[0];
    assert_eq!(enum_error.value, "gratuit");
    assert!(
        enum_error.message.contains("Gratuit sous condition"),
        "{enum_error:?}"
    );
    assert!(report.rejected[1].errors[0].message.contains("check digit"));
    assert!(report.rejected[5].errors[0].message.contains("cells"));
    assert_eq!(place_count(&beta).await, 2, "only the good row was stored");

    // `galaxie import mednum`: rejected rows make it a usage error, after the report.
    let bad_path = dir.path().join("bad.csv");
    std::fs::write(&bad_path, &bad).expect("write");
    for (file, accepted) in [(bad_path, false), (reference_path(), true)] {
        let result = galaxie::cli::run(
            Command::Import(ImportCommand::Mednum {
                file,
                dry_run: false,
                json: false,
            }),
            test_config(beta.port, &db_b.url),
        )
        .await;
        match (result, accepted) {
            (Ok(()), true) => {}
            (Err(CliError::Invalid(why)), false) => {
                assert!(why.contains("7 of 8 rows were rejected"), "{why}")
            }
            (other, _) => panic!("unexpected CLI result: {other:?}"),
        }
    }
    assert_eq!(
        place_count(&beta).await,
        2,
        "the CLI re-import created nothing"
    );

    // Round trip: alpha's export imports into beta, once.
    let round = import_mednum(&beta.data, &mednum_http, ImportOptions::default())
        .await
        .expect("import");
    assert_eq!(round.created.len(), 1, "{round:#?}");
    assert!(round.rejected.is_empty(), "{round:#?}");
    let again = import_mednum(&beta.data, &mednum_http, ImportOptions::default())
        .await
        .expect("import");
    assert_eq!(again.unchanged.len(), 1, "{again:#?}");
    assert!(again.created.is_empty() && again.updated.is_empty());
    let copy =
        galaxie_db::places::get_by_username(beta.data.db().conn(), &round.created[0].username)
            .await
            .expect("copy");
    assert_eq!(copy.username, "la-quincaillerie-numerique");
    assert_eq!(
        copy.external_id.as_deref(),
        Some(alpha.place_url("quincaillerie").as_str())
    );
    let original = full_place().profile;
    let copied = galaxie_db::places::profile(&copy);
    assert_eq!(copied.name, original.name);
    assert_eq!(copied.summary, original.summary);
    assert_eq!(copied.address, original.address);
    assert_eq!(copied.address_complement, original.address_complement);
    assert_eq!(copied.insee_code, original.insee_code);
    assert_eq!(copied.geo, original.geo);
    assert_eq!(copied.phone, original.phone);
    assert_eq!(copied.website, original.website);
    assert_eq!(copied.other_websites, original.other_websites);
    assert_eq!(copied.emails, original.emails);
    assert_eq!(copied.opening_hours, original.opening_hours);
    assert_eq!(copied.pivot, original.pivot);
    assert_eq!(copied.description, original.description);
    assert_eq!(copied.mobility, original.mobility);
    assert_eq!(copied.parent_structure, original.parent_structure);
    assert_eq!(copied.other_labels, original.other_labels);
    assert_eq!(copied.acceslibre_url, original.acceslibre_url);
    assert_eq!(copied.booking_url, original.booking_url);
    assert_eq!(
        copied.concepts.structure_types,
        original.concepts.structure_types
    );
    assert_eq!(copied.concepts.programmes, original.concepts.programmes);
    assert_eq!(copied.concepts.labels, original.concepts.labels);
    assert_eq!(
        copied.concepts.specific_support,
        original.concepts.specific_support
    );
    // What MedNum cannot say: a fee narrower than "Payant", a public it does not list, a
    // data.inclusion thematique, the easy-read summary and the legal form.
    assert_eq!(copied.concepts.fees, ["payant", "gratuit"]);
    assert_eq!(copied.concepts.publics, ["jeunes", "seniors"]);
    assert_eq!(copied.summary_falc, None);
    assert_eq!(copied.legal_form, None);

    // Beta's own export names alpha as the source of the copy, and validates.
    let beta_csv = get(&format!("{}/open-data/mednum.csv", beta.base))
        .await
        .text()
        .await
        .expect("body");
    assert!(
        beta_csv.contains(&format!(",{},", alpha.base)),
        "{beta_csv}"
    );
    assert!(beta_csv.contains(",Hubik,"), "{beta_csv}");
    let beta_path = dir.path().join("beta.csv");
    std::fs::write(&beta_path, &beta_csv).expect("write");
    let report = validate(&[("--mednum", &beta_path)]);
    assert_eq!(report["files"][0]["rows"], 3);

    // Alpha's own export read back by alpha changes nothing.
    let own = import_mednum(&alpha.data, &mednum_http, ImportOptions::default())
        .await
        .expect("import");
    assert_eq!(own.unchanged.len(), 1, "{own:#?}");
    assert_eq!(place_count(&alpha).await, 2);

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(open_data_exports_validate_and_import_back);
