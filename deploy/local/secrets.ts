/**
 * Local secrets for `make up`: written once into ./.data/secrets.env (mode 600) and read by the
 * Makefile before the platform starts, so nothing a running instance trusts is a constant in
 * the repository. A value already in the file is kept; a missing one is added. Production sets
 * the same variables from its own secret store (docs/operations.md).
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import process from "node:process";
import { generatePrincipalKeys } from "../../services/kit/principal-token.ts";
import { createNkey } from "../../services/kit/nats.ts";

/** Each group is made together (a key pair) when any of its variables is missing. */
export const secretGroups: Array<{ vars: string[]; make: () => Record<string, string> }> = [
  { vars: ["PRINCIPAL_SIGNING_KEY", "PRINCIPAL_VERIFY_KEYS"], make: generatePrincipalKeys },
  // The keys production refuses to run without (kit/dev-secrets.ts), each random per checkout.
  { vars: ["TOTP_ENCRYPTION_KEYS"], make: () => ({ TOTP_ENCRYPTION_KEYS: randomBytes(32).toString("base64") }) },
  { vars: ["IDEMPOTENCY_HMAC_KEY"], make: () => ({ IDEMPOTENCY_HMAC_KEY: randomBytes(32).toString("base64") }) },
  { vars: ["UNSUBSCRIBE_SECRET"], make: () => ({ UNSUBSCRIBE_SECRET: randomBytes(32).toString("base64url") }) },
  { vars: ["WEB_SESSION_SECRET"], make: () => ({ WEB_SESSION_SECRET: randomBytes(32).toString("base64url") }) },
  { vars: ["BOOKINGS_TICKET_KEY"], make: () => ({ BOOKINGS_TICKET_KEY: randomBytes(32).toString("base64url") }) },
  // One list for identity (seals link tokens) and notifications (opens them to mail the link).
  { vars: ["LINK_SEALING_KEYS"], make: () => ({ LINK_SEALING_KEYS: randomBytes(32).toString("base64") }) },
];

/** Reads a KEY=value file (no quoting: the values are base64 or hex). */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Makes sure `path` holds every secret, and a NATS nkey seed for each of `services`; returns them all. */
export function ensureSecrets(path: string, services: string[] = []): Record<string, string> {
  const have = readEnvFile(path);
  let changed = false;
  // NATS_NKEY_SEEDS: an nkey seed per service (a service added later gets one on the next run).
  const seeds = (have.NATS_NKEY_SEEDS ?? "").split(",").filter(Boolean);
  const named = new Set(seeds.map((c) => c.split(":")[0]));
  for (const s of services) {
    if (named.has(s)) continue;
    seeds.push(`${s}:${createNkey().seed}`);
    changed = true;
  }
  if (seeds.length) have.NATS_NKEY_SEEDS = seeds.join(",");
  // And the NATS user that creates and updates the platform's streams (kit/bus.ts STREAMS_USER).
  if (services.length && !have.NATS_STREAMS_NKEY_SEED) {
    have.NATS_STREAMS_NKEY_SEED = createNkey().seed;
    changed = true;
  }
  // The NATS passwords of an older checkout: nkeys replaced them.
  if (have.NATS_CREDENTIALS !== undefined) {
    delete have.NATS_CREDENTIALS;
    changed = true;
  }
  for (const g of secretGroups) {
    if (g.vars.every((v) => have[v])) continue;
    Object.assign(have, g.make());
    changed = true;
  }
  if (changed || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const body = Object.entries(have).map(([k, v]) => `${k}=${v}`).join("\n");
    writeFileSync(path, `# Local secrets of make up (deploy/local/secrets.ts); never commit, never reuse in production.\n${body}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  return have;
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  const path = resolve(process.argv[2] ?? ".data/secrets.env");
  const { registry } = await import("../../services/registry.ts");
  ensureSecrets(path, registry.map((d) => d.name));
  process.stdout.write(`local secrets in ${path}\n`);
}
