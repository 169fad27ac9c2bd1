//! Cooperation proposals (ours and received) and the agreements answering them.

use crate::entities::{agreements, proposals};
use crate::ids::PlaceId;
use crate::{DbError, Result, now};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, TryIntoModel,
};

/// A proposal to store.
#[derive(Debug, Clone, Default)]
pub struct ProposalData {
    pub ap_id: String,
    pub place_id: Option<PlaceId>,
    pub actor: String,
    pub purpose: String,
    pub kind: String,
    pub name: String,
    pub summary: String,
    pub content: Option<String>,
    pub quantity: f64,
    pub unit: String,
    pub reciprocal: Option<String>,
    pub local: bool,
    pub published: Option<DateTime<Utc>>,
}

/// The proposer's département, from its directory entry.
async fn departement_of<C: ConnectionTrait>(conn: &C, actor: &str) -> Result<Option<String>> {
    Ok(crate::directory::by_ap_id(conn, actor)
        .await?
        .and_then(|d| d.departement))
}

/// Stores a proposal, or refreshes the one with the same id (a received `Update`).
pub async fn upsert_proposal<C: ConnectionTrait>(
    conn: &C,
    data: ProposalData,
) -> Result<proposals::Model> {
    let departement = departement_of(conn, &data.actor).await?;
    let existing = proposal_by_ap_id(conn, &data.ap_id).await?;
    let at = now();
    let mut active = match existing {
        Some(row) => row.into(),
        None => proposals::ActiveModel {
            ap_id: Set(data.ap_id.clone()),
            received_at: Set(at),
            deleted_at: Set(None),
            ..Default::default()
        },
    };
    active.place_id = Set(data.place_id);
    active.actor = Set(data.actor);
    active.purpose = Set(data.purpose);
    active.kind = Set(data.kind);
    active.name = Set(data.name);
    active.summary = Set(data.summary);
    active.content = Set(data.content);
    active.quantity = Set(data.quantity);
    active.unit = Set(data.unit);
    active.reciprocal = Set(data.reciprocal);
    active.departement = Set(departement);
    active.local = Set(data.local);
    active.published = Set(data.published.unwrap_or(at));
    Ok(active.save(conn).await?.try_into_model()?)
}

/// A proposal by its ActivityPub id.
pub async fn proposal_by_ap_id<C: ConnectionTrait>(
    conn: &C,
    ap_id: &str,
) -> Result<Option<proposals::Model>> {
    Ok(proposals::Entity::find()
        .filter(proposals::Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// A proposal by row id.
pub async fn proposal<C: ConnectionTrait>(conn: &C, id: i64) -> Result<proposals::Model> {
    proposals::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(DbError::NotFound("proposal"))
}

/// Marks a proposal withdrawn.
pub async fn delete_proposal<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<bool> {
    let Some(row) = proposal_by_ap_id(conn, ap_id).await? else {
        return Ok(false);
    };
    let mut active: proposals::ActiveModel = row.into();
    active.deleted_at = Set(Some(now()));
    active.update(conn).await?;
    Ok(true)
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct ProposalFilter {
    /// `offer` or `request`.
    pub purpose: Option<String>,
    /// Kind slugs (any of).
    pub kinds: Vec<String>,
    /// Département codes (any of).
    pub departements: Vec<String>,
    /// Only this actor's.
    pub actor: Option<String>,
    /// At most this many (default 100, at most 500).
    pub limit: Option<u64>,
}

/// Live proposals, newest first.
pub async fn list_proposals<C: ConnectionTrait>(
    conn: &C,
    filter: &ProposalFilter,
) -> Result<Vec<proposals::Model>> {
    let mut cond = Condition::all().add(proposals::Column::DeletedAt.is_null());
    if let Some(p) = &filter.purpose {
        cond = cond.add(proposals::Column::Purpose.eq(p.as_str()));
    }
    if !filter.kinds.is_empty() {
        cond = cond.add(proposals::Column::Kind.is_in(filter.kinds.iter().map(String::as_str)));
    }
    if !filter.departements.is_empty() {
        cond = cond.add(
            proposals::Column::Departement.is_in(filter.departements.iter().map(String::as_str)),
        );
    }
    if let Some(a) = &filter.actor {
        cond = cond.add(proposals::Column::Actor.eq(a.as_str()));
    }
    Ok(proposals::Entity::find()
        .filter(cond)
        .order_by_desc(proposals::Column::Published)
        .order_by_desc(proposals::Column::Id)
        .limit(filter.limit.unwrap_or(100).min(500))
        .all(conn)
        .await?)
}

/// An agreement to record.
#[derive(Debug, Clone)]
pub struct AgreementData {
    pub ap_id: String,
    pub offer_ap_id: String,
    pub proposal_ap_id: String,
    pub proposer: String,
    pub responder: String,
    pub message: Option<String>,
}

/// Records a pending agreement; an `Offer` received twice is recorded once. Returns the row
/// and whether it is new.
pub async fn record_agreement<C: ConnectionTrait>(
    conn: &C,
    data: AgreementData,
) -> Result<(agreements::Model, bool)> {
    if let Some(row) = agreement_by_offer(conn, &data.offer_ap_id).await? {
        return Ok((row, false));
    }
    let row = agreements::ActiveModel {
        ap_id: Set(data.ap_id),
        offer_ap_id: Set(data.offer_ap_id),
        proposal_ap_id: Set(data.proposal_ap_id),
        proposer: Set(data.proposer),
        responder: Set(data.responder),
        message: Set(data.message),
        status: Set("pending".into()),
        created_at: Set(now()),
        decided_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "agreement"))?;
    Ok((row, true))
}

/// The agreement of an `Offer`.
pub async fn agreement_by_offer<C: ConnectionTrait>(
    conn: &C,
    offer_ap_id: &str,
) -> Result<Option<agreements::Model>> {
    Ok(agreements::Entity::find()
        .filter(agreements::Column::OfferApId.eq(offer_ap_id))
        .one(conn)
        .await?)
}

/// An agreement by its `Agreement` id.
pub async fn agreement_by_ap_id<C: ConnectionTrait>(
    conn: &C,
    ap_id: &str,
) -> Result<Option<agreements::Model>> {
    Ok(agreements::Entity::find()
        .filter(agreements::Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// An agreement by row id.
pub async fn agreement<C: ConnectionTrait>(conn: &C, id: i64) -> Result<agreements::Model> {
    agreements::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(DbError::NotFound("agreement"))
}

/// Sets an agreement's status (`accepted` or `rejected`).
pub async fn decide_agreement<C: ConnectionTrait>(
    conn: &C,
    row: agreements::Model,
    status: &str,
) -> Result<agreements::Model> {
    let mut active: agreements::ActiveModel = row.into();
    active.status = Set(status.to_string());
    active.decided_at = Set(Some(now()));
    Ok(active.update(conn).await?)
}

/// The agreements an actor is part of (as proposer or responder), newest first.
pub async fn agreements_of<C: ConnectionTrait>(
    conn: &C,
    actor: &str,
) -> Result<Vec<agreements::Model>> {
    Ok(agreements::Entity::find()
        .filter(
            Condition::any()
                .add(agreements::Column::Proposer.eq(actor))
                .add(agreements::Column::Responder.eq(actor)),
        )
        .order_by_desc(agreements::Column::Id)
        .all(conn)
        .await?)
}

/// A place's cooperation frameworks (slugs of the `cooperation-framework` scheme).
pub fn frameworks(place: &crate::entities::places::Model) -> Vec<String> {
    place
        .cooperation_frameworks
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}

/// Sets one of our places' cooperation frameworks.
pub async fn set_frameworks<C: ConnectionTrait>(
    conn: &C,
    place: crate::entities::places::Model,
    slugs: &[String],
) -> Result<crate::entities::places::Model> {
    let json = serde_json::to_string(slugs)
        .map_err(|e| sea_orm::DbErr::Custom(format!("frameworks: {e}")))?;
    let mut active: crate::entities::places::ActiveModel = place.into();
    active.cooperation_frameworks = Set(Some(json));
    active.updated_at = Set(now());
    Ok(active.update(conn).await?)
}

/// Records the frameworks a remote actor declares (an empty list forgets them).
pub async fn record_remote_frameworks<C: ConnectionTrait>(
    conn: &C,
    actor: &str,
    slugs: &[String],
) -> Result<()> {
    use crate::entities::actor_frameworks as af;
    let existing = af::Entity::find()
        .filter(af::Column::Actor.eq(actor))
        .one(conn)
        .await?;
    if slugs.is_empty() {
        if let Some(row) = existing {
            af::Entity::delete_by_id(row.id).exec(conn).await?;
        }
        return Ok(());
    }
    let json = serde_json::to_string(slugs)
        .map_err(|e| sea_orm::DbErr::Custom(format!("frameworks: {e}")))?;
    match existing {
        Some(row) => {
            let mut active: af::ActiveModel = row.into();
            active.slugs = Set(json);
            active.update(conn).await?;
        }
        None => {
            af::ActiveModel {
                actor: Set(actor.to_string()),
                slugs: Set(json),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// The frameworks a remote actor declared.
pub async fn remote_frameworks<C: ConnectionTrait>(conn: &C, actor: &str) -> Result<Vec<String>> {
    use crate::entities::actor_frameworks as af;
    Ok(af::Entity::find()
        .filter(af::Column::Actor.eq(actor))
        .one(conn)
        .await?
        .and_then(|r| serde_json::from_str(&r.slugs).ok())
        .unwrap_or_default())
}
