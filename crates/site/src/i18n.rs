//! The interface's words, in Fluent (`locales/*.ftl`, embedded at compile time): French first,
//! English second, and easy-read French (FALC) overrides for the sentences that have a simpler
//! form. The language comes from the `gx_lang` cookie (the visible switch) or else from
//! `Accept-Language`; French when neither says.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Lang {
    /// French, the default.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag (`fr`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a tag given in the switch or the cookie.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The preferred language of an `Accept-Language` header among ours (by quality, then
    /// order); French when none matches.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (index, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default().trim();
            let quality = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.trim().parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            let Some(lang) = Lang::parse(tag) else {
                continue;
            };
            if quality <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((q, i, _)) => quality > q || (quality == q && index < i),
            };
            if better {
                best = Some((quality, index, lang));
            }
        }
        best.map(|(_, _, lang)| lang).unwrap_or(Lang::Fr)
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

struct Catalog {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
    falc: FluentBundle<FluentResource>,
}

fn bundle(tag: &str, source: &'static str) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // No Unicode isolation marks around values: the pages are already marked up by language.
    bundle.set_use_isolating(false);
    match FluentResource::try_new(source.to_string()) {
        Ok(resource) => {
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(?errors, tag, "duplicate messages in a Fluent file");
            }
        }
        Err((resource, errors)) => {
            tracing::error!(?errors, tag, "a Fluent file has syntax errors");
            let _ = bundle.add_resource(resource);
        }
    }
    bundle
}

/// Built once, on first use, from the embedded files: immutable, shared by every instance.
static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog {
    fr: bundle("fr", include_str!("../locales/fr.ftl")),
    en: bundle("en", include_str!("../locales/en.ftl")),
    falc: bundle("fr", include_str!("../locales/fr-falc.ftl")),
});

/// The sources, for the tests that check every key exists in both languages.
pub const SOURCES: [(&str, &str); 3] = [
    ("fr", include_str!("../locales/fr.ftl")),
    ("en", include_str!("../locales/en.ftl")),
    ("fr-falc", include_str!("../locales/fr-falc.ftl")),
];

fn format(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let message = bundle.get_message(key)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            key,
            ?errors,
            "a Fluent message could not be formatted fully"
        );
    }
    Some(text.into_owned())
}

/// The message `key` in `lang` (its easy-read form when `falc` and there is one), with
/// `args`. A missing message falls back to French, then to the key itself (and is logged), so
/// a page never fails for want of a word.
pub fn translate(lang: Lang, falc: bool, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let catalog = &*CATALOG;
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            a.set(*name, value.clone());
        }
        a
    });
    let args = fluent_args.as_ref();
    let found = match lang {
        Lang::Fr if falc => {
            format(&catalog.falc, key, args).or_else(|| format(&catalog.fr, key, args))
        }
        Lang::Fr => format(&catalog.fr, key, args),
        Lang::En => format(&catalog.en, key, args).or_else(|| format(&catalog.fr, key, args)),
    };
    found.unwrap_or_else(|| {
        tracing::warn!(key, lang = lang.tag(), "missing interface message");
        key.to_string()
    })
}

/// [`translate`] without arguments.
pub fn t(lang: Lang, falc: bool, key: &str) -> String {
    translate(lang, falc, key, &[])
}

/// The message ids defined in a Fluent source.
pub fn keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_our_best_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("de-DE, fr;q=0.5, en;q=0.4"),
            Lang::Fr
        );
        assert_eq!(Lang::from_accept_language("de, es"), Lang::Fr);
        assert_eq!(Lang::from_accept_language(""), Lang::Fr);
        assert_eq!(Lang::from_accept_language("fr;q=0, en"), Lang::En);
    }

    #[test]
    fn every_french_message_has_an_english_one_and_back() {
        let fr = keys(SOURCES[0].1);
        let en = keys(SOURCES[1].1);
        let missing_en: Vec<&String> = fr.iter().filter(|k| !en.contains(k)).collect();
        let missing_fr: Vec<&String> = en.iter().filter(|k| !fr.contains(k)).collect();
        assert!(missing_en.is_empty(), "no English for {missing_en:?}");
        assert!(missing_fr.is_empty(), "no French for {missing_fr:?}");
        let falc = keys(SOURCES[2].1);
        let stray: Vec<&String> = falc.iter().filter(|k| !fr.contains(k)).collect();
        assert!(
            stray.is_empty(),
            "easy-read overrides of unknown messages: {stray:?}"
        );
    }

    #[test]
    fn messages_take_arguments_and_easy_read_overrides() {
        assert_eq!(t(Lang::Fr, false, "nav-map"), "Carte");
        assert_eq!(t(Lang::En, false, "nav-map"), "Map");
        let n = translate(Lang::Fr, false, "map-count", &[("count", 3.into())]);
        assert!(n.contains('3'), "{n}");
        assert_ne!(
            t(Lang::Fr, true, "place-hours"),
            t(Lang::Fr, false, "place-hours"),
            "the easy-read form of this message differs"
        );
        assert_eq!(t(Lang::Fr, false, "no-such-message"), "no-such-message");
    }
}
