/**
 * OWASP API1:2023 Broken Object Level Authorization, generated from the edge's route table: every
 * route with a path parameter is called on Ada's objects (a private draft event, her organization,
 * her account; a random id where she has none) by Bob and by an anonymous client, with a body the
 * contract accepts (the message's fixture). None may succeed, answer 5xx, or show anything of
 * Ada's. A route added to the table is covered without touching this file; a route that is meant
 * to act on someone else's object (following a user) is listed below with why.
 */
import { expect } from "chai";
import process from "node:process";
import { randomUUID } from "node:crypto";
import { registry } from "../../services/registry.ts";
import { routes } from "../../services/edge/routes/index.ts";
import { fieldSchema, type Route } from "../../services/edge/routes/route.ts";
import { fixtures } from "../../subjects/fixtures/index.ts";
import { type Account, newIp, type Platform, startPlatform } from "./platform.ts";

/** Operations anyone may perform on another's object, by design. */
const OPEN_BY_DESIGN: Record<string, string> = {
  "GET /v1/users/{id}": "a public profile (nothing private)",
  "GET /v1/orgs/{id}": "organizations are public",
  "GET /v1/users/{id}/followers": "follower lists are public",
  "GET /v1/orgs/{id}/followers": "follower lists are public",
  "GET /v1/users/{id}/following": "following lists are public",
  "POST /v1/users/{id}/follow": "anyone may follow a user",
  "DELETE /v1/users/{id}/follow": "un-following acts on the caller's own follow",
  "POST /v1/orgs/{id}/follow": "anyone may follow an organization",
  "DELETE /v1/orgs/{id}/follow": "un-following acts on the caller's own follow",
  "DELETE /v1/events/{id}/follow": "removes the caller's own follow (idempotent, reveals nothing)",
  "GET /v1/feeds/{kind}": "the caller's own feed; {kind} names a feed, not an object",
  "DELETE /v1/me/devices/{token}": "removes a device of the caller's own (another's token is simply not found among them)",
};

/** Statuses that refuse without saying more than "no" (400/422: the request itself was refused first). */
const REFUSED = [400, 401, 403, 404, 405, 409, 415, 422, 429];

describe("security: BOLA, generated from the route table (API1)", function () {
  this.timeout(60_000);
  let p: Platform;
  let ada: Account;
  let bob: Account;
  const secretTitle = `Private plans ${randomUUID()}`;
  let eventId = "";
  let orgId = "";

  before(async function () {
    this.timeout(60_000);
    p = await startPlatform(
      registry.filter((d) => d.name !== "web"),
      { PAYMENTS_SANDBOX_PORT: "0", RATE_LIMIT_USER_PER_MINUTE: "100000" },
    );
    ada = await p.signUp();
    bob = await p.signUp();
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
    const created = await p.fetch("/v1/events", {
      method: "POST",
      token: ada.accessToken,
      json: { title: secretTitle, startsAt, endsAt, timeZone: "UTC", visibility: "private" },
    });
    expect(created.status, await created.clone().text()).to.equal(201);
    eventId = ((await created.json()) as { id: string }).id;
    const org = await p.fetch("/v1/orgs", { method: "POST", token: ada.accessToken, json: { name: `Ada's ${randomUUID().slice(0, 8)}` } });
    expect(org.status, await org.clone().text()).to.equal(201);
    orgId = ((await org.json()) as { id: string }).id;
  });
  after(async function () {
    this.timeout(20_000);
    await p?.stop();
  });

  /** Ada's object for a path parameter, or a random id. */
  function valueFor(r: Route, param: string): string {
    if (param === "id" && r.path.startsWith("/v1/events/")) return eventId;
    if (param === "id" && r.path.startsWith("/v1/orgs/")) return orgId;
    if ((param === "id" && (r.path.startsWith("/v1/users/") || r.path.startsWith("/v1/admin/users/"))) || param === "userId") return ada.id;
    if (param === "seq") return "1";
    if (param === "slug") return "workshops";
    if (param === "token") return `cal_${randomUUID().replace(/-/g, "")}`;
    if (param === "provider") return "none";
    if (param === "kind") return "following";
    // An id the contract types as a number or digits (inbox items) gets one.
    const field = r.input.path?.[param];
    const schema = (field ? fieldSchema(r.contract.request, field) : undefined) as { type?: string; pattern?: string } | undefined;
    if (schema?.type === "integer" || schema?.pattern?.includes("[0-9]")) return "999999";
    return randomUUID();
  }

  /** The fixture's request without what the route fills from the path, the caller or the client's address. */
  function bodyFor(r: Route): Record<string, unknown> | undefined {
    if (!r.input.body) return undefined;
    const fixture = fixtures[r.contract.subject] as { request?: Record<string, unknown> } | undefined;
    const body = { ...(fixture?.request ?? {}) };
    const elsewhere = [...Object.values(r.input.path ?? {}), ...Object.keys(r.input.fixed ?? {}), ...(r.input.query ?? []), r.input.ip, r.input.principal]
      .filter(Boolean).map((f) => String(f).split(".")[0]);
    for (const f of elsewhere) delete body[f];
    return body;
  }

  const withIds = routes.filter((r) => /\{\w+\}/.test(r.path));

  it("covers every route with a path parameter (the table is not empty)", () => {
    expect(withIds.length).to.be.greaterThan(40);
  });

  const refusals: Array<{ op: string; status: number }> = [];
  after(() => {
    // Bodies come from fixtures; a 400 means the request was refused before authorization was tried.
    const early = refusals.filter((x) => x.status === 400).map((x) => x.op);
    if (process.env.BOLA_VERBOSE) console.log(`refused at validation (authorization not reached): ${[...new Set(early)].join(", ") || "none"}`);
  });

  for (const r of withIds) {
    const op = `${r.method} ${r.path}`;
    const open = OPEN_BY_DESIGN[op];
    it(`${op}: ${open ? `open by design (${open}), revealing nothing` : "refused to another user and to anonymous, revealing nothing"}`, async () => {
      // Query fields the contract needs come from its fixture, so the request reaches authorization.
      const fixture = (fixtures[r.contract.subject] as { request?: Record<string, unknown> } | undefined)?.request ?? {};
      const required = new Set((r.contract.request as { required?: string[] }).required ?? []);
      const query = new URLSearchParams(
        (r.input.query ?? []).filter((q) => required.has(q) && typeof fixture[q] === "string").map((q): [string, string] => [q, String(fixture[q])]),
      );
      const path = r.path.replace(/\{(\w+)\}/g, (_, name: string) => valueFor(r, name)) + (query.size ? `?${query}` : "");
      const body = bodyFor(r);
      for (
        const [who, token] of [
          ["another user", bob.accessToken],
          ["anonymous", undefined],
        ] as const
      ) {
        const res = await p.fetch(path, { method: r.method, token, ip: newIp(), ...(body ? { json: body } : {}) });
        const text = await res.text();
        refusals.push({ op, status: res.status });
        expect(res.status, `${who}: ${text.slice(0, 300)}`).to.be.below(500);
        if (!open) expect(REFUSED, `${who}: ${res.status} ${text.slice(0, 300)}`).to.include(res.status);
        expect(text, who).to.not.contain(secretTitle);
        expect(text, who).to.not.contain(ada.email);
      }
    });
  }

  it("reaches authorization on every route: none is refused at validation first (a 400 would test nothing)", () => {
    // Starting a provider sign-in has no object behind its id (an unknown provider is a 400).
    const early = new Set(refusals.filter((x) => x.status === 400).map((x) => x.op));
    early.delete("POST /v1/auth/oidc/{provider}/start");
    expect([...early]).to.deep.equal([]);
  });

  it("lets the owner reach her own private event (the control row)", async () => {
    const res = await p.fetch(`/v1/events/${eventId}`, { token: ada.accessToken });
    expect(res.status).to.equal(200);
    expect(await res.text()).to.contain(secretTitle);
  });
});
