//! The command line. The CLI and the API call the same service functions; the CLI works while
//! `serve` runs on the same database — it commits changes and their delivery jobs, and the
//! running server's worker sends them.

use crate::app::App;
use crate::config::Config;
use clap::{Args, Parser, Subcommand};
use galaxie_db::entities::deliveries::DeliveryStatus;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_domain::{
    NewEvent, NewNote, NewPlace, NewService, NewShowcase, RawEvent, RawNote, RawPlaceUpdate,
    RawService, RawShowcase,
};
use galaxie_federation::FederationError;
use galaxie_federation::service::{self, FollowerDecision};
use std::path::PathBuf;

/// Galaxie: a federated ActivityPub network of tiers-lieux (third places).
///
/// Each place publishes its profile, events and news as ActivityPub objects; anyone on the
/// fediverse (Mastodon, Mobilizon…) can follow it. With no configuration, Galaxie keeps its
/// data in ./data (SQLite) and listens on http://127.0.0.1:8080.
///
/// Configuration: an optional galaxie.toml and GALAXIE__SECTION__KEY environment variables
/// (see docs/configuration.md).
#[derive(Debug, Parser)]
#[command(name = "galaxie", version, propagate_version = true)]
pub struct Cli {
    /// Configuration file (default: ./galaxie.toml when present). Also GALAXIE_CONFIG.
    #[arg(long, global = true, env = "GALAXIE_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Run the web server and the delivery worker (migrations are applied at start).
    Serve,
    /// Apply database migrations and list them.
    Migrate,
    /// Create, list, show and update places.
    #[command(subcommand)]
    Place(PlaceCommand),
    /// Publish a note or an event.
    #[command(subcommand)]
    Publish(PublishCommand),
    /// Cancel or move one occurrence of a recurring permanence.
    #[command(subcommand)]
    Occurrence(OccurrenceCommand),
    /// Where an itinerant place stops this week (or between --from and --to).
    Stops {
        /// The place.
        place: String,
        /// From (RFC 3339); default: this Monday.
        #[arg(long)]
        from: Option<String>,
        /// To (RFC 3339); default: next Monday.
        #[arg(long)]
        to: Option<String>,
    },
    /// Make a place follow a remote actor (@user@host or actor URL).
    Follow {
        /// The local place that follows.
        place: String,
        /// @user@host, or the actor's URL.
        target: String,
    },
    /// Make a place stop following a remote actor.
    Unfollow {
        /// The local place.
        place: String,
        /// @user@host, or the actor's URL.
        target: String,
    },
    /// List a place's followers, or approve, reject or remove one.
    Followers(FollowersArgs),
    /// Block a domain: its activities are refused and nothing is delivered to it.
    #[command(subcommand)]
    Block(BlockCommand),
    /// Lift a domain block.
    #[command(subcommand)]
    Unblock(BlockCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Show the delivery queue.
    Deliveries,
    /// Export the places as open data (MedNum CSV, data.inclusion JSON).
    #[command(subcommand)]
    Export(crate::opendata::ExportCommand),
    /// Import places from open data (a MedNum CSV).
    #[command(subcommand)]
    Import(crate::opendata::ImportCommand),
    /// The federated directory: every place known here, deduplicated across instances; list it
    /// with filters or export it (GeoJSON, MedNum CSV).
    #[command(subcommand)]
    Directory(crate::directory_cli::DirectoryCommand),
    /// Accounts of the web administration (/admin): create the first administrator, change a
    /// password, list.
    #[command(subcommand)]
    Admin(crate::admin_cli::AdminCommand),
    /// Regional networks (Group actors): create, join, leave, moderate.
    #[command(subcommand)]
    Network(crate::network_cli::NetworkCommand),
    /// Relays (Mastodon and LitePub style): subscribe, unsubscribe, list.
    #[command(subcommand)]
    Relay(crate::network_cli::RelayCommand),
    /// Cooperation between places: offers and requests (FEP-0837), agreements, code source.
    #[command(subcommand)]
    Coop(crate::cooperation_cli::CoopCommand),
    /// The funding watch: import funders' feeds and Aides-territoires JSON, list the calls a
    /// place may apply to.
    #[command(subcommand)]
    Funding(crate::funding_cli::FundingCommand),
    /// Regional labels: define, apply, grant (a signed attestation), refuse, revoke, verify.
    #[command(subcommand)]
    Label(crate::label_cli::LabelCommand),
    /// Make the instance follow a place or a network for its regional timeline (no local
    /// place needed): @name@host or the actor's URL.
    Subscribe {
        /// @name@host, or the actor's URL.
        target: String,
    },
    /// Stop an instance subscription (place, network or relay).
    Unsubscribe {
        /// @name@host, or the URL.
        target: String,
    },
    /// Démo : une petite galaxie sur cette machine / demo: a small galaxy on this machine.
    ///
    /// Quatre lieux (EPN, médiathèque troisième lieu, France Services, Truck numérique) et un
    /// réseau régional : cinq instances sur 127.0.0.1 qui se fédèrent vraiment, avec du contenu
    /// d'exemple. Affiche les adresses à ouvrir ; Ctrl-C les arrête toutes.
    ///
    /// Four places (EPN, third-place media library, France Services, digital truck) and a
    /// regional network: five instances on 127.0.0.1 federating for real, with sample content.
    /// Prints the URLs to open; Ctrl-C stops them all.
    Demo(crate::demo::DemoArgs),
}

/// `occurrence …`
#[derive(Debug, Subcommand)]
pub enum OccurrenceCommand {
    /// Cancel one occurrence (its event is updated as cancelled).
    Cancel {
        /// The occurrence's id (as listed by the API or `publish event`).
        id: i64,
    },
    /// Move one occurrence.
    Move {
        /// The occurrence's id.
        id: i64,
        /// New start, RFC 3339.
        #[arg(long)]
        start: String,
        /// New end, RFC 3339.
        #[arg(long)]
        end: String,
    },
}

/// `place …`
#[derive(Debug, Subcommand)]
pub enum PlaceCommand {
    /// Create a place.
    Create {
        /// Its username, as in @username@host (a-z, 0-9, _, -, .).
        username: String,
        /// Its display name.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        profile: ProfileArgs,
    },
    /// List the places of this instance.
    List,
    /// Show one place.
    Show {
        /// Its username.
        username: String,
    },
    /// Update a place's profile (only the options given change; an empty value clears).
    Update {
        /// Its username.
        username: String,
        /// A new display name.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        profile: ProfileArgs,
    },
    /// Start a new place from another place's published code source (its governance,
    /// economic model, charter, recipes…), attribution and licence kept; the origin is told.
    Fork {
        /// The place to start from: @place@host or its URL.
        source: String,
        /// The new place's username.
        username: String,
        /// The new place's name (default: "Nouveau lieu d’après …").
        #[arg(long)]
        name: Option<String>,
    },
}

/// Profile options shared by `place create` and `place update`.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Short presentation (at most 280 characters).
    #[arg(long)]
    pub summary: Option<String>,
    /// Street address.
    #[arg(long)]
    pub address: Option<String>,
    /// Five-digit postal code.
    #[arg(long)]
    pub postal_code: Option<String>,
    /// Commune.
    #[arg(long)]
    pub city: Option<String>,
    /// Two-letter country code (default FR when an address is given).
    #[arg(long)]
    pub country: Option<String>,
    /// Latitude (with --lon).
    #[arg(long, allow_hyphen_values = true)]
    pub lat: Option<f64>,
    /// Longitude (with --lat).
    #[arg(long, allow_hyphen_values = true)]
    pub lon: Option<f64>,
    /// Telephone (French numbers are normalised to +33…).
    #[arg(long)]
    pub phone: Option<String>,
    /// Website.
    #[arg(long)]
    pub website: Option<String>,
    /// Opening hours, OpenStreetMap syntax ("Mo-Fr 09:00-12:00,14:00-18:00").
    #[arg(long)]
    pub hours: Option<String>,
    /// Logo URL.
    #[arg(long)]
    pub icon: Option<String>,
    /// Follow requests wait for approval.
    #[arg(long)]
    pub manually_approves_followers: Option<bool>,
    /// SIRET (14 digits), SIREN (9) or RNA (W + 9) — MedNum's pivot.
    #[arg(long)]
    pub pivot: Option<String>,
    /// Legal form (association, scic, scop, commune…).
    #[arg(long)]
    pub legal_form: Option<String>,
    /// Address complement ("Bâtiment B").
    #[arg(long)]
    pub address_complement: Option<String>,
    /// INSEE commune code (51454).
    #[arg(long)]
    pub insee_code: Option<String>,
    /// Contact e-mails, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub emails: Option<Vec<String>>,
    /// More websites, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub other_websites: Option<Vec<String>>,
    /// Detailed presentation.
    #[arg(long)]
    pub description: Option<String>,
    /// Easy-read (FALC) summary.
    #[arg(long)]
    pub summary_falc: Option<String>,
    /// fixed, itinerant or both.
    #[arg(long)]
    pub mobility: Option<String>,
    /// Parent structure.
    #[arg(long)]
    pub parent_structure: Option<String>,
    /// Structure types (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub structure_types: Option<Vec<String>>,
    /// Services (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub services: Option<Vec<String>>,
    /// Publics (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub publics: Option<Vec<String>>,
    /// Specific support (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub specific_support: Option<Vec<String>>,
    /// Fees (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub fees: Option<Vec<String>>,
    /// National programmes (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub programmes: Option<Vec<String>>,
    /// Trainings and labels (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub labels: Option<Vec<String>>,
    /// Access modes (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub access_modes: Option<Vec<String>>,
    /// Support modes (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub support_modes: Option<Vec<String>>,
    /// Other trainings and labels, free text.
    #[arg(long)]
    pub other_labels: Option<String>,
    /// acceslibre record URL.
    #[arg(long)]
    pub acceslibre_url: Option<String>,
    /// Appointment booking URL.
    #[arg(long)]
    pub booking_url: Option<String>,
}

/// `publish …`
#[derive(Debug, Subcommand)]
pub enum PublishCommand {
    /// Publish a short news item.
    Note {
        /// The place that publishes.
        #[arg(long)]
        place: String,
        /// The text.
        #[arg(long)]
        text: String,
        /// Its easy-read (FALC) version.
        #[arg(long)]
        text_falc: Option<String>,
    },
    /// Publish an event.
    Event(Box<EventArgs>),
    /// Publish a service the place offers (a `Page`).
    Service(Box<ServiceArgs>),
    /// Publish a heritage showcase (an `Article`).
    Showcase(Box<ShowcaseArgs>),
}

/// `publish service` options.
#[derive(Debug, Args)]
pub struct ServiceArgs {
    /// The place that offers it.
    #[arg(long)]
    pub place: String,
    /// Its name ("Aide aux démarches administratives").
    #[arg(long)]
    pub name: String,
    /// What it offers, in plain words.
    #[arg(long)]
    pub description: Option<String>,
    /// Easy-read (FALC) description.
    #[arg(long)]
    pub description_falc: Option<String>,
    /// Easy-read one-line summary.
    #[arg(long)]
    pub summary_falc: Option<String>,
    /// Services (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub services: Option<Vec<String>>,
    /// Publics (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub publics: Option<Vec<String>>,
    /// Fees (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub fees: Option<Vec<String>>,
    /// Access modes (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub access_modes: Option<Vec<String>>,
    /// Support modes (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub support_modes: Option<Vec<String>>,
    /// Its own opening hours, OSM syntax.
    #[arg(long)]
    pub hours: Option<String>,
    /// Where to book.
    #[arg(long)]
    pub booking_url: Option<String>,
    /// Price in plain words.
    #[arg(long)]
    pub price: Option<String>,
}

/// `publish showcase` options.
#[derive(Debug, Args)]
pub struct ShowcaseArgs {
    /// The place that publishes it.
    #[arg(long)]
    pub place: String,
    /// Its title.
    #[arg(long)]
    pub name: String,
    /// One line that says what it shows.
    #[arg(long)]
    pub summary: String,
    /// The text.
    #[arg(long)]
    pub content: String,
    /// Easy-read one-line summary.
    #[arg(long)]
    pub summary_falc: Option<String>,
    /// Easy-read text.
    #[arg(long)]
    pub content_falc: Option<String>,
    /// Venue or site name.
    #[arg(long)]
    pub location_name: Option<String>,
    /// Street address.
    #[arg(long)]
    pub address: Option<String>,
    /// Postal code.
    #[arg(long)]
    pub postal_code: Option<String>,
    /// Commune.
    #[arg(long)]
    pub city: Option<String>,
    /// Latitude.
    #[arg(long, allow_hyphen_values = true)]
    pub lat: Option<f64>,
    /// Longitude.
    #[arg(long, allow_hyphen_values = true)]
    pub lon: Option<f64>,
    /// Licence URL (default CC BY-SA 4.0).
    #[arg(long)]
    pub license: Option<String>,
    /// Hashtags, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub hashtags: Option<Vec<String>>,
    /// Heritage kinds (vocabulary), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub heritage_kinds: Option<Vec<String>>,
    /// Uploaded images (media ids), comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub media: Option<Vec<String>>,
}

/// `publish event` options.
#[derive(Debug, Args)]
pub struct EventArgs {
    /// The place that publishes.
    #[arg(long)]
    pub place: String,
    /// What it is ("Atelier smartphone").
    #[arg(long)]
    pub name: String,
    /// Start, RFC 3339 (2027-01-09T14:00:00+01:00).
    #[arg(long)]
    pub start: String,
    /// End, RFC 3339.
    #[arg(long)]
    pub end: Option<String>,
    /// Description.
    #[arg(long)]
    pub summary: Option<String>,
    /// Venue name.
    #[arg(long)]
    pub location_name: Option<String>,
    /// Street address.
    #[arg(long)]
    pub address: Option<String>,
    /// Postal code.
    #[arg(long)]
    pub postal_code: Option<String>,
    /// Commune.
    #[arg(long)]
    pub city: Option<String>,
    /// Latitude.
    #[arg(long, allow_hyphen_values = true)]
    pub lat: Option<f64>,
    /// Longitude.
    #[arg(long, allow_hyphen_values = true)]
    pub lon: Option<f64>,
    /// IANA time zone (default Europe/Paris).
    #[arg(long)]
    pub timezone: Option<String>,
    /// Price in plain words ("gratuit", "5 €").
    #[arg(long)]
    pub price: Option<String>,
    /// Link to follow it online.
    #[arg(long)]
    pub online_url: Option<String>,
    /// Where to register.
    #[arg(long)]
    pub registration_url: Option<String>,
    /// Maximum number of participants.
    #[arg(long)]
    pub capacity: Option<u32>,
    /// scheduled, cancelled, postponed, rescheduled or moved-online.
    #[arg(long)]
    pub status: Option<String>,
    /// FEP-8a8e category (WORKSHOPS_SKILL_SHARING, MEETING…; the list is at /vocab).
    #[arg(long)]
    pub category: Option<String>,
    /// Easy-read one-line summary.
    #[arg(long)]
    pub summary_falc: Option<String>,
    /// Easy-read description.
    #[arg(long)]
    pub description_falc: Option<String>,
    /// Recurrence of a permanence, as an RRULE ("FREQ=WEEKLY;BYDAY=TU;COUNT=10"): the upcoming
    /// occurrences are published as events of their own.
    #[arg(long)]
    pub rrule: Option<String>,
    /// An uploaded image (media id, see `POST /api/v1/media`) shown as the banner.
    #[arg(long)]
    pub banner: Option<String>,
}

/// `followers …`
#[derive(Debug, Args)]
pub struct FollowersArgs {
    #[command(subcommand)]
    pub action: Option<FollowerAction>,
    /// The place (when listing).
    pub place: Option<String>,
    /// Only pending requests (when listing).
    #[arg(long)]
    pub pending: bool,
}

/// `followers approve|reject|remove`
#[derive(Debug, Subcommand)]
pub enum FollowerAction {
    /// Accept a pending follow request.
    Approve {
        /// The place.
        place: String,
        /// The follower's actor URL.
        actor: String,
    },
    /// Refuse a pending follow request.
    Reject {
        /// The place.
        place: String,
        /// The follower's actor URL.
        actor: String,
    },
    /// Remove a follower.
    Remove {
        /// The place.
        place: String,
        /// The follower's actor URL.
        actor: String,
    },
}

/// `block …` / `unblock …`
#[derive(Debug, Subcommand)]
pub enum BlockCommand {
    /// A whole domain.
    Domain {
        /// The domain (example.org).
        domain: String,
        /// Why (kept for the moderation log).
        #[arg(long)]
        reason: Option<String>,
    },
    /// List blocked domains.
    List,
}

/// `token …`
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token (shown once).
    Create {
        /// A name to remember what it is for.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

/// A CLI failure: bad input (exit 2) or anything else (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Input that failed validation.
    #[error("{0}")]
    Invalid(String),
    /// Anything else.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<FederationError> for CliError {
    fn from(e: FederationError) -> Self {
        match e {
            FederationError::Invalid(errors) => CliError::Invalid(errors.to_string()),
            FederationError::NotFound(what) => CliError::Invalid(format!("{what} not found")),
            FederationError::AlreadyExists(what) => {
                CliError::Invalid(format!("{what} already exists"))
            }
            other => CliError::Other(other.into()),
        }
    }
}

impl From<galaxie_domain::ValidationErrors> for CliError {
    fn from(e: galaxie_domain::ValidationErrors) -> Self {
        CliError::Invalid(e.to_string())
    }
}

impl From<galaxie_db::DbError> for CliError {
    fn from(e: galaxie_db::DbError) -> Self {
        FederationError::from(e).into()
    }
}

fn raw_profile(p: ProfileArgs, name: Option<String>) -> RawPlaceUpdate {
    RawPlaceUpdate {
        name,
        summary: p.summary,
        address: p.address,
        postal_code: p.postal_code,
        city: p.city,
        country: p.country,
        lat: p.lat,
        lon: p.lon,
        phone: p.phone,
        website: p.website,
        hours: p.hours,
        icon: p.icon,
        manually_approves_followers: p.manually_approves_followers,
        pivot: p.pivot,
        legal_form: p.legal_form,
        address_complement: p.address_complement,
        insee_code: p.insee_code,
        emails: p.emails,
        other_websites: p.other_websites,
        description: p.description,
        summary_falc: p.summary_falc,
        mobility: p.mobility,
        parent_structure: p.parent_structure,
        structure_types: p.structure_types,
        services: p.services,
        publics: p.publics,
        specific_support: p.specific_support,
        fees: p.fees,
        programmes: p.programmes,
        labels: p.labels,
        access_modes: p.access_modes,
        support_modes: p.support_modes,
        other_labels: p.other_labels,
        acceslibre_url: p.acceslibre_url,
        booking_url: p.booking_url,
    }
}

fn print_place(app: &App, p: &galaxie_db::entities::places::Model) {
    let urls = app.data().urls().clone();
    println!(
        "@{}@{}\t{}\t{}",
        p.username,
        urls.authority(),
        p.name,
        urls.place(&p.username)
    );
}

/// Runs a command with a loaded configuration.
pub async fn run(command: Command, config: Config) -> Result<(), CliError> {
    // The demo builds its own instances, not one on `config`.
    let command = match command {
        Command::Demo(args) => return Box::pin(crate::demo::run(args)).await,
        other => other,
    };
    if let Command::Serve = command {
        let bind = config.server.bind;
        let app = App::build(config).await?;
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {bind}: {e}"))?;
        tracing::info!(
            bind = %bind,
            public_url = %app.config.instance.public_url,
            "Galaxie is serving"
        );
        let shutdown = shutdown_signal();
        Box::pin(app.serve(listener, shutdown)).await?;
        return Ok(());
    }
    let app = Box::pin(App::build(config)).await?;
    // Boxed, as are the larger subcommands' futures within: inline, they made this future
    // overflow a test thread's 2 MiB stack in debug builds.
    Box::pin(execute(&app, command)).await
}

/// Runs a command other than `serve` and `demo` on a built instance.
async fn execute(app: &App, command: Command) -> Result<(), CliError> {
    let data = app.data();
    match command {
        Command::Serve | Command::Demo(_) => {}
        Command::Migrate => {
            for name in app.db.applied_migrations().await? {
                println!("applied\t{name}");
            }
        }
        Command::Place(PlaceCommand::Create {
            username,
            name,
            profile,
        }) => {
            let place = NewPlace::from_parts(Some(&username), raw_profile(profile, Some(name)))?;
            let row = service::create_place(&data, place).await?;
            print_place(app, &row);
        }
        Command::Place(PlaceCommand::List) => {
            for p in galaxie_db::places::list(app.db.conn()).await? {
                print_place(app, &p);
            }
        }
        Command::Place(PlaceCommand::Show { username }) => {
            let p = service::place(&data, &username).await?;
            let actor = galaxie_federation::objects::place::ApubPlace::new(p, data.urls())
                .to_json(data.urls());
            let json = galaxie_federation::protocol::context::with_context(&actor)
                .map_err(|e| anyhow::anyhow!(e))?;
            println!(
                "{}",
                serde_json::to_string_pretty(&json).map_err(|e| anyhow::anyhow!(e))?
            );
        }
        Command::Place(PlaceCommand::Update {
            username,
            name,
            profile,
        }) => {
            let row = service::update_place(&data, &username, raw_profile(profile, name)).await?;
            print_place(app, &row);
        }
        Command::Publish(PublishCommand::Note {
            place,
            text,
            text_falc,
        }) => {
            let note = NewNote::parse(RawNote {
                text: Some(text),
                text_falc,
            })?;
            let row = service::publish_note(&data, &place, note).await?;
            println!("{}\t{}", row.id, row.ap_id);
        }
        Command::Publish(PublishCommand::Event(e)) => {
            let e = *e;
            let event = NewEvent::parse(RawEvent {
                name: Some(e.name),
                summary: e.summary,
                start: Some(e.start),
                end: e.end,
                timezone: e.timezone,
                location_name: e.location_name,
                address: e.address,
                postal_code: e.postal_code,
                city: e.city,
                lat: e.lat,
                lon: e.lon,
                online_url: e.online_url,
                price: e.price,
                capacity: e.capacity,
                registration_url: e.registration_url,
                status: e.status,
                category: e.category,
                summary_falc: e.summary_falc,
                description_falc: e.description_falc,
                rrule: e.rrule,
                banner: e.banner,
            })?;
            let row = service::publish_event(&data, &e.place, event).await?;
            println!(
                "{}\t{}\t{}",
                row.id,
                row.ap_id,
                row.summary.unwrap_or_default()
            );
        }
        Command::Publish(PublishCommand::Service(a)) => {
            let a = *a;
            let service = NewService::parse(RawService {
                name: Some(a.name),
                description: a.description,
                description_falc: a.description_falc,
                summary_falc: a.summary_falc,
                services: a.services,
                publics: a.publics,
                fees: a.fees,
                access_modes: a.access_modes,
                support_modes: a.support_modes,
                hours: a.hours,
                booking_url: a.booking_url,
                price: a.price,
            })?;
            let row = service::publish_service(&data, &a.place, service).await?;
            println!(
                "{}\t{}\t{}",
                row.id,
                row.ap_id,
                row.summary.unwrap_or_default()
            );
        }
        Command::Publish(PublishCommand::Showcase(a)) => {
            let a = *a;
            let showcase = NewShowcase::parse(RawShowcase {
                name: Some(a.name),
                summary: Some(a.summary),
                content: Some(a.content),
                summary_falc: a.summary_falc,
                content_falc: a.content_falc,
                location_name: a.location_name,
                address: a.address,
                postal_code: a.postal_code,
                city: a.city,
                lat: a.lat,
                lon: a.lon,
                license: a.license,
                hashtags: a.hashtags,
                heritage_kinds: a.heritage_kinds,
                media: a.media,
            })?;
            let row = service::publish_showcase(&data, &a.place, showcase).await?;
            println!(
                "{}\t{}\t{}",
                row.id,
                row.ap_id,
                row.summary.unwrap_or_default()
            );
        }
        Command::Occurrence(OccurrenceCommand::Cancel { id }) => {
            let row = service::cancel_occurrence(&data, id).await?;
            println!(
                "{}\t{}\t{}",
                row.id,
                row.ap_id,
                row.summary.unwrap_or_default()
            );
        }
        Command::Occurrence(OccurrenceCommand::Move { id, start, end }) => {
            let start = parse_time("start", &start)?;
            let end = parse_time("end", &end)?;
            let row = service::move_occurrence(&data, id, start, end).await?;
            println!(
                "{}\t{}\t{}",
                row.id,
                row.ap_id,
                row.summary.unwrap_or_default()
            );
        }
        Command::Stops { place, from, to } => {
            let from = from.map(|f| parse_time("from", &f)).transpose()?;
            let to = to.map(|t| parse_time("to", &t)).transpose()?;
            for e in service::stops(&data, &place, from, to).await? {
                println!(
                    "{}\t{}\t{}",
                    e.start_time.map(|t| t.to_rfc3339()).unwrap_or_default(),
                    e.location_name.or(e.locality).unwrap_or_default(),
                    e.summary.unwrap_or_default()
                );
            }
        }
        Command::Follow { place, target } => {
            let row = service::follow(&data, &place, &target).await?;
            println!("follow requested\t{}", row.target_ap_id);
        }
        Command::Unfollow { place, target } => {
            service::unfollow(&data, &place, &target).await?;
            println!("unfollowed\t{target}");
        }
        Command::Followers(args) => match args.action {
            None => {
                let place = args.place.ok_or_else(|| {
                    CliError::Invalid("followers: give a place, or approve|reject|remove".into())
                })?;
                let status = args.pending.then_some(FollowStatus::Pending);
                for f in service::followers(&data, &place, status).await? {
                    println!("{:?}\t{}", f.status, f.actor_ap_id);
                }
            }
            Some(action) => {
                let (place, actor, decision) = match action {
                    FollowerAction::Approve { place, actor } => {
                        (place, actor, FollowerDecision::Approve)
                    }
                    FollowerAction::Reject { place, actor } => {
                        (place, actor, FollowerDecision::Reject)
                    }
                    FollowerAction::Remove { place, actor } => {
                        (place, actor, FollowerDecision::Remove)
                    }
                };
                service::decide_follower(&data, &place, &actor, decision).await?;
                println!("{decision:?}\t{actor}");
            }
        },
        Command::Block(BlockCommand::Domain { domain, reason }) => {
            galaxie_db::blocks::block_domain(app.db.conn(), &domain, reason.as_deref()).await?;
            println!("blocked\t{domain}");
        }
        Command::Block(BlockCommand::List) | Command::Unblock(BlockCommand::List) => {
            for b in galaxie_db::blocks::list(app.db.conn()).await? {
                println!("{}\t{}", b.domain, b.reason.unwrap_or_default());
            }
        }
        Command::Unblock(BlockCommand::Domain { domain, .. }) => {
            if galaxie_db::blocks::unblock_domain(app.db.conn(), &domain).await? {
                println!("unblocked\t{domain}");
            } else {
                return Err(CliError::Invalid(format!("{domain} was not blocked")));
            }
        }
        Command::Token(TokenCommand::Create { name }) => {
            let (_, token) = galaxie_db::tokens::create(app.db.conn(), &name).await?;
            println!("{token}");
        }
        Command::Deliveries => {
            for status in [
                DeliveryStatus::Pending,
                DeliveryStatus::Delivered,
                DeliveryStatus::Rejected,
                DeliveryStatus::Dead,
            ] {
                let n = galaxie_db::deliveries::count_with_status(app.db.conn(), status).await?;
                println!("{status:?}\t{n}");
            }
        }
        Command::Export(command) => crate::opendata::run_export(app, command).await?,
        Command::Import(command) => crate::opendata::run_import(app, command).await?,
        Command::Directory(command) => {
            Box::pin(crate::directory_cli::run_directory(app, command)).await?
        }
        Command::Admin(command) => Box::pin(crate::admin_cli::run_admin(app, command)).await?,
        Command::Network(command) => {
            Box::pin(crate::network_cli::run_network(app, command)).await?
        }
        Command::Relay(command) => Box::pin(crate::network_cli::run_relay(app, command)).await?,
        Command::Coop(command) => Box::pin(crate::cooperation_cli::run_coop(app, command)).await?,
        Command::Place(PlaceCommand::Fork {
            source,
            username,
            name,
        }) => {
            Box::pin(crate::cooperation_cli::run_fork(
                app,
                &source,
                &username,
                name.as_deref(),
            ))
            .await?
        }
        Command::Funding(command) => {
            Box::pin(crate::funding_cli::run_funding(app, command)).await?
        }
        Command::Label(command) => Box::pin(crate::label_cli::run_label(app, command)).await?,
        Command::Subscribe { target } => {
            Box::pin(crate::network_cli::run_subscribe(app, &target)).await?
        }
        Command::Unsubscribe { target } => {
            Box::pin(crate::network_cli::run_unsubscribe(app, &target)).await?
        }
    }
    Ok(())
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM (what systemd and container engines send), so
/// `serve` stops accepting requests and the worker finishes its current batch.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
    tracing::info!("shutting down");
}

fn parse_time(field: &str, raw: &str) -> Result<chrono::DateTime<chrono::Utc>, CliError> {
    chrono::DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| {
            CliError::Invalid(format!(
                "invalid input: {field}: is not an RFC 3339 date and time like 2027-01-10T14:00:00+01:00 ({e})"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The future of a command stays small: a test thread (2 MiB of stack) runs commands, and
    /// debug builds copy futures about; inline subcommand futures overflowed it once.
    #[test]
    fn a_command_future_stays_small() {
        let future = run(Command::Migrate, Config::default());
        let size = std::mem::size_of_val(&future);
        println!("run future: {size} bytes");
        assert!(size < 16 * 1024, "run's future takes {size} bytes");
    }
}
