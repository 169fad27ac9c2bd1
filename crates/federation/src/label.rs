//! Regional labels (issue 7): a network defines labels, member places apply with their
//! answers to the criteria, moderators approve or refuse, and an approval issues an
//! **attestation**: "this place holds this label from … to …", signed by the network with an
//! FEP-8b32 `eddsa-jcs-2022` proof (see [`crate::integrity`]) whose key the network publishes
//! on its actor as a FEP-521a `assertionMethod`. Anyone verifies it from the network's public
//! key alone; revocation is federated (`Delete` of a signed `Tombstone`) and visible at the
//! attestation's URL (410 with that `Tombstone`); expiry is in the signed `endTime`.
//!
//! On the wire every object is a `Page` (Mastodon and others show a `Page`'s `name`, `summary`
//! and link) told apart by schema.org's `additionalType`: `gx:Label` (a definition),
//! `gx:LabelAttestation`, `gx:LabelApplication` (the object of an `Offer`).

use crate::data::Data;
use crate::error::FederationError;
use crate::integrity::{self, IntegrityError, SigningKey};
use crate::outbox::{self, Outgoing, Prepared};
use crate::protocol::context::galaxie_terms;
use crate::protocol::helpers::{public_collection, value_id};
use activitypub_federation::fetch::fetch_object_http;
use chrono::{DateTime, Utc};
use galaxie_db::entities::label_applications::{self, ApplicationStatus};
use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::entities::{label_attestations, labels, places};
use galaxie_db::labels as db;
use galaxie_db::{ConnectionTrait, TransactionTrait};
use galaxie_domain::ValidationErrors;
use galaxie_domain::label::{GrantDates, NewLabel};
use serde_json::{Value, json};
use url::Url;

/// `additionalType` of a label definition.
pub const LABEL_TYPE: &str = "gx:Label";
/// `additionalType` of an attestation.
pub const ATTESTATION_TYPE: &str = "gx:LabelAttestation";
/// `additionalType` of an application (the object of an `Offer`).
pub const APPLICATION_TYPE: &str = "gx:LabelApplication";
/// The fragment of a network's Ed25519 key id.
pub const KEY_FRAGMENT: &str = "ed25519-key";

/// The `additionalType` of a document, with the full IRI read back to its `gx:` form.
fn additional_type(value: &Value) -> Option<String> {
    let t = value.get("additionalType")?;
    let t = t
        .as_str()
        .or_else(|| t.as_array()?.iter().find_map(Value::as_str))?;
    Some(match t.strip_prefix(crate::protocol::context::GX_NS) {
        Some(rest) => format!("gx:{rest}"),
        None => t.to_string(),
    })
}

fn is_attestation(value: &Value) -> bool {
    additional_type(value).as_deref() == Some(ATTESTATION_TYPE)
}

/// The `@context` of label documents: ActivityStreams, data integrity, Galaxie's terms.
pub fn context() -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        integrity::DATA_INTEGRITY_CONTEXT,
        galaxie_terms()
    ])
}

/// Builds a JSON document in its own stack frame: `json!` of many fields makes large
/// temporaries, which would otherwise stay in the frame of the async function that polls
/// deep database and HTTP futures (a stack overflow in debug builds).
#[inline(never)]
fn build(f: impl FnOnce() -> Value) -> Value {
    f()
}

fn invalid(field: &str, message: impl Into<String>) -> FederationError {
    ValidationErrors::single(field, message).into()
}

fn str_of<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn url_of(value: &Value, key: &str) -> Option<Url> {
    value.get(key).and_then(value_id)
}

fn time_of(value: &Value, key: &str) -> Option<DateTime<Utc>> {
    str_of(value, key)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

// --- Keys -----------------------------------------------------------------------------------

/// A local network's signing key, made and stored the first time it is needed.
pub async fn signing_key<C: ConnectionTrait>(
    conn: &C,
    network: &places::Model,
) -> Result<SigningKey, FederationError> {
    if let Some(row) = db::key(conn, network.id).await? {
        return SigningKey::from_stored(&row.private_key).map_err(internal);
    }
    let key = SigningKey::generate().map_err(internal)?;
    let row = db::insert_key(
        conn,
        network.id,
        &key.to_stored().map_err(internal)?,
        &key.public_multibase(),
    )
    .await?;
    SigningKey::from_stored(&row.private_key).map_err(internal)
}

fn internal(e: IntegrityError) -> FederationError {
    FederationError::Internal(e.to_string())
}

/// The id of a network's Ed25519 key: `<actor>#ed25519-key`.
pub fn key_id(actor: &Url) -> String {
    format!("{actor}#{KEY_FRAGMENT}")
}

/// The FEP-521a `assertionMethod` of a local network that has a key.
pub async fn assertion_method<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    row: &places::Model,
) -> Result<Option<Value>, FederationError> {
    let Some(key) = db::key(conn, row.id).await? else {
        return Ok(None);
    };
    let actor = data.urls().place(&row.username);
    Ok(Some(json!([{
        "id": key_id(&actor),
        "type": "Multikey",
        "controller": actor,
        "publicKeyMultibase": key.public_key_multibase,
    }])))
}

/// Adds the `assertionMethod` (and the multikey context) to a local actor's JSON document.
pub async fn add_assertion_method(
    data: &Data,
    row: &places::Model,
    actor: &mut Value,
) -> Result<(), FederationError> {
    let Some(method) = assertion_method(data.db().conn(), data, row).await? else {
        return Ok(());
    };
    if let Some(Value::Array(context)) = actor.get_mut("@context") {
        context.push(json!(integrity::MULTIKEY_CONTEXT));
    }
    if let Value::Object(fields) = actor {
        fields.insert("assertionMethod".into(), method);
    }
    Ok(())
}

// --- Definitions ----------------------------------------------------------------------------

/// The URL of a local network's label.
pub fn label_url(data: &Data, network: &str, slug: &str) -> Url {
    let mut url = data.urls().place(network);
    url.set_path(&format!("/places/{network}/labels/{slug}"));
    url
}

/// The URL of a new attestation.
fn new_attestation_url(data: &Data) -> Url {
    let mut url = data.urls().base().clone();
    url.set_path(&format!("/attestations/{}", uuid::Uuid::now_v7()));
    url
}

/// Defines (or changes) a label of a local network.
pub async fn define(
    data: &Data,
    network: &str,
    new: NewLabel,
) -> Result<labels::Model, FederationError> {
    let network = local_network(data, network).await?;
    let ap_id = label_url(data, &network.username, &new.slug);
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    signing_key(&txn, &network).await?;
    let row = db::upsert(
        &txn,
        db::NewLabelRow {
            network: network.id,
            slug: &new.slug,
            ap_id: ap_id.as_str(),
            name: &new.name,
            criteria: &new.criteria,
            validity_months: new.validity_months.map(|m| m as i32),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// A local network by username, or an error on the field `network`.
pub async fn local_network(data: &Data, username: &str) -> Result<places::Model, FederationError> {
    match galaxie_db::places::by_username(data.db().conn(), username).await? {
        Some(row) if galaxie_db::networks::is_network(&row) => Ok(row),
        _ => Err(invalid(
            "network",
            format!(
                "« {username} » n'est pas un réseau de cette instance / is not a network of this instance"
            ),
        )),
    }
}

/// A local network's label by slug, or an error naming what is unknown.
pub async fn label(
    data: &Data,
    network: &str,
    slug: &str,
) -> Result<(places::Model, labels::Model), FederationError> {
    let network = local_network(data, network).await?;
    let row = db::by_slug(data.db().conn(), network.id, slug)
        .await?
        .ok_or_else(|| {
            invalid(
                "slug",
                format!(
                    "le réseau {} n'a pas de label « {slug} » / no such label",
                    network.username
                ),
            )
        })?;
    Ok((network, row))
}

/// The JSON document of a label definition.
pub fn definition_json(data: &Data, network: &places::Model, row: &labels::Model) -> Value {
    let criteria = row.criteria_list();
    let validity = row
        .validity_months
        .map(|m| format!(" — valable {m} mois"))
        .unwrap_or_default();
    json!({
        "@context": context(),
        "id": row.ap_id,
        "type": "Page",
        "additionalType": LABEL_TYPE,
        "attributedTo": data.urls().place(&network.username),
        "name": format!("Label « {} »", row.name),
        "summary": format!("Label « {} » de {} — {} critère(s){validity}", row.name, network.name, criteria.len()),
        "url": row.ap_id,
        "criteria": criteria,
        "validityMonths": row.validity_months,
        "published": rfc3339(row.created_at),
        "updated": rfc3339(row.updated_at),
    })
}

// --- Reading documents, local or remote --------------------------------------------------------

/// A document read by URL.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// The document.
    Document(Value),
    /// Gone (410), with the `Tombstone` when we have it.
    Gone(Option<Value>),
}

/// Reads a document by URL: from this instance's database when local, else over HTTP
/// (signed fetch, same checks as every fetch).
pub async fn fetch(data: &Data, url: &Url) -> Result<Fetched, FederationError> {
    if data.urls().is_local(url) {
        return local_document(data, url)
            .await?
            .ok_or(FederationError::NotFound("document"));
    }
    match Box::pin(fetch_object_http::<_, Value>(url, data)).await {
        Ok(res) => Ok(Fetched::Document(res.object)),
        Err(activitypub_federation::error::Error::ObjectDeleted(_)) => Ok(Fetched::Gone(None)),
        Err(e) => Err(FederationError::Remote(format!("{url}: {e}"))),
    }
}

/// The local label document (actor key, definition, attestation) at `url`, if any.
pub async fn local_document(data: &Data, url: &Url) -> Result<Option<Fetched>, FederationError> {
    let conn = data.db().conn();
    let mut without_fragment = url.clone();
    without_fragment.set_fragment(None);
    if let Some(row) = db::attestation(conn, without_fragment.as_str()).await?
        && row.issued_here
    {
        return Ok(Some(match row.revoked_at {
            Some(_) => Fetched::Gone(Some(tombstone(data, &row).await?)),
            None => Fetched::Document(serde_json::from_str(&row.document)?),
        }));
    }
    if let Some(row) = db::by_ap_id(conn, without_fragment.as_str()).await? {
        let network = galaxie_db::places::by_id(conn, row.network_id).await?;
        return Ok(Some(Fetched::Document(definition_json(
            data, &network, &row,
        ))));
    }
    if let Some(username) = data.urls().place_username(&without_fragment)
        && let Some(place) = galaxie_db::places::by_username(conn, username).await?
    {
        let actor =
            crate::objects::place::ApubPlace::new(place.clone(), data.urls()).to_json(data.urls());
        let mut value = crate::protocol::context::with_context(&actor)?;
        add_assertion_method(data, &place, &mut value).await?;
        return Ok(Some(Fetched::Document(value)));
    }
    Ok(None)
}

/// The signed `Tombstone` of a revoked attestation issued here.
async fn tombstone(data: &Data, row: &label_attestations::Model) -> Result<Value, FederationError> {
    let issuer = Url::parse(&row.issuer_ap_id)?;
    let username = data
        .urls()
        .place_username(&issuer)
        .ok_or(FederationError::NotFound("issuer"))?;
    let network = galaxie_db::places::get_by_username(data.db().conn(), username).await?;
    let key = signing_key(data.db().conn(), &network).await?;
    let revoked = row.revoked_at.unwrap_or(row.received_at);
    let doc = build(|| {
        json!({
            "@context": context(),
            "id": row.ap_id,
            "type": "Tombstone",
            "formerType": "Page",
            "additionalType": ATTESTATION_TYPE,
            "attributedTo": row.issuer_ap_id,
            "holder": row.holder_ap_id,
            "label": row.label_ap_id,
            "deleted": rfc3339(revoked),
        })
    });
    integrity::sign(&doc, &key, &key_id(&issuer), revoked).map_err(internal)
}

/// A label definition by URL (local or remote).
async fn fetch_definition(data: &Data, url: &Url) -> Result<Value, FederationError> {
    match fetch(data, url).await {
        Ok(Fetched::Document(doc)) if additional_type(&doc).as_deref() == Some(LABEL_TYPE) => {
            Ok(doc)
        }
        Ok(_) => Err(invalid(
            "label",
            format!("{url} n'est pas un label / is not a label"),
        )),
        Err(FederationError::NotFound(_)) => Err(invalid(
            "label",
            format!("label inconnu / unknown label: {url}"),
        )),
        Err(e) => Err(e),
    }
}

/// A label's name and criteria, read from its definition (here or on its network's
/// instance): what a place answers when it applies.
pub async fn definition(data: &Data, url: &Url) -> Result<(String, Vec<String>), FederationError> {
    let doc = Box::pin(fetch_definition(data, url)).await?;
    let name = str_of(&doc, "name").unwrap_or_default().to_string();
    let criteria = doc
        .get("criteria")
        .and_then(|c| serde_json::from_value(c.clone()).ok())
        .unwrap_or_default();
    Ok((name, criteria))
}

// --- Applying -------------------------------------------------------------------------------

/// Resolves what a person typed for a label: its URL, or `<network>/<slug>` for a network of
/// this instance.
pub fn label_ref(data: &Data, typed: &str) -> Result<Url, FederationError> {
    let typed = typed.trim();
    if typed.starts_with("http://") || typed.starts_with("https://") {
        return Ok(Url::parse(typed)?);
    }
    match typed.split_once('/') {
        Some((network, slug)) if !network.is_empty() && !slug.is_empty() => {
            Ok(label_url(data, network.trim_start_matches('@'), slug))
        }
        _ => Err(invalid(
            "label",
            format!(
                "« {typed} » : l'URL du label, ou réseau/slug / the label's URL, or network/slug"
            ),
        )),
    }
}

/// A local place applies for a label with its answers, one per criterion. The place must be
/// an accepted member of the network.
pub async fn apply(
    data: &Data,
    place_username: &str,
    label: &Url,
    answers: &[String],
) -> Result<label_applications::Model, FederationError> {
    let place = crate::service::place(data, place_username).await?;
    // Boxed, as every fetch here: these futures are large for a caller's stack.
    let definition = Box::pin(fetch_definition(data, label)).await?;
    let network_url = url_of(&definition, "attributedTo").ok_or_else(|| {
        invalid(
            "label",
            "le label n'a pas de réseau / the label has no network",
        )
    })?;
    let criteria: Vec<String> = definition
        .get("criteria")
        .and_then(|c| serde_json::from_value(c.clone()).ok())
        .unwrap_or_default();
    let answers = galaxie_domain::label::parse_answers(&criteria, answers)?;
    let urls = data.urls();
    let applicant = urls.place(&place.username);
    let conn = data.db().conn();
    let member = match urls.place_username(&network_url) {
        Some(network) => {
            let network = crate::network::network(data, network).await?;
            galaxie_db::networks::member(conn, network.id, applicant.as_str())
                .await?
                .is_some_and(|m| m.status == MemberStatus::Accepted)
        }
        None => galaxie_db::networks::membership(conn, place.id, network_url.as_str())
            .await?
            .is_some_and(|m| m.status == MemberStatus::Accepted),
    };
    if !member {
        return Err(invalid(
            "place",
            format!(
                "{} n'est pas membre du réseau {network_url} : adhérez d'abord / is not a member of the network: join first",
                place.username
            ),
        ));
    }
    let offer_id = urls.new_activity();
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let row = db::insert_application(
        &txn,
        db::NewApplication {
            ap_id: offer_id.as_str(),
            label_ap_id: label.as_str(),
            network_ap_id: network_url.as_str(),
            applicant_ap_id: applicant.as_str(),
            answers: &answers,
        },
    )
    .await?;
    if !urls.is_local(&network_url) {
        let network = Box::pin(crate::webfinger::resolve_actor(data, network_url.as_str())).await?;
        let json = build(|| {
            json!({
                "@context": context(),
                "id": offer_id,
                "type": "Offer",
                "actor": applicant,
                "to": [network_url],
                "target": label,
                "object": {
                    "type": "Page",
                    "additionalType": APPLICATION_TYPE,
                    "attributedTo": applicant,
                    "name": format!("Candidature de {} au label", place.name),
                    "label": label,
                    "answers": answers,
                },
                "published": rfc3339(galaxie_db::now()),
            })
        });
        Box::pin(outbox::publish(
            &txn,
            data,
            Outgoing::Prepared(Prepared {
                id: offer_id,
                kind: "Offer",
                place: Some(place),
                object_id: Some(label.to_string()),
                public: false,
                json,
                inboxes: vec![network.row.inbox.clone()],
            }),
        ))
        .await?;
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// The applications to a local network's label (all, or pending only).
pub async fn applications(
    data: &Data,
    network: &str,
    slug: &str,
    pending_only: bool,
) -> Result<Vec<label_applications::Model>, FederationError> {
    let (_, label) = label(data, network, slug).await?;
    Ok(db::applications(
        data.db().conn(),
        &label.ap_id,
        pending_only.then_some(ApplicationStatus::Pending),
    )
    .await?)
}

// --- Deciding, granting, revoking -----------------------------------------------------------

/// The actor a person named (`@place@host`, URL, or a local username) and its display name.
async fn holder(
    data: &Data,
    typed: &str,
) -> Result<(Url, String, Option<String>), FederationError> {
    let typed = typed.trim();
    let urls = data.urls();
    let local = if typed.starts_with("http") {
        Url::parse(typed)
            .ok()
            .and_then(|u| urls.place_username(&u).map(str::to_string))
    } else {
        let handle = typed.trim_start_matches('@');
        match handle.split_once('@') {
            Some((user, host)) if host == urls.authority() => Some(user.to_string()),
            Some(_) => None,
            None => Some(handle.to_string()),
        }
    };
    if let Some(username) = local {
        let row = galaxie_db::places::by_username(data.db().conn(), &username)
            .await?
            .ok_or_else(|| invalid("place", format!("lieu inconnu / unknown place: {typed}")))?;
        return Ok((urls.place(&row.username), row.name, None));
    }
    let actor = Box::pin(crate::webfinger::resolve_actor(data, typed))
        .await
        .map_err(|e| invalid("place", format!("{typed} : {e}")))?;
    let name = actor
        .row
        .name
        .clone()
        .or(actor.row.preferred_username.clone())
        .unwrap_or_else(|| actor.row.ap_id.clone());
    Ok((
        Url::parse(&actor.row.ap_id)?,
        name,
        Some(actor.row.inbox.clone()),
    ))
}

/// Grants a label of a local network to a member place, approving its pending application
/// if there is one: signs the attestation, stores it, and sends `Create` to the place and the
/// network's followers (and `Accept` of the application to the place).
pub async fn grant(
    data: &Data,
    network: &str,
    slug: &str,
    place: &str,
    from: Option<&str>,
    until: Option<&str>,
) -> Result<label_attestations::Model, FederationError> {
    let (network, label) = label(data, network, slug).await?;
    let dates = GrantDates::parse(
        from,
        until,
        label.validity_months.map(|m| m as u32),
        galaxie_db::now(),
    )?;
    let (holder_url, holder_name, holder_inbox) = holder(data, place).await?;
    let conn = data.db().conn();
    let member = galaxie_db::networks::member(conn, network.id, holder_url.as_str()).await?;
    if !member.is_some_and(|m| m.status == MemberStatus::Accepted) {
        return Err(invalid(
            "place",
            format!(
                "{holder_url} n'est pas membre du réseau {} / is not a member of the network",
                network.username
            ),
        ));
    }
    let pending = db::applications(conn, &label.ap_id, Some(ApplicationStatus::Pending))
        .await?
        .into_iter()
        .find(|a| a.applicant_ap_id == holder_url.as_str());
    let urls = data.urls();
    let issuer = urls.place(&network.username);
    let id = new_attestation_url(data);
    let summary =
        galaxie_domain::label::attestation_summary(&label.name, &holder_name, &network.name, dates);
    let followers = urls.place_followers(&network.username);
    let document = build(|| {
        json!({
            "@context": context(),
            "id": id,
            "type": "Page",
            "additionalType": ATTESTATION_TYPE,
            "attributedTo": issuer,
            "issuer": issuer,
            "holder": holder_url,
            "label": label.ap_id,
            "name": format!("Label « {} » — {holder_name}", label.name),
            "summary": summary,
            "startTime": rfc3339(dates.from),
            "endTime": rfc3339(dates.until),
            "published": rfc3339(galaxie_db::now()),
            "url": id,
            "to": [holder_url, public_collection()],
            "cc": [followers],
        })
    });
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let key = signing_key(&txn, &network).await?;
    let signed =
        integrity::sign(&document, &key, &key_id(&issuer), galaxie_db::now()).map_err(internal)?;
    let row = db::upsert_attestation(
        &txn,
        db::NewAttestation {
            ap_id: id.as_str(),
            label_ap_id: &label.ap_id,
            label_name: &label.name,
            issuer_ap_id: issuer.as_str(),
            holder_ap_id: holder_url.as_str(),
            valid_from: dates.from,
            valid_until: dates.until,
            document: &signed.to_string(),
            issued_here: true,
        },
    )
    .await?;
    let mut inboxes = galaxie_db::follows::follower_inboxes(&txn, network.id).await?;
    if let Some(inbox) = &holder_inbox {
        inboxes.push(inbox.clone());
    }
    inboxes.sort();
    inboxes.dedup();
    let activity_id = urls.new_activity();
    let create = build(|| {
        json!({
            "@context": context(),
            "id": activity_id,
            "type": "Create",
            "actor": issuer,
            "to": [holder_url, public_collection()],
            "cc": [followers],
            "object": signed,
            "published": rfc3339(galaxie_db::now()),
        })
    });
    Box::pin(outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id: activity_id,
            kind: "Create",
            place: Some(network.clone()),
            object_id: Some(id.to_string()),
            public: false,
            json: create,
            inboxes,
        }),
    ))
    .await?;
    if let Some(application) = pending {
        let application = db::decide(
            &txn,
            application,
            ApplicationStatus::Approved,
            None,
            Some(id.as_str()),
        )
        .await?;
        answer(
            &txn,
            data,
            &network,
            &application,
            "Accept",
            None,
            holder_inbox,
        )
        .await?;
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// Refuses a pending application, with a reason sent to the place.
pub async fn refuse(
    data: &Data,
    network: &str,
    slug: &str,
    place: &str,
    reason: Option<&str>,
) -> Result<label_applications::Model, FederationError> {
    let (network, label) = label(data, network, slug).await?;
    let (holder_url, _, holder_inbox) = holder(data, place).await?;
    let conn = data.db().conn();
    let application = db::applications(conn, &label.ap_id, Some(ApplicationStatus::Pending))
        .await?
        .into_iter()
        .find(|a| a.applicant_ap_id == holder_url.as_str())
        .ok_or_else(|| {
            invalid(
                "place",
                format!("aucune candidature en attente de {holder_url} / no pending application"),
            )
        })?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let row = db::decide(&txn, application, ApplicationStatus::Refused, reason, None).await?;
    answer(&txn, data, &network, &row, "Reject", reason, holder_inbox).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// `Accept` or `Reject` of an application's `Offer`, to a remote applicant.
async fn answer<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    network: &places::Model,
    application: &label_applications::Model,
    kind: &'static str,
    reason: Option<&str>,
    inbox: Option<String>,
) -> Result<(), FederationError> {
    let Some(inbox) = inbox else {
        return Ok(());
    };
    let urls = data.urls();
    let actor = urls.place(&network.username);
    let id = urls.new_activity();
    let json = build(|| {
        json!({
            "@context": context(),
            "id": id,
            "type": kind,
            "actor": actor,
            "to": [application.applicant_ap_id],
            "object": {
                "id": application.ap_id,
                "type": "Offer",
                "actor": application.applicant_ap_id,
                "target": application.label_ap_id,
            },
            "result": application.attestation_ap_id,
            "content": reason,
        })
    });
    Box::pin(outbox::publish(
        conn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind,
            place: Some(network.clone()),
            object_id: Some(application.ap_id.clone()),
            public: false,
            json,
            inboxes: vec![inbox],
        }),
    ))
    .await?;
    Ok(())
}

/// Revokes the current attestations of a label held by a place: each is marked revoked and a
/// `Delete` of its signed `Tombstone` goes to the place and the network's followers.
pub async fn revoke(
    data: &Data,
    network: &str,
    slug: &str,
    place: &str,
) -> Result<Vec<label_attestations::Model>, FederationError> {
    let (network, label) = label(data, network, slug).await?;
    let (holder_url, _, holder_inbox) = holder(data, place).await?;
    let conn = data.db().conn();
    let current: Vec<_> = db::held_by(conn, holder_url.as_str())
        .await?
        .into_iter()
        .filter(|a| a.label_ap_id == label.ap_id && a.issued_here && a.revoked_at.is_none())
        .collect();
    if current.is_empty() {
        return Err(invalid(
            "place",
            format!("{holder_url} n'a pas ce label / does not hold this label"),
        ));
    }
    let urls = data.urls();
    let issuer = urls.place(&network.username);
    let followers = urls.place_followers(&network.username);
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let mut inboxes = galaxie_db::follows::follower_inboxes(&txn, network.id).await?;
    inboxes.extend(holder_inbox);
    inboxes.sort();
    inboxes.dedup();
    let mut revoked = Vec::new();
    for row in current {
        let row = db::revoke(&txn, row).await?;
        let tomb = tombstone(data, &row).await?;
        let id = urls.new_activity();
        let delete = build(|| {
            json!({
                "@context": context(),
                "id": id,
                "type": "Delete",
                "actor": issuer,
                "to": [holder_url, public_collection()],
                "cc": [followers],
                "object": tomb,
                "published": rfc3339(galaxie_db::now()),
            })
        });
        Box::pin(outbox::publish(
            &txn,
            data,
            Outgoing::Prepared(Prepared {
                id,
                kind: "Delete",
                place: Some(network.clone()),
                object_id: Some(row.ap_id.clone()),
                public: false,
                json: delete,
                inboxes: inboxes.clone(),
            }),
        ))
        .await?;
        revoked.push(row);
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(revoked)
}

// --- Verifying --------------------------------------------------------------------------------

/// Why an attestation is not valid.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// Not an attestation at all.
    #[error("ce n'est pas une attestation de label / not a label attestation: {0}")]
    NotAnAttestation(String),
    /// The proof is missing, malformed, or does not match.
    #[error(transparent)]
    Proof(#[from] IntegrityError),
    /// The key does not belong to the issuer.
    #[error("la clé n'appartient pas à l'émetteur / the key does not belong to the issuer: {0}")]
    WrongIssuer(String),
    /// The issuer publishes no such key.
    #[error("clé introuvable chez l'émetteur / key not found on the issuer: {0}")]
    KeyNotFound(String),
    /// Revoked by its issuer.
    #[error("attestation révoquée / attestation revoked: {0}")]
    Revoked(String),
    /// Its validity has ended.
    #[error("attestation expirée le {0} / attestation expired on {0}")]
    Expired(String),
    /// Its validity has not begun.
    #[error("attestation pas encore valable (à partir du {0}) / not valid before {0}")]
    NotYetValid(String),
    /// The issuer or the attestation could not be read.
    #[error("lecture impossible / cannot read: {0}")]
    Unreachable(String),
}

/// A valid attestation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Verified {
    pub id: String,
    pub issuer: String,
    pub holder: String,
    pub label: String,
    pub name: Option<String>,
    pub summary: Option<String>,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
    pub verification_method: String,
}

/// Verifies an attestation by URL: reads it (a `Tombstone` or 410 means revoked), then
/// checks it as [`verify_document`] does.
pub async fn verify_url(data: &Data, url: &Url) -> Result<Verified, VerifyError> {
    match fetch(data, url).await {
        Ok(Fetched::Document(doc)) if str_of(&doc, "type") == Some("Tombstone") => {
            Err(VerifyError::Revoked(url.to_string()))
        }
        Ok(Fetched::Document(doc)) => verify_signed(data, &doc, Utc::now()).await,
        Ok(Fetched::Gone(_)) => Err(VerifyError::Revoked(url.to_string())),
        Err(e) => Err(VerifyError::Unreachable(format!("{url}: {e}"))),
    }
}

/// Verifies a copy of an attestation (a file, a received object): the proof against the
/// issuer's published key, the dates, and — by reading the attestation's URL at its issuer —
/// that it was not revoked.
pub async fn verify_document(data: &Data, doc: &Value) -> Result<Verified, VerifyError> {
    let verified = verify_signed(data, doc, Utc::now()).await?;
    let url = Url::parse(&verified.id).map_err(|e| VerifyError::NotAnAttestation(e.to_string()))?;
    match fetch(data, &url).await {
        Ok(Fetched::Document(d)) if str_of(&d, "type") != Some("Tombstone") => Ok(verified),
        Ok(_) => Err(VerifyError::Revoked(verified.id)),
        Err(e) => Err(VerifyError::Unreachable(format!(
            "état de révocation / revocation status {url}: {e}"
        ))),
    }
}

/// Checks the proof of an attestation against its issuer's `assertionMethod`, and its dates
/// at `now`. Does not look for a revocation.
pub async fn verify_signed(
    data: &Data,
    doc: &Value,
    now: DateTime<Utc>,
) -> Result<Verified, VerifyError> {
    if !is_attestation(doc) {
        return Err(VerifyError::NotAnAttestation(
            str_of(doc, "id").unwrap_or("?").to_string(),
        ));
    }
    let missing = |k: &str| VerifyError::NotAnAttestation(format!("{k} manquant / missing"));
    let id = str_of(doc, "id").ok_or_else(|| missing("id"))?;
    let issuer = url_of(doc, "issuer").ok_or_else(|| missing("issuer"))?;
    let holder = url_of(doc, "holder").ok_or_else(|| missing("holder"))?;
    let label = url_of(doc, "label").ok_or_else(|| missing("label"))?;
    let from = time_of(doc, "startTime").ok_or_else(|| missing("startTime"))?;
    let until = time_of(doc, "endTime").ok_or_else(|| missing("endTime"))?;
    if url_of(doc, "attributedTo").as_ref() != Some(&issuer) {
        return Err(VerifyError::WrongIssuer("attributedTo ≠ issuer".into()));
    }
    let proof = integrity::read_proof(doc)?;
    let method = Url::parse(&proof.verification_method)
        .map_err(|e| VerifyError::KeyNotFound(format!("{}: {e}", proof.verification_method)))?;
    let mut controller = method.clone();
    controller.set_fragment(None);
    if controller != issuer {
        return Err(VerifyError::WrongIssuer(format!(
            "{} ≠ {issuer}",
            proof.verification_method
        )));
    }
    let actor = match Box::pin(fetch(data, &controller)).await {
        Ok(Fetched::Document(actor)) => actor,
        Ok(Fetched::Gone(_)) => {
            return Err(VerifyError::KeyNotFound(format!(
                "{controller} (supprimé / gone)"
            )));
        }
        Err(e) => return Err(VerifyError::Unreachable(format!("{controller}: {e}"))),
    };
    if url_of(&actor, "id").as_ref() != Some(&controller) {
        return Err(VerifyError::WrongIssuer(format!(
            "{controller} answered with another id"
        )));
    }
    let methods: Vec<Value> = match actor.get("assertionMethod") {
        Some(Value::Array(a)) => a.clone(),
        Some(one @ Value::Object(_)) => vec![one.clone()],
        _ => Vec::new(),
    };
    let entry = methods
        .iter()
        .find(|m| str_of(m, "id") == Some(method.as_str()))
        .ok_or_else(|| VerifyError::KeyNotFound(method.to_string()))?;
    if str_of(entry, "type") != Some("Multikey")
        || url_of(entry, "controller").as_ref() != Some(&controller)
    {
        return Err(VerifyError::WrongIssuer(format!(
            "{method}: not a Multikey controlled by {controller}"
        )));
    }
    let multibase = str_of(entry, "publicKeyMultibase")
        .ok_or_else(|| VerifyError::KeyNotFound(format!("{method}: no publicKeyMultibase")))?;
    let key = integrity::decode_public_multibase(multibase)?;
    integrity::verify(doc, &key)?;
    if now < from {
        return Err(VerifyError::NotYetValid(rfc3339(from)));
    }
    if now >= until {
        return Err(VerifyError::Expired(rfc3339(until)));
    }
    Ok(Verified {
        id: id.to_string(),
        issuer: issuer.to_string(),
        holder: holder.to_string(),
        label: label.to_string(),
        name: str_of(doc, "name").map(str::to_string),
        summary: str_of(doc, "summary").map(str::to_string),
        valid_from: from,
        valid_until: until,
        verification_method: method.to_string(),
    })
}

// --- Receiving --------------------------------------------------------------------------------

/// An activity about labels, read from an inbox: `Create` or `Delete` of an attestation,
/// `Offer` of an application, `Accept`/`Reject` of an `Offer`.
#[derive(Debug, Clone)]
pub struct LabelActivity {
    kind: String,
    actor: Url,
    value: Value,
}

impl LabelActivity {
    /// Claims an activity when it is about labels; `None` leaves it to the other handlers.
    pub fn claim(kind: &str, value: &Value) -> Option<Self> {
        let object = value.get("object")?;
        let ours = match kind {
            "Create" | "Delete" => is_attestation(object),
            "Offer" => additional_type(object).as_deref() == Some(APPLICATION_TYPE),
            "Accept" | "Reject" => {
                str_of(object, "type") == Some("Offer") && object.get("target").is_some()
            }
            _ => false,
        };
        if !ours {
            return None;
        }
        Some(Self {
            kind: kind.to_string(),
            actor: url_of(value, "actor")?,
            value: value.clone(),
        })
    }

    /// Origin checks: what the actor says is its own.
    pub async fn verify(&self, _data: &Data) -> Result<(), FederationError> {
        let object = self.value.get("object").cloned().unwrap_or(Value::Null);
        let same_host = |u: &Url| {
            (u.host_str(), u.port_or_known_default())
                == (self.actor.host_str(), self.actor.port_or_known_default())
        };
        match self.kind.as_str() {
            "Create" if url_of(&object, "issuer").as_ref() != Some(&self.actor) => {
                return Err(FederationError::Forbidden(
                    "an attestation is sent by its issuer".into(),
                ));
            }
            "Delete" => {
                let id = value_id(&object)
                    .ok_or_else(|| FederationError::Malformed("object has no id".into()))?;
                if !same_host(&id) {
                    return Err(FederationError::Forbidden(format!(
                        "{id} is not on the sender's host"
                    )));
                }
            }
            "Offer" if url_of(&object, "attributedTo").as_ref() != Some(&self.actor) => {
                return Err(FederationError::Forbidden(
                    "an application is sent by its applicant".into(),
                ));
            }
            _ => {}
        }
        Ok(())
    }

    /// Applies it.
    pub async fn receive(self, data: &Data) -> Result<(), FederationError> {
        match self.kind.as_str() {
            "Create" => on_attestation(data, &self.actor, &self.value["object"]).await,
            "Delete" => on_revocation(data, &self.actor, &self.value["object"]).await,
            "Offer" => on_offer(data, &self.actor, &self.value).await,
            "Accept" | "Reject" => on_answer(data, &self.actor, &self.kind, &self.value).await,
            _ => Ok(()),
        }
    }
}

/// An attestation arrived: kept when it verifies (proof, issuer's key, dates) and concerns us
/// (the holder is one of our places, or someone here follows the issuer).
async fn on_attestation(data: &Data, actor: &Url, object: &Value) -> Result<(), FederationError> {
    let conn = data.db().conn();
    let holder = url_of(object, "holder");
    let concerns_us = holder.as_ref().is_some_and(|h| data.urls().is_local(h))
        || galaxie_db::follows::is_followed_locally(conn, actor.as_str()).await?;
    if !concerns_us {
        return Ok(());
    }
    let verified = verify_signed(data, object, Utc::now())
        .await
        .map_err(|e| FederationError::Forbidden(format!("attestation refused: {e}")))?;
    let label_name = str_of(object, "name")
        .and_then(|n| n.split_once('«').and_then(|(_, r)| r.split_once('»')))
        .map(|(n, _)| n.trim().to_string())
        .unwrap_or_else(|| verified.label.clone());
    db::upsert_attestation(
        conn,
        db::NewAttestation {
            ap_id: &verified.id,
            label_ap_id: &verified.label,
            label_name: &label_name,
            issuer_ap_id: &verified.issuer,
            holder_ap_id: &verified.holder,
            valid_from: verified.valid_from,
            valid_until: verified.valid_until,
            document: &object.to_string(),
            issued_here: false,
        },
    )
    .await?;
    Ok(())
}

/// A revocation arrived from the issuer.
async fn on_revocation(data: &Data, actor: &Url, object: &Value) -> Result<(), FederationError> {
    let conn = data.db().conn();
    let Some(id) = value_id(object) else {
        return Ok(());
    };
    if let Some(row) = db::attestation(conn, id.as_str()).await? {
        if row.issuer_ap_id != actor.as_str() {
            return Err(FederationError::Forbidden(
                "only the issuer revokes an attestation".into(),
            ));
        }
        db::revoke(conn, row).await?;
    }
    Ok(())
}

/// An application arrived at one of our networks.
async fn on_offer(data: &Data, actor: &Url, value: &Value) -> Result<(), FederationError> {
    let conn = data.db().conn();
    let object = &value["object"];
    let Some(label_url) = url_of(value, "target").or_else(|| url_of(object, "label")) else {
        return Err(FederationError::Malformed("Offer without target".into()));
    };
    let Some(label) = db::by_ap_id(conn, label_url.as_str()).await? else {
        return Err(FederationError::NotFound("label"));
    };
    let network = galaxie_db::places::by_id(conn, label.network_id).await?;
    let offer_id = url_of(value, "id").ok_or_else(|| FederationError::Malformed("no id".into()))?;
    let answers: Vec<String> = object
        .get("answers")
        .and_then(|a| serde_json::from_value(a.clone()).ok())
        .unwrap_or_default();
    let member = galaxie_db::networks::member(conn, network.id, actor.as_str())
        .await?
        .is_some_and(|m| m.status == MemberStatus::Accepted);
    let checked = galaxie_domain::label::parse_answers(&label.criteria_list(), &answers);
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let row = db::insert_application(
        &txn,
        db::NewApplication {
            ap_id: offer_id.as_str(),
            label_ap_id: &label.ap_id,
            network_ap_id: data.urls().place(&network.username).as_str(),
            applicant_ap_id: actor.as_str(),
            answers: &answers,
        },
    )
    .await?;
    let refusal = if !member {
        Some("le lieu n'est pas membre du réseau / the place is not a member".to_string())
    } else {
        checked.err().map(|e| e.to_string())
    };
    if let Some(reason) = refusal
        && row.status == ApplicationStatus::Pending
    {
        let actor_row = crate::webfinger::resolve_actor(data, actor.as_str()).await?;
        answer(
            &txn,
            data,
            &network,
            &row,
            "Reject",
            Some(&reason),
            Some(actor_row.row.inbox.clone()),
        )
        .await?;
        db::decide(&txn, row, ApplicationStatus::Refused, Some(&reason), None).await?;
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

/// A network answered one of our places' applications.
async fn on_answer(
    data: &Data,
    actor: &Url,
    kind: &str,
    value: &Value,
) -> Result<(), FederationError> {
    let conn = data.db().conn();
    let Some(offer) = value_id(&value["object"]) else {
        return Ok(());
    };
    let Some(row) = db::application(conn, offer.as_str()).await? else {
        return Ok(());
    };
    if row.network_ap_id != actor.as_str() {
        return Err(FederationError::Forbidden(
            "only the network answers an application".into(),
        ));
    }
    let (status, reason) = if kind == "Accept" {
        (ApplicationStatus::Approved, None)
    } else {
        (ApplicationStatus::Refused, str_of(value, "content"))
    };
    let result = str_of(value, "result");
    db::decide(conn, row, status, reason, result).await?;
    Ok(())
}

// --- Reading for pages and filters ------------------------------------------------------------

/// The attestations a place holds that are valid now (not revoked, within their dates).
pub async fn valid_labels_of(
    data: &Data,
    holder: &str,
) -> Result<Vec<label_attestations::Model>, FederationError> {
    let now = galaxie_db::now();
    Ok(db::held_by(data.db().conn(), holder)
        .await?
        .into_iter()
        .filter(|a| a.is_valid_at(now))
        .collect())
}
