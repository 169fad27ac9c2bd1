//! Legal forms of a place's organisation (Galaxie's own list; no national enumeration
//! to match).

use crate::vocab::{Concept, Scheme};

const BASE: Concept = Concept::base(Scheme::LegalForm);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "association",
        label_fr: "Association loi 1901",
        label_falc: "Association",
        label_en: "Non-profit association (1901 law)",
        pictogram: "people.svg",
        ..BASE
    },
    Concept {
        slug: "association-reconnue-utilite-publique",
        label_fr: "Association reconnue d’utilité publique",
        label_falc: "Association reconnue par l’État",
        label_en: "Association recognised as of public utility",
        pictogram: "people.svg",
        broader: Some("association"),
        ..BASE
    },
    Concept {
        slug: "association-droit-local",
        label_fr: "Association de droit local (Alsace-Moselle)",
        label_falc: "Association en Alsace ou en Moselle",
        label_en: "Local-law association (Alsace-Moselle)",
        pictogram: "people.svg",
        broader: Some("association"),
        ..BASE
    },
    Concept {
        slug: "collectif-informel",
        label_fr: "Collectif sans statut juridique",
        label_falc: "Groupe de personnes sans statut",
        label_en: "Informal collective",
        pictogram: "people.svg",
        ..BASE
    },
    Concept {
        slug: "fondation",
        label_fr: "Fondation",
        label_falc: "Fondation",
        label_en: "Foundation",
        pictogram: "hands-heart.svg",
        ..BASE
    },
    Concept {
        slug: "fonds-de-dotation",
        label_fr: "Fonds de dotation",
        label_falc: "Fonds qui reçoit des dons",
        label_en: "Endowment fund",
        pictogram: "hand-coin.svg",
        ..BASE
    },
    Concept {
        slug: "cooperative",
        label_fr: "Coopérative",
        label_falc: "Coopérative : les membres décident ensemble",
        label_en: "Cooperative",
        pictogram: "cooperative.svg",
        ..BASE
    },
    Concept {
        slug: "scic",
        label_fr: "Société coopérative d’intérêt collectif (SCIC)",
        label_falc: "Coopérative avec habitants, salariés et partenaires",
        label_en: "Collective-interest cooperative (SCIC)",
        pictogram: "cooperative.svg",
        broader: Some("cooperative"),
        ..BASE
    },
    Concept {
        slug: "scop",
        label_fr: "Société coopérative et participative (SCOP)",
        label_falc: "Coopérative dirigée par les salariés",
        label_en: "Worker cooperative (SCOP)",
        pictogram: "cooperative.svg",
        broader: Some("cooperative"),
        ..BASE
    },
    Concept {
        slug: "cae",
        label_fr: "Coopérative d’activité et d’emploi (CAE)",
        label_falc: "Coopérative pour travailler à son compte",
        label_en: "Business and employment cooperative (CAE)",
        pictogram: "cooperative.svg",
        broader: Some("cooperative"),
        ..BASE
    },
    Concept {
        slug: "sas",
        label_fr: "Société par actions simplifiée (SAS, SASU)",
        label_falc: "Entreprise (SAS)",
        label_en: "Simplified joint-stock company (SAS, SASU)",
        pictogram: "office.svg",
        ..BASE
    },
    Concept {
        slug: "sarl",
        label_fr: "Société à responsabilité limitée (SARL, EURL)",
        label_falc: "Entreprise (SARL)",
        label_en: "Limited liability company (SARL, EURL)",
        pictogram: "office.svg",
        ..BASE
    },
    Concept {
        slug: "sa",
        label_fr: "Société anonyme (SA)",
        label_falc: "Entreprise (SA)",
        label_en: "Public limited company (SA)",
        pictogram: "office.svg",
        ..BASE
    },
    Concept {
        slug: "sem",
        label_fr: "Société d’économie mixte (SEM)",
        label_falc: "Entreprise de collectivités et de partenaires",
        label_en: "Semi-public company (SEM)",
        pictogram: "office.svg",
        ..BASE
    },
    Concept {
        slug: "entrepreneur-individuel",
        label_fr: "Entrepreneur individuel",
        label_falc: "Personne qui travaille à son compte",
        label_en: "Sole trader",
        pictogram: "person.svg",
        ..BASE
    },
    Concept {
        slug: "micro-entrepreneur",
        label_fr: "Micro-entrepreneur (auto-entrepreneur)",
        label_falc: "Auto-entrepreneur",
        label_en: "Micro-entrepreneur (auto-entrepreneur)",
        pictogram: "person.svg",
        broader: Some("entrepreneur-individuel"),
        ..BASE
    },
    Concept {
        slug: "commune",
        label_fr: "Commune",
        label_falc: "La mairie",
        label_en: "Municipality (commune)",
        pictogram: "townhall.svg",
        ..BASE
    },
    Concept {
        slug: "epci",
        label_fr: "Établissement public de coopération intercommunale (EPCI)",
        label_falc: "Groupe de communes",
        label_en: "Intermunicipal cooperation body (EPCI)",
        pictogram: "townhall.svg",
        ..BASE
    },
    Concept {
        slug: "syndicat-mixte",
        label_fr: "Syndicat mixte",
        label_falc: "Groupe de collectivités",
        label_en: "Joint authority (syndicat mixte)",
        pictogram: "townhall.svg",
        ..BASE
    },
    Concept {
        slug: "departement",
        label_fr: "Département",
        label_falc: "Le département",
        label_en: "Department (county council)",
        pictogram: "public-building.svg",
        ..BASE
    },
    Concept {
        slug: "region",
        label_fr: "Région",
        label_falc: "La région",
        label_en: "Region",
        pictogram: "public-building.svg",
        ..BASE
    },
    Concept {
        slug: "etat",
        label_fr: "Service de l’État",
        label_falc: "L’État",
        label_en: "State service",
        pictogram: "public-building.svg",
        ..BASE
    },
    Concept {
        slug: "etablissement-public",
        label_fr: "Établissement public",
        label_falc: "Organisme public",
        label_en: "Public body (établissement public)",
        pictogram: "public-building.svg",
        ..BASE
    },
    Concept {
        slug: "gip",
        label_fr: "Groupement d’intérêt public (GIP)",
        label_falc: "Groupe d’organismes publics et privés",
        label_en: "Public interest group (GIP)",
        pictogram: "cooperative.svg",
        ..BASE
    },
];
