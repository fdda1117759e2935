/**
 * Identity: accounts, sessions, roles, organizations and follows. This module holds the
 * contracts other services depend on, one file per sub-domain under subjects/identity/; it puts
 * them back together, so `identity.sessionsCreate` or `identityEvents.followed` reads the same everywhere.
 */
import { accounts } from "./identity/accounts.ts";
import { signIn } from "./identity/sign-in.ts";
import { admin } from "./identity/admin.ts";
import { profiles } from "./identity/profiles.ts";
import { orgs } from "./identity/orgs.ts";

export { AccountSummary, AdminUser, Organization, PublicProfile, TokenPair } from "./identity/schemas.ts";
export { identityEvents } from "./identity/events.ts";

/** Every request identity serves (svc.identity.*). */
export const identity = { ...accounts, ...signIn, ...orgs, ...admin, ...profiles } as const;
