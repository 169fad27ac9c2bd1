//! What orientation (the *Passeport numérique*, `galaxie_domain::orientation`) reads: the
//! places of the federated directory (one per place, the canonical entry) with the live
//! services of every record of the same place, and where a town the person names lies. Only
//! reads: nothing about the person is ever written, and none of their answers goes into a
//! query (statements may be logged): the rows are read whole and matched here.

use crate::Result;
use crate::entities::directory::{Column, Entity, Model};
use crate::entities::objects;
use galaxie_domain::orientation::{Candidate, CandidateService};
use galaxie_domain::{GeoPoint, ServiceConcepts};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashSet;

/// The most places one ranking reads.
pub const MAX_CANDIDATES: u64 = 5_000;

/// A candidate place and the directory entry it was read from.
#[derive(Debug, Clone)]
pub struct Found {
    /// The entry (canonical).
    pub entry: Model,
    /// What the ranking reads.
    pub candidate: Candidate,
    /// The services, in the candidate's order.
    pub services: Vec<objects::Model>,
}

/// The canonical directory entries (at most [`MAX_CANDIDATES`], by name) with their
/// services: those of every record of the same place, each service once.
pub async fn candidates<C: ConnectionTrait>(conn: &C) -> Result<Vec<Found>> {
    let entries = Entity::find()
        .filter(Column::Canonical.eq(true))
        .order_by_asc(Column::NameKey)
        .order_by_asc(Column::Id)
        .limit(MAX_CANDIDATES)
        .all(conn)
        .await?;
    let siblings = crate::directory::same_as(conn, &entries).await?;
    let mut actors: Vec<String> = entries.iter().map(|e| e.ap_id.clone()).collect();
    for list in siblings.values() {
        actors.extend(list.iter().map(|s| s.ap_id.clone()));
    }
    let mut services = crate::directory::services_of(conn, &actors).await?;
    let mut found = Vec::with_capacity(entries.len());
    for entry in entries {
        let mut pages: Vec<objects::Model> = services.remove(&entry.ap_id).unwrap_or_default();
        for s in siblings.get(&entry.cluster_id).into_iter().flatten() {
            pages.extend(services.remove(&s.ap_id).unwrap_or_default());
        }
        // The same service published by several records of the place: once, by name.
        let mut seen: HashSet<String> = HashSet::new();
        pages.retain(|p| seen.insert(p.name.clone().unwrap_or_default().to_lowercase()));
        let candidate = Candidate {
            id: entry.ap_id.clone(),
            name: entry.name.clone(),
            geo: match (entry.latitude, entry.longitude) {
                (Some(latitude), Some(longitude)) => Some(GeoPoint {
                    latitude,
                    longitude,
                }),
                _ => None,
            },
            departement: entry.departement.clone(),
            opening_hours: entry.opening_hours.clone(),
            concepts: crate::directory::concepts(&entry),
            services: pages
                .iter()
                .map(|p| CandidateService {
                    id: p.ap_id.clone(),
                    name: p.name.clone().unwrap_or_default(),
                    concepts: p
                        .concepts
                        .as_deref()
                        .and_then(|c| serde_json::from_str::<ServiceConcepts>(c).ok())
                        .unwrap_or_default(),
                    opening_hours: p.opening_hours.clone(),
                })
                .collect(),
        };
        found.push(Found {
            entry,
            candidate,
            services: pages,
        });
    }
    Ok(found)
}

/// Where a town lies: the mean position of the directory's places with this postal code, or
/// else in a commune of this name (accents, case and `St`/`Saint` folded). `None` when no
/// known place is there.
pub async fn town_position<C: ConnectionTrait>(conn: &C, town: &str) -> Result<Option<GeoPoint>> {
    let town = town.trim();
    let key = galaxie_domain::directory::name_key(town);
    let by_postal_code = town.chars().all(|c| c.is_ascii_digit());
    let rows: Vec<Model> = Entity::find()
        .filter(Column::Latitude.is_not_null())
        .filter(Column::Longitude.is_not_null())
        .limit(MAX_CANDIDATES)
        .all(conn)
        .await?
        .into_iter()
        .filter(|m| {
            if by_postal_code {
                m.postal_code.as_deref() == Some(town)
            } else {
                m.locality
                    .as_deref()
                    .is_some_and(|l| galaxie_domain::directory::name_key(l) == key)
            }
        })
        .collect();
    let points: Vec<GeoPoint> = rows
        .iter()
        .filter_map(|m| match (m.latitude, m.longitude) {
            (Some(latitude), Some(longitude)) => Some(GeoPoint {
                latitude,
                longitude,
            }),
            _ => None,
        })
        .collect();
    if points.is_empty() {
        return Ok(None);
    }
    let n = points.len() as f64;
    Ok(Some(GeoPoint {
        latitude: points.iter().map(|p| p.latitude).sum::<f64>() / n,
        longitude: points.iter().map(|p| p.longitude).sum::<f64>() / n,
    }))
}
