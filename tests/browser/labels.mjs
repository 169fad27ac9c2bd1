// The regional label's pages in a real browser: Debian's Chromium driven by playwright-core,
// checked by axe-core (WCAG 2.1 A and AA, zero violations), reached by keyboard, printed.
// Run by tests/e2e/labels.rs against a live instance where a place holds a label; prints one
// JSON line per page and exits 1 at the first failure.
//
//   node tests/browser/labels.mjs --base http://localhost:P --place epn --applicant fablab \
//        --attestation /attestations/… --label /places/reseau/labels/solidaire \
//        --artefacts target/browser-artefacts/labels

import { chromium } from "playwright-core";
import { join } from "node:path";
import { CHROMIUM, args, axe, keyboardReaches, log } from "./common.mjs";

const A = args(["base", "place", "applicant", "network", "attestation", "label", "email", "password", "artefacts"]);

// Tab from the top reaches `selector`, with a visible focus.
const keyboard = keyboardReaches;

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
