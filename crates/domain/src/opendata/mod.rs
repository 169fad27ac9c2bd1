//! Open data: the places of an instance and their services in the two national formats of the
//! French digital-inclusion ecosystem, and back (docs/open-data.md).
//!
//! - [`mednum`]: La MedNum's *lieux de médiation numérique* (Table Schema v1.0.2, a CSV of 32
//!   columns with `|`-separated multi-values): export, and import with a reason for every
//!   refused cell.
//! - [`data_inclusion`]: data.inclusion v1 `structure` and `service` objects (JSON Schema).
//!
//! Both read the same [`PlaceRecord`]s, which the storage layer fills from its rows; vocabulary
//! concepts become the standards' values through their exact matches (see [`codes`]).

pub mod data_inclusion;
pub mod mednum;

use crate::place::PlaceProfile;
use crate::service::ServiceConcepts;
use crate::vocab::{self, CodeList, Concept, Scheme};
use chrono::NaiveDate;
use serde::Serialize;
use url::Url;

/// Who publishes the data: this instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Producer {
    /// MedNum `source` of the places created here: the instance's public URL.
    pub name: String,
    /// data.inclusion `source`, a slug made from the instance's host
    /// (`galaxie-lieux-example-org`); it also prefixes every data.inclusion id.
    pub slug: String,
}

impl Producer {
    /// The producer for an instance reachable at `public_url`.
    pub fn for_instance(public_url: &Url) -> Producer {
        let host = match (public_url.host_str(), public_url.port()) {
            (Some(host), Some(port)) => format!("{host}-{port}"),
            (Some(host), None) => host.to_string(),
            (None, _) => String::new(),
        };
        let host = slugify(&host);
        Producer {
            name: public_url.as_str().trim_end_matches('/').to_string(),
            slug: if host.is_empty() {
                "galaxie".to_string()
            } else {
                format!("galaxie-{host}")
            },
        }
    }
}

/// A place as the exports see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRecord {
    /// Its local username (part of its data.inclusion id).
    pub username: String,
    /// Its actor URL: a stable, unique id (MedNum `id`) and where to read more
    /// (data.inclusion `lien_source`).
    pub url: Url,
    /// Its profile.
    pub profile: PlaceProfile,
    /// When its profile last changed (`date_maj`).
    pub updated: NaiveDate,
    /// The MedNum `source` it was imported from, kept for attribution (Licence Ouverte).
    pub source: Option<String>,
    /// Its live services (`Page`s).
    pub services: Vec<ServiceRecord>,
}

/// A service (`Page`) as the exports see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceRecord {
    /// A key unique on this instance (the last segment of its ActivityPub id).
    pub key: String,
    /// Its ActivityPub id (data.inclusion `lien_source`).
    pub url: Url,
    /// Its name.
    pub name: String,
    /// Its description, plain text.
    pub description: Option<String>,
    /// Its one-line summary ("Aide aux démarches — EPN — du lundi au vendredi… — gratuit").
    pub summary: Option<String>,
    /// Its vocabulary concepts.
    pub concepts: ServiceConcepts,
    /// Its own opening hours (OSM syntax), when they differ from the place's.
    pub opening_hours: Option<String>,
    /// Where to book.
    pub booking_url: Option<Url>,
    /// Its price in plain words.
    pub price: Option<String>,
    /// When it last changed.
    pub updated: NaiveDate,
}

/// Something left out of an export, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// What was left out (a place's or a service's URL).
    pub id: String,
    /// Why, in plain words.
    pub reason: String,
}

/// The items of an export, what was left out and what was changed on the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Export<T> {
    /// The exported items.
    pub items: Vec<T>,
    /// Places or services left out, with the reason.
    pub skipped: Vec<Skipped>,
    /// Values left out of an exported item (a concept with no value in the standard, an
    /// invalid telephone kept from before validation existed…).
    pub warnings: Vec<String>,
}

impl<T> Default for Export<T> {
    fn default() -> Self {
        Export {
            items: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// How a concept becomes a value of an upstream list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// Its exact match, or else its nearest broader concept's ("Sur adhésion" → "Payant").
    Broader,
    /// Its exact match, or else the exact matches of its close concepts (a MedNum service →
    /// the data.inclusion thematiques it overlaps).
    Close,
}

/// The values of `concepts` in `list`, each once, in order; the concepts that have none are
/// returned apart, to be reported.
pub fn codes<'a>(
    concepts: impl IntoIterator<Item = &'a Concept>,
    list: CodeList,
    fallback: Fallback,
) -> (Vec<&'static str>, Vec<&'a Concept>) {
    let mut values: Vec<&'static str> = Vec::new();
    let mut left_out = Vec::new();
    for concept in concepts {
        let found: Vec<&'static str> = match concept.code(list) {
            Some(v) => vec![v],
            None => match fallback {
                Fallback::Broader => {
                    let mut parent = concept.parent();
                    let mut value = None;
                    while let Some(p) = parent {
                        value = p.code(list);
                        if value.is_some() {
                            break;
                        }
                        parent = p.parent();
                    }
                    value.into_iter().collect()
                }
                Fallback::Close => concept
                    .close_concepts()
                    .filter_map(|c| c.code(list))
                    .collect(),
            },
        };
        if found.is_empty() {
            left_out.push(concept);
        }
        for v in found {
            if !values.contains(&v) {
                values.push(v);
            }
        }
    }
    (values, left_out)
}

/// The concepts of `scheme` named by `slugs` (unknown slugs are ignored: they were valid when
/// stored and a slug is never removed).
pub fn concepts(scheme: Scheme, slugs: &[String]) -> Vec<&'static Concept> {
    slugs
        .iter()
        .filter_map(|s| vocab::by_slug(scheme, s))
        .collect()
}

/// Lower-case ASCII words joined by `-`: French accents are folded (`é` → `e`, `œ` → `oe`),
/// anything else that is not a letter or a digit separates words.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            _ => "",
        };
        if !folded.is_empty() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push_str(folded);
            dash = false;
        } else if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    out
}

/// The text of the simple HTML we store (`<p>`, `<br>`, links, escaped entities): paragraphs
/// become blank lines, tags are dropped, the five escaped characters come back.
pub fn html_to_text(html: &str) -> String {
    let spaced = html
        .replace("</p>", "\n\n")
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n");
    let mut text = String::with_capacity(spaced.len());
    let mut in_tag = false;
    for c in spaced.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    text.trim().to_string()
}

/// `text` cut to at most `max` characters, ending with `…` when cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut = cut.trim_end().to_string();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_producer_is_named_after_the_instance() {
        let p = Producer::for_instance(&Url::parse("https://lieux.example.org/").expect("url"));
        assert_eq!(p.name, "https://lieux.example.org");
        assert_eq!(p.slug, "galaxie-lieux-example-org");
        let p = Producer::for_instance(&Url::parse("http://localhost:8080").expect("url"));
        assert_eq!(p.slug, "galaxie-localhost-8080");
    }

    #[test]
    fn names_become_slugs() {
        assert_eq!(
            slugify("Médiathèque de Saint-Clair"),
            "mediatheque-de-saint-clair"
        );
        assert_eq!(
            slugify("  L'Œuvre — Tiers-lieu n°1 "),
            "l-oeuvre-tiers-lieu-n-1"
        );
        assert_eq!(slugify("***"), "");
    }

    #[test]
    fn stored_html_becomes_text() {
        let html =
            crate::text::plain_text_to_html("Bonjour & bienvenue\nici.\n\nVoir https://a.fr");
        assert_eq!(
            html_to_text(&html),
            "Bonjour & bienvenue\nici.\n\nVoir https://a.fr"
        );
    }

    #[test]
    fn codes_fall_back_to_broader_or_close_concepts() {
        let fees = concepts(Scheme::Fee, &["adhesion".into(), "gratuit".into()]);
        let (values, left_out) = codes(
            fees.clone(),
            CodeList::MednumFraisACharge,
            Fallback::Broader,
        );
        assert_eq!(values, ["Payant", "Gratuit"]);
        assert!(left_out.is_empty());
        let fees = concepts(Scheme::Fee, &["gratuit-sous-condition".into()]);
        let (values, left_out) = codes(fees, CodeList::DiFrais, Fallback::Broader);
        assert!(values.is_empty());
        assert_eq!(left_out[0].slug, "gratuit-sous-condition");
        let services = concepts(Scheme::Service, &["aide-demarches-administratives".into()]);
        let (values, _) = codes(services, CodeList::DiThematiques, Fallback::Close);
        assert_eq!(
            values,
            [
                "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
                "numerique--acceder-a-des-services-en-ligne"
            ]
        );
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
