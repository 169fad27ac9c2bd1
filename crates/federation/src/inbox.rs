//! The checks every inbox POST goes through, in order, before anything is stored:
//! 1. a `Signature` header that parses, covering `(request-target) host date digest`;
//! 2. a fresh `Date` and a `Digest` that matches the body;
//! 3. a body that is a JSON object with `id`, `type` and `actor` (serde_json's recursion limit
//!    refuses deeply nested bodies; the web layer caps the size);
//! 4. the actor's domain is not blocked; the activity id is on the actor's host;
//! 5. the key belongs to the activity's actor, and the signature verifies with it — when it
//!    does not, the actor is fetched again once (keys rotate) before giving up with 401;
//! 6. the activity is parsed by type and verified (origins, ownership); a repeat is
//!    acknowledged once;
//! 7. it is stored in the inbox queue and answered 202 at once; [`worker`] applies it in the
//!    background, in arrival order, retrying what fails for a passing reason.

use crate::activities::InboxActivity;
use crate::data::Data;
use crate::error::FederationError;
use crate::objects::actor::ApubActor;
use crate::signatures::{self, IncomingRequest, SignatureHeader};
use activitypub_federation::fetch::object_id::ObjectId;
use bytes::Bytes;
use galaxie_db::activities::ActivityData;
use http::HeaderMap;
use serde_json::Value;
use std::time::SystemTime;
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

/// Verifies and applies one inbox POST, and counts the outcome.
pub async fn receive(data: &Data, post: InboxPost<'_>) -> Result<Received, FederationError> {
    use crate::metrics::Metrics;
    let result = verify_and_apply(data, post).await;
    let metrics = data.metrics();
    match &result {
        Ok(Received::Duplicate) => Metrics::inc(&metrics.inbox_duplicates),
        Ok(_) => Metrics::inc(&metrics.inbox_accepted),
        Err(_) => Metrics::inc(&metrics.inbox_rejected),
    }
    result
}

async fn verify_and_apply(data: &Data, post: InboxPost<'_>) -> Result<Received, FederationError> {
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
    let key_owner = signature.key_owner_guess().ok_or_else(|| {
        FederationError::Unauthorized(format!("keyId {:?} is not a URL", signature.key_id))
    })?;

    let object_id = ObjectId::<ApubActor>::from(actor_id.clone());
    let actor = object_id.dereference(data).await.map_err(|e| match e {
        FederationError::NotFound(_) | FederationError::Remote(_) => FederationError::Unauthorized(
            format!("cannot fetch the actor {actor_id} to check its key: {e}"),
        ),
        other => other,
    })?;
    let key_matches =
        |a: &ApubActor| a.row.public_key_id == signature.key_id || key_owner == actor_id;
    let verifies = |a: &ApubActor| -> Result<bool, FederationError> {
        let key = data.keys().public(&a.row.public_key_pem)?;
        Ok(signatures::verify(
            &key,
            &signing_string,
            &signature.signature,
        ))
    };
    let mut ok = key_matches(&actor) && verifies(&actor)?;
    if !ok {
        // Keys rotate: fetch the actor again once before refusing.
        let fresh = object_id.dereference_forced(data).await.map_err(|e| {
            FederationError::Unauthorized(format!("cannot refetch the actor {actor_id}: {e}"))
        })?;
        if !key_matches(&fresh) {
            return Err(FederationError::Unauthorized(format!(
                "key {} does not belong to the activity's actor {actor_id}",
                signature.key_id
            )));
        }
        ok = verifies(&fresh)?;
    }
    if !ok {
        return Err(FederationError::Unauthorized(
            "the signature does not verify".into(),
        ));
    }
    galaxie_db::deliveries::revive_domain(data.db().conn(), &actor_domain).await?;

    if galaxie_db::activities::exists(data.db().conn(), id.as_str()).await? {
        return Ok(Received::Duplicate);
    }
    let activity = InboxActivity::parse(&kind, value.clone())?;
    if let InboxActivity::Ignored(kind) = activity {
        return Ok(Received::Ignored(kind));
    }
    activity.verify(data).await?;
    let payload = value.to_string();
    let queued = galaxie_db::inbox_queue::enqueue(
        data.db().conn(),
        galaxie_db::inbox_queue::Queued {
            ap_id: id.as_str(),
            kind: &kind,
            actor_ap_id: actor_id.as_str(),
            payload: &payload,
        },
    )
    .await?;
    if !queued {
        return Ok(Received::Duplicate);
    }
    data.ring_inbox_bell();
    Ok(Received::Queued)
}

/// Applies one queued activity and records it.
pub async fn apply(data: &Data, payload: &str) -> Result<(), FederationError> {
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
    InboxActivity::parse(&kind, value.clone())?
        .receive(data)
        .await?;
    let object_ap_id = value
        .get("object")
        .and_then(crate::protocol::helpers::value_id)
        .map(|u| u.to_string());
    let public = value
        .get("to")
        .into_iter()
        .chain(value.get("cc"))
        .flat_map(|v| match v {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        })
        .any(|v| {
            v.as_str().is_some_and(|s| {
                Url::parse(s).is_ok_and(|u| crate::protocol::helpers::is_public(&u))
            })
        });
    let recorded = galaxie_db::activities::insert(
        data.db().conn(),
        ActivityData {
            ap_id: id,
            kind,
            actor_ap_id: actor_id.to_string(),
            object_ap_id,
            place_id: None,
            local: false,
            public,
            payload: value.to_string(),
        },
    )
    .await;
    match recorded {
        Ok(_) | Err(galaxie_db::DbError::AlreadyExists(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

pub mod worker {
    //! The inbox worker: applies queued activities in arrival order. A failure for a passing
    //! reason (storage, an unreachable server) is retried with backoff; one that will not
    //! change (malformed, forbidden) marks the activity failed, kept for inspection.

    use crate::data::{AppData, FederationContext};
    use crate::error::FederationError;
    use galaxie_db::inbox_queue;
    use std::time::Duration;
    use tokio::sync::watch;

    /// Attempts before a queued activity is given up.
    pub const MAX_ATTEMPTS: i32 = 8;

    /// Runs until `shutdown` turns true.
    pub async fn run(
        config: FederationContext,
        poll: Duration,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let app: AppData = config.to_request_data().app_data().clone();
        loop {
            if *shutdown.borrow() {
                return;
            }
            let claimed =
                match inbox_queue::claim_due(app.db().conn(), 32, chrono::Duration::seconds(120))
                    .await
                {
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
            for row in claimed {
                // A fresh request context per activity: its fetch budget is its own.
                let data = config.to_request_data();
                let outcome = super::apply(&data, &row.payload).await;
                let conn = app.db().conn();
                let recorded = match outcome {
                    Ok(()) => inbox_queue::mark_done(conn, &row).await,
                    Err(err) => {
                        let passing = matches!(
                            err,
                            FederationError::Db(_)
                                | FederationError::Remote(_)
                                | FederationError::Internal(_)
                        );
                        if passing && row.attempts + 1 < MAX_ATTEMPTS {
                            let delay =
                                chrono::Duration::seconds(1i64 << row.attempts.clamp(0, 12));
                            tracing::info!(activity = %row.ap_id, error = %err, "inbox activity will be retried");
                            inbox_queue::mark_retry(
                                conn,
                                &row,
                                galaxie_db::now() + delay,
                                err.to_string(),
                            )
                            .await
                        } else {
                            tracing::warn!(activity = %row.ap_id, error = %err, "inbox activity failed");
                            inbox_queue::mark_failed(conn, &row, err.to_string()).await
                        }
                    }
                };
                if let Err(err) = recorded {
                    tracing::error!(error = %err, "inbox bookkeeping failed");
                }
            }
        }
    }
}
