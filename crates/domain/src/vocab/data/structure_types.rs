//! Structure types: the data.inclusion v0 `typologies-de-structures` codes, which are also
//! the values of the MedNum `typologie` field. Slug: the code in lower case, `_` → `-`.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::StructureType);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "aci",
        label_fr: "Atelier et chantier d’insertion (ACI)",
        label_falc: "Chantier pour reprendre le travail",
        label_en: "Work integration site (ACI)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "ACI"),
            M::new(DiV0TypologiesDeStructures, "ACI"),
        ],
        ..BASE
    },
    Concept {
        slug: "aciphc",
        label_fr: "Atelier et chantier d’insertion « premières heures en chantier »",
        label_falc: "Chantier pour reprendre le travail doucement",
        label_en: "Work integration site, first hours (ACIPHC)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "ACIPHC"),
            M::new(DiV0TypologiesDeStructures, "ACIPHC"),
        ],
        ..BASE
    },
    Concept {
        slug: "afpa",
        label_fr: "Agence nationale pour la formation professionnelle des adultes (AFPA)",
        label_falc: "Centre de formation pour adultes",
        label_en: "National adult vocational training agency (AFPA)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(MednumTypologie, "AFPA"),
            M::new(DiV0TypologiesDeStructures, "AFPA"),
        ],
        ..BASE
    },
    Concept {
        slug: "ai",
        label_fr: "Association intermédiaire (AI)",
        label_falc: "Association qui propose des petits travaux",
        label_en: "Intermediary association (AI)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "AI"),
            M::new(DiV0TypologiesDeStructures, "AI"),
        ],
        ..BASE
    },
    Concept {
        slug: "ase",
        label_fr: "Aide sociale à l’enfance (ASE)",
        label_falc: "Service qui protège les enfants",
        label_en: "Child welfare services (ASE)",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "ASE"),
            M::new(DiV0TypologiesDeStructures, "ASE"),
        ],
        ..BASE
    },
    Concept {
        slug: "asso",
        label_fr: "Association",
        label_falc: "Association",
        label_en: "Association",
        pictogram: "people.svg",
        matches: &[
            M::new(MednumTypologie, "ASSO"),
            M::new(DiV0TypologiesDeStructures, "ASSO"),
        ],
        ..BASE
    },
    Concept {
        slug: "asso-chomeur",
        label_fr: "Association de chômeurs",
        label_falc: "Association de personnes sans travail",
        label_en: "Unemployed people’s association",
        pictogram: "people.svg",
        matches: &[
            M::new(MednumTypologie, "ASSO_CHOMEUR"),
            M::new(DiV0TypologiesDeStructures, "ASSO_CHOMEUR"),
        ],
        ..BASE
    },
    Concept {
        slug: "avip",
        label_fr: "Crèche à vocation d’insertion professionnelle (AVIP)",
        label_falc: "Crèche pour les parents qui cherchent un travail",
        label_en: "Childcare for job-seeking parents (AVIP)",
        pictogram: "parent-child.svg",
        matches: &[
            M::new(MednumTypologie, "AVIP"),
            M::new(DiV0TypologiesDeStructures, "AVIP"),
        ],
        ..BASE
    },
    Concept {
        slug: "autre",
        label_fr: "Autre",
        label_falc: "Autre",
        label_en: "Other",
        pictogram: "dots.svg",
        matches: &[
            M::new(MednumTypologie, "Autre"),
            M::new(DiV0TypologiesDeStructures, "Autre"),
        ],
        ..BASE
    },
    Concept {
        slug: "bib",
        label_fr: "Bibliothèque, médiathèque",
        label_falc: "Bibliothèque",
        label_en: "Library, media library",
        pictogram: "books.svg",
        matches: &[
            M::new(MednumTypologie, "BIB"),
            M::new(DiV0TypologiesDeStructures, "BIB"),
        ],
        ..BASE
    },
    Concept {
        slug: "caarud",
        label_fr: "Centre d’accueil et d’accompagnement à la réduction des risques pour usagers de drogues (CAARUD)",
        label_falc: "Lieu d’aide pour les personnes qui prennent de la drogue",
        label_en: "Harm-reduction centre for drug users (CAARUD)",
        pictogram: "health.svg",
        matches: &[
            M::new(MednumTypologie, "CAARUD"),
            M::new(DiV0TypologiesDeStructures, "CAARUD"),
        ],
        ..BASE
    },
    Concept {
        slug: "cada",
        label_fr: "Centre d’accueil de demandeurs d’asile (CADA)",
        label_falc: "Logement pour les demandeurs d’asile",
        label_en: "Reception centre for asylum seekers (CADA)",
        pictogram: "bed.svg",
        matches: &[
            M::new(MednumTypologie, "CADA"),
            M::new(DiV0TypologiesDeStructures, "CADA"),
        ],
        ..BASE
    },
    Concept {
        slug: "caf",
        label_fr: "Caisse d’allocations familiales (CAF)",
        label_falc: "La CAF : aides pour les familles",
        label_en: "Family allowance fund (CAF)",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "CAF"),
            M::new(DiV0TypologiesDeStructures, "CAF"),
        ],
        ..BASE
    },
    Concept {
        slug: "cap-emploi",
        label_fr: "Cap emploi",
        label_falc: "Aide au travail pour les personnes handicapées",
        label_en: "Cap emploi (jobs for disabled people)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(MednumTypologie, "CAP_EMPLOI"),
            M::new(DiV0TypologiesDeStructures, "CAP_EMPLOI"),
        ],
        ..BASE
    },
    Concept {
        slug: "cava",
        label_fr: "Centre d’adaptation à la vie active (CAVA)",
        label_falc: "Lieu pour reprendre une activité",
        label_en: "Centre for adaptation to working life (CAVA)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "CAVA"),
            M::new(DiV0TypologiesDeStructures, "CAVA"),
        ],
        ..BASE
    },
    Concept {
        slug: "cc",
        label_fr: "Communauté de communes",
        label_falc: "Groupe de communes",
        label_en: "Community of communes",
        pictogram: "townhall.svg",
        matches: &[
            M::new(MednumTypologie, "CC"),
            M::new(DiV0TypologiesDeStructures, "CC"),
        ],
        ..BASE
    },
    Concept {
        slug: "ccas",
        label_fr: "Centre communal d’action sociale (CCAS)",
        label_falc: "Service d’aide sociale de la mairie",
        label_en: "Municipal social action centre (CCAS)",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "CCAS"),
            M::new(DiV0TypologiesDeStructures, "CCAS"),
        ],
        ..BASE
    },
    Concept {
        slug: "ccons",
        label_fr: "Chambre consulaire (CCI, CMA, CA)",
        label_falc: "Chambre de commerce, des métiers ou d’agriculture",
        label_en: "Chamber of commerce, trades or agriculture",
        pictogram: "office.svg",
        matches: &[
            M::new(MednumTypologie, "CCONS"),
            M::new(DiV0TypologiesDeStructures, "CCONS"),
        ],
        ..BASE
    },
    Concept {
        slug: "cd",
        label_fr: "Conseil départemental (CD)",
        label_falc: "Le département",
        label_en: "Departmental council",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "CD"),
            M::new(DiV0TypologiesDeStructures, "CD"),
        ],
        ..BASE
    },
    Concept {
        slug: "cdas",
        label_fr: "Centre départemental d’action sociale (CDAS)",
        label_falc: "Service d’aide sociale du département",
        label_en: "Departmental social action centre (CDAS)",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "CDAS"),
            M::new(DiV0TypologiesDeStructures, "CDAS"),
        ],
        ..BASE
    },
    Concept {
        slug: "cfp",
        label_fr: "Centre des finances publiques (CFP)",
        label_falc: "Centre des impôts",
        label_en: "Public finance centre (tax office)",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "CFP"),
            M::new(DiV0TypologiesDeStructures, "CFP"),
        ],
        ..BASE
    },
    Concept {
        slug: "chrs",
        label_fr: "Centre d’hébergement et de réinsertion sociale (CHRS)",
        label_falc: "Logement pour reprendre pied",
        label_en: "Shelter and social reintegration centre (CHRS)",
        pictogram: "bed.svg",
        matches: &[
            M::new(MednumTypologie, "CHRS"),
            M::new(DiV0TypologiesDeStructures, "CHRS"),
        ],
        ..BASE
    },
    Concept {
        slug: "chu",
        label_fr: "Centre d’hébergement d’urgence (CHU)",
        label_falc: "Logement d’urgence",
        label_en: "Emergency shelter (CHU)",
        pictogram: "bed.svg",
        matches: &[
            M::new(MednumTypologie, "CHU"),
            M::new(DiV0TypologiesDeStructures, "CHU"),
        ],
        ..BASE
    },
    Concept {
        slug: "cias",
        label_fr: "Centre intercommunal d’action sociale (CIAS)",
        label_falc: "Service d’aide sociale de plusieurs communes",
        label_en: "Intermunicipal social action centre (CIAS)",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "CIAS"),
            M::new(DiV0TypologiesDeStructures, "CIAS"),
        ],
        ..BASE
    },
    Concept {
        slug: "cidff",
        label_fr: "Centre d’information sur les droits des femmes et des familles (CIDFF)",
        label_falc: "Informations sur les droits des femmes",
        label_en: "Women’s and families’ rights information centre (CIDFF)",
        pictogram: "scales.svg",
        matches: &[
            M::new(MednumTypologie, "CIDFF"),
            M::new(DiV0TypologiesDeStructures, "CIDFF"),
        ],
        ..BASE
    },
    Concept {
        slug: "citmet",
        label_fr: "Cité des métiers",
        label_falc: "Lieu pour découvrir les métiers",
        label_en: "Careers centre (Cité des métiers)",
        pictogram: "compass.svg",
        matches: &[
            M::new(MednumTypologie, "CITMET"),
            M::new(DiV0TypologiesDeStructures, "CITMET"),
        ],
        ..BASE
    },
    Concept {
        slug: "cmp",
        label_fr: "Centre médico-psychologique (CMP)",
        label_falc: "Centre de soins pour la santé mentale",
        label_en: "Mental health centre (CMP)",
        pictogram: "health.svg",
        matches: &[
            M::new(MednumTypologie, "CMP"),
            M::new(DiV0TypologiesDeStructures, "CMP"),
        ],
        ..BASE
    },
    Concept {
        slug: "cms",
        label_fr: "Centre médico-social (CMS)",
        label_falc: "Centre de soins et d’aide sociale",
        label_en: "Health and social centre (CMS)",
        pictogram: "health.svg",
        matches: &[
            M::new(MednumTypologie, "CMS"),
            M::new(DiV0TypologiesDeStructures, "CMS"),
        ],
        ..BASE
    },
    Concept {
        slug: "cpam",
        label_fr: "Caisse primaire d’assurance maladie (CPAM)",
        label_falc: "L’Assurance maladie",
        label_en: "Health insurance fund (CPAM)",
        pictogram: "health.svg",
        matches: &[
            M::new(MednumTypologie, "CPAM"),
            M::new(DiV0TypologiesDeStructures, "CPAM"),
        ],
        ..BASE
    },
    Concept {
        slug: "cph",
        label_fr: "Centre provisoire d’hébergement (CPH)",
        label_falc: "Logement pour les réfugiés",
        label_en: "Temporary housing centre for refugees (CPH)",
        pictogram: "bed.svg",
        matches: &[
            M::new(MednumTypologie, "CPH"),
            M::new(DiV0TypologiesDeStructures, "CPH"),
        ],
        ..BASE
    },
    Concept {
        slug: "cs",
        label_fr: "Centre social",
        label_falc: "Centre social du quartier",
        label_en: "Social centre",
        pictogram: "people.svg",
        matches: &[
            M::new(MednumTypologie, "CS"),
            M::new(DiV0TypologiesDeStructures, "CS"),
        ],
        ..BASE
    },
    Concept {
        slug: "csapa",
        label_fr: "Centre de soins, d’accompagnement et de prévention en addictologie (CSAPA)",
        label_falc: "Centre de soins contre les addictions",
        label_en: "Addiction care and prevention centre (CSAPA)",
        pictogram: "health.svg",
        matches: &[
            M::new(MednumTypologie, "CSAPA"),
            M::new(DiV0TypologiesDeStructures, "CSAPA"),
        ],
        ..BASE
    },
    Concept {
        slug: "csc",
        label_fr: "Centre socioculturel (CSC)",
        label_falc: "Centre social et culturel",
        label_en: "Socio-cultural centre",
        pictogram: "people.svg",
        matches: &[
            M::new(MednumTypologie, "CSC"),
            M::new(DiV0TypologiesDeStructures, "CSC"),
        ],
        ..BASE
    },
    Concept {
        slug: "deets",
        label_fr: "Direction de l’économie, de l’emploi, du travail et des solidarités (DEETS)",
        label_falc: "Service de l’État pour le travail",
        label_en: "State directorate for employment and solidarity (DEETS)",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "DEETS"),
            M::new(DiV0TypologiesDeStructures, "DEETS"),
        ],
        ..BASE
    },
    Concept {
        slug: "dept",
        label_fr: "Services sociaux du conseil départemental",
        label_falc: "Services sociaux du département",
        label_en: "Departmental social services",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "DEPT"),
            M::new(DiV0TypologiesDeStructures, "DEPT"),
        ],
        ..BASE
    },
    Concept {
        slug: "diplp",
        label_fr: "Délégation interministérielle à la prévention et à la lutte contre la pauvreté",
        label_falc: "Service de l’État contre la pauvreté",
        label_en: "Interministerial delegation against poverty",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "DIPLP"),
            M::new(DiV0TypologiesDeStructures, "DIPLP"),
        ],
        ..BASE
    },
    Concept {
        slug: "e2c",
        label_fr: "École de la 2e chance (E2C)",
        label_falc: "École pour reprendre des études",
        label_en: "Second chance school (E2C)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(MednumTypologie, "E2C"),
            M::new(DiV0TypologiesDeStructures, "E2C"),
        ],
        ..BASE
    },
    Concept {
        slug: "ea",
        label_fr: "Entreprise adaptée (EA)",
        label_falc: "Entreprise qui emploie des personnes handicapées",
        label_en: "Adapted company (EA)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "EA"),
            M::new(DiV0TypologiesDeStructures, "EA"),
        ],
        ..BASE
    },
    Concept {
        slug: "eatt",
        label_fr: "Entreprise adaptée de travail temporaire (EATT)",
        label_falc: "Intérim pour les personnes handicapées",
        label_en: "Adapted temporary work company (EATT)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "EATT"),
            M::new(DiV0TypologiesDeStructures, "EATT"),
        ],
        ..BASE
    },
    Concept {
        slug: "ei",
        label_fr: "Entreprise d’insertion (EI)",
        label_falc: "Entreprise pour reprendre le travail",
        label_en: "Work integration company (EI)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "EI"),
            M::new(DiV0TypologiesDeStructures, "EI"),
        ],
        ..BASE
    },
    Concept {
        slug: "eiti",
        label_fr: "Entreprise d’insertion par le travail indépendant (EITI)",
        label_falc: "Aide pour travailler à son compte",
        label_en: "Self-employment integration company (EITI)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "EITI"),
            M::new(DiV0TypologiesDeStructures, "EITI"),
        ],
        ..BASE
    },
    Concept {
        slug: "enm",
        label_fr: "Espace numérique mobile (ENM)",
        label_falc: "Bus ou camion numérique",
        label_en: "Mobile digital space (ENM)",
        pictogram: "bus.svg",
        matches: &[
            M::new(MednumTypologie, "ENM"),
            M::new(DiV0TypologiesDeStructures, "ENM"),
        ],
        ..BASE
    },
    Concept {
        slug: "epci",
        label_fr: "Intercommunalité (EPCI)",
        label_falc: "Groupe de communes",
        label_en: "Intermunicipal body (EPCI)",
        pictogram: "townhall.svg",
        matches: &[
            M::new(MednumTypologie, "EPCI"),
            M::new(DiV0TypologiesDeStructures, "EPCI"),
        ],
        ..BASE
    },
    Concept {
        slug: "epi",
        label_fr: "Espace public internet (EPI)",
        label_falc: "Lieu avec internet pour tous",
        label_en: "Public internet space (EPI)",
        pictogram: "wifi.svg",
        matches: &[
            M::new(MednumTypologie, "EPI"),
            M::new(DiV0TypologiesDeStructures, "EPI"),
        ],
        ..BASE
    },
    Concept {
        slug: "epide",
        label_fr: "Établissement pour l’insertion dans l’emploi (EPIDE)",
        label_falc: "Centre pour les jeunes qui cherchent un travail",
        label_en: "Employment integration institution (EPIDE)",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(MednumTypologie, "EPIDE"),
            M::new(DiV0TypologiesDeStructures, "EPIDE"),
        ],
        ..BASE
    },
    Concept {
        slug: "epn",
        label_fr: "Espace public numérique (EPN)",
        label_falc: "Lieu pour apprendre le numérique",
        label_en: "Public digital space (EPN)",
        pictogram: "laptop.svg",
        close: &["network/espaces-publics-numeriques"],
        matches: &[
            M::new(MednumTypologie, "EPN"),
            M::new(DiV0TypologiesDeStructures, "EPN"),
        ],
        ..BASE
    },
    Concept {
        slug: "es",
        label_fr: "Épicerie solidaire",
        label_falc: "Magasin de nourriture pas cher",
        label_en: "Social grocery",
        pictogram: "basket.svg",
        matches: &[
            M::new(MednumTypologie, "ES"),
            M::new(DiV0TypologiesDeStructures, "ES"),
        ],
        ..BASE
    },
    Concept {
        slug: "ess",
        label_fr: "Entreprise de l’économie sociale et solidaire",
        label_falc: "Entreprise solidaire",
        label_en: "Social and solidarity economy enterprise",
        pictogram: "cooperative.svg",
        matches: &[
            M::new(MednumTypologie, "ESS"),
            M::new(DiV0TypologiesDeStructures, "ESS"),
        ],
        ..BASE
    },
    Concept {
        slug: "etabl-pri",
        label_fr: "Établissement privé",
        label_falc: "Établissement privé",
        label_en: "Private institution",
        pictogram: "office.svg",
        matches: &[
            M::new(MednumTypologie, "ETABL_PRI"),
            M::new(DiV0TypologiesDeStructures, "ETABL_PRI"),
        ],
        ..BASE
    },
    Concept {
        slug: "etabl-pub",
        label_fr: "Établissement public",
        label_falc: "Établissement public",
        label_en: "Public institution",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "ETABL_PUB"),
            M::new(DiV0TypologiesDeStructures, "ETABL_PUB"),
        ],
        ..BASE
    },
    Concept {
        slug: "etat",
        label_fr: "Service de l’État",
        label_falc: "Service de l’État",
        label_en: "State service",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "ETAT"),
            M::new(DiV0TypologiesDeStructures, "ETAT"),
        ],
        ..BASE
    },
    Concept {
        slug: "etti",
        label_fr: "Entreprise de travail temporaire d’insertion (ETTI)",
        label_falc: "Intérim pour reprendre le travail",
        label_en: "Temporary work integration company (ETTI)",
        pictogram: "stairs.svg",
        matches: &[
            M::new(MednumTypologie, "ETTI"),
            M::new(DiV0TypologiesDeStructures, "ETTI"),
        ],
        ..BASE
    },
    Concept {
        slug: "evs",
        label_fr: "Espace de vie sociale (EVS)",
        label_falc: "Lieu pour se rencontrer",
        label_en: "Social life space (EVS)",
        pictogram: "people.svg",
        matches: &[
            M::new(MednumTypologie, "EVS"),
            M::new(DiV0TypologiesDeStructures, "EVS"),
        ],
        ..BASE
    },
    Concept {
        slug: "fablab",
        label_fr: "Fablab, atelier partagé",
        label_falc: "Atelier pour fabriquer ensemble",
        label_en: "Fablab, shared workshop",
        pictogram: "gear.svg",
        matches: &[
            M::new(MednumTypologie, "FABLAB"),
            M::new(DiV0TypologiesDeStructures, "FABLAB"),
        ],
        ..BASE
    },
    Concept {
        slug: "fais",
        label_fr: "Fédération d’acteurs de l’insertion et de la solidarité",
        label_falc: "Réseau d’associations d’aide",
        label_en: "Federation of integration and solidarity organisations",
        pictogram: "network.svg",
        matches: &[
            M::new(MednumTypologie, "FAIS"),
            M::new(DiV0TypologiesDeStructures, "FAIS"),
        ],
        ..BASE
    },
    Concept {
        slug: "ft",
        label_fr: "France Travail",
        label_falc: "France Travail : trouver un travail",
        label_en: "France Travail (public employment service)",
        pictogram: "briefcase.svg",
        close: &["network/france-travail"],
        matches: &[
            M::new(MednumTypologie, "FT"),
            M::new(DiV0TypologiesDeStructures, "FT"),
        ],
        ..BASE
    },
    Concept {
        slug: "geiq",
        label_fr: "Groupement d’employeurs pour l’insertion et la qualification (GEIQ)",
        label_falc: "Entreprises qui forment et embauchent",
        label_en: "Employers’ group for integration and qualification (GEIQ)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(MednumTypologie, "GEIQ"),
            M::new(DiV0TypologiesDeStructures, "GEIQ"),
        ],
        ..BASE
    },
    Concept {
        slug: "huda",
        label_fr: "Hébergement d’urgence pour demandeurs d’asile (HUDA)",
        label_falc: "Logement d’urgence pour les demandeurs d’asile",
        label_en: "Emergency shelter for asylum seekers (HUDA)",
        pictogram: "bed.svg",
        matches: &[
            M::new(MednumTypologie, "HUDA"),
            M::new(DiV0TypologiesDeStructures, "HUDA"),
        ],
        ..BASE
    },
    Concept {
        slug: "la-poste",
        label_fr: "Bureau de poste, agence postale",
        label_falc: "La Poste",
        label_en: "Post office",
        pictogram: "envelope.svg",
        matches: &[
            M::new(MednumTypologie, "LA_POSTE"),
            M::new(DiV0TypologiesDeStructures, "LA_POSTE"),
        ],
        ..BASE
    },
    Concept {
        slug: "mda",
        label_fr: "Maison départementale de l’autonomie (MDA)",
        label_falc: "Aide pour les personnes âgées ou handicapées",
        label_en: "Departmental autonomy centre (MDA)",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "MDA"),
            M::new(DiV0TypologiesDeStructures, "MDA"),
        ],
        ..BASE
    },
    Concept {
        slug: "mde",
        label_fr: "Maison de l’emploi (MDE)",
        label_falc: "Lieu pour trouver un travail",
        label_en: "Employment centre (MDE)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(MednumTypologie, "MDE"),
            M::new(DiV0TypologiesDeStructures, "MDE"),
        ],
        ..BASE
    },
    Concept {
        slug: "mdef",
        label_fr: "Maison de l’emploi et de la formation (MDEF)",
        label_falc: "Lieu pour trouver un travail ou une formation",
        label_en: "Employment and training centre (MDEF)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(MednumTypologie, "MDEF"),
            M::new(DiV0TypologiesDeStructures, "MDEF"),
        ],
        ..BASE
    },
    Concept {
        slug: "mdph",
        label_fr: "Maison départementale des personnes handicapées (MDPH)",
        label_falc: "Service pour les personnes handicapées",
        label_en: "Departmental centre for disabled people (MDPH)",
        pictogram: "wheelchair.svg",
        matches: &[
            M::new(MednumTypologie, "MDPH"),
            M::new(DiV0TypologiesDeStructures, "MDPH"),
        ],
        ..BASE
    },
    Concept {
        slug: "mds",
        label_fr: "Maison départementale des solidarités (MDS)",
        label_falc: "Maison des solidarités du département",
        label_en: "Departmental solidarity centre (MDS)",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "MDS"),
            M::new(DiV0TypologiesDeStructures, "MDS"),
        ],
        ..BASE
    },
    Concept {
        slug: "mjc",
        label_fr: "Maison des jeunes et de la culture (MJC)",
        label_falc: "Maison pour les jeunes et la culture",
        label_en: "Youth and culture centre (MJC)",
        pictogram: "people.svg",
        matches: &[
            M::new(MednumTypologie, "MJC"),
            M::new(DiV0TypologiesDeStructures, "MJC"),
        ],
        ..BASE
    },
    Concept {
        slug: "ml",
        label_fr: "Mission locale",
        label_falc: "Aide pour les jeunes de 16 à 25 ans",
        label_en: "Mission locale (youth employment)",
        pictogram: "briefcase.svg",
        close: &["network/mission-locale"],
        matches: &[
            M::new(MednumTypologie, "ML"),
            M::new(DiV0TypologiesDeStructures, "ML"),
        ],
        ..BASE
    },
    Concept {
        slug: "mq",
        label_fr: "Maison de quartier",
        label_falc: "Maison du quartier",
        label_en: "Neighbourhood centre",
        pictogram: "people.svg",
        matches: &[
            M::new(MednumTypologie, "MQ"),
            M::new(DiV0TypologiesDeStructures, "MQ"),
        ],
        ..BASE
    },
    Concept {
        slug: "msa",
        label_fr: "Mutualité sociale agricole (MSA)",
        label_falc: "Sécurité sociale des agriculteurs",
        label_en: "Agricultural social security (MSA)",
        pictogram: "health.svg",
        matches: &[
            M::new(MednumTypologie, "MSA"),
            M::new(DiV0TypologiesDeStructures, "MSA"),
        ],
        ..BASE
    },
    Concept {
        slug: "msap",
        label_fr: "Maison de services au public (MSAP)",
        label_falc: "Lieu pour faire ses démarches",
        label_en: "Public service centre (MSAP)",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "MSAP"),
            M::new(DiV0TypologiesDeStructures, "MSAP"),
        ],
        ..BASE
    },
    Concept {
        slug: "muni",
        label_fr: "Municipalité",
        label_falc: "La mairie",
        label_en: "Municipality",
        pictogram: "townhall.svg",
        matches: &[
            M::new(MednumTypologie, "MUNI"),
            M::new(DiV0TypologiesDeStructures, "MUNI"),
        ],
        ..BASE
    },
    Concept {
        slug: "oacas",
        label_fr: "Organisme d’accueil communautaire et d’activité solidaire (OACAS)",
        label_falc: "Lieu pour vivre et travailler ensemble",
        label_en: "Community hosting and solidarity activity body (OACAS)",
        pictogram: "house.svg",
        matches: &[
            M::new(MednumTypologie, "OACAS"),
            M::new(DiV0TypologiesDeStructures, "OACAS"),
        ],
        ..BASE
    },
    Concept {
        slug: "odc",
        label_fr: "Organisation délégataire d’un conseil départemental",
        label_falc: "Association qui agit pour le département",
        label_en: "Organisation delegated by a departmental council",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "ODC"),
            M::new(DiV0TypologiesDeStructures, "ODC"),
        ],
        ..BASE
    },
    Concept {
        slug: "of",
        label_fr: "Organisme de formation",
        label_falc: "Centre de formation",
        label_en: "Training organisation",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(MednumTypologie, "OF"),
            M::new(DiV0TypologiesDeStructures, "OF"),
        ],
        ..BASE
    },
    Concept {
        slug: "oil",
        label_fr: "Opérateur d’intermédiation locative",
        label_falc: "Aide pour louer un logement",
        label_en: "Rental intermediation operator",
        pictogram: "house.svg",
        matches: &[
            M::new(MednumTypologie, "OIL"),
            M::new(DiV0TypologiesDeStructures, "OIL"),
        ],
        ..BASE
    },
    Concept {
        slug: "opcs",
        label_fr: "Organisation porteuse de la clause sociale",
        label_falc: "Aide pour l’emploi dans les marchés publics",
        label_en: "Social clause facilitator",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(MednumTypologie, "OPCS"),
            M::new(DiV0TypologiesDeStructures, "OPCS"),
        ],
        ..BASE
    },
    Concept {
        slug: "pad",
        label_fr: "Point d’accès au droit (PAD)",
        label_falc: "Lieu pour connaître ses droits",
        label_en: "Legal information point (PAD)",
        pictogram: "scales.svg",
        matches: &[
            M::new(MednumTypologie, "PAD"),
            M::new(DiV0TypologiesDeStructures, "PAD"),
        ],
        ..BASE
    },
    Concept {
        slug: "pension",
        label_fr: "Pension de famille, résidence accueil",
        label_falc: "Maison pour vivre avec d’autres",
        label_en: "Boarding house, supported residence",
        pictogram: "house.svg",
        matches: &[
            M::new(MednumTypologie, "PENSION"),
            M::new(DiV0TypologiesDeStructures, "PENSION"),
        ],
        ..BASE
    },
    Concept {
        slug: "pi",
        label_fr: "Point information (PI)",
        label_falc: "Lieu pour avoir des informations",
        label_en: "Information point",
        pictogram: "info.svg",
        matches: &[
            M::new(MednumTypologie, "PI"),
            M::new(DiV0TypologiesDeStructures, "PI"),
        ],
        ..BASE
    },
    Concept {
        slug: "pij-bij",
        label_fr: "Point ou bureau information jeunesse (PIJ, BIJ)",
        label_falc: "Informations pour les jeunes",
        label_en: "Youth information point (PIJ, BIJ)",
        pictogram: "info.svg",
        matches: &[
            M::new(MednumTypologie, "PIJ_BIJ"),
            M::new(DiV0TypologiesDeStructures, "PIJ_BIJ"),
        ],
        ..BASE
    },
    Concept {
        slug: "pimms",
        label_fr: "Point information médiation multi services (PIMMS)",
        label_falc: "Lieu d’aide pour les démarches",
        label_en: "Multi-service mediation point (PIMMS)",
        pictogram: "document-pen.svg",
        matches: &[
            M::new(MednumTypologie, "PIMMS"),
            M::new(DiV0TypologiesDeStructures, "PIMMS"),
        ],
        ..BASE
    },
    Concept {
        slug: "pjj",
        label_fr: "Protection judiciaire de la jeunesse (PJJ)",
        label_falc: "Service de la justice pour les jeunes",
        label_en: "Youth judicial protection (PJJ)",
        pictogram: "scales.svg",
        matches: &[
            M::new(MednumTypologie, "PJJ"),
            M::new(DiV0TypologiesDeStructures, "PJJ"),
        ],
        ..BASE
    },
    Concept {
        slug: "plie",
        label_fr: "Plan local pour l’insertion et l’emploi (PLIE)",
        label_falc: "Aide pour retrouver un travail",
        label_en: "Local plan for integration and employment (PLIE)",
        pictogram: "briefcase.svg",
        matches: &[
            M::new(MednumTypologie, "PLIE"),
            M::new(DiV0TypologiesDeStructures, "PLIE"),
        ],
        ..BASE
    },
    Concept {
        slug: "pref",
        label_fr: "Préfecture, sous-préfecture",
        label_falc: "La préfecture",
        label_en: "Prefecture, sub-prefecture",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "PREF"),
            M::new(DiV0TypologiesDeStructures, "PREF"),
        ],
        ..BASE
    },
    Concept {
        slug: "prevention",
        label_fr: "Service ou club de prévention",
        label_falc: "Éducateurs de rue pour les jeunes",
        label_en: "Prevention service or club",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "PREVENTION"),
            M::new(DiV0TypologiesDeStructures, "PREVENTION"),
        ],
        ..BASE
    },
    Concept {
        slug: "reg",
        label_fr: "Région",
        label_falc: "La région",
        label_en: "Region",
        pictogram: "public-building.svg",
        matches: &[
            M::new(MednumTypologie, "REG"),
            M::new(DiV0TypologiesDeStructures, "REG"),
        ],
        ..BASE
    },
    Concept {
        slug: "ressourcerie",
        label_fr: "Ressourcerie",
        label_falc: "Lieu qui répare et revend des objets",
        label_en: "Reuse and repair centre",
        pictogram: "recycle.svg",
        matches: &[
            M::new(MednumTypologie, "RESSOURCERIE"),
            M::new(DiV0TypologiesDeStructures, "RESSOURCERIE"),
        ],
        ..BASE
    },
    Concept {
        slug: "rfs",
        label_fr: "Réseau France Services",
        label_falc: "France Services : aide pour les démarches",
        label_en: "France Services network",
        pictogram: "public-building.svg",
        close: &["programme/france-services"],
        matches: &[
            M::new(MednumTypologie, "RFS"),
            M::new(DiV0TypologiesDeStructures, "RFS"),
        ],
        ..BASE
    },
    Concept {
        slug: "rs-fjt",
        label_fr: "Résidence sociale, foyer de jeunes travailleurs (FJT)",
        label_falc: "Logement pour les jeunes qui travaillent",
        label_en: "Social residence, young workers’ hostel (FJT)",
        pictogram: "bed.svg",
        matches: &[
            M::new(MednumTypologie, "RS_FJT"),
            M::new(DiV0TypologiesDeStructures, "RS_FJT"),
        ],
        ..BASE
    },
    Concept {
        slug: "scp",
        label_fr: "Services et clubs de prévention",
        label_falc: "Éducateurs de rue",
        label_en: "Prevention services and clubs",
        pictogram: "hands-heart.svg",
        matches: &[
            M::new(MednumTypologie, "SCP"),
            M::new(DiV0TypologiesDeStructures, "SCP"),
        ],
        ..BASE
    },
    Concept {
        slug: "spip",
        label_fr: "Service pénitentiaire d’insertion et de probation (SPIP)",
        label_falc: "Aide pour les personnes suivies par la justice",
        label_en: "Prison integration and probation service (SPIP)",
        pictogram: "scales.svg",
        matches: &[
            M::new(MednumTypologie, "SPIP"),
            M::new(DiV0TypologiesDeStructures, "SPIP"),
        ],
        ..BASE
    },
    Concept {
        slug: "tiers-lieux",
        label_fr: "Tiers-lieu et coworking",
        label_falc: "Lieu pour travailler et se rencontrer",
        label_en: "Third place and coworking",
        pictogram: "tiers-lieu.svg",
        matches: &[
            M::new(MednumTypologie, "TIERS_LIEUX"),
            M::new(DiV0TypologiesDeStructures, "TIERS_LIEUX"),
        ],
        ..BASE
    },
    Concept {
        slug: "udaf",
        label_fr: "Union départementale des associations familiales (UDAF)",
        label_falc: "Aide pour les familles",
        label_en: "Departmental union of family associations (UDAF)",
        pictogram: "parent-child.svg",
        matches: &[
            M::new(MednumTypologie, "UDAF"),
            M::new(DiV0TypologiesDeStructures, "UDAF"),
        ],
        ..BASE
    },
];
