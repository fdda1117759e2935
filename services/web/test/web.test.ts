/**
 * The web app over HTTP, as a browser without script would use it: pages render on first load,
 * sessions live in an httpOnly cookie, forms need their CSRF token, and the access token never
 * appears in a page.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { type Platform, startPlatform } from "../../../test/support/platform.ts";
import { eventually } from "../../../test/support/eventually.ts";

/**
 * Each simulated visitor comes from its own address (the platform trusts one proxy hop): identity
 * counts sign-ups and logins per client IP (10 a minute), and this file alone signs up more people
 * than that, as did the files before it in one run (the database, and so the counts, are shared).
 */
let lastIp = 0;
const clientIp = () => `198.18.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

/** A tiny cookie-keeping client that never follows redirects. */
function browser(base: string, extra: Record<string, string> = {}) {
  const ip = clientIp();
  const headers = { "x-forwarded-for": ip, ...extra };
  const jar = new Map<string, string>();
  const go = async (path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const res = await fetch(new URL(path, base), {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        ...headers,
        ...init.headers,
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const [k, v] = [pair.slice(0, i), pair.slice(i + 1)];
      if (v) jar.set(k, v);
      else jar.delete(k);
    }
    return { res, text: res.status === 204 ? "" : await res.text() };
  };
  const csrf = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? "";
  return { go, jar, csrf, ip };
}

const password = "correct horse battery staple";
const json = { "content-type": "application/json" };

/** Someone signed up through the web app: their browser, and their token for the API. */
async function person(base: string, name: string) {
  const b = browser(base);
  const email = `${name.toLowerCase()}+${randomUUID()}@example.org`;
  await b.go("/sign-up", { form: { _csrf: b.csrf((await b.go("/sign-up")).text), displayName: name, email, password } });
  const { accessToken } =
    (await (await fetch(`${base}/v1/auth/login`, { method: "POST", headers: { ...json, "x-forwarded-for": b.ip }, body: JSON.stringify({ email, password }) }))
      .json()) as { accessToken: string };
  return { b, email, auth: { ...json, authorization: `Bearer ${accessToken}` } };
}

/** An event starting tomorrow for an hour, created through the API. */
async function createEvent(base: string, auth: Record<string, string>, fields: Record<string, unknown>): Promise<{ id: string; status: string }> {
  const startsAt = new Date(Date.now() + 86_400_000).toISOString();
  const r = await fetch(`${base}/v1/events`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), timeZone: "UTC", ...fields }),
  });
  expect(r.status).to.equal(201);
  return (await r.json()) as { id: string; status: string };
}

describe("web: pages over the edge's public API", function () {
  this.timeout(60_000);
  let platform: Platform;

  before(async function () {
    this.timeout(60_000);
    platform = await startPlatform({ TRUST_PROXY: "true" });
  });
  after(async function () {
    this.timeout(30_000);
    await platform?.stop();
  });

  it("renders the home page on first load, in English or Russian by Accept-Language", async () => {
    const en = await browser(platform.base).go("/");
    expect(en.res.status).to.equal(200);
    expect(en.res.headers.get("content-type")).to.match(/^text\/html/);
    expect(en.text).to.contain('<html lang="en">').and.contain("<main");
    const ru = await browser(platform.base, { "accept-language": "ru-RU,ru;q=0.9" }).go("/");
    expect(ru.text).to.contain('<html lang="ru">').and.contain("Поиск событий");
  });

  it("shares the HTTP front with the edge: /v1 and /docs are the API's, /healthz the runner's", async () => {
    expect((await fetch(`${platform.base}/v1/openapi.json`)).headers.get("content-type")).to.match(/json/);
    expect(await (await fetch(`${platform.base}/docs`)).text()).to.contain("swagger-ui-bundle.js");
    expect((await fetch(`${platform.base}/healthz`)).status).to.equal(200);
  });

  it("refuses a form without its CSRF token, and one from another origin", async () => {
    const b = browser(platform.base);
    const page = await b.go("/sign-up");
    const token = b.csrf(page.text);
    expect(token).to.have.length.greaterThan(20);
    const none = await b.go("/sign-up", { form: { displayName: "Eve", email: `eve+${randomUUID()}@example.org`, password } });
    expect(none.res.status).to.equal(403);
    const foreign = await b.go("/sign-up", {
      form: { _csrf: token, displayName: "Eve", email: `eve+${randomUUID()}@example.org`, password },
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.res.status).to.equal(403);
  });

  it("signs up into an httpOnly session cookie; pages never carry the access token", async () => {
    const b = browser(platform.base);
    const token = b.csrf((await b.go("/sign-up")).text);
    const email = `ada+${randomUUID()}@example.org`;
    const done = await b.go("/sign-up", { form: { _csrf: token, displayName: "Ada", email, password } });
    expect(done.res.status, done.text.slice(0, 500)).to.equal(302);
    const cookie = done.res.headers.getSetCookie().find((c) => c.startsWith("convene_sid="));
    expect(cookie).to.match(/httponly/i).and.match(/samesite=lax/i);
    const settings = await b.go("/me/settings");
    expect(settings.res.status).to.equal(200);
    expect(settings.text).to.contain(email);
    expect(settings.text).to.not.match(/eyJ[A-Za-z0-9_-]{10,}\./);
    // Signing out ends the session server-side: the old cookie no longer opens pages.
    const sid = b.jar.get("convene_sid")!;
    await b.go("/sign-out", { form: { _csrf: b.csrf(settings.text) } });
    const replay = await fetch(`${platform.base}/me/settings`, { redirect: "manual", headers: { cookie: `convene_sid=${sid}` } });
    expect(replay.status).to.equal(302);
    expect(replay.headers.get("location")).to.match(/^\/sign-in/);
  });

  it("serves a draft event's attachment to its organizer's session only, streamed through the web app", async () => {
    const { b, auth } = await person(platform.base, "Olga");
    const event = await createEvent(platform.base, auth, { title: "Draft with a file" });
    expect(event.status).to.equal("draft");
    const content = `agenda ${randomUUID()}\n`;
    const put = await fetch(`${platform.base}/v1/events/${event.id}/attachments`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ filename: "agenda.txt", contentType: "text/plain", dataBase64: Buffer.from(content).toString("base64") }),
    });
    expect(put.status).to.equal(201);
    const { id: attachmentId } = (await put.json()) as { id: string };

    const page = await b.go(`/events/${event.id}/edit`);
    expect(page.text).to.contain(`<a href="/events/${event.id}/attachments/${attachmentId}">agenda.txt</a>`);
    const own = await b.go(`/events/${event.id}/attachments/${attachmentId}`);
    expect(own.res.status).to.equal(200);
    expect(own.res.headers.get("content-type")).to.match(/^text\/plain/);
    expect(own.res.headers.get("cache-control")).to.equal("private, no-cache");
    expect(own.text).to.equal(content);
    // Nobody else gets it: not an anonymous browser through the web app, nor one at the API.
    expect((await browser(platform.base).go(`/events/${event.id}/attachments/${attachmentId}`)).res.status).to.equal(404);
    expect((await fetch(`${platform.base}/v1/events/${event.id}/attachments/${attachmentId}`)).status).to.be.oneOf([401, 404]);
  });

  it("answers a waitlist offer from its email's link: the offer with that answer focused, accepted by one POST", async () => {
    const organizer = await person(platform.base, "Olga");
    const ada = await person(platform.base, "Ada");
    const wanda = await person(platform.base, "Wanda");
    const event = await createEvent(platform.base, organizer.auth, { title: "One seat", capacity: 1, publish: true });
    // Ada takes the only seat (once bookings has seen the event); Wanda joins the waitlist on the event page.
    const order = await eventually("the event open for booking", async () => {
      const r = await fetch(`${platform.base}/v1/bookings`, {
        method: "POST",
        headers: { ...ada.auth, "idempotency-key": randomUUID() },
        body: JSON.stringify({ eventId: event.id, seats: 1 }),
      });
      return r.status === 201 ? ((await r.json()) as { id: string }) : undefined;
    });
    const page = await eventually("the event page to offer the waitlist", async () => {
      const p = await wanda.b.go(`/events/${event.id}`);
      return p.text.includes(`action="/events/${event.id}/waitlist"`) ? p.text : undefined;
    });
    const joined = await wanda.b.go(`/events/${event.id}/waitlist`, { form: { _csrf: wanda.b.csrf(page), key: randomUUID(), seats: "1" } });
    expect(joined.res.status).to.equal(302);
    expect((await fetch(`${platform.base}/v1/bookings/${order.id}`, { method: "DELETE", headers: ada.auth })).status).to.equal(200);
    const entry = await eventually("the freed seat offered to Wanda", async () => {
      const r = (await (await fetch(`${platform.base}/v1/events/${event.id}/waitlist/me`, { headers: wanda.auth })).json()) as { id: string; status: string };
      return r.status === "offered" ? r : undefined;
    });

    const link = `/events/${event.id}?offer=${entry.id}&answer=accept`;
    const offer = await wanda.b.go(link);
    expect(offer.text).to.contain('<section id="offer"').and.match(/<button type="submit" autofocus>Accept the offer<\/button>/);
    expect((await wanda.b.go(`/events/${event.id}?offer=${entry.id}&answer=decline`)).text).to.match(/<button class="secondary" type="submit" autofocus>/);
    // Signed out, the link asks to sign in and comes back to the same offer.
    expect((await browser(platform.base).go(link)).text).to.contain(`/sign-in?next=${encodeURIComponent(link)}`);
    const accepted = await wanda.b.go(`/waitlist/${entry.id}/accept`, { form: { _csrf: wanda.b.csrf(offer.text) } });
    expect(accepted.res.status).to.equal(302);
    const booking = accepted.res.headers.get("location")!;
    expect(booking).to.match(/^\/me\/bookings\/[0-9a-f-]{36}$/);
    expect((await wanda.b.go(booking)).text).to.contain('data-status="confirmed"');
    // The link used again: the offer is answered, and the page says so instead of showing buttons.
    const again = await wanda.b.go(link);
    expect(again.text).to.contain("no longer open").and.not.contain('<section id="offer"');
  });

  it("lets an organizer write to the event's attendees from the event's pages, and nobody else", async () => {
    const b = browser(platform.base);
    const email = `otto+${randomUUID()}@example.org`;
    await b.go("/sign-up", { form: { _csrf: b.csrf((await b.go("/sign-up")).text), displayName: "Otto", email, password } });
    const json = { "content-type": "application/json" };
    const login = async (address: string) =>
      ((await (await fetch(`${platform.base}/v1/auth/login`, {
        method: "POST",
        headers: { ...json, "x-forwarded-for": clientIp() },
        body: JSON.stringify({ email: address, password }),
      })).json()) as { accessToken: string }).accessToken;
    const auth = (token: string) => ({ ...json, authorization: `Bearer ${token}` });
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const event = (await (await fetch(`${platform.base}/v1/events`, {
      method: "POST",
      headers: auth(await login(email)),
      body: JSON.stringify({
        title: "Messages meetup",
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        timeZone: "UTC",
        capacity: 5,
        publish: true,
      }),
    })).json()) as { id: string };
    // An attendee, signed up in the web app too.
    const a = browser(platform.base);
    const attendeeEmail = `anna+${randomUUID()}@example.org`;
    await a.go("/sign-up", { form: { _csrf: a.csrf((await a.go("/sign-up")).text), displayName: "Anna", email: attendeeEmail, password } });
    const attendee = auth(await login(attendeeEmail));
    await eventually(
      "the attendee booked",
      async () =>
        (await fetch(`${platform.base}/v1/bookings`, { method: "POST", headers: attendee, body: JSON.stringify({ eventId: event.id, seats: 1 }) })).status ===
          201,
      30_000,
      200,
    );

    expect((await b.go(`/events/${event.id}/edit`)).text).to.contain(`<a href="/events/${event.id}/messages">`);
    const form = await b.go(`/events/${event.id}/messages`);
    expect(form.res.status).to.equal(200);
    expect(form.text).to.contain('<option value="all" selected>').and.match(/<option value="ticket_type:[0-9a-f-]{36}">/);
    const keyOf = (page: string) => page.match(/name="key" value="([^"]+)"/)![1];
    const post = (key: string, body: string) =>
      b.go(`/events/${event.id}/messages`, { form: { _csrf: b.csrf(form.text), key, audience: "all", subject: "Doors at 8:30", body } });
    // Too long: the edge's 400 names the field, the text typed stays in the form (with a new key).
    const long = await post(keyOf(form.text), "x".repeat(5_001));
    expect(long.res.status).to.equal(400);
    expect(long.text).to.contain("body: ").and.contain('value="Doors at 8:30"');
    const key = keyOf(long.text);
    expect(key).to.not.equal(keyOf(form.text));
    const sent = await post(key, "Bring your ticket.\nSee you there.");
    expect(sent.res.status, sent.text.slice(0, 500)).to.equal(302);
    expect(sent.res.headers.get("location")).to.equal(`/events/${event.id}/messages?sent=1`);
    // The same form submitted twice sends once.
    expect((await post(key, "Bring your ticket.\nSee you there.")).res.status).to.equal(302);
    const mail = await eventually(
      "the attendee's email",
      async () => platform.smtp.to(attendeeEmail).find((m) => m.subject === "Messages meetup: Doors at 8:30"),
      20_000,
    );
    expect(mail.text).to.contain("Bring your ticket.");
    const list = await b.go(`/events/${event.id}/messages?sent=1`);
    expect(list.text).to.contain("Sent. Recipients: 1.").and.contain("<summary>Doors at 8:30</summary>");
    expect(list.text.match(/<summary>/g)).to.have.length(1);
    // The attendee may not write to the others, nor read what was sent.
    expect((await a.go(`/events/${event.id}/messages`)).res.status).to.equal(403);
    await new Promise((r) => setTimeout(r, 500));
    expect(platform.smtp.to(attendeeEmail).filter((m) => m.subject === "Messages meetup: Doors at 8:30")).to.have.length(1);
  });

  it("keeps every switch of the settings page, and turns SMS on only after the number is verified by its code", async () => {
    const { b, auth } = await person(platform.base, "Sima");
    const page = await b.go("/me/settings");
    expect(page.text).to.contain('id="prefs-attending"').and.contain('name="organizer_message:email"').and.match(/name="event_reminder:sms"[^>]* disabled/);
    // Reminders off by email, the rest as they were: saving must not turn them back on.
    const form: Record<string, string> = { _csrf: b.csrf(page.text), quietStart: "", quietEnd: "" };
    for (const [, name] of page.text.matchAll(/name="([a-z_]+:(?:in_app|email|push))" [^>]*checked/g)) form[name] = "on";
    delete form["event_reminder:email"];
    expect((await b.go("/me/settings/preferences", { form })).res.status).to.equal(302);
    const prefs = async () =>
      (await (await fetch(`${platform.base}/v1/me/notification-preferences`, { headers: auth })).json()) as {
        kinds: Record<string, { email: boolean; sms?: boolean }>;
      };
    expect((await prefs()).kinds.event_reminder.email).to.equal(false);
    expect((await prefs()).kinds.organizer_message.email).to.equal(true);

    // The phone: a code by SMS, confirmed on the page; then SMS can be switched on for reminders.
    const number = `+49151${String(Date.now()).slice(-7)}`;
    const sent = await b.go("/me/settings/phone", { form: { _csrf: b.csrf(page.text), key: randomUUID(), number: number.replace(/^(\+49)(151)/, "$1 $2 ") } });
    expect(sent.res.status).to.equal(302);
    const code = await eventually("the code by SMS", async () => platform.sms.to(number).map((m) => m.body.match(/\b(\d{6})\b/)?.[1]).find(Boolean));
    const pending = await b.go("/me/settings");
    expect(pending.text).to.contain(`Code sent to ${number}`);
    expect((await b.go("/me/settings/phone/confirm", { form: { _csrf: b.csrf(pending.text), code: code! } })).res.status).to.equal(302);
    const verified = await b.go("/me/settings");
    expect(verified.text).to.contain(`SMS go to ${number}.`).and.not.match(/name="event_reminder:sms"[^>]* disabled/);
    const again: Record<string, string> = { _csrf: b.csrf(verified.text), quietStart: "", quietEnd: "", "event_reminder:sms": "on" };
    for (const [, name] of verified.text.matchAll(/name="([a-z_]+:(?:in_app|email|push))" [^>]*checked/g)) again[name] = "on";
    expect((await b.go("/me/settings/preferences", { form: again })).res.status).to.equal(302);
    const after = await prefs();
    expect(after.kinds.event_reminder).to.deep.include({ email: false, sms: true });
  });

  it("accepts an organization's emailed invitation on its landing page, after signing in", async () => {
    const owner = await person(platform.base, "Oona");
    const guest = await person(platform.base, "Ines");
    const org = (await (await fetch(`${platform.base}/v1/orgs`, {
      method: "POST",
      headers: owner.auth,
      body: JSON.stringify({ name: `Invite org ${randomUUID().slice(0, 6)}` }),
    })).json()) as { id: string };
    expect(
      (await fetch(`${platform.base}/v1/orgs/${org.id}/invitations`, {
        method: "POST",
        headers: owner.auth,
        body: JSON.stringify({ email: guest.email, role: "member" }),
      })).status,
    ).to.equal(201);
    const mail = await eventually(
      "the invitation email",
      async () => platform.smtp.to(guest.email).find((m) => /\/invitations\/accept\?token=/.test(m.text)),
      20_000,
    );
    const link = new URL(mail.text.match(/https?:\/\/\S+\/invitations\/accept\?token=[^\s"<>]+/)![0]);
    const path = `${link.pathname}${link.search}`;
    // Signed out: sign in first, and come back to the same link.
    expect((await browser(platform.base).go(path)).text).to.contain(`/sign-in?next=${encodeURIComponent(path)}`);
    const page = await guest.b.go(path);
    expect(page.res.status).to.equal(200);
    const accepted = await guest.b.go("/invitations/accept", { form: { _csrf: guest.b.csrf(page.text), token: link.searchParams.get("token")! } });
    expect(accepted.res.status).to.equal(302);
    expect(accepted.res.headers.get("location")).to.equal(`/orgs/${org.id}`);
    // Spent: the same link again is refused with a problem on the page, not accepted twice.
    expect((await guest.b.go("/invitations/accept", { form: { _csrf: guest.b.csrf(page.text), token: link.searchParams.get("token")! } })).res.status).to.be
      .within(400, 499);
  });

  it("shows the edge's problem naming the field when sign-up input is bad", async () => {
    const b = browser(platform.base);
    const token = b.csrf((await b.go("/sign-up")).text);
    const bad = await b.go("/sign-up", { form: { _csrf: token, displayName: "Ada", email: `ada+${randomUUID()}@example.org`, password: "short" } });
    expect(bad.res.status).to.equal(400);
    expect(bad.text).to.contain('role="alert"').and.contain("<strong>password</strong>");
  });
});

describe("web: anonymous pages from the micro-cache", function () {
  this.timeout(60_000);
  let platform: Platform;

  before(async function () {
    this.timeout(60_000);
    // A long time to live, so what is seen below is the cache and not the clock.
    platform = await startPlatform({ WEB_PAGE_CACHE_MS: "60000", TRUST_PROXY: "true" });
  });
  after(async function () {
    this.timeout(30_000);
    await platform?.stop();
  });

  it("serves an anonymous event page from memory per locale and encoding, and a signed-in one always fresh", async () => {
    const { b, auth } = await person(platform.base, "Olga");
    const event = await createEvent(platform.base, auth, { title: "Before", publish: true });
    const anonymous = (headers: Record<string, string> = {}) =>
      fetch(`${platform.base}/events/${event.id}`, { headers }).then(async (r) => ({
        status: r.status,
        cookie: r.headers.get("set-cookie"),
        text: await r.text(),
      }));

    for (const encoding of ["br", "gzip", "identity"]) {
      const first = await anonymous({ "accept-encoding": encoding });
      expect(first.status).to.equal(200);
      expect(first.cookie, "a cached page sets no cookie").to.equal(null);
      expect(first.text).to.contain("<h1>Before</h1>");
    }
    const renamed = await fetch(`${platform.base}/v1/events/${event.id}`, { method: "PATCH", headers: auth, body: JSON.stringify({ title: "After" }) });
    expect(renamed.status).to.equal(200);
    await eventually(
      "the edge to serve the new title",
      async () => ((await (await fetch(`${platform.base}/v1/events/${event.id}`)).json()) as { title: string }).title === "After",
    );

    for (const encoding of ["br", "gzip", "identity"]) expect((await anonymous({ "accept-encoding": encoding })).text, encoding).to.contain("<h1>Before</h1>");
    // Another locale is another page; a signed-in person never gets the cached one.
    expect((await anonymous({ "accept-language": "ru" })).text).to.contain("<h1>After</h1>");
    expect((await b.go(`/events/${event.id}`)).text).to.contain("<h1>After</h1>");
  });
});
