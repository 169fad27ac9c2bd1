//! The shared plain-language vocabulary: services, publics, fees, access and support modes,
//! structure types, programmes, labels, networks, legal forms, event categories and heritage
//! kinds, so that every instance tags the same thing the same way (DESIGN.md, "Vocabulary").
//!
//! Every [`Concept`] has a stable IRI, a French label, an easy-read (FALC) label, an English
//! label, a pictogram, and its exact matches in the national standards kept in
//! `reference/`: the MedNum schema of *lieux de médiation numérique*, data.inclusion (v1, and
//! the v0 lists that MedNum still points to) and FEP-8a8e's event categories.
//!
//! # IRIs
//!
//! `https://galaxie.tiers-lieux.fr/ns#{scheme}/{slug}`, e.g.
//! `https://galaxie.tiers-lieux.fr/ns#service/aide-demarches-administratives`; in JSON-LD with
//! our context, `gx:service/aide-demarches-administratives`.
//! - `scheme` is [`Scheme::slug`]: `service`, `public`, `specific-support`, `fee`,
//!   `access-mode`, `support-mode`, `service-type`, `structure-type`, `programme`, `label`,
//!   `network`, `legal-form`, `event-category`, `heritage`, `cooperation`,
//!   `cooperation-framework`. The scheme itself is
//!   `…/ns#{scheme}`.
//! - `slug` is lower-case ASCII words joined by `-` (`--` separates a data.inclusion
//!   thematique from its group). Where a concept comes from a data.inclusion list the slug is
//!   its value (`numerique--acquerir-un-equipement`, `mission-locale`); a v0 structure code or
//!   an FEP-8a8e category is lower-cased with `_` → `-` (`tiers-lieux`, `food-drink`);
//!   otherwise it is a short form of the French label.
//! - A published IRI never changes meaning and is never removed: labels can be improved,
//!   upstream values can be added to `matches`, but a slug stays.
//! - The upstream lists themselves get IRIs under `…/ns#list/` ([`CodeList::iri`]) so that the
//!   SKOS document can say "exact match: the value `Gratuit` of MedNum's `frais_a_charge`".
//!
//! # Easy-read labels
//!
//! `label_falc` follows the FALC rules (*Facile à lire et à comprendre*): everyday words, one
//! short sentence, no acronym left unexplained, at most 60 characters. It travels under the
//! language tag `fr-x-falc`.
//!
//! # Pictograms
//!
//! SVG files in `crates/domain/pictograms/`, drawn for Galaxie (CC BY-SA 4.0, see its
//! `LICENSE.md`): 24×24, stroke-based, `currentColor`, `role="img"` with a French `<title>`.
//! Several concepts share one where the picture is the same idea. [`pictogram`] returns the
//! SVG text, embedded at compile time.
//!
//! # Example
//!
//! ```
//! use galaxie_domain::vocab::{self, Scheme};
//!
//! // A MedNum CSV cell, read into concepts and written back.
//! let fees = vocab::parse_mednum_list(Scheme::Fee, "Gratuit sous condition|Payant")?;
//! assert_eq!(fees[0].iri(), "https://galaxie.tiers-lieux.fr/ns#fee/gratuit-sous-condition");
//! assert_eq!(fees[0].label_falc, "Gratuit pour certaines personnes");
//! assert_eq!(vocab::to_mednum_list(fees), "Gratuit sous condition|Payant");
//!
//! // The same public in data.inclusion and in MedNum.
//! let jeunes = vocab::from_data_inclusion(Scheme::Public, "jeunes");
//! assert_eq!(jeunes.and_then(|c| c.mednum()), Some("Jeunes"));
//! # Ok::<(), vocab::VocabError>(())
//! ```
//!
//! # Editing
//!
//! The tables live in `data/`, one file per scheme. The tests check that every value
//! enumerated by the reference schemas has a concept, that every code we claim exists
//! upstream, and that IRIs, labels and pictograms are sound.

mod data;
mod pictograms;
mod skos;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

pub use skos::{jsonld_context, to_json};

/// The Galaxie namespace. Concept IRIs are `{NAMESPACE}{scheme}/{slug}`.
pub const NAMESPACE: &str = "https://galaxie.tiers-lieux.fr/ns#";

/// The compact-IRI prefix bound to [`NAMESPACE`] in our JSON-LD context.
pub const PREFIX: &str = "gx:";

/// The language tag of easy-read (FALC) labels.
pub const FALC_LANGUAGE: &str = "fr-x-falc";

/// The longest an easy-read label may be, in characters.
pub const FALC_MAX_CHARS: usize = 60;

/// A family of concepts: what question the concepts answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// What a place offers (MedNum `services`, data.inclusion `thematiques`).
    Service,
    /// Who it is for (MedNum `publics_specifiquement_adresses`, data.inclusion `publics`).
    Public,
    /// Specific support it can give (MedNum `prise_en_charge_specifique`).
    SpecificSupport,
    /// What it costs (MedNum `frais_a_charge`, data.inclusion `frais`).
    Fee,
    /// How to get in (MedNum `modalites_acces`, data.inclusion `modes-mobilisation` and
    /// `personnes-mobilisatrices`).
    AccessMode,
    /// How people are helped (MedNum `modalites_accompagnement`, data.inclusion
    /// `modes-accueil`).
    SupportMode,
    /// What kind of service (data.inclusion `types-de-services`, `typologies-de-services`).
    ServiceType,
    /// What kind of structure (data.inclusion v0 `typologies-de-structures`, MedNum
    /// `typologie`).
    StructureType,
    /// National programmes (MedNum `dispositif_programmes_nationaux`).
    Programme,
    /// Trainings and labels (MedNum `formations_labels`).
    Label,
    /// Networks carrying a structure (data.inclusion `reseaux-porteurs`, v0
    /// `labels-nationaux`).
    Network,
    /// Legal form of the organisation.
    LegalForm,
    /// Event categories (FEP-8a8e `category`).
    EventCategory,
    /// Kinds of heritage, for heritage showcases.
    Heritage,
    /// Kinds of cooperation between places (FEP-0837 proposals).
    Cooperation,
    /// Cooperation frameworks a place works within (SCIC, SCOP, mécénat…).
    CooperationFramework,
}

impl Scheme {
    /// Every scheme, in display order.
    pub const ALL: [Scheme; 16] = [
        Scheme::Service,
        Scheme::Public,
        Scheme::SpecificSupport,
        Scheme::Fee,
        Scheme::AccessMode,
        Scheme::SupportMode,
        Scheme::ServiceType,
        Scheme::StructureType,
        Scheme::Programme,
        Scheme::Label,
        Scheme::Network,
        Scheme::LegalForm,
        Scheme::EventCategory,
        Scheme::Heritage,
        Scheme::Cooperation,
        Scheme::CooperationFramework,
    ];

    /// The path segment of its concepts' IRIs (`service`, `access-mode`…).
    pub const fn slug(self) -> &'static str {
        match self {
            Scheme::Service => "service",
            Scheme::Public => "public",
            Scheme::SpecificSupport => "specific-support",
            Scheme::Fee => "fee",
            Scheme::AccessMode => "access-mode",
            Scheme::SupportMode => "support-mode",
            Scheme::ServiceType => "service-type",
            Scheme::StructureType => "structure-type",
            Scheme::Programme => "programme",
            Scheme::Label => "label",
            Scheme::Network => "network",
            Scheme::LegalForm => "legal-form",
            Scheme::EventCategory => "event-category",
            Scheme::Heritage => "heritage",
            Scheme::Cooperation => "cooperation",
            Scheme::CooperationFramework => "cooperation-framework",
        }
    }

    /// The scheme with this slug.
    pub fn from_slug(slug: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The scheme's IRI (`https://galaxie.tiers-lieux.fr/ns#service`).
    pub fn iri(self) -> String {
        format!("{NAMESPACE}{}", self.slug())
    }

    /// Its French name, for headings.
    pub const fn label_fr(self) -> &'static str {
        match self {
            Scheme::Service => "Services",
            Scheme::Public => "Publics",
            Scheme::SpecificSupport => "Accompagnement adapté",
            Scheme::Fee => "Frais",
            Scheme::AccessMode => "Modalités d’accès",
            Scheme::SupportMode => "Modalités d’accompagnement",
            Scheme::ServiceType => "Types de service",
            Scheme::StructureType => "Types de structure",
            Scheme::Programme => "Dispositifs et programmes nationaux",
            Scheme::Label => "Formations et labels",
            Scheme::Network => "Réseaux porteurs",
            Scheme::LegalForm => "Forme juridique",
            Scheme::EventCategory => "Catégories d’événement",
            Scheme::Heritage => "Types de patrimoine",
            Scheme::Cooperation => "Coopérations entre lieux",
            Scheme::CooperationFramework => "Cadres de coopération",
        }
    }

    /// Its easy-read French name.
    pub const fn label_falc(self) -> &'static str {
        match self {
            Scheme::Service => "Ce que le lieu propose",
            Scheme::Public => "Pour qui",
            Scheme::SpecificSupport => "Aide adaptée à vos besoins",
            Scheme::Fee => "Le prix",
            Scheme::AccessMode => "Comment venir ou demander",
            Scheme::SupportMode => "Comment on vous aide",
            Scheme::ServiceType => "Le genre d’aide",
            Scheme::StructureType => "Le genre de lieu",
            Scheme::Programme => "Les programmes nationaux",
            Scheme::Label => "Les labels et formations",
            Scheme::Network => "Les réseaux",
            Scheme::LegalForm => "Le statut",
            Scheme::EventCategory => "Le genre d’événement",
            Scheme::Heritage => "Le genre de patrimoine",
            Scheme::Cooperation => "Comment les lieux s’entraident",
            Scheme::CooperationFramework => "Les accords pour travailler ensemble",
        }
    }

    /// Its English name.
    pub const fn label_en(self) -> &'static str {
        match self {
            Scheme::Service => "Services",
            Scheme::Public => "Audiences",
            Scheme::SpecificSupport => "Specific support",
            Scheme::Fee => "Fees",
            Scheme::AccessMode => "Access modes",
            Scheme::SupportMode => "Support modes",
            Scheme::ServiceType => "Service types",
            Scheme::StructureType => "Structure types",
            Scheme::Programme => "National programmes",
            Scheme::Label => "Trainings and labels",
            Scheme::Network => "Networks",
            Scheme::LegalForm => "Legal forms",
            Scheme::EventCategory => "Event categories",
            Scheme::Heritage => "Heritage kinds",
            Scheme::Cooperation => "Cooperation between places",
            Scheme::CooperationFramework => "Cooperation frameworks",
        }
    }

    /// Its concepts, in display order (groups before their members).
    pub fn concepts(self) -> &'static [Concept] {
        match self {
            Scheme::Service => data::services::CONCEPTS,
            Scheme::Public => data::publics::CONCEPTS,
            Scheme::SpecificSupport => data::specific_support::CONCEPTS,
            Scheme::Fee => data::fees::CONCEPTS,
            Scheme::AccessMode => data::access_modes::CONCEPTS,
            Scheme::SupportMode => data::support_modes::CONCEPTS,
            Scheme::ServiceType => data::service_types::CONCEPTS,
            Scheme::StructureType => data::structure_types::CONCEPTS,
            Scheme::Programme => data::programmes::CONCEPTS,
            Scheme::Label => data::labels::CONCEPTS,
            Scheme::Network => data::networks::CONCEPTS,
            Scheme::LegalForm => data::legal_forms::CONCEPTS,
            Scheme::EventCategory => data::event_categories::CONCEPTS,
            Scheme::Heritage => data::heritage::CONCEPTS,
            Scheme::Cooperation => data::cooperation::CONCEPTS,
            Scheme::CooperationFramework => data::cooperation_frameworks::CONCEPTS,
        }
    }

    /// Its concepts that have no broader concept.
    pub fn top_concepts(self) -> impl Iterator<Item = &'static Concept> {
        self.concepts().iter().filter(|c| c.broader.is_none())
    }

    /// The upstream lists its concepts match.
    pub fn code_lists(self) -> impl Iterator<Item = CodeList> {
        CodeList::ALL
            .into_iter()
            .filter(move |l| l.scheme() == self)
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Scheme {
    type Err = VocabError;

    fn from_str(s: &str) -> Result<Scheme, VocabError> {
        Scheme::from_slug(s).ok_or_else(|| VocabError::UnknownScheme(s.to_string()))
    }
}

/// The standard an upstream list belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standard {
    /// La MedNum's schema of *lieux de médiation numérique* (v1.0.2), a CSV with `|`-separated
    /// multi-values.
    MedNum,
    /// data.inclusion, schema v1.
    DataInclusion,
    /// data.inclusion v0 lists still referenced by MedNum or found in older exports.
    DataInclusionV0,
    /// FEP-8a8e (events on the fediverse), as sent by Mobilizon, Gancio and others.
    Fep8a8e,
}

/// One upstream enumeration: a MedNum field, a data.inclusion list, FEP-8a8e's categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeList {
    /// MedNum `services`.
    MednumServices,
    /// MedNum `publics_specifiquement_adresses`.
    MednumPublics,
    /// MedNum `prise_en_charge_specifique`.
    MednumPriseEnChargeSpecifique,
    /// MedNum `frais_a_charge`.
    MednumFraisACharge,
    /// MedNum `modalites_acces`.
    MednumModalitesAcces,
    /// MedNum `modalites_accompagnement`.
    MednumModalitesAccompagnement,
    /// MedNum `typologie` (the codes of data.inclusion v0 `typologies-de-structures`).
    MednumTypologie,
    /// MedNum `dispositif_programmes_nationaux`.
    MednumDispositifProgrammesNationaux,
    /// MedNum `formations_labels`.
    MednumFormationsLabels,
    /// data.inclusion `thematiques` (service field `thematiques`).
    DiThematiques,
    /// data.inclusion `publics` (service field `publics`).
    DiPublics,
    /// data.inclusion `frais` (service field `frais`).
    DiFrais,
    /// data.inclusion `modes-accueil` (service field `modes_accueil`).
    DiModesAccueil,
    /// data.inclusion `modes-mobilisation` (service field `modes_mobilisation`).
    DiModesMobilisation,
    /// data.inclusion `personnes-mobilisatrices` (service field `mobilisable_par`).
    DiPersonnesMobilisatrices,
    /// data.inclusion `types-de-services` (service field `type`).
    DiTypesDeServices,
    /// data.inclusion `typologies-de-services` (a wider list kept in `extra/`).
    DiTypologiesDeServices,
    /// data.inclusion `reseaux-porteurs` (structure field `reseaux_porteurs`).
    DiReseauxPorteurs,
    /// data.inclusion v0 `typologies-de-structures` (structure field `typologie`).
    DiV0TypologiesDeStructures,
    /// data.inclusion v0 `labels-nationaux` (structure field `labels_nationaux`).
    DiV0LabelsNationaux,
    /// FEP-8a8e `category`.
    Fep8a8eCategory,
}

const MEDNUM_SOURCE: &str = "https://github.com/LaMednum/standard-mediation-num/blob/e347ff40a0072ed2e0caf7f04384dfd2c84dbaff/schema.json";
const DI_V1_SOURCE: &str = "https://github.com/gip-inclusion/data-inclusion-schema/blob/df9ce7ff38d313951193df749e63ec4eb10d8c1a/schemas/v1/extra/";
const DI_V0_SOURCE: &str = "https://github.com/gip-inclusion/data-inclusion-schema/blob/ac5bbb31343941f8e0cb23b37e35e917647be623/schemas/v0/extra/";

impl CodeList {
    /// Every list.
    pub const ALL: [CodeList; 21] = [
        CodeList::MednumServices,
        CodeList::MednumPublics,
        CodeList::MednumPriseEnChargeSpecifique,
        CodeList::MednumFraisACharge,
        CodeList::MednumModalitesAcces,
        CodeList::MednumModalitesAccompagnement,
        CodeList::MednumTypologie,
        CodeList::MednumDispositifProgrammesNationaux,
        CodeList::MednumFormationsLabels,
        CodeList::DiThematiques,
        CodeList::DiPublics,
        CodeList::DiFrais,
        CodeList::DiModesAccueil,
        CodeList::DiModesMobilisation,
        CodeList::DiPersonnesMobilisatrices,
        CodeList::DiTypesDeServices,
        CodeList::DiTypologiesDeServices,
        CodeList::DiReseauxPorteurs,
        CodeList::DiV0TypologiesDeStructures,
        CodeList::DiV0LabelsNationaux,
        CodeList::Fep8a8eCategory,
    ];

    /// The standard it belongs to.
    pub const fn standard(self) -> Standard {
        use CodeList::*;
        match self {
            MednumServices
            | MednumPublics
            | MednumPriseEnChargeSpecifique
            | MednumFraisACharge
            | MednumModalitesAcces
            | MednumModalitesAccompagnement
            | MednumTypologie
            | MednumDispositifProgrammesNationaux
            | MednumFormationsLabels => Standard::MedNum,
            DiThematiques
            | DiPublics
            | DiFrais
            | DiModesAccueil
            | DiModesMobilisation
            | DiPersonnesMobilisatrices
            | DiTypesDeServices
            | DiTypologiesDeServices
            | DiReseauxPorteurs => Standard::DataInclusion,
            DiV0TypologiesDeStructures | DiV0LabelsNationaux => Standard::DataInclusionV0,
            Fep8a8eCategory => Standard::Fep8a8e,
        }
    }

    /// The scheme whose concepts it matches.
    pub const fn scheme(self) -> Scheme {
        use CodeList::*;
        match self {
            MednumServices | DiThematiques => Scheme::Service,
            MednumPublics | DiPublics => Scheme::Public,
            MednumPriseEnChargeSpecifique => Scheme::SpecificSupport,
            MednumFraisACharge | DiFrais => Scheme::Fee,
            MednumModalitesAcces | DiModesMobilisation | DiPersonnesMobilisatrices => {
                Scheme::AccessMode
            }
            MednumModalitesAccompagnement | DiModesAccueil => Scheme::SupportMode,
            DiTypesDeServices | DiTypologiesDeServices => Scheme::ServiceType,
            MednumTypologie | DiV0TypologiesDeStructures => Scheme::StructureType,
            MednumDispositifProgrammesNationaux => Scheme::Programme,
            MednumFormationsLabels => Scheme::Label,
            DiReseauxPorteurs | DiV0LabelsNationaux => Scheme::Network,
            Fep8a8eCategory => Scheme::EventCategory,
        }
    }

    /// Its upstream name: the MedNum field, the data.inclusion file stem, or `category`.
    pub const fn name(self) -> &'static str {
        use CodeList::*;
        match self {
            MednumServices => "services",
            MednumPublics => "publics_specifiquement_adresses",
            MednumPriseEnChargeSpecifique => "prise_en_charge_specifique",
            MednumFraisACharge => "frais_a_charge",
            MednumModalitesAcces => "modalites_acces",
            MednumModalitesAccompagnement => "modalites_accompagnement",
            MednumTypologie => "typologie",
            MednumDispositifProgrammesNationaux => "dispositif_programmes_nationaux",
            MednumFormationsLabels => "formations_labels",
            DiThematiques => "thematiques",
            DiPublics => "publics",
            DiFrais => "frais",
            DiModesAccueil => "modes-accueil",
            DiModesMobilisation => "modes-mobilisation",
            DiPersonnesMobilisatrices => "personnes-mobilisatrices",
            DiTypesDeServices => "types-de-services",
            DiTypologiesDeServices => "typologies-de-services",
            DiReseauxPorteurs => "reseaux-porteurs",
            DiV0TypologiesDeStructures => "typologies-de-structures",
            DiV0LabelsNationaux => "labels-nationaux",
            Fep8a8eCategory => "category",
        }
    }

    /// The path segment of its IRI (`mednum/frais_a_charge`, `data-inclusion/frais`…).
    pub fn slug(self) -> String {
        let standard = match self.standard() {
            Standard::MedNum => "mednum",
            Standard::DataInclusion => "data-inclusion",
            Standard::DataInclusionV0 => "data-inclusion-v0",
            Standard::Fep8a8e => "fep-8a8e",
        };
        format!("{standard}/{}", self.name())
    }

    /// Its IRI in our namespace (`https://galaxie.tiers-lieux.fr/ns#list/mednum/services`):
    /// the upstream lists publish no IRIs of their own.
    pub fn iri(self) -> String {
        format!("{NAMESPACE}list/{}", self.slug())
    }

    /// Where the list is published, pinned to the version the vocabulary was built from.
    pub fn source(self) -> String {
        match self.standard() {
            Standard::MedNum => MEDNUM_SOURCE.to_string(),
            Standard::DataInclusion => format!("{DI_V1_SOURCE}{}.json", self.name()),
            Standard::DataInclusionV0 => format!("{DI_V0_SOURCE}{}.json", self.name()),
            Standard::Fep8a8e => "https://w3id.org/fep/8a8e/category".to_string(),
        }
    }

    /// A human name for the list ("MedNum — frais_a_charge").
    pub fn label(self) -> String {
        let standard = match self.standard() {
            Standard::MedNum => "MedNum",
            Standard::DataInclusion => "data.inclusion",
            Standard::DataInclusionV0 => "data.inclusion v0",
            Standard::Fep8a8e => "FEP-8a8e",
        };
        format!("{standard} — {}", self.name())
    }
}

/// "This concept is exactly the value `value` of the upstream list `list`."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExactMatch {
    /// The upstream list.
    pub list: CodeList,
    /// The value, exactly as the standard writes it (case, accents and punctuation).
    pub value: &'static str,
}

impl ExactMatch {
    /// A match.
    pub const fn new(list: CodeList, value: &'static str) -> ExactMatch {
        ExactMatch { list, value }
    }
}

/// One concept of the vocabulary.
///
/// Only the vocabulary's tables make concepts; look them up with [`by_slug`], [`by_iri`],
/// [`from_mednum`], [`from_data_inclusion`] or [`from_code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Concept {
    /// Its scheme.
    pub scheme: Scheme,
    /// Its slug, unique within the scheme and never changed.
    pub slug: &'static str,
    /// French label.
    pub label_fr: &'static str,
    /// Easy-read (FALC) French label, at most [`FALC_MAX_CHARS`] characters.
    pub label_falc: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// File name of its pictogram in `crates/domain/pictograms/` (see [`pictogram`]).
    pub pictogram: &'static str,
    /// Slug of its broader concept in the same scheme, if any.
    pub broader: Option<&'static str>,
    /// Closely related concepts, possibly in other schemes, as `scheme/slug` paths (a MedNum
    /// service and the data.inclusion thematique it overlaps, a programme and its network).
    pub close: &'static [&'static str],
    /// Its exact matches in the upstream lists. A list may hold several values for one concept
    /// (upstream synonyms); the first is the one we write.
    pub matches: &'static [ExactMatch],
}

impl Concept {
    /// An empty concept of `scheme`, the base of the tables' struct literals.
    pub(crate) const fn base(scheme: Scheme) -> Concept {
        Concept {
            scheme,
            slug: "",
            label_fr: "",
            label_falc: "",
            label_en: "",
            pictogram: "",
            broader: None,
            close: &[],
            matches: &[],
        }
    }

    /// Its IRI (`https://galaxie.tiers-lieux.fr/ns#service/aide-demarches-administratives`).
    pub fn iri(&self) -> String {
        format!("{NAMESPACE}{}/{}", self.scheme.slug(), self.slug)
    }

    /// Its compact IRI under our JSON-LD context (`gx:service/aide-demarches-administratives`).
    pub fn compact_iri(&self) -> String {
        format!("{PREFIX}{}/{}", self.scheme.slug(), self.slug)
    }

    /// Its value in `list`, if it has one.
    pub fn code(&self, list: CodeList) -> Option<&'static str> {
        self.matches
            .iter()
            .find(|m| m.list == list)
            .map(|m| m.value)
    }

    fn code_in(&self, standard: Standard) -> Option<&'static str> {
        self.matches
            .iter()
            .find(|m| m.list.standard() == standard)
            .map(|m| m.value)
    }

    /// Its MedNum value, exactly as the MedNum CSV writes it.
    pub fn mednum(&self) -> Option<&'static str> {
        self.code_in(Standard::MedNum)
    }

    /// Its data.inclusion v1 value.
    pub fn data_inclusion(&self) -> Option<&'static str> {
        self.code_in(Standard::DataInclusion)
    }

    /// Its data.inclusion v0 value (structure types, v0 national labels).
    pub fn data_inclusion_v0(&self) -> Option<&'static str> {
        self.code_in(Standard::DataInclusionV0)
    }

    /// Its FEP-8a8e `category` value.
    pub fn fep_8a8e(&self) -> Option<&'static str> {
        self.code_in(Standard::Fep8a8e)
    }

    /// The label for a language tag: `fr-x-falc` gives the easy-read label, `en…` the English
    /// one, anything else the French one.
    pub fn label(&self, language: &str) -> &'static str {
        let language = language.to_ascii_lowercase();
        if language == FALC_LANGUAGE {
            self.label_falc
        } else if language == "en" || language.starts_with("en-") {
            self.label_en
        } else {
            self.label_fr
        }
    }

    /// Its broader concept.
    pub fn parent(&self) -> Option<&'static Concept> {
        self.broader.and_then(|slug| by_slug(self.scheme, slug))
    }

    /// Its narrower concepts.
    pub fn children(&self) -> impl Iterator<Item = &'static Concept> {
        let (scheme, slug) = (self.scheme, self.slug);
        scheme
            .concepts()
            .iter()
            .filter(move |c| c.broader == Some(slug))
    }

    /// The concepts it is close to.
    pub fn close_concepts(&self) -> impl Iterator<Item = &'static Concept> {
        self.close.iter().filter_map(|path| by_path(path))
    }

    /// Its pictogram's SVG text.
    pub fn pictogram_svg(&self) -> Option<&'static str> {
        pictogram(self.pictogram)
    }
}

/// What went wrong when reading a vocabulary value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VocabError {
    /// No scheme has this slug.
    #[error("{0:?} is not a vocabulary scheme")]
    UnknownScheme(String),
    /// A value that no concept of the scheme matches.
    #[error("{value:?} is not a known value for {scheme}")]
    UnknownValue {
        /// The scheme looked in.
        scheme: Scheme,
        /// The value found.
        value: String,
    },
}

struct Index {
    by_slug: HashMap<(Scheme, &'static str), &'static Concept>,
    by_code: HashMap<(CodeList, &'static str), &'static Concept>,
}

/// Built once, on first use, from the static tables: immutable, shared by every instance in
/// the process.
static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut index = Index {
        by_slug: HashMap::new(),
        by_code: HashMap::new(),
    };
    for concept in all() {
        index
            .by_slug
            .entry((concept.scheme, concept.slug))
            .or_insert(concept);
        for m in concept.matches {
            index.by_code.entry((m.list, m.value)).or_insert(concept);
        }
    }
    index
});

/// Every concept, scheme by scheme.
pub fn all() -> impl Iterator<Item = &'static Concept> + Clone {
    Scheme::ALL.into_iter().flat_map(Scheme::concepts)
}

/// The concept with this slug in `scheme`.
pub fn by_slug(scheme: Scheme, slug: &str) -> Option<&'static Concept> {
    INDEX.by_slug.get(&(scheme, slug)).copied()
}

/// The concept at `scheme/slug` (`service/numerique`).
pub fn by_path(path: &str) -> Option<&'static Concept> {
    let (scheme, slug) = path.split_once('/')?;
    by_slug(Scheme::from_slug(scheme)?, slug)
}

/// The concept with this IRI, full (`https://galaxie.tiers-lieux.fr/ns#fee/gratuit`) or
/// compact (`gx:fee/gratuit`).
pub fn by_iri(iri: &str) -> Option<&'static Concept> {
    let path = iri
        .strip_prefix(NAMESPACE)
        .or_else(|| iri.strip_prefix(PREFIX))?;
    by_path(path)
}

/// The concept that is exactly `value` in `list`.
pub fn from_code(list: CodeList, value: &str) -> Option<&'static Concept> {
    INDEX.by_code.get(&(list, value)).copied()
}

/// The concept of `scheme` whose MedNum value is exactly `value` (one value, not a
/// `|`-separated list: see [`parse_mednum_list`]).
pub fn from_mednum(scheme: Scheme, value: &str) -> Option<&'static Concept> {
    scheme
        .code_lists()
        .filter(|l| l.standard() == Standard::MedNum)
        .find_map(|l| from_code(l, value))
}

/// The concept of `scheme` whose data.inclusion value is exactly `value`: a v1 value, or else
/// a v0 one (structure types, old national labels).
pub fn from_data_inclusion(scheme: Scheme, value: &str) -> Option<&'static Concept> {
    let in_standard = |standard: Standard| {
        scheme
            .code_lists()
            .filter(move |l| l.standard() == standard)
            .find_map(|l| from_code(l, value))
    };
    in_standard(Standard::DataInclusion).or_else(|| in_standard(Standard::DataInclusionV0))
}

/// The event category with this FEP-8a8e `category` value (`FOOD_DRINK`).
pub fn from_fep_8a8e(category: &str) -> Option<&'static Concept> {
    from_code(CodeList::Fep8a8eCategory, category)
}

/// Reads a MedNum multi-value cell (`Gratuit|Payant`): values are split on `|` and trimmed,
/// empty ones skipped, duplicates kept once, in order.
pub fn parse_mednum_list(scheme: Scheme, raw: &str) -> Result<Vec<&'static Concept>, VocabError> {
    let mut concepts: Vec<&'static Concept> = Vec::new();
    for value in raw.split('|').map(str::trim).filter(|v| !v.is_empty()) {
        let concept = from_mednum(scheme, value).ok_or_else(|| VocabError::UnknownValue {
            scheme,
            value: value.to_string(),
        })?;
        if !concepts.iter().any(|c| std::ptr::eq(*c, concept)) {
            concepts.push(concept);
        }
    }
    Ok(concepts)
}

/// Writes concepts as a MedNum multi-value cell, skipping those without a MedNum value.
pub fn to_mednum_list<'a>(concepts: impl IntoIterator<Item = &'a Concept>) -> String {
    concepts
        .into_iter()
        .filter_map(Concept::mednum)
        .collect::<Vec<_>>()
        .join("|")
}

/// The SVG text of the pictogram with this file name (`house.svg`).
pub fn pictogram(name: &str) -> Option<&'static str> {
    let table = pictograms::PICTOGRAMS;
    table
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .and_then(|i| table.get(i))
        .map(|(_, svg)| *svg)
}

/// Every pictogram: file name and SVG text.
pub fn pictograms() -> impl Iterator<Item = (&'static str, &'static str)> {
    pictograms::PICTOGRAMS.iter().copied()
}

/// Resolves what a person or a CLI gives for a concept of `scheme`: its slug
/// (`aide-demarches-administratives`), its `scheme/slug` path, its IRI, its exact MedNum text or
/// its data.inclusion value.
pub fn resolve(scheme: Scheme, given: &str) -> Option<&'static Concept> {
    let given = given.trim();
    by_slug(scheme, given)
        .or_else(|| by_slug(scheme, &given.to_lowercase()))
        .or_else(|| by_iri(given).filter(|c| c.scheme == scheme))
        .or_else(|| by_path(given).filter(|c| c.scheme == scheme))
        .or_else(|| from_mednum(scheme, given))
        .or_else(|| from_data_inclusion(scheme, given))
}

/// Resolves a list of concepts of `scheme` into their slugs (each once, in order), recording
/// an error on `field` for each value that is not in the vocabulary.
pub fn resolve_slugs(
    errors: &mut crate::ValidationErrors,
    field: &str,
    scheme: Scheme,
    values: &[String],
) -> Vec<String> {
    let mut slugs: Vec<String> = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match resolve(scheme, value) {
            Some(concept) => {
                if !slugs.iter().any(|s| s == concept.slug) {
                    slugs.push(concept.slug.to_string());
                }
            }
            None => errors.add(
                field,
                format!(
                    "{value:?} is not a concept of the vocabulary ({}); the list is at /vocab",
                    scheme.slug()
                ),
            ),
        }
    }
    slugs
}
