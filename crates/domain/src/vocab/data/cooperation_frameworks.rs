//! Cooperation frameworks (cadres de coopération) a place works within, shown on its profile
//! (Galaxie's own list).

use crate::vocab::{Concept, Scheme};

const BASE: Concept = Concept::base(Scheme::CooperationFramework);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "scic",
        label_fr: "Sociétaire d’une SCIC (société coopérative d’intérêt collectif)",
        label_falc: "Membre d’une coopérative avec les habitants",
        label_en: "Member of a SCIC (multi-stakeholder cooperative)",
        pictogram: "cooperative.svg",
        ..BASE
    },
    Concept {
        slug: "scop",
        label_fr: "Associé d’une SCOP (société coopérative et participative)",
        label_falc: "Membre d’une coopérative de salariés",
        label_en: "Partner in a SCOP (worker cooperative)",
        pictogram: "cooperative.svg",
        ..BASE
    },
    Concept {
        slug: "cae",
        label_fr: "Coopérative d’activité et d’emploi (CAE)",
        label_falc: "Coopérative qui aide à créer son emploi",
        label_en: "Business and employment cooperative (CAE)",
        pictogram: "briefcase.svg",
        ..BASE
    },
    Concept {
        slug: "mecenat",
        label_fr: "Mécénat",
        label_falc: "Une entreprise donne de l’argent ou de l’aide",
        label_en: "Sponsorship",
        pictogram: "hand-coin.svg",
        ..BASE
    },
    Concept {
        slug: "convention-partenariat",
        label_fr: "Convention de partenariat",
        label_falc: "Un accord écrit entre deux structures",
        label_en: "Partnership agreement",
        pictogram: "document-pen.svg",
        ..BASE
    },
    Concept {
        slug: "gip",
        label_fr: "Groupement d’intérêt public (GIP)",
        label_falc: "Un groupe de structures publiques et privées",
        label_en: "Public interest grouping (GIP)",
        pictogram: "public-building.svg",
        ..BASE
    },
    Concept {
        slug: "groupement-employeurs",
        label_fr: "Groupement d’employeurs",
        label_falc: "Plusieurs structures emploient une même personne",
        label_en: "Employers’ group",
        pictogram: "two-people.svg",
        ..BASE
    },
    Concept {
        slug: "ptce",
        label_fr: "Pôle territorial de coopération économique (PTCE)",
        label_falc: "Des structures d’un territoire qui travaillent ensemble",
        label_en: "Territorial economic cooperation hub (PTCE)",
        pictogram: "network.svg",
        ..BASE
    },
];
