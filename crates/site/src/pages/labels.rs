//! Regional labels on the pages: what a place holds, with a valid attestation (not revoked,
//! within its dates), from the network that issued it. Attestations themselves are served by
//! `galaxie-web` at their URL (`/attestations/{id}`), as a page for browsers.

use crate::error::SiteResult;
use galaxie_federation::Data;
use serde::Serialize;

/// A label a place holds, as the place page shows it.
#[derive(Debug, Serialize)]
pub struct RegionalLabel {
    /// The label's name.
    pub name: String,
    /// The network that issued it, by name when known.
    pub issuer: String,
    /// Its last day, in plain French.
    pub until: String,
    /// The attestation's URL (its page, and what `galaxie label verify` takes).
    pub url: String,
}

/// The valid regional labels of the actor `holder`.
pub async fn held(data: &Data, holder: &str) -> SiteResult<Vec<RegionalLabel>> {
    let conn = data.db().conn();
    let mut out = Vec::new();
    for a in galaxie_federation::label::valid_labels_of(data, holder).await? {
        let issuer = match url::Url::parse(&a.issuer_ap_id)
            .ok()
            .and_then(|u| data.urls().place_username(&u).map(str::to_string))
        {
            Some(username) => galaxie_db::places::by_username(conn, &username)
                .await?
                .map(|p| p.name),
            None => galaxie_db::actors::by_ap_id(conn, &a.issuer_ap_id)
                .await?
                .and_then(|r| r.name),
        }
        .unwrap_or_else(|| a.issuer_ap_id.clone());
        out.push(RegionalLabel {
            name: a.label_name,
            issuer,
            until: galaxie_domain::label::french_date(a.valid_until),
            url: a.ap_id,
        });
    }
    Ok(out)
}
