/**
 * Credentials out of anything shown to people: values under keys that name a secret, and
 * `token=` / `access_token=` in URLs inside strings, become "[redacted]". For places that show
 * stored messages (the admin dead-letter list): a single-use link or token there is as good as the
 * user's own.
 */
const SECRET_KEY = /token|password|secret|^code$|challenge|verifier/i;
const SECRET_PARAM = /([?&](?:token|access_token|code)=)[^&#\s"]+/gi;

export const REDACTED = "[redacted]";

export function redactCredentials(value: unknown): unknown {
  if (typeof value === "string") return value.replace(SECRET_PARAM, `$1${REDACTED}`);
  if (Array.isArray(value)) return value.map(redactCredentials);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && (typeof v === "string" || typeof v === "number") ? REDACTED : redactCredentials(v)]),
    );
  }
  return value;
}
