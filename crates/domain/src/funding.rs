//! Funding calls (veille des financements): who funds what, for which structures, where, until
//! when. A call is validated here ([`NewFundingCall`]), matched to a place ([`eligibility`]),
//! summed up in one French line for Mastodon ([`NewFundingCall::summary_line`]), and the
//! vocabularies of funders' feeds (Aides-territoires' audiences, categories and perimeters, RSS
//! categories) are mapped to the shared vocabulary ([`map_audience`], [`map_theme`],
//! [`map_perimeter`]); what cannot be mapped is said, never guessed.

use crate::place::parse_web_url;
use crate::territory::{self, Area};
use crate::validation::{ValidationErrors, non_empty, optional_text, required_text};
use crate::vocab::{self, Scheme};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use url::Url;

/// Where a call is open: all of France, a région, a département or a commune (INSEE codes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Territory {
    /// The whole country.
    France,
    /// A région, by INSEE code (`44`).
    Region(String),
    /// A département, by INSEE code (`67`, `2A`, `974`).
    Departement(String),
    /// A commune, by INSEE code (`67482`).
    Commune(String),
}

impl Territory {
    /// Reads `france`, `region:44`, `departement:67` (or `dep:67`), `commune:67482`; a bare
    /// five-character code is a commune, a bare two- or three-character code a département.
    pub fn parse(raw: &str) -> Result<Territory, String> {
        let raw = raw.trim();
        let lower = raw.to_lowercase();
        if matches!(lower.as_str(), "france" | "fr" | "national" | "nationale") {
            return Ok(Territory::France);
        }
        let (kind, code) = match lower.split_once(':') {
            Some((kind, code)) => (Some(kind.trim()), code.trim()),
            None => (None, lower.as_str()),
        };
        let commune = |code: &str| {
            crate::identity::parse_insee_code(code)
                .ok()
                .filter(|c| territory::departement_of_commune(c).is_some())
                .map(Territory::Commune)
        };
        let departement = |code: &str| {
            territory::departement(code).map(|d| Territory::Departement(d.code.into()))
        };
        let found = match kind {
            Some("region" | "région" | "reg") => {
                territory::region(code).map(|r| Territory::Region(r.code.into()))
            }
            Some("departement" | "département" | "dep") => departement(code),
            Some("commune" | "com" | "insee") => commune(code),
            Some(_) => None,
            None if code.len() == 5 => commune(code),
            None => departement(code),
        };
        found.ok_or_else(|| {
            format!(
                "unknown territory {raw:?}: write france, region:<code>, departement:<code> or a commune's INSEE code"
            )
        })
    }

    /// Whether a place in `area` is inside.
    pub fn contains(&self, area: &Area) -> bool {
        match self {
            Territory::France => true,
            Territory::Region(code) => area.region.as_deref() == Some(code),
            Territory::Departement(code) => area.departement.as_deref() == Some(code),
            Territory::Commune(code) => area.insee_code.as_deref() == Some(code),
        }
    }

    /// Its name in French ("Grand Est", "Bas-Rhin", "commune 67482", "France").
    pub fn label_fr(&self) -> String {
        match self {
            Territory::France => "France".to_string(),
            Territory::Region(code) => territory::region(code)
                .map(|r| r.name.to_string())
                .unwrap_or_else(|| format!("région {code}")),
            Territory::Departement(code) => territory::departement(code)
                .map(|d| format!("{} ({})", d.name, d.code))
                .unwrap_or_else(|| format!("département {code}")),
            Territory::Commune(code) => format!("commune {code}"),
        }
    }
}

impl fmt::Display for Territory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Territory::France => f.write_str("france"),
            Territory::Region(c) => write!(f, "region:{c}"),
            Territory::Departement(c) => write!(f, "departement:{c}"),
            Territory::Commune(c) => write!(f, "commune:{c}"),
        }
    }
}

impl From<Territory> for String {
    fn from(t: Territory) -> String {
        t.to_string()
    }
}

impl TryFrom<String> for Territory {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Territory::parse(&value)
    }
}

/// Who may apply, where, on what: the part of a call that decides eligibility.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Criteria {
    /// Legal forms (`legal-form` scheme slugs); empty: any.
    pub legal_forms: Vec<String>,
    /// Structure types (`structure-type` scheme slugs); empty: any.
    pub structure_types: Vec<String>,
    /// Where; empty: all of France.
    pub territory: Vec<Territory>,
    /// Themes (`service` scheme slugs); empty: any.
    pub themes: Vec<String>,
}

/// A validated funding call.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFundingCall {
    /// Its title ("Appel à projets Inclusion numérique 2027").
    pub name: String,
    /// Who funds (Région Grand Est, Banque des Territoires…).
    pub funder: Option<String>,
    /// The programme or scheme it belongs to.
    pub programme: Option<String>,
    /// What it funds, in plain words.
    pub description: Option<String>,
    /// Easy-read (FALC) description.
    pub description_falc: Option<String>,
    /// Easy-read one-line summary; a default one is written when absent.
    pub summary_falc: Option<String>,
    /// Last day to apply; `None`: open until further notice (au fil de l'eau).
    pub deadline: Option<NaiveDate>,
    /// First day to apply.
    pub opening_date: Option<NaiveDate>,
    /// Who may apply, where, on what.
    pub criteria: Criteria,
    /// Highest amount, in euros.
    pub amount_max: Option<u64>,
    /// Highest rate of the project's cost, in percent.
    pub rate_max: Option<u8>,
    /// Amounts in words, when they do not fit the two numbers.
    pub amount_text: Option<String>,
    /// How to apply, in plain words.
    pub how_to_apply: Option<String>,
    /// Where to apply.
    pub application_url: Option<Url>,
    /// The funder's page: the source, and the first key of deduplication.
    pub source_url: Option<Url>,
}

/// Raw input for a funding call (form, JSON body, import).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFundingCall {
    pub name: Option<String>,
    pub funder: Option<String>,
    pub programme: Option<String>,
    pub description: Option<String>,
    pub description_falc: Option<String>,
    pub summary_falc: Option<String>,
    /// `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// `YYYY-MM-DD`.
    pub opening_date: Option<String>,
    pub legal_forms: Option<Vec<String>>,
    pub structure_types: Option<Vec<String>>,
    pub territory: Option<Vec<String>>,
    pub themes: Option<Vec<String>>,
    pub amount_max: Option<u64>,
    pub rate_max: Option<u8>,
    pub amount_text: Option<String>,
    pub how_to_apply: Option<String>,
    pub application_url: Option<String>,
    pub source_url: Option<String>,
}

/// Reads a `YYYY-MM-DD` date (a full RFC 3339 time gives its date).
pub fn parse_date(raw: &str) -> Result<NaiveDate, String> {
    let raw = raw.trim();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| chrono::DateTime::parse_from_rfc3339(raw).map(|t| t.date_naive()))
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .map_err(|_| format!("{raw:?} is not a date: write YYYY-MM-DD"))
}

fn distinct(values: Option<Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values.unwrap_or_default() {
        if let Some(v) = non_empty(Some(&v))
            && !out.contains(&v)
        {
            out.push(v);
        }
    }
    out
}

impl NewFundingCall {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawFundingCall) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = required_text(&mut errors, "name", raw.name.as_deref(), 300);
        let funder = optional_text(&mut errors, "funder", raw.funder.as_deref(), 200);
        let programme = optional_text(&mut errors, "programme", raw.programme.as_deref(), 200);
        let description = optional_text(
            &mut errors,
            "description",
            raw.description.as_deref(),
            20_000,
        );
        let description_falc = optional_text(
            &mut errors,
            "description_falc",
            raw.description_falc.as_deref(),
            10_000,
        );
        let summary_falc = optional_text(
            &mut errors,
            "summary_falc",
            raw.summary_falc.as_deref(),
            280,
        );
        let deadline = non_empty(raw.deadline.as_deref())
            .and_then(|d| errors.check("deadline", parse_date(&d)));
        let opening_date = non_empty(raw.opening_date.as_deref())
            .and_then(|d| errors.check("opening_date", parse_date(&d)));
        if let (Some(open), Some(close)) = (opening_date, deadline)
            && open > close
        {
            errors.add("deadline", "is before the opening date");
        }
        let legal_forms = vocab::resolve_slugs(
            &mut errors,
            "legal_forms",
            Scheme::LegalForm,
            &distinct(raw.legal_forms),
        );
        let structure_types = vocab::resolve_slugs(
            &mut errors,
            "structure_types",
            Scheme::StructureType,
            &distinct(raw.structure_types),
        );
        let themes = vocab::resolve_slugs(
            &mut errors,
            "themes",
            Scheme::Service,
            &distinct(raw.themes),
        );
        let mut territory_list: Vec<Territory> = Vec::new();
        for t in distinct(raw.territory) {
            if let Some(t) = errors.check("territory", Territory::parse(&t))
                && !territory_list.contains(&t)
            {
                territory_list.push(t);
            }
        }
        if territory_list.contains(&Territory::France) {
            territory_list = Vec::new();
        }
        if raw.rate_max.is_some_and(|r| r == 0 || r > 100) {
            errors.add("rate_max", "is a percentage: between 1 and 100");
        }
        let amount_text =
            optional_text(&mut errors, "amount_text", raw.amount_text.as_deref(), 300);
        let how_to_apply = optional_text(
            &mut errors,
            "how_to_apply",
            raw.how_to_apply.as_deref(),
            5_000,
        );
        let application_url = non_empty(raw.application_url.as_deref())
            .and_then(|u| errors.check("application_url", parse_web_url(&u)));
        let source_url = non_empty(raw.source_url.as_deref())
            .and_then(|u| errors.check("source_url", parse_web_url(&u)));
        match name {
            Some(name) if errors.is_empty() => Ok(NewFundingCall {
                name,
                funder,
                programme,
                description,
                description_falc,
                summary_falc,
                deadline,
                opening_date,
                criteria: Criteria {
                    legal_forms,
                    structure_types,
                    territory: territory_list,
                    themes,
                },
                amount_max: raw.amount_max.filter(|a| *a > 0),
                rate_max: raw.rate_max,
                amount_text,
                how_to_apply,
                application_url,
                source_url,
            }),
            _ => Err(errors),
        }
    }

    /// Refuses a deadline already past on `today`: such a call is archived, not published.
    pub fn check_open(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        match self.deadline {
            Some(d) if d < today => Err(ValidationErrors::single(
                "deadline",
                format!("{d} is past: the call is closed"),
            )),
            _ => Ok(()),
        }
    }

    /// The amounts in French ("jusqu'à 10 000 €", "jusqu'à 80 %", or as written).
    pub fn amount_line(&self) -> Option<String> {
        amount_line(self.amount_max, self.rate_max, self.amount_text.as_deref())
    }

    /// "Appel à projets Inclusion numérique — Région Grand Est — date limite 15 janv. 2027 —
    /// jusqu'à 10 000 €": what Mastodon shows of the `Page`.
    pub fn summary_line(&self) -> String {
        let mut parts = vec![self.name.clone()];
        parts.extend(self.funder.clone());
        parts.push(match self.deadline {
            Some(d) => format!("date limite {}", french_date(d)),
            None => "sans date limite".to_string(),
        });
        parts.extend(self.amount_line());
        parts.join(" — ")
    }

    /// The easy-read one-line summary: the one given, or a plain default.
    pub fn summary_falc_line(&self) -> String {
        if let Some(s) = &self.summary_falc {
            return s.clone();
        }
        let who = self
            .funder
            .as_deref()
            .map(|f| format!("{f} donne de l’argent pour des projets."))
            .unwrap_or_else(|| "De l’argent pour des projets.".to_string());
        match self.deadline {
            Some(d) => format!("{who} Il faut demander avant le {}.", french_date_long(d)),
            None => format!("{who} On peut demander à tout moment."),
        }
    }

    /// The key that finds the same call from another source: funder, title and deadline,
    /// lower case, without accents or punctuation.
    pub fn dedup_key(&self) -> String {
        dedup_key(self.funder.as_deref(), &self.name, self.deadline)
    }
}

/// See [`NewFundingCall::amount_line`].
pub fn amount_line(
    amount_max: Option<u64>,
    rate_max: Option<u8>,
    text: Option<&str>,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(a) = amount_max {
        parts.push(format!("jusqu’à {} €", thousands(a)));
    }
    if let Some(r) = rate_max {
        parts.push(format!("jusqu’à {r} %"));
    }
    if parts.is_empty() {
        return text.map(str::to_string);
    }
    Some(parts.join(", "))
}

/// `10000` → `10 000` (French thousands, narrow no-break space).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

const MONTHS_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_LONG: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "15 janv. 2027".
pub fn french_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {} {}",
        d.day(),
        MONTHS_SHORT[d.month0() as usize],
        d.year()
    )
}

/// "15 janvier 2027".
pub fn french_date_long(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {} {}",
        d.day(),
        MONTHS_LONG[d.month0() as usize],
        d.year()
    )
}

/// Days from `today` to `deadline` (0: it closes today; negative: closed).
pub fn days_left(deadline: NaiveDate, today: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

/// "Ferme aujourd’hui", "Ferme demain", "Ferme dans 12 jours", "Fermé".
pub fn closes_in_fr(days: i64) -> String {
    match days {
        d if d < 0 => "Fermé".to_string(),
        0 => "Ferme aujourd’hui".to_string(),
        1 => "Ferme demain".to_string(),
        d => format!("Ferme dans {d} jours"),
    }
}

/// "Closes today", "Closes tomorrow", "Closes in 12 days", "Closed".
pub fn closes_in_en(days: i64) -> String {
    match days {
        d if d < 0 => "Closed".to_string(),
        0 => "Closes today".to_string(),
        1 => "Closes tomorrow".to_string(),
        d => format!("Closes in {d} days"),
    }
}

/// Lower case, French accents folded, anything else than letters and digits made one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'œ' => {
                out.push('o');
                'e'
            }
            'æ' => {
                out.push('a');
                'e'
            }
            c => c,
        };
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_string()
}

/// See [`NewFundingCall::dedup_key`].
pub fn dedup_key(funder: Option<&str>, name: &str, deadline: Option<NaiveDate>) -> String {
    format!(
        "{}|{}|{}",
        fold(funder.unwrap_or_default()),
        fold(name),
        deadline.map(|d| d.to_string()).unwrap_or_default()
    )
}

/// What we know of a place to match it to calls.
#[derive(Debug, Clone, Default)]
pub struct Applicant {
    /// Its legal form (slug).
    pub legal_form: Option<String>,
    /// Its structure types (slugs).
    pub structure_types: Vec<String>,
    /// Its services (slugs).
    pub services: Vec<String>,
    /// Where it is.
    pub area: Area,
}

/// Why a place is not eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ineligible {
    /// Its legal form and structure types are not among the eligible structures.
    Structure,
    /// It is outside the call's territory (or its territory is unknown).
    Territory,
    /// None of its services is about the call's themes.
    Theme,
}

fn related(scheme: Scheme, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let ancestors = |slug: &str| {
        let mut out = Vec::new();
        let mut c = vocab::by_slug(scheme, slug);
        while let Some(concept) = c {
            out.push(concept.slug);
            for close in concept.close_concepts() {
                out.push(close.slug);
            }
            c = concept.parent();
        }
        out
    };
    ancestors(a).contains(&b) || ancestors(b).contains(&a)
}

/// Whether `who` may apply to a call with `criteria`: the reasons it may not, none when it
/// may. Eligible structures are legal forms or structure types (either matches, a narrower
/// form matches a broader one: a SCIC is a coopérative); themes are checked only when the
/// place lists services.
pub fn eligibility(criteria: &Criteria, who: &Applicant) -> Vec<Ineligible> {
    let mut reasons = Vec::new();
    let restricted = !criteria.legal_forms.is_empty() || !criteria.structure_types.is_empty();
    if restricted {
        let by_form = who.legal_form.as_deref().is_some_and(|form| {
            criteria.legal_forms.iter().any(|f| {
                form == f
                    || std::iter::successors(vocab::by_slug(Scheme::LegalForm, form), |c| {
                        c.parent()
                    })
                    .any(|c| c.slug == f)
            })
        });
        let by_type = who
            .structure_types
            .iter()
            .any(|t| criteria.structure_types.contains(t));
        if !by_form && !by_type {
            reasons.push(Ineligible::Structure);
        }
    }
    if !criteria.territory.is_empty() && !criteria.territory.iter().any(|t| t.contains(&who.area)) {
        reasons.push(Ineligible::Territory);
    }
    if !criteria.themes.is_empty()
        && !who.services.is_empty()
        && !criteria.themes.iter().any(|theme| {
            who.services
                .iter()
                .any(|s| related(Scheme::Service, theme, s))
        })
    {
        reasons.push(Ineligible::Theme);
    }
    reasons
}

/// What one value of a funder's vocabulary means in ours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    /// Legal forms.
    pub legal_forms: Vec<String>,
    /// Structure types.
    pub structure_types: Vec<String>,
    /// Themes (`service` slugs).
    pub themes: Vec<String>,
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|s| s.to_string()).collect()
}

/// An Aides-territoires `targeted_audiences` value (code or French label) or an RSS category
/// naming who may apply. `None`: not a structure Galaxie knows (a private person, a farmer…).
pub fn map_audience(value: &str) -> Option<Mapped> {
    let key = fold(value);
    let forms: &[&str] = match key.as_str() {
        "commune" | "communes" => &["commune"],
        "epci"
        | "epci a fiscalite propre"
        | "intercommunalite"
        | "intercommunalites"
        | "intercommunalites pays" => &["epci"],
        "department" | "departement" | "departements" => &["departement"],
        "region" | "regions" => &["region"],
        "association" | "associations" => &["association"],
        "private sector"
        | "entreprise"
        | "entreprises"
        | "entreprises privees"
        | "entreprise privee" => &[
            "sas",
            "sarl",
            "sa",
            "cooperative",
            "entrepreneur-individuel",
            "micro-entrepreneur",
        ],
        "public cies"
        | "public org"
        | "etablissement public"
        | "etablissements publics"
        | "etablissements publics etat" => &["etablissement-public"],
        "cooperative" | "cooperatives" | "ess" | "economie sociale et solidaire" => {
            &["cooperative", "scic", "scop", "association"]
        }
        "scic" => &["scic"],
        "scop" => &["scop"],
        "fondation" | "fondations" => &["fondation"],
        "collectivite" | "collectivites" | "collectivites territoriales" => {
            &["commune", "epci", "departement", "region"]
        }
        _ => &[],
    };
    if !forms.is_empty() {
        return Some(Mapped {
            legal_forms: strings(forms),
            ..Default::default()
        });
    }
    let types: &[&str] = match key.as_str() {
        "tiers lieux" | "tiers lieu" | "tiers lieux numeriques" => &["tiers-lieux"],
        "epn" | "espace public numerique" | "espaces publics numeriques" => &["epn"],
        "fablab" | "fablabs" => &["fablab"],
        "france services" | "msap" => &["msap"],
        "mediatheque" | "mediatheques" | "bibliotheque" | "bibliotheques" => &["bib"],
        _ => &[],
    };
    if !types.is_empty() {
        return Some(Mapped {
            structure_types: strings(types),
            ..Default::default()
        });
    }
    if let Some(c) = vocab::resolve(Scheme::LegalForm, value) {
        return Some(Mapped {
            legal_forms: vec![c.slug.to_string()],
            ..Default::default()
        });
    }
    vocab::resolve(Scheme::StructureType, value).map(|c| Mapped {
        structure_types: vec![c.slug.to_string()],
        ..Default::default()
    })
}

/// An Aides-territoires category (`"Numérique / Inclusion numérique"`) or an RSS category
/// naming a theme. `None`: no concept of ours says it.
pub fn map_theme(value: &str) -> Option<Mapped> {
    let parts: Vec<&str> = value
        .split(['/', '|', '>'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // The most precise part first.
    for part in parts.iter().rev().copied().chain(std::iter::once(value)) {
        let key = fold(part);
        let themes: &[&str] = match key.as_str() {
            "numerique"
            | "numerique et technologies"
            | "transition numerique"
            | "usages numeriques" => &["numerique"],
            "inclusion numerique" | "mediation numerique" | "competences numeriques" => {
                &["numerique--maitriser-les-fondamentaux-du-numerique"]
            }
            "acces aux droits" | "acces au droit" => &[
                "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
            ],
            "emploi" | "insertion professionnelle" | "emploi insertion" => {
                &["preparer-sa-candidature"]
            }
            "formation" | "formation professionnelle" => &["se-former"],
            "mobilite" | "mobilites" => &["mobilite"],
            "sante" => &["sante"],
            "logement" | "habitat" | "logement habitat" => &["logement-hebergement"],
            "famille" | "parentalite" | "enfance" => &["famille"],
            "lien social" | "cohesion sociale" | "solidarite" | "solidarites" => {
                &["remobilisation--lien-social"]
            }
            "culture" | "sport" | "loisirs" => {
                &["remobilisation--activites-sportives-et-culturelles"]
            }
            "creation d entreprise" | "entrepreneuriat" => &["creer-une-entreprise"],
            _ => &[],
        };
        if !themes.is_empty() {
            return Some(Mapped {
                themes: strings(themes),
                ..Default::default()
            });
        }
        if key == "tiers lieux" || key == "tiers lieu" {
            return Some(Mapped {
                structure_types: strings(&["tiers-lieux"]),
                ..Default::default()
            });
        }
        if let Some(c) = vocab::resolve(Scheme::Service, part) {
            return Some(Mapped {
                themes: vec![c.slug.to_string()],
                ..Default::default()
            });
        }
    }
    None
}

/// An Aides-territoires perimeter ("France", "Grand Est", "Bas-Rhin", "Strasbourg (67482)",
/// an INSEE code). `None`: not a French territory we can place (a European programme is read
/// as France; a foreign country is not).
pub fn map_perimeter(value: &str) -> Option<Territory> {
    let key = fold(value);
    if matches!(
        key.as_str(),
        "france"
            | "national"
            | "nationale"
            | "france metropolitaine"
            | "europe"
            | "union europeenne"
    ) {
        return Some(Territory::France);
    }
    if let Some(r) = territory::REGIONS.iter().find(|r| fold(r.name) == key) {
        return Some(Territory::Region(r.code.to_string()));
    }
    if let Some(d) = territory::DEPARTEMENTS.iter().find(|d| fold(d.name) == key) {
        return Some(Territory::Departement(d.code.to_string()));
    }
    // "Strasbourg (67482)" or a bare code.
    let code = value
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .unwrap_or(value);
    Territory::parse(code).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        parse_date(s).expect("date")
    }

    fn call() -> NewFundingCall {
        NewFundingCall::parse(RawFundingCall {
            name: Some("Appel à projets Inclusion numérique".into()),
            funder: Some("Région Grand Est".into()),
            deadline: Some("2027-01-15".into()),
            amount_max: Some(10_000),
            legal_forms: Some(vec!["association".into(), "cooperative".into()]),
            territory: Some(vec!["region:44".into()]),
            themes: Some(vec!["numerique".into()]),
            ..Default::default()
        })
        .expect("valid")
    }

    #[test]
    fn a_call_reads_well_on_one_line() {
        assert_eq!(
            call().summary_line(),
            "Appel à projets Inclusion numérique — Région Grand Est — date limite 15 janv. 2027 — jusqu’à 10\u{202f}000 €"
        );
        assert_eq!(
            call().summary_falc_line(),
            "Région Grand Est donne de l’argent pour des projets. Il faut demander avant le 15 janvier 2027."
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let e = NewFundingCall::parse(RawFundingCall {
            deadline: Some("demain".into()),
            legal_forms: Some(vec!["pirate".into()]),
            territory: Some(vec!["Atlantide".into()]),
            rate_max: Some(150),
            source_url: Some("javascript:alert(1)".into()),
            ..Default::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = e.errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "name",
            "deadline",
            "legal_forms",
            "territory",
            "rate_max",
            "source_url",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }

    #[test]
    fn territories_are_typed_codes() {
        assert_eq!(Territory::parse("France"), Ok(Territory::France));
        assert_eq!(
            Territory::parse("region:44"),
            Ok(Territory::Region("44".into()))
        );
        assert_eq!(
            Territory::parse("44"),
            Ok(Territory::Departement("44".into()))
        );
        assert_eq!(
            Territory::parse("67482"),
            Ok(Territory::Commune("67482".into()))
        );
        assert!(Territory::parse("region:99").is_err());
        let strasbourg = territory::locate(None, Some("67482"));
        assert!(Territory::Region("44".into()).contains(&strasbourg));
        assert!(Territory::Departement("67".into()).contains(&strasbourg));
        assert!(!Territory::Departement("68".into()).contains(&strasbourg));
    }

    #[test]
    fn eligibility_checks_structure_territory_and_themes() {
        let c = call().criteria;
        let scic_in_strasbourg = Applicant {
            legal_form: Some("scic".into()),
            services: vec!["numerique--acceder-a-une-connexion-internet".into()],
            area: territory::locate(None, Some("67482")),
            ..Default::default()
        };
        assert_eq!(eligibility(&c, &scic_in_strasbourg), vec![]);
        let commune_in_nantes = Applicant {
            legal_form: Some("commune".into()),
            area: territory::locate(None, Some("44109")),
            ..Default::default()
        };
        assert_eq!(
            eligibility(&c, &commune_in_nantes),
            vec![Ineligible::Structure, Ineligible::Territory]
        );
        let health_only = Applicant {
            services: vec!["sante".into()],
            ..scic_in_strasbourg
        };
        assert_eq!(eligibility(&c, &health_only), vec![Ineligible::Theme]);
    }

    #[test]
    fn funders_vocabularies_map_to_ours_or_are_reported() {
        assert_eq!(
            map_audience("association").map(|m| m.legal_forms),
            Some(vec!["association".to_string()])
        );
        assert_eq!(
            map_audience("EPCI à fiscalité propre").map(|m| m.legal_forms),
            Some(vec!["epci".to_string()])
        );
        assert_eq!(map_audience("private_person"), None);
        assert_eq!(
            map_theme("Numérique / Inclusion numérique").map(|m| m.themes),
            Some(vec![
                "numerique--maitriser-les-fondamentaux-du-numerique".to_string()
            ])
        );
        assert_eq!(map_theme("Pêche en haute mer"), None);
        assert_eq!(
            map_perimeter("Grand Est"),
            Some(Territory::Region("44".into()))
        );
        assert_eq!(
            map_perimeter("Bas-Rhin"),
            Some(Territory::Departement("67".into()))
        );
        assert_eq!(
            map_perimeter("Strasbourg (67482)"),
            Some(Territory::Commune("67482".into()))
        );
        assert_eq!(map_perimeter("Québec"), None);
    }

    #[test]
    fn deadlines_count_down_and_deduplicate() {
        let today = date("2027-01-03");
        assert_eq!(
            closes_in_fr(days_left(date("2027-01-15"), today)),
            "Ferme dans 12 jours"
        );
        assert_eq!(closes_in_fr(days_left(today, today)), "Ferme aujourd’hui");
        assert!(call().check_open(date("2027-01-16")).is_err());
        assert!(call().check_open(date("2027-01-15")).is_ok());
        assert_eq!(
            dedup_key(
                Some("Région  Grand-Est"),
                "Appel à projets : Inclusion numérique",
                None
            ),
            dedup_key(
                Some("region grand est"),
                "APPEL A PROJETS INCLUSION NUMERIQUE",
                None
            )
        );
    }
}
