//! Service types: data.inclusion `types-de-services` (the v1 `type` field) and the wider
//! `typologies-de-services` list.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::ServiceType);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "accompagnement",
        label_fr: "Accompagnement",
        label_falc: "On vous aide pas à pas",
        label_en: "Support",
        pictogram: "two-people.svg",
        matches: &[
            M::new(DiTypesDeServices, "accompagnement"),
            M::new(DiTypologiesDeServices, "accompagnement"),
        ],
        ..BASE
    },
    Concept {
        slug: "accueil",
        label_fr: "Accueil",
        label_falc: "On vous écoute et on vous oriente",
        label_en: "Reception and guidance",
        pictogram: "door.svg",
        matches: &[M::new(DiTypologiesDeServices, "accueil")],
        ..BASE
    },
    Concept {
        slug: "aide-financiere",
        label_fr: "Aide financière",
        label_falc: "Une aide en argent",
        label_en: "Financial aid",
        pictogram: "euro.svg",
        matches: &[
            M::new(DiTypesDeServices, "aide-financiere"),
            M::new(DiTypologiesDeServices, "aide-financiere"),
        ],
        ..BASE
    },
    Concept {
        slug: "aide-materielle",
        label_fr: "Aide matérielle",
        label_falc: "Du matériel donné ou prêté",
        label_en: "Material aid",
        pictogram: "box.svg",
        matches: &[
            M::new(DiTypesDeServices, "aide-materielle"),
            M::new(DiTypologiesDeServices, "aide-materielle"),
        ],
        ..BASE
    },
    Concept {
        slug: "atelier",
        label_fr: "Atelier",
        label_falc: "Apprendre en groupe",
        label_en: "Workshop",
        pictogram: "group-table.svg",
        matches: &[
            M::new(DiTypesDeServices, "atelier"),
            M::new(DiTypologiesDeServices, "atelier"),
        ],
        ..BASE
    },
    Concept {
        slug: "autonomie",
        label_fr: "En autonomie",
        label_falc: "Vous faites vous-même",
        label_en: "Self-service",
        pictogram: "person-screen.svg",
        matches: &[M::new(DiTypologiesDeServices, "autonomie")],
        ..BASE
    },
    Concept {
        slug: "delegation",
        label_fr: "Délégation",
        label_falc: "Une personne fait les démarches pour vous",
        label_en: "Done on your behalf",
        pictogram: "document-pen.svg",
        matches: &[M::new(DiTypologiesDeServices, "delegation")],
        ..BASE
    },
    Concept {
        slug: "financement",
        label_fr: "Financement",
        label_falc: "Un prêt pour un projet",
        label_en: "Funding (solidarity loans)",
        pictogram: "hand-coin.svg",
        matches: &[M::new(DiTypologiesDeServices, "financement")],
        ..BASE
    },
    Concept {
        slug: "formation",
        label_fr: "Formation",
        label_falc: "Un cours avec un professionnel",
        label_en: "Training",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(DiTypesDeServices, "formation"),
            M::new(DiTypologiesDeServices, "formation"),
        ],
        ..BASE
    },
    Concept {
        slug: "information",
        label_fr: "Information",
        label_falc: "On vous donne des informations",
        label_en: "Information",
        pictogram: "info.svg",
        matches: &[
            M::new(DiTypesDeServices, "information"),
            M::new(DiTypologiesDeServices, "information"),
        ],
        ..BASE
    },
    Concept {
        slug: "numerique",
        label_fr: "Service numérique",
        label_falc: "Un service sur internet",
        label_en: "Online service",
        pictogram: "laptop.svg",
        matches: &[M::new(DiTypologiesDeServices, "numerique")],
        ..BASE
    },
];
