//! Fees: MedNum `frais_a_charge` and data.inclusion `frais`, with two Galaxie refinements of
//! "payant" common in tiers-lieux (membership, pay what you can).

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::Fee);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "gratuit",
        label_fr: "Gratuit",
        label_falc: "Gratuit",
        label_en: "Free",
        pictogram: "gift.svg",
        matches: &[
            M::new(MednumFraisACharge, "Gratuit"),
            M::new(DiFrais, "gratuit"),
        ],
        ..BASE
    },
    Concept {
        slug: "gratuit-sous-condition",
        label_fr: "Gratuit sous condition",
        label_falc: "Gratuit pour certaines personnes",
        label_en: "Free under conditions",
        pictogram: "gift-asterisk.svg",
        matches: &[M::new(MednumFraisACharge, "Gratuit sous condition")],
        ..BASE
    },
    Concept {
        slug: "payant",
        label_fr: "Payant",
        label_falc: "Payant",
        label_en: "Paid",
        pictogram: "euro.svg",
        matches: &[
            M::new(MednumFraisACharge, "Payant"),
            M::new(DiFrais, "payant"),
        ],
        ..BASE
    },
    Concept {
        slug: "adhesion",
        label_fr: "Sur adhésion",
        label_falc: "Il faut être membre",
        label_en: "Membership required",
        pictogram: "card.svg",
        broader: Some("payant"),
        ..BASE
    },
    Concept {
        slug: "prix-libre",
        label_fr: "Prix libre",
        label_falc: "Vous payez ce que vous voulez",
        label_en: "Pay what you can",
        pictogram: "hand-coin.svg",
        broader: Some("payant"),
        ..BASE
    },
];
