/**
 * The raw senders bench/fanout.ts compares the channels with, run as their own process (as the
 * workers are): what the FCM stand-in and the SMTP sink take from one client that does nothing
 * else. Not a benchmark by itself; bench/fanout.ts spawns it and reads its `RAW {json}` line.
 *
 *   node bench/fanout-raw.ts <mode> <url> <messages> <in-flight> [connections]
 *
 * Modes:
 * - fcm-http   plain node:http POSTs with keep-alive (an Agent of `connections` sockets) of the
 *              body firebase-admin sends for one of our pushes;
 * - fcm-sdk    the service's own pusher (channels/push.ts: firebase-admin `send`, HTTP/1.1 over
 *              an agent of `connections` sockets);
 * - fcm-sdk-h2 firebase-admin `sendEach` on its HTTP/2 transport (one session per call), pointed
 *              at the stand-in's cleartext HTTP/2 port, `in-flight` messages per call;
 * - smtp       nodemailer's pooled transport (`connections` connections) sending the email the
 *              service renders for the same notice, directly.
 * The messages carry what the service's would (same template, headers, sizes), rendered once
 * before the clock starts.
 */
import http from "node:http";
import http2 from "node:http2";
import { randomUUID } from "node:crypto";
import process from "node:process";
import nodemailer from "nodemailer";
import { type Credential, deleteApp, initializeApp } from "firebase-admin/app";
import { getMessaging, type Message } from "firebase-admin/messaging";
import { createTemplates } from "../services/notifications/channels/templates.ts";
import { createPusher } from "../services/notifications/channels/push.ts";
import { eventParams, eventRowOf } from "../services/notifications/event-params.ts";
import { eventFacts } from "../services/notifications/test/support/facts.ts";

const [mode, url, nArg, inFlightArg, connArg] = process.argv.slice(2);
const n = Number(nArg);
const inFlight = Number(inFlightArg);
const connections = Number(connArg ?? inFlightArg);
const PUBLIC_URL = "https://convene.test";

const sourceId = randomUUID();
const facts = eventFacts(randomUUID(), null);
const params = eventParams(eventRowOf(facts));
const link = `/events/${facts.eventId}`;
const templates = createTemplates({ publicUrl: PUBLIC_URL });
const text = templates.push("event_published", "en", params, link, "Europe/Berlin");

/** Runs `send(i)` for i < n with `inFlight` at once; seconds from the first start to the last end. */
async function closed(send: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, n) }, async () => {
    while (next < n) await send(next++);
  }));
  return (performance.now() - t0) / 1000;
}

/** The push of recipient i as firebase-admin puts it on the wire (snake_case, as push.ts asks). */
function fcmMessage(i: number) {
  const nid = randomUUID();
  return {
    token: `raw-${i}-${sourceId}`,
    notification: { title: text.title, body: text.body },
    data: { nid, kind: "event_published", sourceId, link },
    android: { collapse_key: nid, notification: { click_action: "OPEN_LINK" } },
    apns: { headers: { "apns-collapse-id": nid }, payload: { aps: { category: "OPEN_LINK" } } },
    webpush: { fcm_options: { link: new URL(link, PUBLIC_URL).toString() } },
  };
}

/** The same push as push.ts hands it to firebase-admin. */
function sdkMessage(i: number): Message {
  const nid = randomUUID();
  return {
    token: `raw-${i}-${sourceId}`,
    notification: { title: text.title, body: text.body },
    data: { nid, kind: "event_published", sourceId, link },
    android: { collapseKey: nid, notification: { clickAction: "OPEN_LINK" } },
    apns: { headers: { "apns-collapse-id": nid }, payload: { aps: { category: "OPEN_LINK" } } },
    webpush: { fcmOptions: { link: new URL(link, PUBLIC_URL).toString() } },
  };
}

async function fcmHttp(): Promise<number> {
  const target = new URL("/v1/projects/convene-test/messages:send", url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const post = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ message: fcmMessage(i) });
      const req = http.request(target, {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", authorization: "Bearer stand-in", "content-length": Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`FCM stand-in answered ${res.statusCode}`))));
      });
      req.on("error", reject);
      req.end(body);
    });
  const s = await closed(post);
  agent.destroy();
  return s;
}

async function fcmSdk(): Promise<number> {
  const pusher = createPusher({ projectId: "convene-test", endpoint: url, sockets: connections });
  const s = await closed(async (i) => {
    const out = await pusher.send({
      token: `raw-${i}-${sourceId}`,
      title: text.title,
      body: text.body,
      link,
      url: new URL(link, PUBLIC_URL).toString(),
      data: { nid: randomUUID(), kind: "event_published", sourceId },
    });
    if (out.outcome !== "sent") throw new Error(`push not sent: ${JSON.stringify(out)}`);
  });
  await pusher.close();
  return s;
}

async function fcmSdkH2(): Promise<number> {
  // firebase-admin's HTTP/2 client always connects to https://fcm.googleapis.com: send its
  // sessions to the stand-in's cleartext HTTP/2 port instead. It also sends `:scheme: https:`
  // (a URL's protocol, colon included), which Node's HTTP/2 server refuses as a protocol error
  // and Google's accepts: the colon is dropped on the way. Nothing else of the SDK's path changes.
  const connect = http2.connect;
  (http2 as { connect: unknown }).connect = (_authority: string, opts: http2.ClientSessionOptions) => {
    const session = connect(url, { ...opts, ALPNProtocols: undefined });
    const request = session.request.bind(session);
    session.request = (headers?: http2.OutgoingHttpHeaders, o?: http2.ClientSessionRequestOptions) => request({ ...headers, ":scheme": "https" }, o);
    return session;
  };
  const credential: Credential = { getAccessToken: async () => ({ access_token: "stand-in", expires_in: 3600 }) };
  const app = initializeApp({ credential, projectId: "convene-test" }, `raw-${randomUUID()}`);
  const messaging = getMessaging(app);
  const batch = inFlight;
  const calls = Math.ceil(n / batch);
  let next = 0;
  const t0 = performance.now();
  // `connections` calls (sessions) at once, each carrying `batch` messages as concurrent streams.
  await Promise.all(Array.from({ length: Math.min(connections, calls) }, async () => {
    while (next < calls) {
      const c = next++;
      const size = Math.min(batch, n - c * batch);
      const r = await messaging.sendEach(Array.from({ length: size }, (_, j) => sdkMessage(c * batch + j)));
      if (r.failureCount) throw new Error(`sendEach: ${r.failureCount} failed: ${r.responses.find((x) => !x.success)?.error?.message}`);
    }
  }));
  const s = (performance.now() - t0) / 1000;
  await deleteApp(app);
  return s;
}

async function smtp(): Promise<number> {
  const u = new URL(url);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    host: u.hostname,
    port: Number(u.port),
    secure: false,
    ignoreTLS: true,
  });
  const unsub = `${PUBLIC_URL}/unsubscribe/raw`;
  const r = await templates.email(sourceId, "event_published", "en", params, link, { name: "Follower", unsubscribeUrl: unsub, timeZone: "Europe/Berlin" });
  const s = await closed(async (i) => {
    const userId = randomUUID();
    await transport.sendMail({
      from: "Convene <notifications@convene.test>",
      to: `raw-${i}-${userId}@example.org`,
      subject: r.subject,
      html: r.html,
      text: r.text,
      messageId: `<${sourceId}.${userId}@convene.test>`,
      headers: { "X-Convene-Notification": `${sourceId}:${userId}`, "List-Unsubscribe": `<${unsub}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  });
  transport.close();
  return s;
}

const run = { "fcm-http": fcmHttp, "fcm-sdk": fcmSdk, "fcm-sdk-h2": fcmSdkH2, smtp }[mode];
if (!run || !url || !(n > 0) || !(inFlight > 0)) {
  process.stderr.write("usage: node bench/fanout-raw.ts fcm-http|fcm-sdk|fcm-sdk-h2|smtp <url> <messages> <in-flight> [connections]\n");
  process.exit(2);
}
const seconds = await run();
process.stdout.write(`RAW ${JSON.stringify({ mode, messages: n, inFlight, connections, seconds, rate: n / seconds })}\n`);
process.exit(0);
