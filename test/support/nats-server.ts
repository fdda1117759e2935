/**
 * An isolated nats-server with JetStream for one test run: a free port, a temporary store, gone
 * at the end. It can be killed and restarted on the same port and store, for chaos tests.
 * It runs the configuration `make up` and the chart run (deploy/nats-conf.ts): one nkey user per
 * service with its permissions, no anonymous access, plus a test-only superuser (an nkey too)
 * for test code.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect as tcpConnect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { natsServerConfig, serviceUsers } from "../../deploy/nats-conf.ts";
import { registry } from "../../services/registry.ts";
import { createNkey } from "../../services/kit/nats.ts";
import { STREAMS_USER } from "../../services/kit/bus.ts";

export type TestNats = {
  url: string;
  port: number;
  storeDir: string;
  /** NATS_NKEY_SEEDS of every service (each connects as its own user, with its permissions). */
  seeds?: string;
  /** NATS_STREAMS_NKEY_SEED: the user that creates and updates the platform's streams. */
  streamsSeed?: string;
  /** The test-only superuser's nkey seed: test code publishes, subscribes and stubs responders anywhere. */
  superuser?: { seed: string };
  /** SIGKILL the server (the store survives). */
  kill(): Promise<void>;
  /** Start it again on the same port and store. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function binary(): string {
  return process.env.NATS_SERVER_BIN ?? "nats-server";
}

/**
 * `open`: no authentication and no permissions at all, for benchmarks on loopback that measure
 * the kit against raw NATS (each says so where it starts one). Tests and `make up` never run open.
 */
export async function startNats(opts: { open?: boolean } = {}): Promise<TestNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), "convene-nats-"));
  let child: ChildProcess | undefined;
  const seeds = new Map(registry.map((d) => [d.name, createNkey().seed]));
  const superuser = createNkey();
  const streamsSeed = createNkey().seed;
  const confPath = join(storeDir, "nats.conf");
  if (!opts.open) {
    const users = [...serviceUsers(registry, new Map([...seeds, [STREAMS_USER, streamsSeed]])), { nkey: superuser.publicKey }];
    writeFileSync(confPath, natsServerConfig({ host: "127.0.0.1", port, storeDir, users }));
  }
  // NATS_SERVER_LOG=<file>: the server's log (permission violations are logged as errors).
  const logArgs = process.env.NATS_SERVER_LOG ? ["-l", process.env.NATS_SERVER_LOG] : [];

  async function launch(): Promise<void> {
    const args = opts.open ? ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir] : ["-c", confPath];
    child = spawn(binary(), [...args, ...logArgs], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += String(d)));
    const exited = new Promise<never>((_, reject) => child!.once("exit", (code) => reject(new Error(`nats-server exited (${code}): ${stderr.slice(-500)}`))));
    await Promise.race([waitForPort(port, 10_000), exited]);
  }

  async function kill(): Promise<void> {
    const c = child;
    // A process killed by a signal keeps exitCode null (signalCode is set): without this check a
    // second kill(), or stop() after kill(), waits forever for an exit that already happened.
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await gone;
  }

  await launch();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    ...(opts.open ? {} : { seeds: [...seeds].map(([s, seed]) => `${s}:${seed}`).join(","), streamsSeed, superuser: { seed: superuser.seed } }),
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = tcpConnect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}
