//! The CLI works while `serve` runs on the same database: it commits the change and its
//! delivery jobs, and the running server's worker sends them.

use galaxie::cli::{Command, PublishCommand};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends, test_config};
use std::time::Duration;

async fn the_running_server_delivers_what_the_cli_queued(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    beta.create_place("fablab").await;
    galaxie_tests::follow(&beta, "fablab", &alpha, "epn").await;

    // `galaxie publish note` against alpha's database while alpha serves.
    galaxie::cli::run(
        Command::Publish(PublishCommand::Note {
            text_falc: None,
            place: "epn".into(),
            text: "Publié en ligne de commande".into(),
        }),
        test_config(alpha.port, &db_a.url),
    )
    .await
    .expect("cli");
    let author = alpha.place_url("epn");
    eventually(
        "beta receives the CLI's note",
        Duration::from_secs(20),
        || async {
            let n = galaxie_db::objects::count_by_author(beta.data.db().conn(), &author)
                .await
                .ok()?;
            (n == 1).then_some(())
        },
    )
    .await;

    // A CLI validation error names the field and is a usage error.
    let err = galaxie::cli::run(
        Command::Publish(PublishCommand::Note {
            text_falc: None,
            place: "epn".into(),
            text: "   ".into(),
        }),
        test_config(alpha.port, &db_a.url),
    )
    .await
    .expect_err("empty note");
    assert!(
        matches!(err, galaxie::cli::CliError::Invalid(ref why) if why.contains("text: is required")),
        "{err}"
    );

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(the_running_server_delivers_what_the_cli_queued);
