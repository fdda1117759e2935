/**
 * OWASP API3:2023 Broken Object Property Level Authorization (mass assignment), generated from
 * the edge's route table: every writable route is sent its message's fixture body plus a field it
 * must not accept (roles, an owner, a status, ids, timestamps). A field the contract does not
 * declare is refused with 400 naming it; a field the route fills from the caller (the owner) is
 * overwritten by the caller, never taken from the body.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { registry } from "../../services/registry.ts";
import { routes } from "../../services/edge/routes/index.ts";
import { fieldSchema, type Route } from "../../services/edge/routes/route.ts";
import { fixtures } from "../../subjects/fixtures/index.ts";
import { type Account, newIp, type Platform, startPlatform } from "./platform.ts";

/** Fields no client may set on anything. */
const PROBES: Record<string, unknown> = {
  roles: ["admin"],
  role: "owner",
  isAdmin: true,
  ownerId: randomUUID(),
  organizerId: randomUUID(),
  userId: randomUUID(),
  id: randomUUID(),
  status: "published",
  emailVerified: true,
  createdAt: "2020-01-01T00:00:00Z",
  deletedAt: null,
  passwordHash: "x",
};

/** Probe fields a route's contract declares on purpose (checked by the service against the caller's own rights). */
const DECLARED_ON_PURPOSE: Record<string, string[]> = {
  "POST /v1/orgs/{id}/invitations": ["role"],
  "PUT /v1/orgs/{id}/members/{userId}/role": ["role", "userId"],
};

describe("security: mass assignment, generated from the route table (API3)", function () {
  this.timeout(60_000);
  let p: Platform;
  let me: Account;

  before(async function () {
    this.timeout(60_000);
    p = await startPlatform(
      registry.filter((d) => d.name !== "web"),
      { PAYMENTS_SANDBOX_PORT: "0", RATE_LIMIT_USER_PER_MINUTE: "100000" },
    );
    me = await p.signUp();
  });
  after(async function () {
    this.timeout(20_000);
    await p?.stop();
  });

  function bodyFor(r: Route): Record<string, unknown> {
    const fixture = fixtures[r.contract.subject] as { request?: Record<string, unknown> } | undefined;
    const body = { ...(fixture?.request ?? {}) };
    const elsewhere = [...Object.values(r.input.path ?? {}), ...Object.keys(r.input.fixed ?? {}), ...(r.input.query ?? []), r.input.ip, r.input.principal]
      .filter(Boolean).map((f) => String(f).split(".")[0]);
    for (const f of elsewhere) delete body[f];
    return body;
  }
  const pathOf = (r: Route) => r.path.replace(/\{(\w+)\}/g, () => randomUUID());

  const writable = routes.filter((r) => r.input.body && !r.input.rawForm && r.auth !== "admin" && ["POST", "PUT", "PATCH", "DELETE"].includes(r.method));

  it("probes a writable route table (not empty)", () => {
    expect(writable.length).to.be.greaterThan(20);
  });

  for (const r of writable) {
    const declared = new Set(Object.keys((r.contract.request as { properties?: Record<string, unknown> }).properties ?? {}));
    const undeclared = Object.keys(PROBES).filter((f) => !declared.has(f));
    it(`${r.method} ${r.path}: refuses ${undeclared.length} undeclared fields by name`, async () => {
      for (const field of undeclared) {
        const res = await p.fetch(pathOf(r), { method: r.method, token: me.accessToken, ip: newIp(), json: { ...bodyFor(r), [field]: PROBES[field] } });
        const text = await res.text();
        expect(res.status, `${field}: ${text.slice(0, 200)}`).to.be.oneOf([400, 415]);
        expect(text, field).to.contain(field);
      }
    });
  }

  it("declares no sensitive field in a writable contract but those listed on purpose", () => {
    for (const r of writable) {
      const op = `${r.method} ${r.path}`;
      const declared = Object.keys((r.contract.request as { properties?: Record<string, unknown> }).properties ?? {}).filter((f) => f in PROBES);
      const fromElsewhere = new Set([...Object.values(r.input.path ?? {}), r.input.principal].filter(Boolean));
      expect(declared.filter((f) => !fromElsewhere.has(f) && !(DECLARED_ON_PURPOSE[op] ?? []).includes(f)), op).to.deep.equal([]);
    }
  });

  it("takes the owner from the caller, never from the body", async () => {
    const owned = writable.filter((r) => r.input.principal && fieldSchema(r.contract.request, r.input.principal));
    for (const r of owned) {
      const someoneElse = randomUUID();
      const res = await p.fetch(pathOf(r), {
        method: r.method,
        token: me.accessToken,
        ip: newIp(),
        json: { ...bodyFor(r), [r.input.principal!]: someoneElse },
      });
      expect(await res.text(), `${r.method} ${r.path}`).to.not.contain(someoneElse);
    }
    // The event create route is one of them: the author is the caller.
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 90_000_000).toISOString();
    const created = await p.fetch("/v1/events", { method: "POST", token: me.accessToken, json: { title: "Mine", startsAt, endsAt, timeZone: "UTC" } });
    expect(created.status).to.equal(201);
  });
});
