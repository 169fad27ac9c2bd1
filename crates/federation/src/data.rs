//! [`AppData`]: what every federation trait and handler can reach — the database, the
//! settings, the URL builder, the HTTP client, the signing keys and the delivery worker's bell.

use crate::objects::instance::ApubInstance;
use crate::settings::FederationSettings;
use crate::signatures::KeyCache;
use crate::urls::Urls;
use crate::{FederationError, SOFTWARE, VERSION};
use activitypub_federation::config::{FederationConfig, UrlVerifier};
use activitypub_federation::resolver::ValidatingDnsResolver;
use galaxie_db::Db;
use std::sync::Arc;
use tokio::sync::Notify;
use url::Url;

/// The shared state.
#[derive(Clone)]
pub struct AppData {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    settings: FederationSettings,
    urls: Urls,
    http: reqwest::Client,
    keys: KeyCache,
    delivery_bell: Notify,
    inbox_bell: Notify,
    metrics: crate::metrics::Metrics,
    inbox_permits: Arc<tokio::sync::Semaphore>,
    instance: galaxie_db::entities::instance::Model,
    inbox_state: crate::inbox::InboxState,
    write_gate: crate::inbox::WriteGate,
}

/// Request-scoped federation data.
pub type Data = activitypub_federation::config::Data<AppData>;
/// The federation configuration, to be turned into [`Data`] per request.
pub type FederationContext = FederationConfig<AppData>;

impl AppData {
    /// The database.
    pub fn db(&self) -> &Db {
        &self.inner.db
    }
    /// The settings.
    pub fn settings(&self) -> &FederationSettings {
        &self.inner.settings
    }
    /// This instance's URLs.
    pub fn urls(&self) -> &Urls {
        &self.inner.urls
    }
    /// The HTTP client for deliveries: no redirects, timeouts, SSRF-safe resolver unless
    /// private addresses are allowed.
    pub fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }
    /// Parsed signing and verification keys.
    pub fn keys(&self) -> &KeyCache {
        &self.inner.keys
    }
    /// Wakes the delivery worker after new jobs were committed.
    pub fn ring_delivery_bell(&self) {
        self.inner.delivery_bell.notify_one();
    }
    /// Waits for [`AppData::ring_delivery_bell`].
    pub async fn delivery_bell(&self) {
        self.inner.delivery_bell.notified().await;
    }
    /// A permit to process one inbox POST, or `None` when the inbox is at its concurrency
    /// limit (the caller answers 503 with `Retry-After`).
    pub fn try_inbox_permit(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        self.inner.inbox_permits.clone().try_acquire_owned().ok()
    }
    /// This instance's counters.
    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.inner.metrics
    }
    /// Wakes the inbox worker after activities were queued.
    pub fn ring_inbox_bell(&self) {
        self.inner.inbox_bell.notify_one();
    }
    /// Waits for [`AppData::ring_inbox_bell`].
    pub async fn inbox_bell(&self) {
        self.inner.inbox_bell.notified().await;
    }
    /// The inbox's memory: verified keys, dead domains, the queue's group-commit writer.
    pub fn inbox_state(&self) -> &crate::inbox::InboxState {
        &self.inner.inbox_state
    }
    /// Turns between this process's busiest writers on SQLite ([`crate::inbox::WriteGate`]).
    pub fn write_gate(&self) -> &crate::inbox::WriteGate {
        &self.inner.write_gate
    }
    /// The instance actor's row.
    pub fn instance(&self) -> &galaxie_db::entities::instance::Model {
        &self.inner.instance
    }
}

/// Refuses fetches from blocked domains.
#[derive(Clone)]
struct BlockedDomains(Db);

#[async_trait::async_trait]
impl UrlVerifier for BlockedDomains {
    async fn verify(&self, url: &Url) -> Result<(), activitypub_federation::error::Error> {
        let domain = url.host_str().unwrap_or_default();
        match galaxie_db::blocks::is_blocked(self.0.conn(), domain).await {
            Ok(false) => Ok(()),
            Ok(true) => Err(activitypub_federation::error::Error::UrlVerificationError(
                "domain is blocked",
            )),
            Err(err) => Err(activitypub_federation::error::Error::Other(err.to_string())),
        }
    }
}

/// The `User-Agent` of every outgoing request.
pub fn user_agent(urls: &Urls) -> String {
    format!("{SOFTWARE}/{VERSION} (+{})", urls.base())
}

/// Builds the federation configuration: loads (or creates, on first start) the instance
/// actor's keys, the HTTP client, and the crate's config with signed fetches by the instance
/// actor and Mastodon-compatible draft-cavage signatures.
pub async fn build_federation_config(
    db: Db,
    settings: FederationSettings,
    public_url: &Url,
) -> Result<FederationContext, FederationError> {
    let urls = Urls::new(public_url);
    let instance = match galaxie_db::instance::get(db.conn()).await? {
        Some(row) => row,
        None => {
            let keys = tokio::task::spawn_blocking(crate::signatures::generate_keypair)
                .await
                .map_err(|e| FederationError::Internal(e.to_string()))??;
            galaxie_db::instance::insert_or_get(db.conn(), keys).await?
        }
    };
    let validate = !(settings.debug || settings.allow_private_addresses);
    let http = reqwest::Client::builder()
        .user_agent(user_agent(&urls))
        .redirect(reqwest::redirect::Policy::none())
        .timeout(settings.request_timeout())
        .connect_timeout(settings.request_timeout())
        .pool_max_idle_per_host(8)
        .dns_resolver(Arc::new(ValidatingDnsResolver::new(Vec::new(), validate)))
        .build()
        .map_err(|e| FederationError::Internal(format!("HTTP client: {e}")))?;
    let write_gate = crate::inbox::WriteGate::for_backend(db.backend());
    let data = AppData {
        inner: Arc::new(Inner {
            db: db.clone(),
            settings: settings.clone(),
            urls: urls.clone(),
            http: http.clone(),
            keys: KeyCache::default(),
            delivery_bell: Notify::new(),
            inbox_bell: Notify::new(),
            metrics: crate::metrics::Metrics::default(),
            inbox_permits: Arc::new(tokio::sync::Semaphore::new(
                settings.inbox_concurrency.max(1),
            )),
            instance: instance.clone(),
            inbox_state: crate::inbox::InboxState::new(db.clone(), write_gate.clone()),
            write_gate,
        }),
    };
    let instance_actor = ApubInstance::new(instance, &urls);
    FederationConfig::builder()
        .domain(urls.authority())
        .app_data(data)
        .client(http.into())
        .debug(settings.debug)
        .allow_http_urls(settings.debug)
        .http_signature_compat(true)
        .request_timeout(settings.request_timeout())
        .url_verifier(Box::new(BlockedDomains(db)))
        .signed_fetch_actor(&instance_actor)
        .build()
        .await
        .map_err(|e| FederationError::Internal(format!("federation config: {e}")))
}
