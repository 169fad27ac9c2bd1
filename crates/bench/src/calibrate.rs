//! What this machine can do right now, measured at the start of each run: the other benches
//! divide by these numbers, so that a run on a busy machine is compared with itself.
//! - RSA-2048 PKCS#1 v1.5 SHA-256 sign and verify with aws-lc-rs (what Galaxie uses, through
//!   `galaxie_federation::signatures`) and with the pure-Rust `rsa` crate, for comparison;
//! - one SQLite commit: a single-row insert transaction on a WAL file opened like Galaxie's;
//! - requests per second of a no-op axum route on loopback, from a reqwest client.

use crate::Scale;
use crate::report::{Quantity, Row};
use futures::StreamExt;
use galaxie_federation::signatures::{SigningKey, VerifyingKey, generate_keypair};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use sea_orm::{ConnectionTrait, Statement, TransactionTrait};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

/// The calibration of one run.
#[derive(Debug, Clone, Copy)]
pub struct Calibration {
    /// One aws-lc-rs signature: the fan-out's unit.
    pub sign: Duration,
}

/// A typical signing string: what a delivery signs.
const MESSAGE: &[u8] = b"(request-target): post /places/epn/inbox\nhost: localhost:8080\n\
date: Tue, 01 Dec 2026 10:00:00 GMT\ndigest: SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

/// The median over `batches` of the mean time of `per_batch` calls of `f`.
fn per_op(batches: usize, per_batch: usize, mut f: impl FnMut()) -> Duration {
    let mut means: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed() / per_batch.max(1) as u32
        })
        .collect();
    means.sort();
    means[means.len() / 2]
}

/// Measures the calibration and returns it with its rows.
pub async fn run(scale: Scale) -> anyhow::Result<(Calibration, Vec<Row>)> {
    let keys = generate_keypair()?;
    let signing = SigningKey::from_pem(&keys.private_key_pem).map_err(anyhow::Error::msg)?;
    let verifying = VerifyingKey::from_pem(&keys.public_key_pem).map_err(anyhow::Error::msg)?;
    let signature = signing.sign(MESSAGE)?;
    anyhow::ensure!(verifying.verify(MESSAGE, &signature), "aws-lc verify");

    let n = |quick: usize, full: usize| if scale.quick { quick } else { full };
    let sign = per_op(5, n(40, 200), || {
        let _ = signing.sign(MESSAGE);
    });
    let verify = per_op(5, n(400, 2000), || {
        assert_ok(verifying.verify(MESSAGE, &signature));
    });

    let rsa_private = rsa::RsaPrivateKey::from_pkcs8_pem(&keys.private_key_pem)?;
    let rsa_public = rsa::RsaPublicKey::from_public_key_pem(&keys.public_key_pem)?;
    let hashed = Sha256::digest(MESSAGE);
    let sign_rsa = per_op(5, n(10, 40), || {
        let _ = rsa_private.sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &hashed);
    });
    let verify_rsa = per_op(5, n(100, 500), || {
        assert_ok(
            rsa_public
                .verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &hashed, &signature)
                .is_ok(),
        );
    });

    let sqlite_commit = sqlite_commit(n(300, 2000)).await?;
    let noop_rps = noop_rps(n(4000, 20000), 32).await?;

    let calibration = Calibration { sign };
    let us = |d: Duration| Quantity::new(d.as_secs_f64() * 1e6, "us");
    let g = "calibration";
    let rows = vec![
        Row::info(
            g,
            "rsa2048_sign_aws_lc",
            us(sign),
            "one signature, aws-lc-rs (median of 5 batches)",
        ),
        Row::info(
            g,
            "rsa2048_verify_aws_lc",
            us(verify),
            "one verification, aws-lc-rs",
        ),
        Row::info(
            g,
            "rsa2048_sign_rsa_crate",
            us(sign_rsa),
            &format!(
                "one signature, pure-Rust rsa crate: {:.1}x aws-lc-rs",
                sign_rsa.as_secs_f64() / sign.as_secs_f64()
            ),
        ),
        Row::info(
            g,
            "rsa2048_verify_rsa_crate",
            us(verify_rsa),
            &format!(
                "one verification, rsa crate: {:.1}x aws-lc-rs",
                verify_rsa.as_secs_f64() / verify.as_secs_f64()
            ),
        ),
        Row::info(
            g,
            "sqlite_commit",
            us(sqlite_commit),
            "single-row insert transaction, WAL, synchronous=NORMAL (Galaxie's settings)",
        ),
        Row::info(
            g,
            "noop_http_requests",
            Quantity::new(noop_rps, "req/s"),
            "axum no-op route on loopback, reqwest client, 32 concurrent requests",
        ),
    ];
    Ok((calibration, rows))
}

fn assert_ok(ok: bool) {
    if !ok {
        eprintln!("calibration: a verification failed");
    }
}

/// The mean time of a single-row insert transaction on a fresh SQLite file.
async fn sqlite_commit(count: usize) -> anyhow::Result<Duration> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("commit.sqlite").display());
    let db = galaxie_db::Db::connect(&url).await?;
    let conn = db.conn();
    conn.execute_unprepared(
        "CREATE TABLE bench_commit (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
    )
    .await?;
    let body = "x".repeat(600);
    let insert = |i: usize| {
        Statement::from_sql_and_values(
            conn.get_database_backend(),
            "INSERT INTO bench_commit (id, body) VALUES (?, ?)",
            [(i as i64).into(), body.clone().into()],
        )
    };
    for i in 0..50 {
        let txn = conn.begin().await?;
        txn.execute_raw(insert(i)).await?;
        txn.commit().await?;
    }
    let start = Instant::now();
    for i in 50..50 + count {
        let txn = conn.begin().await?;
        txn.execute_raw(insert(i)).await?;
        txn.commit().await?;
    }
    let elapsed = start.elapsed();
    db.close().await?;
    Ok(elapsed / count as u32)
}

/// Requests per second of a no-op route, `concurrency` requests at once.
pub async fn noop_rps(total: usize, concurrency: usize) -> anyhow::Result<f64> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    let router = axum::Router::new().route(
        "/",
        axum::routing::get(|| async { http::StatusCode::NO_CONTENT }),
    );
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/");
    let send = |_| {
        let client = client.clone();
        let url = url.clone();
        async move {
            client
                .get(&url)
                .send()
                .await
                .map(|r| r.status().is_success())
        }
    };
    let warm: Vec<_> = futures::stream::iter(0..200)
        .map(send)
        .buffer_unordered(concurrency)
        .collect()
        .await;
    anyhow::ensure!(
        warm.iter().all(|r| matches!(r, Ok(true))),
        "no-op route failed"
    );
    let start = Instant::now();
    let results: Vec<_> = futures::stream::iter(0..total)
        .map(send)
        .buffer_unordered(concurrency)
        .collect()
        .await;
    let elapsed = start.elapsed();
    server.abort();
    let ok = results.iter().filter(|r| matches!(r, Ok(true))).count();
    anyhow::ensure!(
        ok == total,
        "{} of {total} no-op requests failed",
        total - ok
    );
    Ok(total as f64 / elapsed.as_secs_f64())
}
