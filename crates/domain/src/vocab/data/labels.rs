//! Trainings and labels: MedNum `formations_labels`.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::Label);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "forme-mon-espace-sante",
        label_fr: "Formé à « Mon Espace Santé »",
        label_falc: "Formé pour aider avec Mon Espace Santé",
        label_en: "Trained in Mon Espace Santé (health record)",
        pictogram: "rosette.svg",
        matches: &[M::new(
            MednumFormationsLabels,
            "Formé à « Mon Espace Santé »",
        )],
        ..BASE
    },
    Concept {
        slug: "forme-duplex",
        label_fr: "Formé à « DUPLEX » (illettrisme)",
        label_falc: "Formé pour aider les personnes qui lisent mal",
        label_en: "Trained in DUPLEX (illiteracy)",
        pictogram: "rosette.svg",
        matches: &[M::new(
            MednumFormationsLabels,
            "Formé à « DUPLEX » (illettrisme)",
        )],
        ..BASE
    },
    Concept {
        slug: "arnia-mednum-bfc",
        label_fr: "Arnia / MedNum BFC (Bourgogne-Franche-Comté)",
        label_falc: "Label du numérique en Bourgogne-Franche-Comté",
        label_en: "Arnia / MedNum BFC (Bourgogne-Franche-Comté)",
        pictogram: "rosette.svg",
        matches: &[M::new(
            MednumFormationsLabels,
            "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
        )],
        ..BASE
    },
    Concept {
        slug: "collectif-reemploi-normandie",
        label_fr: "Collectif ressources et acteurs réemploi (Normandie)",
        label_falc: "Réseau du réemploi en Normandie",
        label_en: "Reuse resources and actors collective (Normandy)",
        pictogram: "recycle.svg",
        matches: &[M::new(
            MednumFormationsLabels,
            "Collectif ressources et acteurs réemploi (Normandie)",
        )],
        ..BASE
    },
    Concept {
        slug: "etapes-numeriques-la-poste",
        label_fr: "Étapes numériques (La Poste)",
        label_falc: "Étapes numériques de La Poste",
        label_en: "Étapes numériques (La Poste)",
        pictogram: "rosette.svg",
        matches: &[M::new(
            MednumFormationsLabels,
            "Étapes numériques(La Poste)",
        )],
        ..BASE
    },
    Concept {
        slug: "fabriques-de-territoire",
        label_fr: "Fabriques de territoire",
        label_falc: "Tiers-lieu soutenu par l’État",
        label_en: "Fabriques de territoire (state-backed third places)",
        pictogram: "tiers-lieu.svg",
        close: &["network/fabrique-de-territoire"],
        matches: &[M::new(MednumFormationsLabels, "Fabriques de Territoire")],
        ..BASE
    },
    Concept {
        slug: "eclaireurs-du-numerique-drome",
        label_fr: "Les Éclaireurs du numérique (Drôme)",
        label_falc: "Éclaireurs du numérique dans la Drôme",
        label_en: "Les Éclaireurs du numérique (Drôme)",
        pictogram: "rosette.svg",
        matches: &[M::new(
            MednumFormationsLabels,
            "Les Éclaireurs du numérique (Drôme)",
        )],
        ..BASE
    },
    Concept {
        slug: "mes-papiers-lyon",
        label_fr: "Mes Papiers (Métropole de Lyon)",
        label_falc: "Mes Papiers, à Lyon",
        label_en: "Mes Papiers (Lyon Metropolis)",
        pictogram: "rosette.svg",
        matches: &[M::new(
            MednumFormationsLabels,
            "Mes Papiers (Métropole de Lyon)",
        )],
        ..BASE
    },
    Concept {
        slug: "ordi-3-0",
        label_fr: "ORDI 3.0",
        label_falc: "Ordinateurs réparés et revendus",
        label_en: "ORDI 3.0 (refurbished computers)",
        pictogram: "recycle.svg",
        matches: &[M::new(MednumFormationsLabels, "ORDI 3.0")],
        ..BASE
    },
    Concept {
        slug: "sud-labs-paca",
        label_fr: "SUD LABS (PACA)",
        label_falc: "Sud Labs, en Provence",
        label_en: "SUD LABS (Provence-Alpes-Côte d’Azur)",
        pictogram: "rosette.svg",
        matches: &[M::new(MednumFormationsLabels, "SUD LABS (PACA)")],
        ..BASE
    },
];
