// Galaxie's web interface in a real browser: Debian's Chromium (never a downloaded one), driven
// by playwright-core, checked by axe-core. Run by tests/e2e/browser.rs against two live
// instances; prints one JSON line per step and exits 1 at the first failure.
//
//   node tests/browser/site.mjs --alpha http://localhost:A --beta http://localhost:B \
//        --email admin@example.org --password '…' --artefacts target/browser-artefacts
//
// The story: an administrator signs in on alpha, creates a place (a refused form first),
// publishes an event with an image (a refused form first), a service, a heritage showcase and
// news; an administrator on beta creates a place that follows alpha's, and beta's timeline and
// map then show the event. Every page type passes axe-core (WCAG 2.1 A and AA) with zero
// violations and a keyboard-only walk that reaches every control with a visible focus; the
// easy-read and language switches work; each page type is saved as a screenshot, at desktop
// and phone widths, and the place and event sheets in print.

import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, args, log, violations } from "./common.mjs";

const A = args(["alpha", "beta", "email", "password", "artefacts"]);
let checks = 0;
function check(cond, message) {
  checks += 1;
  if (!cond) throw new Error(message);
}

// A 16×8 JPEG.
const JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAgAAAQABAAD/wAARCAAIABADAREAAhEBAxEB/9sAQwAIBgYHBgUIBwcHCQkICgwUDQwLCwwZEhMPFB0aHx4dGhwcICQuJyAiLCMcHCg3KSwwMTQ0NB8nOT04MjwuMzQy/9sAQwEJCQkMCwwYDQ0YMiEcITIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIy/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDl68c/RzBr9fPyw//Z",
  "base64",
);

const pageTypes = new Set();

// axe-core, WCAG 2.1 A and AA: zero violations.
async function axe(page, name) {
  const found = await violations(page);
  check(found.length === 0, `axe-core on ${name}: ${JSON.stringify(found, null, 1)}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(A.artefacts, `${name}.png`), fullPage: true });
}

// Only the keyboard: Tab from the top reaches every control (one per radio group), each with a
// visible focus indicator; the first stop is the skip link.
async function keyboard(page, name) {
  const expected = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
    const seenRadio = new Set();
    let n = 0;
    for (const el of document.querySelectorAll(selector)) {
      if (el.getClientRects().length === 0) continue;
      if (el.type === "radio") {
        if (seenRadio.has(el.name)) continue;
        seenRadio.add(el.name);
        el.dataset.kbdGroup = el.name;
      }
      el.dataset.kbd = String(n++);
    }
    // Every radio of a group counts as its group.
    for (const el of document.querySelectorAll('input[type="radio"]')) {
      if (!el.dataset.kbd) {
        const first = document.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"][data-kbd]`);
        if (first) el.dataset.kbd = first.dataset.kbd;
      }
    }
    return n;
  });
  // Start from the top of the document, as after loading the page.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.body.setAttribute("tabindex", "-1");
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
  const reached = new Set();
  let first = null;
  const invisible = [];
  // Date and time inputs have a stop per part (day, month, year…): allow for them, and stop
  // as soon as every control was reached.
  for (let i = 0; i < expected * 4 + 20 && reached.size < expected; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible =
        (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
      return { kbd: el.dataset.kbd ?? null, text: (el.textContent || el.name || el.id || el.tagName).trim().slice(0, 40), visible, skip: el.classList.contains("skip") };
    });
    if (!info) continue;
    if (first === null) first = info;
    if (info.kbd !== null) reached.add(info.kbd);
    if (!info.visible) invisible.push(info.text);
  }
  check(first && first.skip, `${name}: the first Tab stop is not the skip link (${first && first.text})`);
  const missing = [];
  for (let i = 0; i < expected; i++) if (!reached.has(String(i))) missing.push(i);
  if (missing.length) {
    const names = await page.evaluate(
      (ids) => ids.map((i) => { const el = document.querySelector(`[data-kbd="${i}"]`); return el ? `${el.tagName} ${el.name || el.textContent.trim().slice(0, 30)}` : i; }),
      missing.slice(0, 5),
    );
    check(false, `${name}: ${missing.length} of ${expected} controls cannot be reached with Tab: ${names.join("; ")}`);
  }
  check(invisible.length === 0, `${name}: no visible focus on ${invisible.slice(0, 5).join("; ")}`);
}

// What a public page weighs: its HTML and everything it loads, as sent (under 100 KB: a rural
// connection, an old phone).
async function weight(page, name) {
  const bytes = await page.evaluate(() =>
    performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
      .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0),
  );
  check(bytes > 0 && bytes < 100 * 1024, `${name} weighs ${bytes} bytes`);
  log({ event: "weight", name, bytes });
}

// A page type: axe, the keyboard, a screenshot.
async function audit(page, name, { keys = true } = {}) {
  await axe(page, name);
  if (keys) await keyboard(page, name);
  await shot(page, name);
  pageTypes.add(name);
  log({ event: "page", name, url: page.url() });
}

async function signIn(page, base) {
  await page.goto(`${base}/admin/connexion`);
  await page.getByLabel("Adresse e-mail").fill(A.email);
  await page.getByLabel("Mot de passe").fill(A.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`${base}/admin`);
}

function day(offset) {
  const d = new Date(Date.now() + offset * 86400000);
  return d.toISOString().slice(0, 10);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    // axe-core is injected as a script: the pages' CSP would refuse it, so these contexts
    // bypass it. The script of the pages themselves is checked under the CSP further down.
    const ctx = await browser.newContext({ bypassCSP: true, locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();

    // ---- alpha: sign in, create a place (refused first) -------------------------------------
    await page.goto(`${A.alpha}/admin/connexion`);
    await audit(page, "admin-login");
    await page.getByLabel("Adresse e-mail").fill(A.email);
    await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("ne correspond pas").first().waitFor();
    check((await page.inputValue('[name="email"]')) === A.email, "the e-mail typed is kept");
    await audit(page, "admin-login-refused", { keys: false });
    await signIn(page, A.alpha);
    await audit(page, "admin-dashboard");
    log({ event: "step", step: "signed in" });

    await page.goto(`${A.alpha}/admin/lieux/nouveau`);
    await audit(page, "admin-place-new");
    await page.fill('[name="name"]', "EPN de Saint-Clair");
    await page.fill('[name="username"]', "EPN Saint Clair");
    await page.fill('[name="postal_code"]', "511");
    await page.fill('[name="hours"]', "lundi matin");
    await page.getByRole("button", { name: "Créer le lieu" }).click();
    await page.locator(".error-summary").waitFor();
    for (const message of ["Le code postal a 5 chiffres", "Utilisez seulement des lettres minuscules", "Les horaires ne sont pas compris"]) {
      check((await page.locator(".error-message", { hasText: message }).count()) === 1, `place form: "${message}" shown next to its field`);
    }
    check((await page.inputValue('[name="name"]')) === "EPN de Saint-Clair", "place form keeps the name typed");
    check((await page.inputValue('[name="postal_code"]')) === "511", "place form keeps the postal code typed");
    check((await page.title()).startsWith("Erreur"), "the title says there are errors");
    await audit(page, "admin-place-refused", { keys: false });
    await page.fill('[name="username"]', "epn-saint-clair");
    await page.fill('[name="postal_code"]', "51100");
    await page.fill('[name="hours"]', "Mo-Su 00:00-24:00");
    await page.fill('[name="address"]', "12 rue de Leclercq");
    await page.fill('[name="city"]', "Reims");
    await page.fill('[name="lat"]', "49,2583");
    await page.fill('[name="lon"]', "4.0317");
    await page.fill('[name="summary"]', "Un espace public numérique au cœur du quartier.");
    await page.fill('[name="summary_falc"]', "Ici, on vous aide avec l’ordinateur.");
    await page.check('input[name="services"][value="aide-demarches-administratives"]');
    await page.check('input[name="fees"][value="gratuit"]');
    await page.getByRole("button", { name: "Créer le lieu" }).click();
    await page.waitForURL(/\/admin\/lieux\/epn-saint-clair\?fait=cree/);
    await audit(page, "admin-place-edit");
    log({ event: "step", step: "place created" });

    // ---- beta: a place that follows alpha's ---------------------------------------------------
    // Cookies do not tell ports apart: beta (another port of localhost) gets its own context.
    const ctxB = await browser.newContext({ bypassCSP: true, locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const pageB = await ctxB.newPage();
    await signIn(pageB, A.beta);
    await pageB.goto(`${A.beta}/admin/lieux/nouveau`);
    await pageB.fill('[name="name"]', "Fablab des Coteaux");
    await pageB.fill('[name="username"]', "fablab");
    await pageB.getByRole("button", { name: "Créer le lieu" }).click();
    await pageB.waitForURL(/fait=cree/);
    await pageB.goto(`${A.beta}/admin/lieux/fablab/abonnes`);
    const alphaHost = new URL(A.alpha).host;
    await pageB.fill('[name="target"]', `@epn-saint-clair@${alphaHost}`);
    await pageB.getByRole("button", { name: "Suivre", exact: true }).click();
    await pageB.waitForURL(/fait=suivi/);
    for (let i = 0; ; i++) {
      await pageB.reload();
      if ((await pageB.getByText("en attente d’acceptation").count()) === 0) break;
      check(i < 60, "beta's follow is accepted by alpha");
      await pageB.waitForTimeout(500);
    }
    await audit(pageB, "admin-followers");
    log({ event: "step", step: "beta follows alpha" });

    // ---- alpha: an event with an image (refused first) ---------------------------------------
    await page.goto(`${A.alpha}/admin/lieux/epn-saint-clair/evenements/nouveau`);
    await audit(page, "admin-event-new");
    await page.fill('[name="start_date"]', day(3));
    await page.fill('[name="start_time"]', "14:00");
    await page.fill('[name="end_time"]', "12:00");
    await page.fill('[name="location_name"]', "Médiathèque Croix-Rouge");
    await page.getByRole("button", { name: "Publier l’événement" }).click();
    await page.locator(".error-summary").waitFor();
    check((await page.locator(".error-message", { hasText: "Ce champ est obligatoire." }).count()) >= 1, "event form: the title is required");
    check((await page.locator(".error-message", { hasText: "La fin doit être après le début." }).count()) === 1, "event form: the end must follow the start");
    check((await page.inputValue('[name="location_name"]')) === "Médiathèque Croix-Rouge", "event form keeps what was typed");
    await audit(page, "admin-event-refused", { keys: false });
    await page.fill('[name="name"]', "Atelier smartphone");
    await page.fill('[name="end_time"]', "16:00");
    await page.fill('[name="summary"]', "Apprendre à utiliser son téléphone : appels, photos, messages.");
    await page.fill('[name="summary_falc"]', "Venez apprendre le téléphone.");
    await page.fill('[name="price"]', "gratuit");
    await page.locator('input[name="banner"]').setInputFiles({ name: "atelier.jpg", mimeType: "image/jpeg", buffer: JPEG });
    await page.fill('[name="banner_alt"]', "Des mains tiennent un smartphone");
    await page.getByRole("button", { name: "Publier l’événement" }).click();
    await page.waitForURL(/publications\?fait=publie/);
    await audit(page, "admin-publications");
    log({ event: "step", step: "event published" });

    // A service, a heritage showcase with an image, news.
    await page.goto(`${A.alpha}/admin/lieux/epn-saint-clair/services/nouveau`);
    await audit(page, "admin-service-new");
    await page.fill('[name="name"]', "Aide aux démarches en ligne");
    await page.check('input[name="services"][value="aide-demarches-administratives"]');
    await page.getByRole("button", { name: "Publier le service" }).click();
    await page.waitForURL(/fait=publie/);
    await page.goto(`${A.alpha}/admin/lieux/epn-saint-clair/patrimoine/nouveau`);
    await audit(page, "admin-showcase-new");
    await page.fill('[name="name"]', "Le lavoir de Saint-Clair");
    await page.fill('[name="summary"]', "Un lavoir du XIXe siècle restauré par les habitants.");
    await page.fill('[name="content"]', "Construit en 1862, le lavoir accueillait les lavandières du quartier.");
    await page.locator('input[name="image_1"]').setInputFiles({ name: "lavoir.jpg", mimeType: "image/jpeg", buffer: JPEG });
    await page.fill('[name="image_1_alt"]', "Le lavoir et son toit de tuiles");
    await page.getByRole("button", { name: "Publier", exact: true }).click();
    await page.waitForURL(/fait=publie/);
    await page.goto(`${A.alpha}/admin/lieux/epn-saint-clair/actualites/nouveau`);
    await audit(page, "admin-note-new");
    await page.fill('[name="text"]', "Fermeture exceptionnelle lundi prochain.");
    await page.getByRole("button", { name: "Publier l’actualité" }).click();
    await page.waitForURL(/fait=publie/);
    // The other administration pages.
    await page.locator("a", { hasText: "Modifier" }).first().click();
    await audit(page, "admin-edit-publication");
    await page.goto(`${A.alpha}/admin/lieux/epn-saint-clair/publications`);
    await page.locator("a.button-danger").first().click();
    await audit(page, "admin-confirm-delete");
    for (const [path, name] of [["/admin/blocages", "admin-blocks"], ["/admin/comptes", "admin-accounts"]]) {
      await page.goto(`${A.alpha}${path}`);
      await audit(page, name);
    }
    // Networks: create one, the place asks to join it, the moderator's page with its buttons.
    await page.goto(`${A.alpha}/admin/reseaux`);
    await audit(page, "admin-networks");
    await page.fill('[name="username"]', "reseau-saint-clair");
    await page.fill('[name="name"]', "Réseau de Saint-Clair");
    await page.getByRole("button", { name: "Créer le réseau" }).click();
    await page.waitForURL(/fait=reseau-cree/);
    await page.goto(`${A.alpha}/admin/lieux/epn-saint-clair/reseaux`);
    await page.fill('[name="network"]', `@reseau-saint-clair@${new URL(A.alpha).host}`);
    await page.getByRole("button", { name: "Demander à entrer" }).click();
    await page.waitForURL(/fait=adhesion/);
    await audit(page, "admin-memberships");
    await page.goto(`${A.alpha}/admin/reseaux/reseau-saint-clair`);
    check((await page.locator('button[value="approve"]').count()) === 1, "a request to approve");
    await audit(page, "admin-network");
    // Relays, and a refused form.
    await page.goto(`${A.alpha}/admin/relais`);
    await audit(page, "admin-relays");
    await page.fill('[name="url"]', "pas une adresse");
    await page.getByRole("button", { name: "S’abonner au relais" }).click();
    check(await page.locator("#f-url-error").isVisible(), "the relay address is refused next to its field");
    await audit(page, "admin-relays-refused");
    await page.goto(`${A.alpha}/admin/signalements`);
    check((await page.getByRole("button", { name: /Traité/ }).count()) === 1, "a report to handle");
    await audit(page, "admin-reports");
    log({ event: "step", step: "every kind published" });

    // ---- alpha's public pages ----------------------------------------------------------------
    const pub = await ctx.newPage();
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair`);
    check((await pub.locator("h1").count()) === 1, "one h1");
    check((await pub.getByText("Ouvert maintenant").count()) >= 1, "open now");
    await audit(pub, "place");
    const eventHref = await pub.locator(".entry a", { hasText: "Atelier smartphone" }).getAttribute("href");
    await pub.goto(`${A.alpha}${eventHref}`);
    check((await pub.locator('img[alt="Des mains tiennent un smartphone"]').count()) === 1, "the event's image has its alt text");
    check((await pub.getByRole("link", { name: "Ajouter à mon agenda" }).count()) === 1, "calendar link");
    await audit(pub, "event");
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair`);
    await pub.locator(".entries-grid a", { hasText: "Le lavoir" }).click();
    check((await pub.locator('img[alt="Le lavoir et son toit de tuiles"]').count()) === 1, "the showcase's image has its alt text");
    check((await pub.getByRole("link", { name: "CC BY-SA 4.0" }).count()) === 1, "licence shown");
    await audit(pub, "showcase");
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair`);
    await pub.locator(".services a").first().click();
    await audit(pub, "service");
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair`);
    await pub.locator('section[aria-labelledby="h-notes"] a').first().click();
    await audit(pub, "note");
    for (const [path, name] of [["/", "home"], ["/carte", "map"], ["/annuaire", "directory"], ["/recherche?q=smartphone", "search"], ["/lieux/epn-saint-clair", "place"], [eventHref, "event"]]) {
      await pub.goto(`${A.alpha}${path}`);
      if (!pageTypes.has(name)) await audit(pub, name);
      await weight(pub, name);
    }
    check((await pub.getByText("Atelier smartphone").count()) >= 1, "search finds the event");
    // A failed remote follow: the message and the typed address.
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair`);
    await pub.getByLabel("Votre adresse Mastodon").fill("camille.mastodon.social");
    await pub.getByRole("button", { name: "Suivre", exact: true }).click();
    await pub.getByText("Écrivez votre adresse complète").first().waitFor();
    await audit(pub, "follow-refused", { keys: false });
    log({ event: "step", step: "public pages" });

    // ---- cooperation and the code source (signed in: the forms show) -------------------------
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair/code-source`);
    await pub.getByLabel(/^Titre/).fill("Notre collège des usagers");
    await pub.getByLabel(/^Texte/).fill("Chaque usager a une voix à l’assemblée.");
    await pub.getByRole("button", { name: "Publier" }).click();
    await pub.locator("h2", { hasText: "Notre collège des usagers" }).first().waitFor();
    check((await pub.getByRole("link", { name: "CC BY-SA 4.0" }).count()) === 1, "the article's licence is shown");
    await audit(pub, "code-source");
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair/cooperation`);
    await pub.getByLabel(/^Titre/).fill("Salle de réunion le lundi");
    await pub.getByRole("button", { name: "Publier" }).click();
    await pub.locator("h3", { hasText: "Salle de réunion le lundi" }).first().waitFor();
    await audit(pub, "cooperation-place");
    await pub.goto(`${A.alpha}/cooperations?purpose=offer`);
    check((await pub.getByText("Salle de réunion le lundi").count()) >= 1, "the offer is listed");
    await audit(pub, "cooperations");
    await weight(pub, "cooperations");
    log({ event: "step", step: "cooperation" });

    // ---- the switches ------------------------------------------------------------------------
    await pub.goto(`${A.alpha}/lieux/epn-saint-clair`);
    await pub.getByRole("link", { name: "Facile à lire" }).click();
    await pub.waitForURL(`${A.alpha}/lieux/epn-saint-clair`);
    check(await pub.evaluate(() => document.body.classList.contains("falc")), "easy-read is on");
    check((await pub.locator('[lang="fr-x-falc"]', { hasText: "Ici, on vous aide avec l’ordinateur." }).count()) === 1, "the easy-read summary shows");
    check((await pub.getByText("Quand c’est ouvert").count()) >= 1, "easy-read interface words");
    await audit(pub, "place-falc", { keys: false });
    await pub.getByRole("link", { name: "Texte habituel" }).click();
    check(!(await pub.evaluate(() => document.body.classList.contains("falc"))), "easy-read is off");
    await pub.getByRole("link", { name: "English" }).click();
    await pub.waitForURL(`${A.alpha}/lieux/epn-saint-clair`);
    check((await pub.evaluate(() => document.documentElement.lang)) === "en", "the page is in English");
    check((await pub.getByText("Opening hours").count()) >= 1, "English interface words");
    await audit(pub, "place-english", { keys: false });
    await pub.getByRole("link", { name: "Français" }).click();
    check((await pub.evaluate(() => document.documentElement.lang)) === "fr", "back to French");
    log({ event: "step", step: "switches" });

    // ---- beta shows alpha's event on its timeline and map ------------------------------------
    for (let i = 0; ; i++) {
      await pageB.goto(`${A.beta}/`);
      if ((await pageB.getByText("Atelier smartphone").count()) > 0) break;
      check(i < 60, "beta's timeline shows alpha's event");
      await pageB.waitForTimeout(500);
    }
    await shot(pageB, "beta-home");
    await pageB.goto(`${A.beta}/carte?type=evenements`);
    check((await pageB.locator(".map-list a", { hasText: "Atelier smartphone" }).count()) === 1, "beta's map lists alpha's event");
    check((await pageB.locator("svg.map .marker-event").count()) === 1, "beta's map marks it");
    await shot(pageB, "beta-map");
    log({ event: "step", step: "beta shows the event" });

    // ---- the page's own script under its CSP, print sheets, phone width, 200 % zoom ---------
    const strict = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const s = await strict.newPage();
    const errors = [];
    s.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await s.goto(`${A.alpha}/lieux/epn-saint-clair`);
    check((await s.getByRole("button", { name: "Écouter" }).count()) === 1, "the listen button is added by the page's script");
    check((await s.getByRole("button", { name: "Imprimer cette fiche" }).count()) === 1, "the print button is added");
    await s.getByRole("button", { name: "Écouter" }).click();
    check(errors.length === 0, `no script error under the CSP: ${errors.join("; ")}`);
    await s.emulateMedia({ media: "print" });
    check((await s.locator(".site-header").isHidden()), "the print sheet has no site header");
    await shot(s, "print-place");
    await s.goto(`${A.alpha}${eventHref}`);
    await shot(s, "print-event");
    await s.emulateMedia({ media: "screen" });
    for (const [width, label] of [[375, "phone"], [640, "zoom-200"]]) {
      await s.setViewportSize({ width, height: 800 });
      for (const path of ["/lieux/epn-saint-clair", eventHref, "/carte", "/annuaire", "/admin/connexion"]) {
        await s.goto(`${A.alpha}${path}`);
        const overflow = await s.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        check(overflow <= 1, `${label}: ${path} scrolls sideways by ${overflow}px`);
      }
      await s.goto(`${A.alpha}/lieux/epn-saint-clair`);
      await shot(s, `place-${label}`);
    }
    await strict.close();
    // No JavaScript at all: the pages and forms still work.
    const nojs = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
    const n = await nojs.newPage();
    await n.goto(`${A.alpha}/annuaire`);
    await n.locator("a.need").first().click();
    check(n.url().includes("besoin="), "the directory works without JavaScript");
    await n.goto(`${A.alpha}/`);
    await n.getByLabel("Quoi ?").selectOption("evenements");
    await n.getByRole("button", { name: "Afficher" }).click();
    check(n.url().includes("type=evenements"), "the filters work without JavaScript");
    check((await n.getByText("Atelier smartphone").count()) >= 1, "filtered timeline shows the event");
    await nojs.close();

    writeFileSync(join(A.artefacts, "pages.json"), JSON.stringify([...pageTypes], null, 1));
    log({ event: "done", ok: true, pages: [...pageTypes], checks });
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  log({ event: "error", ok: false, message: String(e && e.stack ? e.stack : e) });
  process.exit(1);
});
