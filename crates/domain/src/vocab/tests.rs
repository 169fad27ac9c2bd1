//! Tests of the vocabulary: coverage of the reference schemas, soundness of IRIs, labels and
//! pictograms, lookups and the SKOS document.
//!
//! The reference files (unmodified copies of the upstream schemas, see their README) are read
//! at test time from `<repo>/tests/fixtures/reference/`, or else from the project's shared
//! folder `<repo>/../shared/reference/`.

use std::collections::HashSet;
use std::path::PathBuf;

use serde_json::Value;

use super::*;

fn reference(path: &str) -> Value {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let in_repo = crate_dir.join("../../tests/fixtures/reference");
    let shared = crate_dir.join("../../../shared/reference");
    let dir = if in_repo.is_dir() { in_repo } else { shared };
    let file = dir.join(path);
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("reading the reference file {}: {e}", file.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parsing {}: {e}", file.display()))
}

/// The alternatives of a MedNum pattern `(?:(?:^|\|)(A|B|C))+$`, unescaped.
fn mednum_values(field: &str) -> Vec<String> {
    let schema = reference("mednum-lieux-mediation-numerique.schema.json");
    let fields = schema["fields"].as_array().expect("fields");
    let field = fields
        .iter()
        .find(|f| f["name"] == field)
        .unwrap_or_else(|| panic!("no MedNum field {field}"));
    let pattern = field["constraints"]["pattern"].as_str().expect("pattern");
    let inner = pattern
        .strip_prefix(r"(?:(?:^|\|)(")
        .and_then(|p| p.strip_suffix("))+$"))
        .unwrap_or_else(|| panic!("unexpected pattern {pattern}"));
    inner
        .split('|')
        .map(|v| v.replace(r"\(", "(").replace(r"\)", ")"))
        .collect()
}

/// The `value`s of a data.inclusion enumeration file.
fn data_inclusion_values(path: &str) -> Vec<String> {
    reference(&format!("data-inclusion/{path}"))
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| item["value"].as_str().expect("value").to_string())
        .collect()
}

/// FEP-8a8e's recommended categories, from the comment of `category` in its context.
fn fep_8a8e_categories() -> Vec<String> {
    let context = reference("jsonld-contexts/fep-8a8e.jsonld");
    let category = context["@graph"]
        .as_array()
        .expect("@graph")
        .iter()
        .find(|n| n["@id"] == "https://w3id.org/fep/8a8e/category")
        .expect("category");
    let comment = category["http://www.w3.org/2000/01/rdf-schema#comment"]["@value"]
        .as_str()
        .expect("comment");
    let (_, list) = comment.split_once(':').expect("a list after ':'");
    list.split(',').map(|c| c.trim().to_string()).collect()
}

fn upstream_values(list: CodeList) -> Vec<String> {
    use CodeList::*;
    match list {
        MednumServices => mednum_values("services"),
        MednumPublics => mednum_values("publics_specifiquement_adresses"),
        MednumPriseEnChargeSpecifique => mednum_values("prise_en_charge_specifique"),
        MednumFraisACharge => mednum_values("frais_a_charge"),
        MednumModalitesAcces => mednum_values("modalites_acces"),
        MednumModalitesAccompagnement => mednum_values("modalites_accompagnement"),
        MednumDispositifProgrammesNationaux => mednum_values("dispositif_programmes_nationaux"),
        MednumFormationsLabels => mednum_values("formations_labels"),
        // MedNum's `typologie` has no pattern: its description points to the v0 list.
        MednumTypologie | DiV0TypologiesDeStructures => {
            data_inclusion_values("v0-archive/typologies-de-structures.json")
        }
        DiThematiques => data_inclusion_values("v1/extra/thematiques.json"),
        DiPublics => data_inclusion_values("v1/extra/publics.json"),
        DiFrais => data_inclusion_values("v1/extra/frais.json"),
        DiModesAccueil => data_inclusion_values("v1/extra/modes-accueil.json"),
        DiModesMobilisation => data_inclusion_values("v1/extra/modes-mobilisation.json"),
        DiPersonnesMobilisatrices => {
            data_inclusion_values("v1/extra/personnes-mobilisatrices.json")
        }
        DiTypesDeServices => data_inclusion_values("v1/extra/types-de-services.json"),
        DiTypologiesDeServices => data_inclusion_values("v1/extra/typologies-de-services.json"),
        DiReseauxPorteurs => data_inclusion_values("v1/extra/reseaux-porteurs.json"),
        DiV0LabelsNationaux => data_inclusion_values("v0-archive/labels-nationaux.json"),
        Fep8a8eCategory => fep_8a8e_categories(),
    }
}

/// Codes we accept although the reference files do not list them.
const KNOWN_EXTRAS: &[(CodeList, &str)] = &[
    // Mobilizon's category list (the origin of FEP-8a8e's) still has it.
    (CodeList::Fep8a8eCategory, "HEALTH"),
];

#[test]
fn every_value_enumerated_upstream_has_a_concept() {
    let mut missing = Vec::new();
    for list in CodeList::ALL {
        let values = upstream_values(list);
        assert!(!values.is_empty(), "{list:?} has no values upstream");
        for value in values {
            match from_code(list, &value) {
                Some(concept) => assert_eq!(concept.scheme, list.scheme(), "{list:?} {value}"),
                None => missing.push(format!("{list:?} {value:?}")),
            }
        }
    }
    assert!(
        missing.is_empty(),
        "values without a concept:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_code_we_claim_exists_upstream() {
    let mut unknown = Vec::new();
    for list in CodeList::ALL {
        let values: HashSet<String> = upstream_values(list).into_iter().collect();
        for concept in all() {
            for m in concept.matches.iter().filter(|m| m.list == list) {
                if !values.contains(m.value) && !KNOWN_EXTRAS.contains(&(list, m.value)) {
                    unknown.push(format!("{} claims {list:?} {:?}", concept.iri(), m.value));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "codes not found upstream:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn matches_point_to_lists_of_the_concepts_own_scheme_and_are_unique() {
    let mut seen = HashSet::new();
    for concept in all() {
        for m in concept.matches {
            assert_eq!(m.list.scheme(), concept.scheme, "{} {m:?}", concept.iri());
            assert!(seen.insert((m.list, m.value)), "{m:?} is claimed twice");
        }
    }
}

#[test]
fn iris_are_unique_and_slugs_well_formed() {
    let mut iris = HashSet::new();
    for concept in all() {
        let slug = concept.slug;
        let well_formed = !slug.is_empty()
            && slug.split("--").all(|part| {
                !part.is_empty()
                    && part.split('-').all(|word| {
                        !word.is_empty()
                            && word
                                .bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    })
            });
        assert!(well_formed, "badly formed slug {slug:?}");
        assert!(
            iris.insert(concept.iri()),
            "duplicate IRI {}",
            concept.iri()
        );
        assert_eq!(by_iri(&concept.iri()), Some(concept));
        assert_eq!(by_iri(&concept.compact_iri()), Some(concept));
        assert_eq!(by_slug(concept.scheme, slug), Some(concept));
    }
    for scheme in Scheme::ALL {
        let slugs: HashSet<&str> = scheme.concepts().iter().map(|c| c.slug).collect();
        assert_eq!(
            slugs.len(),
            scheme.concepts().len(),
            "duplicate slug in {scheme}"
        );
        assert!(scheme.concepts().iter().all(|c| c.scheme == scheme));
        assert_eq!(Scheme::from_slug(scheme.slug()), Some(scheme));
        assert!(!scheme.concepts().is_empty());
    }
}

#[test]
fn every_concept_has_the_three_labels_and_a_short_easy_read_one() {
    for concept in all() {
        let iri = concept.iri();
        for label in [concept.label_fr, concept.label_falc, concept.label_en] {
            assert!(!label.trim().is_empty(), "{iri} has an empty label");
            assert_eq!(label, label.trim(), "{iri}: {label:?} has spaces around");
            assert!(!label.ends_with('.'), "{iri}: {label:?} ends with a period");
            assert!(!label.contains("  "), "{iri}: {label:?} has a double space");
        }
        let falc = concept.label_falc.chars().count();
        assert!(
            falc <= FALC_MAX_CHARS,
            "{iri}: easy-read label of {falc} characters"
        );
    }
}

#[test]
fn broader_and_close_concepts_exist() {
    for concept in all() {
        if let Some(broader) = concept.broader {
            let parent = concept
                .parent()
                .unwrap_or_else(|| panic!("{}: no broader {broader}", concept.iri()));
            assert!(
                parent.broader.is_none(),
                "{}: hierarchy deeper than 2",
                concept.iri()
            );
            assert!(parent.children().any(|c| c == concept));
        }
        for path in concept.close {
            let close = by_path(path).unwrap_or_else(|| panic!("{}: no {path}", concept.iri()));
            assert_ne!(close, concept);
        }
    }
}

#[test]
fn every_thematique_sits_under_the_group_of_its_prefix() {
    for concept in Scheme::Service.concepts() {
        if let Some(value) = concept.data_inclusion() {
            let (group, _) = value.split_once("--").expect("a thematique has a prefix");
            assert_eq!(concept.broader, Some(group), "{value}");
        }
    }
}

fn pictogram_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("pictograms")
}

#[test]
fn every_pictogram_exists_and_looks_like_an_accessible_svg() {
    for concept in all() {
        assert!(
            concept.pictogram_svg().is_some(),
            "{}: no pictogram {}",
            concept.iri(),
            concept.pictogram
        );
    }
    let names: Vec<&str> = pictograms().map(|(name, _)| name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        names, sorted,
        "the pictogram table must be sorted for binary search"
    );
    for (name, svg) in pictograms() {
        let on_disk = std::fs::read_to_string(pictogram_dir().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(on_disk, svg);
        assert!(svg.len() < 1024, "{name} is {} bytes", svg.len());
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{name}"
        );
        assert!(svg.trim_end().ends_with("</svg>"), "{name}");
        for needle in [
            "viewBox=\"0 0 24 24\"",
            "role=\"img\"",
            "stroke=\"currentColor\"",
            "fill=\"none\"",
        ] {
            assert!(svg.contains(needle), "{name} lacks {needle}");
        }
        let title = svg
            .split_once("<title>")
            .and_then(|(_, rest)| rest.split_once("</title>"))
            .map(|(title, _)| title.trim())
            .unwrap_or_default();
        assert!(!title.is_empty(), "{name} has no <title>");
        for forbidden in [
            "<script",
            "<image",
            "href=",
            "<text",
            "<style",
            "<foreignObject",
        ] {
            assert!(!svg.contains(forbidden), "{name} contains {forbidden}");
        }
        let handler = svg
            .split_whitespace()
            .any(|word| word.starts_with("on") && word.contains('='));
        assert!(!handler, "{name} has an event handler attribute");
        assert!(
            all().any(|c| c.pictogram == name),
            "{name} is used by no concept"
        );
    }
    let files = std::fs::read_dir(pictogram_dir()).expect("pictograms folder");
    for file in files {
        let name = file
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        if name.ends_with(".svg") {
            assert!(
                pictogram(&name).is_some(),
                "{name} is not in the pictogram table"
            );
        }
    }
}

#[test]
fn mednum_values_are_found_and_written_back_exactly() {
    let fee = from_mednum(Scheme::Fee, "Gratuit sous condition").expect("a fee");
    assert_eq!(fee.slug, "gratuit-sous-condition");
    let service = from_mednum(Scheme::Service, "Aide aux démarches administratives").expect("x");
    assert_eq!(
        service.iri(),
        "https://galaxie.tiers-lieux.fr/ns#service/aide-demarches-administratives"
    );
    assert_eq!(
        from_mednum(Scheme::Fee, "gratuit"),
        None,
        "MedNum values are exact"
    );
    assert_eq!(
        from_mednum(Scheme::Label, "Étapes numériques(La Poste)").map(|c| c.slug),
        Some("etapes-numeriques-la-poste")
    );
    assert_eq!(
        from_mednum(Scheme::StructureType, "TIERS_LIEUX").map(|c| c.slug),
        Some("tiers-lieux")
    );

    let publics = parse_mednum_list(Scheme::Public, "Jeunes| Femmes ||Jeunes").expect("known");
    let slugs: Vec<&str> = publics.iter().map(|c| c.slug).collect();
    assert_eq!(slugs, ["jeunes", "femmes"]);
    assert_eq!(to_mednum_list(publics), "Jeunes|Femmes");
    assert_eq!(
        parse_mednum_list(Scheme::Public, "Jeunes|Martiens"),
        Err(VocabError::UnknownValue {
            scheme: Scheme::Public,
            value: "Martiens".into()
        })
    );
}

#[test]
fn data_inclusion_values_are_found_in_v1_then_v0() {
    let jeunes = from_data_inclusion(Scheme::Public, "jeunes").expect("jeunes");
    assert_eq!(jeunes.mednum(), Some("Jeunes"));
    assert_eq!(jeunes.data_inclusion(), Some("jeunes"));

    // v0 `conseiller-numerique` became v1 `conseillers-numeriques`: one concept.
    let v0 = from_data_inclusion(Scheme::Network, "conseiller-numerique").expect("v0");
    let v1 = from_data_inclusion(Scheme::Network, "conseillers-numeriques").expect("v1");
    assert_eq!(v0, v1);
    assert_eq!(v0.data_inclusion(), Some("conseillers-numeriques"));
    assert_eq!(v0.data_inclusion_v0(), Some("conseiller-numerique"));

    let epn = from_data_inclusion(Scheme::StructureType, "EPN").expect("EPN");
    assert_eq!(
        epn.iri(),
        "https://galaxie.tiers-lieux.fr/ns#structure-type/epn"
    );
    assert_eq!(epn.data_inclusion(), None);
    assert_eq!(epn.data_inclusion_v0(), Some("EPN"));

    let both = from_data_inclusion(Scheme::ServiceType, "atelier").expect("atelier");
    assert_eq!(both.code(CodeList::DiTypesDeServices), Some("atelier"));
    assert_eq!(both.code(CodeList::DiTypologiesDeServices), Some("atelier"));

    let thematique = "numerique--acquerir-un-equipement";
    let concept = from_data_inclusion(Scheme::Service, thematique).expect("thematique");
    assert_eq!(concept.parent().map(|p| p.slug), Some("numerique"));
    assert_eq!(from_data_inclusion(Scheme::Public, "Jeunes"), None);
}

#[test]
fn event_categories_follow_fep_8a8e() {
    let food = from_fep_8a8e("FOOD_DRINK").expect("FOOD_DRINK");
    assert_eq!(food.compact_iri(), "gx:event-category/food-drink");
    assert_eq!(food.fep_8a8e(), Some("FOOD_DRINK"));
    assert!(
        from_fep_8a8e("HEALTH").is_some(),
        "Mobilizon's HEALTH is understood"
    );
    for concept in Scheme::EventCategory.concepts() {
        let code = concept.fep_8a8e().expect("every category has its code");
        assert_eq!(concept.slug, code.to_ascii_lowercase().replace('_', "-"));
    }
}

#[test]
fn labels_follow_the_language_tag() {
    let free = by_slug(Scheme::Fee, "gratuit-sous-condition").expect("fee");
    assert_eq!(free.label("fr"), "Gratuit sous condition");
    assert_eq!(free.label("fr-x-falc"), "Gratuit pour certaines personnes");
    assert_eq!(free.label("en-GB"), "Free under conditions");
    assert_eq!(free.label("de"), free.label_fr);
}

#[test]
fn lookups_refuse_what_is_not_ours() {
    assert_eq!(by_iri("https://example.org/ns#fee/gratuit"), None);
    assert_eq!(by_iri("https://galaxie.tiers-lieux.fr/ns#fee"), None);
    assert_eq!(by_iri("gx:nope/gratuit"), None);
    assert_eq!(by_slug(Scheme::Fee, "gratuite"), None);
    assert_eq!(
        "nope".parse::<Scheme>(),
        Err(VocabError::UnknownScheme("nope".into()))
    );
    assert_eq!("legal-form".parse::<Scheme>(), Ok(Scheme::LegalForm));
    assert_eq!(
        serde_json::to_value(Scheme::SpecificSupport).ok(),
        Some(Value::from("specific-support"))
    );
}

#[test]
fn the_skos_document_lists_every_scheme_list_and_concept() {
    let doc = to_json();
    assert_eq!(
        doc["@context"]["skos"],
        "http://www.w3.org/2004/02/skos/core#"
    );
    let graph = doc["@graph"].as_array().expect("@graph");
    let count = |kind: &str| graph.iter().filter(|n| n["@type"] == kind).count();
    assert_eq!(count("Concept"), all().count());
    assert_eq!(
        count("ConceptScheme"),
        Scheme::ALL.len() + CodeList::ALL.len()
    );

    let iri = "https://galaxie.tiers-lieux.fr/ns#public/jeunes";
    let jeunes = graph.iter().find(|n| n["@id"] == iri).expect("jeunes");
    assert_eq!(
        jeunes["inScheme"],
        "https://galaxie.tiers-lieux.fr/ns#public"
    );
    assert_eq!(
        jeunes["topConceptOf"],
        "https://galaxie.tiers-lieux.fr/ns#public"
    );
    let languages: Vec<&str> = jeunes["prefLabel"]
        .as_array()
        .expect("labels")
        .iter()
        .filter_map(|l| l["@language"].as_str())
        .collect();
    assert_eq!(languages, ["fr", "fr-x-falc", "en"]);
    assert_eq!(
        jeunes["exactMatch"][0]["inScheme"],
        "https://galaxie.tiers-lieux.fr/ns#list/mednum/publics_specifiquement_adresses"
    );
    assert_eq!(jeunes["exactMatch"][0]["notation"], "Jeunes");
    assert_eq!(jeunes["exactMatch"][1]["notation"], "jeunes");
    assert_eq!(jeunes["pictogram"], "young.svg");

    let child = graph
        .iter()
        .find(|n| n["notation"] == "numerique--acquerir-un-equipement")
        .expect("thematique");
    assert_eq!(
        child["broader"],
        "https://galaxie.tiers-lieux.fr/ns#service/numerique"
    );

    // Nothing in our context redefines an ActivityStreams term.
    let context = jsonld_context();
    for term in context.as_object().expect("object").keys() {
        assert!(
            !["source", "name", "type", "id", "summary", "content", "url"].contains(&term.as_str()),
            "{term}"
        );
    }
}

#[test]
fn counts_per_scheme_stay_as_documented() {
    let counts: Vec<(Scheme, usize)> = Scheme::ALL
        .into_iter()
        .map(|s| (s, s.concepts().len()))
        .collect();
    assert_eq!(
        counts,
        [
            (Scheme::Service, 94),
            (Scheme::Public, 14),
            (Scheme::SpecificSupport, 7),
            (Scheme::Fee, 5),
            (Scheme::AccessMode, 9),
            (Scheme::SupportMode, 5),
            (Scheme::ServiceType, 11),
            (Scheme::StructureType, 92),
            (Scheme::Programme, 11),
            (Scheme::Label, 10),
            (Scheme::Network, 125),
            (Scheme::LegalForm, 24),
            (Scheme::EventCategory, 37),
            (Scheme::Heritage, 13),
            (Scheme::Cooperation, 6),
            (Scheme::CooperationFramework, 8),
        ]
    );
}
