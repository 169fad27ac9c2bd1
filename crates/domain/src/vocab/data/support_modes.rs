//! Support modes: MedNum `modalites_accompagnement` and data.inclusion `modes-accueil`.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::SupportMode);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "en-autonomie",
        label_fr: "En autonomie",
        label_falc: "Seul, avec du matériel sur place",
        label_en: "Self-service",
        pictogram: "person-screen.svg",
        matches: &[M::new(MednumModalitesAccompagnement, "En autonomie")],
        ..BASE
    },
    Concept {
        slug: "accompagnement-individuel",
        label_fr: "Accompagnement individuel",
        label_falc: "Une personne vous aide",
        label_en: "One-to-one support",
        pictogram: "two-people.svg",
        matches: &[M::new(
            MednumModalitesAccompagnement,
            "Accompagnement individuel",
        )],
        ..BASE
    },
    Concept {
        slug: "atelier-collectif",
        label_fr: "Dans un atelier collectif",
        label_falc: "En groupe, dans un atelier",
        label_en: "Group workshop",
        pictogram: "group-table.svg",
        matches: &[M::new(
            MednumModalitesAccompagnement,
            "Dans un atelier collectif",
        )],
        ..BASE
    },
    Concept {
        slug: "a-distance",
        label_fr: "À distance",
        label_falc: "Par téléphone ou par internet",
        label_en: "Remote",
        pictogram: "headset.svg",
        matches: &[
            M::new(MednumModalitesAccompagnement, "À distance"),
            M::new(DiModesAccueil, "a-distance"),
        ],
        ..BASE
    },
    Concept {
        slug: "en-presentiel",
        label_fr: "En présentiel",
        label_falc: "Sur place",
        label_en: "In person",
        pictogram: "map-pin.svg",
        matches: &[M::new(DiModesAccueil, "en-presentiel")],
        ..BASE
    },
];
