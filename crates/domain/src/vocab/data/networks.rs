//! Networks: data.inclusion v1 `reseaux-porteurs` (`reseaux_porteurs` of a structure) and the v0
//! `labels-nationaux` it replaced. Slug: the v1 value; v0-only entries use their v0 value, fixed
//! where upstream misspelt it (`espace-emploi-agric-arrco`, `sinca`).
//!
//! Upstream quirk: in v0 `labels-nationaux.json` the labels of `grandes-ecoles-du-numerique` and
//! `grand-test-couveuse-dentreprise` are swapped; we follow the values.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::Network);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "60000-rebonds",
        label_fr: "60 000 Rebonds",
        label_falc: "Aide aux patrons après une faillite",
        label_en: "60,000 Rebonds (after a business failure)",
        pictogram: "office.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "60000-rebonds"),
            M::new(DiV0LabelsNationaux, "60000-rebonds"),
        ],
        ..BASE
    },
    Concept {
        slug: "aci",
        label_fr: "Ateliers et chantiers d’insertion (ACI)",
        label_falc: "Chantiers pour reprendre le travail",
        label_en: "Work integration sites (ACI)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "aci")],
        ..BASE
    },
    Concept {
        slug: "action-logement",
        label_fr: "Action Logement",
        label_falc: "Aide au logement des salariés",
        label_en: "Action Logement (housing for employees)",
        pictogram: "house.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "action-logement"),
            M::new(DiV0LabelsNationaux, "action-logement"),
        ],
        ..BASE
    },
    Concept {
        slug: "adie",
        label_fr: "Adie – Association pour le droit à l’initiative économique",
        label_falc: "Petits prêts pour créer son entreprise",
        label_en: "Adie (microcredit for business creation)",
        pictogram: "hand-coin.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "adie"),
            M::new(DiV0LabelsNationaux, "adie"),
        ],
        ..BASE
    },
    Concept {
        slug: "afpa",
        label_fr: "AFPA – Agence nationale pour la formation professionnelle des adultes",
        label_falc: "Formations pour adultes",
        label_en: "AFPA (adult vocational training)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "afpa"),
            M::new(DiV0LabelsNationaux, "afpa"),
        ],
        ..BASE
    },
    Concept {
        slug: "agefiph",
        label_fr: "Agefiph",
        label_falc: "Aide à l’emploi des personnes handicapées",
        label_en: "Agefiph (employment of disabled people)",
        pictogram: "wheelchair.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "agefiph"),
            M::new(DiV0LabelsNationaux, "agefiph"),
        ],
        ..BASE
    },
    Concept {
        slug: "ai",
        label_fr: "Associations intermédiaires (AI)",
        label_falc: "Associations qui proposent des petits travaux",
        label_en: "Intermediary associations (AI)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "ai")],
        ..BASE
    },
    Concept {
        slug: "aidants-connect",
        label_fr: "Aidants Connect",
        label_falc: "Aide pour faire les démarches en ligne",
        label_en: "Aidants Connect",
        pictogram: "two-people.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "aidants-connect"),
            M::new(DiV0LabelsNationaux, "aidants-connect"),
        ],
        ..BASE
    },
    Concept {
        slug: "alliance-villes-emploi",
        label_fr: "Alliance Villes Emploi",
        label_falc: "Réseau des villes pour l’emploi",
        label_en: "Alliance Villes Emploi (local employment network)",
        pictogram: "townhall.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "alliance-villes-emploi"),
            M::new(DiV0LabelsNationaux, "alliance-villes-emploi"),
        ],
        ..BASE
    },
    Concept {
        slug: "anlci",
        label_fr: "ANLCI – Agence nationale de lutte contre l’illettrisme",
        label_falc: "Agence contre l’illettrisme",
        label_en: "National agency against illiteracy (ANLCI)",
        pictogram: "abc.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "anlci"),
            M::new(DiV0LabelsNationaux, "anlci"),
        ],
        ..BASE
    },
    Concept {
        slug: "apprentis-dauteuil",
        label_fr: "Apprentis d’Auteuil",
        label_falc: "Aide aux jeunes et aux familles",
        label_en: "Apprentis d’Auteuil (youth and families)",
        pictogram: "parent-child.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "apprentis-dauteuil"),
            M::new(DiV0LabelsNationaux, "apprentis-dauteuil"),
        ],
        ..BASE
    },
    Concept {
        slug: "ase",
        label_fr: "Aide sociale à l’enfance (ASE)",
        label_falc: "Protection des enfants",
        label_en: "Child welfare (ASE)",
        pictogram: "hands-heart.svg",
        matches: &[M::new(DiReseauxPorteurs, "ase")],
        ..BASE
    },
    Concept {
        slug: "banques-alimentaires",
        label_fr: "Banques alimentaires",
        label_falc: "Dons de nourriture",
        label_en: "Food banks",
        pictogram: "basket.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "banques-alimentaires"),
            M::new(DiV0LabelsNationaux, "banques-alimentaires"),
        ],
        ..BASE
    },
    Concept {
        slug: "caarud",
        label_fr: "Centres d’accueil et d’accompagnement à la réduction des risques pour usagers de drogues (CAARUD)",
        label_falc: "Aide pour les personnes qui prennent de la drogue",
        label_en: "Harm-reduction centres for drug users (CAARUD)",
        pictogram: "health.svg",
        matches: &[M::new(DiReseauxPorteurs, "caarud")],
        ..BASE
    },
    Concept {
        slug: "cada",
        label_fr: "Centres d’accueil de demandeurs d’asile (CADA)",
        label_falc: "Logements pour les demandeurs d’asile",
        label_en: "Reception centres for asylum seekers (CADA)",
        pictogram: "bed.svg",
        matches: &[M::new(DiReseauxPorteurs, "cada")],
        ..BASE
    },
    Concept {
        slug: "caf",
        label_fr: "Caisses d’allocations familiales (CAF)",
        label_falc: "La CAF : aides pour les familles",
        label_en: "Family allowance funds (CAF)",
        pictogram: "public-building.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "caf"),
            M::new(DiV0LabelsNationaux, "caf"),
        ],
        ..BASE
    },
    Concept {
        slug: "campus-connecte",
        label_fr: "Campus connecté",
        label_falc: "Faire des études à distance près de chez soi",
        label_en: "Campus connecté (local distance-learning hubs)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "campus-connecte"),
            M::new(DiV0LabelsNationaux, "campus-connecte"),
        ],
        ..BASE
    },
    Concept {
        slug: "cap-emploi-reseau-cheops",
        label_fr: "Cap emploi – réseau Cheops",
        label_falc: "Aide au travail pour les personnes handicapées",
        label_en: "Cap emploi – Cheops network",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "cap-emploi-reseau-cheops"),
            M::new(DiV0LabelsNationaux, "cap-emploi-reseau-cheops"),
        ],
        ..BASE
    },
    Concept {
        slug: "cava",
        label_fr: "Centres d’adaptation à la vie active (CAVA)",
        label_falc: "Lieux pour reprendre une activité",
        label_en: "Centres for adaptation to working life (CAVA)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "cava")],
        ..BASE
    },
    Concept {
        slug: "ccas-cias",
        label_fr: "Centres communaux et intercommunaux d’action sociale (CCAS, CIAS)",
        label_falc: "Services d’aide sociale des mairies",
        label_en: "Municipal social action centres (CCAS, CIAS)",
        pictogram: "hands-heart.svg",
        close: &["structure-type/ccas", "structure-type/cias"],
        matches: &[M::new(DiReseauxPorteurs, "ccas-cias")],
        ..BASE
    },
    Concept {
        slug: "chambres-consulaires",
        label_fr: "Chambres consulaires (CCI, CMA, CA)",
        label_falc: "Chambres de commerce, des métiers, d’agriculture",
        label_en: "Chambers of commerce, trades and agriculture",
        pictogram: "office.svg",
        matches: &[M::new(DiReseauxPorteurs, "chambres-consulaires")],
        ..BASE
    },
    Concept {
        slug: "chantier-ecole",
        label_fr: "Réseau Chantier École",
        label_falc: "Réseau de chantiers pour apprendre",
        label_en: "Chantier École network",
        pictogram: "stairs.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "chantier-ecole"),
            M::new(DiV0LabelsNationaux, "chantier-ecole"),
        ],
        ..BASE
    },
    Concept {
        slug: "chrs",
        label_fr: "Centres d’hébergement et de réinsertion sociale (CHRS)",
        label_falc: "Logements pour reprendre pied",
        label_en: "Shelter and reintegration centres (CHRS)",
        pictogram: "bed.svg",
        matches: &[M::new(DiReseauxPorteurs, "chrs")],
        ..BASE
    },
    Concept {
        slug: "chu",
        label_fr: "Centres d’hébergement d’urgence (CHU)",
        label_falc: "Logements d’urgence",
        label_en: "Emergency shelters (CHU)",
        pictogram: "bed.svg",
        matches: &[M::new(DiReseauxPorteurs, "chu")],
        ..BASE
    },
    Concept {
        slug: "cidff",
        label_fr: "Centres d’information sur les droits des femmes et des familles (CIDFF)",
        label_falc: "Informations sur les droits des femmes",
        label_en: "Women’s and families’ rights centres (CIDFF)",
        pictogram: "scales.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "cidff"),
            M::new(DiV0LabelsNationaux, "cidff"),
        ],
        ..BASE
    },
    Concept {
        slug: "cmp",
        label_fr: "Centres médico-psychologiques (CMP)",
        label_falc: "Centres de soins pour la santé mentale",
        label_en: "Mental health centres (CMP)",
        pictogram: "health.svg",
        matches: &[M::new(DiReseauxPorteurs, "cmp")],
        ..BASE
    },
    Concept {
        slug: "cms",
        label_fr: "Centres médico-sociaux (CMS)",
        label_falc: "Centres de soins et d’aide sociale",
        label_en: "Health and social centres (CMS)",
        pictogram: "health.svg",
        matches: &[M::new(DiReseauxPorteurs, "cms")],
        ..BASE
    },
    Concept {
        slug: "cnam",
        label_fr: "Cnam – Conservatoire national des arts et métiers",
        label_falc: "Cours pour les adultes",
        label_en: "Cnam (adult higher education)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "cnam"),
            M::new(DiV0LabelsNationaux, "cnam"),
        ],
        ..BASE
    },
    Concept {
        slug: "collectif-emploi",
        label_fr: "Collectif Emploi",
        label_falc: "Aide pour trouver un travail",
        label_en: "Collectif Emploi",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "collectif-emploi"),
            M::new(DiV0LabelsNationaux, "collectif-emploi"),
        ],
        ..BASE
    },
    Concept {
        slug: "communes",
        label_fr: "Communes et intercommunalités",
        label_falc: "Les mairies",
        label_en: "Municipalities and intermunicipal bodies",
        pictogram: "townhall.svg",
        matches: &[M::new(DiReseauxPorteurs, "communes")],
        ..BASE
    },
    Concept {
        slug: "conseillers-numeriques",
        label_fr: "Conseillers numériques",
        label_falc: "Des personnes qui aident au numérique",
        label_en: "Digital advisers (Conseillers numériques)",
        pictogram: "person-screen.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "conseillers-numeriques"),
            M::new(DiV0LabelsNationaux, "conseiller-numerique"),
        ],
        ..BASE
    },
    Concept {
        slug: "coorace",
        label_fr: "Fédération Coorace",
        label_falc: "Réseau d’entreprises solidaires",
        label_en: "Coorace federation (social economy)",
        pictogram: "network.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "coorace"),
            M::new(DiV0LabelsNationaux, "coorace"),
        ],
        ..BASE
    },
    Concept {
        slug: "cpam",
        label_fr: "Caisses primaires d’assurance maladie (CPAM)",
        label_falc: "L’Assurance maladie",
        label_en: "Health insurance funds (CPAM)",
        pictogram: "health.svg",
        matches: &[M::new(DiReseauxPorteurs, "cpam")],
        ..BASE
    },
    Concept {
        slug: "cph",
        label_fr: "Centres provisoires d’hébergement (CPH)",
        label_falc: "Logements pour les réfugiés",
        label_en: "Temporary housing centres for refugees (CPH)",
        pictogram: "bed.svg",
        matches: &[M::new(DiReseauxPorteurs, "cph")],
        ..BASE
    },
    Concept {
        slug: "creches-avip",
        label_fr: "Crèches à vocation d’insertion professionnelle (AVIP)",
        label_falc: "Crèches pour les parents qui cherchent un travail",
        label_en: "Childcare for job-seeking parents (AVIP)",
        pictogram: "parent-child.svg",
        matches: &[M::new(DiReseauxPorteurs, "creches-avip")],
        ..BASE
    },
    Concept {
        slug: "crepi",
        label_fr: "CREPI – Clubs régionaux d’entreprises partenaires de l’insertion",
        label_falc: "Clubs d’entreprises pour l’emploi",
        label_en: "CREPI (business clubs for inclusion)",
        pictogram: "office.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "crepi"),
            M::new(DiV0LabelsNationaux, "crepi"),
        ],
        ..BASE
    },
    Concept {
        slug: "cresus",
        label_fr: "Fédération Crésus",
        label_falc: "Aide quand on a trop de dettes",
        label_en: "Crésus federation (over-indebtedness)",
        pictogram: "euro.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "cresus"),
            M::new(DiV0LabelsNationaux, "cresus"),
        ],
        ..BASE
    },
    Concept {
        slug: "croix-rouge",
        label_fr: "Croix-Rouge française",
        label_falc: "La Croix-Rouge",
        label_en: "French Red Cross",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "croix-rouge"),
            M::new(DiV0LabelsNationaux, "croix-rouge"),
        ],
        ..BASE
    },
    Concept {
        slug: "csapa",
        label_fr: "Centres de soins, d’accompagnement et de prévention en addictologie (CSAPA)",
        label_falc: "Centres de soins contre les addictions",
        label_en: "Addiction care centres (CSAPA)",
        pictogram: "health.svg",
        matches: &[M::new(DiReseauxPorteurs, "csapa")],
        ..BASE
    },
    Concept {
        slug: "delegataire-conseil-departemental",
        label_fr: "Organisation délégataire d’un conseil départemental",
        label_falc: "Association qui agit pour le département",
        label_en: "Organisation delegated by a departmental council",
        pictogram: "hands-heart.svg",
        matches: &[M::new(
            DiReseauxPorteurs,
            "delegataire-conseil-departemental",
        )],
        ..BASE
    },
    Concept {
        slug: "departements",
        label_fr: "Départements et services départementaux",
        label_falc: "Le département",
        label_en: "Departments and departmental services",
        pictogram: "public-building.svg",
        matches: &[M::new(DiReseauxPorteurs, "departements")],
        ..BASE
    },
    Concept {
        slug: "duo-for-a-job",
        label_fr: "Duo for a Job",
        label_falc: "Un parrain pour trouver un travail",
        label_en: "Duo for a Job (job mentoring)",
        pictogram: "two-people.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "duo-for-a-job"),
            M::new(DiV0LabelsNationaux, "duo-for-a-job"),
        ],
        ..BASE
    },
    Concept {
        slug: "ea",
        label_fr: "Entreprises adaptées (EA)",
        label_falc: "Entreprises qui emploient des personnes handicapées",
        label_en: "Adapted companies (EA)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "ea")],
        ..BASE
    },
    Concept {
        slug: "eatt",
        label_fr: "Entreprises adaptées de travail temporaire (EATT)",
        label_falc: "Intérim pour les personnes handicapées",
        label_en: "Adapted temporary work companies (EATT)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "eatt")],
        ..BASE
    },
    Concept {
        slug: "ecoles-de-la-deuxieme-chance",
        label_fr: "Écoles de la 2e chance (E2C)",
        label_falc: "Écoles pour reprendre des études",
        label_en: "Second chance schools (E2C)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "ecoles-de-la-deuxieme-chance"),
            M::new(DiV0LabelsNationaux, "ecoles-de-la-deuxieme-chance"),
        ],
        ..BASE
    },
    Concept {
        slug: "egee",
        label_fr: "Association EGEE",
        label_falc: "Des retraités aident à trouver un travail",
        label_en: "EGEE (retired volunteers for employment)",
        pictogram: "two-people.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "egee"),
            M::new(DiV0LabelsNationaux, "egee"),
        ],
        ..BASE
    },
    Concept {
        slug: "ei",
        label_fr: "Entreprises d’insertion (EI)",
        label_falc: "Entreprises pour reprendre le travail",
        label_en: "Work integration companies (EI)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "ei")],
        ..BASE
    },
    Concept {
        slug: "eiti",
        label_fr: "Entreprises d’insertion par le travail indépendant (EITI)",
        label_falc: "Aide pour travailler à son compte",
        label_en: "Self-employment integration companies (EITI)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "eiti")],
        ..BASE
    },
    Concept {
        slug: "emmaus",
        label_fr: "Emmaüs",
        label_falc: "Emmaüs : aide et objets d’occasion",
        label_en: "Emmaüs",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "emmaus"),
            M::new(DiV0LabelsNationaux, "emmaus"),
        ],
        ..BASE
    },
    Concept {
        slug: "epide",
        label_fr: "EPIDE – Établissement pour l’insertion dans l’emploi",
        label_falc: "Centres pour les jeunes qui cherchent un travail",
        label_en: "EPIDE (youth employment centres)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "epide"),
            M::new(DiV0LabelsNationaux, "epide"),
        ],
        ..BASE
    },
    Concept {
        slug: "esat",
        label_fr: "Établissements et services d’accompagnement par le travail (ESAT)",
        label_falc: "Travail adapté aux personnes handicapées",
        label_en: "Sheltered work establishments (ESAT)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "esat")],
        ..BASE
    },
    Concept {
        slug: "espaces-publics-numeriques",
        label_fr: "Espaces publics numériques (EPN)",
        label_falc: "Lieux pour apprendre le numérique",
        label_en: "Public digital spaces (EPN)",
        pictogram: "laptop.svg",
        close: &["structure-type/epn"],
        matches: &[M::new(DiReseauxPorteurs, "espaces-publics-numeriques")],
        ..BASE
    },
    Concept {
        slug: "etcld",
        label_fr: "Expérimentation territoriale contre le chômage de longue durée",
        label_falc: "Territoires contre le chômage",
        label_en: "Territorial experiment against long-term unemployment",
        pictogram: "map-pin.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "etcld"),
            M::new(DiV0LabelsNationaux, "etcld"),
        ],
        ..BASE
    },
    Concept {
        slug: "etti",
        label_fr: "Entreprises de travail temporaire d’insertion (ETTI)",
        label_falc: "Intérim pour reprendre le travail",
        label_en: "Temporary work integration companies (ETTI)",
        pictogram: "stairs.svg",
        matches: &[M::new(DiReseauxPorteurs, "etti")],
        ..BASE
    },
    Concept {
        slug: "fabrique-de-territoire",
        label_fr: "Fabriques de territoire",
        label_falc: "Tiers-lieux soutenus par l’État",
        label_en: "Fabriques de territoire (state-backed third places)",
        pictogram: "tiers-lieu.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "fabrique-de-territoire"),
            M::new(DiV0LabelsNationaux, "fabrique-de-territoire"),
        ],
        ..BASE
    },
    Concept {
        slug: "face",
        label_fr: "Fondation FACE",
        label_falc: "Des entreprises contre l’exclusion",
        label_en: "FACE foundation (businesses against exclusion)",
        pictogram: "office.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "face"),
            M::new(DiV0LabelsNationaux, "face"),
        ],
        ..BASE
    },
    Concept {
        slug: "fcsf",
        label_fr: "Fédération des centres sociaux et socioculturels de France",
        label_falc: "Réseau des centres sociaux",
        label_en: "Federation of social and socio-cultural centres",
        pictogram: "people.svg",
        matches: &[M::new(DiReseauxPorteurs, "fcsf")],
        ..BASE
    },
    Concept {
        slug: "federation-des-acteurs-de-la-solidarite",
        label_fr: "Fédération des acteurs de la solidarité",
        label_falc: "Réseau d’associations d’aide",
        label_en: "Federation of solidarity actors",
        pictogram: "network.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "federation-des-acteurs-de-la-solidarite"),
            M::new(
                DiV0LabelsNationaux,
                "federation-des-acteurs-de-la-solidarite",
            ),
        ],
        ..BASE
    },
    Concept {
        slug: "federation-professionnelle-femmes",
        label_fr: "Fédération professionnelle pour les femmes",
        label_falc: "Réseau pour le travail des femmes",
        label_en: "Professional federation for women",
        pictogram: "woman.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "federation-professionnelle-femmes"),
            M::new(DiV0LabelsNationaux, "fede-pro-fem"),
        ],
        ..BASE
    },
    Concept {
        slug: "france-active",
        label_fr: "France Active",
        label_falc: "Aide pour financer son entreprise",
        label_en: "France Active (funding for social entrepreneurs)",
        pictogram: "hand-coin.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "france-active"),
            M::new(DiV0LabelsNationaux, "france-active"),
        ],
        ..BASE
    },
    Concept {
        slug: "france-service",
        label_fr: "France Services",
        label_falc: "France Services : aide pour les démarches",
        label_en: "France Services",
        pictogram: "public-building.svg",
        close: &["structure-type/rfs"],
        matches: &[
            M::new(DiReseauxPorteurs, "france-service"),
            M::new(DiV0LabelsNationaux, "france-service"),
        ],
        ..BASE
    },
    Concept {
        slug: "france-travail",
        label_fr: "France Travail",
        label_falc: "France Travail : trouver un travail",
        label_en: "France Travail (public employment service)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "france-travail"),
            M::new(DiV0LabelsNationaux, "france-travail"),
        ],
        ..BASE
    },
    Concept {
        slug: "french-tech",
        label_fr: "French Tech",
        label_falc: "Réseau des jeunes entreprises du numérique",
        label_en: "French Tech (start-up network)",
        pictogram: "office.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "french-tech"),
            M::new(DiV0LabelsNationaux, "french-tech"),
        ],
        ..BASE
    },
    Concept {
        slug: "geiq",
        label_fr: "Groupements d’employeurs pour l’insertion et la qualification (GEIQ)",
        label_falc: "Entreprises qui forment et embauchent",
        label_en: "Employers’ groups for integration and qualification (GEIQ)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "geiq"),
            M::new(DiV0LabelsNationaux, "geiq"),
        ],
        ..BASE
    },
    Concept {
        slug: "grandes-ecoles-du-numerique",
        label_fr: "Grande École du numérique",
        label_falc: "Formations aux métiers du numérique",
        label_en: "Grande École du numérique (digital training)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "grandes-ecoles-du-numerique"),
            M::new(DiV0LabelsNationaux, "grandes-ecoles-du-numerique"),
        ],
        ..BASE
    },
    Concept {
        slug: "huda",
        label_fr: "Hébergement d’urgence pour demandeurs d’asile (HUDA)",
        label_falc: "Logements d’urgence pour les demandeurs d’asile",
        label_en: "Emergency shelter for asylum seekers (HUDA)",
        pictogram: "bed.svg",
        matches: &[M::new(DiReseauxPorteurs, "huda")],
        ..BASE
    },
    Concept {
        slug: "hup",
        label_fr: "Association H’Up",
        label_falc: "Aide aux entrepreneurs handicapés",
        label_en: "H’Up (disabled entrepreneurs)",
        pictogram: "wheelchair.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "hup"),
            M::new(DiV0LabelsNationaux, "hup"),
        ],
        ..BASE
    },
    Concept {
        slug: "inae",
        label_fr: "INAÉ Nouvelle-Aquitaine",
        label_falc: "Réseau de l’insertion en Nouvelle-Aquitaine",
        label_en: "INAÉ (integration network, Nouvelle-Aquitaine)",
        pictogram: "network.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "inae"),
            M::new(DiV0LabelsNationaux, "inae"),
        ],
        ..BASE
    },
    Concept {
        slug: "initiative-france",
        label_fr: "Initiative France",
        label_falc: "Prêts pour créer son entreprise",
        label_en: "Initiative France (business creation loans)",
        pictogram: "hand-coin.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "initiative-france"),
            M::new(DiV0LabelsNationaux, "initiative-france"),
        ],
        ..BASE
    },
    Concept {
        slug: "konexio",
        label_fr: "Association Konexio",
        label_falc: "Formations au numérique",
        label_en: "Konexio (digital inclusion training)",
        pictogram: "laptop.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "konexio"),
            M::new(DiV0LabelsNationaux, "konexio"),
        ],
        ..BASE
    },
    Concept {
        slug: "la-cravate-solidaire",
        label_fr: "La Cravate Solidaire",
        label_falc: "Vêtements et conseils pour les entretiens",
        label_en: "La Cravate Solidaire (clothes for job interviews)",
        pictogram: "shirt.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "la-cravate-solidaire"),
            M::new(DiV0LabelsNationaux, "la-cravate-solidaire"),
        ],
        ..BASE
    },
    Concept {
        slug: "la-poste",
        label_fr: "La Poste",
        label_falc: "La Poste",
        label_en: "La Poste (postal service)",
        pictogram: "envelope.svg",
        matches: &[M::new(DiReseauxPorteurs, "la-poste")],
        ..BASE
    },
    Concept {
        slug: "les-premieres",
        label_fr: "Les Premières",
        label_falc: "Aide aux femmes qui créent leur entreprise",
        label_en: "Les Premières (women entrepreneurs)",
        pictogram: "woman.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "les-premieres"),
            M::new(DiV0LabelsNationaux, "les-premieres"),
        ],
        ..BASE
    },
    Concept {
        slug: "maison-departementale-de-lautonomie",
        label_fr: "Maisons départementales de l’autonomie (MDA)",
        label_falc: "Aide pour les personnes âgées ou handicapées",
        label_en: "Departmental autonomy centres (MDA)",
        pictogram: "hands-heart.svg",
        matches: &[M::new(
            DiReseauxPorteurs,
            "maison-departementale-de-lautonomie",
        )],
        ..BASE
    },
    Concept {
        slug: "maisons-de-l-emploi",
        label_fr: "Maisons de l’emploi",
        label_falc: "Lieux pour trouver un travail",
        label_en: "Employment centres",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "maisons-de-l-emploi"),
            M::new(DiV0LabelsNationaux, "maisons-de-lemploi"),
        ],
        ..BASE
    },
    Concept {
        slug: "maisons-des-solidarites",
        label_fr: "Maisons départementales des solidarités (MDS)",
        label_falc: "Services d’aide sociale du département",
        label_en: "Departmental solidarity centres (MDS)",
        pictogram: "hands-heart.svg",
        matches: &[M::new(DiReseauxPorteurs, "maisons-des-solidarites")],
        ..BASE
    },
    Concept {
        slug: "mdph",
        label_fr: "Maisons départementales des personnes handicapées (MDPH)",
        label_falc: "Service pour les personnes handicapées",
        label_en: "Departmental centres for disabled people (MDPH)",
        pictogram: "wheelchair.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "mdph"),
            M::new(DiV0LabelsNationaux, "mdph"),
        ],
        ..BASE
    },
    Concept {
        slug: "mission-locale",
        label_fr: "Missions locales",
        label_falc: "Aide pour les jeunes de 16 à 25 ans",
        label_en: "Missions locales (youth employment)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "mission-locale"),
            M::new(DiV0LabelsNationaux, "mission-locale"),
        ],
        ..BASE
    },
    Concept {
        slug: "mjc",
        label_fr: "Maisons des jeunes et de la culture (MJC)",
        label_falc: "Maisons pour les jeunes et la culture",
        label_en: "Youth and culture centres (MJC)",
        pictogram: "people.svg",
        matches: &[M::new(DiReseauxPorteurs, "mjc")],
        ..BASE
    },
    Concept {
        slug: "mobin",
        label_fr: "Mob’In",
        label_falc: "Réseau pour aider à se déplacer",
        label_en: "Mob’In (mobility network)",
        pictogram: "car.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "mobin"),
            M::new(DiV0LabelsNationaux, "mobin"),
        ],
        ..BASE
    },
    Concept {
        slug: "msap",
        label_fr: "Maisons de services au public (MSAP)",
        label_falc: "Lieux pour faire ses démarches",
        label_en: "Public service centres (MSAP)",
        pictogram: "public-building.svg",
        matches: &[M::new(DiReseauxPorteurs, "msap")],
        ..BASE
    },
    Concept {
        slug: "mutualite-sociale-agricole",
        label_fr: "Mutualité sociale agricole (MSA)",
        label_falc: "Sécurité sociale des agriculteurs",
        label_en: "Agricultural social security (MSA)",
        pictogram: "health.svg",
        matches: &[M::new(DiReseauxPorteurs, "mutualite-sociale-agricole")],
        ..BASE
    },
    Concept {
        slug: "nqt",
        label_fr: "Association NQT",
        label_falc: "Un parrain pour les jeunes diplômés",
        label_en: "NQT (mentoring young graduates)",
        pictogram: "two-people.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "nqt"),
            M::new(DiV0LabelsNationaux, "nqt"),
        ],
        ..BASE
    },
    Concept {
        slug: "pimms-mediation",
        label_fr: "Points information médiation multi services (PIMMS)",
        label_falc: "Lieux d’aide pour les démarches",
        label_en: "Multi-service mediation points (PIMMS)",
        pictogram: "document-pen.svg",
        matches: &[M::new(DiReseauxPorteurs, "pimms-mediation")],
        ..BASE
    },
    Concept {
        slug: "pjj",
        label_fr: "Protection judiciaire de la jeunesse (PJJ)",
        label_falc: "Service de la justice pour les jeunes",
        label_en: "Youth judicial protection (PJJ)",
        pictogram: "scales.svg",
        matches: &[M::new(DiReseauxPorteurs, "pjj")],
        ..BASE
    },
    Concept {
        slug: "plie",
        label_fr: "Plans locaux pour l’insertion et l’emploi (PLIE)",
        label_falc: "Aide pour retrouver un travail",
        label_en: "Local plans for integration and employment (PLIE)",
        pictogram: "briefcase.svg",
        matches: &[M::new(DiReseauxPorteurs, "plie")],
        ..BASE
    },
    Concept {
        slug: "points-conseil-budget",
        label_fr: "Points conseil budget",
        label_falc: "Aide pour gérer son argent",
        label_en: "Budget advice points",
        pictogram: "euro.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "points-conseil-budget"),
            M::new(DiV0LabelsNationaux, "point-conseil-budget"),
        ],
        ..BASE
    },
    Concept {
        slug: "points-justice",
        label_fr: "Points justice",
        label_falc: "Lieux pour connaître ses droits",
        label_en: "Justice information points",
        pictogram: "scales.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "points-justice"),
            M::new(DiV0LabelsNationaux, "point-justice"),
        ],
        ..BASE
    },
    Concept {
        slug: "positive-planet",
        label_fr: "Positive Planet",
        label_falc: "Aide pour créer son entreprise dans les quartiers",
        label_en: "Positive Planet (entrepreneurship in deprived areas)",
        pictogram: "office.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "positive-planet"),
            M::new(DiV0LabelsNationaux, "positive-planet"),
        ],
        ..BASE
    },
    Concept {
        slug: "regions",
        label_fr: "Régions, préfectures et services régionaux",
        label_falc: "La région et la préfecture",
        label_en: "Regions, prefectures and regional services",
        pictogram: "public-building.svg",
        matches: &[M::new(DiReseauxPorteurs, "regions")],
        ..BASE
    },
    Concept {
        slug: "reseau-app",
        label_fr: "Réseau des ateliers de pédagogie personnalisée (APP)",
        label_falc: "Cours adaptés à chacun",
        label_en: "APP network (personalised learning workshops)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "reseau-app"),
            M::new(DiV0LabelsNationaux, "reseau-app"),
        ],
        ..BASE
    },
    Concept {
        slug: "reseau-bge",
        label_fr: "Réseau BGE",
        label_falc: "Aide pour créer son entreprise",
        label_en: "BGE network (business creation support)",
        pictogram: "shop.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "reseau-bge"),
            M::new(DiV0LabelsNationaux, "bge"),
        ],
        ..BASE
    },
    Concept {
        slug: "reseau-entreprendre",
        label_fr: "Réseau Entreprendre",
        label_falc: "Des patrons aident les nouveaux patrons",
        label_en: "Réseau Entreprendre (entrepreneur mentoring)",
        pictogram: "shop.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "reseau-entreprendre"),
            M::new(DiV0LabelsNationaux, "reseau-entreprendre"),
        ],
        ..BASE
    },
    Concept {
        slug: "reseau-information-jeunesse",
        label_fr: "Réseau Information Jeunesse",
        label_falc: "Informations pour les jeunes",
        label_en: "Youth information network",
        pictogram: "info.svg",
        matches: &[M::new(DiReseauxPorteurs, "reseau-information-jeunesse")],
        ..BASE
    },
    Concept {
        slug: "residences-fjt",
        label_fr: "Résidences sociales, foyers de jeunes travailleurs (FJT)",
        label_falc: "Logements pour les jeunes qui travaillent",
        label_en: "Young workers’ hostels (FJT)",
        pictogram: "bed.svg",
        matches: &[M::new(DiReseauxPorteurs, "residences-fjt")],
        ..BASE
    },
    Concept {
        slug: "ressourceries",
        label_fr: "Ressourceries",
        label_falc: "Lieux qui réparent et revendent des objets",
        label_en: "Reuse and repair centres",
        pictogram: "recycle.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "ressourceries"),
            M::new(DiV0LabelsNationaux, "ressourceries"),
            M::new(DiV0LabelsNationaux, "la-ressourcerie"),
        ],
        ..BASE
    },
    Concept {
        slug: "restos-du-coeur",
        label_fr: "Restos du cœur",
        label_falc: "Repas et aide pour manger",
        label_en: "Restos du Cœur (food aid)",
        pictogram: "cutlery.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "restos-du-coeur"),
            M::new(DiV0LabelsNationaux, "restos-du-coeur"),
        ],
        ..BASE
    },
    Concept {
        slug: "secours-populaire",
        label_fr: "Secours populaire",
        label_falc: "Aide pour les personnes en difficulté",
        label_en: "Secours populaire (charity)",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "secours-populaire"),
            M::new(DiV0LabelsNationaux, "secours-populaire"),
        ],
        ..BASE
    },
    Concept {
        slug: "siao",
        label_fr: "Services intégrés d’accueil et d’orientation (SIAO)",
        label_falc: "Le 115 : trouver un logement d’urgence",
        label_en: "Integrated reception and referral services (SIAO)",
        pictogram: "bed.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "siao"),
            M::new(DiV0LabelsNationaux, "siao"),
        ],
        ..BASE
    },
    Concept {
        slug: "simplon",
        label_fr: "Simplon",
        label_falc: "Formations aux métiers du numérique",
        label_en: "Simplon (digital skills training)",
        pictogram: "laptop.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "simplon"),
            M::new(DiV0LabelsNationaux, "simplon"),
        ],
        ..BASE
    },
    Concept {
        slug: "singa",
        label_fr: "Association Singa",
        label_falc: "Aide aux personnes réfugiées",
        label_en: "SINGA (refugee inclusion)",
        pictogram: "globe.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "singa"),
            M::new(DiV0LabelsNationaux, "sinca"),
        ],
        ..BASE
    },
    Concept {
        slug: "snc",
        label_fr: "Solidarités nouvelles face au chômage (SNC)",
        label_falc: "Aide aux personnes sans travail",
        label_en: "Solidarités nouvelles face au chômage (SNC)",
        pictogram: "two-people.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "snc"),
            M::new(DiV0LabelsNationaux, "snc"),
        ],
        ..BASE
    },
    Concept {
        slug: "spip",
        label_fr: "Services pénitentiaires d’insertion et de probation (SPIP)",
        label_falc: "Aide pour les personnes suivies par la justice",
        label_en: "Prison integration and probation services (SPIP)",
        pictogram: "scales.svg",
        matches: &[M::new(DiReseauxPorteurs, "spip")],
        ..BASE
    },
    Concept {
        slug: "tous-tes-possibles",
        label_fr: "Tous Tes Possibles",
        label_falc: "Aide pour changer de métier",
        label_en: "Tous Tes Possibles (career change)",
        pictogram: "compass.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "tous-tes-possibles"),
            M::new(DiV0LabelsNationaux, "tous-tes-possible"),
        ],
        ..BASE
    },
    Concept {
        slug: "unaf",
        label_fr: "Union nationale des associations familiales (UNAF)",
        label_falc: "Réseau pour les familles",
        label_en: "National union of family associations (UNAF)",
        pictogram: "parent-child.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "unaf"),
            M::new(DiV0LabelsNationaux, "unaf"),
        ],
        ..BASE
    },
    Concept {
        slug: "unea",
        label_fr: "Union nationale des entreprises adaptées (UNEA)",
        label_falc: "Réseau des entreprises adaptées",
        label_en: "National union of adapted companies (UNEA)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "unea"),
            M::new(DiV0LabelsNationaux, "unea"),
        ],
        ..BASE
    },
    Concept {
        slug: "unis-cite",
        label_fr: "Unis-Cité",
        label_falc: "Service civique pour les jeunes",
        label_en: "Unis-Cité (youth civic service)",
        pictogram: "young.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "unis-cite"),
            M::new(DiV0LabelsNationaux, "unis-cite"),
        ],
        ..BASE
    },
    Concept {
        slug: "wimoov",
        label_fr: "Wimoov",
        label_falc: "Aide pour se déplacer",
        label_en: "Wimoov (inclusive mobility)",
        pictogram: "car.svg",
        matches: &[
            M::new(DiReseauxPorteurs, "wimoov"),
            M::new(DiV0LabelsNationaux, "wimoov"),
        ],
        ..BASE
    },
    Concept {
        slug: "apec",
        label_fr: "Apec – Association pour l’emploi des cadres",
        label_falc: "Aide au travail pour les cadres",
        label_en: "Apec (executive employment)",
        pictogram: "briefcase.svg",
        matches: &[M::new(DiV0LabelsNationaux, "apec")],
        ..BASE
    },
    Concept {
        slug: "apels",
        label_fr: "APELS – Agence pour l’éducation par le sport",
        label_falc: "Le sport pour aider les jeunes",
        label_en: "APELS (education through sport)",
        pictogram: "ball.svg",
        matches: &[M::new(DiV0LabelsNationaux, "apels")],
        ..BASE
    },
    Concept {
        slug: "aptic",
        label_fr: "APTIC (pass numérique)",
        label_falc: "Chèques pour apprendre le numérique",
        label_en: "APTIC (digital skills vouchers)",
        pictogram: "laptop.svg",
        matches: &[M::new(DiV0LabelsNationaux, "aptic")],
        ..BASE
    },
    Concept {
        slug: "cci",
        label_fr: "Chambres de commerce et d’industrie (CCI)",
        label_falc: "Chambre de commerce",
        label_en: "Chambers of commerce and industry (CCI)",
        pictogram: "office.svg",
        broader: Some("chambres-consulaires"),
        matches: &[M::new(DiV0LabelsNationaux, "cci")],
        ..BASE
    },
    Concept {
        slug: "dihal",
        label_fr: "Délégation interministérielle à l’hébergement et à l’accès au logement (DIHAL)",
        label_falc: "Service de l’État pour le logement",
        label_en: "Interministerial delegation for housing (DIHAL)",
        pictogram: "house.svg",
        matches: &[M::new(DiV0LabelsNationaux, "dihal")],
        ..BASE
    },
    Concept {
        slug: "envie",
        label_fr: "Envie",
        label_falc: "Répare et revend l’électroménager",
        label_en: "Envie (appliance repair and reuse)",
        pictogram: "recycle.svg",
        matches: &[M::new(DiV0LabelsNationaux, "envie")],
        ..BASE
    },
    Concept {
        slug: "espace-emploi-agirc-arrco",
        label_fr: "Espace Emploi Agirc-Arrco",
        label_falc: "Aide pour trouver un travail",
        label_en: "Agirc-Arrco employment space",
        pictogram: "briefcase.svg",
        matches: &[M::new(DiV0LabelsNationaux, "espace-emploi-agric-arrco")],
        ..BASE
    },
    Concept {
        slug: "federation-des-entreprises-dinsertion",
        label_fr: "Fédération des entreprises d’insertion",
        label_falc: "Réseau des entreprises d’insertion",
        label_en: "Federation of work integration companies",
        pictogram: "network.svg",
        close: &["network/ei"],
        matches: &[M::new(
            DiV0LabelsNationaux,
            "federation-des-entreprises-dinsertion",
        )],
        ..BASE
    },
    Concept {
        slug: "force-femmes",
        label_fr: "Force Femmes",
        label_falc: "Aide au travail des femmes de plus de 45 ans",
        label_en: "Force Femmes (women over 45)",
        pictogram: "woman.svg",
        matches: &[M::new(DiV0LabelsNationaux, "force-femmes")],
        ..BASE
    },
    Concept {
        slug: "grand-test-couveuse-dentreprise",
        label_fr: "Grand Test, couveuse d’entreprises",
        label_falc: "Tester son entreprise avant de la créer",
        label_en: "Grand Test (business incubator)",
        pictogram: "shop.svg",
        matches: &[M::new(
            DiV0LabelsNationaux,
            "grand-test-couveuse-dentreprise",
        )],
        ..BASE
    },
    Concept {
        slug: "linklusion",
        label_fr: "Linklusion",
        label_falc: "Des entreprises achètent solidaire",
        label_en: "Linklusion (inclusive purchasing)",
        pictogram: "office.svg",
        matches: &[M::new(DiV0LabelsNationaux, "linklusion")],
        ..BASE
    },
    Concept {
        slug: "proxite",
        label_fr: "Proxité",
        label_falc: "Un parrain pour les jeunes des quartiers",
        label_en: "Proxité (youth mentoring)",
        pictogram: "two-people.svg",
        matches: &[M::new(DiV0LabelsNationaux, "proxite")],
        ..BASE
    },
    Concept {
        slug: "scconseil",
        label_fr: "SC Conseil",
        label_falc: "SC Conseil",
        label_en: "SC Conseil",
        pictogram: "network.svg",
        matches: &[M::new(DiV0LabelsNationaux, "scconseil")],
        ..BASE
    },
    Concept {
        slug: "sport-dans-la-ville",
        label_fr: "Sport dans la Ville",
        label_falc: "Le sport pour aider les jeunes",
        label_en: "Sport dans la Ville (youth through sport)",
        pictogram: "ball.svg",
        matches: &[M::new(DiV0LabelsNationaux, "sport-dans-la-ville")],
        ..BASE
    },
    Concept {
        slug: "tzcld",
        label_fr: "Territoires zéro chômeur de longue durée (TZCLD)",
        label_falc: "Territoires zéro chômeur",
        label_en: "Zero long-term unemployment territories (TZCLD)",
        pictogram: "map-pin.svg",
        close: &["network/etcld"],
        matches: &[M::new(DiV0LabelsNationaux, "tzcld")],
        ..BASE
    },
    Concept {
        slug: "unai",
        label_fr: "Union nationale des associations intermédiaires (UNAI)",
        label_falc: "Réseau des associations intermédiaires",
        label_en: "National union of intermediary associations (UNAI)",
        pictogram: "network.svg",
        close: &["network/ai"],
        matches: &[M::new(DiV0LabelsNationaux, "unai")],
        ..BASE
    },
    Concept {
        slug: "unccas",
        label_fr: "Union nationale des centres communaux d’action sociale (UNCCAS)",
        label_falc: "Réseau des CCAS",
        label_en: "National union of municipal social action centres (UNCCAS)",
        pictogram: "network.svg",
        close: &["network/ccas-cias"],
        matches: &[M::new(DiV0LabelsNationaux, "unccas")],
        ..BASE
    },
];
