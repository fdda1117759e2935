/** Accounts and sessions: registration, sign-in with a password, refresh and logout, email verification, password and email changes. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { Email, Locale, Name, TimeZone, Uuid } from "../common.ts";
import { AccountSummary, ClientIp, Jwk, MyAccount, Ok, Password, SingleUseToken, TokenPair } from "./schemas.ts";

export const accounts = {
  accountsRegister: request({
    subject: "svc.identity.accounts.register",
    description: "Creates an account with email and password (argon2id). The email is unique whatever its case.",
    request: Type.Object(
      {
        email: Email,
        password: Password,
        displayName: Name("Public display name.", 100),
        locale: Type.Optional(Locale),
        timeZone: Type.Optional(TimeZone),
        ip: ClientIp,
      },
      { additionalProperties: false },
    ),
    reply: AccountSummary,
    idempotent: false,
  }),
  sessionsCreate: request({
    subject: "svc.identity.sessions.create",
    description: "Exchanges email and password for an access token and a refresh token (a new session).",
    request: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 256, description: "The password." }), ip: ClientIp }, {
      additionalProperties: false,
    }),
    reply: TokenPair,
    idempotent: false,
  }),
  sessionsRefresh: request({
    subject: "svc.identity.sessions.refresh",
    description: "Rotates a refresh token: returns new tokens and retires the old one. Presenting a retired token again revokes its whole family (RFC 9700).",
    request: Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 200, description: "The current refresh token." }) }, {
      additionalProperties: false,
    }),
    reply: TokenPair,
    idempotent: false,
  }),
  sessionsDelete: request({
    subject: "svc.identity.sessions.delete",
    description: "Ends the session of a refresh token (this device).",
    request: Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 200, description: "The session's refresh token." }) }, {
      additionalProperties: false,
    }),
    reply: Type.Object({ ok: Type.Literal(true) }),
    idempotent: true,
  }),
  accountsGet: request({
    subject: "svc.identity.accounts.get",
    description: "The caller's own account, private fields included.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: MyAccount,
    idempotent: true,
  }),
  /** The public keys access tokens are signed with (the edge caches them; refreshed on an unknown kid). */
  keysList: request({
    subject: "svc.identity.keys.list",
    description: "Public signing keys of access tokens as a JWKS (RFC 7517). Tokens are ES256 JWTs with iss, aud, typ=at+jwt and kid.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ keys: Type.Array(Jwk) }),
    idempotent: true,
  }),
  sessionsCheck: request({
    subject: "svc.identity.sessions.check",
    description:
      "Whether the session an access token names (its sid) is still open: not logged out, not revoked by logout-all, a password change or reset, a refresh-token replay or a deactivation. The edge asks before honouring a token (and caches the answer a few seconds), so ending a session ends its access tokens too.",
    request: Type.Object({ sub: Uuid("The token's subject."), sid: Uuid("The token's session id.") }, { additionalProperties: false }),
    reply: Type.Object({ active: Type.Boolean({ description: "True while the session is open and the account active." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  accountsVerifyEmail: request({
    subject: "svc.identity.accounts.verify-email",
    description: "Proves ownership of the account's email with the single-use token from evt.user.registered. Emits evt.user.email_verified.",
    request: Type.Object({ token: SingleUseToken("email verification") }, { additionalProperties: false }),
    reply: Type.Object({ userId: Uuid("The verified account."), email: Email }, { additionalProperties: false }),
    idempotent: false,
  }),
  sessionsDeleteAll: request({
    subject: "svc.identity.sessions.delete-all",
    description: "Ends every session of the caller (all devices); their access tokens stop working within seconds (the edge checks each token's session).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ revokedSessions: Type.Integer({ minimum: 0, description: "Sessions that were still open." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  passwordForgot: request({
    subject: "svc.identity.password.forgot",
    description:
      "Starts a password reset: when the email belongs to an active account, emits evt.user.password_reset_requested with a single-use token valid 1 hour. Answers the same whether or not the account exists.",
    request: Type.Object({ email: Email, ip: ClientIp }, { additionalProperties: false }),
    reply: Ok,
    idempotent: false,
  }),
  passwordReset: request({
    subject: "svc.identity.password.reset",
    description: "Sets a new password with the token from the reset email. The token works once; every open session of the account is revoked.",
    request: Type.Object({ token: SingleUseToken("password reset"), password: Password }, { additionalProperties: false }),
    reply: Ok,
    idempotent: false,
  }),
  passwordChange: request({
    subject: "svc.identity.password.change",
    description:
      "Changes the caller's password, proving the current one (throttled like sign-in). Every session of the account is revoked (whoever knew the old password is logged out) and a new session is opened for the caller.",
    request: Type.Object(
      { currentPassword: Type.String({ minLength: 1, maxLength: 256, description: "The password in use now." }), newPassword: Password, ip: ClientIp },
      { additionalProperties: false },
    ),
    reply: TokenPair,
    idempotent: false,
  }),
  emailChange: request({
    subject: "svc.identity.email.change",
    description:
      "Starts changing the caller's email: a link valid 24 hours goes to the new address (evt.user.email_change_requested); the account keeps its address until that link is followed. An account with a password confirms with it (throttled like sign-in). 409 when another account has the address.",
    request: Type.Object(
      {
        newEmail: Email,
        currentPassword: Type.Optional(
          Type.String({ minLength: 1, maxLength: 256, description: "The password in use now (required when the account has one)." }),
        ),
        ip: ClientIp,
      },
      { additionalProperties: false },
    ),
    reply: Ok,
    idempotent: false,
  }),
  emailConfirm: request({
    subject: "svc.identity.email.confirm",
    description:
      "Finishes an email change with the token from the link sent to the new address: the account's email becomes that address, verified. Emits evt.user.profile_updated and evt.user.email_verified. 409 when another account took the address meanwhile.",
    request: Type.Object({ token: SingleUseToken("email change") }, { additionalProperties: false }),
    reply: Type.Object({ userId: Uuid("The account."), email: Email }, { additionalProperties: false }),
    idempotent: false,
  }),
  accountsResendVerification: request({
    subject: "svc.identity.accounts.resend-verification",
    description:
      "Sends the caller a new email verification link (evt.user.verification_requested, token valid 7 days); earlier links stop working. Does nothing for an address already verified. Throttled per account.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ sent: Type.Boolean({ description: "False when the address was already verified." }) }, { additionalProperties: false }),
    idempotent: false,
  }),
} as const;
