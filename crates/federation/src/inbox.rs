//! The checks every inbox POST goes through, in order, before anything is stored:
//! 1. a `Signature` header that parses, covering `(request-target) host date digest`;
//! 2. a fresh `Date` and a `Digest` that matches the body;
//! 3. a body that is a JSON object with `id`, `type` and `actor` (serde_json's recursion limit
//!    refuses deeply nested bodies; the web layer caps the size);
//! 4. the actor's domain is not blocked; the activity id is on the actor's host;
//! 5. the key belongs to the activity's actor, and the signature verifies with it — when it
//!    does not, the actor is fetched again once (keys rotate) before giving up with 401;
//! 6. the activity is parsed by type and verified (origins, ownership);
//! 7. it is handed to the queue's writer, which stores a batch of them at once (group commit)
//!    and answers each request once its row is durable: 202, or 202 without queuing for an
//!    activity received before. [`worker`] applies the queue in the background, in arrival
//!    order, retrying what fails for a passing reason.
//!
//! Per request, the common case reads the domain block and writes nothing but its share of a
//! batch: verified keys are kept in memory ([`InboxState`]), and whether the sender's domain
//! has dead inboxes to revive is read once a minute (docs/benchmarks.md measured the cost of
//! each).

use crate::activities::InboxActivity;
use crate::data::Data;
use crate::error::FederationError;
use crate::metrics::{Metrics, RejectReason};
use crate::objects::actor::ApubActor;
use crate::signatures::{self, IncomingRequest, SignatureHeader, VerifyingKey};
use activitypub_federation::fetch::object_id::ObjectId;
use bytes::Bytes;
use galaxie_db::Db;
use galaxie_db::activities::ActivityData;
use http::HeaderMap;
use serde_json::Value;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::{mpsc, oneshot};
use url::Url;

/// What happened to an accepted activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// Verified and queued; it will be applied in the background.
    Queued,
    /// Already received before (by another path); nothing done.
    Duplicate,
    /// A known type we do not act on.
    Ignored(String),
}

/// An inbox POST.
pub struct InboxPost<'a> {
    /// Path and query as received (`/places/epn/inbox`).
    pub path_and_query: &'a str,
    /// The headers.
    pub headers: &'a HeaderMap,
    /// The raw body.
    pub body: Bytes,
}

/// Verifies and queues one inbox POST, and counts the outcome and its time.
pub async fn receive(data: &Data, post: InboxPost<'_>) -> Result<Received, FederationError> {
    let started = Instant::now();
    let counted = InFlight::enter(&data.inbox_state().in_flight);
    let result = verify_and_queue(data, post).await;
    drop(counted);
    let metrics = data.metrics();
    metrics.inbox_request.observe(started.elapsed());
    match &result {
        Ok(Received::Duplicate) => Metrics::inc(&metrics.inbox_duplicates),
        Ok(_) => Metrics::inc(&metrics.inbox_accepted),
        Err(err) => metrics.inbox_refused(RejectReason::of(err)),
    }
    result
}

/// On SQLite, takes turns between this process's busiest writers: the inbox queue's writer,
/// the inbox worker's bookkeeping, the delivery worker's claims and outcomes. SQLite has one
/// writer at a time, and a connection that finds the lock taken sleeps in its busy handler (a
/// millisecond, then 2, 5, 10…): waiting in turn here instead costs nothing. On PostgreSQL it
/// does nothing (writers run side by side).
#[derive(Clone, Default)]
pub struct WriteGate(Option<Arc<tokio::sync::Mutex<()>>>);

impl WriteGate {
    /// A gate for a database on `backend`.
    pub fn for_backend(backend: galaxie_db::Backend) -> Self {
        match backend {
            galaxie_db::Backend::Sqlite => Self(Some(Arc::default())),
            galaxie_db::Backend::Postgres => Self(None),
        }
    }

    /// Waits for this writer's turn; the turn lasts as long as the guard.
    pub async fn turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.0 {
            Some(gate) => Some(gate.lock().await),
            None => None,
        }
    }
}

/// One request being verified or waiting for the writer, while it lives.
struct InFlight<'a>(&'a AtomicUsize);

impl<'a> InFlight<'a> {
    fn enter(counter: &'a AtomicUsize) -> Self {
        counter.fetch_add(1, Ordering::SeqCst);
        Self(counter)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// What the inbox keeps in memory between requests: the verified keys of actors, which
/// domains have dead inboxes, and the writer that queues activities by group commit.
pub struct InboxState {
    /// Public keys of actors that verified, by actor id. An entry lives 5 minutes, and is
    /// replaced when a signature fails to verify with it (keys rotate: the actor is fetched
    /// again) or dropped when the actor is updated or deleted; after that the actor is read
    /// from the database (and refreshed from its server when stale) as before.
    keys: moka::future::Cache<String, Arc<KnownKey>>,
    /// Whether a domain has inboxes marked dead, by domain, for 1 minute: a POST revives a
    /// dead domain's inboxes (a write) only when it has some. The delivery worker records the
    /// domains it marks dead here at once; another process's are seen within the minute.
    dead_domains: moka::sync::Cache<String, bool>,
    /// The group-commit writer of the inbox queue.
    writer: QueueWriter,
    /// Requests being verified or waiting for the writer (shared with the writer, which
    /// waits for them a moment rather than commit alone).
    in_flight: Arc<AtomicUsize>,
}

/// An actor's key that verified.
#[derive(Debug)]
struct KnownKey {
    key_id: String,
    key: Arc<VerifyingKey>,
}

impl InboxState {
    /// Starts the inbox queue's writer on `db` (a task on the current runtime, which ends when
    /// the state is dropped), taking turns at `gate`.
    pub fn new(db: Db, gate: WriteGate) -> Self {
        let in_flight = Arc::new(AtomicUsize::new(0));
        Self {
            keys: moka::future::Cache::builder()
                .max_capacity(10_000)
                .time_to_live(Duration::from_secs(300))
                .build(),
            dead_domains: moka::sync::Cache::builder()
                .max_capacity(10_000)
                .time_to_live(Duration::from_secs(60))
                .build(),
            writer: QueueWriter::spawn(db, gate, in_flight.clone()),
            in_flight,
        }
    }

    /// Forgets an actor's key (the actor was updated or deleted).
    pub async fn forget_actor(&self, actor_id: &str) {
        self.keys.invalidate(actor_id).await;
    }

    /// Records that `domain` has an inbox marked dead.
    pub fn domain_died(&self, domain: &str) {
        self.dead_domains.insert(domain.to_string(), true);
    }
}

/// A batch is written when it holds this many activities…
const MAX_BATCH: usize = 128;
/// …or when this much time has passed since its first activity arrived, if other requests
/// are still being verified (a lone request is written at once). Short: while a batch is
/// written the next one gathers anyway, so waiting longer only adds to every answer's time
/// (docs/benchmarks.md).
const LINGER: Duration = Duration::from_micros(200);

/// An activity waiting for the writer.
struct Submitted {
    ap_id: String,
    kind: String,
    actor_ap_id: String,
    payload: String,
    reply: oneshot::Sender<Result<bool, String>>,
}

/// Group commit: inbox requests hand their verified activity to one writer task, which
/// stores a batch with one statement and answers each request once its row is durable. The
/// channel is bounded: when the writer falls behind, requests wait (and the inbox's
/// concurrency limit answers 503 beyond it).
struct QueueWriter {
    tx: mpsc::Sender<Submitted>,
}

impl QueueWriter {
    fn spawn(db: Db, gate: WriteGate, in_flight: Arc<AtomicUsize>) -> Self {
        let (tx, rx) = mpsc::channel(1024);
        tokio::spawn(write_batches(db, gate, rx, in_flight));
        Self { tx }
    }
}

/// Queues `activity` through the writer; `Ok(false)` when it was received before.
async fn enqueue(
    data: &Data,
    ap_id: &str,
    kind: &str,
    actor_ap_id: &str,
    payload: String,
) -> Result<bool, FederationError> {
    let state = data.inbox_state();
    let (reply, answer) = oneshot::channel();
    fn lost<E>(_: E) -> FederationError {
        FederationError::Internal("the inbox queue writer stopped".into())
    }
    state
        .writer
        .tx
        .send(Submitted {
            ap_id: ap_id.to_string(),
            kind: kind.to_string(),
            actor_ap_id: actor_ap_id.to_string(),
            payload,
            reply,
        })
        .await
        .map_err(lost)?;
    answer
        .await
        .map_err(lost)?
        .map_err(|e| FederationError::Internal(format!("cannot queue the activity: {e}")))
}

/// The writer task: takes what is waiting (up to [`MAX_BATCH`]), waits up to [`LINGER`] for
/// requests still being verified, writes, answers, and again. A batch that fails is written
/// again one activity at a time, so that one bad row fails alone.
async fn write_batches(
    db: Db,
    gate: WriteGate,
    mut rx: mpsc::Receiver<Submitted>,
    in_flight: Arc<AtomicUsize>,
) {
    while let Some(first) = rx.recv().await {
        let deadline = tokio::time::Instant::now() + LINGER;
        let mut batch = vec![first];
        loop {
            while batch.len() < MAX_BATCH {
                match rx.try_recv() {
                    Ok(next) => batch.push(next),
                    Err(_) => break,
                }
            }
            if batch.len() >= MAX_BATCH || in_flight.load(Ordering::SeqCst) <= batch.len() {
                break;
            }
            match tokio::time::timeout_at(deadline, rx.recv()).await {
                Ok(Some(next)) => batch.push(next),
                _ => break,
            }
        }
        let queued: Vec<galaxie_db::inbox_queue::Queued<'_>> = batch
            .iter()
            .map(|s| galaxie_db::inbox_queue::Queued {
                ap_id: &s.ap_id,
                kind: &s.kind,
                actor_ap_id: &s.actor_ap_id,
                payload: &s.payload,
            })
            .collect();
        let turn = gate.turn().await;
        let results: Vec<Result<bool, String>> = match galaxie_db::inbox_queue::enqueue_batch(
            db.conn(),
            &queued,
        )
        .await
        {
            Ok(inserted) => inserted.into_iter().map(Ok).collect(),
            Err(err) if queued.len() > 1 => {
                tracing::warn!(error = %err, size = queued.len(), "inbox batch failed; writing its activities one by one");
                let mut one_by_one = Vec::with_capacity(queued.len());
                for q in &queued {
                    one_by_one.push(
                        galaxie_db::inbox_queue::enqueue_batch(db.conn(), std::slice::from_ref(q))
                            .await
                            .map(|r| r.first().copied().unwrap_or(false))
                            .map_err(|e| e.to_string()),
                    );
                }
                one_by_one
            }
            Err(err) => vec![Err(err.to_string())],
        };
        drop(turn);
        drop(queued);
        for (submitted, result) in batch.into_iter().zip(results) {
            let _ = submitted.reply.send(result);
        }
    }
}

async fn verify_and_queue(data: &Data, post: InboxPost<'_>) -> Result<Received, FederationError> {
    let header = |name: &str| post.headers.get(name).and_then(|v| v.to_str().ok());
    let signature = header("signature").ok_or_else(|| {
        FederationError::Unauthorized("the request is not signed (no Signature header)".into())
    })?;
    let signature = SignatureHeader::parse(signature)?;
    let authority = data.urls().authority();
    let request = IncomingRequest {
        method: "post",
        path_and_query: post.path_and_query,
        headers: post.headers,
        default_host: &authority,
    };
    let signing_string = signatures::signing_string(&signature, &request, true, SystemTime::now())?;
    signatures::check_digest(header("digest"), &post.body)?;

    let value: Value = serde_json::from_slice(&post.body)
        .map_err(|e| FederationError::Malformed(format!("body is not valid JSON: {e}")))?;
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| FederationError::Malformed("activity has no type".into()))?
        .to_string();
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| Url::parse(s).ok())
        .ok_or_else(|| FederationError::Malformed("activity has no valid id".into()))?;
    let actor_id = value
        .get("actor")
        .and_then(crate::protocol::helpers::value_id)
        .ok_or_else(|| FederationError::Malformed("activity has no valid actor".into()))?;

    let actor_domain = actor_id.host_str().unwrap_or_default().to_string();
    if galaxie_db::blocks::is_blocked(data.db().conn(), &actor_domain).await? {
        return Err(FederationError::Forbidden(format!(
            "domain {actor_domain} is blocked"
        )));
    }
    if id.host_str() != actor_id.host_str()
        || id.port_or_known_default() != actor_id.port_or_known_default()
    {
        return Err(FederationError::Forbidden(format!(
            "activity {id} is not on its actor's host {actor_domain}"
        )));
    }
    if data.urls().is_local(&actor_id) {
        return Err(FederationError::Forbidden(
            "activities of local actors are not received over HTTP".into(),
        ));
    }
    // A Mastodon-style relay we subscribed to forwards other servers' activities under its
    // own signature: verified as the relay's, then read as the relay's `Announce` of them
    // (the objects are fetched from their origin).
    if let Some(owner) = signature.key_owner_guess()
        && (owner.host_str(), owner.port_or_known_default())
            != (actor_id.host_str(), actor_id.port_or_known_default())
        && galaxie_db::networks::relay_of(data.db().conn(), owner.as_str())
            .await?
            .is_some()
    {
        verify_signature(data, &owner, &signature, &signing_string).await?;
        let Some(announce) = crate::relay::forwarded_as_announce(&owner, &value) else {
            return Ok(Received::Ignored(kind));
        };
        let announce_id = announce
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let payload = announce.to_string();
        let queued = enqueue(data, &announce_id, "Announce", owner.as_str(), payload).await?;
        if !queued {
            return Ok(Received::Duplicate);
        }
        data.ring_inbox_bell();
        return Ok(Received::Queued);
    }
    verify_signature(data, &actor_id, &signature, &signing_string).await?;
    revive_if_dead(data, &actor_domain).await?;

    let activity = InboxActivity::parse(&kind, value)?;
    if let InboxActivity::Ignored(kind) = activity {
        return Ok(Received::Ignored(kind));
    }
    activity.verify(data).await?;
    // serde_json read the body, so it is UTF-8: it is stored as received.
    let payload = String::from_utf8(post.body.to_vec())
        .map_err(|e| FederationError::Malformed(format!("body is not UTF-8: {e}")))?;
    let queued = enqueue(data, id.as_str(), &kind, actor_id.as_str(), payload).await?;
    if !queued {
        return Ok(Received::Duplicate);
    }
    data.ring_inbox_bell();
    Ok(Received::Queued)
}

/// Checks that the signature's key belongs to the activity's actor and verifies. The key
/// comes from memory when the actor's key verified recently, else from the actor (read from
/// the database, fetched when unknown or stale; concurrent requests of a new actor share one
/// fetch). When it does not verify, the actor is fetched again once (keys rotate).
async fn verify_signature(
    data: &Data,
    actor_id: &Url,
    signature: &SignatureHeader,
    signing_string: &str,
) -> Result<(), FederationError> {
    let key_owner = signature.key_owner_guess().ok_or_else(|| {
        FederationError::Unauthorized(format!("keyId {:?} is not a URL", signature.key_id))
    })?;
    let keys = &data.inbox_state().keys;
    let key_matches = |k: &KnownKey| k.key_id == signature.key_id || key_owner == *actor_id;
    let verifies = |k: &KnownKey| signatures::verify(&k.key, signing_string, &signature.signature);
    let known = keys
        .try_get_with(actor_id.to_string(), actor_key(data, actor_id, false))
        .await
        .map_err(|e| shared_error(&e))?;
    if key_matches(&known) && verifies(&known) {
        return Ok(());
    }
    // Keys rotate: fetch the actor again once before refusing.
    let fresh = actor_key(data, actor_id, true).await.map_err(|e| {
        FederationError::Unauthorized(format!("cannot refetch the actor {actor_id}: {e}"))
    })?;
    keys.insert(actor_id.to_string(), fresh.clone()).await;
    if !key_matches(&fresh) {
        return Err(FederationError::Unauthorized(format!(
            "key {} does not belong to the activity's actor {actor_id}",
            signature.key_id
        )));
    }
    if !verifies(&fresh) {
        return Err(FederationError::Unauthorized(
            "the signature does not verify".into(),
        ));
    }
    Ok(())
}

/// The actor's key, from the actor read or fetched (`forced`: fetched).
async fn actor_key(
    data: &Data,
    actor_id: &Url,
    forced: bool,
) -> Result<Arc<KnownKey>, FederationError> {
    let object_id = ObjectId::<ApubActor>::from(actor_id.clone());
    let actor = if forced {
        object_id.dereference_forced(data).await?
    } else {
        object_id.dereference(data).await.map_err(|e| match e {
            FederationError::NotFound(_) | FederationError::Remote(_) => {
                FederationError::Unauthorized(format!(
                    "cannot fetch the actor {actor_id} to check its key: {e}"
                ))
            }
            other => other,
        })?
    };
    Ok(Arc::new(KnownKey {
        key: data.keys().public(&actor.row.public_key_pem)?,
        key_id: actor.row.public_key_id,
    }))
}

/// An error shared by the requests that waited for the same actor fetch.
fn shared_error(err: &FederationError) -> FederationError {
    match err {
        FederationError::Unauthorized(m) => FederationError::Unauthorized(m.clone()),
        FederationError::Forbidden(m) => FederationError::Forbidden(m.clone()),
        FederationError::Malformed(m) => FederationError::Malformed(m.clone()),
        FederationError::Remote(m) => FederationError::Remote(m.clone()),
        FederationError::NotFound(what) => FederationError::NotFound(what),
        other => FederationError::Internal(other.to_string()),
    }
}

/// A server was heard from: its inboxes marked dead live again. Only a domain known to have
/// dead inboxes costs a write; the answer is cached for a minute.
async fn revive_if_dead(data: &Data, domain: &str) -> Result<(), FederationError> {
    let dead_domains = &data.inbox_state().dead_domains;
    let dead = match dead_domains.get(domain) {
        Some(dead) => dead,
        None => galaxie_db::deliveries::domain_has_dead_inboxes(data.db().conn(), domain).await?,
    };
    if dead {
        let revived = galaxie_db::deliveries::revive_domain(data.db().conn(), domain).await?;
        tracing::info!(
            domain,
            inboxes = revived,
            "dead inboxes revived: their server was heard from"
        );
    }
    dead_domains.insert(domain.to_string(), false);
    Ok(())
}

/// Applies one queued activity; returns what to record of it.
pub async fn apply(data: &Data, payload: &str) -> Result<ActivityData, FederationError> {
    let value: Value = serde_json::from_str(payload)?;
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| FederationError::Malformed("activity has no type".into()))?
        .to_string();
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| FederationError::Malformed("activity has no id".into()))?
        .to_string();
    let actor_id = value
        .get("actor")
        .and_then(crate::protocol::helpers::value_id)
        .ok_or_else(|| FederationError::Malformed("activity has no actor".into()))?;
    let object_ap_id = value
        .get("object")
        .and_then(crate::protocol::helpers::value_id)
        .map(|u| u.to_string());
    let public = value
        .get("to")
        .into_iter()
        .chain(value.get("cc"))
        .flat_map(|v| match v {
            Value::Array(items) => items.iter().collect::<Vec<_>>(),
            other => vec![other],
        })
        .any(|v| {
            v.as_str().is_some_and(|s| {
                Url::parse(s).is_ok_and(|u| crate::protocol::helpers::is_public(&u))
            })
        });
    // Parse, receive, then let networks announce and a relay pass it on (see
    // `InboxActivity::apply`): keep this one call.
    InboxActivity::apply(data, &kind, value).await?;
    if matches!(kind.as_str(), "Update" | "Delete")
        && object_ap_id.as_deref() == Some(actor_id.as_str())
    {
        data.inbox_state().forget_actor(actor_id.as_str()).await;
    }
    Ok(ActivityData {
        ap_id: id,
        kind,
        actor_ap_id: actor_id.to_string(),
        object_ap_id,
        place_id: None,
        local: false,
        public,
        payload: payload.to_string(),
    })
}

pub mod worker {
    //! The inbox worker: applies queued activities in arrival order. A failure for a passing
    //! reason (storage, an unreachable server) is retried with backoff; one that will not
    //! change (malformed, forbidden) marks the activity failed, kept for inspection.
    //!
    //! Batches: consecutive `Create`s of distinct objects do not depend on each other, so they
    //! are applied several at once on PostgreSQL; any other activity is applied alone, in order (an `Update`
    //! or a `Delete` after the `Create` it follows, a `Follow` before its `Undo`). The
    //! activities applied from one claim are recorded, and their queue rows marked done, in
    //! one transaction. A crash before that commit applies them again after the lease, which
    //! applying tolerates (objects are upserted, follows are keyed by actor).

    use crate::data::{AppData, FederationContext};
    use crate::error::FederationError;
    use futures::StreamExt;
    use galaxie_db::entities::inbox_queue::Model;
    use galaxie_db::inbox_queue;
    use serde_json::Value;
    use std::collections::HashSet;
    use std::time::Duration;
    use tokio::sync::watch;

    /// Attempts before a queued activity is given up.
    pub const MAX_ATTEMPTS: i32 = 8;
    /// Activities claimed at once.
    const CLAIM: u64 = 64;
    /// Independent activities applied at once on PostgreSQL, where their commits share the
    /// WAL flushes (8 at once applied about twice as many a second as 1). On SQLite they are
    /// applied one at a time: it has one writer, and concurrent applies only wait for its lock
    /// (its busy handler sleeps a millisecond and more), slowing the inbox's own writes too.
    const PARALLEL_POSTGRES: usize = 8;

    /// The object a `Create` is about, when the activity can be applied next to others.
    fn independent_create(row: &Model) -> Option<String> {
        if row.kind != "Create" {
            return None;
        }
        let value: Value = serde_json::from_str(&row.payload).ok()?;
        crate::protocol::helpers::value_id(value.get("object")?).map(|u| u.to_string())
    }

    /// Splits claimed rows (in arrival order) into groups applied one after the other:
    /// runs of `Create`s of distinct objects, and single other activities.
    fn groups(rows: Vec<Model>) -> Vec<Vec<Model>> {
        let mut groups: Vec<Vec<Model>> = Vec::new();
        let mut objects: HashSet<String> = HashSet::new();
        let mut open = false;
        for row in rows {
            match independent_create(&row) {
                Some(object) if open && !objects.contains(&object) => {
                    objects.insert(object);
                    if let Some(last) = groups.last_mut() {
                        last.push(row);
                    }
                }
                Some(object) => {
                    objects.clear();
                    objects.insert(object);
                    groups.push(vec![row]);
                    open = true;
                }
                None => {
                    groups.push(vec![row]);
                    open = false;
                }
            }
        }
        groups
    }

    /// Runs until `shutdown` turns true.
    pub async fn run(
        config: FederationContext,
        poll: Duration,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let app: AppData = config.to_request_data().app_data().clone();
        let parallel = match app.db().backend() {
            galaxie_db::Backend::Postgres => PARALLEL_POSTGRES,
            galaxie_db::Backend::Sqlite => 1,
        };
        loop {
            if *shutdown.borrow() {
                return;
            }
            let turn = app.write_gate().turn().await;
            let claimed =
                inbox_queue::claim_due(app.db().conn(), CLAIM, chrono::Duration::seconds(120))
                    .await;
            drop(turn);
            let claimed = match claimed {
                Ok(c) => c,
                Err(err) => {
                    tracing::error!(error = %err, "cannot claim inbox activities");
                    Vec::new()
                }
            };
            if claimed.is_empty() {
                tokio::select! {
                    _ = app.inbox_bell() => {}
                    _ = tokio::time::sleep(poll) => {}
                    _ = shutdown.changed() => {}
                }
                continue;
            }
            let mut done = Vec::with_capacity(claimed.len());
            for group in groups(claimed) {
                let outcomes: Vec<(Model, Result<_, FederationError>)> =
                    futures::stream::iter(group)
                        .map(|row| {
                            // A fresh request context per activity: its fetch budget is its own.
                            let data = config.to_request_data();
                            async move {
                                let outcome = super::apply(&data, &row.payload).await;
                                (row, outcome)
                            }
                        })
                        .buffered(parallel)
                        .collect()
                        .await;
                for (row, outcome) in outcomes {
                    match outcome {
                        Ok(activity) => done.push((row.id, activity)),
                        Err(err) => failed(&app, &row, err).await,
                    }
                }
            }
            let turn = app.write_gate().turn().await;
            let finished = inbox_queue::finish_batch(app.db().conn(), done).await;
            drop(turn);
            if let Err(err) = finished {
                tracing::error!(error = %err, "cannot record applied inbox activities; they will be applied again");
            }
        }
    }

    /// Retries or gives up an activity that failed.
    async fn failed(app: &AppData, row: &Model, err: FederationError) {
        let conn = app.db().conn();
        let passing = matches!(
            err,
            FederationError::Db(_) | FederationError::Remote(_) | FederationError::Internal(_)
        );
        let recorded = if passing && row.attempts + 1 < MAX_ATTEMPTS {
            let delay = chrono::Duration::seconds(1i64 << row.attempts.clamp(0, 12));
            tracing::info!(activity = %row.ap_id, error = %err, "inbox activity will be retried");
            inbox_queue::mark_retry(conn, row, galaxie_db::now() + delay, err.to_string()).await
        } else {
            tracing::warn!(activity = %row.ap_id, error = %err, "inbox activity failed");
            inbox_queue::mark_failed(conn, row, err.to_string()).await
        };
        if let Err(err) = recorded {
            tracing::error!(error = %err, "inbox bookkeeping failed");
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn row(id: i64, kind: &str, object: &str) -> Model {
            let now = galaxie_db::now();
            Model {
                id,
                ap_id: format!("https://a.example/activities/{id}"),
                kind: kind.into(),
                actor_ap_id: "https://a.example/users/a".into(),
                payload: serde_json::json!({
                    "id": format!("https://a.example/activities/{id}"),
                    "type": kind,
                    "actor": "https://a.example/users/a",
                    "object": { "id": object, "type": "Note" },
                })
                .to_string(),
                status: galaxie_db::entities::inbox_queue::InboxStatus::Pending,
                attempts: 0,
                next_attempt_at: now,
                claimed_until: None,
                last_error: None,
                received_at: now,
            }
        }

        #[test]
        fn creates_of_distinct_objects_group_and_anything_else_stands_alone() {
            let n = |i: u8| format!("https://a.example/notes/{i}");
            let rows = vec![
                row(1, "Create", &n(1)),
                row(2, "Create", &n(2)),
                row(3, "Create", &n(1)), // the same object again: a new group
                row(4, "Create", &n(3)),
                row(5, "Update", &n(3)),
                row(6, "Create", &n(4)),
                row(7, "Delete", &n(4)),
                row(8, "Follow", "https://b.example/places/x"),
                row(9, "Create", &n(5)),
            ];
            let ids: Vec<Vec<i64>> = groups(rows)
                .into_iter()
                .map(|g| g.into_iter().map(|r| r.id).collect())
                .collect();
            assert_eq!(
                ids,
                vec![
                    vec![1, 2],
                    vec![3, 4],
                    vec![5],
                    vec![6],
                    vec![7],
                    vec![8],
                    vec![9]
                ]
            );
        }
    }
}
