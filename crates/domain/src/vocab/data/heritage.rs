//! Heritage kinds, for heritage showcases (Galaxie's own list).

use crate::vocab::{Concept, Scheme};

const BASE: Concept = Concept::base(Scheme::Heritage);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "bati",
        label_fr: "Patrimoine bâti",
        label_falc: "Bâtiments anciens",
        label_en: "Built heritage",
        pictogram: "castle.svg",
        ..BASE
    },
    Concept {
        slug: "mobilier",
        label_fr: "Patrimoine mobilier",
        label_falc: "Objets anciens",
        label_en: "Movable heritage (objects)",
        pictogram: "vase.svg",
        ..BASE
    },
    Concept {
        slug: "archeologique",
        label_fr: "Patrimoine archéologique",
        label_falc: "Objets et traces trouvés dans le sol",
        label_en: "Archaeological heritage",
        pictogram: "amphora.svg",
        ..BASE
    },
    Concept {
        slug: "industriel",
        label_fr: "Patrimoine industriel",
        label_falc: "Anciennes usines et machines",
        label_en: "Industrial heritage",
        pictogram: "factory.svg",
        ..BASE
    },
    Concept {
        slug: "rural-agricole",
        label_fr: "Patrimoine rural et agricole",
        label_falc: "Fermes et vie à la campagne",
        label_en: "Rural and agricultural heritage",
        pictogram: "barn.svg",
        ..BASE
    },
    Concept {
        slug: "maritime-fluvial",
        label_fr: "Patrimoine maritime et fluvial",
        label_falc: "Bateaux, ports et rivières",
        label_en: "Maritime and river heritage",
        pictogram: "anchor.svg",
        ..BASE
    },
    Concept {
        slug: "naturel",
        label_fr: "Patrimoine naturel",
        label_falc: "La nature à protéger",
        label_en: "Natural heritage",
        pictogram: "tree.svg",
        ..BASE
    },
    Concept {
        slug: "paysager",
        label_fr: "Patrimoine paysager",
        label_falc: "Les beaux paysages",
        label_en: "Landscape heritage",
        pictogram: "landscape.svg",
        ..BASE
    },
    Concept {
        slug: "immateriel",
        label_fr: "Patrimoine culturel immatériel",
        label_falc: "Fêtes, chants et traditions",
        label_en: "Intangible cultural heritage",
        pictogram: "music.svg",
        ..BASE
    },
    Concept {
        slug: "savoir-faire",
        label_fr: "Savoir-faire",
        label_falc: "Métiers et gestes d’autrefois",
        label_en: "Traditional know-how",
        pictogram: "hammer.svg",
        broader: Some("immateriel"),
        ..BASE
    },
    Concept {
        slug: "culinaire",
        label_fr: "Patrimoine culinaire",
        label_falc: "Recettes et produits d’ici",
        label_en: "Culinary heritage",
        pictogram: "cutlery.svg",
        broader: Some("immateriel"),
        ..BASE
    },
    Concept {
        slug: "langues-regionales",
        label_fr: "Langues régionales",
        label_falc: "Langues d’ici : breton, occitan…",
        label_en: "Regional languages",
        pictogram: "speech.svg",
        broader: Some("immateriel"),
        ..BASE
    },
    Concept {
        slug: "archives-memoire",
        label_fr: "Archives et mémoire",
        label_falc: "Souvenirs, photos et papiers anciens",
        label_en: "Archives and memory",
        pictogram: "archive.svg",
        ..BASE
    },
];
