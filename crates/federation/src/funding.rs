//! The funding watch (veille des financements): funding calls as federated `Page`s marked by
//! Galaxie's funding terms, published by a place or a network, received from others, imported
//! from funders' RSS/Atom feeds and Aides-territoires-style JSON, and matched to each place.
//!
//! A network's members do not follow it (the network follows them, see `network`), so a call a
//! network publishes is addressed and delivered to its accepted members as well as to its
//! followers: `cc` names each member, which is what makes the member's instance keep it.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::place::{FALC, concept_iri};
use crate::outbox::{self, Outgoing, Prepared};
use crate::protocol::context::with_context;
use crate::protocol::helpers::public_collection;
use crate::protocol::post::{Post, PostKind};
use crate::sanitize::{clean_html, plain_text};
use chrono::NaiveDate;
use galaxie_db::entities::funding_calls;
use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::entities::places;
use galaxie_db::funding::FundingData;
use galaxie_db::{ConnectionTrait, TransactionTrait};
use galaxie_domain::funding::{
    self as domain, Applicant, Criteria, Ineligible, NewFundingCall, RawFundingCall, Territory,
};
use galaxie_domain::timeline::slugs_from_iris;
use galaxie_domain::vocab::Scheme;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use url::Url;

/// Largest feed or file read by an import: bigger ones are refused before anything is stored.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Largest number of calls read from one source.
pub const MAX_IMPORT_ITEMS: usize = 2_000;

/// The funding terms of a `Page` (`gx:` terms; vocabulary values are concept IRIs). A `Page`
/// with `fundingCall: true` is a funding call; every other `Page` leaves them empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FundingTerms {
    /// `gx:fundingCall`: marks the `Page` as a funding call.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_bool"
    )]
    pub funding_call: Option<bool>,
    /// `gx:funder`: who funds, in words.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub funder: Option<String>,
    /// `gx:programme`: the programme or scheme.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub programme: Option<String>,
    /// `gx:deadline`: last day to apply, `YYYY-MM-DD`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub deadline: Option<String>,
    /// `gx:openingDate`: first day to apply, `YYYY-MM-DD`.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub opening_date: Option<String>,
    /// `gx:eligibleStructures`: legal-form and structure-type concept IRIs.
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "strings")]
    pub eligible_structures: Vec<String>,
    /// `gx:territory`: `france`, `region:<code>`, `departement:<code>`, `commune:<INSEE>`.
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "strings")]
    pub territory: Vec<String>,
    /// `gx:themes`: service concept IRIs.
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "strings")]
    pub themes: Vec<String>,
    /// `gx:amountMax`: highest amount, in euros.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u64"
    )]
    pub amount_max: Option<u64>,
    /// `gx:rateMax`: highest rate of the project's cost, in percent.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u64"
    )]
    pub rate_max: Option<u64>,
    /// `gx:amountText`: the amounts in words.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub amount_text: Option<String>,
    /// `gx:howToApply`: how to apply, in words.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub how_to_apply: Option<String>,
    /// `gx:applicationUrl`: where to apply.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_url"
    )]
    pub application_url: Option<Url>,
    /// `gx:sourceLink`: the funder's page.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_url"
    )]
    pub source_link: Option<Url>,
}

impl FundingTerms {
    /// Whether the `Page` is a funding call.
    pub fn is_call(&self) -> bool {
        self.funding_call == Some(true)
    }
}

fn lenient_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Array(items)) => items
            .into_iter()
            .find_map(|v| v.as_str().map(str::to_string)),
        _ => None,
    })
}

fn lenient_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Bool(b)) => Some(b),
        Some(Value::String(s)) => Some(s == "true"),
        _ => None,
    })
}

fn lenient_u64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64)),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

fn lenient_url<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Url>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Url::parse(&s)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https")),
        _ => None,
    })
}

fn strings<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => vec![s],
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s),
                Value::Object(o) => o.get("id").and_then(Value::as_str).map(str::to_string),
                _ => None,
            })
            .take(200)
            .collect(),
        _ => Vec::new(),
    })
}

// ---------------------------------------------------------------------------------------------
// Rows and wire

/// What a stored call says about who may apply.
pub fn criteria(row: &funding_calls::Model) -> Criteria {
    galaxie_db::funding::criteria(row)
}

/// The HTML page of a call.
pub fn page_url(data: &Data, row: &funding_calls::Model) -> Url {
    let mut url = data.urls().base().clone();
    url.set_path(&format!("/financements/{}", row.id));
    url
}

/// The wire shape of a stored call: a `Page` with the funding terms, addressed to the public,
/// the publisher's followers and, for a network, each accepted member.
pub async fn to_post<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    row: &funding_calls::Model,
) -> Result<Post, FederationError> {
    let attributed_to = Url::parse(&row.attributed_to)?;
    let mut cc: Vec<Url> = Vec::new();
    if let Some(username) = data.urls().place_username(&attributed_to) {
        cc.push(data.urls().place_followers(username));
    }
    if let Some(place_id) = row.place_id {
        cc.extend(
            member_actors(conn, place_id)
                .await?
                .iter()
                .filter_map(|a| Url::parse(a).ok()),
        );
    }
    let c = criteria(row);
    let mut eligible: Vec<String> = c
        .legal_forms
        .iter()
        .map(|s| concept_iri(Scheme::LegalForm, s))
        .collect();
    eligible.extend(
        c.structure_types
            .iter()
            .map(|s| concept_iri(Scheme::StructureType, s)),
    );
    let falc = |text: Option<&str>, falc: Option<&str>| {
        falc.map(|f| {
            let mut map = BTreeMap::new();
            if let Some(t) = text {
                map.insert("fr".to_string(), t.to_string());
            }
            map.insert(FALC.to_string(), f.to_string());
            map
        })
    };
    let local = row.place_id.is_some();
    Ok(Post {
        id: Url::parse(&row.ap_id)?,
        kind: PostKind::Page,
        attributed_to,
        to: vec![public_collection()],
        cc,
        name: Some(row.name.clone()),
        summary: Some(row.summary.clone()),
        summary_map: falc(Some(&row.summary), row.summary_falc.as_deref()),
        content: row.content.clone(),
        content_map: falc(row.content.as_deref(), row.content_falc.as_deref()),
        media_type: row.content.as_ref().map(|_| "text/html".to_string()),
        url: Some(if local {
            page_url(data, row)
        } else {
            Url::parse(&row.ap_id)?
        }),
        in_reply_to: None,
        published: Some(row.published),
        updated: row.updated,
        sensitive: None,
        start_time: None,
        end_time: None,
        timezone: None,
        location: Default::default(),
        join_mode: None,
        external_participation_url: None,
        is_online: None,
        online_url: None,
        maximum_attendee_capacity: None,
        category: None,
        price: None,
        event_status: None,
        license: None,
        tag: Vec::new(),
        image: None,
        attachment: Vec::new(),
        catalogue: Default::default(),
        funding: FundingTerms {
            funding_call: Some(true),
            funder: row.funder.clone(),
            programme: row.programme.clone(),
            deadline: row.deadline.map(|d| d.to_string()),
            opening_date: row.opening_date.map(|d| d.to_string()),
            eligible_structures: eligible,
            territory: c.territory.iter().map(ToString::to_string).collect(),
            themes: c
                .themes
                .iter()
                .map(|s| concept_iri(Scheme::Service, s))
                .collect(),
            amount_max: row.amount_max.and_then(|a| u64::try_from(a).ok()),
            rate_max: row.rate_max.and_then(|r| u64::try_from(r).ok()),
            amount_text: row.amount_text.clone(),
            how_to_apply: row.how_to_apply.clone(),
            application_url: row
                .application_url
                .as_deref()
                .and_then(|u| Url::parse(u).ok()),
            source_link: row.source_url.as_deref().and_then(|u| Url::parse(u).ok()),
        },
    })
}

/// What we store of a received call: HTML cleaned, names made plain, unknown concepts and
/// territories left out.
pub fn received_data(post: &Post) -> FundingData {
    let f = &post.funding;
    let date = |d: &Option<String>| d.as_deref().and_then(|d| domain::parse_date(d).ok());
    let deadline = date(&f.deadline);
    let name = post
        .name
        .as_deref()
        .map(|n| plain_text(n, 300))
        .unwrap_or_default();
    let funder = f.funder.as_deref().map(|t| plain_text(t, 200));
    let mut territory: Vec<Territory> = f
        .territory
        .iter()
        .filter_map(|t| Territory::parse(t).ok())
        .collect();
    if territory.contains(&Territory::France) {
        territory.clear();
    }
    FundingData {
        ap_id: post.id.to_string(),
        place_id: None,
        attributed_to: post.attributed_to.to_string(),
        summary: post
            .summary
            .as_deref()
            .map(|s| plain_text(s, 500))
            .unwrap_or_else(|| name.clone()),
        summary_falc: post
            .summary_map
            .as_ref()
            .and_then(|m| m.get(FALC))
            .map(|v| plain_text(v, 500)),
        content: post.content.as_deref().map(clean_html),
        content_falc: post
            .content_map
            .as_ref()
            .and_then(|m| m.get(FALC))
            .map(|v| clean_html(v)),
        dedup_key: domain::dedup_key(funder.as_deref(), &name, deadline),
        name,
        funder,
        programme: f.programme.as_deref().map(|t| plain_text(t, 200)),
        deadline,
        opening_date: date(&f.opening_date),
        criteria: Criteria {
            legal_forms: slugs_from_iris(Scheme::LegalForm, &f.eligible_structures),
            structure_types: slugs_from_iris(Scheme::StructureType, &f.eligible_structures),
            territory,
            themes: slugs_from_iris(Scheme::Service, &f.themes),
        },
        amount_max: f.amount_max,
        rate_max: f
            .rate_max
            .and_then(|r| u8::try_from(r).ok())
            .filter(|r| (1..=100).contains(r)),
        amount_text: f.amount_text.as_deref().map(|t| plain_text(t, 300)),
        how_to_apply: f.how_to_apply.as_deref().map(|t| plain_text(t, 5_000)),
        application_url: f.application_url.as_ref().map(ToString::to_string),
        source_url: f.source_link.as_ref().map(ToString::to_string),
        imported_from: None,
        published: post.published,
        updated: post.updated,
    }
}

/// The actor ids of a local network's accepted members (none for a place).
async fn member_actors<C: ConnectionTrait>(
    conn: &C,
    place_id: galaxie_db::PlaceId,
) -> Result<Vec<String>, FederationError> {
    Ok(
        galaxie_db::networks::members_of(conn, place_id, Some(MemberStatus::Accepted))
            .await?
            .into_iter()
            .map(|m| m.member_ap_id)
            .collect(),
    )
}

/// Where the members' copies go: each known member's shared inbox, or its inbox.
async fn member_inboxes<C: ConnectionTrait>(
    conn: &C,
    place_id: galaxie_db::PlaceId,
) -> Result<Vec<String>, FederationError> {
    let mut inboxes = Vec::new();
    for actor in member_actors(conn, place_id).await? {
        if let Some(a) = galaxie_db::actors::by_ap_id(conn, &actor).await? {
            inboxes.push(a.shared_inbox.unwrap_or(a.inbox));
        }
    }
    Ok(inboxes)
}

// ---------------------------------------------------------------------------------------------
// Receiving

/// A `Create` of a funding call (already checked: on the sender's host, and wanted here).
pub async fn receive_create(data: &Data, post: &Post) -> Result<(), FederationError> {
    let conn = data.db().conn();
    if let Some(row) = galaxie_db::funding::by_ap_id(conn, post.id.as_str()).await?
        && row.attributed_to != post.attributed_to.as_str()
    {
        return Err(FederationError::Forbidden(
            "the object's author changed".into(),
        ));
    }
    galaxie_db::funding::upsert(conn, received_data(post)).await?;
    Ok(())
}

/// An `Update` of a funding call: kept when known or wanted.
pub async fn receive_update(data: &Data, actor: &Url, post: &Post) -> Result<(), FederationError> {
    let conn = data.db().conn();
    match galaxie_db::funding::by_ap_id(conn, post.id.as_str()).await? {
        Some(row) if row.attributed_to != post.attributed_to.as_str() => Err(
            FederationError::Forbidden("the update changes the object's author".into()),
        ),
        Some(_) => receive_create(data, post).await,
        None if crate::activities::create::wanted(data, actor, post).await? => {
            receive_create(data, post).await
        }
        None => Ok(()),
    }
}

/// A `Delete` of something: when it is a funding call we hold, it is marked deleted (only by
/// its author). Returns whether it was one.
pub async fn receive_delete(
    data: &Data,
    actor: &Url,
    object_id: &str,
) -> Result<bool, FederationError> {
    let conn = data.db().conn();
    let Some(row) = galaxie_db::funding::by_ap_id(conn, object_id).await? else {
        return Ok(false);
    };
    if row.attributed_to != actor.as_str() {
        return Err(FederationError::Forbidden(
            "only the author can delete an object".into(),
        ));
    }
    if row.deleted_at.is_none() {
        galaxie_db::funding::mark_deleted(conn, row).await?;
    }
    Ok(true)
}

// ---------------------------------------------------------------------------------------------
// Publishing

fn local_data(
    data: &Data,
    place: &places::Model,
    call: &NewFundingCall,
    imported_from: Option<&str>,
) -> FundingData {
    use galaxie_domain::text::plain_text_to_html;
    let mut ap_id = data.urls().base().clone();
    ap_id.set_path(&format!("/funding/{}", uuid::Uuid::now_v7()));
    FundingData {
        ap_id: ap_id.to_string(),
        place_id: Some(place.id),
        attributed_to: data.urls().place(&place.username).to_string(),
        name: call.name.clone(),
        summary: call.summary_line(),
        summary_falc: Some(call.summary_falc_line()),
        content: call.description.as_deref().map(plain_text_to_html),
        content_falc: call.description_falc.as_deref().map(plain_text_to_html),
        funder: call.funder.clone(),
        programme: call.programme.clone(),
        deadline: call.deadline,
        opening_date: call.opening_date,
        criteria: call.criteria.clone(),
        amount_max: call.amount_max,
        rate_max: call.rate_max,
        amount_text: call.amount_text.clone(),
        how_to_apply: call.how_to_apply.clone(),
        application_url: call.application_url.as_ref().map(ToString::to_string),
        source_url: call.source_url.as_ref().map(ToString::to_string),
        dedup_key: call.dedup_key(),
        imported_from: imported_from.map(str::to_string),
        published: None,
        updated: None,
    }
}

/// Records the activity about `row` and queues its deliveries, in `conn` (a transaction).
async fn tell<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    place: places::Model,
    row: &funding_calls::Model,
    kind: &'static str,
) -> Result<(), FederationError> {
    let urls = data.urls();
    let actor = urls.place(&place.username);
    let id = urls.new_activity();
    let post = to_post(conn, data, row).await?;
    let object = if kind == "Delete" {
        json!({ "id": row.ap_id, "type": "Tombstone", "formerType": "Page" })
    } else {
        serde_json::to_value(&post)?
    };
    let activity = json!({
        "id": id,
        "type": kind,
        "actor": actor,
        "to": [public_collection()],
        "cc": post.cc,
        "object": object,
        "published": galaxie_db::now(),
    });
    let mut inboxes = galaxie_db::follows::follower_inboxes(conn, place.id).await?;
    for inbox in member_inboxes(conn, place.id).await? {
        if !inboxes.contains(&inbox) {
            inboxes.push(inbox);
        }
    }
    outbox::publish(
        conn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind,
            place: Some(place),
            object_id: Some(row.ap_id.clone()),
            public: true,
            json: with_context(&activity)?,
            inboxes,
        }),
    )
    .await?;
    Ok(())
}

/// Publishes a funding call of a place or a network.
pub async fn publish(
    data: &Data,
    username: &str,
    call: NewFundingCall,
) -> Result<funding_calls::Model, FederationError> {
    call.check_open(today())?;
    let place = crate::service::place(data, username).await?;
    let row = local_data(data, &place, &call, None);
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row = galaxie_db::funding::insert(&txn, row).await?;
    tell(&txn, data, place, &row, "Create").await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// A local, live call by row id, with its publisher.
pub async fn local_call(
    data: &Data,
    id: i64,
) -> Result<(places::Model, funding_calls::Model), FederationError> {
    let row = galaxie_db::funding::by_id(data.db().conn(), id)
        .await?
        .filter(|r| r.deleted_at.is_none())
        .ok_or(FederationError::NotFound("funding call"))?;
    let place_id = row
        .place_id
        .ok_or(FederationError::NotFound("local funding call"))?;
    let place = galaxie_db::places::by_id(data.db().conn(), place_id).await?;
    Ok((place, row))
}

/// Replaces a call (every field is given again).
pub async fn update(
    data: &Data,
    id: i64,
    call: NewFundingCall,
) -> Result<funding_calls::Model, FederationError> {
    let (place, current) = local_call(data, id).await?;
    let mut row = local_data(data, &place, &call, current.imported_from.as_deref());
    row.ap_id = current.ap_id.clone();
    row.updated = Some(galaxie_db::now());
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row = galaxie_db::funding::update(&txn, current, row).await?;
    tell(&txn, data, place, &row, "Update").await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// Withdraws a call; its id then answers with a `Tombstone`.
pub async fn delete(data: &Data, id: i64) -> Result<funding_calls::Model, FederationError> {
    let (place, current) = local_call(data, id).await?;
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row = galaxie_db::funding::mark_deleted(&txn, current).await?;
    tell(&txn, data, place, &row, "Delete").await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

// ---------------------------------------------------------------------------------------------
// Matching

/// Today in France (deadlines are French calendar days, in Paris time).
pub fn today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&galaxie_domain::territory::time_zone(None))
        .date_naive()
}

/// What a place is, for matching.
pub fn applicant(place: &places::Model) -> Applicant {
    let profile = galaxie_db::places::profile(place);
    Applicant {
        legal_form: profile.legal_form.clone(),
        structure_types: profile.concepts.structure_types.clone(),
        services: profile.concepts.services.clone(),
        area: galaxie_domain::territory::locate(
            profile.address.postal_code.as_deref(),
            profile.insee_code.as_deref(),
        ),
    }
}

/// One call with what it means for a place.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The call.
    pub row: funding_calls::Model,
    /// Days until its deadline (negative: closed; `None`: no deadline).
    pub days_left: Option<i64>,
}

/// The calls a place may apply to, still open on `today`, soonest deadline first.
pub async fn eligible_for(
    data: &Data,
    place: &places::Model,
    today: NaiveDate,
) -> Result<Vec<Listed>, FederationError> {
    let who = applicant(place);
    Ok(galaxie_db::funding::open(data.db().conn(), today)
        .await?
        .into_iter()
        .filter(|row| domain::eligibility(&criteria(row), &who).is_empty())
        .map(|row| Listed {
            days_left: row.deadline.map(|d| domain::days_left(d, today)),
            row,
        })
        .collect())
}

/// The calls a place could have applied to whose deadline has passed: the archive.
pub async fn archived_for(
    data: &Data,
    place: &places::Model,
    today: NaiveDate,
) -> Result<Vec<Listed>, FederationError> {
    let who = applicant(place);
    Ok(galaxie_db::funding::archived(data.db().conn(), today)
        .await?
        .into_iter()
        .filter(|row| domain::eligibility(&criteria(row), &who).is_empty())
        .map(|row| Listed {
            days_left: row.deadline.map(|d| domain::days_left(d, today)),
            row,
        })
        .collect())
}

/// Why a place may not apply to a call (none: it may).
pub fn why_not(place: &places::Model, row: &funding_calls::Model) -> Vec<Ineligible> {
    domain::eligibility(&criteria(row), &applicant(place))
}

// ---------------------------------------------------------------------------------------------
// Import

/// Where an import reads from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An http(s) URL, fetched with the federation client (no private addresses outside debug
    /// mode, no redirects).
    Url(Url),
    /// A local file.
    File(std::path::PathBuf),
}

impl Source {
    /// An `http(s)://` argument is a URL, anything else a file path.
    pub fn parse(raw: &str) -> Source {
        match Url::parse(raw) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => Source::Url(u),
            _ => Source::File(raw.into()),
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Url(u) => write!(f, "{u}"),
            Source::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Why an import was refused as a whole (nothing was stored).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Bigger than [`MAX_IMPORT_BYTES`].
    #[error("{from} is too big: more than {max} bytes (5 MiB); nothing was imported")]
    TooBig { from: String, max: usize },
    /// Neither a feed nor Aides-territoires JSON.
    #[error("{from} cannot be read: {reason}; nothing was imported")]
    Unreadable { from: String, reason: String },
    /// The file or URL could not be read.
    #[error("cannot read {from}: {reason}")]
    Io { from: String, reason: String },
    /// Storage or federation failed.
    #[error(transparent)]
    Federation(#[from] FederationError),
}

impl From<galaxie_db::DbError> for ImportError {
    fn from(e: galaxie_db::DbError) -> Self {
        ImportError::Federation(e.into())
    }
}

/// What happened to one item.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ItemOutcome {
    /// The call's title (or the item's position when it has none).
    pub title: String,
    /// Why it was skipped, or what was done.
    pub reason: String,
}

/// The report of an import: what was added, updated, skipped and why, and the funders' terms
/// that could not be mapped to the shared vocabulary.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// The source read.
    pub source: String,
    /// Its format (`rss`, `atom`, `json-feed`, `aides-territoires`).
    pub format: String,
    /// New calls published.
    pub added: Vec<ItemOutcome>,
    /// Calls already known, changed and published again.
    pub updated: Vec<ItemOutcome>,
    /// Items not published, each with its reason.
    pub skipped: Vec<ItemOutcome>,
    /// Terms that no concept of ours says, by field (`targeted_audiences`, `categories`,
    /// `perimeter`…), each once.
    pub unmapped: BTreeMap<String, BTreeSet<String>>,
}

impl ImportReport {
    /// The report as lines of text, for the CLI.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{} ({}): {} added, {} updated, {} skipped\n",
            self.source,
            self.format,
            self.added.len(),
            self.updated.len(),
            self.skipped.len()
        );
        for (label, items) in [
            ("added", &self.added),
            ("updated", &self.updated),
            ("skipped", &self.skipped),
        ] {
            for i in items {
                out.push_str(&format!("  {label}: {} — {}\n", i.title, i.reason));
            }
        }
        for (field, terms) in &self.unmapped {
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            out.push_str(&format!("  not mapped ({field}): {}\n", terms.join(", ")));
        }
        out
    }
}

/// One item read from a source, before validation.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    /// The item's title, or its position.
    pub label: String,
    /// The fields mapped to ours.
    pub raw: RawFundingCall,
    /// Why it cannot be a call at all (no title…), before validation.
    pub refused: Option<String>,
}

/// Reads the bytes of a source, refusing more than [`MAX_IMPORT_BYTES`] before reading it
/// all.
pub async fn read_source(data: &Data, source: &Source) -> Result<Vec<u8>, ImportError> {
    let name = source.to_string();
    let too_big = || ImportError::TooBig {
        from: name.clone(),
        max: MAX_IMPORT_BYTES,
    };
    let io = |reason: String| ImportError::Io {
        from: name.clone(),
        reason,
    };
    match source {
        Source::File(path) => {
            let meta = tokio::fs::metadata(path)
                .await
                .map_err(|e| io(e.to_string()))?;
            if meta.len() > MAX_IMPORT_BYTES as u64 {
                return Err(too_big());
            }
            let bytes = tokio::fs::read(path).await.map_err(|e| io(e.to_string()))?;
            if bytes.len() > MAX_IMPORT_BYTES {
                return Err(too_big());
            }
            Ok(bytes)
        }
        Source::Url(url) => {
            let mut response = data
                .http()
                .get(url.clone())
                .header(
                    "Accept",
                    "application/atom+xml, application/rss+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, */*;q=0.5",
                )
                .send()
                .await
                .map_err(|e| io(e.to_string()))?;
            if !response.status().is_success() {
                return Err(io(format!("the server answered {}", response.status())));
            }
            if response
                .content_length()
                .is_some_and(|l| l > MAX_IMPORT_BYTES as u64)
            {
                return Err(too_big());
            }
            let mut bytes = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|e| io(e.to_string()))? {
                bytes.extend_from_slice(&chunk);
                if bytes.len() > MAX_IMPORT_BYTES {
                    return Err(too_big());
                }
            }
            Ok(bytes)
        }
    }
}

fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("label"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

fn texts_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items.iter().filter_map(|i| text_of(Some(i))).collect(),
        Some(other) => text_of(Some(other)).into_iter().collect(),
        None => Vec::new(),
    }
}

/// Plain text from funders' HTML: tags and scripts dropped, paragraphs kept as lines.
fn plain(html: &str, max: usize) -> String {
    let with_breaks = html
        .replace("</p>", "</p>\n")
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("</li>", "</li>\n");
    let text = plain_text(&with_breaks, max);
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Maps audiences, themes and a perimeter into `raw`, recording the terms left unmapped.
/// Returns why the item cannot be placed, when perimeters were given and none is a French
/// territory we know (it would otherwise read as open to all of France).
fn map_terms(
    raw: &mut RawFundingCall,
    unmapped: &mut BTreeMap<String, BTreeSet<String>>,
    audiences: (&str, &[String]),
    themes: (&str, &[String]),
    perimeters: (&str, &[String]),
) -> Option<String> {
    let mut legal_forms: Vec<String> = Vec::new();
    let mut structure_types: Vec<String> = Vec::new();
    let mut theme_slugs: Vec<String> = Vec::new();
    let mut territory: Vec<String> = Vec::new();
    let mut miss = |field: &str, term: &str| {
        unmapped
            .entry(field.to_string())
            .or_default()
            .insert(plain_text(term, 120));
    };
    let add =
        |m: domain::Mapped, lf: &mut Vec<String>, st: &mut Vec<String>, th: &mut Vec<String>| {
            lf.extend(m.legal_forms);
            st.extend(m.structure_types);
            th.extend(m.themes);
        };
    for a in audiences.1 {
        match domain::map_audience(a) {
            Some(m) => add(m, &mut legal_forms, &mut structure_types, &mut theme_slugs),
            None => miss(audiences.0, a),
        }
    }
    for t in themes.1 {
        // An RSS category may name an audience as well as a theme.
        match domain::map_theme(t).or_else(|| domain::map_audience(t)) {
            Some(m) => add(m, &mut legal_forms, &mut structure_types, &mut theme_slugs),
            None => miss(themes.0, t),
        }
    }
    for p in perimeters.1 {
        match domain::map_perimeter(p) {
            Some(t) => territory.push(t.to_string()),
            None => miss(perimeters.0, p),
        }
    }
    let unplaced = (!perimeters.1.is_empty() && territory.is_empty()).then(|| {
        format!(
            "{} {:?} is not a French territory we can place",
            perimeters.0,
            perimeters.1.join(", ")
        )
    });
    raw.legal_forms = Some(legal_forms);
    raw.structure_types = Some(structure_types);
    raw.themes = Some(theme_slugs);
    raw.territory = Some(territory);
    unplaced
}

fn url_text(v: Option<String>) -> Option<String> {
    v.filter(|u| {
        Url::parse(u)
            .map(|u| matches!(u.scheme(), "http" | "https"))
            .unwrap_or(false)
    })
}

/// Reads Aides-territoires-style JSON: an array of aids, or an object with `results`.
pub fn parse_aides_territoires(
    value: &Value,
    unmapped: &mut BTreeMap<String, BTreeSet<String>>,
) -> Option<Vec<Candidate>> {
    let items = match value {
        Value::Array(items) => items,
        Value::Object(o) => o.get("results").and_then(Value::as_array)?,
        _ => return None,
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().take(MAX_IMPORT_ITEMS).enumerate() {
        let Value::Object(o) = item else {
            out.push(Candidate {
                label: format!("#{}", i + 1),
                refused: Some("not an object".into()),
                ..Default::default()
            });
            continue;
        };
        let get = |k: &str| text_of(o.get(k));
        let name = get("name")
            .map(|n| plain(&n, 300))
            .filter(|n| !n.is_empty());
        let label = name.clone().unwrap_or_else(|| format!("#{}", i + 1));
        let mut description = get("description").map(|d| plain(&d, 20_000));
        if let Some(e) = get("eligibility").map(|e| plain(&e, 5_000))
            && !e.is_empty()
        {
            description = Some(match description {
                Some(d) => format!("{d}\n\nConditions : {e}"),
                None => format!("Conditions : {e}"),
            });
        }
        let financers = texts_of(o.get("financers"));
        let mut raw = RawFundingCall {
            name,
            funder: (!financers.is_empty()).then(|| plain(&financers.join(", "), 200)),
            programme: texts_of(o.get("programs")).first().map(|p| plain(p, 200)),
            description,
            deadline: get("submission_deadline"),
            opening_date: get("start_date"),
            rate_max: o
                .get("subvention_rate_upper_bound")
                .and_then(Value::as_f64)
                .filter(|r| *r > 0.0 && *r <= 100.0)
                .map(|r| r.round() as u8),
            amount_text: get("subvention_comment").map(|t| plain(&t, 300)),
            how_to_apply: get("contact").map(|t| plain(&t, 5_000)),
            application_url: url_text(get("application_url")),
            source_url: url_text(get("origin_url")).or_else(|| url_text(get("url"))),
            ..Default::default()
        };
        let aid_types = texts_of(o.get("aid_types"));
        if raw.amount_text.is_none() && !aid_types.is_empty() {
            raw.amount_text = Some(plain(&aid_types.join(", "), 300));
        }
        let perimeter = texts_of(o.get("perimeter"));
        let refused = map_terms(
            &mut raw,
            unmapped,
            ("targeted_audiences", &texts_of(o.get("targeted_audiences"))),
            ("categories", &texts_of(o.get("categories"))),
            ("perimeter", &perimeter),
        );
        out.push(Candidate {
            label,
            raw,
            refused,
        });
    }
    Some(out)
}

/// Reads an RSS, Atom or JSON Feed: title, summary or content (HTML cleaned to text), link,
/// categories (audiences, themes and places: each mapped, or reported).
pub fn parse_feed(
    bytes: &[u8],
    unmapped: &mut BTreeMap<String, BTreeSet<String>>,
) -> Result<(String, Vec<Candidate>), String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a feed ({e})"))?;
    let format = match feed.feed_type {
        feed_rs::model::FeedType::Atom => "atom",
        feed_rs::model::FeedType::JSON => "json-feed",
        _ => "rss",
    };
    let funder = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content, 200))
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    for (i, entry) in feed.entries.iter().take(MAX_IMPORT_ITEMS).enumerate() {
        let name = entry
            .title
            .as_ref()
            .map(|t| plain(&t.content, 300))
            .filter(|t| !t.is_empty());
        let label = name.clone().unwrap_or_else(|| format!("#{}", i + 1));
        let body = entry
            .summary
            .as_ref()
            .map(|s| s.content.clone())
            .or_else(|| entry.content.as_ref().and_then(|c| c.body.clone()));
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone());
        let mut raw = RawFundingCall {
            name,
            funder: funder.clone(),
            description: body.map(|b| plain(&b, 20_000)),
            source_url: url_text(link),
            ..Default::default()
        };
        // A deadline in the feed's own terms: `<category scheme="deadline">2027-01-15</…>`,
        // or an Atom entry's `updated` is not one: without it the call has no deadline.
        let mut themes = Vec::new();
        let mut perimeters = Vec::new();
        let mut audiences = Vec::new();
        for c in &entry.categories {
            let term = c.term.trim().to_string();
            match c.scheme.as_deref().map(domain::fold).as_deref() {
                Some("deadline" | "date limite" | "submission deadline") => {
                    raw.deadline = Some(term)
                }
                Some("opening date" | "start date" | "date d ouverture") => {
                    raw.opening_date = Some(term)
                }
                Some("perimeter" | "territoire" | "territory" | "perimetre") => {
                    perimeters.push(term)
                }
                Some("audience" | "targeted audiences" | "beneficiaires" | "publics") => {
                    audiences.push(term)
                }
                Some("funder" | "financeur" | "financers") => raw.funder = Some(plain(&term, 200)),
                _ => themes.push(term),
            }
        }
        let refused = map_terms(
            &mut raw,
            unmapped,
            ("audience", &audiences),
            ("category", &themes),
            ("territory", &perimeters),
        );
        out.push(Candidate {
            label,
            raw,
            refused,
        });
    }
    Ok((format.to_string(), out))
}

/// Reads a source's bytes into candidates: Aides-territoires JSON, or a feed.
pub fn parse_source(
    source: &str,
    bytes: &[u8],
    report: &mut ImportReport,
) -> Result<Vec<Candidate>, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        from: source.to_string(),
        reason,
    };
    let first = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    if matches!(first, Some(b'[') | Some(b'{')) {
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| unreadable(format!("invalid JSON ({e})")))?;
        let is_json_feed = value
            .get("version")
            .and_then(Value::as_str)
            .is_some_and(|v| v.contains("jsonfeed.org"));
        if !is_json_feed {
            report.format = "aides-territoires".into();
            return parse_aides_territoires(&value, &mut report.unmapped).ok_or_else(|| {
                unreadable(
                    "JSON that is neither a list of aids nor an object with `results`".into(),
                )
            });
        }
    }
    let (format, candidates) = parse_feed(bytes, &mut report.unmapped).map_err(unreadable)?;
    report.format = format;
    Ok(candidates)
}

/// Whether a stored call already says what `data` says.
fn unchanged(row: &funding_calls::Model, data: &FundingData) -> bool {
    row.name == data.name
        && row.summary == data.summary
        && row.content == data.content
        && row.deadline == data.deadline
        && row.opening_date == data.opening_date
        && criteria(row) == data.criteria
        && row.funder == data.funder
        && row.application_url == data.application_url
        && row.amount_text == data.amount_text
        && row.programme == data.programme
        && row.how_to_apply == data.how_to_apply
        && row.source_url == data.source_url
        && row.content_falc == data.content_falc
        && row.amount_max == data.amount_max.and_then(|a| i64::try_from(a).ok())
        && row.rate_max.map(i64::from) == data.rate_max.map(i64::from)
}

/// Imports a source as `username` (a place or a network): each item is validated (every bad
/// field reported), a deadline already past is skipped (it would be archived at once), the
/// same call published before (same source link, or same funder, title and deadline) is
/// updated when it changed and skipped when not, and each new or changed call is published
/// in its own transaction. `progress` is told `(done, total)`.
pub async fn import(
    data: &Data,
    username: &str,
    source: &Source,
    progress: &(dyn Fn(u64, u64) + Send + Sync),
) -> Result<ImportReport, ImportError> {
    let place = crate::service::place(data, username).await?;
    let bytes = read_source(data, source).await?;
    let mut report = ImportReport {
        source: source.to_string(),
        ..Default::default()
    };
    let name = report.source.clone();
    let candidates = parse_source(&name, &bytes, &mut report)?;
    let total = candidates.len() as u64;
    let today = today();
    let imported_from = report.source.clone();
    for (i, candidate) in candidates.into_iter().enumerate() {
        progress(i as u64, total);
        let label = candidate.label.clone();
        let skip = |report: &mut ImportReport, reason: String| {
            report.skipped.push(ItemOutcome {
                title: label.clone(),
                reason,
            })
        };
        if let Some(reason) = candidate.refused {
            skip(&mut report, reason);
            continue;
        }
        let call = match NewFundingCall::parse(candidate.raw) {
            Ok(call) => call,
            Err(errors) => {
                skip(&mut report, format!("invalid: {errors}"));
                continue;
            }
        };
        if let Some(d) = call.deadline
            && d < today
        {
            skip(
                &mut report,
                format!("deadline {d} is past: closed calls are not published"),
            );
            continue;
        }
        let mut row = local_data(data, &place, &call, Some(&imported_from));
        let conn = data.db().conn();
        let known =
            galaxie_db::funding::same_call(conn, row.source_url.as_deref(), &row.dedup_key).await?;
        let txn = conn
            .begin_with_options(galaxie_db::WRITE)
            .await
            .map_err(FederationError::from)?;
        match known {
            // The same call from another source: the first source keeps it, so that two
            // sources refreshed in turn do not overwrite each other.
            Some(existing)
                if existing.imported_from.as_deref() != Some(imported_from.as_str())
                    && existing.source_url != row.source_url =>
            {
                let from = existing
                    .imported_from
                    .clone()
                    .unwrap_or_else(|| "a publication by hand".to_string());
                skip(
                    &mut report,
                    format!("same call as {} (from {from})", existing.ap_id),
                );
                continue;
            }
            Some(existing) if unchanged(&existing, &row) => {
                skip(&mut report, "already published, unchanged".into());
                continue;
            }
            Some(existing) => {
                let publisher = match existing.place_id {
                    Some(id) if id != place.id => galaxie_db::places::by_id(&txn, id).await?,
                    _ => place.clone(),
                };
                row.ap_id = existing.ap_id.clone();
                row.place_id = Some(publisher.id);
                row.attributed_to = existing.attributed_to.clone();
                row.updated = Some(galaxie_db::now());
                let saved = galaxie_db::funding::update(&txn, existing, row).await?;
                tell(&txn, data, publisher, &saved, "Update").await?;
                report.updated.push(ItemOutcome {
                    title: label,
                    reason: saved.ap_id.clone(),
                });
            }
            None => {
                let saved = galaxie_db::funding::insert(&txn, row).await?;
                tell(&txn, data, place.clone(), &saved, "Create").await?;
                report.added.push(ItemOutcome {
                    title: label,
                    reason: saved.ap_id.clone(),
                });
            }
        }
        txn.commit().await.map_err(FederationError::from)?;
    }
    progress(total, total);
    data.ring_delivery_bell();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_funding_terms_is_not_a_call() {
        let page: Post = serde_json::from_value(json!({
            "id": "https://a.example/objects/1",
            "type": "Page",
            "attributedTo": "https://a.example/places/epn",
            "name": "Aide aux démarches"
        }))
        .expect("page");
        assert!(!page.funding.is_call());
        let call: Post = serde_json::from_value(json!({
            "id": "https://a.example/funding/1",
            "type": "Page",
            "attributedTo": "https://a.example/places/reseau",
            "name": "AAP",
            "fundingCall": true,
            "deadline": "2027-01-15",
            "amountMax": "10000",
            "territory": ["region:44", "nowhere"],
            "eligibleStructures": ["https://galaxie.tiers-lieux.fr/ns#legal-form/association"]
        }))
        .expect("call");
        assert!(call.funding.is_call());
        let data = received_data(&call);
        assert_eq!(data.deadline, domain::parse_date("2027-01-15").ok());
        assert_eq!(data.amount_max, Some(10_000));
        assert_eq!(
            data.criteria.territory,
            vec![Territory::Region("44".into())]
        );
    }

    #[test]
    fn hostile_html_in_a_feed_becomes_plain_text() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Fondation</title>
            <item><title>AAP &lt;b&gt;Culture&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>
            <description>&lt;p onclick="x()"&gt;Pour les &lt;b&gt;associations&lt;/b&gt;&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;</description>
            <link>https://fondation.example/aap</link>
            <category>Associations</category><category>Astronomie</category>
            </item></channel></rss>"#;
        let mut unmapped = BTreeMap::new();
        let (format, items) = parse_feed(rss, &mut unmapped).expect("feed");
        assert_eq!(format, "rss");
        let raw = &items[0].raw;
        assert_eq!(raw.name.as_deref(), Some("AAP Culture"));
        let d = raw.description.as_deref().unwrap_or_default();
        assert!(!d.contains('<') && !d.contains("steal"), "{d}");
        assert_eq!(raw.legal_forms, Some(vec!["association".to_string()]));
        assert!(unmapped["category"].contains("Astronomie"));
    }
}
