/**
 * Secrets never reach logs or spans (finding 15; OWASP API8:2023 Security Misconfiguration): a
 * calendar feed's token (in the path) and a live stream's ?access_token= are used, then every
 * log line and every span of the run is searched for them.
 */
import { expect } from "chai";
import { Writable } from "node:stream";
import { pino } from "pino";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { identityService } from "../../services/identity/index.ts";
import { eventsService } from "../../services/events/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { startTelemetry, stopTelemetry } from "../../services/kit/trace.ts";
import { openSse } from "../../services/edge/test/sse-client.ts";
import { newIp, type Platform, startPlatform } from "./platform.ts";

describe("security: secrets in logs and spans (API8, finding 15)", function () {
  this.timeout(30_000);
  let p: Platform;
  const lines: string[] = [];
  const spans = new InMemorySpanExporter();

  before(async function () {
    this.timeout(30_000);
    startTelemetry({ serviceName: "security-logs-test", spanExporter: spans });
    const log = pino({ level: "debug" }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    p = await startPlatform([identityService, eventsService, edgeService], {}, { log });
  });
  after(async function () {
    this.timeout(20_000);
    await p?.stop();
    await stopTelemetry();
  });

  it("logs and traces a calendar feed and a live stream without their credentials", async () => {
    const a = await p.signUp();
    const issued = await p.fetch("/v1/me/calendar/token", { method: "POST", token: a.accessToken });
    expect(issued.status, await issued.clone().text()).to.equal(200);
    const { token } = (await issued.json()) as { token: string };
    expect((await p.fetch(`/v1/calendars/${token}/feed.ics`)).status).to.equal(200);
    // A typo'd path with the token in it is logged as a 404, still without the token.
    expect((await p.fetch(`/v1/calendars/${token}/feed.ical`)).status).to.equal(404);
    const stream = await openSse(`${p.base}/v1/me/notifications/stream?access_token=${a.accessToken}`, { "X-Forwarded-For": newIp() });
    expect(stream.status).to.equal(200);
    stream.close();
    await stream.closed;

    const logged = lines.join("\n");
    expect(logged, "the run logged its requests").to.contain("/v1/calendars/{token}/feed.ics");
    const [, , signature] = a.accessToken.split(".");
    for (const secret of [token, signature]) {
      expect(logged).to.not.contain(secret);
      for (const s of spans.getFinishedSpans()) {
        expect(s.name).to.not.contain(secret);
        expect(JSON.stringify(s.attributes)).to.not.contain(secret);
        expect(JSON.stringify(s.events)).to.not.contain(secret);
      }
    }
    expect(spans.getFinishedSpans().length, "spans were recorded").to.be.greaterThan(0);
  });
});
