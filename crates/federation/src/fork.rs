//! The "code source" of a tiers-lieu and its forks.
//!
//! A place publishes its governance, economic model, partnerships, charter and recipes as
//! openly licensed `Article`s (FEP-c118 `license`, `gx:sourceCodeKind`), listed in the
//! `sourceCode` collection of its actor. [`fork`] starts a new local place from another's
//! published model: it reads that collection, refuses material whose licence does not allow
//! derivatives, copies the articles with their attribution (`gx:forkOf`, `gx:originalAuthor`,
//! the licence kept, a credit line in the text), and tells the origin with an `Add` of the new
//! place to the origin's `forks` collection. The origin checks that the fork's articles point
//! back to its own before listing it ([`on_fork_told`]).

use crate::data::Data;
use crate::error::FederationError;
use crate::outbox::{self, Outgoing, Prepared};
use crate::protocol::context::with_context;
use crate::protocol::helpers::{public_collection, value_id};
use crate::urls::Urls;
use galaxie_db::TransactionTrait;
use galaxie_db::entities::{place_forks, places, source_articles};
use galaxie_db::source_code::{self as db, ArticleData};
use galaxie_domain::source_code::{NewSourceArticle, SourceCodeKind, allows_derivatives};
use galaxie_domain::{NewPlace, RawPlace, ValidationErrors};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use url::Url;

/// At most this many articles are copied by a fork.
pub const MAX_ARTICLES: usize = 50;

/// The code-source and cooperation terms of a place actor (`gx:`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SourceCodeTerms {
    /// Its cooperation frameworks (concept IRIs of the `cooperation-framework` scheme).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cooperation_frameworks: Vec<Url>,
    /// The collection of its code-source articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_code: Option<Url>,
    /// The collection of the places that started from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forks: Option<Url>,
}

/// The terms of a local place.
pub fn terms(urls: &Urls, place: &places::Model) -> SourceCodeTerms {
    use galaxie_domain::vocab::{self, Scheme};
    SourceCodeTerms {
        cooperation_frameworks: galaxie_db::cooperation::frameworks(place)
            .iter()
            .filter_map(|s| vocab::by_slug(Scheme::CooperationFramework, s))
            .filter_map(|c| Url::parse(&c.iri()).ok())
            .collect(),
        source_code: Some(source_code_url(urls, &place.username)),
        forks: Some(forks_url(urls, &place.username)),
    }
}

/// A place's `sourceCode` collection.
pub fn source_code_url(urls: &Urls, username: &str) -> Url {
    let mut u = urls.place(username);
    u.set_path(&format!("/places/{username}/source-code"));
    u
}

/// A place's `forks` collection.
pub fn forks_url(urls: &Urls, username: &str) -> Url {
    let mut u = urls.place(username);
    u.set_path(&format!("/places/{username}/forks"));
    u
}

/// A code-source `Article` on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceArticle {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Url,
    #[serde(deserialize_with = "crate::protocol::helpers::first_id")]
    pub attributed_to: Url,
    pub name: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
    /// FEP-c118.
    #[serde(default, deserialize_with = "crate::protocol::helpers::first_id_opt")]
    pub license: Option<Url>,
    #[serde(default)]
    pub source_code_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fork_of: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_author: Option<Url>,
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
}

/// The wire shape of one of our articles.
pub fn article_json(
    urls: &Urls,
    place: &places::Model,
    row: &source_articles::Model,
) -> Result<SourceArticle, FederationError> {
    Ok(SourceArticle {
        kind: "Article".into(),
        id: Url::parse(&row.ap_id)?,
        attributed_to: urls.place(&place.username),
        name: row.name.clone(),
        summary: Some(row.summary.clone()),
        content: Some(row.content.clone()),
        license: Some(Url::parse(&row.license)?),
        source_code_kind: Some(row.kind.clone()),
        fork_of: row.fork_of.as_deref().and_then(|u| Url::parse(u).ok()),
        original_author: row
            .original_author
            .as_deref()
            .and_then(|u| Url::parse(u).ok()),
        published: Some(row.published),
        to: vec![public_collection()],
        cc: vec![urls.place_followers(&place.username)],
    })
}

/// The `sourceCode` collection of a place, its articles embedded.
pub async fn collection(data: &Data, place: &places::Model) -> Result<Value, FederationError> {
    let urls = data.urls();
    let rows = db::of_place(data.db().conn(), place.id).await?;
    let items = rows
        .iter()
        .map(|r| article_json(urls, place, r).and_then(|a| Ok(serde_json::to_value(a)?)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(with_context(&json!({
        "id": source_code_url(urls, &place.username),
        "type": "OrderedCollection",
        "attributedTo": urls.place(&place.username),
        "totalItems": items.len(),
        "orderedItems": items,
    }))?)
}

/// The `forks` collection of a place: the actor ids of the places that started from it.
pub async fn forks_collection(
    data: &Data,
    place: &places::Model,
) -> Result<Value, FederationError> {
    let urls = data.urls();
    let rows = db::forks_of(data.db().conn(), place.id).await?;
    let items: Vec<&str> = rows.iter().map(|r| r.fork_actor.as_str()).collect();
    Ok(with_context(&json!({
        "id": forks_url(urls, &place.username),
        "type": "OrderedCollection",
        "totalItems": items.len(),
        "orderedItems": items,
    }))?)
}

/// The articles of one of our places.
pub async fn articles_of(
    data: &Data,
    place: &places::Model,
) -> Result<Vec<source_articles::Model>, FederationError> {
    Ok(db::of_place(data.db().conn(), place.id).await?)
}

/// The forks of one of our places.
pub async fn forks_of(
    data: &Data,
    place: &places::Model,
) -> Result<Vec<place_forks::Model>, FederationError> {
    Ok(db::forks_of(data.db().conn(), place.id).await?)
}

/// An article by its id, with its place.
pub async fn article(
    data: &Data,
    ap_id: &str,
) -> Result<(places::Model, source_articles::Model), FederationError> {
    let conn = data.db().conn();
    let row = db::by_ap_id(conn, ap_id)
        .await?
        .ok_or(FederationError::NotFound("article"))?;
    let place = galaxie_db::places::by_id(conn, row.place_id).await?;
    Ok((place, row))
}

/// A place publishes a code-source article: stored, and sent to its followers in a `Create`.
pub async fn publish_article(
    data: &Data,
    username: &str,
    article: NewSourceArticle,
) -> Result<source_articles::Model, FederationError> {
    let place = crate::service::place(data, username).await?;
    let urls = data.urls();
    let ap_id = urls
        .base()
        .join(&format!("source/{}", uuid::Uuid::now_v7()))?;
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row = db::insert(
        &txn,
        ArticleData {
            ap_id: ap_id.to_string(),
            place_id: place.id,
            kind: article.kind.slug().into(),
            name: article.name,
            summary: article.summary,
            content: galaxie_domain::text::plain_text_to_html(&article.content),
            license: article.license.to_string(),
            fork_of: None,
            original_author: None,
            attribution: None,
        },
    )
    .await?;
    tell_followers(&txn, data, &place, &row).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

async fn tell_followers<C: galaxie_db::ConnectionTrait>(
    conn: &C,
    data: &Data,
    place: &places::Model,
    row: &source_articles::Model,
) -> Result<(), FederationError> {
    let urls = data.urls();
    let object = article_json(urls, place, row)?;
    let id = urls.new_activity();
    let json = with_context(&json!({
        "id": id,
        "type": "Create",
        "actor": urls.place(&place.username),
        "to": [public_collection()],
        "cc": [urls.place_followers(&place.username)],
        "object": object,
        "published": row.published,
    }))?;
    let inboxes = galaxie_db::follows::follower_inboxes(conn, place.id).await?;
    outbox::publish(
        conn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind: "Create",
            place: Some(place.clone()),
            object_id: Some(row.ap_id.clone()),
            public: true,
            json,
            inboxes,
        }),
    )
    .await?;
    Ok(())
}

/// What a fork made.
#[derive(Debug, Clone)]
pub struct Forked {
    /// The new place.
    pub place: places::Model,
    /// Its articles, copied with attribution.
    pub articles: Vec<source_articles::Model>,
    /// The origin place's actor id.
    pub origin: Url,
}

/// The origin of a fork, as read from its actor and its `sourceCode` collection.
struct Origin {
    actor: Url,
    name: String,
    inbox: Option<String>,
    forks: Option<Url>,
    articles: Vec<SourceArticle>,
    local: Option<places::Model>,
}

fn source_error(message: impl Into<String>) -> FederationError {
    ValidationErrors::single("source", message).into()
}

async fn fetch_json(data: &Data, url: &Url) -> Result<Value, FederationError> {
    Ok(
        activitypub_federation::fetch::fetch_object_http::<_, Value>(url, data)
            .await?
            .object,
    )
}

fn same_host(a: &Url, b: &Url) -> bool {
    (a.host_str(), a.port_or_known_default()) == (b.host_str(), b.port_or_known_default())
}

/// A local place named by a handle or an actor URL of this instance.
async fn local_place_named(
    data: &Data,
    source: &str,
) -> Result<Option<places::Model>, FederationError> {
    let urls = data.urls();
    let source = source.trim();
    let username = if source.starts_with("http://") || source.starts_with("https://") {
        let url = Url::parse(source)?;
        match urls.place_username(&url) {
            Some(u) => u.to_string(),
            None => return Ok(None),
        }
    } else {
        let handle = source.trim_start_matches("acct:").trim_start_matches('@');
        match handle.split_once('@') {
            Some((user, host)) if host == urls.authority() => user.to_string(),
            _ => return Ok(None),
        }
    };
    Ok(galaxie_db::places::by_username(data.db().conn(), &username).await?)
}

/// Reads the items of a collection (embedded, or fetched one by one from the same host).
async fn collection_items(
    data: &Data,
    actor: &Url,
    url: &Url,
) -> Result<Vec<SourceArticle>, FederationError> {
    if !same_host(url, actor) {
        return Err(FederationError::Forbidden(format!(
            "{url} is not on its actor's host"
        )));
    }
    let mut page = fetch_json(data, url).await?;
    if let Some(first) = page.get("first") {
        page = match first {
            Value::Object(_) => first.clone(),
            other => match value_id(other) {
                Some(u) if same_host(&u, actor) => fetch_json(data, &u).await?,
                _ => page,
            },
        };
    }
    let items = ["orderedItems", "items"]
        .iter()
        .find_map(|k| page.get(*k))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut articles = Vec::new();
    for item in items.into_iter().take(MAX_ARTICLES) {
        let item = match item {
            Value::Object(_) => item,
            other => match value_id(&other) {
                Some(u) if same_host(&u, actor) => fetch_json(data, &u).await?,
                _ => continue,
            },
        };
        let article: SourceArticle = serde_json::from_value(item)?;
        if !same_host(&article.id, actor) || article.attributed_to != *actor {
            return Err(FederationError::Forbidden(format!(
                "{} is not {actor}'s own article",
                article.id
            )));
        }
        articles.push(article);
    }
    Ok(articles)
}

async fn read_origin(data: &Data, source: &str) -> Result<Origin, FederationError> {
    let urls = data.urls();
    if let Some(place) = local_place_named(data, source).await? {
        let rows = db::of_place(data.db().conn(), place.id).await?;
        let articles = rows
            .iter()
            .map(|r| article_json(urls, &place, r))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(Origin {
            actor: urls.place(&place.username),
            name: place.name.clone(),
            inbox: None,
            forks: Some(forks_url(urls, &place.username)),
            articles,
            local: Some(place),
        });
    }
    let actor = crate::webfinger::resolve_actor(data, source)
        .await
        .map_err(|e| match e {
            FederationError::Invalid(errors) => FederationError::Invalid(errors),
            other => source_error(format!(
                "aucun lieu trouvé / no place found at {source} ({other})"
            )),
        })?;
    let actor_url = Url::parse(&actor.row.ap_id)?;
    let document = fetch_json(data, &actor_url).await?;
    let terms: SourceCodeTerms = serde_json::from_value(document.clone()).unwrap_or_default();
    let Some(collection) = terms.source_code else {
        return Err(source_error(format!(
            "{actor_url} ne publie pas de code source / publishes no code source (no sourceCode collection)"
        )));
    };
    let articles = collection_items(data, &actor_url, &collection).await?;
    Ok(Origin {
        name: actor
            .row
            .name
            .clone()
            .or(actor.row.preferred_username.clone())
            .unwrap_or_else(|| actor_url.to_string()),
        actor: actor_url,
        inbox: Some(actor.row.inbox.clone()),
        forks: terms.forks,
        articles,
        local: None,
    })
}

/// Starts a new local place, `new_username`, from the published model of `source`
/// (`@place@host` or an actor URL).
pub async fn fork(
    data: &Data,
    source: &str,
    new_username: &str,
    name: Option<&str>,
) -> Result<Forked, FederationError> {
    // Check what can be checked before any request.
    if let Err(e) = galaxie_domain::Username::parse(new_username) {
        return Err(ValidationErrors::single("username", e.to_string()).into());
    }
    let conn = data.db().conn();
    if galaxie_db::places::by_username(conn, new_username)
        .await?
        .is_some()
    {
        return Err(ValidationErrors::single(
            "username",
            format!("is already taken: a place named {new_username} exists"),
        )
        .into());
    }
    if source.trim().is_empty() {
        return Err(source_error(
            "is required: @place@host or the URL of a place",
        ));
    }
    let origin = read_origin(data, source).await?;
    if origin.articles.is_empty() {
        return Err(source_error(format!(
            "{} ne publie aucun article de code source / publishes no code-source article",
            origin.actor
        )));
    }
    let mut errors = ValidationErrors::new();
    for a in &origin.articles {
        match &a.license {
            None => errors.add(
                "source",
                format!(
                    "« {} » n’a pas de licence (tous droits réservés) / has no licence (all rights reserved): it cannot be forked",
                    a.name
                ),
            ),
            Some(l) => {
                if let Err(e) = allows_derivatives(l) {
                    errors.add("source", format!("« {} » : {e}", a.name));
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let place_name = name
        .map(str::to_string)
        .unwrap_or_else(|| format!("Nouveau lieu d’après {}", origin.name));
    let place_name: String = place_name
        .chars()
        .take(galaxie_domain::place::NAME_MAX)
        .collect();
    let new_place = NewPlace::parse(RawPlace {
        username: Some(new_username.to_string()),
        name: Some(place_name),
        summary: Some(format!(
            "Un tiers-lieu qui démarre à partir du code source de {}.",
            origin.name
        ))
        .map(|s| s.chars().take(galaxie_domain::place::SUMMARY_MAX).collect()),
        ..Default::default()
    })?;
    let keys = tokio::task::spawn_blocking(crate::signatures::generate_keypair)
        .await
        .map_err(|e| FederationError::Internal(e.to_string()))??;
    let urls = data.urls();
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let place = galaxie_db::places::insert(&txn, &new_place, keys).await?;
    crate::directory::record_local(&txn, urls, &place).await?;
    let mut articles = Vec::new();
    for a in &origin.articles {
        let kind = a
            .source_code_kind
            .as_deref()
            .and_then(|k| SourceCodeKind::parse(k).ok())
            .unwrap_or(SourceCodeKind::Recette);
        let license = a
            .license
            .clone()
            .ok_or_else(|| FederationError::Internal("licence checked above".into()))?;
        let license_name = galaxie_domain::source_code::license_name(license.as_str());
        let esc = galaxie_domain::text::escape_html;
        // The original author stays the original's original, when it was itself a fork.
        let author = a
            .original_author
            .clone()
            .unwrap_or_else(|| origin.actor.clone());
        let credit_html = format!(
            r#"<p class="attribution">D’après « <a href="{}">{}</a> » de <a href="{}">{}</a>, licence <a href="{}" rel="license">{}</a>.</p>"#,
            esc(a.id.as_str()),
            esc(&a.name),
            esc(origin.actor.as_str()),
            esc(&origin.name),
            esc(license.as_str()),
            esc(&license_name),
        );
        let credit = format!(
            "D’après « {} » de {} ({}), licence {}",
            a.name, origin.name, a.id, license_name
        );
        let content = a
            .content
            .as_deref()
            .map(crate::sanitize::clean_html)
            .unwrap_or_default();
        let row = db::insert(
            &txn,
            ArticleData {
                ap_id: urls
                    .base()
                    .join(&format!("source/{}", uuid::Uuid::now_v7()))?
                    .to_string(),
                place_id: place.id,
                kind: kind.slug().into(),
                name: crate::sanitize::plain_text(&a.name, 120),
                summary: galaxie_domain::source_code::summary_line(
                    kind,
                    &crate::sanitize::plain_text(&a.name, 120),
                ),
                content: format!("{content}{credit_html}"),
                license: license.to_string(),
                fork_of: Some(a.id.to_string()),
                original_author: Some(author.to_string()),
                attribution: Some(credit),
            },
        )
        .await?;
        articles.push(row);
    }
    let actor = urls.place(&place.username);
    match &origin.local {
        Some(local) => {
            db::record_fork(&txn, local.id, actor.as_str(), Some(&place.name)).await?;
        }
        None => {
            if let (Some(target), Some(inbox)) = (&origin.forks, &origin.inbox) {
                let id = urls.new_activity();
                let json = with_context(&json!({
                    "id": id,
                    "type": "Add",
                    "actor": actor,
                    "to": [origin.actor],
                    "object": actor,
                    "target": target,
                    "summary": format!("{} démarre à partir du code source de {}", place.name, origin.name),
                    "published": galaxie_db::now(),
                }))?;
                outbox::publish(
                    &txn,
                    data,
                    Outgoing::Prepared(Prepared {
                        id,
                        kind: "Add",
                        place: Some(place.clone()),
                        object_id: Some(actor.to_string()),
                        public: false,
                        json,
                        inboxes: vec![inbox.clone()],
                    }),
                )
                .await?;
            }
        }
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(Forked {
        place,
        articles,
        origin: origin.actor,
    })
}

/// A remote place says it started from one of ours (`Add` of itself to our place's `forks`).
/// Its articles must point back to ours (`forkOf`) before it is listed.
pub async fn on_fork_told(data: &Data, fork: &Url, target: &Url) -> Result<(), FederationError> {
    let urls = data.urls();
    let conn = data.db().conn();
    let Some(username) = target
        .path()
        .strip_prefix("/places/")
        .and_then(|p| p.strip_suffix("/forks"))
        .filter(|_| urls.is_local(target))
    else {
        return Ok(());
    };
    let Some(place) = galaxie_db::places::by_username(conn, username).await? else {
        return Ok(());
    };
    let document = fetch_json(data, fork).await?;
    let terms: SourceCodeTerms = serde_json::from_value(document.clone()).unwrap_or_default();
    let Some(collection) = terms.source_code else {
        return Err(FederationError::Forbidden(format!(
            "{fork} has no sourceCode collection pointing back to {target}"
        )));
    };
    let articles = collection_items(data, fork, &collection).await?;
    let mut points_back = false;
    for a in &articles {
        if let Some(of) = &a.fork_of
            && let Some(ours) = db::by_ap_id(conn, of.as_str()).await?
            && ours.place_id == place.id
        {
            points_back = true;
            break;
        }
    }
    if !points_back {
        return Err(FederationError::Forbidden(format!(
            "no article of {fork} is a fork of {}'s code source",
            place.username
        )));
    }
    let name = document
        .get("name")
        .and_then(Value::as_str)
        .map(|n| crate::sanitize::plain_text(n, galaxie_domain::place::NAME_MAX));
    db::record_fork(conn, place.id, fork.as_str(), name.as_deref()).await?;
    Ok(())
}
