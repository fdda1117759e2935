/**
 * identity: accounts, sessions, the keys access tokens are signed with, OpenID Connect sign-in,
 * two-factor, roles, profiles, organizations and follows. Everything is a svc.identity.* subject;
 * every state change emits its event through the outbox in the same transaction.
 */
import { Type } from "@sinclair/typebox";
import { identityEvents } from "../../subjects/identity.ts";
import { defineService } from "../kit/service.ts";
import { DEV_LINK_SEALING_KEYS, linkSeal, usesDevLinkKey } from "../kit/link-seal.ts";
import { accounts } from "./migrations/001-accounts.ts";
import { identityTables } from "./migrations/002-identity.ts";
import { emailChange } from "./migrations/003-email-change.ts";
import { oidcBinding } from "./migrations/004-oidc-binding.ts";
import { openKeyStore } from "./keys.ts";
import { oidcClient, parseProviders } from "./oidc.ts";
import { totpVault } from "./totp-vault.ts";
import { startPruning } from "./pruning.ts";
import { resealTotpSecrets } from "./usecases/reseal-totp.ts";
import { endpoints } from "./endpoints/index.ts";
import type { Deps } from "./deps.ts";

export const IdentityEnv = Type.Object({
  JWT_ISSUER: Type.String({ default: "convene", description: "iss of access tokens (the edge checks it)." }),
  JWT_AUDIENCE: Type.String({ default: "convene-api", description: "aud of access tokens (the edge checks it)." }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 3600, default: 900, description: "Lifetime of access tokens." }),
  JWT_PRIVATE_KEYS_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "A JSON JWK set of EC P-256 private keys with kids; the last one signs, all are published. Unset: a key is made at first boot and kept in the database.",
    }),
  ),
  BOOTSTRAP_ADMIN_EMAIL: Type.Optional(
    Type.String({
      format: "email",
      description: "The account with this email becomes an admin once the address is verified, while the database has none (the first admin).",
    }),
  ),
  REQUIRE_2FA_FOR_ADMINS: Type.Optional(
    Type.Boolean({
      description:
        "When true, an admin without TOTP cannot sign in (fails with totp_enrolment_required and a challenge to enrol with). Unset: true in production (NODE_ENV=production), false elsewhere.",
    }),
  ),
  TOTP_ISSUER: Type.String({ default: "Convene", description: "Issuer name authenticator apps show next to the account." }),
  TOTP_ENCRYPTION_KEYS: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "Keys sealing TOTP secrets at rest (AES-256-GCM): comma-separated base64 of 32 bytes each (openssl rand -base64 32), the sealing one first; older ones still open. Unset: secrets are stored unsealed (development).",
    }),
  ),
  LINK_SEALING_KEYS: Type.String({
    minLength: 1,
    default: DEV_LINK_SEALING_KEYS,
    description:
      "Keys sealing single-use link tokens (verification, password reset, email change, invitation) on their way to the mail sender (AES-256-GCM): comma-separated base64 of 32 bytes each (openssl rand -base64 32), the sealing one first; older ones still open. The same list on identity and notifications. Default: a development key production refuses.",
  }),
  LINK_SEAL_TTL_SECONDS: Type.Integer({
    minimum: 60,
    maximum: 604_800,
    default: 3600,
    description:
      "How long a sealed link token can still be mailed (never past the token's own expiry): an email not sent by then is not sent, and the user asks for a new link.",
  }),
  OIDC_PROVIDERS: Type.Optional(
    Type.String({
      description: 'OpenID Connect providers as JSON: [{"id","name"?,"issuer","clientId","clientSecret","redirectUri","scopes"?}]. Unset: no provider sign-in.',
    }),
  ),
});

export const identityService = defineService({
  name: "identity",
  bus: { publishes: Object.values(identityEvents) },
  version: "0.2.0",
  description: "Accounts, sessions, access-token keys, OpenID Connect, two-factor, roles, profiles, organizations and follows.",
  env: IdentityEnv,
  migrations: [accounts, identityTables, emailChange, oidcBinding],
  devSecrets: (env) => [
    { name: "TOTP_ENCRYPTION_KEYS", insecure: !env.TOTP_ENCRYPTION_KEYS, why: "is unset (two-factor secrets would be stored unsealed)" },
    {
      name: "LINK_SEALING_KEYS",
      insecure: usesDevLinkKey(env.LINK_SEALING_KEYS),
      why: "holds the development key (anyone could open the link tokens in events)",
    },
  ],
  async setup(rt) {
    const production = rt.env.NODE_ENV === "production";
    const deps: Deps = {
      db: rt.db,
      tokens: { issuer: rt.env.JWT_ISSUER, audience: rt.env.JWT_AUDIENCE, ttlSeconds: rt.env.ACCESS_TOKEN_TTL_SECONDS },
      keys: await openKeyStore(rt.db, { file: rt.env.JWT_PRIVATE_KEYS_FILE, ttlSeconds: rt.env.ACCESS_TOKEN_TTL_SECONDS }),
      bootstrapAdminEmail: rt.env.BOOTSTRAP_ADMIN_EMAIL,
      // Production requires it unless told otherwise; development does not.
      require2faForAdmins: rt.env.REQUIRE_2FA_FOR_ADMINS ?? production,
      totpIssuer: rt.env.TOTP_ISSUER,
      totpVault: totpVault(rt.env.TOTP_ENCRYPTION_KEYS),
      oidc: oidcClient(parseProviders(rt.env.OIDC_PROVIDERS)),
      mailLinks: { seal: linkSeal(rt.env.LINK_SEALING_KEYS), ttlMs: rt.env.LINK_SEAL_TTL_SECONDS * 1000 },
      now: () => new Date(),
    };
    // In the background: a boot must not wait for every secret, and a sign-in reseals its own.
    void resealTotpSecrets(deps).then(
      (n) => n && rt.log.info({ resealed: n }, "TOTP secrets sealed under the current key"),
      (err: unknown) => rt.log.warn({ err }, "resealing TOTP secrets failed; sign-ins still reseal their own"),
    );
    const pruning = startPruning(deps, { everyMs: 10 * 60_000, onError: (err) => rt.log.warn({ err }, "pruning expired rows failed") });
    return { endpoints: endpoints(deps), stop: () => pruning.stop() };
  },
});
