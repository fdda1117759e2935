/**
 * The NATS server's users, generated from the services' definitions (services/kit/bus.ts): one
 * nkey user per service, with the permissions its `bus` declaration gives it. A service proves
 * its identity by signing the server's nonce with its seed (NATS_NKEY_SEEDS / NATS_NKEY_SEED);
 * the server holds only public keys, so its configuration holds no secret. Anonymous connections
 * are refused (every client must be a user). `make up` (deploy/local/ensure-nats.sh), the test
 * harness (test/support/nats-server.ts) and the Helm chart (helm/convene/values.yaml, checked by
 * helm/test) all use this, so the permissions the tests prove are those that run.
 *
 *   node deploy/nats-conf.ts <secrets.env> <out.conf> <host> <port> <store-dir>
 *   node deploy/nats-conf.ts --helm              # rewrites the users block of helm/convene/values.yaml
 *   node deploy/nats-conf.ts --secret <out.yaml> # a Secret convene-nats-nkeys with fresh seeds (mode 600)
 */
import { writeFileSync } from "node:fs";
import process from "node:process";
import { type Permissions, permissionsOf, STREAMS_USER, streamsPermissions } from "../services/kit/bus.ts";
import { createNkey, nkeyPublicKey } from "../services/kit/nats.ts";
import type { ServiceDefinition } from "../services/kit/service.ts";

/** A nats-server user: its public nkey (U…) and what it may do (no permissions: everything, the tests' superuser). */
export type NatsUser = { nkey: string; permissions?: Permissions };

/** The NATS users of the platform: one per service, and the streams bootstrap (STREAMS_USER). */
export function userNames(defs: Array<Pick<ServiceDefinition, "name">>): string[] {
  return [...defs.map((d) => d.name), STREAMS_USER];
}

function permissionsOfUser(defs: Array<Pick<ServiceDefinition, "name" | "bus">>, name: string): Permissions {
  if (name === STREAMS_USER) return streamsPermissions();
  const def = defs.find((d) => d.name === name);
  if (!def) throw new Error(`no NATS user ${name}`);
  return permissionsOf(def.name, def.bus);
}

/**
 * One nkey user per service and one for the streams bootstrap, each public key derived from its
 * seed in `seeds` (user → seed).
 */
export function serviceUsers(defs: Array<Pick<ServiceDefinition, "name" | "bus">>, seeds: Map<string, string>): NatsUser[] {
  return userNames(defs).map((name) => {
    const seed = seeds.get(name);
    if (!seed) throw new Error(`no NATS nkey seed for ${name}`);
    return { nkey: nkeyPublicKey(seed), permissions: permissionsOfUser(defs, name) };
  });
}

/** A nats-server configuration (JSON is valid nats-server syntax) with JetStream and only these users. */
export function natsServerConfig(opts: { host: string; port: number; storeDir: string; users: NatsUser[]; maxPayload?: number }): string {
  return `${
    JSON.stringify(
      {
        host: opts.host,
        port: opts.port,
        ...(opts.maxPayload ? { max_payload: opts.maxPayload } : {}),
        jetstream: { store_dir: opts.storeDir },
        authorization: { users: opts.users },
      },
      null,
      2,
    )
  }\n`;
}

/** NATS_NKEY_SEEDS (service:seed, comma separated) as a map. */
export function parseSeeds(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (text ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const colon = pair.indexOf(":");
    if (colon > 0) map.set(pair.slice(0, colon), pair.slice(colon + 1));
  }
  return map;
}

/** The variable of the NATS pods holding a service's public nkey (helm/convene/values.yaml). */
export const nkeyVariable = (service: string) => `NATS_NKEY_${service.toUpperCase().replaceAll("-", "_")}`;

/** The Secret's key holding a service's public nkey (its seed is under the service's name). */
export const publicKeyOf = (service: string) => `${service}.pub`;

/**
 * The users block the Helm chart renders into the NATS server's configuration. Public keys are
 * not in values (they are made with the seeds, per installation): `<< $VAR >>` is the NATS
 * chart's raw literal, a variable of the NATS pods filled from the Secret convene-nats-nkeys
 * (key `<service>.pub`; docs/operations.md). The seeds (key `<service>`) go to the service pods only.
 */
export function helmUsers(defs: Array<Pick<ServiceDefinition, "name" | "bus">>): Array<{ nkey: string; permissions: Permissions }> {
  return userNames(defs).map((name) => ({ nkey: `<< $${nkeyVariable(name)} >>`, permissions: permissionsOfUser(defs, name) }));
}

/** The NATS pods' variables: one public nkey per service, from the Secret convene-nats-nkeys (key `<service>.pub`). */
export function helmNkeyEnv(defs: Array<Pick<ServiceDefinition, "name">>): Record<string, { valueFrom: { secretKeyRef: { name: string; key: string } } }> {
  return Object.fromEntries(
    userNames(defs).map((name) => [nkeyVariable(name), { valueFrom: { secretKeyRef: { name: "convene-nats-nkeys", key: publicKeyOf(name) } } }]),
  );
}

/** A Secret convene-nats-nkeys with a fresh nkey per user (userNames): `<user>` its seed, `<user>.pub` its public key. */
export function nkeySecret(services: string[], name = "convene-nats-nkeys"): string {
  const stringData: Record<string, string> = {};
  for (const s of services) {
    const { seed, publicKey } = createNkey();
    stringData[s] = seed;
    stringData[publicKeyOf(s)] = publicKey;
  }
  return `${JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name }, type: "Opaque", stringData }, null, 2)}\n`;
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  const { registry } = await import("../services/registry.ts");
  if (process.argv[2] === "--helm") {
    const { stringify } = await import("yaml");
    const { readFileSync } = await import("node:fs");
    const indent = (t: string, n: number) => `${t.trimEnd().split("\n").map((l) => (l ? " ".repeat(n) + l : l)).join("\n")}\n`;
    const users = indent(stringify({ authorization: { users: helmUsers(registry) } }, { lineWidth: 0 }), 6);
    const env = indent(stringify({ container: { env: helmNkeyEnv(registry) } }, { lineWidth: 0 }), 2);
    // Between `      authorization:` and the blank line ending the NATS section.
    const path = new URL("../helm/convene/values.yaml", import.meta.url);
    const s = readFileSync(path, "utf8");
    const from = s.indexOf("      authorization:\n");
    const marker = s.indexOf("  # The services' public nkeys");
    const end = s.indexOf("\n\n", marker);
    if (from < 0 || marker < 0 || end < 0) throw new Error("helm/convene/values.yaml: the generated NATS users block is not where expected");
    writeFileSync(path, s.slice(0, from) + users + s.slice(marker, s.indexOf("\n", marker) + 1) + env + s.slice(end + 1));
    process.stdout.write("rewrote the NATS users of helm/convene/values.yaml\n");
  } else if (process.argv[2] === "--secret") {
    const out = process.argv[3];
    if (!out) throw new Error("usage: node deploy/nats-conf.ts --secret <out.yaml>");
    writeFileSync(out, nkeySecret(userNames(registry)), { mode: 0o600 });
    process.stdout.write(`wrote ${out}: kubectl apply -f ${out}, then delete the file\n`);
  } else {
    const [secretsPath, out, host, port, storeDir] = process.argv.slice(2);
    if (!secretsPath || !out || !host || !port || !storeDir) {
      throw new Error("usage: node deploy/nats-conf.ts <secrets.env> <out.conf> <host> <port> <store-dir>");
    }
    const { ensureSecrets } = await import("./local/secrets.ts");
    const secrets = ensureSecrets(secretsPath, registry.map((d) => d.name));
    const seeds = parseSeeds(secrets.NATS_NKEY_SEEDS).set(STREAMS_USER, secrets.NATS_STREAMS_NKEY_SEED);
    writeFileSync(out, natsServerConfig({ host, port: Number(port), storeDir, users: serviceUsers(registry, seeds), maxPayload: 8 * 1024 * 1024 }), {
      mode: 0o600,
    });
    process.stdout.write(`wrote ${out}: one NATS nkey user per service (${registry.map((d) => d.name).join(", ")}) and the ${STREAMS_USER} user\n`);
  }
}
