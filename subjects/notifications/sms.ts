/**
 * SMS, the fourth channel of notifications (reminders and changes of events a user attends):
 * the caller's phone number, verified by a one-time code sent by SMS, and the provider's delivery
 * receipts. Split from subjects/notifications.ts, which is past its size.
 */
import { type Static, Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { Timestamp } from "../common.ts";

/** E.164: "+", a country code and the subscriber number, 8 to 15 digits in all, no spaces. */
export const PhoneNumber = Type.String({
  pattern: "^\\+[1-9][0-9]{7,14}$",
  description: "A mobile number in E.164 form (+, country code, number; 8-15 digits, no spaces), e.g. +4915123456789.",
});

/** WARNING: wire values, stored by clients. */
export const PhoneStatus = Type.Union([Type.Literal("none"), Type.Literal("verified"), Type.Literal("suppressed")], {
  description:
    "none: no verified number (SMS cannot be on); verified: SMS go to number; suppressed: the provider reported number undeliverable or invalid, no SMS go to it until a number is verified again.",
});

export const PhoneState = Type.Object(
  {
    number: Type.Union([PhoneNumber, Type.Null()], { description: "The verified number SMS go to, or null." }),
    status: PhoneStatus,
    verifiedAt: Type.Union([Timestamp("When the number was verified."), Type.Null()], { description: "When the number was verified, or null." }),
    pending: Type.Union(
      [
        Type.Object(
          {
            number: PhoneNumber,
            codeExpiresAt: Timestamp("When the code sent to it stops working."),
            attemptsLeft: Type.Integer({ minimum: 0, description: "Wrong codes that may still be tried before a new one must be asked for." }),
          },
          { additionalProperties: false, description: "A number waiting for its code (the verified one, if any, stays in use until then)." },
        ),
        Type.Null(),
      ],
      { description: "A number being verified, or null." },
    ),
  },
  { additionalProperties: false },
);
export type PhoneState = Static<typeof PhoneState>;

const Code = Type.String({ pattern: "^[0-9]{6}$", description: "The 6-digit code received by SMS." });

export const notificationsSms = {
  phoneGet: request({
    subject: "svc.notifications.phone.get",
    description: "The caller's phone number for SMS notifications: verified or not, suppressed or not, and a number waiting for its code.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: PhoneState,
    idempotent: true,
  }),
  phoneSet: request({
    subject: "svc.notifications.phone.set",
    description:
      "Starts verifying a number for the caller: a 6-digit code goes to it by SMS (valid SMS_CODE_TTL_S, SMS_CODE_MAX_ATTEMPTS tries). A verified number stays in use until the new one is confirmed. 400 naming number for a number the provider refuses; 429 past the per-number or per-user limit; 409 when this platform sends no SMS. Not retried by callers: each attempt sends a code.",
    request: Type.Object({ number: PhoneNumber }, { additionalProperties: false }),
    reply: PhoneState,
    idempotent: false,
  }),
  phoneConfirm: request({
    subject: "svc.notifications.phone.confirm",
    description:
      "Confirms the pending number with the code it received; it becomes the caller's verified number (lifting any suppression). 400 naming code when it is wrong, expired or used up, or when no code is pending.",
    request: Type.Object({ code: Code }, { additionalProperties: false }),
    reply: PhoneState,
    idempotent: false,
  }),
  phoneRemove: request({
    subject: "svc.notifications.phone.remove",
    description: "Forgets the caller's number (verified and pending): no SMS go out any more, whatever the preferences say.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: PhoneState,
    idempotent: true,
  }),
  smsStatus: request({
    subject: "svc.notifications.sms.status",
    description:
      "A delivery receipt of the SMS provider (Twilio's StatusCallback), relayed by the edge: the form as sent and its X-Twilio-Signature, checked here against the callback URL and the auth token (403 when it does not match). Records the message's status; an undelivered or failed message with an error that says the number cannot receive SMS suppresses it.",
    request: Type.Object(
      {
        body: Type.String({ maxLength: 16_384, description: "The form body (application/x-www-form-urlencoded) exactly as the provider sent it." }),
        signature: Type.String({
          maxLength: 512,
          description: "The X-Twilio-Signature header: base64 HMAC-SHA1 of the callback URL and the sorted fields, keyed with the auth token.",
        }),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ ok: Type.Literal(true) }, { additionalProperties: false }),
    idempotent: true,
  }),
} as const;
