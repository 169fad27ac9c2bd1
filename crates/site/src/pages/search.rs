//! Search: words looked for in the places (name, presentation, town, the labels of what they
//! offer) and in the latest publications, without regard to case or accents ("demarches"
//! finds "démarches").

use crate::context::{Ctx, Meta};
use crate::error::SiteResult;
use crate::forms::Field;
use crate::pages::directory::{PlaceCard, card};
use crate::pages::home::{Item, SCAN_LIMIT, items, places_by_id};
use axum::extract::Query;
use axum::response::Response;
use galaxie_domain::vocab::{self, Scheme};
use serde::{Deserialize, Serialize};

/// Results of each kind shown.
const MAX_RESULTS: usize = 30;

/// `?q=`.
#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: Option<String>,
}

/// Lower case without accents, for matching.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' => 'y',
            'œ' => 'o',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// Whether every word of `query` (folded) is in `haystack` (folded).
pub fn all_words(query: &[String], haystack: &str) -> bool {
    query.iter().all(|w| haystack.contains(w.as_str()))
}

#[derive(Serialize)]
struct SearchData {
    q: String,
    field: Field,
    places: Vec<PlaceCard>,
    items: Vec<Item>,
    searched: bool,
}

/// `/recherche`.
pub async fn search(ctx: Ctx, Query(query): Query<SearchQuery>) -> SiteResult<Response> {
    let q = query
        .q
        .unwrap_or_default()
        .trim()
        .chars()
        .take(200)
        .collect::<String>();
    let words: Vec<String> = fold(&q)
        .split_whitespace()
        .filter(|w| w.chars().count() > 1)
        .map(str::to_string)
        .collect();
    let data = ctx.state.data();
    let conn = data.db().conn().clone();
    let v = ctx.view();
    let mut places = Vec::new();
    let mut found_items = Vec::new();
    if !words.is_empty() {
        for p in galaxie_db::places::list(&conn).await? {
            let profile = galaxie_db::places::profile(&p);
            let labels: Vec<&str> = profile
                .concepts
                .services
                .iter()
                .filter_map(|s| vocab::by_slug(Scheme::Service, s))
                .flat_map(|c| [c.label_fr, c.label_falc, c.label_en])
                .collect();
            let haystack = fold(&format!(
                "{} {} {} {} {} {} {}",
                p.name,
                p.summary.as_deref().unwrap_or_default(),
                p.description.as_deref().unwrap_or_default(),
                p.locality.as_deref().unwrap_or_default(),
                p.postal_code.as_deref().unwrap_or_default(),
                p.username,
                labels.join(" ")
            ));
            if all_words(&words, &haystack) {
                places.push(card(&v, &p));
                if places.len() >= MAX_RESULTS {
                    break;
                }
            }
        }
        let mut before = None;
        let mut scanned = 0usize;
        let mut rows = Vec::new();
        'scan: loop {
            let batch = galaxie_db::objects::timeline(&conn, 200, before).await?;
            let exhausted = batch.len() < 200;
            for row in batch {
                scanned += 1;
                before = Some(galaxie_db::objects::Cursor {
                    received_at: row.received_at,
                    id: row.id,
                });
                let text = galaxie_federation::sanitize::plain_text(
                    row.content.as_deref().unwrap_or_default(),
                    5000,
                );
                let haystack = fold(&format!(
                    "{} {} {} {}",
                    row.name.as_deref().unwrap_or_default(),
                    row.summary.as_deref().unwrap_or_default(),
                    text,
                    row.locality.as_deref().unwrap_or_default()
                ));
                if all_words(&words, &haystack) {
                    rows.push(row);
                    if rows.len() >= MAX_RESULTS {
                        break 'scan;
                    }
                }
            }
            if exhausted || scanned >= SCAN_LIMIT {
                break;
            }
        }
        let by_id = places_by_id(&conn).await?;
        found_items = items(&ctx, rows, &by_id).await?;
    }
    let title = if q.is_empty() {
        ctx.t("search-title")
    } else {
        ctx.tr("search-title-for", &[("q", q.clone().into())])
    };
    let meta = Meta {
        description: Some(ctx.t("search-intro")),
        canonical: Some(ctx.absolute("/recherche")),
        og_type: "website",
        noindex: !q.is_empty(),
        ..Default::default()
    };
    let base = ctx.base(&title, "search", meta);
    let field = Field::new("q", ctx.t("search-label"))
        .kind("search")
        .value(q.clone())
        .hint(ctx.t("search-hint"));
    ctx.page(
        "search.html",
        base,
        SearchData {
            searched: !words.is_empty(),
            q,
            field,
            places,
            items: found_items,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(fold("Démarches À l’ÉPN"), "demarches a l'epn");
        let q: Vec<String> = vec!["demarches".into(), "reims".into()];
        assert!(all_words(&q, &fold("Aide aux démarches — Reims")));
        assert!(!all_words(&q, &fold("Aide aux démarches — Rennes")));
    }
}
