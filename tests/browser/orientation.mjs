// Orientation (the Passeport numérique) in a real browser: Debian's Chromium driven by
// playwright-core, checked by axe-core. Run by tests/e2e/orientation.rs against a live instance
// whose directory has two places; prints one JSON line per step and exits 1 at the first
// failure.
//
//   node tests/browser/orientation.mjs --base http://localhost:A --artefacts target/browser-artefacts/orientation
//
// The story: a person and a mediator fill in the questionnaire with the keyboard only (a town
// no place is in first: refused, named), see the results and why the first fits, open the
// passport link in a fresh browser (the answers come back from the fragment, under the site's
// CSP), keep a place and print the A4 sheet (print media: no site frame, the map and the QR
// code), then change an answer from the sheet. Without JavaScript the questionnaire and its
// results still work. Every page passes axe-core (WCAG 2.1 A and AA) with zero violations and a
// keyboard walk that reaches every control with a visible focus.

import { chromium } from "playwright-core";
import { writeFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, args, log, violations } from "./common.mjs";

const A = args(["base", "artefacts"]);
let checks = 0;
function check(cond, message) {
  checks += 1;
  if (!cond) throw new Error(message);
}
const pageTypes = new Set();

async function axe(page, name) {
  const found = await violations(page);
  check(found.length === 0, `axe-core on ${name}: ${JSON.stringify(found, null, 1)}`);
}

// Tab from the top reaches every control (one stop per radio group), each with a visible focus.
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
      }
      el.dataset.kbd = String(n++);
    }
    for (const el of document.querySelectorAll('input[type="radio"]')) {
      if (!el.dataset.kbd) {
        const first = document.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"][data-kbd]`);
        if (first) el.dataset.kbd = first.dataset.kbd;
      }
    }
    return n;
  });
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.body.setAttribute("tabindex", "-1");
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
  const reached = new Set();
  const invisible = [];
  let first = null;
  for (let i = 0; i < expected * 2 + 20 && reached.size < expected; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
      return { kbd: el.dataset.kbd ?? null, text: (el.textContent || el.name || el.id || el.tagName).trim().slice(0, 40), visible, skip: el.classList.contains("skip") };
    });
    if (!info) continue;
    if (first === null) first = info;
    if (info.kbd !== null) reached.add(info.kbd);
    if (!info.visible) invisible.push(info.text);
  }
  check(first && first.skip, `${name}: the first Tab stop is not the skip link`);
  check(reached.size === expected, `${name}: ${expected - reached.size} of ${expected} controls cannot be reached with Tab`);
  check(invisible.length === 0, `${name}: no visible focus on ${invisible.slice(0, 5).join("; ")}`);
}

async function weight(page, name) {
  const bytes = await page.evaluate(() =>
    performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
      .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0),
  );
  check(bytes > 0 && bytes < 100 * 1024, `${name} weighs ${bytes} bytes`);
  log({ event: "weight", name, bytes });
}

async function audit(page, name, { keys = true } = {}) {
  await axe(page, name);
  if (keys) await keyboard(page, name);
  await page.screenshot({ path: join(A.artefacts, `${name}.png`), fullPage: true });
  pageTypes.add(name);
  log({ event: "page", name, url: page.url() });
}

// Presses Tab until the focus is on `selector` (from wherever it is).
async function tabTo(page, selector) {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  throw new Error(`Tab never reaches ${selector}`);
}

async function fromTop(page) {
  await page.evaluate(() => {
    document.body.setAttribute("tabindex", "-1");
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
}

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const ctx = await browser.newContext({ bypassCSP: true, locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();

    // ---- the questionnaire, by keyboard; a town no place is in first -----------------------
    await page.goto(`${A.base}/orientation`);
    await audit(page, "orientation-questionnaire");
    await weight(page, "orientation-questionnaire");
    await fromTop(page);
    await tabTo(page, 'input[name="need"][value="aide-demarches-administratives"]');
    await page.keyboard.press("Space");
    await tabTo(page, "#f-town");
    await page.keyboard.type("Atlantide");
    await tabTo(page, "button.orientation-submit");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/orientation\/resultats\?/);
    await page.locator(".error-summary").waitFor();
    check((await page.locator("#f-town-error").count()) === 1, "the unknown town is named beside its field");
    check(await page.isChecked('input[name="need"][value="aide-demarches-administratives"]'), "the need ticked is kept");
    await audit(page, "orientation-questionnaire-refused", { keys: false });
    log({ event: "step", step: "an unknown town is refused, named" });

    await fromTop(page);
    await tabTo(page, "#f-town");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("51100");
    await tabTo(page, 'input[name="day"][value="tuesday"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'input[name="time"]');
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await tabTo(page, "#f-free");
    await page.keyboard.press("Space");
    await tabTo(page, "#f-wheelchair");
    await page.keyboard.press("Space");
    await tabTo(page, 'input[name="support"][value="surdite"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'input[name="access"][value="se-presenter"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'input[name="by"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'input[name="skill"][value="courriel"]');
    await page.keyboard.press("Space");
    await tabTo(page, "button.orientation-submit");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/orientation\/resultats\?/);
    await page.locator(".orientation-results").waitFor();
    const url = new URL(page.url());
    check(url.searchParams.get("time") === "afternoon", `the afternoon was chosen with the arrows (${url.search})`);
    check(url.searchParams.get("by") === "usagers", "who asks was chosen");
    log({ event: "step", step: "the questionnaire is filled in with the keyboard" });

    // ---- the results --------------------------------------------------------------------------
    const first = page.locator(".orientation-results > li").first();
    check((await first.locator("h3").innerText()).includes("EPN Clair"), "the open, accessible EPN comes first");
    const reasons = await first.locator(".reasons").innerText();
    for (const r of ["Gratuit", "Ouvert mardi à 14 h", "Accessible en fauteuil roulant", "Accompagnement pour les personnes sourdes"]) {
      check(reasons.includes(r), `the first result says ${r}: ${reasons}`);
    }
    await audit(page, "orientation-results");
    await weight(page, "orientation-results");
    const passport = await page.locator("#passport-link").getAttribute("href");
    check(passport.includes("/passeport#") && passport.includes("town=51100"), `the passport link carries the answers (${passport})`);

    // ---- the passport link in a fresh browser, under the site's CSP ---------------------------
    const fresh = await browser.newContext({ locale: "fr-FR" });
    const p = await fresh.newPage();
    const posted = [];
    p.on("request", (r) => { if (r.url().includes("/orientation/fiche")) posted.push({ method: r.method(), url: r.url() }); });
    await p.goto(passport);
    await p.locator('#passport[data-loaded="true"]').waitFor();
    const sheet = await p.locator("#passport").innerText();
    for (const s of ["EPN Clair", "Près de 51100", "Aide aux démarches administratives", "Envoyer un courriel"]) {
      check(sheet.includes(s), `the passport shows ${s}`);
    }
    check(posted.length === 1 && posted[0].method === "POST" && !posted[0].url.includes("town"), `the answers travel in a body, not a URL: ${JSON.stringify(posted)}`);
    check((await fresh.cookies()).length === 0, "the passport sets no cookie");
    await fresh.close();
    const p2 = await ctx.newPage();
    await p2.goto(passport);
    await p2.locator('#passport[data-loaded="true"]').waitFor();
    await audit(p2, "orientation-passport");
    await p2.close();
    log({ event: "step", step: "the passport link restores the answers" });

    // ---- keep a place, print the sheet ------------------------------------------------------
    await first.locator('input[name="choice"]').check();
    await page.getByRole("button", { name: "Préparer ma fiche à imprimer" }).click();
    await page.waitForURL(/\/orientation\/fiche\?/);
    check(new URL(page.url()).searchParams.getAll("choice").length === 1, "one place kept");
    check((await page.locator(".sheet-results > li").count()) === 1, "the sheet shows the kept place");
    await audit(page, "orientation-sheet");
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector(".site-header")).display,
      footer: getComputedStyle(document.querySelector(".site-footer")).display,
      qr: document.querySelector(".sheet-qr svg").getBoundingClientRect().width,
      map: document.querySelector(".sheet-map svg").getBoundingClientRect().width,
      edit: getComputedStyle(document.querySelector(".sheet-link .no-print")).display,
    }));
    check(printed.header === "none" && printed.footer === "none", `no site frame in print: ${JSON.stringify(printed)}`);
    check(printed.edit === "none", "the edit button is not printed");
    check(printed.qr > 50 && printed.map > 100, `the QR code and the map are printed: ${JSON.stringify(printed)}`);
    await page.screenshot({ path: join(A.artefacts, "orientation-sheet-print.png"), fullPage: true });
    const pdf = join(A.artefacts, "orientation-sheet.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    check(statSync(pdf).size > 5000, "the A4 sheet prints");
    await page.emulateMedia({ media: "screen" });
    log({ event: "step", step: "the sheet prints on A4" });

    // ---- the mediator changes an answer from the sheet --------------------------------------
    const all = await page.getByRole("link", { name: "Voir tous les lieux, aujourd’hui" }).getAttribute("href");
    check(all.startsWith("/orientation/resultats?") && all.includes("town=51100"), `the sheet links to the current results (${all})`);
    await page.locator(".sheet-link .no-print").getByRole("link", { name: "Modifier mes réponses" }).click();
    await page.waitForURL(/\/orientation\?/);
    check((await page.inputValue("#f-town")) === "51100", "the questionnaire is filled in again");
    check(await page.isChecked('input[name="day"][value="tuesday"]'), "the day is kept");
    log({ event: "step", step: "the answers can be changed" });

    // ---- without JavaScript ------------------------------------------------------------------
    const nojs = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
    const n = await nojs.newPage();
    await n.goto(`${A.base}/orientation`);
    await n.locator('input[name="need"][value="aide-demarches-administratives"]').check();
    await n.fill("#f-town", "51100");
    await n.getByRole("button", { name: "Voir les lieux" }).click();
    await n.locator(".orientation-results").waitFor();
    check((await n.getByText("EPN Clair").count()) >= 1, "the results work without JavaScript");
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
