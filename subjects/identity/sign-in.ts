/** Other ways in: OpenID Connect providers and two-factor (TOTP, RFC 6238). */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { Challenge, ClientIp, Ok, TokenPair, TotpCode } from "./schemas.ts";

/** Filled by the edge from the verified access token, never by the client. */
const SessionId = Type.Optional(
  Type.String({
    format: "uuid",
    description:
      "The access token's session (filled by the edge): an account that signs in only with a provider proves presence by a sign-in within the last 10 minutes.",
  }),
);

export const signIn = {
  oidcProviders: request({
    subject: "svc.identity.oidc.providers",
    description: "The OpenID Connect providers configured for sign-in (OIDC_PROVIDERS).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({
      providers: Type.Array(
        Type.Object({ id: Type.String({ description: "Provider id for oidc.start." }), name: Type.String({ description: "Name to show on the button." }) }, {
          additionalProperties: false,
        }),
      ),
    }, { additionalProperties: false }),
    idempotent: true,
  }),
  oidcStart: request({
    subject: "svc.identity.oidc.start",
    description:
      "Begins an OpenID Connect sign-in (authorization code + PKCE S256): returns the provider's authorization URL to send the browser to. The redirect URI is the provider's configured one.",
    request: Type.Object({ provider: Type.String({ minLength: 1, maxLength: 64, description: "Provider id from oidc.providers." }) }, {
      additionalProperties: false,
    }),
    reply: Type.Object(
      {
        authorizationUrl: Type.String({ format: "uri", description: "Where to redirect the browser." }),
        state: Type.String({ description: "The state parameter in that URL; comes back on the callback (valid 10 minutes)." }),
        verifier: Type.String({
          description:
            "A secret for the client that started the sign-in to keep (e.g. in a cookie) and send with the callback: a callback URL alone, leaked or planted, signs nobody in.",
        }),
      },
      { additionalProperties: false },
    ),
    idempotent: false,
  }),
  oidcCallback: request({
    subject: "svc.identity.oidc.callback",
    description:
      "Finishes an OpenID Connect sign-in with the code and state the provider redirected back with. Signs in the linked account; else links the account with the same email only when the provider says the email is verified; else creates an account. May fail with totp_required like login.",
    request: Type.Object(
      {
        state: Type.String({ minLength: 16, maxLength: 200, description: "The state query parameter of the callback." }),
        code: Type.String({ minLength: 1, maxLength: 2048, description: "The code query parameter of the callback." }),
        verifier: Type.String({ minLength: 16, maxLength: 200, description: "The verifier oidc.start returned to the client that started this sign-in." }),
        ip: ClientIp,
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ ...TokenPair.properties, newAccount: Type.Boolean({ description: "True when this sign-in created the account." }) }, {
      additionalProperties: false,
    }),
    idempotent: false,
  }),
  totpEnrol: request({
    subject: "svc.identity.totp.enrol",
    description:
      "Starts TOTP enrolment: a new secret as an otpauth:// URI (the client draws the QR code). Nothing changes until totp.verify confirms a code. Needs the caller's principal and password, or the challenge of a totp_enrolment_required error.",
    request: Type.Object(
      {
        challenge: Type.Optional(Challenge),
        password: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 256,
            description: "The caller's current password; required with a principal (an access token alone cannot change how the account signs in).",
          }),
        ),
        sessionId: SessionId,
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        otpauthUri: Type.String({ description: "otpauth://totp/… URI (SHA1, 6 digits, 30 s) for the QR code." }),
        secret: Type.String({ description: "The same secret in base32, for manual entry." }),
      },
      { additionalProperties: false },
    ),
    idempotent: false,
  }),
  totpVerify: request({
    subject: "svc.identity.totp.verify",
    description:
      "Confirms enrolment with a current code: two-factor is on from now, and 10 single-use recovery codes are returned (shown once, stored hashed).",
    request: Type.Object({
      code: Type.String({ pattern: "^[0-9]{6}$", description: "6-digit code from the authenticator app." }),
      challenge: Type.Optional(Challenge),
    }, { additionalProperties: false }),
    reply: Type.Object({
      recoveryCodes: Type.Array(Type.String(), {
        minItems: 10,
        maxItems: 10,
        description: "Single-use codes for when the authenticator is lost. Shown only now.",
      }),
    }, { additionalProperties: false }),
    idempotent: false,
  }),
  totpLogin: request({
    subject: "svc.identity.totp.login",
    description:
      "Second step of a sign-in that failed with totp_required: the challenge from the error's details and a code (or a recovery code, which is then used up).",
    request: Type.Object({ challenge: Challenge, code: TotpCode, ip: ClientIp }, { additionalProperties: false }),
    reply: TokenPair,
    idempotent: false,
  }),
  totpDisable: request({
    subject: "svc.identity.totp.disable",
    description:
      "Turns two-factor off (needs the password and a current code); recovery codes are deleted. Refused for admins when REQUIRE_2FA_FOR_ADMINS is on.",
    request: Type.Object(
      {
        code: TotpCode,
        password: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 256,
            description:
              "The caller's current password (an access token alone cannot turn two-factor off); an account without one signs in again instead (sessionId).",
          }),
        ),
        ip: ClientIp,
        sessionId: SessionId,
      },
      { additionalProperties: false },
    ),
    reply: Ok,
    idempotent: false,
  }),
} as const;
