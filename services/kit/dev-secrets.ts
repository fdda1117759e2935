/**
 * Development stand-ins for secrets (a known default, a missing key): fine on a laptop, a hole in
 * production, where anyone who read the repository holds the key. Outside production each one is
 * logged; in production (NODE_ENV=production, which the image sets) the process refuses to start,
 * naming every one. `make up` writes real local values into ./.data/secrets.env instead.
 */
import { ConfigError } from "./config.ts";
import type { Logger } from "./log.ts";

export type DevSecret = { name: string; insecure: boolean; why: string };

export function refuseDevelopmentSecrets(env: { NODE_ENV?: string }, log: Logger, secrets: Array<DevSecret & { service?: string }>): void {
  const found = secrets.filter((s) => s.insecure);
  if (!found.length) return;
  if (env.NODE_ENV === "production") {
    throw new ConfigError(`invalid environment: ${found.map((s) => `${s.name} ${s.why}`).join("; ")} (NODE_ENV=production refuses development secrets)`);
  }
  for (const s of found) log.warn({ service: s.service }, `${s.name} ${s.why}: development only (production refuses to start)`);
}
