//! Activities: one per file, each its own wire shape with `activitypub_federation`'s
//! `Activity` trait (`verify`, then `receive`). [`InboxActivity`] dispatches on `type`
//! explicitly, so no untagged enum's order decides how a payload is read.

pub mod accept;
pub mod announce;
pub mod create;
pub mod delete;
pub mod flag;
pub mod follow;
pub mod join;
pub mod reject;
pub mod remove;
pub mod undo;
pub mod update;

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::traits::Activity;
use serde_json::Value;
use url::Url;

/// Types we accept and deliberately ignore (answered 202, nothing stored).
pub const IGNORED_TYPES: &[&str] = &[
    "Like",
    "Dislike",
    "EmojiReact",
    "EmojiReaction",
    "View",
    "Read",
    "Add",
    "Move",
    "TentativeAccept",
    "Invite",
    "Question",
];

/// An activity received in an inbox.
#[derive(Debug)]
pub enum InboxActivity {
    Follow(follow::Follow),
    Accept(accept::Accept),
    Reject(reject::Reject),
    Undo(undo::Undo),
    Create(Box<create::Create>),
    Update(update::Update),
    Delete(delete::Delete),
    Announce(announce::Announce),
    /// `Join` or `Leave` of a network.
    Membership(join::Membership),
    /// `Remove` or `Block` by a network.
    Sanction(remove::Sanction),
    /// A report, stored for the administrator.
    Flag(flag::Flag),
    /// About regional labels: attestations, their revocation, applications and answers.
    Label(Box<crate::label::LabelActivity>),
    /// Cooperation: proposals, agreements and their answers, forks told to their origin.
    Cooperation(Box<crate::cooperation::CoopActivity>),
    /// A known type we do not act on.
    Ignored(String),
}

impl InboxActivity {
    /// Reads an activity of type `kind` from its JSON.
    pub fn parse(kind: &str, value: Value) -> Result<Self, FederationError> {
        fn read<T: serde::de::DeserializeOwned>(
            kind: &str,
            value: Value,
        ) -> Result<T, FederationError> {
            serde_json::from_value(value)
                .map_err(|e| FederationError::Malformed(format!("{kind}: {e}")))
        }
        if let Some(label) = crate::label::LabelActivity::claim(kind, &value) {
            return Ok(InboxActivity::Label(Box::new(label)));
        }
        if let Some(coop) = crate::cooperation::CoopActivity::claim(kind, &value) {
            return Ok(InboxActivity::Cooperation(Box::new(coop)));
        }
        Ok(match kind {
            "Follow" => InboxActivity::Follow(read(kind, value)?),
            "Accept" => InboxActivity::Accept(read(kind, value)?),
            "Reject" => InboxActivity::Reject(read(kind, value)?),
            "Undo" => InboxActivity::Undo(read(kind, value)?),
            "Create" => InboxActivity::Create(Box::new(read(kind, value)?)),
            "Update" => InboxActivity::Update(read(kind, value)?),
            "Delete" => InboxActivity::Delete(read(kind, value)?),
            "Announce" => InboxActivity::Announce(read(kind, value)?),
            "Join" | "Leave" => InboxActivity::Membership(read(kind, value)?),
            "Remove" | "Block" => InboxActivity::Sanction(read(kind, value)?),
            "Flag" => InboxActivity::Flag(read(kind, value)?),
            other if IGNORED_TYPES.contains(&other) => InboxActivity::Ignored(other.to_string()),
            other => return Err(FederationError::Unsupported(other.to_string())),
        })
    }

    /// Applies a verified activity read from `value`, then runs what follows a received
    /// activity: the local networks of which its actor is a member announce it, and a relay
    /// passes it on ([`crate::network::after_apply`]).
    pub async fn apply(data: &Data, kind: &str, value: Value) -> Result<(), FederationError> {
        Self::parse(kind, value.clone())?.receive(data).await?;
        crate::network::after_apply(data, &value).await
    }

    /// Checks the activity (origins, ownership) without applying it.
    pub async fn verify(&self, data: &Data) -> Result<(), FederationError> {
        match self {
            InboxActivity::Follow(a) => a.verify(data).await,
            InboxActivity::Accept(a) => a.verify(data).await,
            InboxActivity::Reject(a) => a.verify(data).await,
            InboxActivity::Undo(a) => a.verify(data).await,
            InboxActivity::Create(a) => a.verify(data).await,
            InboxActivity::Update(a) => a.verify(data).await,
            InboxActivity::Delete(a) => a.verify(data).await,
            InboxActivity::Announce(a) => a.verify(data).await,
            InboxActivity::Membership(a) => a.verify(data).await,
            InboxActivity::Sanction(a) => a.verify(data).await,
            InboxActivity::Flag(a) => a.verify(data).await,
            InboxActivity::Label(a) => a.verify(data).await,
            InboxActivity::Cooperation(a) => a.verify(data).await,
            InboxActivity::Ignored(_) => Ok(()),
        }
    }

    /// Applies a verified activity.
    pub async fn receive(self, data: &Data) -> Result<(), FederationError> {
        match self {
            InboxActivity::Follow(a) => a.receive(data).await,
            InboxActivity::Accept(a) => a.receive(data).await,
            InboxActivity::Reject(a) => a.receive(data).await,
            InboxActivity::Undo(a) => a.receive(data).await,
            InboxActivity::Create(a) => a.receive(data).await,
            InboxActivity::Update(a) => a.receive(data).await,
            InboxActivity::Delete(a) => a.receive(data).await,
            InboxActivity::Announce(a) => a.receive(data).await,
            InboxActivity::Membership(a) => a.receive(data).await,
            InboxActivity::Sanction(a) => a.receive(data).await,
            InboxActivity::Flag(a) => a.receive(data).await,
            InboxActivity::Label(a) => a.receive(data).await,
            InboxActivity::Cooperation(a) => a.receive(data).await,
            InboxActivity::Ignored(_) => Ok(()),
        }
    }
}

/// The id of an activity's `object`, whether given as an id or embedded.
pub fn object_id(object: &Value) -> Result<Url, FederationError> {
    crate::protocol::helpers::value_id(object)
        .ok_or_else(|| FederationError::Malformed("object has no id".into()))
}

/// The `type` of an embedded object, if embedded.
pub fn object_type(object: &Value) -> Option<&str> {
    object.get("type").and_then(Value::as_str)
}

/// The local place an activity is about, by its actor URL.
pub async fn local_place(
    data: &Data,
    url: &Url,
) -> Result<galaxie_db::entities::places::Model, FederationError> {
    let username = data
        .urls()
        .place_username(url)
        .ok_or(FederationError::NotFound("local place"))?;
    Ok(galaxie_db::places::get_by_username(data.db().conn(), username).await?)
}
