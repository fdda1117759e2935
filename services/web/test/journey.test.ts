/**
 * The whole journey in a real browser (headless Chromium): an attendee signs up and verifies
 * the email from the SMTP sink, follows an organizer, the organizer creates and publishes an
 * event with a paid ticket type, the attendee sees the notification arrive live, opens the event,
 * books two tickets, pays on the payments sandbox's page, sees the tickets with their QR codes,
 * and the organizer checks one in at the door by its code (valid, then already used) and the other
 * by pointing the page's camera at its QR code (Chromium's fake camera films it). Each step is
 * screenshotted under .artifacts/web/ and checked with axe-core (no serious or critical
 * violations).
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type Platform, startPlatform } from "../../../test/support/platform.ts";
import { mkdirSync } from "node:fs";
import { ARTIFACTS, axe, launch, screenshot } from "./browser.ts";
import { fakeCameraArgs, writeQrVideo } from "./fake-camera.ts";

describe("web journey in Chromium", function () {
  this.timeout(120_000);
  let platform: Platform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const password = "correct horse battery staple";
  const visited: string[] = [];
  const camera = new URL("camera.y4m", ARTIFACTS).pathname;

  before(async function () {
    this.timeout(90_000);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeQrVideo(camera, "nothing to scan yet");
    [platform, browser] = await Promise.all([startPlatform(), launch(fakeCameraArgs(camera))]);
  });
  after(async function () {
    this.timeout(30_000);
    await browser?.close();
    await platform?.stop();
  });

  async function person(): Promise<Page> {
    const context = await browser.newContext({ baseURL: platform.base, locale: "en-GB", viewport: { width: 1000, height: 800 } });
    contexts.push(context);
    return context.newPage();
  }

  /** Screenshot and accessibility check of the page as it is now. */
  async function step(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    visited.push(new URL(page.url()).pathname);
    expect(await axe(page), `axe on ${page.url()}`).to.deep.equal([]);
  }

  async function signUp(page: Page, name: string, email: string): Promise<void> {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((u) => u.pathname === "/");
  }

  it("signs up, verifies, follows, sees a new event live and opens it", async () => {
    const attendee = await person();
    const organizer = await person();
    const attendeeEmail = `attendee+${randomUUID()}@example.org`;

    // Anonymous pages first.
    await attendee.goto("/");
    await step(attendee, "home-anonymous");
    await attendee.goto("/sign-up");
    await step(attendee, "sign-up");

    // 1. The attendee signs up and verifies the address from the email in the SMTP sink.
    await signUp(attendee, "Ada Attendee", attendeeEmail);
    await step(attendee, "home-signed-in");
    const mail = await waitFor(() => platform.smtp.to(attendeeEmail).find((m) => /verify-email\?token=/.test(m.text)), 20_000);
    const link = new URL(mail.text.match(/https?:\/\/\S+verify-email\?token=[^\s"]+/)![0]);
    await attendee.goto(`${link.pathname}${link.search}`);
    await step(attendee, "verify-email");
    await attendee.getByRole("button", { name: "Continue" }).click();
    await attendee.getByText("Your email address is verified").waitFor();
    await step(attendee, "verified");

    // 2. The organizer signs up; the attendee follows them from their page.
    await signUp(organizer, "Olga Organizer", `organizer+${randomUUID()}@example.org`);
    await organizer.goto("/me/settings");
    const profile = await organizer.getByRole("link", { name: "Olga Organizer" }).getAttribute("href");
    await attendee.goto(new URL(profile!).pathname);
    await step(attendee, "organizer-page");
    await attendee.getByRole("button", { name: "Follow" }).click();
    await attendee.getByRole("button", { name: "Unfollow" }).waitFor();
    expect(await attendee.locator("#followers").textContent()).to.contain("1 followers");

    // 3. The attendee keeps the inbox open (live over SSE).
    await attendee.goto("/me/notifications");
    await step(attendee, "inbox-empty");
    await attendee.locator("body[data-live-ready]").waitFor({ state: "attached" });

    // 4. The organizer creates and publishes an event.
    const title = `Web journey ${randomUUID().slice(0, 8)}`;
    await organizer.goto("/events/new");
    await step(organizer, "create-event");
    await organizer.getByLabel("Title").fill(title);
    await organizer.getByLabel("Description (Markdown)").fill("A **real** browser test.");
    await organizer.getByLabel("Starts").fill("2031-03-10T18:00");
    await organizer.getByLabel("Ends").fill("2031-03-10T21:00");
    await organizer.getByLabel("Time zone").fill("Europe/Berlin");
    await organizer.getByLabel("Venue").fill("Kulturhaus");
    await organizer.getByLabel("Address").fill("Hauptstraße 1, Berlin");
    await organizer.getByLabel("Lat").fill("52.52");
    await organizer.getByLabel("Lng").fill("13.405");
    await organizer.getByLabel("Capacity (empty = unlimited)").fill("50");
    await organizer.getByLabel("Publish now").check();
    await organizer.getByRole("button", { name: "Save" }).first().click();
    await organizer.waitForURL(/\/events\/[0-9a-f-]{36}\/edit/);
    await step(organizer, "event-created");
    const eventId = organizer.url().match(/\/events\/([0-9a-f-]{36})\/edit/)![1];

    // 4b. …and sells it with a paid ticket type.
    await organizer.goto(`/events/${eventId}/tickets`);
    await organizer.getByLabel("Name").fill("Standard");
    await organizer.getByLabel("Price").fill("12.50");
    await organizer.getByLabel("Currency").fill("EUR");
    await organizer.getByLabel("Quantity").fill("40");
    await organizer.getByRole("button", { name: "Add ticket type" }).click();
    await organizer.getByRole("cell", { name: "Standard" }).waitFor();
    await step(organizer, "ticket-types");

    // 5. The notification arrives live in the attendee's open inbox, with the unread badge.
    await attendee.locator("#inbox-list").getByText(title).waitFor({ timeout: 30_000 });
    await attendee.locator("#unread:not([hidden])").waitFor();
    expect(Number(await attendee.locator("#unread").textContent())).to.be.greaterThan(0);
    await step(attendee, "inbox-live");

    // 6. The attendee opens the event from the notification.
    await attendee.locator("#inbox-list").getByRole("link", { name: title }).click();
    await attendee.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await attendee.locator("#seats").textContent()).to.match(/50|seats|Open/);
    await step(attendee, "event-page");

    // 7. Books two tickets and pays on the provider's (sandbox) page.
    await attendee.getByLabel(/^Standard/).fill("2");
    await attendee.getByRole("button", { name: "Book" }).click();
    await attendee.waitForURL(/\/pay\//);
    expect(await attendee.textContent("body")).to.match(/\b25 EUR\b/);
    await screenshot(attendee, "sandbox-payment-page");
    await attendee.getByRole("button", { name: "Pay", exact: true }).click();

    // 8. Back on the booking, which confirms once the provider's callback arrived (the page reloads itself).
    await attendee.waitForURL(/\/me\/bookings\/[0-9a-f-]{36}/);
    await attendee.locator('#order-status[data-status="confirmed"]').waitFor({ timeout: 30_000 });
    const tickets = attendee.locator("section.ticket");
    expect(await tickets.count()).to.equal(2);
    // Booked without attendee names, the tickets carry the booker's display name.
    expect(await tickets.first().textContent()).to.contain("Ada Attendee");
    for (const img of await attendee.locator("section.ticket img").all()) {
      expect(await img.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth), "QR image loaded").to.be.greaterThan(0);
    }
    await step(attendee, "tickets");
    const code = (await attendee.locator("[data-ticket-code]").first().textContent())!.trim();
    expect(code).to.have.length.greaterThan(20);

    // 9. The organizer checks the ticket in at the door: valid once, then already used.
    await organizer.goto(`/events/${eventId}/check-in`);
    await step(organizer, "check-in");
    await organizer.getByLabel("Ticket code").fill(code);
    await organizer.getByRole("button", { name: "Check in", exact: true }).click();
    await organizer.locator("#checkin-result.ok").waitFor();
    expect(await organizer.locator("#checkin-result").textContent()).to.contain("Valid");
    await step(organizer, "checked-in");
    await organizer.getByLabel("Ticket code").fill(code);
    await organizer.getByRole("button", { name: "Check in", exact: true }).click();
    await organizer.locator("#checkin-result.bad").waitFor();
    expect(await organizer.locator("#checkin-result").textContent()).to.contain("Already used");

    // 9b. The second ticket through the camera: the page's QR scanner (the browser's detector or the
    // ZXing polyfill it serves) reads it off the video and checks it in.
    const second = (await attendee.locator("[data-ticket-code]").nth(1).textContent())!.trim();
    expect(second).to.not.equal(code);
    writeQrVideo(camera, second);
    await organizer.goto(`/events/${eventId}/check-in`);
    // Debian's Chromium has no BarcodeDetector: then the page must fetch the polyfill's module from this site.
    const native = (await organizer.evaluate(`"BarcodeDetector" in window`)) as boolean;
    const polyfill = native ? undefined : organizer.waitForResponse((r) => /\/assets\/scanner-[\w-]{8}\.wasm$/.test(r.url()) && r.status() === 200);
    await organizer.getByRole("button", { name: "Scan with the camera" }).click();
    await polyfill;
    await organizer.locator("#checkin-result.ok").waitFor({ timeout: 30_000 });
    expect(await organizer.locator("#checkin-result").textContent()).to.contain("Valid");
    await step(organizer, "checked-in-by-camera");

    // 10. The attendee's ticket now says so; the participants list shows the time.
    await attendee.reload();
    await attendee.getByText("Checked in.").first().waitFor();
    await organizer.goto(`/events/${eventId}/participants`);
    expect(await organizer.locator("tbody tr").count()).to.equal(2);
    await step(organizer, "participants");
    // The export streams the edge's CSV through the web app with the organizer's session.
    const csv = await organizer.request.get(`/events/${eventId}/participants.csv`);
    expect(csv.headers()["content-type"]).to.match(/^text\/csv/);
    const rows = (await csv.text()).split("\r\n").filter(Boolean);
    expect(rows).to.have.length(3);
    expect(rows.slice(1).every((r) => r.startsWith('"Ada Attendee",'))).to.equal(true);

    // 11. Sales: today's two tickets, drawn as a chart from the page's table, both checked in.
    await organizer.goto(`/events/${eventId}/edit`);
    await organizer.getByRole("link", { name: "Sales", exact: true }).click();
    await organizer.waitForURL(`**/events/${eventId}/sales`);
    await organizer.locator('#sales-chart[data-drawn="1"] canvas').waitFor();
    expect(await organizer.locator("#sales-days tbody tr td").nth(1).textContent()).to.equal("2");
    const paid = organizer.locator("#sales-types tbody tr", { hasText: "Standard" });
    expect(await paid.locator("td").allTextContents()).to.deep.equal(["Standard", "2", "0", "2", "40", "€25.00"]);
    await step(organizer, "sales-chart");

    // 12. The organizer writes to those inside; the attendee gets it live in the inbox.
    await organizer.goto(`/events/${eventId}/messages`);
    await organizer.getByLabel("To").selectOption({ label: "Checked-in attendees" });
    await organizer.getByLabel("Subject").fill("Welcome in");
    await organizer.getByLabel("Message").fill("The talks start in the main hall.\nCoffee is on the left.");
    await organizer.getByRole("button", { name: "Send" }).click();
    await organizer.getByText("Sent. Recipients: 1.").waitFor();
    await step(organizer, "messages");
    await attendee.goto("/me/notifications");
    await attendee.getByText("Welcome in").first().waitFor({ timeout: 30_000 });
  });

  it("passes axe on the other pages, signed in and not", async () => {
    const page = await person();
    for (
      const path of [
        "/events",
        "/events?q=journey&sort=start",
        "/sign-in",
        "/forgot-password",
        "/reset-password?token=x",
        "/invitations/accept?token=x",
        "/docs-missing-page",
      ]
    ) {
      await page.goto(path);
      await step(page, `page${path.replace(/[^a-z]+/g, "-")}`);
    }
    const admin = `admin+${randomUUID()}@example.org`;
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Alex Admin");
    await page.getByLabel("Email").fill(admin);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    // The first admin is made in the database (as BOOTSTRAP_ADMIN_EMAIL would), then signs in again.
    await platform.running.dbs.get("identity")!("users").where({ email: admin }).update({ roles: ["participant", "admin"] });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Email").fill(admin);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    for (const path of ["/me/settings", "/me/bookings", "/invitations/accept?token=x", "/admin/users", "/admin/categories", "/admin/dead-letters"]) {
      await page.goto(path);
      await step(page, `page${path.replace(/[^a-z]+/g, "-")}`);
    }
    await page.goto("/lang/ru?back=/events");
    await page.getByRole("heading", { level: 1, name: "Поиск событий" }).waitFor();
    await step(page, "search-ru");
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}
