//! The federated directory: every place known to this instance, its own and the remote
//! `Organization` actors it has read, one row each, kept fresh, grouped into clusters of
//! entries that are the same place published by several instances.
//!
//! - [`record`] writes a profile. A profile older than the stored one (by the place's own
//!   `updated`) is not applied: freshness never goes backwards; only `last_seen` moves.
//! - Clusters follow `galaxie_domain::directory::same_place`. After every write, the entries
//!   that may be linked to the written one (same pivot, same address key, within 100 m: three
//!   indexed look-ups) and the members of their clusters are grouped again; each cluster's
//!   freshest entry is its `canonical` one, the one [`list`] shows. Writers serialise on a lock
//!   (a PostgreSQL advisory lock; SQLite's single writer, taken at the start).
//! - [`list`] pages through canonical entries by name with filters; [`same_as`] gives the
//!   other entries of their clusters.

use crate::entities::directory::{ActiveModel, Column, Entity, Model};
use crate::entities::{directory_concepts, objects};
use crate::{Backend, Result, now};
use chrono::{DateTime, Utc};
use galaxie_domain::directory::{Candidate, NEARBY_METRES, address_key, clusters, name_key};
use galaxie_domain::territory::{self, BBox, Circle};
use galaxie_domain::{Concepts, GeoPoint, PlaceProfile};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionSession, TransactionTrait,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A place's profile, as the directory records it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryData {
    /// The place's actor id.
    pub ap_id: String,
    /// The local place, for this instance's own places.
    pub place_id: Option<i64>,
    /// Its profile.
    pub profile: PlaceProfile,
    /// When the place says its profile last changed (its actor's `updated`); `None` when it does
    /// not say (then a changed profile counts as changed now).
    pub updated: Option<DateTime<Utc>>,
}

/// What [`record`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// A new entry.
    Created,
    /// A known entry, changed.
    Updated,
    /// A known entry, the same profile: only `last_seen` moved.
    Unchanged,
    /// A profile older than the stored one: not applied, only `last_seen` moved.
    Stale,
}

/// Serialises the writers of the directory until the end of the transaction `conn`.
async fn lock<C: ConnectionTrait>(conn: &C) -> Result<()> {
    match crate::connect::backend_of(conn) {
        Backend::Postgres => {
            // An arbitrary constant, "galaxie directory".
            conn.execute_unprepared("SELECT pg_advisory_xact_lock(7271001)")
                .await?;
        }
        Backend::Sqlite => {
            // A write first, so that the transaction holds SQLite's write lock (waiting for it
            // under the busy timeout) before it reads: a savepoint inside a transaction that
            // has not written yet does not have it (a top-level one begins IMMEDIATE).
            conn.execute_unprepared("UPDATE directory SET canonical = canonical WHERE 1 = 0")
                .await?;
        }
    }
    Ok(())
}

fn geo(m: &Model) -> Option<GeoPoint> {
    match (m.latitude, m.longitude) {
        (Some(latitude), Some(longitude)) => Some(GeoPoint {
            latitude,
            longitude,
        }),
        _ => None,
    }
}

/// The profile stored in an entry.
pub fn profile(m: &Model) -> PlaceProfile {
    serde_json::from_str(&m.profile).unwrap_or_else(|_| PlaceProfile {
        name: m.name.clone(),
        ..PlaceProfile::default()
    })
}

/// The concepts stored in an entry.
pub fn concepts(m: &Model) -> Concepts {
    m.concepts
        .as_deref()
        .and_then(|c| serde_json::from_str(c).ok())
        .unwrap_or_default()
}

fn apply(active: &mut ActiveModel, data: &EntryData, json: String, updated: DateTime<Utc>) {
    let p = &data.profile;
    let area = territory::locate(p.address.postal_code.as_deref(), p.insee_code.as_deref());
    active.place_id = Set(data.place_id);
    active.local = Set(data.place_id.is_some());
    active.name = Set(p.name.clone());
    active.name_key = Set(name_key(&p.name));
    active.pivot = Set(p.pivot.as_ref().map(ToString::to_string));
    active.address_key = Set(address_key(
        p.address.street_address.as_deref(),
        p.address.postal_code.as_deref(),
    ));
    active.street_address = Set(p.address.street_address.clone());
    active.postal_code = Set(p.address.postal_code.clone());
    active.locality = Set(p.address.locality.clone());
    active.insee_code = Set(area.insee_code);
    active.departement = Set(area.departement);
    active.region = Set(area.region);
    active.latitude = Set(p.geo.map(|g| g.latitude));
    active.longitude = Set(p.geo.map(|g| g.longitude));
    active.concepts = Set((p.concepts != Concepts::default())
        .then(|| serde_json::to_string(&p.concepts).unwrap_or_default()));
    active.opening_hours = Set(p.opening_hours.clone());
    active.profile = Set(json);
    active.updated = Set(updated);
    active.last_seen = Set(now());
}

type Territory = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<u64>,
    Option<u64>,
);

type Identity = (
    Option<String>,
    Option<String>,
    String,
    Option<u64>,
    Option<u64>,
    DateTime<Utc>,
    bool,
);

/// What the objects of a place inherit from it: a change here re-places them.
fn territory_of(m: &Model) -> Territory {
    (
        m.insee_code.clone(),
        m.postal_code.clone(),
        m.locality.clone(),
        m.latitude.map(f64::to_bits),
        m.longitude.map(f64::to_bits),
    )
}

/// What clustering compares: a change here groups the entries again.
fn identity_of(m: &Model) -> Identity {
    (
        m.pivot.clone(),
        m.address_key.clone(),
        m.name.clone(),
        m.latitude.map(f64::to_bits),
        m.longitude.map(f64::to_bits),
        m.updated,
        m.local,
    )
}

/// Records a place's profile (see the module's freshness rule), in its own transaction (a
/// savepoint when `conn` is one already). Its concepts, its cluster and the territory of its
/// objects follow.
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    data: EntryData,
) -> Result<(Model, Recorded)> {
    let txn = conn.begin_with_options(crate::WRITE).await?;
    lock(&txn).await?;
    let json = serde_json::to_string(&data.profile).unwrap_or_default();
    let existing = by_ap_id(&txn, &data.ap_id).await?;
    let (row, recorded, before) = match existing {
        Some(row) => {
            let stale = data.updated.is_some_and(|u| u < row.updated);
            let same = row.profile == json
                && row.place_id == data.place_id
                && data.updated.is_none_or(|u| u == row.updated);
            if stale || same {
                let mut active: ActiveModel = row.into();
                active.last_seen = Set(now());
                let row = active.update(&txn).await?;
                txn.commit().await?;
                let recorded = if stale {
                    Recorded::Stale
                } else {
                    Recorded::Unchanged
                };
                return Ok((row, recorded));
            }
            let updated = match data.updated {
                Some(u) => u,
                None if row.profile == json => row.updated,
                None => Ord::max(now(), row.updated),
            };
            let before = row.clone();
            let mut active: ActiveModel = row.into();
            apply(&mut active, &data, json, updated);
            (active.update(&txn).await?, Recorded::Updated, Some(before))
        }
        None => {
            let mut active = ActiveModel {
                ap_id: Set(data.ap_id.clone()),
                cluster_id: Set(0),
                canonical: Set(true),
                ..Default::default()
            };
            apply(&mut active, &data, json, data.updated.unwrap_or_else(now));
            let row = active.insert(&txn).await?;
            let id = row.id;
            let mut active: ActiveModel = row.into();
            active.cluster_id = Set(id);
            (active.update(&txn).await?, Recorded::Created, None)
        }
    };
    let paths = galaxie_domain::timeline::place_concept_paths(
        &data.profile.concepts,
        data.profile.legal_form.as_deref(),
    );
    set_concepts(&txn, row.id, &paths).await?;
    let regroup = before
        .as_ref()
        .is_none_or(|b| identity_of(b) != identity_of(&row));
    if regroup {
        recluster(&txn, vec![row.clone()], true).await?;
    }
    let moved = before
        .as_ref()
        .is_none_or(|b| territory_of(b) != territory_of(&row));
    if moved {
        crate::objects::refresh_area_of_author(&txn, &row.ap_id).await?;
    }
    let row = Entity::find_by_id(row.id)
        .one(&txn)
        .await?
        .ok_or(crate::DbError::NotFound("directory entry"))?;
    txn.commit().await?;
    Ok((row, recorded))
}

async fn set_concepts<C: ConnectionTrait>(conn: &C, id: i64, paths: &[String]) -> Result<()> {
    directory_concepts::Entity::delete_many()
        .filter(directory_concepts::Column::DirectoryId.eq(id))
        .exec(conn)
        .await?;
    if paths.is_empty() {
        return Ok(());
    }
    directory_concepts::Entity::insert_many(paths.iter().map(|p| {
        directory_concepts::ActiveModel {
            concept: Set(p.clone()),
            directory_id: Set(id),
        }
    }))
    .exec(conn)
    .await?;
    Ok(())
}

/// Forgets a place (its actor was deleted); the rest of its cluster is grouped again. Returns
/// whether it was known. Run it in the caller's transaction when there is one.
pub async fn remove<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<bool> {
    let Some(row) = by_ap_id(conn, ap_id).await? else {
        return Ok(false);
    };
    lock(conn).await?;
    Entity::delete_by_id(row.id).exec(conn).await?;
    let rest = Entity::find()
        .filter(Column::ClusterId.eq(row.cluster_id))
        .all(conn)
        .await?;
    recluster(conn, rest, false).await?;
    Ok(true)
}

fn candidate(m: &Model) -> Candidate {
    Candidate {
        pivot: m.pivot.clone(),
        address_key: m.address_key.clone(),
        name: m.name.clone(),
        point: geo(m),
    }
}

/// The entries that [`same_place`](galaxie_domain::directory::same_place) could link to `m`:
/// the same pivot, the same address key, or within [`NEARBY_METRES`].
async fn neighbours<C: ConnectionTrait>(conn: &C, m: &Model) -> Result<Vec<Model>> {
    let mut any = Condition::any();
    if let Some(pivot) = &m.pivot {
        any = any.add(Column::Pivot.eq(pivot.as_str()));
    }
    if let Some(key) = &m.address_key {
        any = any.add(Column::AddressKey.eq(key.as_str()));
    }
    if let Some(point) = geo(m) {
        // A little wider than the rule's distance: the exact test follows.
        let b = BBox::around(point, NEARBY_METRES * 1.05 / 1000.0);
        any = any.add(
            Condition::all()
                .add(Column::Latitude.between(b.min_lat, b.max_lat))
                .add(Column::Longitude.between(b.min_lon, b.max_lon)),
        );
    }
    if any.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .filter(any)
        .filter(Column::Id.ne(m.id))
        .all(conn)
        .await?)
}

/// Groups `seeds`, the members of their clusters and (with `search`) the entries that could be
/// linked to them into clusters again, and marks each cluster's canonical entry: the freshest
/// `updated`, then a local one, then the oldest entry.
async fn recluster<C: ConnectionTrait>(conn: &C, seeds: Vec<Model>, search: bool) -> Result<()> {
    let mut set: BTreeMap<i64, Model> = BTreeMap::new();
    for seed in seeds {
        if search {
            for n in neighbours(conn, &seed).await? {
                set.insert(n.id, n);
            }
        }
        set.insert(seed.id, seed);
    }
    if set.is_empty() {
        return Ok(());
    }
    let cluster_ids: BTreeSet<i64> = set.values().map(|m| m.cluster_id).collect();
    for member in Entity::find()
        .filter(Column::ClusterId.is_in(cluster_ids))
        .all(conn)
        .await?
    {
        set.entry(member.id).or_insert(member);
    }
    let rows: Vec<Model> = set.into_values().collect();
    let labels = clusters(&rows.iter().map(candidate).collect::<Vec<_>>());
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, root) in labels.iter().enumerate() {
        groups.entry(*root).or_default().push(i);
    }
    for members in groups.values() {
        // Rows are in id order and a root is its cluster's first row: the lowest id.
        let cluster_id = members.first().map(|&i| rows[i].id).unwrap_or_default();
        let canonical = members
            .iter()
            .copied()
            .max_by(|&a, &b| {
                let (x, y) = (&rows[a], &rows[b]);
                x.updated
                    .cmp(&y.updated)
                    .then(x.local.cmp(&y.local))
                    .then(y.id.cmp(&x.id))
            })
            .unwrap_or_default();
        for &i in members {
            let row = &rows[i];
            let is_canonical = i == canonical;
            if row.cluster_id != cluster_id || row.canonical != is_canonical {
                let mut active: ActiveModel = row.clone().into();
                active.cluster_id = Set(cluster_id);
                active.canonical = Set(is_canonical);
                active.update(conn).await?;
            }
        }
    }
    Ok(())
}

/// The entry of this actor.
pub async fn by_ap_id<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// The entries of these actors, by actor id.
pub async fn by_ap_ids<C: ConnectionTrait>(
    conn: &C,
    ap_ids: &[String],
) -> Result<HashMap<String, Model>> {
    let mut found = HashMap::new();
    for chunk in ap_ids.chunks(500) {
        for m in Entity::find()
            .filter(Column::ApId.is_in(chunk.iter().cloned()))
            .all(conn)
            .await?
        {
            found.insert(m.ap_id.clone(), m);
        }
    }
    Ok(found)
}

/// Filters of the directory listing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectoryFilter {
    /// INSEE commune code.
    pub insee_code: Option<String>,
    /// Département code.
    pub departement: Option<String>,
    /// Région code.
    pub region: Option<String>,
    /// Inside this box.
    pub bbox: Option<BBox>,
    /// Inside this circle.
    pub near: Option<Circle>,
    /// Vocabulary concepts: each list is a concept with its narrower ones (any of them
    /// matches); every list must match.
    pub concepts: Vec<Vec<String>>,
    /// Regional labels (`crate::labels`): each list is the possible ids of one label; a
    /// place of the cluster must hold a valid attestation of every one.
    pub regional_labels: Vec<Vec<String>>,
    /// Open at this instant, by its opening hours.
    pub open_at: Option<DateTime<Utc>>,
}

impl DirectoryFilter {
    /// Whether some filter is evaluated after the query, in Rust (exact distance, hours).
    fn needs_check(&self) -> bool {
        self.near.is_some() || self.open_at.is_some()
    }

    fn keeps(&self, m: &Model) -> bool {
        if let Some(circle) = self.near
            && !geo(m).is_some_and(|p| circle.contains(p))
        {
            return false;
        }
        if let Some(at) = self.open_at {
            let open = m.opening_hours.as_deref().and_then(|h| {
                galaxie_domain::timeline::opening_hours_in(h, m.departement.as_deref())
            });
            if !open.is_some_and(|h| h.is_open(at)) {
                return false;
            }
        }
        true
    }
}

/// A position in the listing (by normalised name, then id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryCursor {
    /// The entry's `name_key`.
    pub name_key: String,
    /// The entry's id.
    pub id: i64,
}

impl DirectoryCursor {
    /// The position of an entry.
    pub fn of(m: &Model) -> Self {
        DirectoryCursor {
            name_key: m.name_key.clone(),
            id: m.id,
        }
    }
}

/// A page of results and where the next one starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, K> {
    /// The items.
    pub items: Vec<T>,
    /// Where to go on from, `None` at the end.
    pub next: Option<K>,
}

/// How many rows a page with a filter evaluated in Rust (distance, opening hours) reads at
/// most before it answers: a page may then hold fewer items than asked, with a `next` cursor
/// to go on from where the reading stopped.
pub const SCAN_BUDGET: u64 = 2_000;

fn concept_condition(paths: &[String]) -> Condition {
    Condition::all().add(
        Column::Id.in_subquery(
            Query::select()
                .column(directory_concepts::Column::DirectoryId)
                .from(directory_concepts::Entity)
                .and_where(
                    Expr::col(directory_concepts::Column::Concept).is_in(paths.iter().cloned()),
                )
                .to_owned(),
        ),
    )
}

fn listing(filter: &DirectoryFilter) -> sea_orm::Select<Entity> {
    let mut query = Entity::find().filter(Column::Canonical.eq(true));
    if let Some(code) = &filter.insee_code {
        query = query.filter(Column::InseeCode.eq(code.as_str()));
    }
    if let Some(code) = &filter.departement {
        query = query.filter(Column::Departement.eq(code.as_str()));
    }
    if let Some(code) = &filter.region {
        query = query.filter(Column::Region.eq(code.as_str()));
    }
    for b in filter
        .bbox
        .iter()
        .copied()
        .chain(filter.near.map(|c| c.bbox()))
    {
        query = query
            .filter(Column::Latitude.between(b.min_lat, b.max_lat))
            .filter(Column::Longitude.between(b.min_lon, b.max_lon));
    }
    for paths in &filter.concepts {
        query = query.filter(concept_condition(paths));
    }
    for ids in &filter.regional_labels {
        let holders = Query::select()
            .column(Column::ClusterId)
            .from(Entity)
            .and_where(
                Expr::col(Column::ApId)
                    .in_subquery(crate::labels::valid_holders_query(ids, crate::now())),
            )
            .to_owned();
        query = query.filter(Column::ClusterId.in_subquery(holders));
    }
    query
}

/// One page of the directory: canonical entries (one per place), by name, after `after`.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    filter: &DirectoryFilter,
    limit: u64,
    after: Option<DirectoryCursor>,
) -> Result<Page<Model, DirectoryCursor>> {
    let fetch = |after: Option<DirectoryCursor>, n: u64| {
        let mut query = listing(filter);
        if let Some(c) = after {
            query = query.filter(
                Expr::tuple([Expr::col(Column::NameKey), Expr::col(Column::Id)])
                    .gt(Expr::tuple([Expr::value(c.name_key), Expr::value(c.id)])),
            );
        }
        query
            .order_by_asc(Column::NameKey)
            .order_by_asc(Column::Id)
            .limit(n)
            .all(conn)
    };
    if !filter.needs_check() {
        let items = fetch(after, limit).await?;
        let next = (items.len() as u64 == limit)
            .then(|| items.last().map(DirectoryCursor::of))
            .flatten();
        return Ok(Page { items, next });
    }
    let batch = (limit * 4).clamp(50, 500);
    let mut items = Vec::new();
    let mut position = after;
    let mut read = 0u64;
    loop {
        let rows = fetch(position.clone(), batch).await?;
        let exhausted = (rows.len() as u64) < batch;
        for row in rows {
            read += 1;
            position = Some(DirectoryCursor::of(&row));
            if filter.keeps(&row) {
                items.push(row);
                if items.len() as u64 == limit {
                    return Ok(Page {
                        items,
                        next: position,
                    });
                }
            }
        }
        if exhausted {
            return Ok(Page { items, next: None });
        }
        if read >= SCAN_BUDGET {
            return Ok(Page {
                items,
                next: position,
            });
        }
    }
}

/// The other entries of the clusters of `entries` (the same place published elsewhere), by
/// cluster id, oldest first.
pub async fn same_as<C: ConnectionTrait>(
    conn: &C,
    entries: &[Model],
) -> Result<HashMap<i64, Vec<Model>>> {
    let ids: BTreeSet<i64> = entries.iter().map(|e| e.cluster_id).collect();
    let mut found: HashMap<i64, Vec<Model>> = HashMap::new();
    let ids: Vec<i64> = ids.into_iter().collect();
    for chunk in ids.chunks(500) {
        for m in Entity::find()
            .filter(Column::ClusterId.is_in(chunk.iter().copied()))
            .filter(Column::Canonical.eq(false))
            .order_by_asc(Column::Id)
            .all(conn)
            .await?
        {
            found.entry(m.cluster_id).or_default().push(m);
        }
    }
    Ok(found)
}

/// Every canonical entry (the whole directory, one per place), by name.
pub async fn all_canonical<C: ConnectionTrait>(conn: &C) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::Canonical.eq(true))
        .order_by_asc(Column::NameKey)
        .order_by_asc(Column::Id)
        .all(conn)
        .await?)
}

/// How many entries, and how many places (canonical entries).
pub async fn counts<C: ConnectionTrait>(conn: &C) -> Result<(u64, u64)> {
    use sea_orm::PaginatorTrait;
    let entries = Entity::find().count(conn).await?;
    let places = Entity::find()
        .filter(Column::Canonical.eq(true))
        .count(conn)
        .await?;
    Ok((entries, places))
}

/// The live services (`Page`s) of these actors, oldest first, by actor id.
pub async fn services_of<C: ConnectionTrait>(
    conn: &C,
    ap_ids: &[String],
) -> Result<HashMap<String, Vec<objects::Model>>> {
    let mut found: HashMap<String, Vec<objects::Model>> = HashMap::new();
    for chunk in ap_ids.chunks(500) {
        for page in objects::Entity::find()
            .filter(objects::Column::Kind.eq("Page"))
            .filter(objects::Column::AttributedTo.is_in(chunk.iter().cloned()))
            .filter(objects::Column::DeletedAt.is_null())
            .filter(objects::Column::Public.eq(true))
            .order_by_asc(objects::Column::Id)
            .all(conn)
            .await?
        {
            found
                .entry(page.attributed_to.clone())
                .or_default()
                .push(page);
        }
    }
    Ok(found)
}

/// The local entries, by place id.
pub async fn local_entries<C: ConnectionTrait>(conn: &C) -> Result<HashMap<i64, Model>> {
    Ok(Entity::find()
        .filter(Column::Local.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|m| m.place_id.map(|id| (id, m)))
        .collect())
}

/// Fresh databases for the tests of this crate: a temporary SQLite file and a new PostgreSQL
/// database (`GALAXIE_TEST_POSTGRES`, default `postgres://postgres@127.0.0.1:5432/test`),
/// dropped after.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::Db;
    use sea_orm::{ConnectionTrait, Database};

    pub struct TestDb {
        pub db: Db,
        pg_name: Option<String>,
        _dir: Option<tempfile::TempDir>,
    }

    fn admin_url() -> String {
        std::env::var("GALAXIE_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
    }

    /// Both engines, migrated.
    pub async fn both() -> Vec<TestDb> {
        let dir = tempfile::tempdir().expect("dir");
        let sqlite = Db::connect(&format!(
            "sqlite://{}",
            dir.path().join("t.sqlite").display()
        ))
        .await
        .expect("sqlite");
        sqlite.migrate().await.expect("migrate");
        let admin = Database::connect(&admin_url())
            .await
            .expect("PostgreSQL is required by these tests");
        let name = format!(
            "galaxie_db_test_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() % 1_000_000_000_000)
                .unwrap_or_default()
        );
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create database");
        let mut url = url::Url::parse(&admin_url()).expect("url");
        url.set_path(&format!("/{name}"));
        let pg = Db::connect(url.as_str()).await.expect("postgres");
        pg.migrate().await.expect("migrate");
        vec![
            TestDb {
                db: sqlite,
                pg_name: None,
                _dir: Some(dir),
            },
            TestDb {
                db: pg,
                pg_name: Some(name),
                _dir: None,
            },
        ]
    }

    impl TestDb {
        pub async fn cleanup(self) {
            if let Some(name) = self.pg_name {
                drop(self.db);
                if let Ok(admin) = Database::connect(&admin_url()).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::both;
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0)
            .single()
            .expect("date")
    }

    fn place(
        name: &str,
        pivot: Option<&str>,
        street: Option<&str>,
        geo: Option<(f64, f64)>,
    ) -> PlaceProfile {
        PlaceProfile {
            name: name.to_string(),
            pivot: pivot.map(|p| galaxie_domain::identity::Pivot::parse(p).expect("pivot")),
            address: galaxie_domain::PostalAddress {
                street_address: street.map(str::to_string),
                postal_code: Some("51100".into()),
                locality: Some("Reims".into()),
                country: Some("FR".into()),
            },
            geo: geo.map(|(latitude, longitude)| GeoPoint {
                latitude,
                longitude,
            }),
            ..Default::default()
        }
    }

    fn entry(ap_id: &str, profile: PlaceProfile, updated: DateTime<Utc>) -> EntryData {
        EntryData {
            ap_id: ap_id.to_string(),
            place_id: None,
            profile,
            updated: Some(updated),
        }
    }

    async fn names<C: ConnectionTrait>(conn: &C, filter: &DirectoryFilter) -> Vec<String> {
        let mut out = Vec::new();
        let mut after = None;
        loop {
            let page = list(conn, filter, 2, after).await.expect("list");
            out.extend(page.items.iter().map(|m| m.ap_id.clone()));
            match page.next {
                Some(next) => after = Some(next),
                None => return out,
            }
        }
    }

    #[tokio::test]
    async fn a_profile_older_than_the_stored_one_is_not_applied() {
        for t in both().await {
            let conn = t.db.conn();
            let (row, r) = record(
                conn,
                entry(
                    "https://a.example/p",
                    place("Nouveau nom", None, None, None),
                    at(10),
                ),
            )
            .await
            .expect("record");
            assert_eq!((r, row.name.as_str()), (Recorded::Created, "Nouveau nom"));
            let (row, r) = record(
                conn,
                entry(
                    "https://a.example/p",
                    place("Ancien nom", None, None, None),
                    at(5),
                ),
            )
            .await
            .expect("record");
            assert_eq!(
                (r, row.name.as_str(), row.updated),
                (Recorded::Stale, "Nouveau nom", at(10))
            );
            let (_, r) = record(
                conn,
                entry(
                    "https://a.example/p",
                    place("Nouveau nom", None, None, None),
                    at(10),
                ),
            )
            .await
            .expect("record");
            assert_eq!(r, Recorded::Unchanged);
            let (row, r) = record(
                conn,
                entry(
                    "https://a.example/p",
                    place("Nom de 2027", None, None, None),
                    at(20),
                ),
            )
            .await
            .expect("record");
            assert_eq!(
                (r, row.name.as_str(), row.updated),
                (Recorded::Updated, "Nom de 2027", at(20))
            );
            // No `updated` from the actor: a changed profile counts as changed now.
            let (row, r) = record(
                conn,
                EntryData {
                    updated: None,
                    ..entry(
                        "https://a.example/p",
                        place("Sans date", None, None, None),
                        at(1),
                    )
                },
            )
            .await
            .expect("record");
            assert_eq!(r, Recorded::Updated);
            assert!(row.updated > at(20));
            t.cleanup().await;
        }
    }

    #[tokio::test]
    async fn one_place_on_two_instances_is_listed_once() {
        for t in both().await {
            let conn = t.db.conn();
            let siret = "43493312300029";
            record(
                conn,
                entry(
                    "https://a.example/p/epn",
                    place("EPN Saint-Clair", Some(siret), None, None),
                    at(3),
                ),
            )
            .await
            .expect("a");
            record(
                conn,
                entry(
                    "https://b.example/p/epn",
                    place("Espace numérique", Some(siret), None, Some((49.25, 4.03))),
                    at(7),
                ),
            )
            .await
            .expect("b");
            record(
                conn,
                entry(
                    "https://b.example/p/autre",
                    place("Autre lieu", None, None, None),
                    at(7),
                ),
            )
            .await
            .expect("c");
            let listed = names(conn, &DirectoryFilter::default()).await;
            assert_eq!(
                listed,
                ["https://b.example/p/autre", "https://b.example/p/epn"]
            );
            let entries = list(conn, &DirectoryFilter::default(), 10, None)
                .await
                .expect("list")
                .items;
            let siblings = same_as(conn, &entries).await.expect("same as");
            let epn = entries
                .iter()
                .find(|e| e.ap_id.ends_with("/epn"))
                .expect("epn");
            assert_eq!(
                siblings.get(&epn.cluster_id).map(|s| s[0].ap_id.as_str()),
                Some("https://a.example/p/epn")
            );
            // A fresher record on the first instance becomes the canonical one.
            record(
                conn,
                entry(
                    "https://a.example/p/epn",
                    place("EPN de Saint-Clair", Some(siret), None, None),
                    at(9),
                ),
            )
            .await
            .expect("a again");
            assert_eq!(
                names(conn, &DirectoryFilter::default()).await,
                ["https://b.example/p/autre", "https://a.example/p/epn"]
            );
            // The first instance corrects its SIRET: two places again.
            record(
                conn,
                entry(
                    "https://a.example/p/epn",
                    place("EPN de Saint-Clair", Some("55210055400013"), None, None),
                    at(11),
                ),
            )
            .await
            .expect("split");
            assert_eq!(names(conn, &DirectoryFilter::default()).await.len(), 3);
            // Back together, then the canonical one is deleted: the other takes its place.
            record(
                conn,
                entry(
                    "https://a.example/p/epn",
                    place("EPN de Saint-Clair", Some(siret), None, None),
                    at(12),
                ),
            )
            .await
            .expect("merge");
            assert_eq!(names(conn, &DirectoryFilter::default()).await.len(), 2);
            assert!(
                remove(conn, "https://a.example/p/epn")
                    .await
                    .expect("remove")
            );
            assert_eq!(
                names(conn, &DirectoryFilter::default()).await,
                ["https://b.example/p/autre", "https://b.example/p/epn"]
            );
            assert!(
                !remove(conn, "https://a.example/p/epn")
                    .await
                    .expect("remove")
            );
            t.cleanup().await;
        }
    }

    #[tokio::test]
    async fn near_misses_stay_apart_and_chains_merge() {
        for t in both().await {
            let conn = t.db.conn();
            let reims = (49.2583, 4.0317);
            let north = |metres: f64| (reims.0 + metres / 111_195.0, reims.1);
            record(
                conn,
                entry(
                    "https://a.example/p/1",
                    place("Médiathèque de Saint-Clair", None, None, Some(reims)),
                    at(1),
                ),
            )
            .await
            .expect("1");
            // The same name 150 m away, another name 30 m away: three places.
            record(
                conn,
                entry(
                    "https://b.example/p/2",
                    place("Médiathèque de Saint-Clair", None, None, Some(north(150.0))),
                    at(1),
                ),
            )
            .await
            .expect("2");
            record(
                conn,
                entry(
                    "https://c.example/p/3",
                    place("France Services Reims", None, None, Some(north(30.0))),
                    at(1),
                ),
            )
            .await
            .expect("3");
            // Two establishments of one SIREN at one address: two places.
            record(
                conn,
                entry(
                    "https://a.example/p/4",
                    place(
                        "Mairie",
                        Some("21510454600019"),
                        Some("9 place de l'Hôtel de Ville"),
                        None,
                    ),
                    at(1),
                ),
            )
            .await
            .expect("4");
            record(
                conn,
                entry(
                    "https://b.example/p/5",
                    place(
                        "Médiathèque",
                        Some("21510454600027"),
                        Some("9 pl. de l'Hôtel de Ville"),
                        None,
                    ),
                    at(1),
                ),
            )
            .await
            .expect("5");
            assert_eq!(names(conn, &DirectoryFilter::default()).await.len(), 5);
            // A record 80 m from the first with a similar name and the address of the second
            // ties them into one place.
            let mut bridge = place(
                "Mediatheque St Clair",
                None,
                Some("12 rue Leclercq"),
                Some(north(80.0)),
            );
            bridge.address.postal_code = Some("51100".into());
            record(conn, entry("https://d.example/p/6", bridge, at(2)))
                .await
                .expect("6");
            record(
                conn,
                entry(
                    "https://b.example/p/2",
                    place(
                        "Médiathèque de Saint-Clair",
                        None,
                        Some("12 r. Leclercq"),
                        Some(north(150.0)),
                    ),
                    at(1),
                ),
            )
            .await
            .expect("2 again");
            let listed = names(conn, &DirectoryFilter::default()).await;
            assert_eq!(listed.len(), 4, "{listed:?}");
            assert!(
                listed.contains(&"https://d.example/p/6".to_string()),
                "the freshest: {listed:?}"
            );
            t.cleanup().await;
        }
    }

    #[tokio::test]
    async fn the_listing_filters_and_pages_without_gaps() {
        for t in both().await {
            let conn = t.db.conn();
            let mut ids = Vec::new();
            for i in 0..7 {
                let mut p = place(
                    &format!("Lieu {i:02}"),
                    None,
                    None,
                    Some((49.0 + f64::from(i) * 0.1, 4.0)),
                );
                if i % 2 == 0 {
                    p.concepts.fees = vec!["gratuit".into()];
                    p.address.postal_code = Some("08000".into());
                    p.opening_hours = Some("24/7".into());
                } else {
                    p.concepts.fees = vec!["adhesion".into()];
                    p.opening_hours = Some("off".into());
                }
                let ap_id = format!("https://x.example/p/{i}");
                record(conn, entry(&ap_id, p, at(1))).await.expect("record");
                ids.push(ap_id);
            }
            assert_eq!(names(conn, &DirectoryFilter::default()).await, ids);
            let even: Vec<String> = ids.iter().step_by(2).cloned().collect();
            let odd: Vec<String> = ids.iter().skip(1).step_by(2).cloned().collect();
            let by_dep = DirectoryFilter {
                departement: Some("08".into()),
                ..Default::default()
            };
            assert_eq!(names(conn, &by_dep).await, even);
            let region = DirectoryFilter {
                region: Some("44".into()),
                ..Default::default()
            };
            assert_eq!(names(conn, &region).await, ids);
            let payant = galaxie_domain::timeline::resolve_any("fee/payant").expect("concept");
            let by_fee = DirectoryFilter {
                concepts: vec![payant.paths],
                ..Default::default()
            };
            assert_eq!(
                names(conn, &by_fee).await,
                odd,
                "adhesion is narrower than payant"
            );
            let open = DirectoryFilter {
                open_at: Some(at(4)),
                ..Default::default()
            };
            assert_eq!(names(conn, &open).await, even);
            // 0.1° of latitude is about 11.1 km: within 12 km of place 3 are 2, 3 and 4.
            let near = DirectoryFilter {
                near: Some(Circle {
                    center: GeoPoint {
                        latitude: 49.3,
                        longitude: 4.0,
                    },
                    radius_km: 12.0,
                }),
                ..Default::default()
            };
            assert_eq!(names(conn, &near).await, ids[2..5]);
            let bbox = DirectoryFilter {
                bbox: Some(BBox::parse("3.9,49.05,4.1,49.25").expect("box")),
                ..Default::default()
            };
            assert_eq!(names(conn, &bbox).await, ids[1..3]);
            t.cleanup().await;
        }
    }
}
