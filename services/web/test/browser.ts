/**
 * Headless Chromium for the web app's tests: Debian's /usr/bin/chromium driven by playwright-core
 * (deploy/local/ensure-chromium.sh installs it), one browser per run, a context per person.
 * `axe()` runs axe-core in the page (through the DevTools protocol, so the page's CSP stays on)
 * and returns the serious and critical violations.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The flags this kind of machine needs (no GPU, no sandbox as root, no calls home). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
export const ARTIFACTS = new URL("../../../.artifacts/web/", import.meta.url);

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type Violation = { id: string; impact: string; help: string; nodes: string[] };

export async function axe(page: Page): Promise<Violation[]> {
  const t0 = Date.now();
  try {
    return await axeRun(page);
  } finally {
    if (process.env.WEB_TIMING) console.log("axe", Date.now() - t0, page.url());
  }
}
async function axeRun(page: Page): Promise<Violation[]> {
  await page.evaluate(`${axeSource};0`);
  const results = (await page.evaluate(
    `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) })))`,
  )) as Violation[];
  return results.filter((v) => v.impact === "serious" || v.impact === "critical");
}

let shot = 0;
/** A full-page screenshot kept under .artifacts/web/ (numbered in the order taken). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  shot += 1;
  const t0 = Date.now();
  await page.screenshot({ path: new URL(`${String(shot).padStart(2, "0")}-${name}.png`, ARTIFACTS).pathname, fullPage: true });
  if (process.env.WEB_TIMING) console.log("shot", Date.now() - t0, name);
}
