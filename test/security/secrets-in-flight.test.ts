/**
 * Single-use link tokens rest nowhere but in identity's hashed tables (finding 3; OWASP API8:2023
 * Security Misconfiguration, API2:2023 Broken Authentication). The real journeys run through the
 * edge on the real identity and notifications services: registration (verification email), a new
 * verification link, a password reset (whose first send fails, so the token waits for a retry),
 * an email change and an organization invitation. Each token is taken from the email at the SMTP
 * sink, and its link is followed as the web page would (the token works, once). Then every
 * message of EVENTS, WORK and DEAD_LETTERS (with a dead letter made of a real event), every row of
 * every table of identity and notifications (outboxes, messages, deliveries, inbox, processed
 * markers, user_tokens, …), every log line and every span of the run are searched for the tokens.
 */
import { expect } from "chai";
import { randomBytes, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import type { JetStreamClient } from "@nats-io/jetstream";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { identityService } from "../../services/identity/index.ts";
import { notificationsService } from "../../services/notifications/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { startTelemetry, stopTelemetry } from "../../services/kit/trace.ts";
import type { Db } from "../../services/kit/db.ts";
import { type SmtpSink, startSmtpSink, type SunkMail } from "../../services/notifications/test/support/smtp-sink.ts";
import { eventually } from "../support/eventually.ts";
import type { Envelope } from "../../subjects/envelope.ts";
import { type Account, newEmail, newIp, PASSWORD, type Platform, startPlatform } from "./platform.ts";

const PUBLIC_URL = "https://convene.test";

/** The emailed link of `path` in a mail: its URL and token (the text part, as a reader would click it). */
function linkIn(mail: SunkMail, path: string): { url: URL; token: string } {
  const found = mail.text.match(new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}${path}\\?token=[^\\s"<>]+`));
  expect(found, `a ${path} link in "${mail.subject}"`).to.not.equal(null);
  const url = new URL(found![0]);
  const token = url.searchParams.get("token")!;
  expect(token, "the link carries a token").to.have.length.greaterThan(30);
  // The HTML part carries the same working link.
  expect(mail.html.replaceAll("&#x3D;", "=").replaceAll("&amp;", "&")).to.contain(url.toString());
  return { url, token };
}

/** Every message of a stream, as text (subject, headers and body), read with an ordered consumer. */
async function streamText(js: JetStreamClient, stream: string): Promise<{ text: string; count: number }> {
  const jsm = await js.jetstreamManager();
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return { text: "", count: 0 };
  const consumer = await js.consumers.get(stream);
  const parts: string[] = [];
  const messages = await consumer.consume();
  for await (const m of messages) {
    parts.push(`${m.subject}\n${m.headers?.toString() ?? ""}\n${m.string()}`);
    if (m.seq >= state.last_seq) break;
  }
  await messages.close();
  return { text: parts.join("\n"), count: parts.length };
}

/** Rows of every table of a service's schema whose text holds `needle`, as "table: row". */
async function rowsHolding(db: Db, needle: string): Promise<string[]> {
  const { rows: tables } = await db.raw(`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`);
  const hits: string[] = [];
  for (const { table_name: table } of tables as Array<{ table_name: string }>) {
    const { rows } = await db.raw(`select t::text as row from ?? t where strpos(t::text, ?) > 0 limit 3`, [table, needle]);
    for (const r of rows as Array<{ row: string }>) hits.push(`${table}: ${r.row.slice(0, 300)}`);
  }
  return hits;
}

describe("security: single-use tokens in flight and at rest (API8, finding 3)", function () {
  this.timeout(60_000);
  let p: Platform;
  let smtp: SmtpSink;
  const lines: string[] = [];
  const spans = new InMemorySpanExporter();
  /** Every token an email carried, by journey. */
  const tokens = new Map<string, string>();

  before(async function () {
    this.timeout(30_000);
    smtp = await startSmtpSink();
    startTelemetry({ serviceName: "security-tokens-test", spanExporter: spans });
    const log = pino({ level: "debug" }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    p = await startPlatform(
      [identityService, notificationsService, edgeService],
      {
        SMTP_URL: smtp.url,
        PUBLIC_URL,
        // A real key, not the development one: the tokens are sealed under it on their way.
        LINK_SEALING_KEYS: randomBytes(32).toString("base64"),
        UNSUBSCRIBE_SECRET: randomBytes(32).toString("base64url"),
        NOTIFY_RETRY_BASE_MS: "300",
        NOTIFY_SCHEDULER_POLL_MS: "100",
        NOTIFY_LEASE_MS: "5000",
      },
      { log },
    );
  });
  after(async function () {
    this.timeout(20_000);
    await p?.stop();
    await smtp?.stop();
    await stopTelemetry();
  });

  const mailTo = (address: string, subject: RegExp) =>
    eventually(`"${subject.source}" to ${address}`, async () => smtp.to(address).find((m) => subject.test(m.subject)), 20_000);

  it("mails a working verification link on registration, and a new one on request; each works once", async () => {
    const a = await p.signUp();
    const first = linkIn(await mailTo(a.email, /^Confirm your email/), "/verify-email");
    tokens.set("verification", first.token);
    // A new link kills the first (only the newest works). One a minute: as if that minute passed.
    await p.running.dbs.get("identity")!("user_tokens").where({ user_id: a.id, purpose: "verify_email" }).update({
      created_at: new Date(Date.now() - 120_000),
    });
    const resent = await p.fetch("/v1/me/email/verification", { method: "POST", token: a.accessToken, ip: a.ip });
    expect(resent.status, await resent.clone().text()).to.equal(200);
    const second = await eventually(
      "a second verification email",
      async () => smtp.to(a.email).filter((m) => /^Confirm your email/.test(m.subject))[1],
      20_000,
    );
    const again = linkIn(second, "/verify-email");
    tokens.set("verification resent", again.token);
    expect(again.token).to.not.equal(first.token);
    expect((await p.fetch("/v1/auth/verify-email", { method: "POST", json: { token: first.token } })).status, "the older link is dead").to.equal(400);
    const ok = await p.fetch("/v1/auth/verify-email", { method: "POST", json: { token: again.token } });
    expect(ok.status, await ok.clone().text()).to.equal(200);
    expect(await ok.json()).to.deep.equal({ userId: a.id, email: a.email });
    expect((await p.fetch("/v1/auth/verify-email", { method: "POST", json: { token: again.token } })).status, "used once").to.equal(400);
  });

  it("mails a working reset link even when the first send fails, keeping only the sealed token while it waits", async () => {
    const a = await p.signUp();
    // The relay answers 451 until told otherwise: the email waits for a retry from notifications' tables.
    smtp.reject(a.email, 451);
    const forgot = await p.fetch("/v1/auth/password/forgot", { method: "POST", json: { email: a.email } });
    expect(forgot.status).to.equal(200);
    const notifications = p.running.dbs.get("notifications")!;
    const waiting = await eventually("the reset email waits for its retry", async () => {
      const row = await notifications("deliveries as d").join("messages as m", "m.source_id", "d.source_id").where({
        "d.user_id": a.id,
        "m.kind": "password_reset",
      }).first("d.attempts", "d.status", "m.link", "m.sealed_token");
      return row && row.attempts >= 1 && row.status === "pending" ? row : undefined;
    });
    smtp.reject(a.email, 451, 0);
    expect(waiting.link, "the stored link has no token").to.equal("/reset-password");
    expect(waiting.sealed_token, "only the sealed form waits").to.match(/^ls1\./);
    const { token } = linkIn(await mailTo(a.email, /password/i), "/reset-password");
    tokens.set("password reset", token);
    expect(smtp.to(a.email).filter((m) => /password/i.test(m.subject)), "sent once").to.have.length(1);
    expect(waiting.sealed_token).to.not.contain(token);
    const reset = await p.fetch("/v1/auth/password/reset", { method: "POST", json: { token, password: "a brand new passphrase" } });
    expect(reset.status, await reset.clone().text()).to.equal(200);
    const login = await p.fetch("/v1/auth/login", { method: "POST", json: { email: a.email, password: "a brand new passphrase" } });
    expect(login.status).to.equal(200);
    // Sent: the sealed token is gone too.
    await eventually(
      "sealed token dropped once sent",
      async () =>
        (await notifications("deliveries as d").join("messages as m", "m.source_id", "d.source_id").where({ "d.user_id": a.id, "m.kind": "password_reset" })
          .first("m.sealed_token"))?.sealed_token === null,
    );
  });

  it("mails a working email change link to the new address", async () => {
    const a = await p.signUp();
    const next = newEmail();
    const change = await p.fetch("/v1/me/email", { method: "POST", token: a.accessToken, ip: a.ip, json: { newEmail: next, currentPassword: PASSWORD } });
    expect(change.status, await change.clone().text()).to.equal(200);
    const { token } = linkIn(await mailTo(next, /.*/), "/confirm-email");
    tokens.set("email change", token);
    const confirmed = await p.fetch("/v1/auth/email/confirm", { method: "POST", json: { token } });
    expect(confirmed.status, await confirmed.clone().text()).to.equal(200);
    expect(await confirmed.json()).to.deep.equal({ userId: a.id, email: next });
  });

  it("mails a working invitation link to the invited address", async () => {
    const owner = await p.signUp();
    const invitee: Account = await p.signUp();
    const org = await p.fetch("/v1/orgs", { method: "POST", token: owner.accessToken, ip: owner.ip, json: { name: `Sealed ${randomUUID().slice(0, 6)}` } });
    expect(org.status, await org.clone().text()).to.equal(201);
    const { id: orgId } = (await org.json()) as { id: string };
    const invited = await p.fetch(`/v1/orgs/${orgId}/invitations`, { method: "POST", token: owner.accessToken, ip: owner.ip, json: { email: invitee.email } });
    expect(invited.status, await invited.clone().text()).to.equal(201);
    const { token } = linkIn(await mailTo(invitee.email, /invited/i), "/invitations/accept");
    tokens.set("invitation", token);
    const accepted = await p.fetch("/v1/orgs/invitations/accept", { method: "POST", token: invitee.accessToken, ip: invitee.ip, json: { token } });
    expect(accepted.status, await accepted.clone().text()).to.equal(200);
    expect(await accepted.json()).to.deep.equal({ orgId, role: "member" });
  });

  it("keeps a dead letter of such an event only in its sealed form", async () => {
    // A real password-reset event, sent again with a field its contract refuses: the planner
    // dead-letters it as it is (a replay needs the original).
    const a = await p.signUp({ ip: newIp() });
    expect((await p.fetch("/v1/auth/password/forgot", { method: "POST", json: { email: a.email } })).status).to.equal(200);
    const { token } = linkIn(await mailTo(a.email, /password/i), "/reset-password");
    tokens.set("dead-lettered reset", token);
    const js = p.running.nats.js;
    const jsm = await js.jetstreamManager();
    const original = await eventually("the reset event", async () => {
      const m = await jsm.streams.getMessage("EVENTS", { last_by_subj: "evt.user.password_reset_requested" }).catch(() => null);
      const e = m?.json<Envelope<{ userId: string }>>();
      return e?.data.userId === a.id ? e : undefined;
    });
    const broken = { ...original, id: randomUUID(), data: { ...original.data, unexpected: true } };
    await js.publish("evt.user.password_reset_requested", JSON.stringify(broken), { msgID: broken.id });
    await eventually("the dead letter", async () => (await streamText(js, "DEAD_LETTERS")).text.includes(broken.id));
  });

  it("leaves none of those tokens in EVENTS, WORK, DEAD_LETTERS, any table of identity or notifications, the logs or the spans", async () => {
    expect([...tokens.keys()]).to.have.members(["verification", "verification resent", "password reset", "email change", "invitation", "dead-lettered reset"]);
    const js = p.running.nats.js;
    const streams = await Promise.all(["EVENTS", "WORK", "DEAD_LETTERS"].map(async (s) => [s, await streamText(js, s)] as const));
    for (const [name, { count }] of streams) expect(count, `${name} holds messages to search`).to.be.greaterThan(0);
    const events = streams[0][1].text;
    expect(events, "the events that asked for the emails are there, sealed").to.match(/"sealedToken":"ls1\./);
    expect(events).to.match(/"sealedVerificationToken":"ls1\./);
    const logged = lines.join("\n");
    expect(logged.length, "the run logged").to.be.greaterThan(0);
    expect(spans.getFinishedSpans().length, "spans were recorded").to.be.greaterThan(0);
    const spanText = spans
      .getFinishedSpans()
      .map((s) => `${s.name} ${JSON.stringify(s.attributes)} ${JSON.stringify(s.events)}`)
      .join("\n");
    for (const [journey, token] of tokens) {
      for (const [name, { text }] of streams) expect(text.includes(token), `${journey} token in ${name}`).to.equal(false);
      for (const service of ["identity", "notifications"]) {
        expect(await rowsHolding(p.running.dbs.get(service)!, token), `${journey} token in ${service}'s tables`).to.deep.equal([]);
      }
      expect(logged.includes(token), `${journey} token in the logs`).to.equal(false);
      expect(spanText.includes(token), `${journey} token in a span`).to.equal(false);
    }
    // What the stores keep instead: identity the hash, notifications the link without a token.
    const links = await p.running.dbs.get("notifications")!("messages").whereIn("kind", ["verify_email", "password_reset", "email_change", "org_invitation"])
      .pluck("link");
    expect(links.length).to.be.greaterThan(4);
    expect(links.filter((l: string) => l.includes("token")), "no stored link carries a token").to.deep.equal([]);
  });
});
