/**
 * The NATS connection every process shares. It reconnects forever (with jitter, so a fleet does
 * not stampede a restarted server) and is drained on shutdown so nothing in flight is dropped.
 */
import { connect } from "@nats-io/transport-node";
import { type NatsConnection, nkeyAuthenticator, nkeys } from "@nats-io/nats-core";
import { jetstream, type JetStreamClient, type JetStreamManager, jetstreamManager } from "@nats-io/jetstream";
import { DUPLICATE_WINDOW_MS, type StreamName, streams } from "../../subjects/streams.ts";
import type { Logger } from "./log.ts";

export type Nats = { nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager };

export async function connectNats(opts: {
  servers: string;
  name: string;
  log?: Logger;
  /** The nkey seed (SU…) of the NATS user: a service's own (deploy/nats-conf.ts). */
  seed?: string;
  /** Replies to this connection's requests arrive under `<inboxPrefix>.>` (a service's own, kit/bus.ts). */
  inboxPrefix?: string;
  /**
   * TLS to the server (NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE, NATS_TLS_KEY_FILE): the CA that
   * signed the server's certificate and, where the server verifies clients, this client's own.
   * Any of them, or a `tls://` server URL, makes the connection refuse a server without TLS.
   */
  tls?: { caFile?: string; certFile?: string; keyFile?: string };
}): Promise<Nats> {
  const servers = opts.servers.split(",").map((s) => s.trim()).filter(Boolean);
  const tlsFiles = Object.fromEntries(Object.entries(opts.tls ?? {}).filter(([, v]) => v)) as NonNullable<typeof opts.tls>;
  const wantsTls = Object.keys(tlsFiles).length > 0 || servers.some((s) => s.startsWith("tls://"));
  const nc = await connect({
    // The Node transport knows no tls:// scheme: the scheme only asks for TLS, which `tls` requires.
    servers: servers.map((s) => s.replace(/^tls:\/\//, "nats://")),
    ...(wantsTls ? { tls: tlsFiles } : {}),
    name: opts.name,
    ...(opts.seed ? { authenticator: nkeyAuthenticator(new TextEncoder().encode(opts.seed)) } : {}),
    ...(opts.inboxPrefix ? { inboxPrefix: opts.inboxPrefix } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    reconnectJitter: 250,
    waitOnFirstConnect: true,
    // Async stack traces cost ~30% of request-reply throughput (bench/rpc.ts).
    noAsyncTraces: true,
  });
  if (opts.log) {
    const log = opts.log;
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === "disconnect" || s.type === "reconnect" || s.type === "error") log.warn({ nats: s.type }, "nats status");
      }
    })();
  }
  const jsm = await jetstreamManager(nc);
  return { nc, js: jetstream(nc), jsm };
}

/** A fresh user nkey: the seed a service keeps secret and the public key the server lists. */
export function createNkey(): { seed: string; publicKey: string } {
  const kp = nkeys.createUser();
  return { seed: new TextDecoder().decode(kp.getSeed()), publicKey: kp.getPublicKey() };
}

/** The public key (U…) of a user nkey seed (SU…); throws on anything else. */
export function nkeyPublicKey(seed: string): string {
  const kp = nkeys.fromSeed(new TextEncoder().encode(seed.trim()));
  const publicKey = kp.getPublicKey();
  if (!publicKey.startsWith("U")) throw new Error("not a user nkey seed (SU…)");
  return publicKey;
}

/**
 * Create or update the platform's streams; safe to call from every replica at boot. `maxAgeMs`
 * overrides a stream's retention (subjects/streams.ts); the kit's env allows whole days only, so
 * it stays far above the 2 h duplicate window (a shorter one, in tests, shortens the window too).
 */
export async function ensureStreams(jsm: JetStreamManager, maxAgeMs: Partial<Record<StreamName, number>> = {}): Promise<void> {
  for (const [key, s] of Object.entries(streams) as Array<[StreamName, (typeof streams)[StreamName]]>) {
    const maxAge = maxAgeMs[key] ?? s.maxAgeMs;
    const config = {
      name: s.name,
      subjects: [...s.subjects],
      description: s.description,
      max_age: maxAge * 1_000_000,
      // JetStream refuses a duplicate window longer than max_age.
      duplicate_window: Math.min(DUPLICATE_WINDOW_MS, maxAge) * 1_000_000,
    };
    try {
      await jsm.streams.info(s.name);
      await jsm.streams.update(s.name, config);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        await jsm.streams.add(config);
      } catch (addErr) {
        // Another replica created it between our info and add.
        if (!String(addErr).includes("already in use")) throw addErr;
      }
    }
  }
}

/** Waits until every platform stream exists (the streams user creates them, not services); throws after `timeoutMs`. */
export async function waitForStreams(jsm: JetStreamManager, timeoutMs: number, onWait?: (missing: string) => void): Promise<void> {
  const until = Date.now() + timeoutMs;
  let told = 0;
  for (const s of Object.values(streams)) {
    for (;;) {
      try {
        await jsm.streams.info(s.name);
        break;
      } catch (err) {
        if (!isNotFound(err)) throw err;
        if (Date.now() >= until) {
          throw new Error(
            `stream ${s.name} does not exist: the streams user creates the platform's streams (the migrations job, or a process with NATS_STREAMS_NKEY_SEED; docs/operations.md)`,
          );
        }
        if (Date.now() - told > 10_000) {
          onWait?.(s.name);
          told = Date.now();
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

function isNotFound(err: unknown): boolean {
  return /not found/i.test(String((err as Error)?.message ?? err));
}
