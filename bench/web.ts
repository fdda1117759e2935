/**
 * The web app's event page against the edge's JSON read of the same event, in one run, 50
 * connections (autocannon), anonymous (what search engines and first-time visitors get): the
 * page must serve at least half the JSON read's requests per second (target ≥ 0.5). Then, in
 * Debian's Chromium: the event page's compressed JavaScript (≤ 100 KB) and its largest contentful
 * paint on loopback (< 1 s), each over fresh browser contexts (cold cache), median.
 *   npx node bench/web.ts [--seconds 3] [--rounds 3] [--loads 5]
 *
 * The platform (every service, as `make up` runs it) is in a child process, autocannon here.
 * Before measuring, it proves the two contenders serve the same event (the page's <h1> is the
 * JSON's title) and that both answer 200 under load (errors are counted and reported).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import process from "node:process";
import autocannon from "autocannon";
import { run } from "../services/kit/run.ts";
import { registry } from "../services/registry.ts";
import { freePort, startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { launch } from "../services/web/test/browser.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    loads: { type: "string", default: "5" },
    serve: { type: "boolean", default: false },
  },
});

type Target = { base: string; eventId: string; title: string };

async function serve(): Promise<void> {
  const running = await run(registry, {
    NATS_URL: process.env.NATS_URL,
    DATABASE_URL: process.env.DATABASE_URL,
    HTTP_PORT: String(await freePort()),
    LOG_LEVEL: "warn",
    PAYMENTS_SANDBOX_PORT: "0",
    RATE_LIMIT_IP_PER_MINUTE: "100000000",
    RATE_LIMIT_USER_PER_MINUTE: "100000000",
    RATE_LIMIT_AUTH_PER_MINUTE: "100000",
  });
  const base = running.url;
  const json = async <T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const email = `bench+${Date.now()}@example.org`;
  await json("/v1/auth/register", { method: "POST", body: { email, password: "correct horse battery staple", displayName: "Bench Organizer" } });
  const { accessToken } = await json<{ accessToken: string }>("/v1/auth/login", { method: "POST", body: { email, password: "correct horse battery staple" } });
  const title = "NATS in Production Conference";
  const description = "A day of talks on **JetStream**, outboxes and exactly-once delivery.\n\n".repeat(8);
  const event = await json<{ id: string }>("/v1/events", {
    method: "POST",
    token: accessToken,
    body: {
      title,
      description,
      startsAt: "2031-05-20T09:00:00Z",
      endsAt: "2031-05-20T17:00:00Z",
      timeZone: "Europe/Berlin",
      venue: { name: "Kulturbrauerei", address: "Schönhauser Allee 36, Berlin", lat: 52.539, lng: 13.413 },
      capacity: 300,
      tags: ["nats", "jetstream"],
      publish: true,
    },
  });
  process.stdout.write(`TARGET ${JSON.stringify({ base, eventId: event.id, title } satisfies Target)}\n`);
  process.once("SIGTERM", () => void running.stop().then(() => process.exit(0)));
}

type Figure = { rps: number; p99: number; errors: number };

async function load(url: string, seconds: number): Promise<Figure> {
  const r = await autocannon({ url, connections: 50, duration: seconds, headers: { "accept-encoding": "gzip, br" } });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  // An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
  const nats = await startNats({ open: true });
  const pg = await createDatabase("convene_bench_web");
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve"], {
    env: { ...process.env, NATS_URL: nats.url, DATABASE_URL: pg.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const target = await new Promise<Target>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d) => {
        out += String(d);
        const m = out.match(/TARGET (\{.*\})\n/);
        if (m) resolve(JSON.parse(m[1]) as Target);
      });
      child.once("exit", (code) => reject(new Error(`platform process exited (${code})`)));
    });
    const pageUrl = `${target.base}/events/${target.eventId}`;
    const jsonUrl = `${target.base}/v1/events/${target.eventId}`;

    // Prove both contenders serve the same event before timing them.
    const page = await (await fetch(pageUrl)).text();
    const data = (await (await fetch(jsonUrl)).json()) as { title: string };
    if (!page.includes(`<h1>${target.title}</h1>`) || data.title !== target.title) throw new Error("the page and the JSON read do not show the same event");

    const seconds = Number(args.seconds);
    await load(pageUrl, 1);
    await load(jsonUrl, 1);
    const pages: Figure[] = [];
    const jsons: Figure[] = [];
    for (let r = 0; r < Number(args.rounds); r++) {
      pages.push(await load(pageUrl, seconds));
      jsons.push(await load(jsonUrl, seconds));
      process.stdout.write(
        `round ${r + 1}: event page ${pages[r].rps.toFixed(0)} req/s (p99 ${pages[r].p99} ms), edge JSON ${jsons[r].rps.toFixed(0)} req/s (p99 ${
          jsons[r].p99
        } ms)\n`,
      );
    }
    const pageVsJson = median(pages.map((p, i) => p.rps / jsons[i].rps));

    // In the browser: compressed JS bytes and LCP, cold cache each time.
    const browser = await launch();
    const jsKb: number[] = [];
    const lcp: number[] = [];
    try {
      for (let i = 0; i < Number(args.loads); i++) {
        const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true });
        const tab = await context.newPage();
        const scripts: Array<Promise<number>> = [];
        tab.on("response", (res) => {
          if (res.request().resourceType() === "script") scripts.push(res.request().sizes().then((s) => s.responseBodySize));
        });
        await tab.goto(pageUrl, { waitUntil: "load" });
        lcp.push(
          (await tab.evaluate(
            `new Promise((resolve) => new PerformanceObserver((list) => { const e = list.getEntries(); resolve(e[e.length - 1].startTime); }).observe({ type: "largest-contentful-paint", buffered: true }))`,
          )) as number,
        );
        jsKb.push((await Promise.all(scripts)).reduce((a, b) => a + b, 0) / 1024);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const result = {
      page_rps: Math.round(median(pages.map((p) => p.rps))),
      json_rps: Math.round(median(jsons.map((p) => p.rps))),
      page_vs_json: Number(pageVsJson.toFixed(3)),
      page_p99_ms: median(pages.map((p) => p.p99)),
      event_page_js_kb: Number(median(jsKb).toFixed(2)),
      event_page_lcp_ms: Math.round(median(lcp)),
      errors: [...pages, ...jsons].reduce((n, f) => n + f.errors, 0),
    };
    process.stdout.write(
      `event page / edge JSON = ${result.page_vs_json} (target ≥ 0.5); event page JS ${result.event_page_js_kb} KB compressed (≤ 100); LCP ${result.event_page_lcp_ms} ms (< 1000)\n`,
    );
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await nats.stop();
    await pg.drop();
  }
}

if (args.serve) await serve();
else await main();
