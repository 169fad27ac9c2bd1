//! Checks of the deployment files in `docker/` without a container engine: the compose file's
//! services and their start-up order, the Dockerfile's stages and runtime user, the Caddyfile's
//! proxy rules, the systemd unit, and that every `GALAXIE__…` variable they set names a real
//! configuration key and loads into a valid configuration.
//!
//! The compose file is read with a small YAML reader that knows the subset it is written in
//! (block mappings and sequences, flow sequences of scalars, quoted and plain scalars,
//! comments); anything else in it is an error, so the file stays plain.

use galaxie::Config;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------------------------------
// Files
// ------------------------------------------------------------------------------------------

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(relative: &str) -> String {
    let path = repo_root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn compose() -> Yaml {
    parse_yaml(&read("docker/compose.yaml")).expect("docker/compose.yaml is in the YAML subset")
}

fn service<'a>(compose: &'a Yaml, name: &str) -> &'a Yaml {
    compose
        .get("services")
        .and_then(|s| s.get(name))
        .unwrap_or_else(|| panic!("compose.yaml has no service {name}"))
}

// ------------------------------------------------------------------------------------------
// A small YAML reader
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Yaml {
    /// A scalar (an empty key value, `key:`, is the empty scalar).
    Scalar(String),
    List(Vec<Yaml>),
    /// In file order.
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn str(&self) -> Option<&str> {
        match self {
            Yaml::Scalar(s) => Some(s),
            _ => None,
        }
    }

    fn keys(&self) -> Vec<&str> {
        match self {
            Yaml::Map(entries) => entries.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    fn strings(&self) -> Vec<&str> {
        match self {
            Yaml::List(items) => items.iter().filter_map(Yaml::str).collect(),
            _ => Vec::new(),
        }
    }

    /// `get(a).get(b)…` as a string.
    fn at(&self, path: &[&str]) -> Option<&str> {
        path.iter()
            .try_fold(self, |node, key| node.get(key))
            .and_then(Yaml::str)
    }
}

struct Line {
    number: usize,
    indent: usize,
    text: String,
}

fn parse_yaml(source: &str) -> Result<Yaml, String> {
    let mut lines = Vec::new();
    for (i, raw) in source.lines().enumerate() {
        if raw.contains('\t') {
            return Err(format!("line {}: tab character", i + 1));
        }
        let text = strip_comment(raw).trim_end();
        if text.trim().is_empty() {
            continue;
        }
        let indent = text.len() - text.trim_start().len();
        lines.push(Line {
            number: i + 1,
            indent,
            text: text.trim_start().to_string(),
        });
    }
    let mut at = 0;
    let value = parse_block(&lines, &mut at, 0)?;
    match lines.get(at) {
        Some(line) => Err(format!("line {}: unexpected indentation", line.number)),
        None => Ok(value),
    }
}

/// Whether `c` opens a quoted scalar: a quote at the start of a token (`it's` is no quote).
fn opens_quote(c: char, previous: Option<char>) -> bool {
    (c == '"' || c == '\'')
        && previous.is_none_or(|p| p.is_whitespace() || matches!(p, '[' | ',' | '{' | ':' | '-'))
}

/// Removes a `#` comment that is not inside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut previous = None;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if opens_quote(c, previous) => quote = Some(c),
            None if c == '#' && previous.is_none_or(char::is_whitespace) => return &line[..i],
            None => {}
        }
        previous = Some(c);
    }
    line
}

fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

fn parse_block(lines: &[Line], at: &mut usize, indent: usize) -> Result<Yaml, String> {
    let Some(first) = lines.get(*at) else {
        return Ok(Yaml::Scalar(String::new()));
    };
    if first.indent != indent {
        return Err(format!("line {}: unexpected indentation", first.number));
    }
    if is_item(&first.text) {
        let mut items = Vec::new();
        while let Some(line) = lines.get(*at) {
            if line.indent != indent || !is_item(&line.text) {
                break;
            }
            let rest = line.text[1..].trim();
            *at += 1;
            if rest.is_empty() {
                items.push(nested(lines, at, indent)?);
            } else if split_key(rest).is_some() {
                return Err(format!(
                    "line {}: a sequence of mappings is outside the supported subset",
                    line.number
                ));
            } else {
                items.push(parse_inline(rest, line.number)?);
            }
        }
        return Ok(Yaml::List(items));
    }
    let mut entries: Vec<(String, Yaml)> = Vec::new();
    while let Some(line) = lines.get(*at) {
        if line.indent != indent {
            break;
        }
        let (key, rest) = split_key(&line.text)
            .ok_or_else(|| format!("line {}: expected `key: value`", line.number))?;
        if entries.iter().any(|(k, _)| *k == key) {
            return Err(format!("line {}: duplicate key {key}", line.number));
        }
        *at += 1;
        let value = if rest.is_empty() {
            match lines.get(*at) {
                // A sequence may sit at the key's own indentation.
                Some(next) if next.indent == indent && is_item(&next.text) => {
                    parse_block(lines, at, indent)?
                }
                _ => nested(lines, at, indent)?,
            }
        } else {
            parse_inline(rest, line.number)?
        };
        entries.push((key, value));
    }
    Ok(Yaml::Map(entries))
}

/// The block under a line at `indent`, or the empty scalar when nothing is indented under it.
fn nested(lines: &[Line], at: &mut usize, indent: usize) -> Result<Yaml, String> {
    match lines.get(*at) {
        Some(next) if next.indent > indent => parse_block(lines, at, next.indent),
        _ => Ok(Yaml::Scalar(String::new())),
    }
}

/// `key: rest` (the colon followed by a space or the end of the line, outside quotes).
fn split_key(text: &str) -> Option<(String, &str)> {
    let mut quote = None;
    let mut previous = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if opens_quote(c, previous) => quote = Some(c),
            None if c == ':' => {
                let rest = &text[i + 1..];
                if rest.is_empty() || rest.starts_with(' ') {
                    let key = unquote(text[..i].trim()).ok()?;
                    return Some((key, rest.trim()));
                }
            }
            None => {}
        }
        previous = Some(c);
    }
    None
}

fn parse_inline(text: &str, number: usize) -> Result<Yaml, String> {
    if let Some(inner) = text.strip_prefix('[') {
        let inner = inner
            .strip_suffix(']')
            .ok_or_else(|| format!("line {number}: unclosed flow sequence"))?;
        let mut items = Vec::new();
        let mut quote = None;
        let mut start = 0;
        let mut escaped = false;
        let mut previous = None;
        for (i, c) in inner.char_indices() {
            let before = previous.replace(c);
            match quote {
                Some('"') if escaped => escaped = false,
                Some('"') if c == '\\' => escaped = true,
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if opens_quote(c, before) => quote = Some(c),
                None if c == ',' => {
                    items.push(inline_scalar(&inner[start..i], number)?);
                    start = i + 1;
                }
                None if c == '[' || c == '{' => {
                    return Err(format!("line {number}: nested flow collection"));
                }
                None => {}
            }
        }
        if !inner[start..].trim().is_empty() {
            items.push(inline_scalar(&inner[start..], number)?);
        }
        return Ok(Yaml::List(items));
    }
    if text.starts_with('{') || text.starts_with('&') || text.starts_with('*') {
        return Err(format!(
            "line {number}: flow mappings, anchors and aliases are outside the supported subset"
        ));
    }
    if text.starts_with('|') || text.starts_with('>') {
        return Err(format!(
            "line {number}: block scalars are outside the supported subset"
        ));
    }
    inline_scalar(text, number)
}

fn inline_scalar(text: &str, number: usize) -> Result<Yaml, String> {
    unquote(text.trim())
        .map(Yaml::Scalar)
        .map_err(|e| format!("line {number}: {e}"))
}

fn unquote(text: &str) -> Result<String, String> {
    if let Some(inner) = text.strip_prefix('"') {
        let inner = inner
            .strip_suffix('"')
            .ok_or_else(|| format!("unclosed double quote in {text}"))?;
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some(c @ ('"' | '\\' | '/')) => out.push(c),
                other => return Err(format!("unsupported escape \\{other:?} in {text}")),
            }
        }
        return Ok(out);
    }
    if let Some(inner) = text.strip_prefix('\'') {
        let inner = inner
            .strip_suffix('\'')
            .ok_or_else(|| format!("unclosed single quote in {text}"))?;
        return Ok(inner.replace("''", "'"));
    }
    Ok(text.to_string())
}

#[test]
fn the_yaml_reader_reads_the_subset_and_refuses_the_rest() {
    let doc = parse_yaml(
        "a: 1 # comment\nb:\n  c: \"x: #y\"\n  d: ['p', \"q\\\\r\", s]\n  e:\n    - one\n    -   two\nf:\n- g\nh:\ni: it's # comment\n",
    )
    .expect("parses");
    assert_eq!(doc.at(&["a"]), Some("1"));
    assert_eq!(doc.at(&["b", "c"]), Some("x: #y"));
    assert_eq!(
        doc.get("b").and_then(|b| b.get("d")).map(Yaml::strings),
        Some(vec!["p", "q\\r", "s"])
    );
    assert_eq!(
        doc.get("b").and_then(|b| b.get("e")).map(Yaml::strings),
        Some(vec!["one", "two"])
    );
    assert_eq!(doc.get("f").map(Yaml::strings), Some(vec!["g"]));
    assert_eq!(doc.at(&["h"]), Some(""));
    assert_eq!(doc.at(&["i"]), Some("it's"));
    for refused in [
        "a: &x 1",
        "a: *x",
        "a: {b: 1}",
        "a: |\n  text",
        "a:\n  - b: 1",
        "a: 1\na: 2",
        "a: 1\n   b: 2",
        "a:\n\tb: 1",
    ] {
        assert!(parse_yaml(refused).is_err(), "{refused:?} must be refused");
    }
}

// ------------------------------------------------------------------------------------------
// Compose variables (`${NAME}`, `${NAME:-default}`, `${NAME:?error}`, `$$`)
// ------------------------------------------------------------------------------------------

/// Each `${…}` of `text`: the variable's name and whether it has a default.
fn compose_variables(text: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let inside = &after[..end];
        let name_len = inside
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(inside.len());
        let modifier = &inside[name_len..];
        let has_default = modifier.starts_with(":-") || modifier.starts_with('-');
        found.push((inside[..name_len].to_string(), has_default));
        rest = &after[end..];
    }
    found
}

/// Interpolates `text` as docker compose does, with `vars` as the environment.
fn interpolate(text: &str, vars: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        let after = &rest[dollar + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
            continue;
        }
        let inner = after
            .strip_prefix('{')
            .ok_or_else(|| format!("bare $ in {text}: write ${{NAME}} or $$"))?;
        let end = inner
            .find('}')
            .ok_or_else(|| format!("unclosed ${{ in {text}"))?;
        let expr = &inner[..end];
        let name_len = expr
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(expr.len());
        let (name, modifier) = expr.split_at(name_len);
        let value = vars.get(name).filter(|v| !v.is_empty());
        let replaced = if let Some(default) = modifier.strip_prefix(":-") {
            value.cloned().unwrap_or_else(|| default.to_string())
        } else if let Some(error) = modifier.strip_prefix(":?") {
            value
                .cloned()
                .ok_or_else(|| format!("{name} is required: {error}"))?
        } else if modifier.is_empty() {
            value.cloned().unwrap_or_default()
        } else {
            return Err(format!("unsupported interpolation ${{{expr}}}"));
        };
        out.push_str(&replaced);
        rest = &inner[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `NAME=value` lines of an env file (comments and blank lines skipped).
fn env_file(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn interpolation_follows_compose() {
    let vars = BTreeMap::from([("A".to_string(), "x".to_string())]);
    assert_eq!(
        interpolate("${A}/${B:-d}/${A:?no}/$$", &vars).as_deref(),
        Ok("x/d/x/$")
    );
    assert!(interpolate("${B:?set B}", &vars).is_err());
    assert_eq!(
        compose_variables("${A:?e} ${B:-d} ${C}"),
        vec![
            ("A".to_string(), false),
            ("B".to_string(), true),
            ("C".to_string(), false)
        ]
    );
}

// ------------------------------------------------------------------------------------------
// Configuration keys
// ------------------------------------------------------------------------------------------

/// Why `GALAXIE__A__B` is not a configuration key, if it is not.
fn check_config_variable(name: &str) -> Result<(), String> {
    let defaults = serde_json::to_value(Config::default()).expect("the configuration serializes");
    let path = name
        .strip_prefix("GALAXIE__")
        .ok_or_else(|| format!("{name} does not start with GALAXIE__"))?;
    let mut node = &defaults;
    for part in path.split("__") {
        let key = part.to_ascii_lowercase();
        node = node
            .as_object()
            .and_then(|o| o.get(&key))
            .ok_or_else(|| format!("{name}: no configuration key {key} there"))?;
    }
    if node.is_object() {
        return Err(format!("{name} names a section, not a key"));
    }
    Ok(())
}

#[test]
fn configuration_keys_are_checked_for_real() {
    assert!(check_config_variable("GALAXIE__INSTANCE__PUBLIC_URL").is_ok());
    assert!(check_config_variable("GALAXIE__DATA_DIR").is_ok());
    assert!(check_config_variable("GALAXIE__DATABASE__URL").is_ok());
    assert!(check_config_variable("GALAXIE__INSTANCE__PUBLIC_ULR").is_err());
    assert!(check_config_variable("GALAXIE__INSTANCE").is_err());
    assert!(check_config_variable("GALAXIE__SERVER__BIND__PORT").is_err());
}

/// The `NAME=value` pairs of the Dockerfile's `ENV` instructions in its last stage.
fn dockerfile_env(dockerfile: &Dockerfile) -> BTreeMap<String, String> {
    let mut env = BTreeMap::new();
    for args in dockerfile.runtime().all("ENV") {
        for pair in args.split_whitespace() {
            if let Some((k, v)) = pair.split_once('=') {
                env.insert(k.to_string(), v.to_string());
            }
        }
    }
    env
}

fn environment(service: &Yaml) -> BTreeMap<String, String> {
    match service.get("environment") {
        Some(Yaml::Map(entries)) => entries
            .iter()
            .map(|(k, v)| (k.clone(), v.str().unwrap_or_default().to_string()))
            .collect(),
        Some(_) => panic!("write environment as a mapping (NAME: value)"),
        None => BTreeMap::new(),
    }
}

#[test]
fn every_galaxie_variable_names_a_configuration_key() {
    let compose = compose();
    let mut names = BTreeSet::new();
    for name in compose.get("services").map(Yaml::keys).unwrap_or_default() {
        names.extend(
            environment(service(&compose, name))
                .into_keys()
                .filter(|k| k.starts_with("GALAXIE__")),
        );
    }
    let dockerfile = Dockerfile::parse(&read("docker/Dockerfile"));
    names.extend(
        dockerfile_env(&dockerfile)
            .into_keys()
            .filter(|k| k.starts_with("GALAXIE__")),
    );
    names.extend(
        systemd_unit()
            .environment
            .into_keys()
            .filter(|k| k.starts_with("GALAXIE__")),
    );
    assert!(names.contains("GALAXIE__INSTANCE__PUBLIC_URL"));
    assert!(names.contains("GALAXIE__DATABASE__URL"));
    for name in &names {
        check_config_variable(name).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// The configuration a galaxie container of the compose file loads, with the values of
/// `.env.example`: the image's `ENV` overlaid by the service's `environment`.
#[allow(clippy::result_large_err)]
fn load_in_container(service_name: &str) -> Config {
    let compose = compose();
    let dockerfile = Dockerfile::parse(&read("docker/Dockerfile"));
    let vars = env_file(&read("docker/.env.example"));
    let mut env = dockerfile_env(&dockerfile);
    for (k, v) in environment(service(&compose, service_name)) {
        let value = interpolate(&v, &vars).unwrap_or_else(|e| panic!("{service_name}: {e}"));
        env.insert(k, value);
    }
    let mut loaded = None;
    figment::Jail::expect_with(|jail| {
        jail.clear_env();
        for (k, v) in &env {
            jail.set_env(k, v);
        }
        loaded = Some(Config::load(None).map_err(|e| e.to_string())?);
        Ok(())
    });
    loaded.expect("the configuration was loaded")
}

#[test]
fn the_containers_load_a_valid_production_configuration() {
    let vars = env_file(&read("docker/.env.example"));
    let domain = vars.get("GALAXIE_DOMAIN").expect("GALAXIE_DOMAIN example");
    let password = vars
        .get("POSTGRES_PASSWORD")
        .expect("POSTGRES_PASSWORD example");
    for name in ["migrate", "galaxie-1", "galaxie-2"] {
        let config = load_in_container(name);
        assert_eq!(
            config.instance.public_url.as_str(),
            format!("https://{domain}/"),
            "{name}"
        );
        assert_eq!(
            config.database_url(),
            format!("postgres://galaxie:{password}@postgres/galaxie"),
            "{name}"
        );
        assert_eq!(config.server.bind.to_string(), "0.0.0.0:8080", "{name}");
        assert_eq!(config.data_dir, Path::new("/data"), "{name}");
        assert!(!config.federation.debug, "{name}: never federation.debug");
        assert!(
            !config.federation.allow_private_addresses,
            "{name}: never allow_private_addresses"
        );
        assert_eq!(
            config.log.format,
            galaxie::config::LogFormat::Json,
            "{name}"
        );
    }
}

// ------------------------------------------------------------------------------------------
// compose.yaml
// ------------------------------------------------------------------------------------------

fn condition<'a>(service: &'a Yaml, on: &str) -> Option<&'a str> {
    service.get("depends_on")?.get(on)?.at(&["condition"])
}

#[test]
fn compose_starts_postgres_then_migrate_then_two_servers_then_caddy() {
    let compose = compose();
    assert_eq!(
        compose.get("services").map(Yaml::keys),
        Some(vec![
            "postgres",
            "migrate",
            "galaxie-1",
            "galaxie-2",
            "caddy"
        ])
    );

    let postgres = service(&compose, "postgres");
    assert!(
        postgres
            .at(&["image"])
            .is_some_and(|i| i.starts_with("postgres:16")),
        "postgres:16"
    );
    let test = postgres
        .get("healthcheck")
        .and_then(|h| h.get("test"))
        .map(Yaml::strings)
        .unwrap_or_default();
    assert!(
        test.iter().any(|t| t.contains("pg_isready")),
        "postgres is healthy when pg_isready says so"
    );
    assert!(
        postgres
            .get("volumes")
            .map(Yaml::strings)
            .unwrap_or_default()
            .iter()
            .any(|v| v.ends_with(":/var/lib/postgresql/data")),
        "the database is on a volume"
    );

    let migrate = service(&compose, "migrate");
    assert_eq!(
        migrate.get("command").map(Yaml::strings),
        Some(vec!["migrate"])
    );
    assert_eq!(migrate.at(&["restart"]), Some("no"), "migrate runs once");
    assert_eq!(condition(migrate, "postgres"), Some("service_healthy"));

    for name in ["galaxie-1", "galaxie-2"] {
        let server = service(&compose, name);
        assert_eq!(
            server.get("command").map(Yaml::strings),
            Some(vec!["serve"]),
            "{name}"
        );
        assert_eq!(
            condition(server, "migrate"),
            Some("service_completed_successfully"),
            "{name} starts after the migrations"
        );
        assert_eq!(condition(server, "postgres"), Some("service_healthy"));
        let healthcheck = server
            .get("healthcheck")
            .and_then(|h| h.get("test"))
            .map(Yaml::strings)
            .unwrap_or_default();
        assert_eq!(
            healthcheck,
            vec!["CMD", "galaxie-healthcheck"],
            "{name} has a health check"
        );
        assert!(
            server.get("ports").is_none(),
            "{name} is reached through caddy only"
        );
    }

    let caddy = service(&compose, "caddy");
    assert!(
        caddy
            .at(&["image"])
            .is_some_and(|i| i.starts_with("caddy:2")),
        "caddy:2"
    );
    for name in ["galaxie-1", "galaxie-2"] {
        assert_eq!(
            condition(caddy, name),
            Some("service_healthy"),
            "caddy after {name}"
        );
    }
    let ports = caddy.get("ports").map(Yaml::strings).unwrap_or_default();
    assert!(
        ports.contains(&"80:80") && ports.contains(&"443:443"),
        "{ports:?}"
    );
    let volumes = caddy.get("volumes").map(Yaml::strings).unwrap_or_default();
    assert!(
        volumes
            .iter()
            .any(|v| v.starts_with("./Caddyfile:/etc/caddy/Caddyfile")),
        "caddy uses docker/Caddyfile"
    );
    assert!(
        environment(caddy).contains_key("GALAXIE_DOMAIN"),
        "the Caddyfile reads {{$GALAXIE_DOMAIN}}"
    );
    for name in ["postgres", "caddy"] {
        assert!(
            service(&compose, name).get("build").is_none(),
            "{name} is a stock image"
        );
    }
}

#[test]
fn both_servers_run_the_same_image_on_the_same_database_and_media() {
    let compose = compose();
    let migrate = service(&compose, "migrate");
    let one = service(&compose, "galaxie-1");
    let two = service(&compose, "galaxie-2");
    for server in [one, two] {
        assert_eq!(server.get("build"), migrate.get("build"), "same build");
        assert_eq!(server.get("image"), migrate.get("image"), "same image");
        assert_eq!(environment(server), environment(migrate), "same settings");
    }
    let context = migrate
        .at(&["build", "context"])
        .expect("the galaxie services are built");
    let dockerfile = migrate
        .at(&["build", "dockerfile"])
        .expect("build.dockerfile");
    let context = repo_root().join("docker").join(context);
    assert!(
        context.join("Cargo.lock").is_file(),
        "the build context is the repository root"
    );
    assert!(
        context.join(dockerfile).is_file(),
        "{dockerfile} is in the context"
    );

    let env = environment(one);
    let public_url = env
        .get("GALAXIE__INSTANCE__PUBLIC_URL")
        .expect("GALAXIE__INSTANCE__PUBLIC_URL");
    assert!(
        public_url.starts_with("https://${GALAXIE_DOMAIN"),
        "{public_url}"
    );
    let database = env
        .get("GALAXIE__DATABASE__URL")
        .expect("GALAXIE__DATABASE__URL");
    let postgres = environment(service(&compose, "postgres"));
    let user = postgres.get("POSTGRES_USER").expect("POSTGRES_USER");
    let db = postgres.get("POSTGRES_DB").expect("POSTGRES_DB");
    assert!(
        database.starts_with(&format!("postgres://{user}:${{POSTGRES_PASSWORD"))
            && database.ends_with(&format!("@postgres/{db}")),
        "{database}"
    );
    assert!(
        postgres
            .get("POSTGRES_PASSWORD")
            .is_some_and(|p| p.starts_with("${POSTGRES_PASSWORD")),
        "one password for the server and the clients"
    );

    let media = |server: &Yaml| -> Vec<String> {
        server
            .get("volumes")
            .map(Yaml::strings)
            .unwrap_or_default()
            .into_iter()
            .filter(|v| v.split(':').nth(1) == Some("/data/media"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(media(one).len(), 1, "galaxie-1 mounts /data/media");
    assert_eq!(media(one), media(two), "uploads are seen by both processes");
    let volume = media(one)[0]
        .split(':')
        .next()
        .map(str::to_string)
        .expect("volume name");
    assert!(
        compose
            .get("volumes")
            .is_some_and(|v| v.get(&volume).is_some()),
        "{volume} is a named volume"
    );
}

#[test]
fn env_example_names_every_variable_the_compose_file_needs() {
    let text = read("docker/compose.yaml");
    let example = env_file(&read("docker/.env.example"));
    let required: BTreeSet<String> = compose_variables(&text)
        .into_iter()
        .filter(|(_, has_default)| !has_default)
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        required,
        BTreeSet::from([
            "GALAXIE_DOMAIN".to_string(),
            "POSTGRES_PASSWORD".to_string()
        ])
    );
    for name in &required {
        let value = example
            .get(name)
            .unwrap_or_else(|| panic!(".env.example has no {name}"));
        assert!(!value.is_empty(), "{name} has an example value");
    }
    let password = &example["POSTGRES_PASSWORD"];
    assert!(
        password
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "the example password needs no escaping in a URL"
    );
    // The whole file interpolates with the example values.
    interpolate(&text, &example).expect("compose.yaml interpolates");
    let ignored = read(".dockerignore");
    assert!(
        ignored.lines().any(|l| l.trim() == "docker/.env"),
        "docker/.env (secrets) stays out of the build context"
    );
}

// ------------------------------------------------------------------------------------------
// Dockerfile
// ------------------------------------------------------------------------------------------

struct Stage {
    from: String,
    name: Option<String>,
    /// (instruction in upper case, arguments).
    instructions: Vec<(String, String)>,
}

impl Stage {
    fn all(&self, instruction: &str) -> Vec<&str> {
        self.instructions
            .iter()
            .filter(|(i, _)| i == instruction)
            .map(|(_, args)| args.as_str())
            .collect()
    }

    fn one(&self, instruction: &str) -> &str {
        let all = self.all(instruction);
        assert_eq!(all.len(), 1, "one {instruction} in stage {:?}", self.name);
        all[0]
    }
}

struct Dockerfile {
    stages: Vec<Stage>,
}

impl Dockerfile {
    fn parse(text: &str) -> Dockerfile {
        let mut logical = Vec::new();
        let mut current = String::new();
        for line in text.lines() {
            let trimmed = line.trim();
            if current.is_empty() && (trimmed.is_empty() || trimmed.starts_with('#')) {
                continue;
            }
            if !current.is_empty() && trimmed.starts_with('#') {
                continue; // a comment inside a continued instruction
            }
            match trimmed.strip_suffix('\\') {
                Some(part) => {
                    current.push_str(part);
                    current.push(' ');
                }
                None => {
                    current.push_str(trimmed);
                    logical.push(std::mem::take(&mut current));
                }
            }
        }
        let mut stages: Vec<Stage> = Vec::new();
        for line in logical {
            let (instruction, args) = line
                .split_once(char::is_whitespace)
                .unwrap_or((line.as_str(), ""));
            let instruction = instruction.to_ascii_uppercase();
            let args = args.trim().to_string();
            if instruction == "FROM" {
                let words: Vec<&str> = args.split_whitespace().collect();
                let name = match words.as_slice() {
                    [_, as_, name] if as_.eq_ignore_ascii_case("as") => Some(name.to_string()),
                    _ => None,
                };
                stages.push(Stage {
                    from: words.first().map(|s| s.to_string()).unwrap_or_default(),
                    name,
                    instructions: Vec::new(),
                });
            } else {
                stages
                    .last_mut()
                    .expect("the Dockerfile starts with FROM")
                    .instructions
                    .push((instruction, args));
            }
        }
        Dockerfile { stages }
    }

    fn builder(&self) -> &Stage {
        self.stages
            .iter()
            .find(|s| s.name.as_deref() == Some("builder"))
            .expect("a stage named builder")
    }

    fn runtime(&self) -> &Stage {
        self.stages.last().expect("a stage")
    }
}

#[derive(Deserialize)]
struct Manifest {
    workspace: Option<Workspace>,
    lib: Option<Target>,
    #[serde(default)]
    bin: Vec<Target>,
    #[serde(default)]
    test: Vec<Target>,
    #[serde(default)]
    bench: Vec<Target>,
    #[serde(default)]
    example: Vec<Target>,
}

#[derive(Deserialize)]
struct Workspace {
    members: Vec<String>,
    package: Option<WorkspacePackage>,
}

#[derive(Deserialize)]
struct WorkspacePackage {
    #[serde(rename = "rust-version")]
    rust_version: Option<String>,
}

#[derive(Deserialize)]
struct Target {
    path: Option<String>,
}

fn manifest(relative: &str) -> Manifest {
    use figment::providers::{Format, Toml};
    figment::Figment::from(Toml::string(&read(relative)))
        .extract()
        .unwrap_or_else(|e| panic!("{relative}: {e}"))
}

#[test]
fn dockerfile_builds_in_a_rust_stage_and_runs_in_debian_slim() {
    let dockerfile = Dockerfile::parse(&read("docker/Dockerfile"));
    assert!(
        dockerfile.stages.len() >= 2,
        "a builder and a runtime stage"
    );
    let builder = dockerfile.builder();
    let workspace = manifest("Cargo.toml").workspace.expect("a workspace");
    let rust = workspace
        .package
        .and_then(|p| p.rust_version)
        .expect("workspace.package.rust-version");
    assert!(
        [
            format!("rust:{rust}-bookworm"),
            format!("rust:{rust}-slim-bookworm")
        ]
        .contains(&builder.from),
        "the builder is rust:{rust} on bookworm, like the runtime (found {})",
        builder.from
    );
    let builds: Vec<&str> = builder
        .all("RUN")
        .into_iter()
        .filter(|r| r.contains("cargo build --release -p galaxie --locked"))
        .collect();
    assert_eq!(
        builds.len(),
        2,
        "dependencies are built from the manifests, then the sources"
    );
    assert!(
        builds[1].contains("touch"),
        "the real sources are touched so cargo rebuilds them over the dummies"
    );

    let runtime = dockerfile.runtime();
    assert_eq!(runtime.from, "debian:bookworm-slim");
    assert!(
        runtime
            .all("COPY")
            .iter()
            .any(|c| c.starts_with("--from=builder") && c.ends_with("/usr/local/bin/galaxie")),
        "the binary comes from the builder"
    );
    assert!(
        runtime
            .all("RUN")
            .iter()
            .any(|r| r.contains("apt-get install") && r.contains("ca-certificates")),
        "outgoing https needs the system CA store"
    );
    assert_eq!(runtime.one("EXPOSE"), "8080");
    let env = dockerfile_env(&dockerfile);
    assert_eq!(
        env.get("GALAXIE__SERVER__BIND").map(String::as_str),
        Some("0.0.0.0:8080")
    );
    assert_eq!(
        env.get("GALAXIE__DATA_DIR").map(String::as_str),
        Some("/data")
    );
    assert!(runtime.one("VOLUME").contains("/data"), "/data is a volume");
    assert_eq!(runtime.one("ENTRYPOINT"), r#"["galaxie"]"#);
    assert_eq!(runtime.one("CMD"), r#"["serve"]"#);
}

#[test]
fn dockerfile_runs_as_the_galaxie_user_with_a_health_check() {
    let dockerfile = Dockerfile::parse(&read("docker/Dockerfile"));
    let runtime = dockerfile.runtime();
    let user = runtime.one("USER");
    let uid = user.split(':').next().unwrap_or_default();
    assert!(
        !uid.is_empty() && uid != "0" && uid != "root",
        "runs as non-root (USER {user})"
    );
    let useradd = runtime
        .all("RUN")
        .into_iter()
        .find(|r| r.contains("useradd"))
        .expect("the runtime creates its user");
    assert!(
        useradd.contains(&format!("--uid {uid}")) && useradd.contains(" galaxie;"),
        "USER {user} is the galaxie user created by useradd"
    );
    assert!(
        useradd.contains("chown -R galaxie:galaxie /data"),
        "galaxie owns /data, so new volumes on it are writable"
    );
    // Instructions are in order: the user exists and owns /data before VOLUME freezes it.
    let position = |name: &str, needle: &str| {
        runtime
            .instructions
            .iter()
            .position(|(i, a)| i == name && a.contains(needle))
            .unwrap_or_else(|| panic!("{name} {needle}"))
    };
    assert!(position("RUN", "chown") < position("VOLUME", "/data"));

    let healthcheck = runtime.one("HEALTHCHECK");
    assert!(
        healthcheck.contains(r#"CMD ["galaxie-healthcheck"]"#),
        "{healthcheck}"
    );
    assert!(
        runtime
            .all("COPY")
            .iter()
            .any(|c| c.contains("docker/healthcheck.sh")
                && c.ends_with("/usr/local/bin/galaxie-healthcheck")),
        "the health check script is installed"
    );
    let script = read("docker/healthcheck.sh");
    assert!(script.starts_with("#!/bin/bash"), "bash, for /dev/tcp");
    assert!(script.contains("/dev/tcp/127.0.0.1/"));
    assert!(script.contains("GET /healthz HTTP/1.1"));
}

#[test]
fn dockerfile_copies_every_workspace_manifest_and_dummy_target() {
    let dockerfile = Dockerfile::parse(&read("docker/Dockerfile"));
    let builder = dockerfile.builder();
    let copies = builder.all("COPY");
    let dummy = builder
        .all("RUN")
        .into_iter()
        .find(|r| r.contains("fn main() {}"))
        .expect("the RUN that writes dummy sources");
    let libs: Vec<&str> = dummy
        .split_once("for lib in ")
        .and_then(|(_, rest)| rest.split_once(';'))
        .map(|(list, _)| list.split_whitespace().collect())
        .expect("`for lib in …;` lists the members with a library");
    let workspace = manifest("Cargo.toml").workspace.expect("a workspace");
    for member in &workspace.members {
        assert!(
            copies.contains(&format!("{member}/Cargo.toml {member}/").as_str()),
            "COPY {member}/Cargo.toml {member}/ (cargo needs every member's manifest)"
        );
        let member_manifest = manifest(&format!("{member}/Cargo.toml"));
        let root = repo_root().join(member);
        let mut targets: Vec<String> = ["src/lib.rs", "src/main.rs"]
            .into_iter()
            .filter(|p| root.join(p).is_file())
            .map(str::to_string)
            .collect();
        targets.extend(
            member_manifest
                .lib
                .iter()
                .chain(&member_manifest.bin)
                .chain(&member_manifest.test)
                .chain(&member_manifest.bench)
                .chain(&member_manifest.example)
                .filter_map(|t| t.path.clone()),
        );
        for target in targets {
            let covered = if target == "src/lib.rs" {
                libs.contains(&member.as_str())
            } else {
                dummy.contains(&format!("{member}/{target}"))
            };
            assert!(
                covered,
                "the dummy build creates {member}/{target} (the manifest names it)"
            );
        }
    }
}

#[test]
fn dockerignore_keeps_the_context_small_and_complete() {
    let patterns: Vec<String> = read(".dockerignore")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.trim_start_matches('/').trim_end_matches('/').to_string())
        .collect();
    for needed in ["target", "data", "**/node_modules", "**/.venv"] {
        assert!(
            patterns.iter().any(|p| p == needed),
            ".dockerignore has {needed}"
        );
    }
    // `data` must stay anchored at the root: crates/domain/src/vocab/data is source.
    assert!(repo_root().join("crates/domain/src/vocab/data").is_dir());
    for pattern in &patterns {
        assert!(
            !pattern.starts_with('!'),
            "no exceptions, the context is what is not ignored"
        );
        assert!(
            !(pattern.starts_with("**") && pattern.ends_with("data")),
            "{pattern} would drop crates/domain/src/vocab/data"
        );
        for source in [
            "Cargo.toml",
            "Cargo.lock",
            "crates",
            "migrations",
            "tests",
            "docker",
            "docker/Dockerfile",
            "docker/healthcheck.sh",
        ] {
            assert_ne!(pattern, source, "the build needs {source}");
        }
    }
}

// ------------------------------------------------------------------------------------------
// Caddyfile
// ------------------------------------------------------------------------------------------

/// The Caddyfile's lines without comments, trimmed.
fn caddyfile() -> Vec<String> {
    read("docker/Caddyfile")
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// A go-humanize size (`8MiB`, `1MB`, `512KiB`) in bytes.
fn size(text: &str) -> u64 {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().expect("a size");
    let factor = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        other => panic!("unknown size unit {other}"),
    };
    number * factor
}

#[test]
fn caddy_proxies_to_both_servers_without_rewriting_and_hides_metrics() {
    let lines = caddyfile();
    assert_eq!(
        lines.first().map(String::as_str),
        Some("{$GALAXIE_DOMAIN} {"),
        "one site, the instance's domain, with automatic https"
    );
    let proxy = lines
        .iter()
        .find(|l| l.starts_with("reverse_proxy "))
        .expect("reverse_proxy");
    let upstreams: Vec<&str> = proxy
        .trim_end_matches('{')
        .split_whitespace()
        .skip(1)
        .collect();
    assert_eq!(upstreams, vec!["galaxie-1:8080", "galaxie-2:8080"]);
    assert!(lines.iter().any(|l| l == "health_uri /healthz"));

    // HTTP signatures cover Host and the request target: nothing may change them.
    for forbidden in [
        "header_up",
        "rewrite",
        "uri ",
        "handle_path",
        "strip_prefix",
        "encode",
    ] {
        assert!(
            !lines.iter().any(|l| l.starts_with(forbidden)),
            "{forbidden} would change what remote servers signed"
        );
    }

    let max = lines
        .iter()
        .find_map(|l| l.strip_prefix("max_size "))
        .expect("request_body max_size");
    let config = Config::default();
    assert_eq!(
        size(max),
        config.media.max_bytes as u64,
        "the proxy lets uploads of media.max_bytes through, and no more"
    );
    assert!(size(max) >= galaxie_web::MAX_BODY_BYTES as u64, "inboxes");

    let matcher = lines
        .iter()
        .find(|l| l.starts_with("@metrics "))
        .expect("a @metrics matcher");
    assert!(matcher.split_whitespace().any(|w| w == "/metrics"));
    let handle = lines
        .iter()
        .position(|l| l == "handle @metrics {")
        .expect("handle @metrics");
    assert!(
        lines
            .get(handle + 1)
            .is_some_and(|l| l.starts_with("respond 40")),
        "/metrics is refused on the public address"
    );
}

// ------------------------------------------------------------------------------------------
// systemd unit
// ------------------------------------------------------------------------------------------

struct Unit {
    /// `Key=value` of every section (last one wins), `Environment=` excluded.
    keys: BTreeMap<String, String>,
    environment: BTreeMap<String, String>,
}

fn systemd_unit() -> Unit {
    let mut keys = BTreeMap::new();
    let mut environment = BTreeMap::new();
    for line in read("docker/galaxie.service").lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line.starts_with('[') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if key == "Environment" {
            let (name, value) = value.split_once('=').expect("Environment=NAME=value");
            environment.insert(name.to_string(), value.to_string());
        } else {
            keys.insert(key.to_string(), value.to_string());
        }
    }
    Unit { keys, environment }
}

#[test]
fn the_systemd_unit_runs_serve_as_galaxie_in_its_state_directory() {
    let unit = systemd_unit();
    let key = |k: &str| unit.keys.get(k).map(String::as_str);
    assert_eq!(key("ExecStart"), Some("/usr/local/bin/galaxie serve"));
    assert_eq!(key("User"), Some("galaxie"));
    let state = key("StateDirectory").expect("StateDirectory");
    assert_eq!(
        unit.environment
            .get("GALAXIE__DATA_DIR")
            .map(String::as_str),
        Some(format!("/var/lib/{state}").as_str()),
        "data_dir is the state directory systemd creates for the user"
    );
    assert!(key("Restart").is_some());
    assert_eq!(key("NoNewPrivileges"), Some("yes"));
    assert_eq!(key("ProtectSystem"), Some("strict"));
}
