/** Runs the migrations of SERVICES (default all) and exits: the Helm pre-install/pre-upgrade Job. */
import process from "node:process";
import { migrateOnly, pick } from "./kit/run.ts";
import { loadKitConfig } from "./kit/config.ts";
import { registry } from "./registry.ts";

try {
  const kit = loadKitConfig();
  await migrateOnly(pick(registry, kit.SERVICES), process.env);
  process.stdout.write("migrations applied\n");
} catch (err) {
  process.stderr.write(`convene migrate: ${(err as Error).message}\n`);
  process.exit(1);
}
