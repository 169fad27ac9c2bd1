//! Resolving `@user@host` (or a URL) to a remote actor.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::actor::ApubActor;
use activitypub_federation::fetch::object_id::ObjectId;
use activitypub_federation::fetch::webfinger::webfinger_resolve_actor;
use url::Url;

/// Resolves a handle (`@user@host`, `user@host`, `acct:user@host`) or an actor URL.
pub async fn resolve_actor(data: &Data, target: &str) -> Result<ApubActor, FederationError> {
    let target = target.trim();
    if target.starts_with("https://") || target.starts_with("http://") {
        let url = Url::parse(target)?;
        return ObjectId::<ApubActor>::from(url).dereference(data).await;
    }
    let handle = target.trim_start_matches("acct:").trim_start_matches('@');
    if !handle.contains('@') {
        return Err(galaxie_domain::ValidationErrors::single(
            "target",
            format!("must be @user@host or an actor URL (found {target:?})"),
        )
        .into());
    }
    webfinger_resolve_actor::<crate::AppData, ApubActor>(handle, data).await
}
