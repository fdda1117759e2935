/**
 * The NATS server's users, generated from the services' definitions (services/kit/bus.ts): one
 * user per service, named after it, with the permissions its `bus` declaration gives it.
 * Anonymous connections are refused (every client must be a user). `make up`
 * (deploy/local/ensure-nats.sh), the test harness (test/support/nats-server.ts) and the Helm
 * chart (helm/convene/values.yaml, checked by helm/test) all use this, so the permissions the
 * tests prove are those that run.
 *
 *   node deploy/nats-conf.ts <secrets.env> <out.conf> <host> <port> <store-dir>
 *   node deploy/nats-conf.ts --helm    # rewrites the users block of helm/convene/values.yaml
 */
import { writeFileSync } from "node:fs";
import process from "node:process";
import { permissionsOf, type Permissions } from "../services/kit/bus.ts";
import type { ServiceDefinition } from "../services/kit/service.ts";

export type NatsUser = { user: string; password: string; permissions?: Permissions };

/** One user per service, with its password from `passwords` (service → password). */
export function serviceUsers(defs: Array<Pick<ServiceDefinition, "name" | "bus">>, passwords: Map<string, string>): NatsUser[] {
  return defs.map((d) => {
    const password = passwords.get(d.name);
    if (!password) throw new Error(`no NATS password for ${d.name}`);
    return { user: d.name, password, permissions: permissionsOf(d.name, d.bus) };
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

/** NATS_CREDENTIALS (service:password, comma separated) as a map. */
export function parseCredentials(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (text ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const colon = pair.indexOf(":");
    if (colon > 0) map.set(pair.slice(0, colon), pair.slice(colon + 1));
  }
  return map;
}

/** The environment variable of the NATS pods holding a service's password (helm/convene/values.yaml). */
export const passwordVariable = (service: string) => `NATS_PASSWORD_${service.toUpperCase().replaceAll("-", "_")}`;

/**
 * The users block the Helm chart renders into the NATS server's configuration. Passwords are
 * not in values: `<< $VAR >>` is the NATS chart's raw literal, a variable of the NATS pods
 * filled from the Secret convene-nats-users (docs/operations.md).
 */
export function helmUsers(defs: Array<Pick<ServiceDefinition, "name" | "bus">>): Array<{ user: string; password: string; permissions: Permissions }> {
  return defs.map((d) => ({ user: d.name, password: `<< $${passwordVariable(d.name)} >>`, permissions: permissionsOf(d.name, d.bus) }));
}

/** The NATS pods' variables: one password per service, from the Secret convene-nats-users (key = service). */
export function helmPasswordEnv(defs: Array<Pick<ServiceDefinition, "name">>): Record<string, { valueFrom: { secretKeyRef: { name: string; key: string } } }> {
  return Object.fromEntries(defs.map((d) => [passwordVariable(d.name), { valueFrom: { secretKeyRef: { name: "convene-nats-users", key: d.name } } }]));
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  const { registry } = await import("../services/registry.ts");
  if (process.argv[2] === "--helm") {
    const { stringify } = await import("yaml");
    const { readFileSync } = await import("node:fs");
    const indent = (t: string, n: number) => `${t.trimEnd().split("\n").map((l) => (l ? " ".repeat(n) + l : l)).join("\n")}\n`;
    const users = indent(stringify({ authorization: { users: helmUsers(registry) } }, { lineWidth: 0 }), 6);
    const env = indent(stringify({ container: { env: helmPasswordEnv(registry) } }, { lineWidth: 0 }), 2);
    // Between `      authorization:` and the blank line ending the NATS section.
    const path = new URL("../helm/convene/values.yaml", import.meta.url);
    const s = readFileSync(path, "utf8");
    const from = s.indexOf("      authorization:\n");
    const marker = s.indexOf("  # The services' NATS passwords");
    const end = s.indexOf("\n\n", marker);
    if (from < 0 || marker < 0 || end < 0) throw new Error("helm/convene/values.yaml: the generated NATS users block is not where expected");
    writeFileSync(path, s.slice(0, from) + users + s.slice(marker, s.indexOf("\n", marker) + 1) + env + s.slice(end + 1));
    process.stdout.write("rewrote the NATS users of helm/convene/values.yaml\n");
  } else {
    const [secretsPath, out, host, port, storeDir] = process.argv.slice(2);
    if (!secretsPath || !out || !host || !port || !storeDir) throw new Error("usage: node deploy/nats-conf.ts <secrets.env> <out.conf> <host> <port> <store-dir>");
    const { ensureSecrets } = await import("./local/secrets.ts");
    const secrets = ensureSecrets(secretsPath, registry.map((d) => d.name));
    writeFileSync(out, natsServerConfig({ host, port: Number(port), storeDir, users: serviceUsers(registry, parseCredentials(secrets.NATS_CREDENTIALS)), maxPayload: 8 * 1024 * 1024 }), { mode: 0o600 });
    process.stdout.write(`wrote ${out}: one NATS user per service (${registry.map((d) => d.name).join(", ")})\n`);
  }
}
