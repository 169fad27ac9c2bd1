//! `galaxie demo`: a small galaxy on this machine, federating for real.
//!
//! Five separate instances, each with its own database (SQLite in a data folder of its own)
//! and its own port on loopback, named `localhost:PORT` with `federation.debug = true` so that
//! plain http works: four places (an EPN, a médiathèque *troisième lieu*, a France Services
//! and a *truck numérique*) and one regional network, a `Group` with an open join policy.
//!
//! [`start`] builds and serves them, creates the places and the network, makes every place
//! join the network and its instance subscribe to it, waits until every membership and
//! subscription is accepted — so the network follows its members and announces what they
//! publish — then seeds the content of `demo/seed.rs` (profiles, services, opening hours, upcoming
//! events including a weekly permanence, the truck's stops, a heritage showcase, easy-read
//! variants) and waits until the network instance holds every post, and every place instance
//! the others'. [`Running::stop`] shuts every instance down gracefully and removes the
//! temporary data unless it was asked to keep it. The CLI and the tests use the same two
//! functions.

mod seed;

use crate::app::App;
use crate::cli::CliError;
use crate::config::Config;
use anyhow::Context;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::networks::{self as db_networks, JoinPolicy};
use galaxie_domain::{NewEvent, NewNote, NewPlace, NewService, NewShowcase};
use galaxie_federation::outbox::worker::WorkerOptions;
use galaxie_federation::{Data, network, relay, service};
use std::collections::BTreeSet;
use std::future::Future;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How many instances the demo runs (four places and the network).
pub const INSTANCES: u16 = 5;

/// The default first port: the instances use 8081 to 8085.
pub const DEFAULT_BASE_PORT: u16 = 8081;

/// `galaxie demo` options.
#[derive(Debug, Clone, clap::Args)]
pub struct DemoArgs {
    /// Premier des cinq ports utilisés sur 127.0.0.1 (n à n+4) / first of the five ports used
    /// on 127.0.0.1 (n to n+4).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_BASE_PORT,
          value_parser = clap::value_parser!(u16).range(1..=i64::from(u16::MAX - (INSTANCES - 1))))]
    pub base_port: u16,
    /// Garder les données des instances dans ce dossier (créé s'il n'existe pas, il doit être
    /// vide) au lieu d'un dossier temporaire effacé à l'arrêt / keep the instances' data in
    /// this folder (created if missing, it must be empty) instead of a temporary folder
    /// removed on exit.
    #[arg(long, value_name = "DIR")]
    pub keep: Option<PathBuf>,
}

/// What [`start`] needs.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// The first of five consecutive ports; `None`: ports chosen by the system (tests).
    pub base_port: Option<u16>,
    /// Keep the data in this folder (which must be empty or missing) instead of a temporary
    /// one removed by [`Running::stop`].
    pub keep: Option<PathBuf>,
    /// One database URL per instance, in [`Role::ALL`] order, instead of a SQLite file in each
    /// instance's data folder (the tests run the demo on PostgreSQL too).
    pub databases: Option<Vec<String>>,
    /// How long to wait for the federation to settle before handing over anyway.
    pub settle_timeout: Duration,
    /// Print the steps on standard output.
    pub verbose: bool,
}

impl Default for DemoOptions {
    fn default() -> Self {
        Self {
            base_port: Some(DEFAULT_BASE_PORT),
            keep: None,
            databases: None,
            settle_timeout: Duration::from_secs(30),
            verbose: false,
        }
    }
}

/// What one instance of the demo is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// An espace public numérique.
    Epn,
    /// A médiathèque turned *troisième lieu*.
    Mediatheque,
    /// A France Services.
    FranceServices,
    /// A truck numérique with its stops.
    Truck,
    /// The regional network.
    Network,
}

impl Role {
    /// Every role, in port order.
    pub const ALL: [Role; INSTANCES as usize] = [
        Role::Epn,
        Role::Mediatheque,
        Role::FranceServices,
        Role::Truck,
        Role::Network,
    ];

    /// The name of its data folder.
    pub fn slug(self) -> &'static str {
        match self {
            Role::Epn => "epn",
            Role::Mediatheque => "mediatheque",
            Role::FranceServices => "france-services",
            Role::Truck => "truck",
            Role::Network => "reseau",
        }
    }

    /// What it is, French then English.
    pub fn label(self) -> &'static str {
        match self {
            Role::Epn => "EPN (espace public numérique / public digital space)",
            Role::Mediatheque => "Médiathèque troisième lieu / third-place media library",
            Role::FranceServices => "France Services (services publics / public services)",
            Role::Truck => "Truck numérique itinérant / travelling digital truck",
            Role::Network => "Réseau régional / regional network",
        }
    }
}

/// Why the demo could not start.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// A port of the range is in use.
    #[error(
        "le port {port} est déjà utilisé : choisissez d'autres ports avec --base-port (la démo en utilise cinq à la suite) / port {port} is already in use: choose other ports with --base-port (the demo uses five in a row)"
    )]
    PortTaken {
        /// The port.
        port: u16,
    },
    /// A port cannot be listened on for another reason.
    #[error("impossible d'écouter sur le port {port} / cannot listen on port {port}: {reason}")]
    Listen {
        /// The port.
        port: u16,
        /// The system's reason.
        reason: String,
    },
    /// The range does not fit below 65536.
    #[error(
        "--base-port {0} : il faut cinq ports à la suite, donc au plus 65531 / five ports in a row are needed, so at most 65531"
    )]
    PortRange(u16),
    /// The `--keep` folder cannot be used.
    #[error("--keep {path} : {why}")]
    Keep {
        /// The folder.
        path: String,
        /// Why, French then English.
        why: String,
    },
    /// The number of database URLs is not one per instance.
    #[error("the demo needs one database URL per instance ({INSTANCES}), {0} given")]
    Databases(usize),
    /// Anything else (an instance that does not build, a federation that does not settle).
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<DemoError> for CliError {
    fn from(e: DemoError) -> Self {
        match e {
            DemoError::Other(e) => CliError::Other(e),
            invalid => CliError::Invalid(invalid.to_string()),
        }
    }
}

/// One running instance of the demo.
pub struct DemoInstance {
    /// What it is.
    pub role: Role,
    /// Its port on 127.0.0.1; it is named `localhost:{port}`.
    pub port: u16,
    /// `http://localhost:{port}`.
    pub base: String,
    /// The username of its place (or network).
    pub username: String,
    /// The display name of its place (or network).
    pub name: String,
    /// Its data folder.
    pub data_dir: PathBuf,
    /// Its federation data (database, URLs).
    pub data: Data,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<anyhow::Result<()>>>,
}

impl DemoInstance {
    /// `@username@localhost:port`.
    pub fn handle(&self) -> String {
        format!("@{}@localhost:{}", self.username, self.port)
    }

    /// The actor URL of its place (or network).
    pub fn actor_url(&self) -> String {
        format!("{}/places/{}", self.base, self.username)
    }

    /// The URLs to open, with what each is, French then English.
    pub fn urls(&self) -> Vec<(&'static str, String)> {
        let b = &self.base;
        let u = &self.username;
        match self.role {
            Role::Network => vec![
                (
                    "accueil, fil régional / home, regional timeline",
                    format!("{b}/"),
                ),
                ("réseau / network", format!("{b}/places/{u}")),
                ("membres / members", format!("{b}/places/{u}/members")),
                (
                    "journal de modération / moderation log",
                    format!("{b}/places/{u}/moderation"),
                ),
                ("fil, API / timeline, API", format!("{b}/api/v1/timeline")),
                (
                    "à venir, API / upcoming, API",
                    format!("{b}/api/v1/timeline?upcoming=true&type=Event"),
                ),
                ("carte / map", format!("{b}/carte")),
                ("annuaire / directory", format!("{b}/annuaire")),
                (
                    "annuaire GeoJSON / directory GeoJSON",
                    format!("{b}/directory.geojson"),
                ),
            ],
            _ => vec![
                ("accueil / home", format!("{b}/")),
                ("page du lieu / place page", format!("{b}/lieux/{u}")),
                ("flux Atom / Atom feed", format!("{b}/places/{u}/feed.atom")),
                ("flux RSS / RSS feed", format!("{b}/places/{u}/feed.rss")),
                ("agenda / calendar", format!("{b}/places/{u}/events.ics")),
                ("fil, API / timeline, API", format!("{b}/api/v1/timeline")),
            ],
        }
    }
}

/// The running galaxy.
pub struct Running {
    /// The instances, in [`Role::ALL`] order.
    pub instances: Vec<DemoInstance>,
    /// The folder that holds every instance's data.
    pub data_dir: PathBuf,
    /// Whether every seeded post reached the network and every place instance in time.
    pub settled: bool,
    /// The ids of the seeded posts that federate (occurrences of a series, not the series).
    pub seeded: BTreeSet<String>,
    temp: Option<tempfile::TempDir>,
}

impl Running {
    /// The instance with `role`.
    pub fn instance(&self, role: Role) -> Option<&DemoInstance> {
        self.instances.iter().find(|i| i.role == role)
    }

    /// The network's instance.
    pub fn network(&self) -> Option<&DemoInstance> {
        self.instance(Role::Network)
    }

    /// What to print: every instance and its URLs, where the data is, how to stop.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "Galaxie : la démo tourne, {} instances fédérées sur cette machine.\n\
             Galaxie demo running: {} federated instances on this machine.\n",
            self.instances.len(),
            self.instances.len()
        ));
        if !self.settled {
            out.push_str(
                "(La fédération n'est pas encore terminée : certaines publications arrivent encore.\n \
                 Federation has not settled yet: some posts are still on their way.)\n",
            );
        }
        for i in &self.instances {
            out.push_str(&format!(
                "\n{}\n  {} — {}\n",
                i.role.label(),
                i.name,
                i.handle()
            ));
            let urls = i.urls();
            let width = urls
                .iter()
                .map(|(l, _)| l.chars().count())
                .max()
                .unwrap_or(0);
            for (label, url) in urls {
                let pad = width - label.chars().count();
                out.push_str(&format!("  {label}{}  {url}\n", " ".repeat(pad)));
            }
        }
        out.push_str(&format!("\nDonnées / data: {}\n", self.data_dir.display()));
        if self.temp.is_some() {
            out.push_str("  (effacées à l'arrêt / removed on exit; --keep <dir> pour les garder / to keep them)\n");
        }
        out.push_str("Ctrl-C pour arrêter / to stop.\n");
        out
    }

    /// Stops every instance gracefully (each finishes its requests and its worker's batch)
    /// and removes the temporary data. Returns the folder when it was kept.
    pub async fn stop(mut self) -> anyhow::Result<Option<PathBuf>> {
        for i in &mut self.instances {
            if let Some(stop) = i.stop.take() {
                let _ = stop.send(());
            }
        }
        let mut failures = Vec::new();
        for i in &mut self.instances {
            let Some(mut handle) = i.handle.take() else {
                continue;
            };
            match tokio::time::timeout(Duration::from_secs(20), &mut handle).await {
                Ok(Ok(Ok(()))) => {}
                Ok(Ok(Err(e))) => failures.push(format!("{}: {e:#}", i.base)),
                Ok(Err(e)) => failures.push(format!("{}: {e}", i.base)),
                Err(_) => {
                    handle.abort();
                    failures.push(format!("{}: did not stop within 20 s", i.base));
                }
            }
        }
        // Close the databases before their files go.
        let instances = std::mem::take(&mut self.instances);
        for i in instances {
            let _ = i.data.db().conn().clone().close().await;
        }
        let kept = match self.temp.take() {
            Some(temp) => {
                temp.close().with_context(|| {
                    format!("cannot remove the demo data in {}", self.data_dir.display())
                })?;
                None
            }
            None => Some(self.data_dir.clone()),
        };
        if failures.is_empty() {
            Ok(kept)
        } else {
            anyhow::bail!(
                "some instances did not stop cleanly: {}",
                failures.join("; ")
            )
        }
    }
}

/// Delivery tuning for the demo: everything is on loopback, so poll and retry quickly.
fn demo_worker() -> WorkerOptions {
    WorkerOptions {
        batch: 64,
        lease: chrono::Duration::seconds(30),
        retry_base: chrono::Duration::milliseconds(500),
        retry_max: chrono::Duration::seconds(30),
        poll: Duration::from_millis(200),
        breaker_base: Duration::from_secs(1),
        breaker_max: Duration::from_secs(30),
    }
}

/// Listens on the five ports (or five free ones), refusing a port in use on 127.0.0.1 or
/// on ::1 (where `localhost` may lead too).
async fn listen(base_port: Option<u16>) -> Result<Vec<TcpListener>, DemoError> {
    let mut listeners = Vec::new();
    let Some(base) = base_port else {
        for _ in 0..INSTANCES {
            let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
                .await
                .map_err(|e| DemoError::Listen {
                    port: 0,
                    reason: e.to_string(),
                })?;
            listeners.push(l);
        }
        return Ok(listeners);
    };
    if base == 0 || base > u16::MAX - (INSTANCES - 1) {
        return Err(DemoError::PortRange(base));
    }
    for port in base..base + INSTANCES {
        let refused = |e: std::io::Error| match e.kind() {
            std::io::ErrorKind::AddrInUse => DemoError::PortTaken { port },
            _ => DemoError::Listen {
                port,
                reason: e.to_string(),
            },
        };
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .await
            .map_err(refused)?;
        // Another server on [::1]:port would answer the demo's requests to localhost.
        if let Err(e) = std::net::TcpListener::bind((Ipv6Addr::LOCALHOST, port))
            && e.kind() == std::io::ErrorKind::AddrInUse
        {
            return Err(DemoError::PortTaken { port });
        }
        listeners.push(listener);
    }
    Ok(listeners)
}

/// The data folder: `keep` (created, must be empty), or a new temporary folder.
fn data_root(keep: Option<&Path>) -> Result<(PathBuf, Option<tempfile::TempDir>), DemoError> {
    match keep {
        Some(dir) => {
            let refused = |why: String| DemoError::Keep {
                path: dir.display().to_string(),
                why,
            };
            if dir.exists() {
                let mut entries = std::fs::read_dir(dir).map_err(|e| {
                    refused(format!(
                        "ce n'est pas un dossier lisible / not a readable folder ({e})"
                    ))
                })?;
                if entries.next().is_some() {
                    return Err(refused(
                        "ce dossier n'est pas vide ; choisissez un dossier vide ou nouveau / this folder is not empty; choose an empty or new one".into(),
                    ));
                }
            } else {
                std::fs::create_dir_all(dir).map_err(|e| {
                    refused(format!(
                        "impossible de créer le dossier / cannot create the folder ({e})"
                    ))
                })?;
            }
            let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            Ok((dir, None))
        }
        None => {
            let temp = tempfile::Builder::new()
                .prefix("galaxie-demo-")
                .tempdir()
                .context("cannot create a temporary folder for the demo")?;
            Ok((temp.path().to_path_buf(), Some(temp)))
        }
    }
}

/// The steps of the start, with the time they began, when asked for.
struct Progress {
    verbose: bool,
    started: std::time::Instant,
}

impl Progress {
    fn say(&self, what: &str) {
        if self.verbose {
            println!("[{:5.1} s] {what}", self.started.elapsed().as_secs_f64());
        }
    }
}

/// Starts the galaxy: see the module documentation. On failure, whatever was started is
/// stopped again.
pub async fn start(options: DemoOptions) -> Result<Running, DemoError> {
    if let Some(dbs) = &options.databases
        && dbs.len() != usize::from(INSTANCES)
    {
        return Err(DemoError::Databases(dbs.len()));
    }
    let listeners = listen(options.base_port).await?;
    let (data_dir, temp) = data_root(options.keep.as_deref())?;
    let mut running = Running {
        instances: Vec::new(),
        data_dir,
        settled: false,
        seeded: BTreeSet::new(),
        temp,
    };
    match populate(&mut running, listeners, &options).await {
        Ok(()) => Ok(running),
        Err(e) => {
            if let Err(stop) = running.stop().await {
                tracing::warn!(error = %stop, "demo: cleaning up after a failed start");
            }
            Err(e)
        }
    }
}

async fn populate(
    running: &mut Running,
    listeners: Vec<TcpListener>,
    options: &DemoOptions,
) -> Result<(), DemoError> {
    let progress = Progress {
        verbose: options.verbose,
        started: std::time::Instant::now(),
    };
    progress.say("Démarrage des cinq instances… / starting the five instances…");
    // Build the five apps at once (each opens its database and applies the migrations).
    let mut builds = Vec::new();
    for (index, (role, listener)) in Role::ALL.into_iter().zip(listeners).enumerate() {
        let port = listener.local_addr().context("listener address")?.port();
        let dir = running.data_dir.join(role.slug());
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let mut config = Config::default();
        config.instance.public_url =
            url::Url::parse(&format!("http://localhost:{port}")).context("instance URL")?;
        config.server.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        config.data_dir = dir.clone();
        config.database.url = options
            .databases
            .as_ref()
            .and_then(|dbs| dbs.get(index).cloned());
        config.federation.debug = true;
        config.check().map_err(|e| anyhow::anyhow!(e))?;
        builds.push((
            role,
            port,
            dir,
            listener,
            tokio::spawn(async move { App::build(config).await }),
        ));
    }
    for (role, port, dir, listener, build) in builds {
        let app = build
            .await
            .context("building an instance panicked")?
            .with_context(|| format!("cannot build the instance localhost:{port}"))?
            .with_worker_options(demo_worker());
        let data = app.data();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.serve(listener, async {
            let _ = stopped.await;
        }));
        running.instances.push(DemoInstance {
            role,
            port,
            base: format!("http://localhost:{port}"),
            username: String::new(),
            name: String::new(),
            data_dir: dir,
            data,
            stop: Some(stop),
            handle: Some(handle),
        });
    }

    progress.say("Création des lieux et du réseau… / creating the places and the network…");
    let seeds = seed::places(chrono::Utc::now());
    for seed in &seeds {
        let instance = instance_mut(running, seed.role)?;
        let place = NewPlace::parse(seed.place.clone()).map_err(invalid_seed)?;
        let row = service::create_place(&instance.data, place)
            .await
            .context("creating a demo place")?;
        instance.username = row.username;
        instance.name = row.name;
    }
    {
        let net = instance_mut(running, Role::Network)?;
        let new = NewPlace::parse(seed::network()).map_err(invalid_seed)?;
        let row = network::create(&net.data, new, JoinPolicy::Open)
            .await
            .context("creating the demo network")?;
        net.username = row.username;
        net.name = row.name;
    }

    progress.say("Adhésions au réseau… / the places join the network…");
    let net = running
        .network()
        .ok_or_else(|| anyhow::anyhow!("no network instance"))?;
    let network_handle = net.handle();
    for place in running.instances.iter().filter(|i| i.role != Role::Network) {
        network::join(&place.data, &place.username, &network_handle)
            .await
            .with_context(|| format!("{} cannot join the network", place.handle()))?;
        // The place's instance follows the network too, so its timeline shows the galaxy.
        relay::follow_actor(&place.data, &network_handle)
            .await
            .with_context(|| format!("{} cannot subscribe to the network", place.base))?;
    }
    let network_id = galaxie_db::places::get_by_username(net.data.db().conn(), &net.username)
        .await
        .context("the network")?
        .id;
    for place in running.instances.iter().filter(|i| i.role != Role::Network) {
        let what = format!(
            "{} to be a member of the network, followed by it and subscribed to it",
            place.handle()
        );
        wait_for(&what, Duration::from_secs(20), || {
            membership_settled(net, network_id, place)
        })
        .await?;
    }

    progress.say("Publication du contenu… / publishing the content…");
    for seed in seeds {
        let instance = instance_mut(running, seed.role)?;
        let (data, username) = (&instance.data, instance.username.clone());
        for raw in seed.services {
            let new = NewService::parse(raw).map_err(invalid_seed)?;
            service::publish_service(data, &username, new)
                .await
                .context("publishing a demo service")?;
        }
        for raw in seed.events {
            let new = NewEvent::parse(raw).map_err(invalid_seed)?;
            service::publish_event(data, &username, new)
                .await
                .context("publishing a demo event")?;
        }
        for raw in seed.showcases {
            let new = NewShowcase::parse(raw).map_err(invalid_seed)?;
            service::publish_showcase(data, &username, new)
                .await
                .context("publishing a demo showcase")?;
        }
        for raw in seed.notes {
            let new = NewNote::parse(raw).map_err(invalid_seed)?;
            service::publish_note(data, &username, new)
                .await
                .context("publishing a demo note")?;
        }
    }
    let mut seeded = BTreeSet::new();
    for place in running.instances.iter().filter(|i| i.role != Role::Network) {
        seeded.extend(federated_posts(place).await?);
    }
    running.seeded = seeded;

    progress.say("Fédération en cours… / federating…");
    running.settled = wait_until(options.settle_timeout, || settled(running)).await;
    progress.say(if running.settled {
        "Fédération établie / federation settled."
    } else {
        "La fédération continue en arrière-plan / federation goes on in the background."
    });
    if !running.settled {
        tracing::warn!("demo: the federation has not settled yet; posts are still arriving");
    }
    Ok(())
}

fn instance_mut(running: &mut Running, role: Role) -> Result<&mut DemoInstance, DemoError> {
    running
        .instances
        .iter_mut()
        .find(|i| i.role == role)
        .ok_or_else(|| anyhow::anyhow!("no instance for {role:?}").into())
}

fn invalid_seed(e: galaxie_domain::ValidationErrors) -> DemoError {
    anyhow::anyhow!("the demo content is invalid: {e}").into()
}

/// The ids of a place instance's own public posts, as they federate (a recurring series is
/// represented by its occurrences).
async fn federated_posts(place: &DemoInstance) -> Result<Vec<String>, DemoError> {
    let conn = place.data.db().conn();
    let row = galaxie_db::places::get_by_username(conn, &place.username)
        .await
        .context("a demo place")?;
    Ok(galaxie_db::objects::by_place(conn, row.id, None)
        .await
        .context("the demo posts")?
        .into_iter()
        .filter(|o| o.public && o.rrule.is_none())
        .map(|o| o.ap_id)
        .collect())
}

/// The place is an accepted member on both sides, the network follows it (so its posts reach
/// the network), and its instance's subscription to the network is accepted.
async fn membership_settled(
    net: &DemoInstance,
    network_id: galaxie_db::PlaceId,
    place: &DemoInstance,
) -> Option<()> {
    let member_url = place.actor_url();
    let network_url = net.actor_url();
    let theirs = db_networks::member(net.data.db().conn(), network_id, &member_url)
        .await
        .ok()??;
    let row = galaxie_db::places::get_by_username(place.data.db().conn(), &place.username)
        .await
        .ok()?;
    let ours = db_networks::membership(place.data.db().conn(), row.id, &network_url)
        .await
        .ok()??;
    let followed = galaxie_db::follows::following(net.data.db().conn(), network_id, &member_url)
        .await
        .ok()??;
    let subscribed = db_networks::subscribed(place.data.db().conn(), &network_url)
        .await
        .ok()?;
    (theirs.status == MemberStatus::Accepted
        && ours.status == MemberStatus::Accepted
        && followed.status == FollowStatus::Accepted
        && subscribed)
        .then_some(())
}

/// Every seeded post is held by every instance.
async fn settled(running: &Running) -> Option<()> {
    for instance in &running.instances {
        for id in &running.seeded {
            let held = galaxie_db::objects::by_ap_id(instance.data.db().conn(), id)
                .await
                .ok()?
                .is_some_and(|o| o.deleted_at.is_none());
            if !held {
                return None;
            }
        }
    }
    Some(())
}

/// Polls `check` until it gives `Some` or `timeout` passes; says whether it did.
async fn wait_until<F, Fut>(timeout: Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<()>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if check().await.is_some() {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn wait_for<F, Fut>(what: &str, timeout: Duration, check: F) -> Result<(), DemoError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<()>>,
{
    if wait_until(timeout, check).await {
        Ok(())
    } else {
        Err(anyhow::anyhow!(
            "la fédération ne s'est pas établie / federation did not settle: timed out after {} s waiting for {what}",
            timeout.as_secs()
        )
        .into())
    }
}

/// `galaxie demo`: starts the galaxy, prints the URLs, and stops it on Ctrl-C or SIGTERM.
pub async fn run(args: DemoArgs) -> Result<(), CliError> {
    let starting = start(DemoOptions {
        base_port: Some(args.base_port),
        keep: args.keep,
        verbose: true,
        ..DemoOptions::default()
    });
    // Ctrl-C while starting drops what was started: the instances stop, the temporary data
    // goes.
    let running = tokio::select! {
        running = starting => running?,
        _ = crate::cli::shutdown_signal() => {
            println!("Démarrage interrompu / start interrupted.");
            return Ok(());
        }
    };
    println!("\n{}", running.describe());
    crate::cli::shutdown_signal().await;
    println!("Arrêt de la démo… / stopping the demo…");
    match running.stop().await? {
        Some(kept) => println!(
            "Démo arrêtée ; données gardées dans / demo stopped; data kept in {}",
            kept.display()
        ),
        None => println!("Démo arrêtée, données effacées / demo stopped, data removed."),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_item_is_valid() {
        let now = chrono::Utc::now();
        let seeds = seed::places(now);
        assert_eq!(seeds.len(), 4);
        NewPlace::parse(seed::network()).expect("network");
        for seed in seeds {
            NewPlace::parse(seed.place).expect("place");
            for e in seed.events {
                let e = NewEvent::parse(e).expect("event");
                assert!(e.start > now, "{} is upcoming", e.name);
            }
            for n in seed.notes {
                NewNote::parse(n).expect("note");
            }
            for s in seed.services {
                NewService::parse(s).expect("service");
            }
            for s in seed.showcases {
                NewShowcase::parse(s).expect("showcase");
            }
        }
    }

    #[test]
    fn the_seed_covers_what_the_demo_promises() {
        let seeds = seed::places(chrono::Utc::now());
        let all_events: Vec<_> = seeds.iter().flat_map(|s| &s.events).collect();
        assert!(
            all_events.iter().any(|e| e
                .rrule
                .as_deref()
                .is_some_and(|r| r.contains("FREQ=WEEKLY"))),
            "a weekly permanence"
        );
        let truck = seeds.iter().find(|s| s.role == Role::Truck).expect("truck");
        assert_eq!(truck.place.mobility.as_deref(), Some("itinerant"));
        assert!(truck.events.len() >= 3);
        assert!(
            truck
                .events
                .iter()
                .all(|e| e.lat.is_some() && e.location_name.is_some()),
            "every stop has a location"
        );
        assert!(seeds.iter().any(|s| !s.showcases.is_empty()), "heritage");
        assert!(
            seeds
                .iter()
                .filter(|s| s.role != Role::Truck)
                .all(|s| s.place.hours.is_some()),
            "fixed places have opening hours"
        );
        assert!(seeds.iter().all(|s| s.place.summary_falc.is_some()), "FALC");
    }

    #[test]
    fn a_range_past_the_last_port_is_refused() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let err = rt.block_on(listen(Some(65534))).expect_err("refused");
        assert!(matches!(err, DemoError::PortRange(65534)), "{err}");
        assert!(err.to_string().contains("65531"));
    }

    #[test]
    fn a_non_empty_keep_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("notes.txt"), "à garder").expect("write");
        let err = data_root(Some(dir.path())).expect_err("refused");
        assert!(err.to_string().contains("n'est pas vide"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("notes.txt")).expect("kept"),
            "à garder"
        );
        let fresh = dir.path().join("demo");
        let (root, temp) = data_root(Some(&fresh)).expect("created");
        assert!(root.is_dir() && temp.is_none());
    }
}
