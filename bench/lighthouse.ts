/**
 * Lighthouse (npm `lighthouse`, pinned) on the home, search and event pages, driving Debian's
 * Chromium (CHROME_PATH, default /usr/bin/chromium) with its default mobile emulation and
 * simulated throttling. Targets: performance ≥ 95, accessibility 100, best practices ≥ 95,
 * SEO ≥ 95. The platform runs in this process on a throwaway NATS and database, with one
 * published event so every page has content.
 *   npx node bench/lighthouse.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import lighthouse from "lighthouse";
import { run } from "../services/kit/run.ts";
import { registry } from "../services/registry.ts";
import { freePort, startNats, waitForPort } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { CHROMIUM_ARGS } from "../services/web/test/browser.ts";

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const nats = await startNats({ open: true });
const pg = await createDatabase("convene_bench_lighthouse");
const running = await run(registry, {
  NATS_URL: nats.url,
  DATABASE_URL: pg.url,
  HTTP_PORT: String(await freePort()),
  LOG_LEVEL: "warn",
  SHUTDOWN_GRACE_MS: "1000",
});
const base = running.url;
const profile = mkdtempSync(join(tmpdir(), "convene-lh-"));
const port = await freePort();
const chrome = spawn(process.env.CHROME_PATH ?? "/usr/bin/chromium", [
  ...CHROMIUM_ARGS,
  `--remote-debugging-port=${port}`,
  `--user-data-dir=${profile}`,
  "about:blank",
], { stdio: "ignore" });
try {
  const json = async <T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const email = `lighthouse+${Date.now()}@example.org`;
  await json("/v1/auth/register", { method: "POST", body: { email, password: "correct horse battery staple", displayName: "Lighthouse Organizer" } });
  const { accessToken } = await json<{ accessToken: string }>("/v1/auth/login", { method: "POST", body: { email, password: "correct horse battery staple" } });
  const event = await json<{ id: string }>("/v1/events", {
    method: "POST",
    token: accessToken,
    body: {
      title: "NATS in Production Conference",
      description: "Talks on **JetStream**, outboxes and exactly-once delivery.",
      startsAt: "2031-05-20T09:00:00Z",
      endsAt: "2031-05-20T17:00:00Z",
      timeZone: "Europe/Berlin",
      venue: { name: "Kulturbrauerei", address: "Schönhauser Allee 36, Berlin", lat: 52.539, lng: 13.413 },
      capacity: 300,
      tags: ["nats"],
      publish: true,
    },
  });
  await waitForPort(port, 15_000);
  const pages = { home: "/", search: "/events?q=nats", event: `/events/${event.id}` };
  const scores: Record<string, Record<string, number>> = {};
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`${base}${path}`, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${path}`);
    const c = result.lhr.categories;
    scores[name] = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
    const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary").map((a) => a.id);
    process.stdout.write(`${name.padEnd(7)} ${path.padEnd(48)} ${JSON.stringify(scores[name])}${failing.length ? `  failing: ${failing.join(", ")}` : ""}\n`);
  }
  const min = (cat: string) => Math.min(...Object.values(scores).map((s) => s[cat]));
  const result = {
    performance_min: min("performance"),
    accessibility_min: min("accessibility"),
    best_practices_min: min("best-practices"),
    seo_min: min("seo"),
    pages: scores,
  };
  process.stdout.write(`targets: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95\nRESULT ${JSON.stringify(result)}\n`);
} finally {
  chrome.kill("SIGTERM");
  await running.stop();
  await nats.stop();
  await pg.drop();
  rmSync(profile, { recursive: true, force: true });
}
