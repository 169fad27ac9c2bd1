//! An article of one of our places' "code source" (governance, economic model, partnerships,
//! charter, recipes), openly licensed; when forked, the article it comes from.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "source_articles")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub ap_id: String,
    pub place_id: PlaceId,
    /// `gx:sourceCodeKind`: gouvernance, modele-economique, partenariats, charte, recette.
    pub kind: String,
    pub name: String,
    pub summary: String,
    /// Sanitised HTML.
    pub content: String,
    /// The licence's URL.
    pub license: String,
    /// `gx:forkOf`: the article this one was copied from.
    pub fork_of: Option<String>,
    /// The original article's author (a place actor id).
    pub original_author: Option<String>,
    /// The credit line shown with it.
    pub attribution: Option<String>,
    pub published: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
