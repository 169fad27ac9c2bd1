//! Access modes: MedNum `modalites_acces`, data.inclusion `modes-mobilisation` and
//! `personnes-mobilisatrices` (who may ask for the service).

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::AccessMode);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "se-presenter",
        label_fr: "Se présenter sur place",
        label_falc: "Venir sur place",
        label_en: "Walk in",
        pictogram: "door.svg",
        matches: &[
            M::new(MednumModalitesAcces, "Se présenter"),
            M::new(DiModesMobilisation, "se-presenter"),
        ],
        ..BASE
    },
    Concept {
        slug: "telephoner",
        label_fr: "Téléphoner",
        label_falc: "Appeler au téléphone",
        label_en: "Phone",
        pictogram: "phone.svg",
        matches: &[
            M::new(MednumModalitesAcces, "Téléphoner"),
            M::new(DiModesMobilisation, "telephoner"),
        ],
        ..BASE
    },
    Concept {
        slug: "envoyer-un-courriel",
        label_fr: "Envoyer un courriel",
        label_falc: "Envoyer un mail",
        label_en: "Send an e-mail",
        pictogram: "envelope.svg",
        matches: &[
            M::new(MednumModalitesAcces, "Contacter par mail"),
            M::new(DiModesMobilisation, "envoyer-un-courriel"),
        ],
        ..BASE
    },
    Concept {
        slug: "prendre-rdv-en-ligne",
        label_fr: "Prendre rendez-vous en ligne",
        label_falc: "Prendre rendez-vous sur internet",
        label_en: "Book an appointment online",
        pictogram: "calendar.svg",
        matches: &[M::new(MednumModalitesAcces, "Prendre un RDV en ligne")],
        ..BASE
    },
    Concept {
        slug: "pas-d-accueil-du-public",
        label_fr: "Ce lieu n’accueille pas de public",
        label_falc: "On ne peut pas venir dans ce lieu",
        label_en: "Not open to the public",
        pictogram: "no-entry.svg",
        matches: &[M::new(
            MednumModalitesAcces,
            "Ce lieu n'accueille pas de public",
        )],
        ..BASE
    },
    Concept {
        slug: "fiche-de-prescription",
        label_fr: "Envoyer un mail avec une fiche de prescription",
        label_falc: "Un professionnel envoie une fiche pour vous",
        label_en: "Referral form sent by e-mail",
        pictogram: "envelope-document.svg",
        matches: &[M::new(
            MednumModalitesAcces,
            "Envoyer un mail avec une fiche de prescription",
        )],
        ..BASE
    },
    Concept {
        slug: "utiliser-lien-mobilisation",
        label_fr: "Utiliser le lien de mobilisation",
        label_falc: "Faire la demande sur internet",
        label_en: "Use the service’s online link",
        pictogram: "link.svg",
        matches: &[M::new(DiModesMobilisation, "utiliser-lien-mobilisation")],
        ..BASE
    },
    Concept {
        slug: "mobilisable-par-professionnels",
        label_fr: "Mobilisable par les professionnels",
        label_falc: "Un professionnel fait la demande",
        label_en: "Referral by professionals",
        pictogram: "badge.svg",
        matches: &[M::new(DiPersonnesMobilisatrices, "professionnels")],
        ..BASE
    },
    Concept {
        slug: "mobilisable-par-usagers",
        label_fr: "Mobilisable par les usagers",
        label_falc: "Vous faites la demande vous-même",
        label_en: "Direct request by users",
        pictogram: "person.svg",
        matches: &[M::new(DiPersonnesMobilisatrices, "usagers")],
        ..BASE
    },
];
