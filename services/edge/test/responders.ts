/**
 * Small real responders (kit services on NATS) with the shapes of real routes, so the edge's
 * mechanisms are proven without depending on other services' progress. Also used by bench/edge.ts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from "jose";
import { request } from "../../../subjects/contract.ts";
import { Name, PageRequest } from "../../../subjects/common.ts";
import { identity } from "../../../subjects/identity.ts";
import { defineService, NoEnv, type ServiceDefinition } from "../../kit/service.ts";
import { endpoint } from "../../kit/serve.ts";
import { AppError, forbidden } from "../../kit/errors.ts";
import { type Route, route } from "../routes/route.ts";
import type { Principal } from "../../../subjects/principal.ts";

export const unique = () => randomBytes(4).toString("hex");

export function testContracts(tag: string) {
  const svc = `edgetest${tag}`;
  const Item = Type.Object({
    id: Type.String({ description: "Id." }),
    title: Type.String({ description: "Title." }),
    calls: Type.Integer({ description: "How many times the responder was asked." }),
  }, { additionalProperties: false });
  return {
    getItem: request({
      subject: `svc.${svc}.get`,
      description: "Reads an item (public).",
      request: Type.Object({ itemId: Type.String({ format: "uuid", description: "The item." }) }, { additionalProperties: false }),
      reply: Item,
      idempotent: true,
    }),
    list: request({
      subject: `svc.${svc}.list`,
      description: "Lists items (public).",
      request: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100, description: "Search text." })), ...PageRequest }, { additionalProperties: false }),
      reply: Type.Object({ q: Type.Union([Type.String(), Type.Null()]), limit: Type.Integer() }),
      idempotent: true,
    }),
    create: request({
      subject: `svc.${svc}.create`,
      description: "Creates an item (user).",
      request: Type.Object({
        title: Name("Title.", 200),
        delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 5_000, description: "Test: answer late." })),
        ownerId: Type.String({ description: "Filled by the edge." }),
      }, { additionalProperties: false }),
      reply: Type.Object({ id: Type.String(), title: Type.String(), ownerId: Type.String(), serial: Type.Integer() }, { additionalProperties: false }),
      idempotent: false,
    }),
    admin: request({
      subject: `svc.${svc}.admin`,
      description: "Admins only (edge checks the role).",
      request: Type.Object({}),
      reply: Type.Object({ ok: Type.Boolean() }),
      idempotent: true,
    }),
    deny: request({ subject: `svc.${svc}.deny`, description: "The service refuses.", request: Type.Object({}), reply: Type.Object({}), idempotent: false }),
    crash: request({ subject: `svc.${svc}.crash`, description: "The service throws.", request: Type.Object({}), reply: Type.Object({}), idempotent: false }),
    slow: request({ subject: `svc.${svc}.slow`, description: "Answers too late.", request: Type.Object({}), reply: Type.Object({}), idempotent: false }),
    nobody: request({ subject: `svc.${svc}.nobody`, description: "Nobody serves this.", request: Type.Object({}), reply: Type.Object({}), idempotent: false }),
  };
}
export type TestContracts = ReturnType<typeof testContracts>;

export function testRoutes(c: TestContracts): Route[] {
  const tag = "test";
  return [
    route({
      method: "GET",
      path: "/v1/items/{id}",
      contract: c.getItem,
      auth: "public",
      tag,
      summary: "Read an item",
      input: { path: { id: "itemId" } },
      cache: { tags: (i) => [`item:${String(i.itemId)}`], invalidatedBy: ["evt.event.>"], invalidates: (d) => [`item:${String(d.eventId)}`] },
    }),
    route({ method: "GET", path: "/v1/items", contract: c.list, auth: "public", tag, summary: "List items", input: { query: ["q", "cursor", "limit"] } }),
    route({
      method: "POST",
      path: "/v1/items",
      contract: c.create,
      auth: "user",
      tag,
      summary: "Create an item",
      input: { body: true, principal: "ownerId" },
      status: 201,
      creates: true,
    }),
    route({ method: "GET", path: "/v1/admin", contract: c.admin, auth: "admin", tag, summary: "Admin only" }),
    route({ method: "POST", path: "/v1/deny", contract: c.deny, auth: "user", tag, summary: "Refused by the service" }),
    route({ method: "GET", path: "/v1/crash", contract: c.crash, auth: "public", tag, summary: "Throws" }),
    route({ method: "GET", path: "/v1/slow", contract: c.slow, auth: "public", tag, summary: "Too slow" }),
    route({ method: "GET", path: "/v1/nobody", contract: c.nobody, auth: "public", tag, summary: "Not served" }),
    route({ method: "POST", path: "/v1/auth/try", contract: c.deny, auth: "public", tag, summary: "An auth route (stricter limit)" }),
  ];
}

/** An ES256 key pair that signs access tokens like identity does, and serves them as the JWKS. */
export type TestSigner = { kid: string; privateKey: CryptoKey; jwk: Record<string, unknown> };

export async function testSigner(): Promise<TestSigner> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `test-${unique()}`;
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
}

export async function token(signer: TestSigner, principal: Principal, over: { iss?: string; aud?: string; typ?: string; exp?: string } = {}): Promise<string> {
  return new SignJWT({ roles: principal.roles, sid: randomUUID() })
    .setProtectedHeader({ alg: "ES256", kid: signer.kid, typ: over.typ ?? "at+jwt" })
    .setIssuer(over.iss ?? "convene")
    .setAudience(over.aud ?? "convene-api")
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(over.exp ?? "5m")
    .sign(signer.privateKey);
}

/** The responder service; `jwks` is read on every request, so a test can rotate keys. */
export function testResponder(tag: string, c: TestContracts, jwks: { keys: Array<Record<string, unknown>> }, calls: Map<string, number>): ServiceDefinition {
  const count = (k: string) => {
    const n = (calls.get(k) ?? 0) + 1;
    calls.set(k, n);
    return n;
  };
  return defineService({
    name: `edgetest${tag}`,
    version: "1.0.0",
    description: "Test responders for the edge.",
    env: NoEnv,
    async setup() {
      return {
        endpoints: [
          endpoint(identity.keysList, async () => {
            count("jwks");
            return { keys: jwks.keys as Array<{ kty: string; kid: string; alg: string }> };
          }),
          // Every session is open here (test/security covers ended ones against identity).
          endpoint(identity.sessionsCheck, async () => ({ active: true })),
          endpoint(c.getItem, async (input) => ({ id: input.itemId, title: `item ${input.itemId.slice(0, 8)}`, calls: count(`get:${input.itemId}`) })),
          endpoint(c.list, async (input) => ({ q: input.q ?? null, limit: input.limit ?? 20 })),
          endpoint(c.create, async (input) => {
            const serial = count(`create:${input.title}`);
            if (input.delayMs) await new Promise((r) => setTimeout(r, input.delayMs));
            if (input.title === "taken") throw new AppError("conflict", "title already taken");
            return { id: randomUUID(), title: input.title, ownerId: input.ownerId, serial };
          }),
          endpoint(c.admin, async (_input, ctx) => ({ ok: !!ctx.principal?.roles.includes("admin") })),
          endpoint(c.deny, async () => {
            throw forbidden("organizers only");
          }),
          endpoint(c.crash, async () => {
            throw new Error("secret detail at /srv/edge.ts:42");
          }),
          endpoint(c.slow, async () => {
            await new Promise((r) => setTimeout(r, 1_500));
            return {};
          }),
        ],
      };
    },
  });
}
