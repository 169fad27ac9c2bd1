//! Regional labels: the Ed25519 key of each local network, the labels it defines, the
//! applications it receives (or our places send), and the attestations issued here or
//! received and verified.

use crate::entities::label_applications::{self, ApplicationStatus};
use crate::entities::{label_attestations, label_keys, labels};
use crate::{DbError, PlaceId, Result, now};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TryIntoModel,
};

// --- Keys -----------------------------------------------------------------------------------

/// The signing key of a local network, if it has one yet.
pub async fn key<C: ConnectionTrait>(
    conn: &C,
    place: PlaceId,
) -> Result<Option<label_keys::Model>> {
    Ok(label_keys::Entity::find()
        .filter(label_keys::Column::PlaceId.eq(place))
        .one(conn)
        .await?)
}

/// Stores a network's signing key (the first one stored wins).
pub async fn insert_key<C: ConnectionTrait>(
    conn: &C,
    place: PlaceId,
    private_key: &str,
    public_key_multibase: &str,
) -> Result<label_keys::Model> {
    if let Some(existing) = key(conn, place).await? {
        return Ok(existing);
    }
    label_keys::ActiveModel {
        place_id: Set(place),
        private_key: Set(private_key.to_string()),
        public_key_multibase: Set(public_key_multibase.to_string()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "label key"))
}

// --- Definitions ----------------------------------------------------------------------------

/// What a network defines.
#[derive(Debug, Clone)]
pub struct NewLabelRow<'a> {
    pub network: PlaceId,
    pub slug: &'a str,
    pub ap_id: &'a str,
    pub name: &'a str,
    pub criteria: &'a [String],
    pub validity_months: Option<i32>,
}

/// Defines a label, or changes the definition with the same slug.
pub async fn upsert<C: ConnectionTrait>(conn: &C, new: NewLabelRow<'_>) -> Result<labels::Model> {
    let now = now();
    let criteria = serde_json::to_string(new.criteria).unwrap_or_else(|_| "[]".into());
    let mut active: labels::ActiveModel = match by_slug(conn, new.network, new.slug).await? {
        Some(row) => row.into(),
        None => labels::ActiveModel {
            network_id: Set(new.network),
            slug: Set(new.slug.to_string()),
            ap_id: Set(new.ap_id.to_string()),
            created_at: Set(now),
            ..Default::default()
        },
    };
    active.name = Set(new.name.to_string());
    active.criteria = Set(criteria);
    active.validity_months = Set(new.validity_months);
    active.updated_at = Set(now);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// A network's label by slug.
pub async fn by_slug<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    slug: &str,
) -> Result<Option<labels::Model>> {
    Ok(labels::Entity::find()
        .filter(labels::Column::NetworkId.eq(network))
        .filter(labels::Column::Slug.eq(slug))
        .one(conn)
        .await?)
}

/// A local label by its ActivityPub id.
pub async fn by_ap_id<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<Option<labels::Model>> {
    Ok(labels::Entity::find()
        .filter(labels::Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// A network's labels, by slug.
pub async fn list<C: ConnectionTrait>(conn: &C, network: PlaceId) -> Result<Vec<labels::Model>> {
    Ok(labels::Entity::find()
        .filter(labels::Column::NetworkId.eq(network))
        .order_by_asc(labels::Column::Slug)
        .all(conn)
        .await?)
}

// --- Applications ---------------------------------------------------------------------------

/// An application, as sent or received.
#[derive(Debug, Clone)]
pub struct NewApplication<'a> {
    pub ap_id: &'a str,
    pub label_ap_id: &'a str,
    pub network_ap_id: &'a str,
    pub applicant_ap_id: &'a str,
    pub answers: &'a [String],
}

/// Records an application (pending); the same `Offer` twice is recorded once.
pub async fn insert_application<C: ConnectionTrait>(
    conn: &C,
    new: NewApplication<'_>,
) -> Result<label_applications::Model> {
    if let Some(existing) = application(conn, new.ap_id).await? {
        return Ok(existing);
    }
    Ok(label_applications::ActiveModel {
        ap_id: Set(new.ap_id.to_string()),
        label_ap_id: Set(new.label_ap_id.to_string()),
        network_ap_id: Set(new.network_ap_id.to_string()),
        applicant_ap_id: Set(new.applicant_ap_id.to_string()),
        answers: Set(serde_json::to_string(new.answers).unwrap_or_else(|_| "[]".into())),
        status: Set(ApplicationStatus::Pending),
        reason: Set(None),
        attestation_ap_id: Set(None),
        created_at: Set(now()),
        decided_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// An application by its `Offer` id.
pub async fn application<C: ConnectionTrait>(
    conn: &C,
    ap_id: &str,
) -> Result<Option<label_applications::Model>> {
    Ok(label_applications::Entity::find()
        .filter(label_applications::Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// The applications for a label (all of them, or those in `status`), oldest first.
pub async fn applications<C: ConnectionTrait>(
    conn: &C,
    label_ap_id: &str,
    status: Option<ApplicationStatus>,
) -> Result<Vec<label_applications::Model>> {
    let mut q = label_applications::Entity::find()
        .filter(label_applications::Column::LabelApId.eq(label_ap_id));
    if let Some(s) = status {
        q = q.filter(label_applications::Column::Status.eq(s));
    }
    Ok(q.order_by_asc(label_applications::Column::Id)
        .all(conn)
        .await?)
}

/// The applications an applicant sent (or that were sent for it).
pub async fn applications_of<C: ConnectionTrait>(
    conn: &C,
    applicant_ap_id: &str,
) -> Result<Vec<label_applications::Model>> {
    Ok(label_applications::Entity::find()
        .filter(label_applications::Column::ApplicantApId.eq(applicant_ap_id))
        .order_by_desc(label_applications::Column::Id)
        .all(conn)
        .await?)
}

/// Records a decision on an application.
pub async fn decide<C: ConnectionTrait>(
    conn: &C,
    row: label_applications::Model,
    status: ApplicationStatus,
    reason: Option<&str>,
    attestation_ap_id: Option<&str>,
) -> Result<label_applications::Model> {
    let mut active: label_applications::ActiveModel = row.into();
    active.status = Set(status);
    active.reason = Set(reason.map(str::to_string));
    if let Some(a) = attestation_ap_id {
        active.attestation_ap_id = Set(Some(a.to_string()));
    }
    active.decided_at = Set(Some(now()));
    Ok(active.update(conn).await?)
}

// --- Attestations ---------------------------------------------------------------------------

/// An attestation to store.
#[derive(Debug, Clone)]
pub struct NewAttestation<'a> {
    pub ap_id: &'a str,
    pub label_ap_id: &'a str,
    pub label_name: &'a str,
    pub issuer_ap_id: &'a str,
    pub holder_ap_id: &'a str,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
    pub document: &'a str,
    pub issued_here: bool,
}

/// Stores an attestation (or replaces the stored copy of the same id, unless revoked).
pub async fn upsert_attestation<C: ConnectionTrait>(
    conn: &C,
    new: NewAttestation<'_>,
) -> Result<label_attestations::Model> {
    let mut active: label_attestations::ActiveModel = match attestation(conn, new.ap_id).await? {
        Some(row) if row.revoked_at.is_some() => return Ok(row),
        Some(row) => row.into(),
        None => label_attestations::ActiveModel {
            ap_id: Set(new.ap_id.to_string()),
            revoked_at: Set(None),
            ..Default::default()
        },
    };
    active.label_ap_id = Set(new.label_ap_id.to_string());
    active.label_name = Set(new.label_name.to_string());
    active.issuer_ap_id = Set(new.issuer_ap_id.to_string());
    active.holder_ap_id = Set(new.holder_ap_id.to_string());
    active.valid_from = Set(new.valid_from);
    active.valid_until = Set(new.valid_until);
    active.document = Set(new.document.to_string());
    active.issued_here = Set(new.issued_here);
    active.received_at = Set(now());
    Ok(active.save(conn).await?.try_into_model()?)
}

/// An attestation by id.
pub async fn attestation<C: ConnectionTrait>(
    conn: &C,
    ap_id: &str,
) -> Result<Option<label_attestations::Model>> {
    Ok(label_attestations::Entity::find()
        .filter(label_attestations::Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// Marks an attestation revoked (once).
pub async fn revoke<C: ConnectionTrait>(
    conn: &C,
    row: label_attestations::Model,
) -> Result<label_attestations::Model> {
    if row.revoked_at.is_some() {
        return Ok(row);
    }
    let mut active: label_attestations::ActiveModel = row.into();
    active.revoked_at = Set(Some(now()));
    Ok(active.update(conn).await?)
}

/// The attestations a place holds (all, newest first; filter with `is_valid_at`).
pub async fn held_by<C: ConnectionTrait>(
    conn: &C,
    holder_ap_id: &str,
) -> Result<Vec<label_attestations::Model>> {
    Ok(label_attestations::Entity::find()
        .filter(label_attestations::Column::HolderApId.eq(holder_ap_id))
        .order_by_desc(label_attestations::Column::ValidUntil)
        .all(conn)
        .await?)
}

/// The attestations of a label (all, newest first).
pub async fn of_label<C: ConnectionTrait>(
    conn: &C,
    label_ap_id: &str,
) -> Result<Vec<label_attestations::Model>> {
    Ok(label_attestations::Entity::find()
        .filter(label_attestations::Column::LabelApId.eq(label_ap_id))
        .order_by_desc(label_attestations::Column::ValidUntil)
        .all(conn)
        .await?)
}

/// The holders of a valid (unrevoked, current) attestation of a label: what the `label`
/// filter of the timeline and the directory keeps.
pub async fn valid_holders<C: ConnectionTrait>(conn: &C, label_ap_id: &str) -> Result<Vec<String>> {
    let at = now();
    Ok(label_attestations::Entity::find()
        .filter(label_attestations::Column::LabelApId.eq(label_ap_id))
        .filter(label_attestations::Column::RevokedAt.is_null())
        .filter(label_attestations::Column::ValidFrom.lte(at))
        .filter(label_attestations::Column::ValidUntil.gt(at))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.holder_ap_id)
        .collect())
}

/// The holders (actor ids) of a valid attestation of one of `label_ap_ids` at `at`, as a
/// subquery: what the regional `label` filter of the timeline and the directory keeps.
pub fn valid_holders_query(
    label_ap_ids: &[String],
    at: DateTime<Utc>,
) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    Query::select()
        .column(label_attestations::Column::HolderApId)
        .from(label_attestations::Entity)
        .and_where(
            Expr::col(label_attestations::Column::LabelApId).is_in(label_ap_ids.iter().cloned()),
        )
        .and_where(Expr::col(label_attestations::Column::RevokedAt).is_null())
        .and_where(Expr::col(label_attestations::Column::ValidFrom).lte(at))
        .and_where(Expr::col(label_attestations::Column::ValidUntil).gt(at))
        .to_owned()
}
