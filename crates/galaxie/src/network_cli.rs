//! `galaxie network …`, `galaxie relay …` and `galaxie subscribe …`: regional networks,
//! relays, and what the instance follows for its regional timeline.

use crate::app::App;
use crate::cli::CliError;
use clap::Subcommand;
use galaxie_db::networks::JoinPolicy;
use galaxie_domain::{NewPlace, RawPlaceUpdate};
use galaxie_federation::network::{self, MemberDecision};
use galaxie_federation::relay::{self, RelayProtocol};

/// `network …`
#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// Create a network (réseau régional, départemental, thématique): a `Group` actor.
    Create {
        /// Its username (`reseau-grand-est`): @username@host.
        username: String,
        /// Its name.
        #[arg(long)]
        name: String,
        /// A one-line presentation.
        #[arg(long)]
        summary: Option<String>,
        /// `open` (members accepted at once) or `approval` (a moderator decides).
        #[arg(long, default_value = "open")]
        policy: String,
    },
    /// List this instance's networks.
    List,
    /// Make a local place (or network) ask to join a network.
    Join {
        /// The local place (or network, for nested networks).
        place: String,
        /// The network: @network@host, its URL, or a local network's username.
        network: String,
    },
    /// Make a local place leave a network.
    Leave {
        /// The local place.
        place: String,
        /// The network: @network@host, its URL, or a local network's username.
        network: String,
    },
    /// List a network's members (all states).
    Members {
        /// The network.
        network: String,
    },
    /// Accept a pending request to join.
    Approve {
        /// The network.
        network: String,
        /// The member: @place@host or its URL.
        member: String,
    },
    /// Refuse a pending request to join.
    Refuse {
        /// The network.
        network: String,
        /// The member: @place@host or its URL.
        member: String,
        /// Why (public, in the moderation log).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Remove a member (`Remove`); with --block, bar it from joining again (`Block`).
    Remove {
        /// The network.
        network: String,
        /// The member: @place@host or its URL.
        member: String,
        /// Bar it from joining again.
        #[arg(long)]
        block: bool,
        /// Why (public, in the moderation log).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Withdraw an announced post (`Undo` of the network's `Announce`).
    Withdraw {
        /// The network.
        network: String,
        /// The post's URL.
        object: String,
        /// Why (public, in the moderation log).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Show a network's public moderation log, newest first.
    Log {
        /// The network.
        network: String,
    },
    /// The networks a local place belongs to (or asked to join).
    Memberships {
        /// The local place.
        place: String,
    },
}

/// `relay …`
#[derive(Debug, Subcommand)]
pub enum RelayCommand {
    /// Subscribe the instance to a relay: a URL ending in /inbox is a Mastodon-style relay
    /// (a Follow of Public), anything else a LitePub relay actor.
    Subscribe {
        /// The relay's inbox (Mastodon style) or actor (LitePub style) URL.
        url: String,
        /// Force the protocol: `mastodon` or `litepub`.
        #[arg(long)]
        protocol: Option<String>,
    },
    /// End a subscription to a relay.
    Unsubscribe {
        /// The URL given to `relay subscribe` (or the relay actor's URL).
        url: String,
    },
    /// List the instance's subscriptions (relays, places, networks) and, when this instance
    /// acts as a relay, its subscribers.
    List,
}

fn policy(value: &str) -> Result<JoinPolicy, CliError> {
    JoinPolicy::parse(value).ok_or_else(|| {
        CliError::Invalid(format!(
            "policy: « {value} » inconnu ; choisissez open ou approval / unknown: choose open or approval"
        ))
    })
}

/// Runs `network …`.
pub async fn run_network(app: &App, command: NetworkCommand) -> Result<(), CliError> {
    let data = app.data();
    let conn = app.db.conn();
    match command {
        NetworkCommand::Create {
            username,
            name,
            summary,
            policy: p,
        } => {
            let policy = policy(&p)?;
            let new = NewPlace::from_parts(
                Some(&username),
                RawPlaceUpdate {
                    name: Some(name),
                    summary,
                    ..Default::default()
                },
            )?;
            let row = network::create(&data, new, policy).await?;
            println!(
                "{}\t@{}@{}\t{}\t{}",
                row.username,
                row.username,
                data.urls().authority(),
                data.urls().place(&row.username),
                policy.as_str()
            );
        }
        NetworkCommand::List => {
            for row in galaxie_db::networks::list(conn).await? {
                let members = galaxie_db::networks::members_of(
                    conn,
                    row.id,
                    Some(galaxie_db::entities::network_members::MemberStatus::Accepted),
                )
                .await?
                .len();
                println!(
                    "{}\t{}\t{} membres\t{}",
                    row.username,
                    row.name,
                    members,
                    JoinPolicy::of(&row).as_str()
                );
            }
        }
        NetworkCommand::Join { place, network: n } => {
            let row = network::join(&data, &place, &n).await?;
            println!("{}\t{}", row.network_ap_id, status(row.status));
        }
        NetworkCommand::Leave { place, network: n } => {
            network::leave(&data, &place, &n).await?;
            println!("left\t{n}");
        }
        NetworkCommand::Members { network: n } => {
            let row = network::network(&data, &n).await?;
            for m in galaxie_db::networks::members_of(conn, row.id, None).await? {
                println!(
                    "{}\t{}\t{}",
                    m.member_ap_id,
                    status(m.status),
                    m.member_kind.as_deref().unwrap_or("-")
                );
            }
        }
        NetworkCommand::Approve { network: n, member } => {
            let row =
                network::decide_member(&data, &n, &member, MemberDecision::Approve, None).await?;
            println!("{}\t{}", row.member_ap_id, status(row.status));
        }
        NetworkCommand::Refuse {
            network: n,
            member,
            reason,
        } => {
            let row = network::decide_member(
                &data,
                &n,
                &member,
                MemberDecision::Refuse,
                reason.as_deref(),
            )
            .await?;
            println!("{}\t{}", row.member_ap_id, status(row.status));
        }
        NetworkCommand::Remove {
            network: n,
            member,
            block,
            reason,
        } => {
            let decision = if block {
                MemberDecision::Block
            } else {
                MemberDecision::Remove
            };
            let row =
                network::decide_member(&data, &n, &member, decision, reason.as_deref()).await?;
            println!("{}\t{}", row.member_ap_id, status(row.status));
        }
        NetworkCommand::Withdraw {
            network: n,
            object,
            reason,
        } => {
            let count = network::withdraw_post(&data, &n, &object, reason.as_deref()).await?;
            println!("withdrawn\t{object}\t{count} announce(s)");
        }
        NetworkCommand::Log { network: n } => {
            let row = network::network(&data, &n).await?;
            for entry in galaxie_db::networks::log_page(conn, row.id, 1000, None).await? {
                println!(
                    "{}\t{}\t{}\t{}",
                    entry.created_at.to_rfc3339(),
                    galaxie_db::networks::ModerationAction::label_fr(&entry.action),
                    entry.target,
                    entry.reason.as_deref().unwrap_or("")
                );
            }
        }
        NetworkCommand::Memberships { place } => {
            let row = galaxie_federation::service::place(&data, &place).await?;
            for m in galaxie_db::networks::memberships_of(conn, row.id).await? {
                println!("{}\t{}", m.network_ap_id, status(m.status));
            }
        }
    }
    Ok(())
}

/// Runs `relay …`.
pub async fn run_relay(app: &App, command: RelayCommand) -> Result<(), CliError> {
    let data = app.data();
    match command {
        RelayCommand::Subscribe { url, protocol } => {
            let protocol = match protocol.as_deref() {
                None => None,
                Some("mastodon") => Some(RelayProtocol::Mastodon),
                Some("litepub") => Some(RelayProtocol::LitePub),
                Some(other) => {
                    return Err(CliError::Invalid(format!(
                        "protocol: « {other} » inconnu ; choisissez mastodon ou litepub / unknown: choose mastodon or litepub"
                    )));
                }
            };
            let row = relay::subscribe(&data, &url, protocol).await?;
            println!("{}\t{}\t{}", row.target_ap_id, row.kind, follow(row.status));
        }
        RelayCommand::Unsubscribe { url } => {
            relay::unsubscribe(&data, &url).await?;
            println!("unsubscribed\t{url}");
        }
        RelayCommand::List => {
            for s in galaxie_db::networks::subscriptions(app.db.conn()).await? {
                println!("{}\t{}\t{}", s.target_ap_id, s.kind, follow(s.status));
            }
            for s in galaxie_db::networks::relay_subscribers(app.db.conn(), None).await? {
                println!("subscriber\t{}\t{}", s.actor_ap_id, s.kind);
            }
        }
    }
    Ok(())
}

/// Runs `subscribe <target>`: the instance actor follows a place or a network.
pub async fn run_subscribe(app: &App, target: &str) -> Result<(), CliError> {
    let row = relay::follow_actor(&app.data(), target).await?;
    println!("{}\t{}", row.target_ap_id, follow(row.status));
    Ok(())
}

/// Runs `unsubscribe <target>`.
pub async fn run_unsubscribe(app: &App, target: &str) -> Result<(), CliError> {
    relay::unsubscribe(&app.data(), target).await?;
    println!("unsubscribed\t{target}");
    Ok(())
}

fn status(s: galaxie_db::entities::network_members::MemberStatus) -> &'static str {
    use galaxie_db::entities::network_members::MemberStatus as S;
    match s {
        S::Pending => "pending",
        S::Accepted => "accepted",
        S::Refused => "refused",
        S::Left => "left",
        S::Removed => "removed",
        S::Blocked => "blocked",
    }
}

fn follow(s: galaxie_db::entities::followers::FollowStatus) -> &'static str {
    use galaxie_db::entities::followers::FollowStatus as S;
    match s {
        S::Pending => "pending",
        S::Accepted => "accepted",
        S::Rejected => "rejected",
    }
}
