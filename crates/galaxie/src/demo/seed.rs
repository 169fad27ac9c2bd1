//! The demo galaxy's content: four places of the Alpes-de-Haute-Provence and their regional
//! network, drawn from the workshop notes in `shared/seed/` ("Les nouveaux modèles de lieux
//! de médiation numérique"): an EPN that opens a LAB and a *Passeport numérique*, a
//! médiathèque turned *troisième lieu* that shows the heritage of its territory, a France
//! Services that shares its roof with a postal agency and a coworking corner in a very rural
//! valley, and a *truck numérique* that goes to the villages and the priority neighbourhoods.
//!
//! Names, addresses and people are invented; communes, postal codes and INSEE codes are real.
//! Telephone numbers are in the range ARCEP keeps for fiction (04 65 71 xx xx), websites use
//! the reserved `.example` domain. Dates are computed from the start time, so the events are
//! always upcoming.

use super::Role;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use galaxie_domain::event::DEFAULT_TIMEZONE;
use galaxie_domain::{RawEvent, RawNote, RawPlace, RawService, RawShowcase};

/// One place and what it publishes.
pub(super) struct PlaceSeed {
    pub role: Role,
    pub place: RawPlace,
    pub notes: Vec<RawNote>,
    pub events: Vec<RawEvent>,
    pub services: Vec<RawService>,
    pub showcases: Vec<RawShowcase>,
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn v(items: &[&str]) -> Option<Vec<String>> {
    Some(items.iter().map(|i| i.to_string()).collect())
}

/// Local time `h:m` on `date`, Paris time (the demo's times are all in daytime, where every
/// local time exists once).
fn paris(date: NaiveDate, (h, m): (u32, u32)) -> DateTime<Utc> {
    let naive = date.and_hms_opt(h, m, 0).unwrap_or_default();
    DEFAULT_TIMEZONE
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| naive.and_utc())
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.with_timezone(&DEFAULT_TIMEZONE).to_rfc3339()
}

/// The first `day` whose `start` is at least two hours after `now`, plus `week` weeks; the
/// slot from `start` to `end`, in RFC 3339 with the Paris offset of that day.
fn slot(
    now: DateTime<Utc>,
    day: Weekday,
    week: i64,
    start: (u32, u32),
    end: (u32, u32),
) -> (String, String) {
    let today = now.with_timezone(&DEFAULT_TIMEZONE).date_naive();
    let first = (0..=7)
        .map(|offset| today + Duration::days(offset))
        .find(|d| d.weekday() == day && paris(*d, start) > now + Duration::hours(2))
        .unwrap_or(today + Duration::days(7));
    let date = first + Duration::weeks(week);
    (rfc3339(paris(date, start)), rfc3339(paris(date, end)))
}

/// An event from `slot`, in Paris time.
fn event(name: &str, (start, end): (String, String)) -> RawEvent {
    RawEvent {
        name: s(name),
        start: Some(start),
        end: Some(end),
        timezone: s("Europe/Paris"),
        ..Default::default()
    }
}

/// The four places, with dates computed from `now`.
pub(super) fn places(now: DateTime<Utc>) -> Vec<PlaceSeed> {
    vec![epn(now), mediatheque(now), france_services(now), truck(now)]
}

/// The regional network's profile.
pub(super) fn network() -> RawPlace {
    RawPlace {
        username: s("reseau-haute-provence"),
        name: s("Réseau des lieux numériques de Haute-Provence"),
        summary: s(
            "Un tiers-lieu éclaté : les EPN, médiathèques, France Services et le Truck numérique \
             des Alpes-de-Haute-Provence publient ensemble leurs ateliers, permanences et \
             actualités, sans tête de réseau.",
        ),
        summary_falc: s("Les lieux du numérique du département, tous au même endroit."),
        description: s(
            "Une galaxie d'espaces et de ressources plutôt qu'un lieu unique : chaque lieu garde \
             son site et ses outils, le réseau relaie ce qu'ils publient. Pour s'orienter, \
             trouver un atelier près de chez soi ou savoir où passe le Truck cette semaine.",
        ),
        postal_code: s("04000"),
        city: s("Digne-les-Bains"),
        insee_code: s("04070"),
        website: s("https://reseau-numerique-04.example"),
        labels: v(&["sud-labs-paca"]),
        ..Default::default()
    }
}

fn epn(now: DateTime<Utc>) -> PlaceSeed {
    let address = (
        s("Espace public numérique, salle des ateliers"),
        s("12 boulevard Gassendi"),
        s("04000"),
        s("Digne-les-Bains"),
        Some(44.0921),
        Some(6.2357),
    );
    let at_the_epn = |e: RawEvent| RawEvent {
        location_name: address.0.clone(),
        address: address.1.clone(),
        postal_code: address.2.clone(),
        city: address.3.clone(),
        lat: address.4,
        lon: address.5,
        ..e
    };
    PlaceSeed {
        role: Role::Epn,
        place: RawPlace {
            username: s("epn-digne"),
            name: s("Espace public numérique de Digne-les-Bains"),
            summary: s(
                "Ordinateurs en accès libre, ateliers pour débuter, aide aux démarches en ligne \
                 et, depuis cette semaine, le LAB : un espace de créativité numérique ouvert à \
                 tous.",
            ),
            summary_falc: s("Un lieu pour apprendre l'ordinateur et le téléphone. C'est gratuit."),
            description: s(
                "L'EPN de Digne-les-Bains devient un tiers-lieu d'innovation sociale : on y vient \
                 pour une démarche, on y revient pour un atelier, un projet ou un café. Nous \
                 travaillons avec les écoles, les collèges, l'Info Jeunesse et les entreprises \
                 du territoire, et nous voulons être reconnus comme un « hub » social non \
                 administratif, ouvert, mixte et beau.",
            ),
            address: address.1.clone(),
            postal_code: address.2.clone(),
            city: address.3.clone(),
            insee_code: s("04070"),
            lat: address.4,
            lon: address.5,
            phone: s("04 65 71 10 01"),
            website: s("https://epn-digne.example"),
            hours: s("Tu-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off"),
            legal_form: s("commune"),
            mobility: s("fixed"),
            structure_types: v(&["epn"]),
            services: v(&[
                "maitrise-outils-numeriques",
                "aide-demarches-administratives",
                "utilisation-securisee-numerique",
                "parentalite-education-numerique",
                "loisirs-creations-numeriques",
                "acces-internet-materiel",
            ]),
            publics: v(&["tous-publics", "seniors", "jeunes", "familles"]),
            fees: v(&["gratuit"]),
            access_modes: v(&["se-presenter", "telephoner"]),
            support_modes: v(&[
                "en-autonomie",
                "accompagnement-individuel",
                "atelier-collectif",
            ]),
            programmes: v(&["conseillers-numeriques", "certification-pix"]),
            labels: v(&["sud-labs-paca"]),
            ..Default::default()
        },
        notes: vec![RawNote {
            text: s(
                "Le LAB ouvre cette semaine ! Imprimante 3D, montage vidéo, musique assistée par \
                 ordinateur : un espace de créativité numérique ouvert à tous, du mardi au \
                 samedi, sans inscription.",
            ),
            text_falc: s(
                "Nous ouvrons le LAB. Au LAB, vous pouvez créer des objets, des vidéos et de la \
                 musique avec un ordinateur. C'est ouvert à tout le monde.",
            ),
        }],
        events: vec![
            at_the_epn(RawEvent {
                summary: s(
                    "Allumer, appeler, envoyer une photo, installer une application : deux \
                     heures en petit groupe pour prendre en main son smartphone. Apportez le \
                     vôtre, nous en prêtons aussi.",
                ),
                summary_falc: s("Apprendre à se servir de son téléphone, en petit groupe."),
                category: s("workshops-skill-sharing"),
                price: s("gratuit"),
                capacity: Some(8),
                ..event(
                    "Atelier : premiers pas sur smartphone",
                    slot(now, Weekday::Tue, 0, (14, 0), (16, 0)),
                )
            }),
            at_the_epn(RawEvent {
                summary: s(
                    "Le Passeport numérique : en trente minutes avec un médiateur, vous faites \
                     le point sur ce que vous savez faire et on vous oriente vers l'atelier ou \
                     le lieu qui vous convient.",
                ),
                summary_falc: s(
                    "Vous parlez avec un médiateur. Il vous dit quel atelier est fait pour vous.",
                ),
                description_falc: s(
                    "Le médiateur vous pose des questions sur l'ordinateur et le téléphone. \
                     Ensuite, il vous donne un petit carnet : le Passeport numérique. Le carnet \
                     dit ce que vous savez faire et où apprendre la suite.",
                ),
                category: s("learning"),
                price: s("gratuit"),
                registration_url: s("https://epn-digne.example/passeport"),
                ..event(
                    "Passeport numérique : faites le point avec un médiateur",
                    slot(now, Weekday::Fri, 1, (10, 0), (12, 0)),
                )
            }),
            at_the_epn(RawEvent {
                summary: s(
                    "Réseaux sociaux, jeux en ligne, nouveaux usages : une soirée d'échanges \
                     entre parents, avec des ados qui nous montrent ce qu'ils font vraiment sur \
                     leurs écrans.",
                ),
                category: s("family-education"),
                price: s("gratuit"),
                ..event(
                    "Parents, ados et écrans : soirée d'échanges",
                    slot(now, Weekday::Thu, 1, (18, 30), (20, 0)),
                )
            }),
        ],
        services: vec![
            RawService {
                name: s("Ordinateurs et wifi en accès libre"),
                description: s(
                    "Huit postes, une imprimante et le wifi, pour vos recherches, vos CV ou vos \
                     démarches ; un médiateur est là si vous bloquez.",
                ),
                summary_falc: s("Des ordinateurs et internet, gratuits, pour tout le monde."),
                services: v(&["acces-internet-materiel"]),
                publics: v(&["tous-publics"]),
                fees: v(&["gratuit"]),
                access_modes: v(&["se-presenter"]),
                support_modes: v(&["en-autonomie"]),
                hours: s("Tu-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00"),
                ..Default::default()
            },
            RawService {
                name: s("Accompagnement aux démarches en ligne"),
                description: s(
                    "Créer une adresse e-mail, un compte Ameli ou France Travail, faire une \
                     demande en ligne : un médiateur numérique vous accompagne pas à pas, sur \
                     rendez-vous.",
                ),
                description_falc: s(
                    "Vous devez faire un papier sur internet ? Nous le faisons avec vous. \
                     Appelez-nous pour avoir un rendez-vous.",
                ),
                summary_falc: s("On vous aide à faire vos papiers sur internet."),
                services: v(&["aide-demarches-administratives"]),
                publics: v(&["tous-publics", "seniors"]),
                fees: v(&["gratuit"]),
                access_modes: v(&["telephoner"]),
                support_modes: v(&["accompagnement-individuel"]),
                ..Default::default()
            },
        ],
        showcases: vec![],
    }
}

fn mediatheque(now: DateTime<Utc>) -> PlaceSeed {
    let here = |e: RawEvent| RawEvent {
        location_name: s("Médiathèque La Filature"),
        address: s("3 place du Bourguet"),
        postal_code: s("04300"),
        city: s("Forcalquier"),
        lat: Some(43.9598),
        lon: Some(5.7805),
        ..e
    };
    PlaceSeed {
        role: Role::Mediatheque,
        place: RawPlace {
            username: s("mediatheque-forcalquier"),
            name: s("Médiathèque La Filature, troisième lieu"),
            summary: s(
                "Une médiathèque devenue troisième lieu : on y emprunte des livres, on y répare \
                 son ordinateur, on y travaille au calme et on y raconte le patrimoine du pays \
                 de Forcalquier.",
            ),
            summary_falc: s("Une bibliothèque où l'on peut lire, apprendre et se retrouver."),
            description: s(
                "Horaires amples, canapés, expositions interactives et un coin coworking : la \
                 médiathèque fait entrer les pratiques numériques dans la médiation culturelle. \
                 Avec les habitants, elle collecte et valorise la mémoire du territoire.",
            ),
            address: s("3 place du Bourguet"),
            postal_code: s("04300"),
            city: s("Forcalquier"),
            insee_code: s("04088"),
            lat: Some(43.9598),
            lon: Some(5.7805),
            phone: s("04 65 71 20 02"),
            website: s("https://mediatheque-forcalquier.example"),
            hours: s("Tu,Th 13:00-19:00; We,Sa 10:00-18:00; Fr 13:00-21:00; PH off"),
            legal_form: s("epci"),
            mobility: s("fixed"),
            structure_types: v(&["bib", "tiers-lieux"]),
            services: v(&[
                "loisirs-creations-numeriques",
                "comprehension-monde-numerique",
                "maitrise-outils-numeriques",
                "acces-internet-materiel",
            ]),
            publics: v(&["tous-publics", "jeunes", "familles"]),
            fees: v(&["gratuit", "adhesion"]),
            access_modes: v(&["se-presenter"]),
            support_modes: v(&["en-autonomie", "atelier-collectif"]),
            programmes: v(&["bibliotheques-numeriques-de-reference"]),
            labels: v(&["fabriques-de-territoire"]),
            ..Default::default()
        },
        notes: vec![RawNote {
            text: s(
                "Le coin coworking est ouvert : six places, le wifi et du café, aux heures de la \
                 médiathèque. Télétravailleurs, étudiants, associations : venez, c'est gratuit \
                 avec la carte de lecteur.",
            ),
            text_falc: None,
        }],
        events: vec![
            here(RawEvent {
                summary: s(
                    "D'où vient une donnée, où va-t-elle ? Une exposition interactive à \
                     toucher, écouter et manipuler, pour comprendre internet et poser ses \
                     questions aux médiateurs.",
                ),
                summary_falc: s("Une exposition à toucher pour comprendre internet."),
                category: s("science-tech"),
                price: s("gratuit"),
                ..event(
                    "Exposition interactive : le voyage d'une donnée",
                    slot(now, Weekday::Sat, 0, (10, 0), (18, 0)),
                )
            }),
            here(RawEvent {
                summary: s(
                    "Un ordinateur lent, un téléphone qui ne charge plus ? Des bénévoles vous \
                     aident à le réparer plutôt qu'à le jeter.",
                ),
                summary_falc: s("On répare ensemble votre ordinateur ou votre téléphone."),
                category: s("diy-maker-spaces"),
                price: s("prix libre"),
                ..event(
                    "Café-réparation : ordinateurs et téléphones",
                    slot(now, Weekday::Sat, 1, (14, 0), (17, 0)),
                )
            }),
            here(RawEvent {
                summary: s(
                    "Vous avez des photos, des outils ou des souvenirs des moulins à huile du \
                     pays ? Nous les numérisons avec vous pour la vitrine patrimoine de la \
                     médiathèque.",
                ),
                category: s("language-culture"),
                price: s("gratuit"),
                ..event(
                    "Collecte de mémoire : apportez vos photos des moulins",
                    slot(now, Weekday::Wed, 2, (14, 0), (17, 0)),
                )
            }),
        ],
        services: vec![],
        showcases: vec![RawShowcase {
            name: s("Les moulins à huile du pays de Forcalquier"),
            summary: s(
                "Le travail des moulins à huile, raconté par celles et ceux qui y ont pressé \
                 les olives, à partir des photos et des souvenirs collectés à la médiathèque.",
            ),
            content: s(
                "Jusqu'aux années 1950, chaque village du pays de Forcalquier avait son moulin. \
                 En novembre, les familles y apportaient leurs olives ; on les broyait sous la \
                 meule, on empilait les scourtins, on pressait, et l'huile se séparait de l'eau \
                 dans les bassins.\n\nLes habitants qui ont participé à nos collectes de mémoire \
                 racontent le bruit de la meule, l'odeur de la pâte et les longues soirées \
                 d'attente. Leurs photos, numérisées à la médiathèque, sont publiées ici sous \
                 licence libre.",
            ),
            summary_falc: s(
                "Avant, on faisait l'huile d'olive dans des moulins. Les habitants racontent.",
            ),
            content_falc: s(
                "Avant, chaque village avait un moulin. Les familles apportaient leurs olives \
                 au moulin. Le moulin écrasait les olives pour faire de l'huile. Des habitants \
                 racontent comment cela se passait. Ils nous ont prêté leurs photos.",
            ),
            location_name: s("Pays de Forcalquier"),
            postal_code: s("04300"),
            city: s("Forcalquier"),
            lat: Some(43.9598),
            lon: Some(5.7805),
            hashtags: v(&["patrimoine", "Forcalquier", "moulins"]),
            heritage_kinds: v(&["industriel", "savoir-faire", "archives-memoire"]),
            ..Default::default()
        }],
    }
}

fn france_services(now: DateTime<Utc>) -> PlaceSeed {
    let here = |e: RawEvent| RawEvent {
        location_name: s("France Services de Seyne"),
        address: s("Place d'Armes"),
        postal_code: s("04140"),
        city: s("Seyne"),
        lat: Some(44.3497),
        lon: Some(6.3563),
        ..e
    };
    PlaceSeed {
        role: Role::FranceServices,
        place: RawPlace {
            username: s("france-services-seyne"),
            name: s("France Services de Seyne, maison commune"),
            summary: s(
                "Sous le même toit : France Services, l'agence postale, un point lecture et un \
                 coin coworking. Nous vous aidons pour vos démarches (CAF, impôts, retraite, \
                 santé, emploi), avec ou sans rendez-vous.",
            ),
            summary_falc: s(
                "Ici, on vous aide pour vos papiers. Le matin, vous pouvez venir sans rendez-vous.",
            ),
            description: s(
                "Dans une vallée où chaque service compte, l'ancienne MSAP est devenue une \
                 maison commune : les fonctions se partagent, les habitants se croisent. Nous \
                 accueillons aussi les personnes éloignées de l'écrit, sans jugement et à leur \
                 rythme.",
            ),
            address: s("Place d'Armes"),
            postal_code: s("04140"),
            city: s("Seyne"),
            insee_code: s("04205"),
            lat: Some(44.3497),
            lon: Some(6.3563),
            phone: s("04 65 71 30 03"),
            hours: s("Mo-Fr 09:00-12:00; Tu,Th 14:00-17:00; PH off"),
            legal_form: s("commune"),
            mobility: s("fixed"),
            structure_types: v(&["msap", "la-poste"]),
            services: v(&[
                "aide-demarches-administratives",
                "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
                "numerique--acceder-a-des-services-en-ligne",
                "acces-internet-materiel",
            ]),
            publics: v(&[
                "tous-publics",
                "seniors",
                "beneficiaires-des-minimas-sociaux",
                "demandeurs-emploi",
            ]),
            specific_support: v(&["illettrisme"]),
            fees: v(&["gratuit"]),
            access_modes: v(&["se-presenter", "telephoner", "prendre-rdv-en-ligne"]),
            support_modes: v(&["accompagnement-individuel", "en-presentiel"]),
            programmes: v(&["france-services", "aidants-connect"]),
            ..Default::default()
        },
        notes: vec![RawNote {
            text: s(
                "L'agence postale communale s'installe chez nous : retraits, envois et \
                 affranchissements aux horaires de France Services, à partir de lundi.",
            ),
            text_falc: s(
                "La Poste est maintenant dans notre maison. Vous pouvez envoyer vos lettres ici.",
            ),
        }],
        events: vec![
            here(RawEvent {
                summary: s(
                    "Chaque mardi matin, une conseillère de la CAF et de l'Assurance maladie \
                     reçoit sans rendez-vous : dossiers, attestations, changements de \
                     situation.",
                ),
                summary_falc: s("Tous les mardis matin, quelqu'un de la CAF vous aide."),
                description_falc: s(
                    "Le mardi matin, une personne de la CAF est là. Elle vous aide pour vos \
                     papiers de la CAF et de la santé. Vous n'avez pas besoin de rendez-vous. \
                     Apportez vos papiers et votre carte Vitale.",
                ),
                category: s("meeting"),
                price: s("gratuit"),
                rrule: s("FREQ=WEEKLY;BYDAY=TU;COUNT=8"),
                ..event(
                    "Permanence CAF et Assurance maladie",
                    slot(now, Weekday::Tue, 0, (9, 30), (12, 0)),
                )
            }),
            here(RawEvent {
                summary: s(
                    "Créer son espace sur impots.gouv.fr, vérifier et signer sa déclaration : \
                     un atelier pour le faire soi-même l'an prochain.",
                ),
                category: s("workshops-skill-sharing"),
                price: s("gratuit"),
                capacity: Some(6),
                ..event(
                    "Atelier : déclarer ses revenus en ligne",
                    slot(now, Weekday::Thu, 2, (14, 0), (16, 0)),
                )
            }),
        ],
        services: vec![
            RawService {
                name: s("Aide aux démarches administratives"),
                description: s(
                    "CAF, Assurance maladie, retraite, impôts, France Travail, carte grise : \
                     deux agents formés vous accompagnent dans vos démarches, en ligne ou sur \
                     papier.",
                ),
                description_falc: s(
                    "Vous avez un papier à faire ? Venez nous voir. Nous vous expliquons et \
                     nous faisons avec vous.",
                ),
                summary_falc: s("On vous aide pour tous vos papiers."),
                services: v(&[
                    "aide-demarches-administratives",
                    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
                ]),
                publics: v(&["tous-publics"]),
                fees: v(&["gratuit"]),
                access_modes: v(&["se-presenter", "telephoner"]),
                support_modes: v(&["accompagnement-individuel"]),
                hours: s("Mo-Fr 09:00-12:00; Tu,Th 14:00-17:00"),
                ..Default::default()
            },
            RawService {
                name: s("Aidants Connect : une démarche faite pour vous, en sécurité"),
                description: s(
                    "Si vous ne pouvez pas faire une démarche en ligne vous-même, un aidant \
                     habilité la fait à votre place, avec votre accord écrit et sans connaître \
                     vos mots de passe.",
                ),
                summary_falc: s("Quelqu'un fait la démarche sur internet à votre place."),
                services: v(&["numerique--acceder-a-des-services-en-ligne"]),
                publics: v(&["seniors", "personnes-en-situation-de-handicap"]),
                fees: v(&["gratuit"]),
                access_modes: v(&["telephoner"]),
                support_modes: v(&["accompagnement-individuel"]),
                ..Default::default()
            },
        ],
        showcases: vec![],
    }
}

fn truck(now: DateTime<Utc>) -> PlaceSeed {
    struct Stop {
        village: &'static str,
        spot: &'static str,
        postal_code: &'static str,
        lat: f64,
        lon: f64,
        day: Weekday,
        week: i64,
        start: (u32, u32),
        end: (u32, u32),
    }
    let stops = [
        Stop {
            village: "Barrême",
            spot: "Place de la mairie",
            postal_code: "04330",
            lat: 43.9567,
            lon: 6.3681,
            day: Weekday::Mon,
            week: 0,
            start: (9, 30),
            end: (12, 30),
        },
        Stop {
            village: "Thorame-Haute",
            spot: "Parking de la gare",
            postal_code: "04170",
            lat: 44.0962,
            lon: 6.5567,
            day: Weekday::Wed,
            week: 0,
            start: (14, 0),
            end: (17, 0),
        },
        Stop {
            village: "La Javie",
            spot: "Place du village",
            postal_code: "04420",
            lat: 44.1789,
            lon: 6.3439,
            day: Weekday::Thu,
            week: 0,
            start: (9, 30),
            end: (12, 30),
        },
        Stop {
            village: "Digne-les-Bains",
            spot: "Quartier du Pigeonnier, devant le centre social",
            postal_code: "04000",
            lat: 44.0869,
            lon: 6.2297,
            day: Weekday::Fri,
            week: 0,
            start: (14, 0),
            end: (17, 30),
        },
        Stop {
            village: "Castellane",
            spot: "Place Marcel-Sauvaire",
            postal_code: "04120",
            lat: 43.8470,
            lon: 6.5130,
            day: Weekday::Mon,
            week: 1,
            start: (9, 30),
            end: (12, 30),
        },
    ];
    let events = stops
        .iter()
        .map(|stop| {
            let name = if stop.village == "Digne-les-Bains" {
                "Le Truck numérique au quartier du Pigeonnier".to_string()
            } else {
                format!("Le Truck numérique à {}", stop.village)
            };
            RawEvent {
                summary: s(
                    "Connexion, tablettes en prêt et un médiateur pour vos démarches et vos \
                     questions : le Truck s'installe pour l'après-midi ou la matinée, sans \
                     rendez-vous.",
                ),
                summary_falc: s(
                    "Le camion du numérique est là. Venez avec vos papiers et votre téléphone.",
                ),
                category: s("community"),
                price: s("gratuit"),
                location_name: s(stop.spot),
                postal_code: s(stop.postal_code),
                city: s(stop.village),
                lat: Some(stop.lat),
                lon: Some(stop.lon),
                ..event(&name, slot(now, stop.day, stop.week, stop.start, stop.end))
            }
        })
        .collect();
    PlaceSeed {
        role: Role::Truck,
        place: RawPlace {
            username: s("truck-numerique"),
            name: s("Le Truck numérique des vallées"),
            summary: s(
                "Un camion aménagé en espace numérique qui va à la rencontre des habitants des \
                 villages et des quartiers éloignés des lieux de médiation : connexion, \
                 tablettes, aide aux démarches.",
            ),
            summary_falc: s("Un camion avec des ordinateurs. Il vient dans votre village."),
            description: s(
                "Un espace public nomade : la mobilité s'adresse à tous les publics éloignés, \
                 dans les vallées comme dans les quartiers prioritaires. Ses arrêts de la \
                 semaine sont publiés comme des événements, avec leur lieu.",
            ),
            postal_code: s("04000"),
            city: s("Digne-les-Bains"),
            insee_code: s("04070"),
            phone: s("06 39 98 40 04"),
            website: s("https://truck-numerique.example"),
            legal_form: s("association"),
            parent_structure: s("Association Vallées connectées"),
            mobility: s("itinerant"),
            structure_types: v(&["epn"]),
            services: v(&[
                "aide-demarches-administratives",
                "maitrise-outils-numeriques",
                "acces-internet-materiel",
                "numerique--acceder-a-une-connexion-internet",
            ]),
            publics: v(&["tous-publics", "seniors", "residents-qpv-frr"]),
            fees: v(&["gratuit"]),
            access_modes: v(&["se-presenter"]),
            support_modes: v(&["accompagnement-individuel", "en-presentiel"]),
            programmes: v(&["conseillers-numeriques"]),
            ..Default::default()
        },
        notes: vec![RawNote {
            text: s(
                "Nouvelle tournée : le Truck s'arrête désormais aussi au quartier du \
                 Pigeonnier, le vendredi après-midi. Les arrêts de la semaine sont dans notre \
                 agenda.",
            ),
            text_falc: s(
                "Le camion du numérique vient maintenant aussi le vendredi au Pigeonnier.",
            ),
        }],
        events,
        services: vec![],
        showcases: vec![],
    }
}
