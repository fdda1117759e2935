/**
 * Bad input gets a clear 4xx, never a 500 — for every operation the running edge documents.
 *
 * The operations come from the edge's own `/v1/openapi.json`, read over HTTP, so a route added
 * anywhere is fuzzed without touching this file. For each, fast-check generates path
 * parameters, query strings and bodies from the operation's schemas — valid ones and the ways
 * clients get them wrong — and sends them anonymously, as a participant and as an admin.
 * Pass: no 5xx; every 4xx is problem+json, and a 400/413/415 names the field at fault; a
 * schema-valid request is never refused for its shape (it may get a business 4xx: 404, 409…).
 *
 * Seeded and bounded in time: FUZZ_SEED=<n> replays a run (the seed is printed on failure),
 * FUZZ_MS sets the budget (default 35 s).
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { run, type Running } from "../../services/kit/run.ts";
import { registry } from "../../services/registry.ts";
import { databaseUrl, natsEnv } from "../support/env.ts";
import { mutated, POISON, type Schema, valid } from "./arbitraries.ts";

type Parameter = { name: string; in: string; required?: boolean; schema?: Schema; $ref?: string };
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: unknown[];
};
type Op = { method: string; path: string; op: Operation; params: Parameter[]; body?: Schema; bodyType: string };
type Who = "anonymous" | "participant" | "admin";
type Case = {
  op: Op;
  who: Who;
  /** Every part generated to its schema (a shape refusal is then a defect). */
  valid: boolean;
  path: Record<string, { value: unknown; raw?: boolean }>;
  query: Array<[string, unknown]>;
  /** Header parameters the operation declares (a provider's signature), as sent. */
  headers: Array<[string, string]>;
  body?: { value: unknown; contentType: string } | { raw: string; contentType: string };
  idempotencyKey?: string;
};

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const BUDGET_MS = Number(process.env.FUZZ_MS ?? 35_000);
const password = "correct horse battery staple";
/** Raw path segments that break decoding, traversal and encodings. */
const RAW_SEGMENTS = ["%E0%A4%A", "%00", "%", "..", "%2e%2e%2f", "%C0%AF", "%ED%A0%80", "a%2Fb", "%F0%9F%98"];
/** ajv's wording (kit/validate.ts): a 400 saying this about a valid request is a defect. */
const SHAPE_MESSAGE =
  /^(must (NOT |match |be (equal|string|number|integer|boolean|object|array|null|>=|<=|>|<)|have required|not be blank|not contain NUL)|is required|is not allowed|is not valid JSON)/;

/** Percent-encodes text; an unpaired surrogate becomes the bytes a careless encoder sends. */
function enc(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v) ?? "";
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => (/[\ud800-\udfff]/.test(ch) && ch.length === 1 ? "%ED%A0%80" : encodeURIComponent(ch))).join("");
  }
}

const FORM = "application/x-www-form-urlencoded";

/** A generated object as a form body (the fields of a form are text). */
function formOf(v: unknown): string {
  if (!v || typeof v !== "object" || Array.isArray(v)) return enc(v);
  return Object.entries(v).map(([k, x]) => `${enc(k)}=${enc(typeof x === "string" ? x : JSON.stringify(x))}`).join("&");
}

function queryText(v: unknown): string {
  return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(",") : typeof v === "string" ? v : JSON.stringify(v);
}

describe("fuzz: every documented operation refuses bad input with a 4xx, never a 5xx", function () {
  this.timeout(BUDGET_MS + 60_000);
  let running: Running;
  let base: string;
  const tokens: Partial<Record<Who, string>> = {};
  /** Ids and slugs seen in successful replies, so generated paths also reach real resources. */
  const seen = { uuid: new Set<string>(), slug: new Set<string>() };
  const adminEmail = `fuzz-admin+${randomUUID()}@example.org`;

  before(async function () {
    this.timeout(60_000);
    running = await run(registry, {
      ...natsEnv(),
      DATABASE_URL: databaseUrl(),
      HTTP_PORT: "0",
      LOG_LEVEL: "silent",
      SHUTDOWN_GRACE_MS: "1000",
      TRUST_PROXY: "true",
      RATE_LIMIT_IP_PER_MINUTE: "1000000",
      RATE_LIMIT_USER_PER_MINUTE: "1000000",
      RATE_LIMIT_AUTH_PER_MINUTE: "1000000",
      UPSTREAM_TIMEOUT_MS: "10000",
    });
    base = running.url;
    for (const [who, email] of [["admin", adminEmail], ["participant", `fuzz+${randomUUID()}@example.org`]] as const) {
      const reg = await post("/v1/auth/register", { email, password, displayName: `Fuzz ${who}` });
      expect(reg.status, await reg.clone().text()).to.equal(201);
      harvest(await reg.json());
      // The first admin is made in the database, as a verified BOOTSTRAP_ADMIN_EMAIL would be (the run shares one).
      if (who === "admin") await running.dbs.get("identity")!("users").where({ email }).update({ roles: ["admin", "participant"] });
      const login = await post("/v1/auth/login", { email, password });
      expect(login.status).to.equal(200);
      tokens[who] = ((await login.json()) as { accessToken: string }).accessToken;
    }
  });
  after(async function () {
    this.timeout(30_000);
    await running?.stop();
  });

  function post(path: string, body: unknown) {
    return fetch(`${base}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.18.0.1" },
      body: JSON.stringify(body),
    });
  }

  function harvest(v: unknown, key = ""): void {
    if (typeof v === "string") {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) seen.uuid.add(v);
      else if (key === "slug") seen.slug.add(v);
    } else if (Array.isArray(v)) v.slice(0, 20).forEach((x) => harvest(x, key));
    else if (v && typeof v === "object") { for (const [k, x] of Object.entries(v)) harvest(x, k); }
  }

  it("answers every generated request with a documented kind of answer", async () => {
    const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { parameters: Record<string, Parameter> };
    };
    const ops: Op[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        // An endless event stream has no single answer to judge.
        if (Object.values(op.responses ?? {}).some((r) => r.content && "text/event-stream" in r.content)) continue;
        const params = (op.parameters ?? []).map((p) => (p.$ref ? doc.components.parameters[p.$ref.split("/").pop()!] : p)).filter((p) =>
          p.in === "path" || p.in === "query" || (p.in === "header" && !p.$ref)
        );
        const [bodyType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? ["application/json", undefined];
        ops.push({ method: method.toUpperCase(), path, op, params, body: media?.schema, bodyType });
      }
    }
    expect(ops.length).to.be.greaterThan(20);

    const caseOf = (op: Op): fc.Arbitrary<Case> => {
      const who = fc.constantFrom<Who>("anonymous", "participant", "participant", "admin");
      const pathParams = op.params.filter((p) => p.in === "path");
      const queryParams = op.params.filter((p) => p.in === "query");
      const headerParams = op.params.filter((p) => p.in === "header");
      // A header carries visible ASCII only (fetch refuses the rest before sending).
      const headerText = (v: unknown) => String(v).replace(/[^\x20-\x7e]/g, "");
      const pathValue = (p: Parameter, ok: boolean) => {
        const s = p.schema ?? { type: "string" };
        const pool = s.format === "uuid" ? seen.uuid : s.pattern?.includes("a-z0-9") ? seen.slug : undefined;
        // Read at generation time: ids seen so far, else a generated one.
        const good: fc.Arbitrary<{ value: unknown; raw?: boolean }> = fc.tuple(fc.boolean(), fc.nat(), valid(s)).map(([useKnown, i, gen]) => {
          // Only seen values this parameter accepts (an org slug may be longer than a category's).
          const fits = (v: string) =>
            (s.maxLength === undefined || [...v].length <= s.maxLength) && (s.minLength === undefined || [...v].length >= s.minLength) &&
            (!s.pattern || new RegExp(s.pattern, "u").test(v));
          const candidates = pool && useKnown ? [...pool].filter(fits) : [];
          const known = candidates.length ? candidates[i % candidates.length] : undefined;
          return { value: known ?? gen };
        });
        if (ok) return good;
        return fc.oneof(good, mutated(s).map((value) => ({ value })), fc.constantFrom(...RAW_SEGMENTS).map((value) => ({ value, raw: true })));
      };
      const part = (ok: boolean) =>
        fc.record({
          path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p, ok)]))),
          query: fc.tuple(
            ...queryParams.map((p) => {
              const value = ok ? valid(p.schema ?? {}) : fc.oneof(valid(p.schema ?? {}), mutated(p.schema ?? {}));
              return (ok && p.required ? value : fc.option(value, { nil: undefined })).map((v) => [p.name, v] as [string, unknown]);
            }),
            ok
              ? fc.constant<[string, unknown]>(["", undefined])
              : fc.option(fc.tuple(fc.constantFrom("unknown", "a\u0000", "\u200f"), fc.constantFrom(...POISON)), { nil: undefined }).map((t) =>
                (t ?? ["", undefined]) as [string, unknown]
              ),
          ),
          headers: fc.tuple(
            ...headerParams.map((p) => {
              const value = ok
                ? valid(p.schema ?? {}).map(headerText)
                : fc.oneof(valid(p.schema ?? {}).map(headerText), fc.constantFrom("", "x", "%%%", "=".repeat(600)));
              return (ok && p.required ? value : fc.option(value, { nil: undefined })).map((v) => [p.name, v] as [string, string | undefined]);
            }),
          ),
          body: op.body && op.bodyType === FORM
            ? ok ? valid(op.body).map((value) => ({ raw: formOf(value) || "field=value", contentType: FORM })) : fc.oneof(
              mutated(op.body).map((value) => ({ raw: formOf(value), contentType: FORM })),
              valid(op.body).map((value) => ({ value, contentType: "application/json" })),
              fc.constantFrom("", "a=%E0%A4%A", "a=\u0000", "%%%", "=&=&").map((raw) => ({ raw, contentType: FORM })),
            )
            : op.body
            ? ok ? valid(op.body).map((value) => ({ value, contentType: "application/json" })) : fc.oneof(
              { weight: 6, arbitrary: mutated(op.body).map((value) => ({ value, contentType: "application/json" })) },
              { weight: 1, arbitrary: valid(op.body).map((value) => ({ raw: JSON.stringify(value), contentType: "text/plain" })) },
              {
                weight: 1,
                arbitrary: fc.constantFrom("", "{", "[1,", "null", '"x"', '{"a":"\\ud800"}', '{"a":"\\u0000"}').map((raw) => ({
                  raw,
                  contentType: "application/json",
                })),
              },
            )
            : fc.constant(undefined),
          idempotencyKey: fc.option(fc.uuid(), { nil: undefined }),
        });
      const parts = [part(false), part(true)];
      return fc.tuple(who, fc.boolean()).chain(([w, ok]) =>
        parts[Number(ok)].map((p) => ({
          op,
          who: w,
          valid: ok,
          path: p.path,
          query: p.query.filter(([k, v]) => k !== "" && v !== undefined),
          headers: p.headers.filter((h): h is [string, string] => h[1] !== undefined),
          body: p.body,
          idempotencyKey: p.idempotencyKey,
        }))
      );
    };

    const failures: string[] = [];
    const unserved = new Set<string>();
    const hits = new Map<string, number>();
    const spent = new Map<string, number>();
    const send = async (c: Case) => {
      let url = c.op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const v = c.path[name];
        return v?.raw ? String(v.value) : enc(v?.value ?? "");
      });
      if (c.query.length) url += `?${c.query.map(([k, v]) => `${enc(k)}=${enc(queryText(v))}`).join("&")}`;
      const headers: Record<string, string> = { "X-Forwarded-For": `198.18.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}` };
      if (c.who !== "anonymous") headers.Authorization = `Bearer ${tokens[c.who]}`;
      if (c.idempotencyKey && c.op.method === "POST") headers["Idempotency-Key"] = c.idempotencyKey;
      for (const [name, value] of c.headers) headers[name] = value;
      let body: string | undefined;
      if (c.body) {
        headers["Content-Type"] = c.body.contentType;
        body = "raw" in c.body ? c.body.raw : JSON.stringify(c.body.value);
      }
      const go = () => fetch(`${base}${url}`, { method: c.op.method, headers, body });
      // A pooled keep-alive socket the server closed while idle resets once: the client's race, not an answer.
      const res = await go().catch((err: Error & { cause?: { code?: string } }) => (err.cause?.code === "ECONNRESET" ? go() : Promise.reject(err)));
      return { res, url, text: await res.text() };
    };

    const judge = (c: Case, res: Response, text: string): string | undefined => {
      const s = res.status;
      // A subject nobody serves is a missing deployment, not an answer to the input: counted apart.
      if (s === 503 && text.includes('"code":"no_responders"')) {
        unserved.add(`${c.op.method} ${c.op.path}: ${(/no service is answering ([\w.-]+)/.exec(text) ?? [])[1] ?? "?"}`);
        return undefined;
      }
      if (s >= 500) return `${s} ${text.slice(0, 300)}`;
      if (s < 400) return undefined;
      if (!(res.headers.get("content-type") ?? "").startsWith("application/problem+json")) return `${s} without problem+json: ${text.slice(0, 200)}`;
      let p: { code?: string; status?: number; detail?: string; errors?: Array<{ field: string; message: string }> };
      try {
        p = JSON.parse(text) as typeof p;
      } catch {
        return `${s} problem is not JSON`;
      }
      if (!p.code || p.status !== s) return `${s} problem without code or with status ${p.status}`;
      if (s === 405 && !res.headers.get("allow")) return "405 without Allow";
      if ((s === 400 || s === 413 || s === 415) && !(p.errors?.length && p.errors.every((e) => e.field)) && !/^[\w.[\]-]+: /.test(p.detail ?? "")) {
        return `${s} does not name the field: ${text.slice(0, 200)}`;
      }
      if (c.valid && s === 415) return `415 for a JSON body: ${p.detail}`;
      // The detail is the first error's (kit/validate.ts); a business rule words its own.
      if (c.valid && s === 400 && SHAPE_MESSAGE.test((p.detail ?? "").replace(/^[^:]*: /, ""))) {
        return `schema-valid request refused for its shape: ${p.detail} ${JSON.stringify(p.errors)}`;
      }
      return undefined;
    };

    const started = Date.now();
    const runs = { n: 0 };
    const t0 = performance.now();
    const cases = ops.map(caseOf);
    if (process.env.FUZZ_VERBOSE) console.log(`arbitraries built in ${Math.round(performance.now() - t0)} ms`);
    const property = fc.asyncProperty(fc.integer({ min: 0, max: ops.length - 1 }).chain((i) => cases[i]), async (c) => {
      runs.n++;
      const key = `${c.op.method} ${c.op.path}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      const t0 = performance.now();
      const { res, url, text } = await send(c);
      spent.set(key, (spent.get(key) ?? 0) + performance.now() - t0);
      if (res.status < 300) {
        try {
          harvest(JSON.parse(text));
        } catch {
          /* not JSON (a calendar file, an attachment) */
        }
      }
      const fault = judge(c, res, text);
      if (fault) {
        failures.push(
          `${key} (${c.who}${c.valid ? ", valid" : ""}) ${c.op.method} ${url.slice(0, 200)} body=${
            c.body ? ("raw" in c.body ? c.body.raw : JSON.stringify(c.body.value) ?? "").slice(0, 200) : "-"
          } → ${fault}`,
        );
      }
    });
    await fc.assert(property, { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, endOnFailure: true });
    if (process.env.FUZZ_VERBOSE) {
      console.log(
        `total in requests: ${Math.round([...spent.values()].reduce((a, b) => a + b, 0))} ms`,
        [...spent].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, ms]) => `${k}: ${Math.round(ms)} ms / ${hits.get(k)}`).join("\n"),
      );
    }
    const unseen = ops.filter((o) => !hits.has(`${o.method} ${o.path}`)).map((o) => `${o.method} ${o.path}`);
    console.log(
      `      fuzz: seed ${SEED}, ${runs.n} requests over ${ops.length} operations in ${Math.round((Date.now() - started) / 1000)} s${
        unseen.length ? `, not reached: ${unseen.join(", ")}` : ""
      }${unserved.size ? `; answered no_responders (service not running): ${[...unserved].join(", ")}` : ""}`,
    );
    const distinct = [...new Map(failures.map((f) => [f.replace(/ \(.*$/, "") + f.replace(/^.*→ /, "").slice(0, 40), f])).values()];
    expect(distinct, `FUZZ_SEED=${SEED} reproduces this run; ${failures.length} faulty answers, distinct ones:\n${distinct.slice(0, 40).join("\n")}`).to.deep
      .equal([]);
  });
});
