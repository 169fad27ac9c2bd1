//! Specific support: MedNum `prise_en_charge_specifique`.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::SpecificSupport);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "surdite",
        label_fr: "Surdité",
        label_falc: "Pour les personnes sourdes",
        label_en: "Deafness",
        pictogram: "ear.svg",
        matches: &[M::new(MednumPriseEnChargeSpecifique, "Surdité")],
        ..BASE
    },
    Concept {
        slug: "handicaps-moteurs",
        label_fr: "Handicaps moteurs",
        label_falc: "Pour les personnes qui bougent difficilement",
        label_en: "Physical disabilities",
        pictogram: "wheelchair.svg",
        matches: &[M::new(MednumPriseEnChargeSpecifique, "Handicaps moteurs")],
        ..BASE
    },
    Concept {
        slug: "handicaps-mentaux",
        label_fr: "Handicaps mentaux",
        label_falc: "Pour les personnes avec un handicap mental",
        label_en: "Intellectual disabilities",
        pictogram: "head.svg",
        matches: &[M::new(MednumPriseEnChargeSpecifique, "Handicaps mentaux")],
        ..BASE
    },
    Concept {
        slug: "illettrisme",
        label_fr: "Illettrisme",
        label_falc: "Pour les personnes qui lisent difficilement",
        label_en: "Illiteracy",
        pictogram: "abc.svg",
        matches: &[M::new(MednumPriseEnChargeSpecifique, "Illettrisme")],
        ..BASE
    },
    Concept {
        slug: "langues-etrangeres-anglais",
        label_fr: "Langues étrangères (anglais)",
        label_falc: "On parle anglais",
        label_en: "Foreign languages (English)",
        pictogram: "speech-en.svg",
        matches: &[M::new(
            MednumPriseEnChargeSpecifique,
            "Langues étrangères (anglais)",
        )],
        ..BASE
    },
    Concept {
        slug: "langues-etrangeres-autres",
        label_fr: "Langues étrangères (autres)",
        label_falc: "On parle d’autres langues",
        label_en: "Other foreign languages",
        pictogram: "speech.svg",
        matches: &[M::new(
            MednumPriseEnChargeSpecifique,
            "Langues étrangères (autres)",
        )],
        ..BASE
    },
    Concept {
        slug: "deficience-visuelle",
        label_fr: "Déficience visuelle",
        label_falc: "Pour les personnes qui voient mal",
        label_en: "Visual impairment",
        pictogram: "eye.svg",
        matches: &[M::new(MednumPriseEnChargeSpecifique, "Déficience visuelle")],
        ..BASE
    },
];
