/** Opaque single-use secrets (refresh, reset, verification, invitation tokens): only their SHA-256 is stored. */
import { createHash, randomBytes } from "node:crypto";

/** 256 bits, URL-safe. */
export const newSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** What the database keeps instead of the token: a leaked table yields no working token. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");
