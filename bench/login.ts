/**
 * What signing in and checking a token cost. In one run, on a real NATS and Postgres:
 *   - logins (svc.identity.sessions.create over NATS: throttle check, argon2id verify, session row, ES256
 *     signature) against their floor, a bare argon2id verify with the same parameters
 *     (m=19456 KiB, t=2, p=1): the cost is deliberate, so it is reported, not targeted;
 *   - access-token verifications the way the edge does them (jose jwtVerify with the key already
 *     imported, algorithms ES256, iss, aud, typ) against decoding the same token without checking.
 *   npx node bench/login.ts [--seconds 3] [--rounds 3] [--in-flight 8]
 */
import { parseArgs } from "node:util";
import { availableParallelism } from "node:os";
import argon2 from "argon2";
import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, jwtVerify } from "jose";
import { run } from "../services/kit/run.ts";
import { call } from "../services/kit/call.ts";
import { identity } from "../subjects/identity.ts";
import { identityService } from "../services/identity/index.ts";
import { hashPassword } from "../services/identity/passwords.ts";
import { startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { closedLoop, median, type Sample, table } from "./harness.ts";

/** Contenders interleaved round by round (they share each moment's noise); the median round of each, and the median per-round ratio a/b. */
async function interleaved(contenders: Record<string, () => Promise<unknown>>, opts: { inFlight: number; seconds: number; rounds: number }) {
  for (const fn of Object.values(contenders)) await closedLoop(fn, { inFlight: opts.inFlight, seconds: 1 });
  const runs: Record<string, Sample[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < opts.rounds; r++) for (const [name, fn] of Object.entries(contenders)) runs[name].push(await closedLoop(fn, opts));
  const med: Record<string, Sample> = {};
  for (const [name, samples] of Object.entries(runs)) med[name] = [...samples].sort((a, b) => a.rps - b.rps)[Math.floor(samples.length / 2)];
  const ratio = (a: string, b: string) => median(runs[a].map((s, i) => s.rps / runs[b][i].rps));
  return { med, ratio };
}

const { values: args } = parseArgs({
  options: { seconds: { type: "string", default: "3" }, rounds: { type: "string", default: "3" }, "in-flight": { type: "string", default: "8" } },
});
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);
const inFlight = Number(args["in-flight"]);
const password = "correct horse battery staple";

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const nats = await startNats({ open: true });
const pg = await createDatabase("convene_bench");
const svc = await run([identityService], { NATS_URL: nats.url, DATABASE_URL: pg.url, HTTP_PORT: "0", LOG_LEVEL: "silent", SERVICES: "identity" }, {
  listen: false,
});
try {
  const nc = svc.nats.nc;
  const users = 64;
  const emails = Array.from({ length: users }, (_, i) => `bench-${i}@example.org`);
  for (let i = 0; i < users; i += 8) {
    await Promise.all(emails.slice(i, i + 8).map((email) => call(nc, identity.accountsRegister, { email, password, displayName: "Bench" })));
  }
  const hash = await hashPassword(password);
  let next = 0;

  console.log(
    `logins: ${inFlight} in flight, ${seconds} s × ${rounds} rounds, ${availableParallelism()} CPUs, libuv pool ${process.env.UV_THREADPOOL_SIZE ?? 4}`,
  );
  const logins = await interleaved(
    {
      "svc.identity.sessions.create": () => call(nc, identity.sessionsCreate, { email: emails[next++ % users], password }),
      "argon2id verify alone (floor)": () => argon2.verify(hash, password),
    },
    { inFlight, seconds, rounds },
  );
  console.log(table(logins.med));

  const token = (await call(nc, identity.sessionsCreate, { email: emails[0], password })).accessToken;
  // The edge's path: keys fetched once over NATS and kept, each request only verifies.
  const jwks = createLocalJWKSet((await call(nc, identity.keysList, {})) as JSONWebKeySet);
  const options = { algorithms: ["ES256"], issuer: "convene", audience: "convene-api", typ: "at+jwt" };
  await jwtVerify(token, jwks, options);
  console.log(`\nverifications: 32 in flight, ${seconds} s × ${rounds} rounds`);
  const verifications = await interleaved(
    {
      "jwtVerify ES256 (cached key)": () => jwtVerify(token, jwks, options),
      "decodeJwt, no signature (ceiling)": async () => decodeJwt(token),
    },
    { inFlight: 32, seconds, rounds },
  );
  console.log(table(verifications.med));

  const login = logins.med["svc.identity.sessions.create"];
  const floor = logins.med["argon2id verify alone (floor)"];
  const verify = verifications.med["jwtVerify ES256 (cached key)"];
  const result = {
    logins_per_s: Math.round(login.rps),
    login_p99_ms: Number(login.p99.toFixed(1)),
    argon2_verifies_per_s: Math.round(floor.rps),
    login_vs_argon2: Number(logins.ratio("svc.identity.sessions.create", "argon2id verify alone (floor)").toFixed(2)),
    verifications_per_s: Math.round(verify.rps),
    verify_p99_ms: Number(verify.p99.toFixed(2)),
    verify_vs_decode: Number(verifications.ratio("jwtVerify ES256 (cached key)", "decodeJwt, no signature (ceiling)").toFixed(3)),
    errors: login.errors + verify.errors,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await svc.stop();
  await Promise.allSettled([nats.stop(), pg.drop()]);
}
