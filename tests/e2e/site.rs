//! The web interface for people (`galaxie-site`), over real HTTP on real instances: public
//! pages in French and English, easy-read, escaping of hostile text, schema.org and feeds in
//! the pages; signing in (argon2, sessions), CSRF on every form, roles, forms that refuse bad
//! input in plain French and keep what was typed; remote following from Mastodon; and a
//! second instance that follows a place showing its event on its timeline and map.

use galaxie_domain::{NewEvent, NewPlace, RawEvent, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, follow, on_both_backends};
use std::collections::BTreeMap;
use std::time::Duration;

/// A 16×8 JPEG, as the `image` crate encodes it.
const JPEG_16X8: &str = "/9j/4AAQSkZJRgABAgAAAQABAAD/wAARCAAIABADAREAAhEBAxEB/9sAQwAIBgYHBgUIBwcHCQkICgwUDQwLCwwZEhMPFB0aHx4dGhwcICQuJyAiLCMcHCg3KSwwMTQ0NB8nOT04MjwuMzQy/9sAQwEJCQkMCwwYDQ0YMiEcITIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIy/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDl68c/RzBr9fPyw//Z";

const PASSWORD: &str = "un mot de passe assez long";

fn jpeg() -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(JPEG_16X8)
        .expect("base64")
}

/// A browser without a browser: follows no redirect, keeps cookies, sends what a form sends.
struct Visitor {
    client: reqwest::Client,
    base: String,
    cookies: BTreeMap<String, String>,
    accept_language: Option<&'static str>,
}

struct Page {
    status: u16,
    location: Option<String>,
    content_type: String,
    set_cookies: Vec<String>,
    body: String,
}

impl Visitor {
    fn new(instance: &Instance) -> Visitor {
        Visitor {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            base: instance.base.clone(),
            cookies: BTreeMap::new(),
            accept_language: None,
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn read(&mut self, response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let set_cookies: Vec<String> = headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect();
        for c in &set_cookies {
            let pair = c.split(';').next().unwrap_or_default();
            if let Some((k, v)) = pair.split_once('=') {
                if v.is_empty() || c.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_string(), v.to_string());
                }
            }
        }
        Page {
            status,
            location: headers
                .get("location")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            content_type: headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string(),
            set_cookies,
            body: response.text().await.expect("body"),
        }
    }

    async fn get(&mut self, path: &str) -> Page {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        };
        let mut request = self
            .client
            .get(url)
            .header("accept", "text/html")
            .header("cookie", self.cookie_header());
        if let Some(l) = self.accept_language {
            request = request.header("accept-language", l);
        }
        let response = request.send().await.expect("get");
        self.read(response).await
    }

    async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", self.cookie_header())
            .header("origin", &self.base)
            .body(body)
            .send()
            .await
            .expect("post");
        self.read(response).await
    }

    async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, Vec<u8>)],
    ) -> Page {
        let boundary = "----galaxie-test-boundary-7d1f";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, filename, bytes) in files {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: image/jpeg\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend(bytes);
            body.extend(b"\r\n");
        }
        body.extend(format!("--{boundary}--\r\n").as_bytes());
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("cookie", self.cookie_header())
            .header("origin", &self.base)
            .body(body)
            .send()
            .await
            .expect("post");
        self.read(response).await
    }

    /// The CSRF token of the first form on `path`.
    async fn csrf(&mut self, path: &str) -> String {
        let page = self.get(path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        csrf_of(&page.body)
    }

    async fn sign_in(&mut self, email: &str, password: &str) {
        let csrf = self.csrf("/admin/connexion").await;
        let page = self
            .post(
                "/admin/connexion",
                &[
                    ("csrf", &csrf),
                    ("email", email),
                    ("password", password),
                    ("retour", "/admin"),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "sign-in: {}", page.body);
        assert_eq!(page.location.as_deref(), Some("/admin"));
    }
}

fn csrf_of(html: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = html.find(marker).expect("a form with a CSRF token") + marker.len();
    html[start..].chars().take_while(|c| *c != '"').collect()
}

async fn account(
    instance: &Instance,
    email: &str,
    admin: bool,
) -> galaxie_db::entities::accounts::Model {
    let hash = galaxie_site::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    galaxie_db::accounts::create(instance.data.db().conn(), email, &hash, admin)
        .await
        .expect("account")
}

async fn rich_place(instance: &Instance, username: &str) {
    let place = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some("EPN de Saint-Clair".into()),
        summary: Some("Un espace public <script>alert('x')</script> numérique".into()),
        summary_falc: Some("Un lieu pour apprendre l’ordinateur.".into()),
        address: Some("12 rue de Leclercq".into()),
        postal_code: Some("51100".into()),
        city: Some("Reims".into()),
        lat: Some(49.25),
        lon: Some(4.03),
        phone: Some("01 80 05 98 80".into()),
        hours: Some("Mo-Su 00:00-24:00".into()),
        services: Some(vec!["aide-demarches-administratives".into()]),
        fees: Some(vec!["gratuit".into()]),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&instance.data, place)
        .await
        .expect("create place");
}

async fn event(
    instance: &Instance,
    place: &str,
    name: &str,
) -> galaxie_db::entities::objects::Model {
    let start = chrono::Utc::now() + chrono::Duration::days(10);
    let event = NewEvent::parse(RawEvent {
        name: Some(name.into()),
        summary: Some("Venez avec votre téléphone.".into()),
        summary_falc: Some("Apportez votre téléphone.".into()),
        start: Some(start.to_rfc3339()),
        end: Some((start + chrono::Duration::hours(2)).to_rfc3339()),
        location_name: Some("Médiathèque".into()),
        city: Some("Reims".into()),
        postal_code: Some("51100".into()),
        lat: Some(49.26),
        lon: Some(4.04),
        price: Some("gratuit".into()),
        registration_url: Some("https://inscription.example/atelier".into()),
        ..Default::default()
    })
    .expect("event");
    service::publish_event(&instance.data, place, event)
        .await
        .expect("publish")
}

fn page_of(row: &galaxie_db::entities::objects::Model, section: &str) -> String {
    let key = row.ap_id.rsplit_once("/objects/").expect("local id").1;
    format!("/{section}/{key}")
}

async fn public_pages_in_french_and_english(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    rich_place(&alpha, "epn").await;
    let ev = event(&alpha, "epn", "Atelier <b>smartphone</b>").await;
    let mut v = Visitor::new(&alpha);

    // The ActivityPub URL sends browsers to the page; JSON clients still get the actor.
    let redirect = v.get("/places/epn").await;
    assert_eq!(redirect.status, 303);
    assert_eq!(redirect.location.as_deref(), Some("/lieux/epn"));
    let object = v.get(&ev.ap_id).await;
    assert_eq!(
        object.location.as_deref(),
        Some(page_of(&ev, "evenements").as_str())
    );

    let place = v.get("/lieux/epn").await;
    assert_eq!(place.status, 200);
    assert!(place.content_type.starts_with("text/html"));
    let html = &place.body;
    assert!(html.contains("<html lang=\"fr\">"), "French by default");
    assert_eq!(html.matches("<h1").count(), 1, "one h1");
    assert!(html.contains("Ouvert maintenant"), "open now: {html}");
    assert!(!html.contains("<script>alert"), "hostile HTML is escaped");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        html.contains(r#"src="/vocab/pictograms/"#),
        "pictograms beside services"
    );
    assert!(
        html.contains("Atelier &lt;b&gt;smartphone&lt;/b&gt;"),
        "upcoming event, escaped"
    );
    assert!(html.contains(r#"<link rel="alternate" type="application/activity+json" href=""#));
    assert!(html.contains(r#"type="text/calendar""#));
    assert!(html.contains(r#"<meta property="og:title" content="EPN de Saint-Clair">"#));
    // schema.org JSON-LD, closed safely.
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("json-ld")
        + r#"<script type="application/ld+json">"#.len();
    let end = start + html[start..].find("</script>").expect("end");
    let jsonld: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON-LD");
    assert_eq!(jsonld["@type"], "Place");
    assert_eq!(jsonld["geo"]["latitude"], 49.25);
    assert!(
        jsonld["description"]
            .as_str()
            .unwrap_or_default()
            .contains("<script>")
    );
    assert!(!html[start..end].contains('<'));
    // Security headers.
    let headers = reqwest::get(format!("{}/lieux/epn", alpha.base))
        .await
        .expect("get");
    assert_eq!(headers.headers()["x-frame-options"], "DENY");
    assert!(
        headers.headers()["content-security-policy"]
            .to_str()
            .unwrap_or_default()
            .contains("script-src 'self'")
    );

    // English from Accept-Language; French content keeps its language.
    v.accept_language = Some("en-GB,en;q=0.9");
    let en = v.get("/lieux/epn").await.body;
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Open now"), "{en}");
    assert!(
        en.contains(r#"<p class="lead" lang="fr">"#),
        "French content marked fr"
    );
    // The visible switch wins over the header, and returns to the page.
    let switch = v.get("/preferences/langue/fr?retour=%2Flieux%2Fepn").await;
    assert_eq!(switch.status, 303);
    assert_eq!(switch.location.as_deref(), Some("/lieux/epn"));
    assert!(
        switch
            .set_cookies
            .iter()
            .any(|c| c.starts_with("gx_lang=fr")
                && c.contains("HttpOnly")
                && c.contains("SameSite=Lax"))
    );
    assert!(
        v.get("/lieux/epn")
            .await
            .body
            .contains("<html lang=\"fr\">")
    );
    // Never an open redirect.
    let evil = v
        .get("/preferences/langue/fr?retour=%2F%2Fevil.example%2F")
        .await;
    assert_eq!(evil.location.as_deref(), Some("/"));

    // Easy-read: the FALC variants, marked fr-x-falc, and simpler interface words.
    v.get("/preferences/facile/oui?retour=%2F").await;
    let falc = v.get("/lieux/epn").await.body;
    assert!(
        falc.contains(r#"lang="fr-x-falc">Un lieu pour apprendre l’ordinateur.</p>"#),
        "{falc}"
    );
    assert!(falc.contains("Quand c’est ouvert"));
    let event_page = v.get(&page_of(&ev, "evenements")).await.body;
    assert!(event_page.contains(r#"lang="fr-x-falc">Apportez votre téléphone.</p>"#));
    v.get("/preferences/facile/non?retour=%2F").await;

    // The event page: when, where, map, calendar file, registration, JSON-LD Event.
    let event_page = v.get(&page_of(&ev, "evenements")).await.body;
    for needle in [
        "<svg class=\"map\"",
        "Ajouter à mon agenda",
        "https://inscription.example/atelier",
        "\"@type\":\"Event\"",
        "<time datetime=",
    ] {
        assert!(
            event_page.contains(needle),
            "{needle} missing from the event page"
        );
    }
    let ics = v
        .get(&format!("{}/agenda.ics", page_of(&ev, "evenements")))
        .await;
    assert!(ics.content_type.starts_with("text/calendar"));
    assert!(ics.body.contains("BEGIN:VEVENT") && ics.body.contains(&ev.ap_id));

    // Map, directory, search, home, sitemap.
    let map = v.get("/carte").await.body;
    assert!(map.contains("EPN de Saint-Clair") && map.contains("class=\"marker marker-event\""));
    let directory = v.get("/annuaire?besoin=papiers").await;
    assert_eq!(directory.status, 200);
    let directory = v.get("/annuaire").await.body;
    assert!(directory.contains("EPN de Saint-Clair"));
    let search = v.get("/recherche?q=demarches").await.body;
    assert!(
        search.contains("EPN de Saint-Clair"),
        "accent-insensitive search"
    );
    let home = v.get("/?type=evenements&lieu=51").await.body;
    assert!(home.contains("Atelier &lt;b&gt;smartphone&lt;/b&gt;"));
    let nothing = v.get("/?type=evenements&lieu=35").await.body;
    assert!(!nothing.contains("Atelier &lt;b&gt;smartphone"));
    let sitemap = v.get("/sitemap.xml").await.body;
    assert!(sitemap.contains("/lieux/epn</loc>") && sitemap.contains(&page_of(&ev, "evenements")));
    let missing = v.get("/lieux/personne").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<html lang=\"fr\">"));

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(public_pages_in_french_and_english);

async fn signing_in_csrf_and_roles(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    rich_place(&alpha, "epn").await;
    alpha.create_place("fablab").await;
    account(&alpha, "admin@example.org", true).await;
    let editor = account(&alpha, "camille@example.org", false).await;
    let epn = galaxie_db::places::get_by_username(alpha.data.db().conn(), "epn")
        .await
        .expect("epn");
    galaxie_db::accounts::grant_place(alpha.data.db().conn(), editor.id, epn.id)
        .await
        .expect("grant");

    // Not signed in: the administration sends to the sign-in page and back.
    let mut anonymous = Visitor::new(&alpha);
    let admin = anonymous.get("/admin/lieux/epn").await;
    assert_eq!(admin.status, 303);
    assert_eq!(
        admin.location.as_deref(),
        Some("/admin/connexion?retour=%2Fadmin%2Flieux%2Fepn")
    );

    // A wrong password: one message that does not say which part is wrong; the e-mail stays.
    let csrf = anonymous.csrf("/admin/connexion").await;
    assert!(anonymous.cookies.contains_key("gx_csrf"));
    let wrong = anonymous
        .post(
            "/admin/connexion",
            &[
                ("csrf", &csrf),
                ("email", "camille@example.org"),
                ("password", "pas le bon mot de passe"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(
        wrong
            .body
            .contains("L’adresse e-mail ou le mot de passe ne correspond pas")
    );
    assert!(wrong.body.contains(r#"value="camille@example.org""#));
    assert!(!anonymous.cookies.contains_key("gx_session"));
    // No CSRF token, a wrong one, or a post from another site: refused.
    for fields in [
        vec![("email", "camille@example.org"), ("password", PASSWORD)],
        vec![
            ("csrf", "0000"),
            ("email", "camille@example.org"),
            ("password", PASSWORD),
        ],
    ] {
        let refused = anonymous.post("/admin/connexion", &fields).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
    }
    let cross_site = anonymous
        .client
        .post(format!("{}/admin/connexion", alpha.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", anonymous.cookie_header())
        .header("origin", "https://evil.example")
        .body(format!(
            "csrf={csrf}&email=camille%40example.org&password=x"
        ))
        .send()
        .await
        .expect("post");
    assert_eq!(cross_site.status(), 403);

    // The editor signs in: the session cookie is HttpOnly and SameSite=Lax.
    let mut camille = Visitor::new(&alpha);
    let csrf = camille.csrf("/admin/connexion").await;
    let signed = camille
        .post(
            "/admin/connexion",
            &[
                ("csrf", &csrf),
                ("email", "Camille@Example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let session = signed
        .set_cookies
        .iter()
        .find(|c| c.starts_with("gx_session="))
        .expect("session cookie");
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert!(!session.contains("Secure"), "plain http in tests");
    let dashboard = camille.get("/admin").await;
    assert_eq!(dashboard.status, 200);
    assert!(
        dashboard.body.contains("EPN de Saint-Clair")
            && !dashboard.body.contains("/admin/lieux/fablab")
    );

    // Roles: the other place, the accounts and the blocks are not the editor's.
    for path in [
        "/admin/lieux/fablab",
        "/admin/lieux/fablab/evenements/nouveau",
        "/admin/comptes",
        "/admin/blocages",
        "/admin/lieux/nouveau",
    ] {
        assert_eq!(camille.get(path).await.status, 403, "{path}");
    }
    let csrf = camille.csrf("/admin/lieux/epn").await;
    let forbidden = camille
        .post("/admin/lieux/fablab", &[("csrf", &csrf), ("name", "Pris")])
        .await;
    assert_eq!(forbidden.status, 403);

    // A form without the session's token is refused and changes nothing.
    let forged = camille
        .post("/admin/lieux/epn", &[("csrf", "forged"), ("name", "Volé")])
        .await;
    assert_eq!(forged.status, 403);
    // The anonymous token does not work for a session either.
    let anonymous_token = anonymous
        .cookies
        .get("gx_csrf")
        .cloned()
        .unwrap_or_default();
    let mixed = camille
        .post(
            "/admin/lieux/epn",
            &[("csrf", &anonymous_token), ("name", "Volé")],
        )
        .await;
    assert_eq!(mixed.status, 403);
    let unchanged = galaxie_db::places::get_by_username(alpha.data.db().conn(), "epn")
        .await
        .expect("epn");
    assert_eq!(unchanged.name, "EPN de Saint-Clair");

    // Bad input: messages next to each field in plain French, and what was typed is kept.
    let refused = camille
        .post(
            "/admin/lieux/epn",
            &[
                ("csrf", &csrf),
                ("name", "EPN de Saint-Clair <i>rénové</i>"),
                ("postal_code", "5110"),
                ("hours", "lundi 9h-12h"),
                ("website", "pas une adresse"),
                ("services", "aide-demarches-administratives"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    let body = &refused.body;
    for message in [
        "Le code postal a 5 chiffres, par exemple 51100.",
        "Les horaires ne sont pas compris",
        "Écrivez une adresse web complète",
    ] {
        assert!(body.contains(message), "{message} missing");
    }
    assert!(body.contains(r#"value="5110""#) && body.contains(r#"value="lundi 9h-12h""#));
    assert!(
        body.contains("EPN de Saint-Clair &lt;i&gt;rénové&lt;/i&gt;"),
        "typed name kept, escaped"
    );
    assert!(body.contains(r#"aria-invalid="true""#) && body.contains("error-summary"));
    assert!(body.contains(r#"value="aide-demarches-administratives" checked"#));

    // A good form changes the place and tells its followers (an Update in the outbox).
    let saved = camille
        .post(
            "/admin/lieux/epn",
            &[
                ("csrf", &csrf),
                ("name", "EPN de Saint-Clair rénové"),
                ("postal_code", "51100"),
                ("city", "Reims"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let renamed = galaxie_db::places::get_by_username(alpha.data.db().conn(), "epn")
        .await
        .expect("epn");
    assert_eq!(renamed.name, "EPN de Saint-Clair rénové");

    // An event with an image: the image is cleaned and attached with its alt text.
    let form_path = "/admin/lieux/epn/evenements/nouveau";
    let day = (chrono::Utc::now() + chrono::Duration::days(7))
        .format("%Y-%m-%d")
        .to_string();
    let csrf = camille.csrf(form_path).await;
    let missing_alt = camille
        .post_multipart(
            form_path,
            &[
                ("csrf", &csrf),
                ("name", "Atelier tablette"),
                ("start_date", &day),
                ("start_time", "14:00"),
                ("end_time", "16:00"),
            ],
            &[("banner", "photo.jpg", jpeg())],
        )
        .await;
    assert_eq!(missing_alt.status, 422);
    assert!(missing_alt.body.contains("Décrivez l’image"));
    assert!(missing_alt.body.contains(r#"value="Atelier tablette""#));
    let bad_time = camille
        .post_multipart(
            form_path,
            &[
                ("csrf", &csrf),
                ("name", "Atelier tablette"),
                ("start_date", &day),
                ("start_time", "quatorze heures"),
                ("banner_alt", "Une tablette sur une table"),
            ],
            &[("banner", "photo.jpg", jpeg())],
        )
        .await;
    assert_eq!(bad_time.status, 422);
    assert!(
        bad_time
            .body
            .contains("Écrivez une heure, par exemple 14:30.")
    );
    // The image already sent is kept in the form: no need to choose it again.
    let kept = csrf_of(&bad_time.body);
    let banner_marker = r#"name="banner_id" value=""#;
    let at = bad_time
        .body
        .find(banner_marker)
        .expect("the uploaded image is kept")
        + banner_marker.len();
    let banner_id: String = bad_time.body[at..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let published = camille
        .post_multipart(
            form_path,
            &[
                ("csrf", &kept),
                ("name", "Atelier tablette"),
                ("start_date", &day),
                ("start_time", "14:00"),
                ("end_time", "16:00"),
                ("banner_id", &banner_id),
                ("repeat", "weekly"),
                ("repeat_count", "3"),
            ],
            &[],
        )
        .await;
    assert_eq!(published.status, 303, "{}", published.body);
    let rows = galaxie_db::objects::by_place(alpha.data.db().conn(), epn.id, Some("Event"))
        .await
        .expect("events");
    let series = rows
        .iter()
        .find(|r| r.rrule.is_some())
        .expect("a recurring series");
    assert_eq!(
        series.rrule.as_deref().map(|r| r.contains("COUNT=3")),
        Some(true)
    );
    let media = galaxie_db::media::for_object(alpha.data.db().conn(), series.id)
        .await
        .expect("media");
    assert_eq!(media[0].alt, "Une tablette sur une table");
    let list = camille.get("/admin/lieux/epn/publications").await.body;
    assert!(list.contains("Atelier tablette") && list.contains("Annuler cette date"));

    // Signing out ends the session.
    let csrf = camille.csrf("/admin").await;
    let out = camille.post("/admin/deconnexion", &[("csrf", &csrf)]).await;
    assert_eq!(out.status, 303);
    assert_eq!(camille.get("/admin").await.status, 303);

    // Too many wrong passwords lock the e-mail for a while, even with the right one after.
    let mut guesser = Visitor::new(&alpha);
    let csrf = guesser.csrf("/admin/connexion").await;
    for _ in 0..galaxie_site::auth::MAX_FAILURES {
        guesser
            .post(
                "/admin/connexion",
                &[
                    ("csrf", &csrf),
                    ("email", "admin@example.org"),
                    ("password", "devine devine devine"),
                ],
            )
            .await;
    }
    let locked = guesser
        .post(
            "/admin/connexion",
            &[
                ("csrf", &csrf),
                ("email", "admin@example.org"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(locked.status, 422);
    assert!(locked.body.contains("Trop d’essais"));

    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(signing_in_csrf_and_roles);

async fn remote_follow_from_mastodon(backend: Backend) {
    use axum::routing::get;
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    alpha.create_place("epn").await;
    // A Mastodon-like server: WebFinger with the OStatus subscribe template (recorded shape).
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let mastodon = axum::Router::new().route(
        "/.well-known/webfinger",
        get(move |q: axum::extract::Query<BTreeMap<String, String>>| async move {
            let resource = q.get("resource").cloned().unwrap_or_default();
            if resource != format!("acct:camille@localhost:{port}") {
                return (axum::http::StatusCode::NOT_FOUND, axum::Json(serde_json::json!({})));
            }
            (
                axum::http::StatusCode::OK,
                axum::Json(serde_json::json!({
                    "subject": resource,
                    "links": [
                        { "rel": "self", "type": "application/activity+json", "href": format!("http://localhost:{port}/users/camille") },
                        { "rel": "http://ostatus.org/schema/1.0/subscribe", "template": format!("http://localhost:{port}/authorize_interaction?uri={{uri}}") }
                    ]
                })),
            )
        }),
    );
    let server = tokio::spawn(async move { axum::serve(listener, mastodon).await });

    let mut v = Visitor::new(&alpha);
    let csrf = v.csrf("/lieux/epn").await;
    let go = v
        .post(
            "/lieux/epn/suivre",
            &[
                ("csrf", &csrf),
                ("account", &format!("@camille@localhost:{port}")),
            ],
        )
        .await;
    assert_eq!(go.status, 303, "{}", go.body);
    let actor: String =
        url::form_urlencoded::byte_serialize(alpha.place_url("epn").as_bytes()).collect();
    assert_eq!(
        go.location,
        Some(format!(
            "http://localhost:{port}/authorize_interaction?uri={actor}"
        ))
    );
    // A typo gets a message, the address typed stays, and the handle to copy is shown.
    let typo = v
        .post(
            "/lieux/epn/suivre",
            &[("csrf", &csrf), ("account", "camille-mastodon.social")],
        )
        .await;
    assert_eq!(typo.status, 422);
    assert!(typo.body.contains("Écrivez votre adresse complète"));
    assert!(typo.body.contains(r#"value="camille-mastodon.social""#));
    assert!(typo.body.contains(&alpha.handle("epn")));
    let unknown = v
        .post(
            "/lieux/epn/suivre",
            &[
                ("csrf", &csrf),
                ("account", &format!("@personne@localhost:{port}")),
            ],
        )
        .await;
    assert_eq!(unknown.status, 422);
    // And without the CSRF token, nothing is fetched.
    let forged = v
        .post(
            "/lieux/epn/suivre",
            &[("account", &format!("@camille@localhost:{port}"))],
        )
        .await;
    assert_eq!(forged.status, 403);
    server.abort();
    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(remote_follow_from_mastodon);

async fn a_follower_instance_shows_the_event_on_its_timeline_and_map(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    rich_place(&alpha, "epn").await;
    beta.create_place("fablab").await;
    follow(&beta, "fablab", &alpha, "epn").await;
    let ev = event(&alpha, "epn", "Atelier fédéré").await;
    let author = alpha.place_url("epn");
    eventually(
        "beta receives the event",
        Duration::from_secs(20),
        || async {
            let n = galaxie_db::objects::count_by_author(beta.data.db().conn(), &author)
                .await
                .ok()?;
            (n >= 1).then_some(())
        },
    )
    .await;
    let mut v = Visitor::new(&beta);
    let home = v.get("/").await.body;
    assert!(home.contains("Atelier fédéré"), "{home}");
    assert!(
        home.contains(&format!(r#"href="{}""#, ev.ap_id)),
        "links to where it was published"
    );
    let map = v.get("/carte?type=evenements").await.body;
    assert!(map.contains("Atelier fédéré") && map.contains("marker marker-event"));
    // The followed place is in beta's federated directory and on its map, linked to its actor.
    let directory = v.get("/annuaire?besoin=numerique").await.body;
    assert!(directory.contains("EPN de Saint-Clair"), "{directory}");
    assert!(directory.contains(&format!(r#"href="{}""#, alpha.place_url("epn"))));
    let map = v.get("/carte").await.body;
    assert!(map.contains("EPN de Saint-Clair") && map.contains("marker marker-place"));
    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}
on_both_backends!(a_follower_instance_shows_the_event_on_its_timeline_and_map);

async fn the_first_administrator_comes_from_the_cli(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    let app = galaxie::App::build(galaxie_tests::test_config(alpha.port, &db.url))
        .await
        .expect("app");
    let short = galaxie::admin_cli::create_account(&app, "root@example.org", "court", &[]).await;
    assert!(
        matches!(short, Err(galaxie::cli::CliError::Invalid(m)) if m.contains("12 characters"))
    );
    let bad = galaxie::admin_cli::create_account(&app, "pas-un-email", PASSWORD, &[]).await;
    assert!(bad.is_err());
    let created = galaxie::admin_cli::create_account(&app, "root@example.org", PASSWORD, &[])
        .await
        .expect("admin");
    assert!(created.is_admin);
    assert!(created.password_hash.starts_with("$argon2id$"));
    let twice = galaxie::admin_cli::create_account(&app, "ROOT@example.org", PASSWORD, &[]).await;
    assert!(
        matches!(twice, Err(galaxie::cli::CliError::Invalid(m)) if m.contains("already exists"))
    );
    let mut v = Visitor::new(&alpha);
    v.sign_in("root@example.org", PASSWORD).await;
    assert_eq!(v.get("/admin/comptes").await.status, 200);
    alpha.stop().await;
    db.cleanup().await;
}
on_both_backends!(the_first_administrator_comes_from_the_cli);

/// The text of the field message (`<p class="error-message" id="f-{name}-error">…</p>`).
fn field_error(html: &str, id: &str) -> Option<String> {
    let marker = format!(r#"id="{id}-error">"#);
    let start = html.find(&marker)? + marker.len();
    let rest = &html[start..];
    Some(rest[..rest.find("</p>")?].to_string())
}

/// Networks and relays in the administration: an administrator creates a network, a place of
/// another instance asks to join through its own administration, the moderator approves and
/// then excludes it with a reason that appears in the moderation log; forms without CSRF and
/// editors are refused; bad input gets a French message next to its field and is kept.
async fn networks_and_relays_in_the_administration(backend: Backend) {
    use galaxie_db::entities::network_members::MemberStatus;
    let (db_net, db_place) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let net = Instance::start(&db_net.url).await;
    let alpha = Instance::start(&db_place.url).await;
    alpha.create_place("epn").await;
    net.create_place("fablab").await;
    account(&net, "moderation@example.org", true).await;
    let editor = account(&net, "camille@example.org", false).await;
    let fablab = galaxie_db::places::get_by_username(net.data.db().conn(), "fablab")
        .await
        .expect("fablab");
    galaxie_db::accounts::grant_place(net.data.db().conn(), editor.id, fablab.id)
        .await
        .expect("grant");
    account(&alpha, "admin@example.org", true).await;
    let alpha_editor = account(&alpha, "dominique@example.org", false).await;
    let epn = galaxie_db::places::get_by_username(alpha.data.db().conn(), "epn")
        .await
        .expect("epn");
    galaxie_db::accounts::grant_place(alpha.data.db().conn(), alpha_editor.id, epn.id)
        .await
        .expect("grant");

    // The administrator creates a network; a refused form says why in French and keeps
    // what was typed.
    let mut moderator = Visitor::new(&net);
    moderator.sign_in("moderation@example.org", PASSWORD).await;
    let dashboard = moderator.get("/admin").await;
    assert!(dashboard.body.contains(r#"href="/admin/reseaux""#));
    assert!(dashboard.body.contains(r#"href="/admin/relais""#));
    let csrf = moderator.csrf("/admin/reseaux").await;
    let refused = moderator
        .post(
            "/admin/reseaux",
            &[
                ("csrf", &csrf),
                ("username", "grand-est"),
                ("name", ""),
                ("policy", "approval"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains(r#"value="grand-est""#));
    let message = field_error(&refused.body, "f-name").expect("a message next to the name");
    assert!(!message.contains("required"), "{message}");
    assert!(refused.body.contains(r#"aria-invalid="true""#));
    let created = moderator
        .post(
            "/admin/reseaux",
            &[
                ("csrf", &csrf),
                ("username", "grand-est"),
                ("name", "Tiers-lieux du Grand Est"),
                ("summary", "Les lieux de la région"),
                ("policy", "approval"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(
        created.location.as_deref(),
        Some("/admin/reseaux/grand-est?fait=reseau-cree")
    );
    let network = galaxie_db::places::get_by_username(net.data.db().conn(), "grand-est")
        .await
        .expect("the network");
    assert!(galaxie_db::networks::is_network(&network));
    assert_eq!(
        galaxie_db::networks::JoinPolicy::of(&network),
        galaxie_db::networks::JoinPolicy::Approval
    );
    let list = moderator.get("/admin/reseaux").await;
    assert!(list.body.contains("Tiers-lieux du Grand Est"));
    assert!(list.body.contains("Un modérateur accepte chaque demande"));

    // The place of the other instance asks to join through its administration.
    let mut admin = Visitor::new(&alpha);
    admin.sign_in("admin@example.org", PASSWORD).await;
    let csrf_alpha = admin.csrf("/admin/lieux/epn/reseaux").await;
    let empty = admin
        .post(
            "/admin/lieux/epn/reseaux",
            &[("csrf", &csrf_alpha), ("network", "")],
        )
        .await;
    assert_eq!(empty.status, 422);
    assert!(
        field_error(&empty.body, "f-network")
            .is_some_and(|m| m.contains("Écrivez l’adresse du réseau.")),
        "{}",
        empty.body
    );
    let handle = net.handle("grand-est");
    let joined = admin
        .post(
            "/admin/lieux/epn/reseaux",
            &[("csrf", &csrf_alpha), ("network", &handle)],
        )
        .await;
    assert_eq!(joined.status, 303, "{}", joined.body);
    let member_url = alpha.place_url("epn");
    eventually(
        "the network hears the request",
        Duration::from_secs(30),
        || async {
            galaxie_db::networks::member(net.data.db().conn(), network.id, &member_url)
                .await
                .ok()?
                .filter(|m| m.status == MemberStatus::Pending)
        },
    )
    .await;
    let mine = admin.get("/admin/lieux/epn/reseaux").await;
    assert!(mine.body.contains("demande en attente"), "{}", mine.body);

    // A decision without the CSRF token is refused and changes nothing.
    let page = moderator.get("/admin/reseaux/grand-est").await;
    assert!(page.body.contains("demande en attente"), "{}", page.body);
    assert!(
        page.body
            .contains(&format!(r#"name="member" value="{member_url}""#))
    );
    let forged = moderator
        .post(
            "/admin/reseaux/grand-est/membres",
            &[("member", &member_url), ("decision", "approve")],
        )
        .await;
    assert_eq!(forged.status, 403);
    let still = galaxie_db::networks::member(net.data.db().conn(), network.id, &member_url)
        .await
        .expect("query")
        .expect("member");
    assert_eq!(still.status, MemberStatus::Pending);

    // The moderator approves it: both sides agree.
    let csrf = csrf_of(&page.body);
    let approved = moderator
        .post(
            "/admin/reseaux/grand-est/membres",
            &[
                ("csrf", &csrf),
                ("member", &member_url),
                ("decision", "approve"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    let network_url = net.place_url("grand-est");
    eventually(
        "the place hears it is a member",
        Duration::from_secs(30),
        || async {
            galaxie_db::networks::membership(alpha.data.db().conn(), epn.id, &network_url)
                .await
                .ok()?
                .filter(|m| m.status == MemberStatus::Accepted)
        },
    )
    .await;
    let mine = admin.get("/admin/lieux/epn/reseaux").await;
    assert!(mine.body.contains("Quitter ce réseau"), "{}", mine.body);

    // Withdrawing a post the network never shared: a French message, the address kept.
    let unknown = "https://ailleurs.example/objects/1";
    let withdraw = moderator
        .post(
            "/admin/reseaux/grand-est/retrait",
            &[
                ("csrf", &csrf),
                ("object", unknown),
                ("withdraw_reason", ""),
            ],
        )
        .await;
    assert_eq!(withdraw.status, 422, "{}", withdraw.body);
    assert!(
        field_error(&withdraw.body, "f-object")
            .is_some_and(|m| m.contains("Ce réseau n’a pas partagé cette publication."))
    );
    assert!(withdraw.body.contains(&format!(r#"value="{unknown}""#)));

    // The moderator excludes it with a reason: the log says so, in French.
    let blocked = moderator
        .post(
            "/admin/reseaux/grand-est/membres",
            &[
                ("csrf", &csrf),
                ("member", &member_url),
                ("decision", "block"),
                ("reason", "Publicités répétées"),
            ],
        )
        .await;
    assert_eq!(blocked.status, 303, "{}", blocked.body);
    let row = galaxie_db::networks::member(net.data.db().conn(), network.id, &member_url)
        .await
        .expect("query")
        .expect("member");
    assert_eq!(row.status, MemberStatus::Blocked);
    let page = moderator.get("/admin/reseaux/grand-est?fait=decide").await;
    assert!(page.body.contains("C’est fait."));
    let log = &page.body[page.body.find("Journal de modération").expect("the log")..];
    assert!(log.contains("membre exclu"), "{log}");
    assert!(log.contains("raison : Publicités répétées"), "{log}");
    assert!(log.contains("adhésion acceptée"), "{log}");
    assert!(
        log.find("membre exclu") < log.find("adhésion acceptée"),
        "newest first"
    );
    // An excluded member has no more buttons but a status.
    let members = &page.body[..page.body.find("Journal de modération").expect("log")];
    assert!(members.contains("exclu"));
    assert!(!members.contains(r#"value="approve""#));

    // Relays: a bad address gets a French message next to the field, and is kept.
    let csrf = moderator.csrf("/admin/relais").await;
    let bad = moderator
        .post(
            "/admin/relais",
            &[
                ("csrf", &csrf),
                ("url", "relais.example/inbox"),
                ("protocol", "mastodon"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(
        field_error(&bad.body, "f-url")
            .is_some_and(|m| m.contains("Cette adresse n’est pas celle d’un relais")),
        "{}",
        bad.body
    );
    assert!(bad.body.contains(r#"value="relais.example/inbox""#));
    assert!(bad.body.contains(r#"<option value="mastodon" selected>"#));
    assert!(
        galaxie_db::networks::subscriptions(net.data.db().conn())
            .await
            .expect("query")
            .is_empty()
    );
    // … and in English on an English page.
    moderator.cookies.insert("gx_lang".into(), "en".into());
    let bad_en = moderator
        .post("/admin/relais", &[("csrf", &csrf), ("url", "nowhere")])
        .await;
    assert!(
        field_error(&bad_en.body, "f-url").is_some_and(|m| m.contains("This is not a relay")),
        "{}",
        bad_en.body
    );
    moderator.cookies.remove("gx_lang");

    // The instance follows the place of the other instance, then stops.
    let followed = moderator
        .post(
            "/admin/relais/suivre",
            &[("csrf", &csrf), ("target", &alpha.handle("epn"))],
        )
        .await;
    assert_eq!(followed.status, 303, "{}", followed.body);
    let relays = moderator.get("/admin/relais").await;
    assert!(relays.body.contains("lieu ou réseau"), "{}", relays.body);
    assert!(
        relays
            .body
            .contains(&format!(r#"name="target" value="{member_url}""#))
    );
    let stopped = moderator
        .post(
            "/admin/relais/retirer",
            &[("csrf", &csrf), ("target", &member_url)],
        )
        .await;
    assert_eq!(stopped.status, 303, "{}", stopped.body);
    assert!(
        galaxie_db::networks::subscriptions(net.data.db().conn())
            .await
            .expect("query")
            .is_empty()
    );

    // Editors are refused these pages and forms, even with a good token.
    let mut camille = Visitor::new(&net);
    camille.sign_in("camille@example.org", PASSWORD).await;
    for path in [
        "/admin/reseaux",
        "/admin/reseaux/grand-est",
        "/admin/relais",
        "/admin/lieux/fablab/reseaux",
    ] {
        assert_eq!(camille.get(path).await.status, 403, "{path}");
    }
    let own = camille.csrf("/admin/lieux/fablab/abonnes").await;
    let forbidden = camille
        .post(
            "/admin/reseaux/grand-est/membres",
            &[
                ("csrf", &own),
                ("member", &member_url),
                ("decision", "remove"),
            ],
        )
        .await;
    assert_eq!(forbidden.status, 403);
    let forbidden = camille
        .post(
            "/admin/relais",
            &[("csrf", &own), ("url", "https://relais.example/inbox")],
        )
        .await;
    assert_eq!(forbidden.status, 403);
    let mut dominique = Visitor::new(&alpha);
    dominique.sign_in("dominique@example.org", PASSWORD).await;
    assert_eq!(dominique.get("/admin/lieux/epn/reseaux").await.status, 403);
    net.stop().await;
    alpha.stop().await;
    db_net.cleanup().await;
    db_place.cleanup().await;
}
on_both_backends!(networks_and_relays_in_the_administration);

/// Signs and POSTs `body` to `inbox` as `key_id`; the status.
async fn signed_post(inbox: &str, key_pem: &str, key_id: &str, body: &serde_json::Value) -> u16 {
    use galaxie_federation::signatures::{KeyCache, sign_post};
    let url = url::Url::parse(inbox).expect("url");
    let body = serde_json::to_vec(body).expect("json");
    let key = KeyCache::default().private(key_pem).expect("key");
    let signed = sign_post(&key, key_id, &url, &body, std::time::SystemTime::now()).expect("sign");
    reqwest::Client::new()
        .post(url)
        .header("content-type", "application/activity+json")
        .header("host", signed.host)
        .header("date", signed.date)
        .header("digest", signed.digest.expect("digest"))
        .header("signature", signed.signature)
        .body(body)
        .send()
        .await
        .expect("send")
        .status()
        .as_u16()
}

/// A report (`Flag`) from another server is stored and listed for the administrator, who
/// marks it handled; editors and forms without CSRF are refused.
async fn reports_from_other_servers(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    let watcher = beta.create_place("veille").await;
    account(&alpha, "admin@example.org", true).await;
    let editor = account(&alpha, "camille@example.org", false).await;
    let epn = galaxie_db::places::get_by_username(alpha.data.db().conn(), "epn")
        .await
        .expect("epn");
    galaxie_db::accounts::grant_place(alpha.data.db().conn(), editor.id, epn.id)
        .await
        .expect("grant");

    let flag_id = format!("{}/flags/1", beta.base);
    let reported = alpha.place_url("epn");
    let flag = serde_json::json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": flag_id,
        "type": "Flag",
        "actor": beta.place_url("veille"),
        "content": "Des publicités <b>répétées</b>",
        "object": [reported, format!("{}/objects/999", alpha.base)],
    });
    let key_id = format!("{}#main-key", beta.place_url("veille"));
    let inbox = format!("{}/inbox", alpha.base);
    let status = signed_post(&inbox, &watcher.private_key_pem, &key_id, &flag).await;
    assert_eq!(status, 202);
    let report = eventually("the report is stored", Duration::from_secs(30), || async {
        galaxie_db::reports::by_ap_id(alpha.data.db().conn(), &flag_id)
            .await
            .ok()?
    })
    .await;
    assert_eq!(galaxie_db::reports::objects_of(&report).len(), 2);
    // Received twice, stored once.
    signed_post(&inbox, &watcher.private_key_pem, &key_id, &flag).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        galaxie_db::reports::list(alpha.data.db().conn(), false)
            .await
            .expect("list")
            .len(),
        1
    );

    let mut admin = Visitor::new(&alpha);
    admin.sign_in("admin@example.org", PASSWORD).await;
    let dashboard = admin.get("/admin").await;
    assert!(dashboard.body.contains(r#"href="/admin/signalements""#));
    let page = admin.get("/admin/signalements").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Un signalement à traiter"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("Des publicités &lt;b&gt;répétées&lt;/b&gt;")
    );
    assert!(page.body.contains(&format!(r#"href="{reported}""#)));
    let id = report.id.to_string();
    let forged = admin
        .post("/admin/signalements/traite", &[("id", id.as_str())])
        .await;
    assert_eq!(forged.status, 403);

    let mut camille = Visitor::new(&alpha);
    camille.sign_in("camille@example.org", PASSWORD).await;
    assert_eq!(camille.get("/admin/signalements").await.status, 403);
    let own = camille.csrf("/admin/lieux/epn/abonnes").await;
    let refused = camille
        .post("/admin/signalements/traite", &[("csrf", &own), ("id", &id)])
        .await;
    assert_eq!(refused.status, 403);
    assert!(
        galaxie_db::reports::by_ap_id(alpha.data.db().conn(), &flag_id)
            .await
            .expect("query")
            .expect("report")
            .resolved_at
            .is_none()
    );

    let csrf = csrf_of(&page.body);
    let done = admin
        .post(
            "/admin/signalements/traite",
            &[("csrf", &csrf), ("id", &id)],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let page = admin.get("/admin/signalements?fait=traite").await;
    assert!(
        page.body
            .contains("Le signalement est marqué comme traité.")
    );
    assert!(page.body.contains("Aucun signalement à traiter."));
    assert!(page.body.contains("Un signalement traité"));
    let again = admin
        .post(
            "/admin/signalements/traite",
            &[("csrf", &csrf), ("id", &id)],
        )
        .await;
    assert_eq!(again.status, 400);

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}
on_both_backends!(reports_from_other_servers);
