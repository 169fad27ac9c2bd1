//! Cooperation between places (FEP-0837, Federated Marketplace).
//!
//! - A place publishes an offer or a request as a `Proposal` whose `publishes` is an `Intent`
//!   (`action`, `resourceConformsTo` = the concept IRI of the kind of cooperation,
//!   `resourceQuantity`), with an optional `reciprocal` `Intent`. It is sent in a `Create` to
//!   the place's followers, with a one-line French `summary` for Mastodon.
//! - Another place answers with an `Offer` of an `Agreement` whose `stipulates` (and
//!   `stipulatesReciprocal`) `Commitment`s `satisfies` the proposal's intents.
//! - The proposer's administrator accepts (`Accept` of the `Offer`) or rejects (`Reject`); the
//!   agreement is then shown by both places.
//!
//! Both sides keep an `agreements` row. A proposal answered by a place of the same instance
//! needs no delivery: the one row is both sides.

use crate::data::Data;
use crate::error::FederationError;
use crate::outbox::{self, Outgoing, Prepared};
use crate::protocol::context::with_context;
use crate::protocol::helpers::{public_collection, value_id};
use galaxie_db::TransactionTrait;
use galaxie_db::cooperation::{self as db, AgreementData, ProposalData, ProposalFilter};
use galaxie_db::entities::{agreements, places, proposals};
use galaxie_domain::ValidationErrors;
use galaxie_domain::cooperation::{AgreementStatus, NewAnswer, NewProposal, Purpose};
use galaxie_domain::vocab::{self, Scheme};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use url::Url;

/// The valueflows namespace FEP-0837 uses.
pub const VF_NS: &str = "https://w3id.org/valueflows/ont/vf#";
/// The units namespace FEP-0837 uses.
pub const OM2_NS: &str = "http://www.ontology-of-units-of-measure.org/resource/om-2/";

/// The JSON-LD terms of FEP-0837 and of the code source, added to our context.
pub fn context_terms() -> Vec<(&'static str, Value)> {
    let id = |i: &str| json!({ "@id": i, "@type": "@id" });
    vec![
        ("vf", json!(VF_NS)),
        ("om2", json!(OM2_NS)),
        ("Proposal", json!("vf:Proposal")),
        ("Intent", json!("vf:Intent")),
        ("Agreement", json!("vf:Agreement")),
        ("Commitment", json!("vf:Commitment")),
        ("purpose", json!("vf:purpose")),
        ("unitBased", json!("vf:unitBased")),
        ("publishes", json!("vf:publishes")),
        ("reciprocal", json!("vf:reciprocal")),
        ("action", json!("vf:action")),
        ("resourceConformsTo", id("vf:resourceConformsTo")),
        ("resourceQuantity", json!("vf:resourceQuantity")),
        ("hasUnit", json!("om2:hasUnit")),
        ("hasNumericalValue", json!("om2:hasNumericalValue")),
        ("stipulates", json!("vf:stipulates")),
        ("stipulatesReciprocal", json!("vf:stipulatesReciprocal")),
        ("satisfies", id("vf:satisfies")),
        ("provider", id("vf:provider")),
        ("receiver", id("vf:receiver")),
        ("cooperationKind", id("gx:cooperationKind")),
        (
            "cooperationFrameworks",
            json!({ "@id": "gx:cooperationFrameworks", "@type": "@id", "@container": "@set" }),
        ),
        ("sourceCode", id("gx:sourceCode")),
        ("sourceCodeKind", json!("gx:sourceCodeKind")),
        ("forkOf", id("gx:forkOf")),
        ("forks", id("gx:forks")),
        ("originalAuthor", id("gx:originalAuthor")),
    ]
}

// --- Wire shapes -----------------------------------------------------------------------------

/// om2 measure: `{ "hasUnit": "one", "hasNumericalValue": "1" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    pub has_unit: String,
    /// A string, as FEP-0837 writes it.
    pub has_numerical_value: String,
}

/// A valueflows `Intent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Intent {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_conforms_to: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_quantity: Option<Measure>,
    /// What is asked in return, in words (Galaxie puts it in `name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A FEP-0837 `Proposal`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    pub attributed_to: Url,
    pub name: String,
    /// The one-line French summary Mastodon shows.
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `offer` or `request`.
    pub purpose: String,
    pub publishes: Intent,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reciprocal: Option<Intent>,
    #[serde(default)]
    pub unit_based: bool,
    /// The concept IRI of the kind of cooperation (also the intent's `resourceConformsTo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooperation_kind: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<chrono::DateTime<chrono::Utc>>,
    #[serde(default, deserialize_with = "crate::protocol::helpers::audience")]
    pub to: Vec<Url>,
    #[serde(
        default,
        deserialize_with = "crate::protocol::helpers::audience",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub cc: Vec<Url>,
    /// A page for people (the place's cooperation page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

/// A valueflows `Commitment` of an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    pub satisfies: Url,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_conforms_to: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_quantity: Option<Measure>,
}

/// A valueflows `Agreement`, offered by the answering place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<Url>,
    pub stipulates: Commitment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stipulates_reciprocal: Option<Commitment>,
    /// The answering place's message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Galaxie: `pending`, `accepted` or `rejected`, as its publisher knows it.
    #[serde(default, rename = "gx:status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

fn quantity_text(q: f64) -> String {
    if q.fract() == 0.0 && q.abs() < 1e15 {
        format!("{}", q as i64)
    } else {
        format!("{q}")
    }
}

fn with_fragment(url: &Url, fragment: &str) -> Url {
    let mut u = url.clone();
    u.set_fragment(Some(fragment));
    u
}

fn without_fragment(url: &Url) -> Url {
    let mut u = url.clone();
    u.set_fragment(None);
    u
}

fn kind_iri(kind: &str) -> Option<Url> {
    vocab::resolve(Scheme::Cooperation, kind).and_then(|c| Url::parse(&c.iri()).ok())
}

/// The wire shape of a stored proposal.
pub fn proposal_json(data: &Data, row: &proposals::Model) -> Result<Proposal, FederationError> {
    let id = Url::parse(&row.ap_id)?;
    let actor = Url::parse(&row.actor)?;
    let kind = kind_iri(&row.kind);
    let page = data
        .urls()
        .place_username(&actor)
        .map(|u| data.urls().base().join(&format!("places/{u}/cooperation")))
        .transpose()?;
    Ok(Proposal {
        kind: "Proposal".into(),
        id: id.clone(),
        attributed_to: actor.clone(),
        name: row.name.clone(),
        summary: Some(row.summary.clone()),
        content: row.content.clone(),
        purpose: row.purpose.clone(),
        publishes: Intent {
            kind: "Intent".into(),
            id: with_fragment(&id, "primary"),
            action: galaxie_domain::cooperation::action_of(&row.kind).into(),
            resource_conforms_to: kind.clone(),
            resource_quantity: Some(Measure {
                has_unit: row.unit.clone(),
                has_numerical_value: quantity_text(row.quantity),
            }),
            name: None,
        },
        reciprocal: row.reciprocal.as_ref().map(|r| Intent {
            kind: "Intent".into(),
            id: with_fragment(&id, "reciprocal"),
            action: "deliverService".into(),
            resource_conforms_to: None,
            resource_quantity: None,
            name: Some(r.clone()),
        }),
        unit_based: false,
        cooperation_kind: kind,
        published: Some(row.published),
        to: vec![public_collection()],
        cc: data
            .urls()
            .place_username(&actor)
            .map(|u| vec![data.urls().place_followers(u)])
            .unwrap_or_default(),
        url: page,
    })
}

/// Reads a received proposal into a row to store; `None` when it is not one of ours to keep
/// (an unknown kind of cooperation).
fn received_proposal(p: &Proposal) -> Result<ProposalData, FederationError> {
    let kind = p
        .cooperation_kind
        .as_ref()
        .or(p.publishes.resource_conforms_to.as_ref())
        .and_then(|iri| vocab::resolve(Scheme::Cooperation, iri.as_str()))
        .map(|c| c.slug.to_string())
        .ok_or_else(|| {
            FederationError::Malformed(format!(
                "proposal {} has no kind of cooperation of the vocabulary",
                p.id
            ))
        })?;
    let purpose = Purpose::parse(&p.purpose)
        .map_err(|e| FederationError::Malformed(format!("purpose: {e}")))?;
    let quantity = p
        .publishes
        .resource_quantity
        .as_ref()
        .and_then(|m| m.has_numerical_value.parse::<f64>().ok())
        .filter(|q| q.is_finite() && *q > 0.0)
        .unwrap_or(1.0);
    let unit = p
        .publishes
        .resource_quantity
        .as_ref()
        .map(|m| m.has_unit.clone())
        .filter(|u| galaxie_domain::cooperation::UNITS.contains(&u.as_str()))
        .unwrap_or_else(|| "one".into());
    let name = crate::sanitize::plain_text(&p.name, galaxie_domain::cooperation::NAME_MAX);
    let summary = p
        .summary
        .as_deref()
        .map(|s| crate::sanitize::plain_text(s, 500))
        .unwrap_or_else(|| galaxie_domain::cooperation::summary_line(purpose, &kind, &name, ""));
    Ok(ProposalData {
        ap_id: p.id.to_string(),
        place_id: None,
        actor: p.attributed_to.to_string(),
        purpose: purpose.as_str().into(),
        kind,
        name,
        summary,
        content: p.content.as_deref().map(crate::sanitize::clean_html),
        quantity,
        unit,
        reciprocal: p
            .reciprocal
            .as_ref()
            .and_then(|r| r.name.as_deref())
            .map(|r| crate::sanitize::plain_text(r, 500)),
        local: false,
        published: p.published,
    })
}

// --- Our places' side: publish, answer, decide ----------------------------------------------

/// A place publishes an offer or a request: stored, and sent to its followers in a `Create`.
pub async fn publish_proposal(
    data: &Data,
    username: &str,
    proposal: NewProposal,
) -> Result<proposals::Model, FederationError> {
    let place = crate::service::place(data, username).await?;
    let urls = data.urls();
    let actor = urls.place(&place.username);
    let ap_id = urls
        .base()
        .join(&format!("proposals/{}", uuid::Uuid::now_v7()))?;
    let row = ProposalData {
        ap_id: ap_id.to_string(),
        place_id: Some(place.id),
        actor: actor.to_string(),
        purpose: proposal.purpose.as_str().into(),
        kind: proposal.kind.clone(),
        name: proposal.name.clone(),
        summary: proposal.summary_line(&place.name),
        content: proposal
            .content
            .as_deref()
            .map(galaxie_domain::text::plain_text_to_html),
        quantity: proposal.quantity,
        unit: proposal.unit.clone(),
        reciprocal: proposal.reciprocal.clone(),
        local: true,
        published: None,
    };
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let stored = db::upsert_proposal(&txn, row).await?;
    let object = proposal_json(data, &stored)?;
    let id = urls.new_activity();
    let json = with_context(&json!({
        "id": id,
        "type": "Create",
        "actor": actor,
        "to": [public_collection()],
        "cc": [urls.place_followers(&place.username)],
        "object": object,
        "published": stored.published,
    }))?;
    let inboxes = galaxie_db::follows::follower_inboxes(&txn, place.id).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind: "Create",
            place: Some(place),
            object_id: Some(stored.ap_id.clone()),
            public: true,
            json,
            inboxes,
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(stored)
}

/// Lists proposals (ours and received).
pub async fn list(
    data: &Data,
    filter: &ProposalFilter,
) -> Result<Vec<proposals::Model>, FederationError> {
    Ok(db::list_proposals(data.db().conn(), filter).await?)
}

/// Finds a proposal by URL: stored, or fetched from its origin (and then stored).
pub async fn find_proposal(data: &Data, url: &Url) -> Result<proposals::Model, FederationError> {
    let conn = data.db().conn();
    if let Some(row) = db::proposal_by_ap_id(conn, url.as_str()).await? {
        if row.deleted_at.is_some() {
            return Err(FederationError::NotFound("proposal"));
        }
        return Ok(row);
    }
    if data.urls().is_local(url) {
        return Err(FederationError::NotFound("proposal"));
    }
    use activitypub_federation::error::Error as E;
    let value = activitypub_federation::fetch::fetch_object_http::<_, Value>(url, data)
        .await
        .map_err(|e| match e {
            // A 404 or 410 page: not an ActivityPub document, or none with this id.
            E::NotFound
            | E::ObjectDeleted(_)
            | E::ParseFetchedObject(..)
            | E::FetchInvalidContentType(_)
            | E::FetchWrongId(_) => FederationError::NotFound("proposal"),
            other => FederationError::from(other),
        })?
        .object;
    if value.get("type").is_none() {
        // A JSON error document (`{"error": "not found"}`).
        return Err(FederationError::NotFound("proposal"));
    }
    if value.get("type").and_then(Value::as_str) != Some("Proposal") {
        return Err(ValidationErrors::single(
            "proposal",
            format!("{url} is not a cooperation proposal (FEP-0837 Proposal)"),
        )
        .into());
    }
    let proposal: Proposal = serde_json::from_value(value)?;
    check_origin(&proposal.id, url)?;
    check_origin(&proposal.attributed_to, url)?;
    let row = received_proposal(&proposal)?;
    Ok(db::upsert_proposal(conn, row).await?)
}

fn same_host(a: &Url, b: &Url) -> bool {
    (a.host_str(), a.port_or_known_default()) == (b.host_str(), b.port_or_known_default())
}

fn check_origin(id: &Url, origin: &Url) -> Result<(), FederationError> {
    if same_host(id, origin) {
        Ok(())
    } else {
        Err(FederationError::Forbidden(format!(
            "{id} is not on the host of {origin}"
        )))
    }
}

/// One of our places answers a proposal: an `Agreement` is offered to the proposer.
pub async fn answer(
    data: &Data,
    username: &str,
    answer: NewAnswer,
) -> Result<agreements::Model, FederationError> {
    let place = crate::service::place(data, username).await?;
    let urls = data.urls();
    let actor = urls.place(&place.username);
    let proposal = find_proposal(data, &answer.proposal).await?;
    if proposal.actor == actor.as_str() {
        return Err(ValidationErrors::single(
            "proposal",
            "est une proposition de ce lieu / is this place's own proposal",
        )
        .into());
    }
    let proposal_url = Url::parse(&proposal.ap_id)?;
    let proposer = Url::parse(&proposal.actor)?;
    let agreement_id = urls
        .base()
        .join(&format!("agreements/{}", uuid::Uuid::now_v7()))?;
    let offer_id = urls.new_activity();
    let agreement = agreement_json(
        &proposal,
        &proposal_url,
        &agreement_id,
        &actor,
        answer.message.as_deref(),
        None,
    );
    let local_proposer = urls.is_local(&proposer);
    let inbox = if local_proposer {
        None
    } else {
        let remote = crate::webfinger::resolve_actor(data, proposer.as_str()).await?;
        Some(remote.row.inbox.clone())
    };
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let (row, _) = db::record_agreement(
        &txn,
        AgreementData {
            ap_id: agreement_id.to_string(),
            offer_ap_id: offer_id.to_string(),
            proposal_ap_id: proposal.ap_id.clone(),
            proposer: proposal.actor.clone(),
            responder: actor.to_string(),
            message: answer
                .message
                .as_deref()
                .map(galaxie_domain::text::plain_text_to_html),
        },
    )
    .await?;
    let json = with_context(&json!({
        "id": offer_id,
        "type": "Offer",
        "actor": actor,
        "to": [proposer],
        "object": agreement,
        "published": galaxie_db::now(),
    }))?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id: offer_id,
            kind: "Offer",
            place: Some(place),
            object_id: Some(agreement_id.to_string()),
            public: false,
            json,
            inboxes: inbox.into_iter().collect(),
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

fn agreement_json(
    proposal: &proposals::Model,
    proposal_url: &Url,
    agreement_id: &Url,
    responder: &Url,
    message: Option<&str>,
    status: Option<&str>,
) -> Agreement {
    let kind = kind_iri(&proposal.kind);
    Agreement {
        kind: "Agreement".into(),
        id: agreement_id.clone(),
        attributed_to: Some(responder.clone()),
        stipulates: Commitment {
            kind: "Commitment".into(),
            id: with_fragment(agreement_id, "primary"),
            satisfies: with_fragment(proposal_url, "primary"),
            resource_conforms_to: kind,
            resource_quantity: Some(Measure {
                has_unit: proposal.unit.clone(),
                has_numerical_value: quantity_text(proposal.quantity),
            }),
        },
        stipulates_reciprocal: proposal.reciprocal.as_ref().map(|_| Commitment {
            kind: "Commitment".into(),
            id: with_fragment(agreement_id, "reciprocal"),
            satisfies: with_fragment(proposal_url, "reciprocal"),
            resource_conforms_to: None,
            resource_quantity: None,
        }),
        content: message.map(galaxie_domain::text::plain_text_to_html),
        status: status.map(str::to_string),
    }
}

/// The wire shape of a stored agreement (served at its id).
pub fn agreement_document(row: &agreements::Model, proposal: Option<&proposals::Model>) -> Value {
    let (Ok(id), Ok(proposal_url), Ok(responder)) = (
        Url::parse(&row.ap_id),
        Url::parse(&row.proposal_ap_id),
        Url::parse(&row.responder),
    ) else {
        return Value::Null;
    };
    let fallback;
    let proposal = match proposal {
        Some(p) => p,
        None => {
            fallback = proposals::Model {
                id: 0,
                ap_id: row.proposal_ap_id.clone(),
                place_id: None,
                actor: row.proposer.clone(),
                purpose: "offer".into(),
                kind: String::new(),
                name: String::new(),
                summary: String::new(),
                content: None,
                quantity: 1.0,
                unit: "one".into(),
                reciprocal: None,
                departement: None,
                local: false,
                published: row.created_at,
                received_at: row.created_at,
                deleted_at: None,
            };
            &fallback
        }
    };
    let mut agreement = agreement_json(
        proposal,
        &proposal_url,
        &id,
        &responder,
        None,
        Some(&row.status),
    );
    agreement.content = row.message.clone();
    with_context(&agreement).unwrap_or(Value::Null)
}

/// An agreement of one of our places, by row id, with the check that a local place takes part.
pub async fn agreement(data: &Data, id: i64) -> Result<agreements::Model, FederationError> {
    Ok(db::agreement(data.db().conn(), id).await?)
}

/// The proposer's administrator accepts or rejects an agreement offered to one of its
/// proposals; the answering place is told (`Accept` / `Reject` of its `Offer`).
pub async fn decide(
    data: &Data,
    id: i64,
    accept: bool,
) -> Result<agreements::Model, FederationError> {
    let conn = data.db().conn();
    let row = db::agreement(conn, id).await?;
    let urls = data.urls();
    let proposer = Url::parse(&row.proposer)?;
    let Some(username) = urls.place_username(&proposer) else {
        return Err(ValidationErrors::single(
            "agreement",
            "n’est pas une réponse à une proposition de ce lieu / answers another place's proposal: only the proposer decides",
        )
        .into());
    };
    if row.status != AgreementStatus::Pending.as_str() {
        return Err(ValidationErrors::single(
            "agreement",
            format!(
                "est déjà décidé ({}) / is already {}",
                AgreementStatus::parse(&row.status)
                    .map(|s| s.label_fr())
                    .unwrap_or("?"),
                row.status
            ),
        )
        .into());
    }
    let place = crate::service::place(data, username).await?;
    let responder = Url::parse(&row.responder)?;
    let inbox = if urls.is_local(&responder) {
        None
    } else {
        galaxie_db::actors::by_ap_id(conn, responder.as_str())
            .await?
            .map(|a| a.inbox)
    };
    let status = if accept {
        AgreementStatus::Accepted
    } else {
        AgreementStatus::Rejected
    };
    let kind = if accept { "Accept" } else { "Reject" };
    let id = urls.new_activity();
    let json = with_context(&json!({
        "id": id,
        "type": kind,
        "actor": proposer,
        "to": [responder],
        "object": {
            "id": row.offer_ap_id,
            "type": "Offer",
            "actor": row.responder,
            "object": row.ap_id,
        },
        "result": row.ap_id,
        "published": galaxie_db::now(),
    }))?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let decided = db::decide_agreement(&txn, row, status.as_str()).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind: if accept { "Accept" } else { "Reject" },
            place: Some(place),
            object_id: Some(decided.offer_ap_id.clone()),
            public: false,
            json,
            inboxes: inbox.into_iter().collect(),
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(decided)
}

/// The agreements one of our places takes part in.
pub async fn agreements_of(
    data: &Data,
    place: &places::Model,
) -> Result<Vec<agreements::Model>, FederationError> {
    let actor = data.urls().place(&place.username);
    Ok(db::agreements_of(data.db().conn(), actor.as_str()).await?)
}

// --- Cooperation frameworks of places --------------------------------------------------------

/// Sets one of our places' cooperation frameworks (concepts of the `cooperation-framework`
/// scheme; an empty list clears them) and tells its followers (`Update` of the actor).
pub async fn set_frameworks(
    data: &Data,
    username: &str,
    values: &[String],
) -> Result<places::Model, FederationError> {
    let place = crate::service::place(data, username).await?;
    let mut errors = ValidationErrors::new();
    let slugs = vocab::resolve_slugs(
        &mut errors,
        "frameworks",
        Scheme::CooperationFramework,
        values,
    );
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let updated = db::set_frameworks(&txn, place, &slugs).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::PlaceUpdated {
            place: updated.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(updated)
}

/// The cooperation frameworks of a place, ours or remote, by actor id.
pub async fn frameworks_of(data: &Data, actor: &str) -> Result<Vec<String>, FederationError> {
    let conn = data.db().conn();
    if let Ok(url) = Url::parse(actor)
        && let Some(username) = data.urls().place_username(&url)
    {
        return Ok(galaxie_db::places::by_username(conn, username)
            .await?
            .map(|p| db::frameworks(&p))
            .unwrap_or_default());
    }
    Ok(db::remote_frameworks(conn, actor).await?)
}

/// Records the frameworks a fetched or updated remote actor declares. A failure is logged:
/// it never stops the actor from being stored.
pub async fn record_remote_frameworks(data: &Data, actor: &crate::protocol::actor::Actor) {
    if data.urls().is_local(&actor.id) {
        return;
    }
    let slugs: Vec<String> = actor
        .source_code
        .cooperation_frameworks
        .iter()
        .filter_map(|iri| vocab::resolve(Scheme::CooperationFramework, iri.as_str()))
        .map(|c| c.slug.to_string())
        .collect();
    if let Err(e) = db::record_remote_frameworks(data.db().conn(), actor.id.as_str(), &slugs).await
    {
        tracing::warn!(actor = %actor.id, error = %e, "cooperation frameworks not recorded");
    }
}

// --- Received -------------------------------------------------------------------------------

/// A cooperation activity received in an inbox: `Create` of a `Proposal`, `Offer` of an
/// `Agreement`, `Accept`/`Reject` of such an `Offer`, and `Add` of a fork to a place's
/// `forks` collection ([`crate::fork`]).
#[derive(Debug, Clone)]
pub struct CoopActivity {
    pub kind: String,
    pub id: Url,
    pub actor: Url,
    pub value: Value,
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

impl CoopActivity {
    /// Whether this activity is ours to handle, read before the generic dispatch.
    pub fn claim(kind: &str, value: &Value) -> Option<Self> {
        let object = value.get("object")?;
        let ours = match kind {
            "Create" => str_of(object, "type") == Some("Proposal"),
            "Offer" => str_of(object, "type") == Some("Agreement"),
            "Accept" | "Reject" => {
                str_of(object, "type") == Some("Offer")
                    && object.get("target").is_none()
                    && object
                        .get("object")
                        .and_then(value_id)
                        .is_some_and(|u| u.path().starts_with("/agreements/"))
            }
            "Add" => value
                .get("target")
                .and_then(value_id)
                .is_some_and(|t| t.path().ends_with("/forks")),
            _ => false,
        };
        if !ours {
            return None;
        }
        Some(Self {
            kind: kind.to_string(),
            id: value.get("id").and_then(value_id)?,
            actor: value.get("actor").and_then(value_id)?,
            value: value.clone(),
        })
    }

    /// Origin checks: what the actor sends is its own.
    pub async fn verify(&self, _data: &Data) -> Result<(), FederationError> {
        check_origin(&self.id, &self.actor)?;
        let object = self.value.get("object").cloned().unwrap_or(Value::Null);
        match self.kind.as_str() {
            "Create" => {
                let p: Proposal = serde_json::from_value(object)?;
                check_origin(&p.id, &self.actor)?;
                if p.attributed_to != self.actor {
                    return Err(FederationError::Forbidden(
                        "a proposal is sent by its author".into(),
                    ));
                }
            }
            "Offer" => {
                let a: Agreement = serde_json::from_value(object)?;
                check_origin(&a.id, &self.actor)?;
            }
            "Add" => {
                let fork = value_id(&object)
                    .ok_or_else(|| FederationError::Malformed("Add has no object".into()))?;
                if fork != self.actor {
                    return Err(FederationError::Forbidden(
                        "a place adds only itself to another's forks".into(),
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Applies it.
    pub async fn receive(self, data: &Data) -> Result<(), FederationError> {
        let object = self.value.get("object").cloned().unwrap_or(Value::Null);
        match self.kind.as_str() {
            "Create" => {
                let p: Proposal = serde_json::from_value(object)?;
                let row = received_proposal(&p)?;
                db::upsert_proposal(data.db().conn(), row).await?;
                Ok(())
            }
            "Offer" => on_offer(data, &self.id, &self.actor, object).await,
            "Accept" | "Reject" => {
                on_answered(data, &self.actor, &object, self.kind == "Accept").await
            }
            "Add" => {
                let target = self
                    .value
                    .get("target")
                    .and_then(value_id)
                    .ok_or_else(|| FederationError::Malformed("Add has no target".into()))?;
                crate::fork::on_fork_told(data, &self.actor, &target).await
            }
            _ => Ok(()),
        }
    }
}

/// Another place offers an agreement answering one of our places' proposals.
async fn on_offer(
    data: &Data,
    offer_id: &Url,
    actor: &Url,
    object: Value,
) -> Result<(), FederationError> {
    let agreement: Agreement = serde_json::from_value(object)?;
    let proposal_url = without_fragment(&agreement.stipulates.satisfies);
    let conn = data.db().conn();
    let Some(proposal) = db::proposal_by_ap_id(conn, proposal_url.as_str()).await? else {
        return Err(FederationError::NotFound("proposal"));
    };
    if !proposal.local || proposal.deleted_at.is_some() {
        return Err(FederationError::NotFound("proposal"));
    }
    db::record_agreement(
        conn,
        AgreementData {
            ap_id: agreement.id.to_string(),
            offer_ap_id: offer_id.to_string(),
            proposal_ap_id: proposal.ap_id.clone(),
            proposer: proposal.actor.clone(),
            responder: actor.to_string(),
            message: agreement
                .content
                .as_deref()
                .map(crate::sanitize::clean_html),
        },
    )
    .await?;
    Ok(())
}

/// The proposer answered one of our places' offers.
async fn on_answered(
    data: &Data,
    actor: &Url,
    object: &Value,
    accepted: bool,
) -> Result<(), FederationError> {
    let Some(offer_id) = value_id(object) else {
        return Ok(());
    };
    let conn = data.db().conn();
    let Some(row) = db::agreement_by_offer(conn, offer_id.as_str()).await? else {
        return Ok(());
    };
    if row.proposer != actor.as_str() {
        return Err(FederationError::Forbidden(
            "only the proposer answers an offered agreement".into(),
        ));
    }
    if row.status != AgreementStatus::Pending.as_str() {
        return Ok(());
    }
    let status = if accepted {
        AgreementStatus::Accepted
    } else {
        AgreementStatus::Rejected
    };
    db::decide_agreement(conn, row, status.as_str()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_only_cooperation_activities() {
        let create = json!({
            "id": "https://a.example/activities/1", "type": "Create",
            "actor": "https://a.example/places/a",
            "object": { "type": "Proposal", "id": "https://a.example/proposals/1" }
        });
        assert!(CoopActivity::claim("Create", &create).is_some());
        let note = json!({
            "id": "https://a.example/activities/1", "type": "Create",
            "actor": "https://a.example/places/a",
            "object": { "type": "Note", "id": "https://a.example/objects/1" }
        });
        assert!(CoopActivity::claim("Create", &note).is_none());
        // A label application's answer has a target: not ours.
        let label_answer = json!({
            "id": "https://a.example/activities/2", "type": "Accept",
            "actor": "https://a.example/places/a",
            "object": { "type": "Offer", "id": "https://b.example/activities/1",
                        "object": "https://b.example/agreements/1",
                        "target": "https://a.example/labels/1" }
        });
        assert!(CoopActivity::claim("Accept", &label_answer).is_none());
        let answer = json!({
            "id": "https://a.example/activities/2", "type": "Accept",
            "actor": "https://a.example/places/a",
            "object": { "type": "Offer", "id": "https://b.example/activities/1",
                        "object": "https://b.example/agreements/1" }
        });
        assert!(CoopActivity::claim("Accept", &answer).is_some());
    }

    #[test]
    fn quantities_are_written_as_fep_0837_strings() {
        assert_eq!(quantity_text(1.0), "1");
        assert_eq!(quantity_text(2.5), "2.5");
    }
}
