/**
 * Runs the migrations of SERVICES (default all) and exits: the Helm pre-install/pre-upgrade Job.
 * With NATS_STREAMS_NKEY_SEED it also creates or updates the platform's streams, as the only NATS
 * user allowed to (services wait for them at boot).
 */
import process from "node:process";
import { bootstrapStreams, migrateOnly, pick } from "./kit/run.ts";
import { loadKitConfig } from "./kit/config.ts";
import { registry } from "./registry.ts";

try {
  const kit = loadKitConfig();
  await migrateOnly(pick(registry, kit.SERVICES), process.env);
  process.stdout.write("migrations applied\n");
  if (kit.NATS_STREAMS_NKEY_SEED) {
    await bootstrapStreams(kit);
    process.stdout.write("streams created or updated\n");
  }
} catch (err) {
  process.stderr.write(`convene migrate: ${(err as Error).message}\n`);
  process.exit(1);
}
