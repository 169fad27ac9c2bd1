// The funding watch's pages in a real browser: Debian's Chromium driven by playwright-core,
// checked by axe-core (WCAG 2.1 A and AA, zero violations). Run by tests/e2e/funding.rs against
// a live instance where a place has an open call; prints one JSON line per page and exits 1 at
// the first failure.
//
//   node tests/browser/funding.mjs --base http://localhost:P --place epn --call /financements/1 \
//        --email admin@example.org --password '…' --artefacts target/browser-artefacts/funding

import { chromium } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, args, axe, keyboardReaches, log } from "./common.mjs";

const A = args(["base", "place", "call", "email", "password", "artefacts"]);

// Tab from the top reaches the page's main link or button, with a visible focus.
const keyboard = (page, name, selector) => keyboardReaches(page, name, selector, 80);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
let failed = false;
try {
  const context = await browser.newContext({ bypassCSP: true, locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const visit = async (name, path, selector) => {
    const response = await page.goto(A.base + path);
    if (response.status() !== 200) throw new Error(`${name}: ${response.status()}`);
    await axe(page, name);
    await keyboard(page, name, selector);
    await page.screenshot({ path: join(A.artefacts, `${name}.png`), fullPage: true });
    log({ step: name, ok: true });
  };
  await visit("funding-list", `/lieux/${A.place}/financements`, `a[href="${A.call}"]`);
  await visit("funding-call", A.call, "a.button-primary");
  await visit("funding-archive", `/lieux/${A.place}/financements/archives`, `a[href="/lieux/${A.place}/financements"]`);
  // The administrator's form, signed in, then refused with its errors.
  await page.goto(A.base + "/admin/connexion");
  await page.fill('input[name="email"]', A.email);
  await page.fill('input[name="password"]', A.password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/connexion"] button[type="submit"]')]);
  await visit("funding-form", `/admin/lieux/${A.place}/financements/nouveau`, 'input[name="name"]');
  await page.fill('input[name="territory"]', "Atlantide");
  await Promise.all([
    page.waitForNavigation(),
    page.click(`form[action="/admin/lieux/${A.place}/financements/nouveau"] button[type="submit"]`),
  ]);
  await axe(page, "funding-form-refused");
  log({ step: "funding-form-refused", ok: true });
} catch (e) {
  failed = true;
  log({ step: "error", ok: false, message: String(e && e.message ? e.message : e) });
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
