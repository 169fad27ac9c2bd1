//! Kinds of cooperation between places, carried by FEP-0837 `Proposal`s (Galaxie's own list:
//! what the workshop notes name; no national enumeration to match).

use crate::vocab::{Concept, Scheme};

const BASE: Concept = Concept::base(Scheme::Cooperation);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "mecenat-competences",
        label_fr: "Mécénat de compétences",
        label_falc: "Une entreprise prête une personne et son métier",
        label_en: "Skills sponsorship",
        pictogram: "briefcase.svg",
        ..BASE
    },
    Concept {
        slug: "pret-materiel",
        label_fr: "Prêt de matériel",
        label_falc: "Prêter des objets ou des machines",
        label_en: "Equipment lending",
        pictogram: "box.svg",
        ..BASE
    },
    Concept {
        slug: "mise-a-disposition-salle",
        label_fr: "Mise à disposition de salle",
        label_falc: "Prêter une salle",
        label_en: "Room sharing",
        pictogram: "door.svg",
        ..BASE
    },
    Concept {
        slug: "accueil-permanence",
        label_fr: "Accueil de permanence",
        label_falc: "Recevoir une permanence dans son lieu",
        label_en: "Hosting a drop-in service",
        pictogram: "calendar.svg",
        ..BASE
    },
    Concept {
        slug: "benevolat",
        label_fr: "Bénévolat",
        label_falc: "Aider sans être payé",
        label_en: "Volunteering",
        pictogram: "heart.svg",
        ..BASE
    },
    Concept {
        slug: "partenariat-scic-scop",
        label_fr: "Partenariat en SCIC ou SCOP",
        label_falc: "Travailler ensemble dans une coopérative",
        label_en: "Partnership in a SCIC or SCOP cooperative",
        pictogram: "cooperative.svg",
        ..BASE
    },
];
