import type { Deps } from "../deps.ts";
import { conflict } from "../../kit/errors.ts";
import { newTotp } from "../totp.ts";
import type { UserRow } from "../store.ts";
import { setPendingSecret } from "../store/totp.ts";
import { provePassword } from "../reauth.ts";

/**
 * A new pending secret as an otpauth:// URI; two-factor stays off until totp.verify confirms a code.
 * A signed-in caller proves the password first (`reauthenticate`); an admin enrolling with the
 * challenge of totp_enrolment_required has just proven it to earn that challenge.
 */
export async function enrolTotp(
  deps: Pick<Deps, "db" | "totpIssuer" | "totpVault" | "now">,
  user: UserRow,
  input: { password?: string; sessionId?: string; reauthenticate: boolean },
) {
  if (input.reauthenticate) await provePassword(deps.db, user, input.password, undefined, deps.now(), input.sessionId);
  if (user.totp_enabled_at) throw conflict("two-factor sign-in is already on; turn it off first to enrol another authenticator");
  const totp = newTotp(deps.totpIssuer, user.email);
  await setPendingSecret(deps.db, user.id, deps.totpVault.seal(user.id, totp.secret.base32));
  return { otpauthUri: totp.toString(), secret: totp.secret.base32 };
}
