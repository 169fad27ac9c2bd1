// What every browser test of the site shares: Debian's Chromium, the command line, one JSON
// line per step on standard output, axe-core (WCAG 2.1 A and AA, zero violations allowed) and
// a keyboard walk that checks the focus is visible.

import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

/** Debian's Chromium (never a downloaded browser); GALAXIE_CHROMIUM overrides the path. */
export const CHROMIUM = process.env.GALAXIE_CHROMIUM || "/usr/bin/chromium";

/** `--name value` pairs of the command line; throws naming the first of `required` missing.
 * Creates the `--artefacts` folder when it is given. */
export function args(required) {
  const A = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) A[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const k of required) {
    if (!A[k]) throw new Error(`missing --${k}`);
  }
  if (A.artefacts) mkdirSync(A.artefacts, { recursive: true });
  return A;
}

/** One JSON line on standard output. */
export const log = (o) => process.stdout.write(JSON.stringify(o) + "\n");

/** The page's axe-core violations (WCAG 2.1 A and AA), at most 3 nodes each. */
export async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} — ${n.failureSummary}`),
  }));
}

/** Throws unless axe-core finds no violation on the page. */
export async function axe(page, name) {
  const found = await violations(page);
  if (found.length) throw new Error(`axe-core on ${name}: ${JSON.stringify(found, null, 1)}`);
}

/** Tab from where the focus is reaches `selector` within `presses`, with a visible focus. */
export async function keyboardReaches(page, name, selector, presses = 120) {
  for (let i = 0; i < presses; i++) {
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
