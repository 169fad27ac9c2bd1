//! The vocabulary as a SKOS document in JSON-LD, to serve at `/vocab`, and the context terms
//! that let other documents (and `/ns`) use it.
//!
//! Shape: one `@graph` holding the schemes (`skos:ConceptScheme`), the upstream lists (also
//! concept schemes, with `dct:source`) and the concepts. A concept's exact matches are nodes
//! `{ "inScheme": <list IRI>, "notation": <value> }`, because MedNum and data.inclusion give
//! their values no IRIs.

use serde_json::{Map, Value, json};

use super::{CodeList, Concept, FALC_LANGUAGE, NAMESPACE, Scheme, all, by_path};

/// Term definitions for SKOS as we use it. None of these names is an ActivityStreams term, so
/// they can join our `@context` (the inline object served at `/ns`) without changing the
/// meaning of anything else; `dct:source` is written as a compact IRI because `source` is.
pub fn jsonld_context() -> Value {
    json!({
        "gx": NAMESPACE,
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dct": "http://purl.org/dc/terms/",
        "Concept": "skos:Concept",
        "ConceptScheme": "skos:ConceptScheme",
        "prefLabel": "skos:prefLabel",
        "notation": "skos:notation",
        "inScheme": { "@id": "skos:inScheme", "@type": "@id" },
        "topConceptOf": { "@id": "skos:topConceptOf", "@type": "@id" },
        "broader": { "@id": "skos:broader", "@type": "@id" },
        "exactMatch": { "@id": "skos:exactMatch" },
        "closeMatch": { "@id": "skos:closeMatch", "@type": "@id" },
        "pictogram": "gx:pictogram"
    })
}

fn labels(fr: &str, falc: &str, en: &str) -> Value {
    json!([
        { "@value": fr, "@language": "fr" },
        { "@value": falc, "@language": FALC_LANGUAGE },
        { "@value": en, "@language": "en" },
    ])
}

impl Scheme {
    /// The scheme as a `ConceptScheme` node.
    pub fn to_json(self) -> Value {
        json!({
            "@id": self.iri(),
            "@type": "ConceptScheme",
            "notation": self.slug(),
            "prefLabel": labels(self.label_fr(), self.label_falc(), self.label_en()),
        })
    }
}

impl CodeList {
    /// The upstream list as a `ConceptScheme` node.
    pub fn to_json(self) -> Value {
        json!({
            "@id": self.iri(),
            "@type": "ConceptScheme",
            "notation": self.name(),
            "prefLabel": { "@value": self.label(), "@language": "fr" },
            "dct:source": { "@id": self.source() },
        })
    }
}

impl Concept {
    /// The concept as a `Concept` node. `pictogram` is the file name; the web layer serves
    /// the files (see [`super::pictogram`]).
    pub fn to_json(&self) -> Value {
        let mut node = Map::new();
        node.insert("@id".into(), json!(self.iri()));
        node.insert("@type".into(), json!("Concept"));
        node.insert("inScheme".into(), json!(self.scheme.iri()));
        match self.parent() {
            Some(parent) => node.insert("broader".into(), json!(parent.iri())),
            None => node.insert("topConceptOf".into(), json!(self.scheme.iri())),
        };
        node.insert("notation".into(), json!(self.slug));
        node.insert(
            "prefLabel".into(),
            labels(self.label_fr, self.label_falc, self.label_en),
        );
        node.insert("pictogram".into(), json!(self.pictogram));
        if !self.matches.is_empty() {
            let matches: Vec<Value> = self
                .matches
                .iter()
                .map(|m| json!({ "inScheme": m.list.iri(), "notation": m.value }))
                .collect();
            node.insert("exactMatch".into(), Value::Array(matches));
        }
        if !self.close.is_empty() {
            let close: Vec<Value> = self
                .close
                .iter()
                .filter_map(|path| by_path(path))
                .map(|c| json!(c.iri()))
                .collect();
            node.insert("closeMatch".into(), Value::Array(close));
        }
        Value::Object(node)
    }
}

/// The whole vocabulary as one JSON-LD document.
pub fn to_json() -> Value {
    let graph: Vec<Value> = Scheme::ALL
        .into_iter()
        .map(Scheme::to_json)
        .chain(CodeList::ALL.into_iter().map(CodeList::to_json))
        .chain(all().map(Concept::to_json))
        .collect();
    json!({ "@context": jsonld_context(), "@graph": graph })
}
