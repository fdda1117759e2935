/**
 * Search through the events service with 100,000 events loaded: kit call → serve → Postgres
 * (tsvector + pg_trgm typo correction, visibility rules, filters, keyset pages), beside a plain
 * primary-key read through the same service (svc.events.events.get) in the same run.
 *   npx node bench/search.ts [--events 100000] [--seconds 3] [--rounds 3] [--in-flight 16]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { run } from "../services/kit/run.ts";
import { call } from "../services/kit/call.ts";
import { loadPrincipalKeys, mintPrincipalsOn } from "../services/kit/principal-token.ts";
import { connectNats } from "../services/kit/nats.ts";
import { eventsService } from "../services/events/index.ts";
import { wordsOf } from "../services/events/store.ts";
import { events } from "../subjects/events.ts";
import type { RequestOf } from "../subjects/contract.ts";
import { startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { closedLoop, median, type Sample } from "./harness.ts";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    "in-flight": { type: "string", default: "16" },
  },
});
const total = Number(args.events);
const seconds = Number(args.seconds);
const roundCount = Number(args.rounds);
const inFlight = Number(args["in-flight"]);

const kinds = ["Conference", "Meetup", "Workshop", "Summit", "Hackathon", "Festival", "Concert", "Seminar", "Webinar", "Exhibition"];
const topics = [
  "Kubernetes",
  "Rust",
  "TypeScript",
  "Data",
  "Design",
  "Jazz",
  "Photography",
  "Startups",
  "Security",
  "Climate",
  "Robotics",
  "Cooking",
  "Chess",
  "Poetry",
  "Running",
  "Databases",
  "Streaming",
  "Product",
  "Marketing",
  "Gaming",
];
const cities = [
  ["Berlin", 52.52, 13.405],
  ["Munich", 48.137, 11.575],
  ["Paris", 48.857, 2.352],
  ["Madrid", 40.417, -3.704],
  ["Rome", 41.903, 12.496],
  ["Vienna", 48.208, 16.373],
  ["Warsaw", 52.23, 21.012],
  ["Prague", 50.075, 14.437],
  ["Amsterdam", 52.367, 4.904],
  ["Lisbon", 38.722, -9.139],
  ["Stockholm", 59.329, 18.068],
  ["London", 51.507, -0.128],
] as const;
const tagPool = [
  "cloud",
  "devops",
  "frontend",
  "backend",
  "ai",
  "music",
  "art",
  "food",
  "sports",
  "business",
  "science",
  "community",
  "beginners",
  "advanced",
  "free",
  "outdoor",
];
const pick = <T>(a: readonly T[]) => a[Math.floor(Math.random() * a.length)];

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const nats = await startNats({ open: true });
const pg = await createDatabase("convene_bench");
const running = await run([eventsService], { NATS_URL: nats.url, DATABASE_URL: pg.url, HTTP_PORT: "0", LOG_LEVEL: "silent" }, { listen: false });
const db = running.dbs.get("events")!;
const client = await connectNats({ servers: nats.url, name: "bench-search" });
// Calls as a user, as the edge would: services in this process trust its development key pair.
mintPrincipalsOn(client.nc, loadPrincipalKeys({}, { mints: true }).signing!);

// Load: 1,000-row multi-row INSERTs through unnest (one statement, arrays as parameters).
const loadStarted = performance.now();
const ids: string[] = [];
const words = new Set<string>();
const now = Date.now();
for (let done = 0; done < total; done += 1000) {
  const n = Math.min(1000, total - done);
  const cols = {
    id: [] as string[],
    organizer: [] as string[],
    title: [] as string[],
    description: [] as string[],
    starts: [] as string[],
    ends: [] as string[],
    lat: [] as number[],
    lng: [] as number[],
    venue: [] as string[],
    tags: [] as string[],
    hot: [] as number[],
    views: [] as number[],
    vis: [] as string[],
  };
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    const [city, lat, lng] = pick(cities);
    const title = `${pick(topics)} ${pick(kinds)} ${city} ${2026 + (i % 3)}`;
    const start = now + Math.floor(Math.random() * 180 * 86_400_000) - 7 * 86_400_000;
    const tags = [...new Set([pick(tagPool), pick(tagPool)])];
    const jLat = lat + (Math.random() - 0.5) * 0.3;
    const jLng = lng + (Math.random() - 0.5) * 0.3;
    ids.push(id);
    cols.id.push(id);
    cols.organizer.push(randomUUID());
    cols.title.push(title);
    cols.description.push(
      `A ${pick(kinds).toLowerCase()} about ${pick(topics).toLowerCase()} and ${pick(topics).toLowerCase()} for the ${pick(tagPool)} community in ${city}.`,
    );
    cols.starts.push(new Date(start).toISOString());
    cols.ends.push(new Date(start + 3 * 3_600_000).toISOString());
    cols.lat.push(jLat);
    cols.lng.push(jLng);
    cols.venue.push(JSON.stringify({ name: `${city} Hall`, address: `${city} Center`, lat: jLat, lng: jLng }));
    cols.tags.push(`{${tags.join(",")}}`);
    const views = Math.floor(Math.random() * 50);
    cols.views.push(views);
    cols.hot.push(views ? Math.log(views) + Math.random() * 10 : 0);
    cols.vis.push(Math.random() < 0.05 ? "private" : "public");
    for (const w of wordsOf(`${title} ${tags.join(" ")}`)) words.add(w);
  }
  await db.raw(
    `insert into events (id, organizer_id, title, description, starts_at, ends_at, time_zone, venue, lat, lng, tags, visibility, status, views, hot, published_at)
     select id, organizer, title, description, starts, ends, 'Europe/Berlin', venue, lat, lng, tags::text[], vis, 'published', views, hot, now()
       from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::jsonb[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::int[], ?::float8[])
         as t(id, organizer, title, description, starts, ends, venue, lat, lng, tags, vis, views, hot)`,
    [cols.id, cols.organizer, cols.title, cols.description, cols.starts, cols.ends, cols.venue, cols.lat, cols.lng, cols.tags, cols.vis, cols.views, cols.hot],
  );
}
await db.raw("insert into search_words (word) select unnest(?::text[]) on conflict do nothing", [[...words]]);
await db.raw("analyze events");
await db.raw("analyze search_words");
const loadSeconds = (performance.now() - loadStarted) / 1000;

const principal = { sub: randomUUID(), roles: ["participant" as const] };
const queries: Array<RequestOf<typeof events.search>> = [
  { q: "konferense berlin" },
  { q: "kubernetes workshop" },
  { q: "jazz", sort: "start" },
  { q: "data summit", tags: ["cloud"] },
  { q: "rust", near: { lat: 48.137, lng: 11.575, radiusKm: 30 } },
  { q: "secruity seminar", sort: "popularity" },
  { tags: ["music"], sort: "start" },
  { q: "photography paris" },
];
let qi = 0;
let pi = 0;
// Sanity: the typo query finds conferences.
const probe = await call(client.nc, events.search, { q: "konferense" }, { principal });
if (!probe.items.length || !probe.items[0].title.includes("Conference")) throw new Error("search found no Conference for 'konferense'");

// Interleaved rounds (each round runs both back to back, sharing that moment's machine noise);
// the ratio is the median of per-round ratios. Only closedLoop/median of the harness are used.
const contenders: Record<string, () => Promise<unknown>> = {
  "search (8 query shapes)": () => call(client.nc, events.search, queries[qi++ % queries.length], { principal, timeoutMs: 30_000 }),
  "get by primary key": () =>
    call(client.nc, events.get, { eventId: ids[(pi += 7919) % ids.length] }, { principal, timeoutMs: 30_000 }).catch((e: { status?: number }) => {
      if (e.status !== 404) throw e; // a private event: still a full primary-key read
    }),
};
for (const fn of Object.values(contenders)) await closedLoop(fn, { inFlight, seconds: 1 });
const rounds: Record<string, Sample[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, [] as Sample[]]));
for (let r = 0; r < roundCount; r++) for (const [name, fn] of Object.entries(contenders)) rounds[name].push(await closedLoop(fn, { inFlight, seconds }));
const medianRound = (name: string) => {
  const m = median(rounds[name].map((x) => x.rps));
  return rounds[name].find((x) => x.rps === m)!;
};
const search = medianRound("search (8 query shapes)");
const pk = medianRound("get by primary key");
const searchVsPk = median(rounds["search (8 query shapes)"].map((x, i) => x.rps / rounds["get by primary key"][i].rps));
const row = (name: string, x: Sample) =>
  `${name.padEnd(26)} ${x.rps.toFixed(0).padStart(9)} ${x.p50.toFixed(2).padStart(8)} ${x.p99.toFixed(2).padStart(8)} ${String(x.errors).padStart(7)}`;
const printed = [
  `${"contender".padEnd(26)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`,
  row("search (8 query shapes)", search),
  row("get by primary key", pk),
].join("\n");

console.log(
  `\n${total.toLocaleString("en")} events loaded in ${loadSeconds.toFixed(1)} s (${
    Math.round(total / loadSeconds).toLocaleString("en")
  } rows/s); ${inFlight} requests in flight, ${roundCount} rounds of ${seconds} s, median round kept\n`,
);
console.log(printed);
const result = {
  events: total,
  search_per_s: Math.round(search.rps),
  search_p99_ms: Number(search.p99.toFixed(2)),
  pk_per_s: Math.round(pk.rps),
  pk_p99_ms: Number(pk.p99.toFixed(2)),
  search_vs_pk: Number(searchVsPk.toFixed(3)),
  errors: search.errors + pk.errors,
};
console.log(`\nRESULT ${JSON.stringify(result)}`);

await client.nc.close();
await running.stop();
await pg.drop();
await nats.stop();
