// The funding watch's pages in a real browser: Debian's Chromium driven by playwright-core,
// checked by axe-core (WCAG 2.1 A and AA, zero violations). Run by tests/e2e/funding.rs against
// a live instance where a place has an open call; prints one JSON line per page and exits 1 at
// the first failure.
//
//   node tests/browser/funding.mjs --base http://localhost:P --place epn --call /financements/1 \
//        --email admin@example.org --password '…' --artefacts target/browser-artefacts/funding

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const CHROMIUM = process.env.GALAXIE_CHROMIUM || "/usr/bin/chromium";

const A = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) A[argv[i].replace(/^--/, "")] = argv[i + 1];
for (const k of ["base", "place", "call", "email", "password", "artefacts"]) {
  if (!A[k]) throw new Error(`missing --${k}`);
}
mkdirSync(A.artefacts, { recursive: true });
const log = (o) => process.stdout.write(JSON.stringify(o) + "\n");

async function axe(page, name) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  );
  const violations = result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} — ${n.failureSummary}`),
  }));
  if (violations.length) throw new Error(`axe-core on ${name}: ${JSON.stringify(violations, null, 1)}`);
}

// Tab from the top reaches the page's main link or button, with a visible focus.
async function keyboard(page, name, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el || !el.matches(sel)) return null;
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle !== "none" && s.outlineWidth !== "0px", shadow: s.boxShadow !== "none" };
    }, selector);
    if (hit) {
      if (!hit.outline && !hit.shadow) throw new Error(`${name}: ${selector} has no visible focus`);
      return;
    }
  }
  throw new Error(`${name}: the keyboard never reaches ${selector}`);
}

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
