/**
 * Push through Firebase Cloud Messaging (firebase-admin, HTTP v1 API). In production the
 * credential comes from GOOGLE_APPLICATION_CREDENTIALS; with FCM_ENDPOINT set, every request goes
 * over plain HTTP/1.1 to that host instead (a local stand-in: firebase-admin has no emulator),
 * with a stub credential. The FCM reply decides: UNREGISTERED / INVALID_ARGUMENT drop the token,
 * 429 and 5xx are retried honouring Retry-After (firebase-admin itself already retries a 503 a
 * few times, honouring it too).
 */
import { randomUUID } from "node:crypto";
import https from "node:https";
import net from "node:net";
import { type App, applicationDefault, type Credential, deleteApp, initializeApp } from "firebase-admin/app";
import { getMessaging, type Messaging } from "firebase-admin/messaging";

/** `link` is the in-app deep link (path); `url` the same page on the web (web push needs an absolute https URL). */
export type PushMessage = { token: string; title: string; body: string; link: string; url: string; data: Record<string, string> };
export type PushOutcome = { outcome: "sent" } | { outcome: "drop-token"; error: string } | { outcome: "temporary"; error: string; retryAfterMs?: number } | {
  outcome: "permanent";
  error: string;
};
export type Pusher = { send(m: PushMessage): Promise<PushOutcome>; close(): Promise<void> };

/** An https agent whose sockets are plain TCP to the stand-in, whatever host the SDK asks for. */
class StandInAgent extends https.Agent {
  readonly target: URL;
  constructor(target: URL, sockets: number) {
    super({ keepAlive: true, maxSockets: sockets });
    this.target = target;
  }
  override createConnection(): net.Socket {
    return net.connect({ host: this.target.hostname, port: Number(this.target.port) || 80 });
  }
}

const stubCredential: Credential = { getAccessToken: async () => ({ access_token: "stand-in", expires_in: 3600 }) };

/** `sockets`: keep-alive connections to a stand-in (bench/fanout.ts tries more); Google's path uses Node's global agent. */
export function createPusher(opts: { projectId: string; endpoint?: string; sockets?: number }): Pusher {
  let app: App;
  if (opts.endpoint) {
    app = initializeApp(
      { credential: stubCredential, projectId: opts.projectId, httpAgent: new StandInAgent(new URL(opts.endpoint), opts.sockets ?? 64) },
      `notifications-${randomUUID()}`,
    );
  } else {
    app = initializeApp({ credential: applicationDefault(), projectId: opts.projectId }, `notifications-${randomUUID()}`);
  }
  const messaging: Messaging = getMessaging(app);
  // HTTP/1.1 (through the agent above); the default HTTP/2 client ignores httpAgent.
  if (opts.endpoint) messaging.enableLegacyHttpTransport();
  return {
    async send(m) {
      try {
        await messaging.send({
          token: m.token,
          notification: { title: clip(m.title, PUSH_TITLE_MAX), body: clip(m.body, PUSH_BODY_MAX) },
          data: { ...m.data, link: m.link },
          // The notification id as collapse key: a copy sent again after a crash replaces the
          // first on the device instead of showing twice.
          android: { collapseKey: m.data.nid, notification: { clickAction: "OPEN_LINK" } },
          apns: { headers: m.data.nid ? { "apns-collapse-id": m.data.nid } : {}, payload: { aps: { category: "OPEN_LINK" } } },
          webpush: { fcmOptions: { link: m.url } },
        });
        return { outcome: "sent" };
      } catch (err) {
        const e = err as Error & { code?: string; httpResponse?: { status?: number; headers?: Record<string, string> } };
        const code = e.code ?? "";
        const status = e.httpResponse?.status ?? 0;
        const error = `${code || status}: ${e.message}`.slice(0, 300);
        if (/registration-token-not-registered|invalid-registration-token|invalid-argument/.test(code) || status === 404) {
          return { outcome: "drop-token", error };
        }
        if (status === 429 || status >= 500 || /message-rate-exceeded|server-unavailable|internal-error|unknown-error/.test(code) || !status) {
          return { outcome: "temporary", error, retryAfterMs: retryAfter(e.httpResponse?.headers?.["retry-after"]) };
        }
        return { outcome: "permanent", error };
      }
    },
    close: () => deleteApp(app),
  };
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or malformed. */
export function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return s * 1_000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * FCM refuses a message over 4 KB, and devices show a line or two anyway: a long text (an
 * organizer's message, up to 5,000 characters) is cut; the inbox and the email keep all of it.
 */
const PUSH_TITLE_MAX = 150;
const PUSH_BODY_MAX = 500;
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
