import { expect } from "chai";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import Provider from "oidc-provider";
import { createLocalJWKSet, exportJWK, generateKeyPair, type JSONWebKeySet, jwtVerify } from "jose";
import { call } from "../../kit/call.ts";
import { identity } from "../../../subjects/identity.ts";
import { fail, type Harness, newEmail, password, startIdentity } from "./support.ts";

type Claims = { email?: string; email_verified?: boolean; name?: string };

/** A real OpenID provider on 127.0.0.1 (npm oidc-provider) with its development login and consent pages. */
async function startProvider(accounts: Map<string, Claims>, redirectUri: string): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: "convene",
      client_secret: "convene-secret",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) }),
    pkce: { required: () => true },
    cookies: { keys: ["test-cookie-key"] },
    // Explicit lifetimes and keys keep the provider from printing its development notices.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    jwks: { keys: [{ ...(await exportJWK((await generateKeyPair("RS256", { extractable: true })).privateKey)), kid: "op-1", alg: "RS256", use: "sig" }] },
  });
  server.on("request", provider.callback());
  return { issuer, server };
}

/** Drives the browser's part with fetch: authorize → login form → consent form → redirect back with code and state. */
async function authorize(authorizationUrl: string, login: string, redirectUri: string): Promise<{ code: string; state: string }> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUri)) {
      const back = new URL(url).searchParams;
      return { code: back.get("code")!, state: back.get("state")! };
    }
    const res = await fetch(url, {
      redirect: "manual",
      method: body ? "POST" : "GET",
      body,
      headers: { cookie: cookie(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    });
    keep(res);
    body = undefined;
    const location = res.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected page ${res.status}: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll("&amp;", "&"), url).toString();
    body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
  }
  throw new Error("too many redirects");
}

describe("identity: sign-in with OpenID Connect (authorization code + PKCE)", function () {
  this.timeout(30_000);
  const redirectUri = "http://127.0.0.1:9/v1/auth/oidc/callback";
  const accounts = new Map<string, Claims>();
  let op: { issuer: string; server: Server };
  let h: Harness;
  const nc = () => h.svc.nats.nc;

  before(async () => {
    op = await startProvider(accounts, redirectUri);
    h = await startIdentity({
      OIDC_PROVIDERS: JSON.stringify([{ id: "test-op", name: "Test OP", issuer: op.issuer, clientId: "convene", clientSecret: "convene-secret", redirectUri }]),
    });
  });
  after(async () => {
    await h.stop();
    op.server.closeAllConnections();
    await new Promise((r) => op.server.close(r));
  });

  /** A provider account with these claims, signed in through the whole flow; returns the callback reply. */
  async function signInAs(claims: Claims, sub = randomUUID()) {
    accounts.set(sub, claims);
    const start = await call(nc(), identity.oidcStart, { provider: "test-op" });
    const url = new URL(start.authorizationUrl);
    expect(url.searchParams.get("code_challenge_method")).to.equal("S256");
    expect(url.searchParams.get("state")).to.equal(start.state);
    const back = await authorize(start.authorizationUrl, sub, redirectUri);
    return {
      sub,
      back,
      verifier: start.verifier,
      done: () => call(nc(), identity.oidcCallback, { state: back.state, code: back.code, verifier: start.verifier }),
    };
  }

  it("lists the configured providers", async () => {
    expect(await call(nc(), identity.oidcProviders, {})).to.deep.equal({ providers: [{ id: "test-op", name: "Test OP" }] });
  });

  it("creates a verified account on first sign-in and signs the same account in the next time", async () => {
    const email = newEmail("oidc");
    const { sub, done } = await signInAs({ email, email_verified: true, name: "Olga" });
    const first = await done();
    expect(first).to.deep.include({ newAccount: true });
    expect(first.user).to.deep.include({ email, displayName: "Olga", roles: ["participant"] });
    const jwks = createLocalJWKSet((await call(nc(), identity.keysList, {})) as JSONWebKeySet);
    expect((await jwtVerify(first.accessToken, jwks, { algorithms: ["ES256"], issuer: "convene", audience: "convene-api", typ: "at+jwt" })).payload.sub).to
      .equal(first.user.id);
    const me = await call(nc(), identity.accountsGet, {}, { principal: { sub: first.user.id, roles: first.user.roles } });
    expect(me).to.include({ emailVerified: true, hasPassword: false });
    const registered = await h.event<{ userId: string; sealedVerificationToken?: string }>("evt.user.registered", (d) => d.userId === first.user.id);
    expect(registered.data.sealedVerificationToken, "the provider vouched for the email").to.equal(undefined);

    const again = await (await signInAs({ email, email_verified: true }, sub)).done();
    expect([again.newAccount, again.user.id]).to.deep.equal([false, first.user.id]);
  });

  it("lets an account without a password change two-factor only within 10 minutes of signing in (finding 10)", async () => {
    const email = newEmail("oidc-2fa");
    const signedIn = await (await signInAs({ email, email_verified: true, name: "Prov" })).done();
    const principal = { sub: signedIn.user.id, roles: signedIn.user.roles };
    const sid = JSON.parse(Buffer.from(signedIn.accessToken.split(".")[1], "base64url").toString()).sid as string;
    const refused = async (input: Record<string, unknown>) =>
      call(nc(), identity.totpEnrol, input as never, { principal }).then(() => "enrolled", (e: { code: string }) => e.code);
    // The token alone: no password to prove, no session to show.
    expect(await refused({})).to.equal("reauthentication_required");
    // The session just signed in: enough.
    expect(await refused({ sessionId: sid })).to.equal("enrolled");
    // The same session, its sign-in now 11 minutes old (refreshes keep the family's first row).
    const family = await h.db("sessions").where({ id: sid }).first("family_id");
    await h.db("sessions").where({ family_id: family.family_id }).update({ created_at: new Date(Date.now() - 11 * 60_000) });
    expect(await refused({ sessionId: sid })).to.equal("reauthentication_required");
    // Another (provider-only, freshly signed-in) user showing this session: it is not theirs.
    const other = await (await signInAs({ email: newEmail("oidc-2fa-other"), email_verified: true, name: "Other" })).done();
    const asOther = { sub: other.user.id, roles: other.user.roles };
    expect(await call(nc(), identity.totpEnrol, { sessionId: sid } as never, { principal: asOther }).then(() => "enrolled", (e: { code: string }) => e.code)).to
      .equal("reauthentication_required");
  });

  it("links an existing account by a verified email, dropping a password nobody proved the email for", async () => {
    const u = await h.signUp();
    const linked = await (await signInAs({ email: u.email, email_verified: true })).done();
    expect([linked.newAccount, linked.user.id]).to.deep.equal([false, u.id]);
    expect((await fail(call(nc(), identity.sessionsCreate, { email: u.email, password }))).status, "the squatter's password is gone").to.equal(401);
    expect((await fail(call(nc(), identity.sessionsRefresh, { refreshToken: u.refreshToken }))).status, "and so are its sessions").to.equal(401);
    await h.event("evt.user.email_verified", (d: { userId: string }) => d.userId === u.id);
  });

  it("refuses to link an existing account when the provider does not vouch for the email", async () => {
    const u = await h.signUp();
    const err = await fail((await signInAs({ email: u.email, email_verified: false })).done());
    expect([err.code, err.status]).to.deep.equal(["oidc_email_unverified", 409]);
    expect((await call(nc(), identity.sessionsCreate, { email: u.email, password })).user.id, "the account is untouched").to.equal(u.id);
  });

  it("accepts a callback once", async () => {
    const { done } = await signInAs({ email: newEmail("oidc"), email_verified: true });
    await done();
    expect((await fail(done())).status).to.equal(401);
  });

  it("refuses a callback from a client that did not start the sign-in (state bound to its verifier; finding 6)", async () => {
    const { back, verifier, done } = await signInAs({ email: newEmail("oidc"), email_verified: true });
    // Someone else holding the callback URL (leaked, or planted for login CSRF) has no verifier.
    const other = await fail(call(nc(), identity.oidcCallback, { state: back.state, code: back.code, verifier: "x".repeat(43) }));
    expect(other.status).to.equal(401);
    expect(verifier).to.not.equal(back.state);
    // The failed try did not use the state up: the client that started it still finishes.
    expect((await done()).user.email).to.be.a("string");
  });

  it("fails when the code verifier does not match the challenge (PKCE enforced by the provider)", async () => {
    const { back, verifier } = await signInAs({ email: newEmail("oidc"), email_verified: true });
    await h.db("oidc_states").where({ state: back.state }).update({ code_verifier: "x".repeat(43) });
    const err = await fail(call(nc(), identity.oidcCallback, { state: back.state, code: back.code, verifier }));
    expect([err.status, err.message]).to.deep.equal([401, "the sign-in provider refused the code (invalid_grant)"]);
  });

  it("refuses an unknown provider", async () => {
    expect((await fail(call(nc(), identity.oidcStart, { provider: "nope" }))).status).to.equal(400);
  });
});
