/**
 * TLS to NATS (issue 14: "TLS in production"). A nats-server with a certificate from a CA this
 * test makes (openssl from the machine), verifying clients' certificates: a service started with
 * NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE answers over it; a client without the
 * CA, or without a client certificate, is refused.
 */
import { expect } from "chai";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Type } from "@sinclair/typebox";
import { request } from "../../subjects/contract.ts";
import { call } from "../../services/kit/call.ts";
import { connect } from "@nats-io/transport-node";
import { defineService, NoEnv } from "../../services/kit/service.ts";
import { endpoint } from "../../services/kit/serve.ts";
import { run, type Running } from "../../services/kit/run.ts";
import { createLogger } from "../../services/kit/log.ts";
import { natsServerConfig } from "../../deploy/nats-conf.ts";
import { freePort, waitForPort } from "../support/nats-server.ts";
import { testPrincipalKeys } from "../support/env.ts";

const Ping = request({
  subject: "svc.kittls.ping",
  description: "Answers pong.",
  request: Type.Object({}),
  reply: Type.Object({ pong: Type.Boolean() }),
  idempotent: true,
});
const pinger = defineService({
  name: "kittls",
  version: "1.0.0",
  description: "Answers over TLS.",
  env: NoEnv,
  setup: async () => ({ endpoints: [endpoint(Ping, async () => ({ pong: true }))] }),
});

describe("kit: NATS over TLS", function () {
  this.timeout(60_000);
  let dir = "";
  let port = 0;
  let server: ChildProcess | undefined;
  const file = (name: string) => join(dir, name);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "convene-nats-tls-"));
    const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
    const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    openssl("req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=convene-test-ca", "-days", "1");
    for (
      const [name, ext] of [["server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth"], ["client", "extendedKeyUsage=clientAuth"]]
    ) {
      writeFileSync(file(`${name}.ext`), `${ext}\n`);
      openssl("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
      openssl(
        "x509",
        "-req",
        "-in",
        `${name}.csr`,
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        `${name}.crt`,
        "-days",
        "1",
        "-extfile",
        `${name}.ext`,
      );
    }
    port = await freePort();
    // An open server (no users): what is under test here is the transport. nats.js names 127.0.0.1 localhost in its TLS check.
    const conf = JSON.parse(natsServerConfig({ host: "127.0.0.1", port, storeDir: dir, users: [] })) as Record<string, unknown>;
    delete conf.authorization;
    conf.tls = { cert_file: file("server.crt"), key_file: file("server.key"), ca_file: file("ca.crt"), verify: true, timeout: 2 };
    writeFileSync(file("nats.conf"), JSON.stringify(conf));
    server = spawn("nats-server", ["-c", file("nats.conf")], { stdio: "ignore" });
    await waitForPort(port, 10_000);
  });
  after(() => {
    server?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs a service over TLS with NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE", async () => {
    let running: Running | undefined;
    try {
      running = await run([pinger], {
        NATS_URL: `tls://127.0.0.1:${port}`,
        NATS_TLS_CA_FILE: file("ca.crt"),
        NATS_TLS_CERT_FILE: file("client.crt"),
        NATS_TLS_KEY_FILE: file("client.key"),
        HTTP_PORT: "0",
        OPS_PORT: "0",
        ...testPrincipalKeys,
      }, { listen: false, log: createLogger({ name: "kit-tls", level: "silent" }) });
      const nc = running.connections.get("kittls")!.nc;
      expect(nc.info?.tls_required, "the server requires TLS").to.equal(true);
      expect(await call(nc, Ping, {})).to.deep.equal({ pong: true });
    } finally {
      await running?.stop();
    }
  });

  it("refuses a client that does not trust the server's CA, and one without a client certificate", async () => {
    const attempt = (tls: { caFile?: string; certFile?: string; keyFile?: string }) =>
      connect({ servers: `127.0.0.1:${port}`, tls, maxReconnectAttempts: 0, timeout: 5_000 }).then(
        async (nc) => (await nc.close(), "connected"),
        (e: Error) => e.message,
      );
    expect(await attempt({ certFile: file("client.crt"), keyFile: file("client.key") })).to.not.equal("connected");
    expect(await attempt({ caFile: file("ca.crt") })).to.not.equal("connected");
    // The control: with both it connects.
    expect(await attempt({ caFile: file("ca.crt"), certFile: file("client.crt"), keyFile: file("client.key") })).to.equal("connected");
  });
});
