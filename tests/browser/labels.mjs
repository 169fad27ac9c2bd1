// The regional label's pages in a real browser: Debian's Chromium driven by playwright-core,
// checked by axe-core (WCAG 2.1 A and AA, zero violations), reached by keyboard, printed.
// Run by tests/e2e/labels.rs against a live instance where a place holds a label; prints one
// JSON line per page and exits 1 at the first failure.
//
//   node tests/browser/labels.mjs --base http://localhost:P --place epn --applicant fablab \
//        --attestation /attestations/… --label /places/reseau/labels/solidaire \
//        --artefacts target/browser-artefacts/labels

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
for (const k of ["base", "place", "applicant", "network", "attestation", "label", "email", "password", "artefacts"]) {
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

// Tab from the top reaches `selector`, with a visible focus.
async function keyboard(page, name, selector) {
  for (let i = 0; i < 120; i++) {
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
  const visit = async (name, path) => {
    const response = await page.goto(A.base + path);
    if (response.status() !== 200) throw new Error(`${name}: ${response.status()}`);
    await axe(page, name);
    await page.screenshot({ path: join(A.artefacts, `${name}.png`), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(A.artefacts, `${name}-print.png`), fullPage: true });
    await page.emulateMedia({ media: "screen" });
  };
  // The place's page lists the label (no JavaScript); the keyboard reaches its attestation.
  await visit("label-place", `/lieux/${A.place}`);
  const listed = await page.locator(`a[href="${A.base}${A.attestation}"]`).count();
  if (listed !== 1) throw new Error(`label-place: the attestation link is missing (${listed})`);
  await keyboard(page, "label-place", `a[href="${A.base}${A.attestation}"]`);
  log({ step: "label-place", ok: true });
  // The same page in easy-read French.
  await context.addCookies([{ name: "gx_falc", value: "1", url: A.base }]);
  await visit("label-place-falc", `/lieux/${A.place}`);
  await context.clearCookies();
  log({ step: "label-place-falc", ok: true });
  // The attestation and the label's definition, as pages.
  await visit("label-attestation", A.attestation);
  log({ step: "label-attestation", ok: true });
  await visit("label-definition", A.label);
  log({ step: "label-definition", ok: true });
  // The moderator's page: applications with their answers, grant, refuse, revoke, define.
  await page.goto(A.base + "/admin/connexion");
  await page.fill('input[name="email"]', A.email);
  await page.fill('input[name="password"]', A.password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/admin/connexion"] button[type="submit"]')]);
  // A member place applies from its own administration page: the label's criteria become
  // fields; an empty answer is refused and named; the application then reaches the network.
  await visit("label-apply", `/admin/lieux/${A.applicant}/labels?label=${encodeURIComponent(`${A.network}/solidaire`)}`);
  const fields = await page.locator('textarea[name^="answer_"]').count();
  if (fields !== 2) throw new Error(`label-apply: ${fields} answer fields, 2 criteria expected`);
  await page.fill('textarea[name="answer_1"]', "Oui");
  const post = `form[action="/admin/lieux/${A.applicant}/labels"][method="post"] button[type="submit"]`;
  const [refused] = await Promise.all([page.waitForNavigation(), page.click(post)]);
  if (refused.status() !== 422) throw new Error(`label-apply-refused: ${refused.status()}`);
  const missing = await page.locator('[aria-invalid="true"]').count();
  if (missing !== 1) throw new Error(`label-apply-refused: ${missing} fields marked invalid`);
  await axe(page, "label-apply-refused");
  await page.fill('textarea[name="answer_2"]', "24 heures");
  const [sent] = await Promise.all([page.waitForNavigation(), page.click(post)]);
  if (sent.status() !== 200) throw new Error(`label-apply: ${sent.status()} after sending`);
  if ((await page.locator('[role="status"]').count()) !== 1) throw new Error("label-apply: no confirmation");
  await axe(page, "label-apply-sent");
  log({ step: "label-apply", ok: true });
  await visit("label-admin", `/admin/reseaux/${A.network}/labels`);
  await keyboard(page, "label-admin", 'button.button-danger');
  const answers = await page.locator("dd").count();
  if (answers < 2) throw new Error(`label-admin: the application's answers are missing (${answers})`);
  log({ step: "label-admin", ok: true });
  // A refused definition names its fields, and passes axe too.
  await page.fill('input[name="slug"]', "Pas Bon");
  await Promise.all([
    page.waitForNavigation(),
    page.click(`form[action="/admin/reseaux/${A.network}/labels"] button[type="submit"]`),
  ]);
  const invalid = await page.locator('[aria-invalid="true"]').count();
  if (invalid < 2) throw new Error(`label-admin-refused: ${invalid} fields marked invalid`);
  await axe(page, "label-admin-refused");
  log({ step: "label-admin-refused", ok: true });
} catch (e) {
  failed = true;
  log({ step: "error", ok: false, message: String(e && e.message ? e.message : e) });
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
