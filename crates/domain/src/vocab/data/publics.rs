//! Publics: MedNum `publics_specifiquement_adresses` and data.inclusion `publics`.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::Public);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "tous-publics",
        label_fr: "Tous publics",
        label_falc: "Tout le monde",
        label_en: "Everyone",
        pictogram: "people.svg",
        matches: &[M::new(DiPublics, "tous-publics")],
        ..BASE
    },
    Concept {
        slug: "actifs",
        label_fr: "Actifs",
        label_falc: "Les personnes qui travaillent",
        label_en: "Working people",
        pictogram: "briefcase.svg",
        matches: &[M::new(DiPublics, "actifs")],
        ..BASE
    },
    Concept {
        slug: "beneficiaires-des-minimas-sociaux",
        label_fr: "Bénéficiaires des minimas sociaux",
        label_falc: "Les personnes qui touchent le RSA ou des aides",
        label_en: "People on social benefits",
        pictogram: "euro.svg",
        matches: &[M::new(DiPublics, "beneficiaires-des-minimas-sociaux")],
        ..BASE
    },
    Concept {
        slug: "demandeurs-emploi",
        label_fr: "Demandeurs d’emploi",
        label_falc: "Les personnes qui cherchent un travail",
        label_en: "Jobseekers",
        pictogram: "magnifier.svg",
        matches: &[M::new(DiPublics, "demandeurs-emploi")],
        ..BASE
    },
    Concept {
        slug: "etudiants",
        label_fr: "Étudiants",
        label_falc: "Les étudiants",
        label_en: "Students",
        pictogram: "graduation-cap.svg",
        matches: &[
            M::new(MednumPublics, "Étudiants"),
            M::new(DiPublics, "etudiants"),
        ],
        ..BASE
    },
    Concept {
        slug: "familles",
        label_fr: "Familles et enfants",
        label_falc: "Les familles et les enfants",
        label_en: "Families and children",
        pictogram: "parent-child.svg",
        matches: &[
            M::new(MednumPublics, "Familles et/ou enfants"),
            M::new(DiPublics, "familles"),
        ],
        ..BASE
    },
    Concept {
        slug: "femmes",
        label_fr: "Femmes",
        label_falc: "Les femmes",
        label_en: "Women",
        pictogram: "woman.svg",
        matches: &[M::new(MednumPublics, "Femmes"), M::new(DiPublics, "femmes")],
        ..BASE
    },
    Concept {
        slug: "jeunes",
        label_fr: "Jeunes",
        label_falc: "Les jeunes",
        label_en: "Young people",
        pictogram: "young.svg",
        matches: &[M::new(MednumPublics, "Jeunes"), M::new(DiPublics, "jeunes")],
        ..BASE
    },
    Concept {
        slug: "personnes-en-situation-de-handicap",
        label_fr: "Personnes en situation de handicap",
        label_falc: "Les personnes handicapées",
        label_en: "People with disabilities",
        pictogram: "wheelchair.svg",
        matches: &[M::new(DiPublics, "personnes-en-situation-de-handicap")],
        ..BASE
    },
    Concept {
        slug: "personnes-en-situation-durgence",
        label_fr: "Personnes en situation d’urgence",
        label_falc: "Les personnes sans logement ou en danger",
        label_en: "People in emergency situations",
        pictogram: "alert.svg",
        matches: &[M::new(DiPublics, "personnes-en-situation-durgence")],
        ..BASE
    },
    Concept {
        slug: "personnes-en-situation-juridique-specifique",
        label_fr: "Personnes en situation juridique spécifique",
        label_falc: "Les personnes en prison ou qui en sortent",
        label_en: "People in a specific legal situation",
        pictogram: "scales.svg",
        matches: &[M::new(
            DiPublics,
            "personnes-en-situation-juridique-specifique",
        )],
        ..BASE
    },
    Concept {
        slug: "personnes-exilees",
        label_fr: "Personnes exilées",
        label_falc: "Les personnes venues d’un autre pays",
        label_en: "Exiled people and refugees",
        pictogram: "globe.svg",
        matches: &[M::new(DiPublics, "personnes-exilees")],
        ..BASE
    },
    Concept {
        slug: "residents-qpv-frr",
        label_fr: "Résidents en QPV ou FRR",
        label_falc: "Les habitants des quartiers et villages aidés",
        label_en: "Residents of priority urban or rural areas",
        pictogram: "map-pin.svg",
        matches: &[M::new(DiPublics, "residents-qpv-frr")],
        ..BASE
    },
    Concept {
        slug: "seniors",
        label_fr: "Seniors",
        label_falc: "Les personnes âgées",
        label_en: "Older people",
        pictogram: "senior.svg",
        matches: &[
            M::new(MednumPublics, "Seniors"),
            M::new(DiPublics, "seniors"),
        ],
        ..BASE
    },
];
