//! Building an instance on its database ([`App::build`]) and serving it on a listener it is
//! given ([`App::serve`]), which is what lets tests run several instances in one process.

use crate::config::Config;
use anyhow::Context;
use galaxie_db::Db;
use galaxie_federation::outbox::worker::{self, WorkerOptions};
use galaxie_federation::{Data, FederationContext, build_federation_config};
use std::future::Future;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// A built instance.
pub struct App {
    /// Its configuration.
    pub config: Config,
    /// Its database.
    pub db: Db,
    /// Its federation configuration.
    pub federation: FederationContext,
    worker: WorkerOptions,
}

impl App {
    /// Connects to the database, applies migrations, loads or creates the instance keys.
    pub async fn build(config: Config) -> anyhow::Result<App> {
        let url = config.database_url();
        let db = Db::connect(&url).await.with_context(|| {
            format!(
                "cannot open the database {}",
                crate::config::redact_password(&url)
            )
        })?;
        db.migrate().await.context("cannot apply migrations")?;
        let federation = build_federation_config(
            db.clone(),
            config.federation.clone(),
            &config.instance.public_url,
        )
        .await
        .context("cannot prepare federation")?;
        Ok(App {
            config,
            db,
            federation,
            worker: WorkerOptions::default(),
        })
    }

    /// Changes the delivery worker's tuning (tests use short retry delays).
    pub fn with_worker_options(mut self, options: WorkerOptions) -> Self {
        self.worker = options;
        self
    }

    /// Request-scoped federation data, for the CLI and tests.
    pub fn data(&self) -> Data {
        self.federation.to_request_data()
    }

    /// The HTTP router.
    pub fn router(&self) -> axum::Router {
        let media = galaxie_web::routes::media::MediaSettings {
            dir: self.config.data_dir.join("media"),
            limits: self.config.media,
        };
        // A request (headers read, body and handler) gets at most this long: a client that
        // trickles its body cannot hold a connection and its resources for ever.
        let timeout =
            std::time::Duration::from_secs(self.config.server.request_timeout_secs.max(1));
        // The pages for people (`galaxie-site`) beside the protocol and API routes.
        let site = galaxie_site::router(
            self.federation.clone(),
            galaxie_site::SiteSettings {
                media: media.clone(),
            },
        );
        galaxie_web::router(self.federation.clone())
            .merge(site)
            .layer(axum::Extension(media))
            .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                axum::http::StatusCode::REQUEST_TIMEOUT,
                timeout,
            ))
            // Orientation answers are a person's: their query strings are never logged.
            .layer(
                tower_http::trace::TraceLayer::new_for_http().make_span_with(
                    |req: &axum::http::Request<axum::body::Body>| {
                        galaxie_web::routes::orientation::request_span(req)
                    },
                ),
            )
    }

    /// Serves HTTP on `listener` and runs the delivery worker, until `shutdown` completes.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let worker = tokio::spawn(worker::run(
            self.federation.clone(),
            self.worker.clone(),
            stop_rx.clone(),
        ));
        let inbox = tokio::spawn(galaxie_federation::inbox::worker::run(
            self.federation.clone(),
            self.worker.poll,
            stop_rx.clone(),
        ));
        let funding_watch = tokio::spawn(crate::funding_cli::refresh_loop(
            self.federation.clone(),
            self.config.funding.clone(),
            stop_rx.clone(),
        ));
        let maintenance = tokio::spawn(maintenance(self.federation.clone(), stop_rx));
        let router = self.router();
        let served = axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await;
        let _ = stop_tx.send(true);
        let _ = worker.await;
        let _ = maintenance.await;
        let _ = funding_watch.await;
        let _ = inbox.await;
        served.context("HTTP server failed")
    }
}

/// Hourly upkeep: recurring permanences publish their occurrences as the horizon moves; the
/// directory catches up with local places changed outside the service functions.
async fn maintenance(
    federation: galaxie_federation::FederationContext,
    mut stop: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tokio::select! {
            _ = tick.tick() => {
                let data = federation.to_request_data();
                match galaxie_federation::series::extend_all(&data).await {
                    Ok(n) => tracing::debug!(series = n, "recurring events extended"),
                    Err(e) => tracing::error!(error = %e, "cannot extend recurring events"),
                }
                match galaxie_federation::directory::sync_local(&data).await {
                    Ok(n) => tracing::debug!(entries = n, "directory: local places synchronised"),
                    Err(e) => tracing::error!(error = %e, "cannot synchronise the directory"),
                }
            }
            _ = stop.changed() => return,
        }
    }
}
