//! What the open-data exports read (every place with its live services) and what the imports
//! write (where an imported place comes from, so that a second import finds it again).

use crate::entities::objects;
use crate::entities::places::{ActiveModel, Column, Entity, Model};
use crate::{PlaceId, Result};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use std::collections::HashMap;

/// The row of an open-data file a place was imported from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct External {
    /// The row's `id`, unique within its source.
    pub id: String,
    /// The row's `source`, if it names one.
    pub source: Option<String>,
    /// The row's `date_maj`.
    pub updated_on: NaiveDate,
}

/// Where a stored place was imported from, if it was.
pub fn external(place: &Model) -> Option<External> {
    Some(External {
        id: place.external_id.clone()?,
        source: place.external_source.clone(),
        updated_on: place.external_updated_on?,
    })
}

/// The place imported from the row `id` of `source`.
pub async fn by_external<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    source: Option<&str>,
) -> Result<Option<Model>> {
    let query = Entity::find().filter(Column::ExternalId.eq(id));
    let query = match source {
        Some(source) => query.filter(Column::ExternalSource.eq(source)),
        None => query.filter(Column::ExternalSource.is_null()),
    };
    Ok(query.order_by_asc(Column::Id).one(conn).await?)
}

/// The places with this pivot (SIRET, SIREN or RNA), oldest first.
pub async fn by_pivot<C: ConnectionTrait>(conn: &C, pivot: &str) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::Pivot.eq(pivot))
        .order_by_asc(Column::Id)
        .all(conn)
        .await?)
}

/// Records the row a place was imported from.
pub async fn set_external<C: ConnectionTrait>(
    conn: &C,
    place: Model,
    external: &External,
) -> Result<Model> {
    let mut active: ActiveModel = place.into();
    active.external_id = Set(Some(external.id.clone()));
    active.external_source = Set(external.source.clone());
    active.external_updated_on = Set(Some(external.updated_on));
    Ok(active.update(conn).await?)
}

/// Every place of this instance (by username) with its live services (`Page`s, oldest first).
pub async fn catalogue<C: ConnectionTrait>(conn: &C) -> Result<Vec<(Model, Vec<objects::Model>)>> {
    let places = Entity::find()
        .filter(Column::Kind.eq(crate::networks::KIND_PLACE))
        .order_by_asc(Column::Username)
        .all(conn)
        .await?;
    let pages = objects::Entity::find()
        .filter(objects::Column::Kind.eq("Page"))
        .filter(objects::Column::PlaceId.is_not_null())
        .filter(objects::Column::DeletedAt.is_null())
        .order_by_asc(objects::Column::Id)
        .all(conn)
        .await?;
    let mut by_place: HashMap<PlaceId, Vec<objects::Model>> = HashMap::new();
    for page in pages {
        if let Some(place_id) = page.place_id {
            by_place.entry(place_id).or_default().push(page);
        }
    }
    Ok(places
        .into_iter()
        .map(|place| {
            let pages = by_place.remove(&place.id).unwrap_or_default();
            (place, pages)
        })
        .collect())
}
