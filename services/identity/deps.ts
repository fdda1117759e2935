import type { Db } from "../kit/db.ts";
import type { KeyStore, TokenSettings } from "./keys.ts";
import type { OidcClient } from "./oidc.ts";
import type { TotpVault } from "./totp-vault.ts";
import type { MailLinks } from "./mail-links.ts";

/** What identity's endpoints need, built once in setup. */
export type Deps = {
  db: Db;
  tokens: TokenSettings;
  keys: KeyStore;
  bootstrapAdminEmail?: string;
  /** REQUIRE_2FA_FOR_ADMINS: an admin without TOTP cannot sign in. */
  require2faForAdmins: boolean;
  /** Issuer shown in authenticator apps. */
  totpIssuer: string;
  /** Seals TOTP secrets at rest (TOTP_ENCRYPTION_KEYS). */
  totpVault: TotpVault;
  oidc: OidcClient;
  /** Seals single-use link tokens for the mail sender (LINK_SEALING_KEYS, LINK_SEAL_TTL_SECONDS). */
  mailLinks: MailLinks;
  /** The clock of every use case (a unit test stops it); never `new Date()` in a use case. */
  now(): Date;
};
