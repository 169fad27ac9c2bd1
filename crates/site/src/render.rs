//! Templates: minijinja, with every template embedded in the binary at compile time
//! (`include_str!`), auto-escaped (`.html`), and one function `t(key, **args)` that reads the
//! interface's words from [`crate::i18n`] in the page's language.
//!
//! Why minijinja rather than askama: the templates are plain Jinja files that a designer can
//! read, one environment holds them all, the `t()` function can see the page's language from
//! the render state, and the crate compiles quickly (no macro expansion per template). The
//! embedded sources keep the binary self-contained; the tests render every page type.

use crate::i18n::{self, Lang};
use fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};
use serde::Serialize;
use std::sync::LazyLock;

/// Every template, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("field.html", include_str!("../templates/field.html")),
    ("form.html", include_str!("../templates/form.html")),
    ("items.html", include_str!("../templates/items.html")),
    ("filters.html", include_str!("../templates/filters.html")),
    ("places.html", include_str!("../templates/places.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("place.html", include_str!("../templates/place.html")),
    (
        "labels/held.html",
        include_str!("../templates/labels/held.html"),
    ),
    (
        "admin/labels.html",
        include_str!("../templates/admin/labels.html"),
    ),
    (
        "admin/label_apply.html",
        include_str!("../templates/admin/label_apply.html"),
    ),
    ("event.html", include_str!("../templates/event.html")),
    ("showcase.html", include_str!("../templates/showcase.html")),
    ("note.html", include_str!("../templates/note.html")),
    ("service.html", include_str!("../templates/service.html")),
    ("map.html", include_str!("../templates/map.html")),
    (
        "directory.html",
        include_str!("../templates/directory.html"),
    ),
    ("search.html", include_str!("../templates/search.html")),
    ("follow.html", include_str!("../templates/follow.html")),
    (
        "funding/list.html",
        include_str!("../templates/funding/list.html"),
    ),
    (
        "cooperation/list.html",
        include_str!("../templates/cooperation/list.html"),
    ),
    (
        "cooperation/place.html",
        include_str!("../templates/cooperation/place.html"),
    ),
    (
        "cooperation/source.html",
        include_str!("../templates/cooperation/source.html"),
    ),
    (
        "funding/call.html",
        include_str!("../templates/funding/call.html"),
    ),
    (
        "admin/login.html",
        include_str!("../templates/admin/login.html"),
    ),
    (
        "admin/dashboard.html",
        include_str!("../templates/admin/dashboard.html"),
    ),
    (
        "admin/form.html",
        include_str!("../templates/admin/form.html"),
    ),
    (
        "admin/publications.html",
        include_str!("../templates/admin/publications.html"),
    ),
    (
        "admin/confirm.html",
        include_str!("../templates/admin/confirm.html"),
    ),
    (
        "admin/followers.html",
        include_str!("../templates/admin/followers.html"),
    ),
    (
        "admin/blocks.html",
        include_str!("../templates/admin/blocks.html"),
    ),
    (
        "admin/accounts.html",
        include_str!("../templates/admin/accounts.html"),
    ),
    (
        "admin/networks.html",
        include_str!("../templates/admin/networks.html"),
    ),
    (
        "admin/network.html",
        include_str!("../templates/admin/network.html"),
    ),
    (
        "admin/memberships.html",
        include_str!("../templates/admin/memberships.html"),
    ),
    (
        "admin/relays.html",
        include_str!("../templates/admin/relays.html"),
    ),
    (
        "admin/reports.html",
        include_str!("../templates/admin/reports.html"),
    ),
    (
        "orientation/questionnaire.html",
        include_str!("../templates/orientation/questionnaire.html"),
    ),
    (
        "orientation/result.html",
        include_str!("../templates/orientation/result.html"),
    ),
    (
        "orientation/results.html",
        include_str!("../templates/orientation/results.html"),
    ),
    (
        "orientation/sheet.html",
        include_str!("../templates/orientation/sheet.html"),
    ),
    (
        "orientation/sheet_page.html",
        include_str!("../templates/orientation/sheet_page.html"),
    ),
    (
        "orientation/sheet_alone.html",
        include_str!("../templates/orientation/sheet_alone.html"),
    ),
    (
        "orientation/passport.html",
        include_str!("../templates/orientation/passport.html"),
    ),
];

/// The names of every template, for the tests.
pub fn template_names() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|(name, _)| *name)
}

fn fluent_value(value: &Value) -> FluentValue<'static> {
    if let Some(n) = value.as_i64() {
        FluentValue::from(n)
    } else if value.is_number() {
        FluentValue::from(value.to_string().parse::<f64>().unwrap_or_default())
    } else {
        FluentValue::from(value.to_string())
    }
}

/// `t("key", name=value…)`: the message in the page's language (`base.lang`, `base.falc`).
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, Error> {
    let base = state
        .lookup("base")
        .ok_or_else(|| Error::new(ErrorKind::UndefinedError, "t() needs `base` in the context"))?;
    let lang = base
        .get_attr("lang")
        .ok()
        .and_then(|l| l.as_str().and_then(Lang::parse))
        .unwrap_or(Lang::Fr);
    let falc = base.get_attr("falc").map(|f| f.is_true()).unwrap_or(false);
    let mut args: Vec<(String, FluentValue<'static>)> = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        args.push((name.to_string(), fluent_value(&value)));
    }
    let borrowed: Vec<(&str, FluentValue<'_>)> =
        args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    Ok(i18n::translate(lang, falc, key, &borrowed))
}

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, source) in TEMPLATES {
        if let Err(e) = env.add_template(name, source) {
            tracing::error!(template = name, error = %e, "a template does not compile");
        }
    }
    env.add_function("t", translate);
    // minijinja's HTML escaping also escapes `/` (as `&#x2f;`), which is valid but makes every
    // URL in an attribute unreadable to people and tools reading the source; only the five
    // characters that matter are escaped, as everywhere else in Galaxie.
    env.set_formatter(|out, state, value| {
        if state.auto_escape() == AutoEscape::Html
            && !value.is_safe()
            && !value.is_undefined()
            && !value.is_none()
            && value.as_str().is_some()
        {
            let escaped = galaxie_domain::text::escape_html(value.as_str().unwrap_or_default());
            out.write_str(&escaped)
                .map_err(|_| Error::new(ErrorKind::WriteFailure, "cannot write the page"))
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env
});

/// Renders `name` with `context`.
pub fn render(name: &str, context: impl Serialize) -> Result<String, Error> {
    let template = ENV.get_template(name)?;
    template.render(Value::from_serialize(&context))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_a_template_asks_for_exists() {
        let known = crate::i18n::keys(crate::i18n::SOURCES[0].1);
        for (name, source) in TEMPLATES {
            for quote in ['"', '\''] {
                let opening = format!("t({quote}");
                for piece in source.split(opening.as_str()).skip(1) {
                    let key: String = piece.chars().take_while(|c| *c != quote).collect();
                    assert!(
                        known.contains(&key),
                        "{name} asks for the unknown message {key:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn values_are_escaped_but_urls_stay_readable() {
        let env = &*ENV;
        let html = env
            .template_from_named_str("t.html", "<a href=\"{{ u }}\">{{ x }}</a>")
            .and_then(|t| {
                t.render(minijinja::context! { u => "/lieux/epn?a=1&b=2", x => "<script>\"x\"</script>" })
            })
            .expect("render");
        assert_eq!(
            html,
            "<a href=\"/lieux/epn?a=1&amp;b=2\">&lt;script&gt;&quot;x&quot;&lt;/script&gt;</a>"
        );
    }

    #[test]
    fn every_template_compiles() {
        for name in template_names() {
            ENV.get_template(name)
                .unwrap_or_else(|e| panic!("{name} does not compile: {e:#}"));
        }
    }
}
