//! National programmes: MedNum `dispositif_programmes_nationaux`.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::Programme);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "aidants-connect",
        label_fr: "Aidants Connect",
        label_falc: "Aide pour faire les démarches en ligne",
        label_en: "Aidants Connect",
        pictogram: "two-people.svg",
        close: &["network/aidants-connect"],
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Aidants Connect",
        )],
        ..BASE
    },
    Concept {
        slug: "bibliotheques-numeriques-de-reference",
        label_fr: "Bibliothèques numériques de référence",
        label_falc: "Bibliothèque avec beaucoup de numérique",
        label_en: "Reference digital libraries",
        pictogram: "books.svg",
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Bibliothèques numérique de référence",
        )],
        ..BASE
    },
    Concept {
        slug: "certification-pix",
        label_fr: "Certification Pix",
        label_falc: "Pix : un test pour prouver ce que je sais",
        label_en: "Pix certification (digital skills)",
        pictogram: "certificate.svg",
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Certification PIX",
        )],
        ..BASE
    },
    Concept {
        slug: "conseillers-numeriques",
        label_fr: "Conseillers numériques",
        label_falc: "Des personnes qui aident au numérique",
        label_en: "Digital advisers (Conseillers numériques)",
        pictogram: "person-screen.svg",
        close: &["network/conseillers-numeriques"],
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Conseillers numériques",
        )],
        ..BASE
    },
    Concept {
        slug: "emmaus-connect",
        label_fr: "Emmaüs Connect",
        label_falc: "Emmaüs Connect : aide au numérique",
        label_en: "Emmaüs Connect",
        pictogram: "hands-heart.svg",
        close: &["network/emmaus"],
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Emmaüs Connect",
        )],
        ..BASE
    },
    Concept {
        slug: "france-services",
        label_fr: "France Services",
        label_falc: "France Services : aide pour les démarches",
        label_en: "France Services",
        pictogram: "public-building.svg",
        close: &["network/france-service", "structure-type/rfs"],
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "France Services",
        )],
        ..BASE
    },
    Concept {
        slug: "grande-ecole-du-numerique",
        label_fr: "Grande École du numérique",
        label_falc: "Formations aux métiers du numérique",
        label_en: "Grande École du numérique (digital training)",
        pictogram: "graduation-cap.svg",
        close: &["network/grandes-ecoles-du-numerique"],
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Grande école du numérique",
        )],
        ..BASE
    },
    Concept {
        slug: "croix-rouge",
        label_fr: "Croix-Rouge française",
        label_falc: "La Croix-Rouge",
        label_en: "French Red Cross",
        pictogram: "hands-heart.svg",
        close: &["network/croix-rouge"],
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "La Croix Rouge",
        )],
        ..BASE
    },
    Concept {
        slug: "point-numerique-caf",
        label_fr: "Point d’accès numérique CAF",
        label_falc: "Point numérique de la CAF",
        label_en: "CAF digital access point",
        pictogram: "laptop.svg",
        close: &["network/caf"],
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Point d'accès numérique CAF",
        )],
        ..BASE
    },
    Concept {
        slug: "promeneurs-du-net",
        label_fr: "Promeneurs du Net",
        label_falc: "Des éducateurs pour les jeunes sur internet",
        label_en: "Promeneurs du Net (online youth workers)",
        pictogram: "speech.svg",
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Promeneurs du net",
        )],
        ..BASE
    },
    Concept {
        slug: "relais-numerique-emmaus-connect",
        label_fr: "Relais numérique (Emmaüs Connect)",
        label_falc: "Relais numérique d’Emmaüs Connect",
        label_en: "Emmaüs Connect digital relay",
        pictogram: "hands-heart.svg",
        broader: Some("emmaus-connect"),
        matches: &[M::new(
            MednumDispositifProgrammesNationaux,
            "Relais numérique (Emmaüs Connect)",
        )],
        ..BASE
    },
];
