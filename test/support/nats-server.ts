/**
 * An isolated nats-server with JetStream for one test run: a free port, a temporary store, gone
 * at the end. It can be killed and restarted on the same port and store, for chaos tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type TestNats = {
  url: string;
  port: number;
  storeDir: string;
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

export async function startNats(): Promise<TestNats> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), "convene-nats-"));
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    child = spawn(binary(), ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir], { stdio: ["ignore", "ignore", "pipe"] });
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
