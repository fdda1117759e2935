import { expect } from "chai";
import { createTwilio, twilioSignature, verifyTwilioSignature } from "./sms.ts";
import { type SmsStandIn, startSmsStandIn } from "../test/support/sms-stand-in.ts";

describe("SMS provider adapter (Twilio Messages API)", () => {
  it("signs like Twilio: HMAC-SHA1 of the URL and the sorted fields (Twilio's documented example)", () => {
    const fields = new URLSearchParams({ CallSid: "CA1234567890ABCDE", Caller: "+14158675310", Digits: "1234", From: "+14158675310", To: "+18005551212" });
    expect(twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", fields)).to.equal("GvWf1cFY/Q7PnoempGyD5oXAezc=");
  });

  it("refuses a signature over another URL, another token or a changed field", () => {
    const url = "https://convene.test/v1/notifications/sms/status";
    const fields = new URLSearchParams({ MessageSid: "SM1", MessageStatus: "delivered" });
    const good = twilioSignature("token-0123456789abcdef", url, fields);
    expect(verifyTwilioSignature("token-0123456789abcdef", url, fields, good)).to.equal(true);
    expect(verifyTwilioSignature("token-0123456789abcdef", `${url}?x=1`, fields, good)).to.equal(false);
    expect(verifyTwilioSignature("another-token-0123456789", url, fields, good)).to.equal(false);
    expect(verifyTwilioSignature("token-0123456789abcdef", url, new URLSearchParams({ MessageSid: "SM1", MessageStatus: "undelivered" }), good)).to.equal(
      false,
    );
    expect(verifyTwilioSignature("token-0123456789abcdef", url, fields, "")).to.equal(false);
  });

  describe("against the stand-in", () => {
    let standIn: SmsStandIn;
    before(async () => {
      standIn = await startSmsStandIn();
    });
    after(() => standIn.stop());
    const sender = (authToken = standIn.authToken) =>
      createTwilio({ accountSid: standIn.accountSid, authToken, from: standIn.from, apiUrl: standIn.url, statusCallback: "http://127.0.0.1:1/none" });

    it("sends To/From/Body/StatusCallback and returns the message sid", async () => {
      const out = await sender().send({ to: "+4915123456789", body: "Hello" });
      expect(out.outcome).to.equal("sent");
      const m = standIn.to("+4915123456789")[0];
      expect(out).to.deep.equal({ outcome: "sent", sid: m.sid });
      expect(m).to.include({ from: standIn.from, body: "Hello", statusCallback: "http://127.0.0.1:1/none" });
    });

    it("maps Twilio's answers: 21211 → invalid number, 429 → temporary, wrong credentials → permanent, no server → temporary", async () => {
      standIn.fail("+4915100000001", "invalid");
      standIn.fail("+4915100000002", "rate-limited");
      expect(await sender().send({ to: "+4915100000001", body: "x" })).to.include({ outcome: "invalid-number", code: "21211" });
      expect(await sender().send({ to: "+4915100000002", body: "x" })).to.include({ outcome: "temporary" });
      expect(await sender("wrong-token-0123456789").send({ to: "+4915123456789", body: "x" })).to.include({ outcome: "permanent", code: "20003" });
      const down = createTwilio({
        accountSid: standIn.accountSid,
        authToken: standIn.authToken,
        from: standIn.from,
        apiUrl: "http://127.0.0.1:1",
        statusCallback: "http://127.0.0.1:1/none",
      });
      expect((await down.send({ to: "+4915123456789", body: "x" })).outcome).to.equal("temporary");
    });
  });
});
