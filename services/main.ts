/**
 * The one entry point: runs SERVICES (default all) in this process and shuts them down without
 * losing work on SIGTERM/SIGINT. Configuration errors stop the process with the variable named.
 */
import process from "node:process";
import { pick, run } from "./kit/run.ts";
import { ConfigError, loadKitConfig } from "./kit/config.ts";
import { createLogger } from "./kit/log.ts";
import { startTelemetry, stopTelemetry } from "./kit/trace.ts";
import { registry } from "./registry.ts";

async function main(): Promise<void> {
  const kit = loadKitConfig();
  const defs = pick(registry, kit.SERVICES);
  const log = createLogger({ name: "convene", level: kit.LOG_LEVEL });
  startTelemetry({
    serviceName: kit.OTEL_SERVICE_NAME ?? `convene-${kit.SERVICES === "all" ? "all" : defs.map((d) => d.name).join("+")}`,
    otlpEndpoint: kit.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const running = await run(defs, process.env, { log });
  log.info({ services: defs.map((d) => d.name), url: running.url, health: `${running.opsUrl}/readyz`, metrics: `${running.opsUrl}/metrics` }, "convene is up");

  let signals = 0;
  const shutdown = async (signal: string) => {
    if (signals++ > 0) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      log.error("shutdown took longer than SHUTDOWN_GRACE_MS + 5 s; exiting");
      process.exit(1);
    }, kit.SHUTDOWN_GRACE_MS + 5_000);
    force.unref();
    await running.stop();
    await stopTelemetry();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || (err instanceof Error && err.message.startsWith("SERVICES:"))) {
    process.stderr.write(`convene: ${err.message}\n`);
  } else {
    process.stderr.write(`convene: failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
});
