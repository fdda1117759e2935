/**
 * Generated from the edge's OpenAPI document by test/e2e/client.ts — do not edit.
 */

export interface paths {
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up with email and password
         * @description Creates an account with email and password (argon2id). The email is unique whatever its case.
         *
         *     Subject: `svc.identity.accounts.register`.
         */
        post: operations["identityAccountsRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in: exchange email and password for tokens
         * @description Exchanges email and password for an access token and a refresh token (a new session).
         *
         *     Subject: `svc.identity.sessions.create`.
         */
        post: operations["identitySessionsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a login with the 6-digit code of the authenticator app
         * @description Second step of a sign-in that failed with totp_required: the challenge from the error's details and a code (or a recovery code, which is then used up).
         *
         *     Subject: `svc.identity.totp.login`.
         */
        post: operations["identityTotpLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a refresh token
         * @description Rotates a refresh token: returns new tokens and retires the old one. Presenting a retired token again revokes its whole family (RFC 9700).
         *
         *     Subject: `svc.identity.sessions.refresh`.
         */
        post: operations["identitySessionsRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session of a refresh token
         * @description Ends the session of a refresh token (this device).
         *
         *     Subject: `svc.identity.sessions.delete`.
         */
        post: operations["identitySessionsDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of the caller (log out everywhere)
         * @description Ends every session of the caller (all devices); their access tokens stop working within seconds (the edge checks each token's session).
         *
         *     Subject: `svc.identity.sessions.delete-all`.
         */
        post: operations["identitySessionsDeleteAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the emailed single-use token
         * @description Proves ownership of the account's email with the single-use token from evt.user.registered. Emits evt.user.email_verified.
         *
         *     Subject: `svc.identity.accounts.verify-email`.
         */
        post: operations["identityAccountsVerifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link (the answer is the same whether the account exists or not)
         * @description Starts a password reset: when the email belongs to an active account, emits evt.user.password_reset_requested with a single-use token valid 1 hour. Answers the same whether or not the account exists.
         *
         *     Subject: `svc.identity.password.forgot`.
         */
        post: operations["identityPasswordForgot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the emailed single-use token; ends every session
         * @description Sets a new password with the token from the reset email. The token works once; every open session of the account is revoked.
         *
         *     Subject: `svc.identity.password.reset`.
         */
        post: operations["identityPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password (proving the current one); ends every other session and returns new tokens
         * @description Changes the caller's password, proving the current one (throttled like sign-in). Every session of the account is revoked (whoever knew the old password is logged out) and a new session is opened for the caller.
         *
         *     Subject: `svc.identity.password.change`.
         */
        post: operations["identityPasswordChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my email: a link goes to the new address, which takes over once it is followed
         * @description Starts changing the caller's email: a link valid 24 hours goes to the new address (evt.user.email_change_requested); the account keeps its address until that link is followed. An account with a password confirms with it (throttled like sign-in). 409 when another account has the address.
         *
         *     Subject: `svc.identity.email.change`.
         */
        post: operations["identityEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish an email change with the token from the link sent to the new address
         * @description Finishes an email change with the token from the link sent to the new address: the account's email becomes that address, verified. Emits evt.user.profile_updated and evt.user.email_verified. 409 when another account took the address meanwhile.
         *
         *     Subject: `svc.identity.email.confirm`.
         */
        post: operations["identityEmailConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email me a new verification link (at most one a minute)
         * @description Sends the caller a new email verification link (evt.user.verification_requested, token valid 7 days); earlier links stop working. Does nothing for an address already verified. Throttled per account.
         *
         *     Subject: `svc.identity.accounts.resend-verification`.
         */
        post: operations["identityAccountsResendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys access tokens are signed with
         * @description Public signing keys of access tokens as a JWKS (RFC 7517). Tokens are ES256 JWTs with iss, aud, typ=at+jwt and kid.
         *
         *     Subject: `svc.identity.keys.list`.
         */
        get: operations["identityKeysList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign-in providers configured on this platform
         * @description The OpenID Connect providers configured for sign-in (OIDC_PROVIDERS).
         *
         *     Subject: `svc.identity.oidc.providers`.
         */
        get: operations["identityOidcProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/{provider}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with a provider: where to send the browser
         * @description Begins an OpenID Connect sign-in (authorization code + PKCE S256): returns the provider's authorization URL to send the browser to. The redirect URI is the provider's configured one.
         *
         *     Subject: `svc.identity.oidc.start`.
         */
        post: operations["identityOidcStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish signing in with the code and state the provider redirected back with
         * @description Finishes an OpenID Connect sign-in with the code and state the provider redirected back with. Signs in the linked account; else links the account with the same email only when the provider says the email is verified; else creates an account. May fail with totp_required like login.
         *
         *     Subject: `svc.identity.oidc.callback`.
         */
        post: operations["identityOidcCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own account
         * @description The caller's own account, private fields included.
         *
         *     Subject: `svc.identity.accounts.get`.
         */
        get: operations["identityAccountsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the caller's public profile, locale and time zone
         * @description Changes the caller's own profile; absent fields stay, null clears bio or avatar. Emits evt.user.profile_updated when the display name, locale or time zone change.
         *
         *     Subject: `svc.identity.profiles.update`.
         */
        patch: operations["identityProfilesUpdate"];
        trace?: never;
    };
    "/v1/auth/totp/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start enrolling an authenticator app: its secret and otpauth URI
         * @description Starts TOTP enrolment: a new secret as an otpauth:// URI (the client draws the QR code). Nothing changes until totp.verify confirms a code. Needs the caller's principal and password, or the challenge of a totp_enrolment_required error.
         *
         *     Subject: `svc.identity.totp.enrol`.
         */
        post: operations["identityTotpEnrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/totp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm enrolment with a first code; returns recovery codes
         * @description Confirms enrolment with a current code: two-factor is on from now, and 10 single-use recovery codes are returned (shown once, stored hashed).
         *
         *     Subject: `svc.identity.totp.verify`.
         */
        post: operations["identityTotpVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Turn two-factor sign-in off (needs the password, or a sign-in within 10 minutes for an account without one, and a current code)
         * @description Turns two-factor off (needs the password and a current code); recovery codes are deleted. Refused for admins when REQUIRE_2FA_FOR_ADMINS is on.
         *
         *     Subject: `svc.identity.totp.disable`.
         */
        delete: operations["identityTotpDisable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's public profile (nothing private)
         * @description A user's public profile (never the email). Deactivated users are not found.
         *
         *     Subject: `svc.identity.profiles.get`.
         */
        get: operations["identityProfilesGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search users
         * @description Lists accounts, newest first, optionally searched by email or display name and filtered by role or status.
         *
         *     Subject: `svc.identity.users.list`.
         */
        get: operations["identityUsersList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a user's roles
         * @description Replaces a user's platform roles (emits evt.user.role_changed when they change). An admin cannot remove their own admin role.
         *
         *     Subject: `svc.identity.users.set-roles`.
         */
        put: operations["identityUsersSetRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a user: no login, no refresh, out of follower lists
         * @description Deactivates an account: its sessions end, it cannot log in or refresh, it drops out of follower lists. Emits evt.user.deactivated. An admin cannot deactivate themselves.
         *
         *     Subject: `svc.identity.users.deactivate`.
         */
        post: operations["identityUsersDeactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a user
         * @description Reactivates a deactivated account. Emits evt.user.reactivated.
         *
         *     Subject: `svc.identity.users.reactivate`.
         */
        post: operations["identityUsersReactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing with a new key; tokens signed with the old one stay valid until they expire
         * @description Adds a new access-token signing key that signs from now on; older public keys stay in the JWKS until the tokens they signed have expired, so nobody is logged out. Refused when keys come from JWT_PRIVATE_KEYS_FILE (rotate the file instead).
         *
         *     Subject: `svc.identity.keys.rotate`.
         */
        post: operations["identityKeysRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organization (the caller becomes its owner)
         * @description Creates an organization; the caller becomes its owner. Emits evt.org.created and evt.org.member_added.
         *
         *     Subject: `svc.identity.orgs.create`.
         */
        post: operations["identityOrgsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organization
         * @description An organization's public page, with the caller's role in it.
         *
         *     Subject: `svc.identity.orgs.get`.
         */
        get: operations["identityOrgsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members of an organization and their roles
         * @description Members of an organization with their roles, newest first. Only members see it.
         *
         *     Subject: `svc.identity.orgs.members`.
         */
        get: operations["identityOrgsMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite someone by email (owners and admins)
         * @description Invites someone by email (owners and admins; only owners invite owners and admins). Emits evt.org.invitation_created with a single-use token valid 7 days for the notifications service to mail.
         *
         *     Subject: `svc.identity.orgs.invite`.
         */
        post: operations["identityOrgsInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation with its emailed token
         * @description Accepts an invitation with its token; the caller's account email must be the invited one. Emits evt.org.member_added.
         *
         *     Subject: `svc.identity.orgs.accept`.
         */
        post: operations["identityOrgsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Leave an organization
         * @description The caller leaves an organization. The last owner cannot leave. Emits evt.org.member_removed.
         *
         *     Subject: `svc.identity.orgs.leave`.
         */
        post: operations["identityOrgsLeave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (owners and admins)
         * @description Removes a member: owners remove anyone but the last owner, admins remove members. Emits evt.org.member_removed.
         *
         *     Subject: `svc.identity.orgs.remove-member`.
         */
        delete: operations["identityOrgsRemoveMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}/members/{userId}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a member's role (owners)
         * @description Changes a member's role (owners only; the last owner cannot step down). Setting the role a member already has changes nothing and emits nothing; otherwise emits evt.org.member_role_changed.
         *
         *     Subject: `svc.identity.orgs.set-role`.
         */
        put: operations["identityOrgsSetRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow a user (idempotent)
         * @description The caller follows a user or an organization. Following again changes nothing and emits nothing; following oneself is refused. Emits evt.user.followed once.
         *
         *     Subject: `svc.identity.follows.create`.
         */
        post: operations["identityFollowsCreate"];
        /**
         * Stop following a user
         * @description The caller stops following a user or an organization. Emits evt.user.unfollowed when a follow existed.
         *
         *     Subject: `svc.identity.follows.delete`.
         */
        delete: operations["identityFollowsDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow an organization (idempotent)
         * @description The caller follows a user or an organization. Following again changes nothing and emits nothing; following oneself is refused. Emits evt.user.followed once.
         *
         *     Subject: `svc.identity.follows.create`.
         */
        post: operations["identityFollowsCreatePost"];
        /**
         * Stop following an organization
         * @description The caller stops following a user or an organization. Emits evt.user.unfollowed when a follow existed.
         *
         *     Subject: `svc.identity.follows.delete`.
         */
        delete: operations["identityFollowsDeleteDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who follows a user, with the count
         * @description Active users following a user or an organization, newest first, with the total.
         *
         *     Subject: `svc.identity.follows.list-followers`.
         */
        get: operations["identityFollowsListFollowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who follows an organization, with the count
         * @description Active users following a user or an organization, newest first, with the total.
         *
         *     Subject: `svc.identity.follows.list-followers`.
         */
        get: operations["identityFollowsListFollowersGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whom a user follows, with the count
         * @description Users (active ones) and organizations a user follows, newest first, with the total.
         *
         *     Subject: `svc.identity.follows.list-following`.
         */
        get: operations["identityFollowsListFollowing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whom the caller follows, with the count
         * @description Users (active ones) and organizations a user follows, newest first, with the total.
         *
         *     Subject: `svc.identity.follows.list-following`.
         */
        get: operations["identityFollowsListFollowingGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search events: full text with typo tolerance, filters, distance, sorts
         * @description Full-text search with typo tolerance (title weighs more than tags, tags more than the description) and filters; sorted by relevance, start or popularity; cursor paginated. Lists published events the caller may see.
         *
         *     Subject: `svc.events.events.search`.
         */
        get: operations["eventsEventsSearch"];
        put?: never;
        /**
         * Create an event (a draft unless publish is true)
         * @description Creates an event owned by the caller (and by an organization the caller administers, when organizationId is set). A draft unless publish is true.
         *
         *     Subject: `svc.events.events.create`.
         */
        post: operations["eventsEventsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An event the caller may see
         * @description Reads an event the caller may see (a private or draft event the caller may not see is not_found). countView records a view for popularity.
         *
         *     Subject: `svc.events.events.get`.
         */
        get: operations["eventsEventsGet"];
        put?: never;
        post?: never;
        /**
         * Delete an event and its attachments (its history stays)
         * @description Deletes an event and its attachments; its history stays readable by its editors. Emits evt.event.deleted.
         *
         *     Subject: `svc.events.events.delete`.
         */
        delete: operations["eventsEventsDelete"];
        options?: never;
        head?: never;
        /**
         * Change an event (its author or an admin of its organization)
         * @description Changes fields of an event (its author or an admin of its organization). Each change is recorded in the history; a published event's SEQUENCE rises and evt.event.updated lists the fields.
         *
         *     Subject: `svc.events.events.update`.
         */
        patch: operations["eventsEventsUpdate"];
        trace?: never;
    };
    "/v1/events/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a draft; followers are notified
         * @description Publishes a draft (its author or an admin of its organization); emits evt.event.published.
         *
         *     Subject: `svc.events.events.publish`.
         */
        post: operations["eventsEventsPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take an event back to draft (its editors, or an admin for moderation)
         * @description Takes a published event back to draft: its editors, or a platform admin for moderation (the reason is recorded). Emits evt.event.unpublished.
         *
         *     Subject: `svc.events.events.unpublish`.
         */
        post: operations["eventsEventsUnpublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an event; followers are notified
         * @description Cancels an event; it stays readable with status cancelled (STATUS:CANCELLED in calendars). Emits evt.event.cancelled when it had been published.
         *
         *     Subject: `svc.events.events.cancel`.
         */
        post: operations["eventsEventsCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change: who, when, old and new values (editors only)
         * @description The change history of an event, newest first: who, when, which fields, old and new values. Only its editors (and platform admins) may read it; it survives cancellation and deletion.
         *
         *     Subject: `svc.events.changes.list`.
         */
        get: operations["eventsChangesList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event as an iCalendar file
         * @description One event as an iCalendar file (SEQUENCE rises with each change; STATUS:CANCELLED once cancelled).
         *
         *     Subject: `svc.events.events.ics`.
         */
        get: operations["eventsEventsIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an event to my calendar feed
         * @description Adds an event the caller may see to the caller's calendar feed.
         *
         *     Subject: `svc.events.follows.create`.
         */
        post: operations["eventsFollowsCreate"];
        /**
         * Remove an event from my calendar feed
         * @description Removes an event from the caller's calendar feed.
         *
         *     Subject: `svc.events.follows.delete`.
         */
        delete: operations["eventsFollowsDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feeds/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent, upcoming, popular, or from whom I follow (signed in)
         * @description A feed of published events the caller may see: recent (newest published), upcoming (soonest), popular (views decayed over time), following (from the users and organizations the caller follows).
         *
         *     Subject: `svc.events.events.feed`.
         */
        get: operations["eventsEventsFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/calendar/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue my secret calendar-feed token (revokes the previous one)
         * @description Issues the caller's secret calendar-feed token, revoking any previous one. Shown once; only its hash is stored.
         *
         *     Subject: `svc.events.calendar.token`.
         */
        post: operations["eventsCalendarToken"];
        /**
         * Revoke my calendar-feed token
         * @description Revokes the caller's calendar-feed token; the feed URL stops working.
         *
         *     Subject: `svc.events.calendar.revoke`.
         */
        delete: operations["eventsCalendarRevoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{token}/feed.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A private calendar feed (the secret token is the credential)
         * @description The private calendar feed of a token's owner: events they follow and events of the users and organizations they follow (that they may see), from 30 days ago on.
         *
         *     Subject: `svc.events.calendar.feed`.
         */
        get: operations["eventsCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The managed list of categories
         * @description The managed list of categories.
         *
         *     Subject: `svc.events.categories.list`.
         */
        get: operations["eventsCategoriesList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/categories/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or rename a category
         * @description Creates or renames a category (platform admins).
         *
         *     Subject: `svc.events.categories.put`.
         */
        put: operations["eventsCategoriesPut"];
        post?: never;
        /**
         * Remove a category no event uses
         * @description Removes a category no event uses (platform admins); conflict while events use it.
         *
         *     Subject: `svc.events.categories.delete`.
         */
        delete: operations["eventsCategoriesDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach an image or file (base64 in JSON, at most 5 MiB decoded)
         * @description Uploads an image or file to an event (its editors): at most 5 MiB; PNG, JPEG, WebP (dimensions 1..10000 px, checked from the header), GIF, PDF or plain text; the type must match the content.
         *
         *     Subject: `svc.events.attachments.put`.
         */
        post: operations["eventsAttachmentsPut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an attachment (same visibility as its event)
         * @description Where to stream an attachment from: its metadata and its NATS Object Store bucket and object name, plus caching advice. Same visibility as the event. The edge streams the content from the Object Store with its content type, a strong ETag and caching advice.
         *
         *     Subject: `svc.events.attachments.get`.
         */
        get: operations["eventsAttachmentsDownload"];
        put?: never;
        post?: never;
        /**
         * Remove an attachment
         * @description Removes an attachment (its event's editors).
         *
         *     Subject: `svc.events.attachments.delete`.
         */
        delete: operations["eventsAttachmentsDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import events from an iCalendar URL (re-imports update by UID)
         * @description Imports events from an external iCalendar URL (http/https only; private, loopback, link-local and metadata addresses are refused, after DNS resolution and after every redirect; size and time capped). Re-importing updates the events with the same UID instead of duplicating them.
         *
         *     Subject: `svc.events.events.import`.
         */
        post: operations["eventsEventsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My inbox, newest first
         * @description The caller's inbox, newest first, by cursor. Archived items are listed only with archived=true.
         *
         *     Subject: `svc.notifications.inbox.list`.
         */
        get: operations["notificationsInboxList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many inbox items are unread
         * @description How many of the caller's inbox items (not archived) are unread.
         *
         *     Subject: `svc.notifications.inbox.unread-count`.
         */
        get: operations["notificationsInboxUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark every inbox item read
         * @description Marks every unread item of the caller read.
         *
         *     Subject: `svc.notifications.inbox.mark-all-read`.
         */
        post: operations["notificationsInboxMarkAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an inbox item read
         * @description Marks one of the caller's items read (404 for another user's item).
         *
         *     Subject: `svc.notifications.inbox.mark-read`.
         */
        post: operations["notificationsInboxMarkRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/{id}/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an inbox item unread
         * @description Marks one of the caller's items unread (404 for another user's item).
         *
         *     Subject: `svc.notifications.inbox.mark-unread`.
         */
        post: operations["notificationsInboxMarkUnread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive an inbox item
         * @description Archives one of the caller's items (read as well); it leaves the inbox list (404 for another user's item).
         *
         *     Subject: `svc.notifications.inbox.archive`.
         */
        post: operations["notificationsInboxArchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register this device for push notifications
         * @description Registers an FCM registration token for the caller's device (a token seen before moves to the caller).
         *
         *     Subject: `svc.notifications.devices.register`.
         */
        post: operations["notificationsDevicesRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/devices/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Forget a device token
         * @description Forgets one of the caller's device tokens (logout on that device).
         *
         *     Subject: `svc.notifications.devices.remove`.
         */
        delete: operations["notificationsDevicesRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notification preferences
         * @description The caller's notification preferences (defaults when never set: every channel on, no quiet hours).
         *
         *     Subject: `svc.notifications.preferences.get`.
         */
        get: operations["notificationsPreferencesGet"];
        /**
         * Replace my notification preferences
         * @description Replaces the caller's notification preferences.
         *
         *     Subject: `svc.notifications.preferences.set`.
         */
        put: operations["notificationsPreferencesSet"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The page an email's unsubscribe link opens: asks to confirm
         * @description Reads what the signed link of an email would unsubscribe from, changing nothing (the page the link opens asks before it acts).
         *
         *     Subject: `svc.notifications.preferences.preview-unsubscribe`.
         */
        get: operations["notificationsPreferencesPreviewUnsubscribe"];
        put?: never;
        /**
         * One-click unsubscribe from an email link
         * @description One-click unsubscribe (RFC 8058) from the signed link of an email: turns that kind of email off for its user (for a digest: every follower email). Needs no principal; the signature is the authority.
         *
         *     Subject: `svc.notifications.preferences.unsubscribe`.
         */
        post: operations["notificationsPreferencesUnsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My phone number for SMS notifications
         * @description The caller's phone number for SMS notifications: verified or not, suppressed or not, and a number waiting for its code.
         *
         *     Subject: `svc.notifications.phone.get`.
         */
        get: operations["notificationsPhoneGet"];
        put?: never;
        /**
         * Set my phone number: a 6-digit code is sent to it by SMS
         * @description Starts verifying a number for the caller: a 6-digit code goes to it by SMS (valid SMS_CODE_TTL_S, SMS_CODE_MAX_ATTEMPTS tries). A verified number stays in use until the new one is confirmed. 400 naming number for a number the provider refuses; 429 past the per-number or per-user limit; 409 when this platform sends no SMS. Not retried by callers: each attempt sends a code.
         *
         *     Subject: `svc.notifications.phone.set`.
         */
        post: operations["notificationsPhoneSet"];
        /**
         * Forget my phone number (no more SMS)
         * @description Forgets the caller's number (verified and pending): no SMS go out any more, whatever the preferences say.
         *
         *     Subject: `svc.notifications.phone.remove`.
         */
        delete: operations["notificationsPhoneRemove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm my phone number with the code it received
         * @description Confirms the pending number with the code it received; it becomes the caller's verified number (lifting any suppression). 400 naming code when it is wrong, expired or used up, or when no code is pending.
         *
         *     Subject: `svc.notifications.phone.confirm`.
         */
        post: operations["notificationsPhoneConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/sms/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SMS delivery receipt (Twilio status callback, form post, signed)
         * @description A delivery receipt of the SMS provider (Twilio's StatusCallback), relayed by the edge: the form as sent and its X-Twilio-Signature, checked here against the callback URL and the auth token (403 when it does not match). Records the message's status; an undelivered or failed message with an error that says the number cannot receive SMS suppresses it.
         *
         *     Subject: `svc.notifications.sms.status`.
         */
        post: operations["notificationsSmsStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * When the event's attendees are reminded (its organizer)
         * @description The event's organizer (or an admin) sets when its attendees are reminded; null goes back to the platform default (NOTIFY_REMINDER_OFFSETS). Reminders already planned are re-planned at once. 404 for an event notifications does not know.
         *
         *     Subject: `svc.notifications.reminders.set`.
         */
        put: operations["notificationsRemindersSet"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages the event's organizers sent its attendees, newest first (its organizers)
         * @description Messages the event's organizers sent to its attendees, newest first (its organizers, as for sending).
         *
         *     Subject: `svc.notifications.messages.list`.
         */
        get: operations["notificationsMessagesList"];
        put?: never;
        /**
         * Write to the event's attendees: all, one ticket type's holders or the checked-in (its organizers; 429 message_rate_limited past NOTIFY_MESSAGES_PER_HOUR)
         * @description An organizer of the event (its author, an admin of its organization, a platform admin — as bookings decides) writes to its attendees: all, one ticket type's holders, or the checked-in. Each is told once per channel by their preferences (inbox, email, push). Limited per event: subject and body lengths, and NOTIFY_MESSAGES_PER_HOUR messages in any hour (429 message_rate_limited, details.retryAfterSeconds). With an idempotencyKey, a retry sends nothing twice and answers the same message.
         *
         *     Subject: `svc.notifications.messages.send`.
         */
        post: operations["notificationsMessagesSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a notification to one user or a list (admins)
         * @description Admins (and services, calling without a principal): sends one notification to one user or a list, on the channels given (default: every channel each user allows for the kind). Idempotent by idempotencyKey: the same key creates nothing twice and answers the same notification id. Users notifications does not know (or deactivated) are listed in skipped.
         *
         *     Subject: `svc.notifications.notices.send`.
         */
        post: operations["notificationsNoticesSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/notifications/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dead letters of the notification consumers
         * @description Admin: dead letters of the notifications consumers (DEAD_LETTERS stream), oldest first, after a stream sequence.
         *
         *     Subject: `svc.notifications.dead-letters.list`.
         */
        get: operations["notificationsDeadLettersList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/notifications/dead-letters/{seq}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a dead letter
         * @description Admin: replays a dead letter through the consumer that dead-lettered it (its handler runs again on the original message; nothing is republished). Once per dead letter: a second replay answers duplicate and does nothing. A message that still breaks its contract is refused (400).
         *
         *     Subject: `svc.notifications.dead-letters.replay`.
         */
        post: operations["notificationsDeadLettersReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book seats: items per ticket type, or {eventId, seats} of the default type; 409 sold_out when they are gone
         * @description Books seats for the caller: items per ticket type, or a plain `seats` of the default type. A free order is confirmed at once; a paid one is held (reserved) for the event's holdMinutes. conflict `sold_out` when the seats are not there (details.waitlistOpen says whether joining the waitlist is possible).
         *
         *     Subject: `svc.bookings.orders.create`.
         */
        post: operations["bookingsOrdersCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A booking with its tickets (its booker or the event's organizers)
         * @description One order with its tickets (its booker, the event's organizers, admins, or a service call without a principal, e.g. payments).
         *
         *     Subject: `svc.bookings.orders.get`.
         */
        get: operations["bookingsOrdersGet"];
        put?: never;
        post?: never;
        /**
         * Cancel a booking (its booker within the event's rules, or the event's organizers); seats return once
         * @description Cancels an order: its booker (until the event's cancellation deadline; a paid order gets refundPercent back) or the event's organizers (full refund). Seats return to the quota exactly once; cancelling again answers the cancelled order.
         *
         *     Subject: `svc.bookings.orders.cancel`.
         */
        delete: operations["bookingsOrdersCancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My bookings with their tickets, newest first
         * @description The caller's orders with tickets, newest first.
         *
         *     Subject: `svc.bookings.orders.mine`.
         */
        get: operations["bookingsOrdersMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register for a free event (one seat of the default ticket type)
         * @description Books seats for the caller: items per ticket type, or a plain `seats` of the default type. A free order is confirmed at once; a paid one is held (reserved) for the event's holdMinutes. conflict `sold_out` when the seats are not there (details.waitlistOpen says whether joining the waitlist is possible).
         *
         *     Subject: `svc.bookings.orders.create`.
         */
        post: operations["bookingsOrdersCreatePost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Seats left of an event and of its ticket types
         * @description Seats left of an event and of its public ticket types (a projection kept by the inventory, no call per read).
         *
         *     Subject: `svc.bookings.availability.get`.
         */
        get: operations["bookingsAvailabilityGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/booking-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An event's booking rules: hold time, cancellation deadline and refund, waitlist
         * @description An event's booking rules (hold time, cancellation deadline and refund, waitlist).
         *
         *     Subject: `svc.bookings.settings.get`.
         */
        get: operations["bookingsSettingsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an event's booking rules (its organizers)
         * @description Changes an event's booking rules (its organizers).
         *
         *     Subject: `svc.bookings.settings.put`.
         */
        patch: operations["bookingsSettingsPut"];
        trace?: never;
    };
    "/v1/events/{id}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Participants (one row per ticket) with status filter, search and counts (its organizers)
         * @description Participants of an event for its organizers: one row per ticket, filtered by order status and searched by attendee name or email, with counts per status.
         *
         *     Subject: `svc.bookings.registrations.list`.
         */
        get: operations["bookingsRegistrationsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/registrations.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All participants as a CSV download, streamed (its organizers)
         * @description Participants of an event for its organizers: one row per ticket, filtered by order status and searched by attendee name or email, with counts per status.
         *
         *     Subject: `svc.bookings.registrations.list`.
         */
        get: operations["bookingsRegistrationsListGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales per day and per ticket type, for charts (its organizers)
         * @description An event's sales for its organizers' charts: tickets sold per day (UTC days of booking; orders confirmed or partially refunded), and per ticket type (public ones, and hidden ones that sold) sold, on hold, checked in and revenue before refunds.
         *
         *     Subject: `svc.bookings.sales.get`.
         */
        get: operations["bookingsSalesGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/ticket-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ticket types of an event (hidden ones and quotas for its organizers)
         * @description An event's ticket types (hidden ones only for its organizers).
         *
         *     Subject: `svc.bookings.ticket-types.list`.
         */
        get: operations["bookingsTicketTypesList"];
        put?: never;
        /**
         * Add a ticket type (its organizers)
         * @description Adds a ticket type to an event (its organizers).
         *
         *     Subject: `svc.bookings.ticket-types.create`.
         */
        post: operations["bookingsTicketTypesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/ticket-types/{ticketTypeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a ticket type (its organizers)
         * @description Changes a ticket type (its event's organizers); price changes apply to new orders only.
         *
         *     Subject: `svc.bookings.ticket-types.update`.
         */
        patch: operations["bookingsTicketTypesUpdate"];
        trace?: never;
    };
    "/v1/events/{id}/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a quota shared by ticket types (its organizers)
         * @description Adds a quota shared by ticket types of an event (its organizers).
         *
         *     Subject: `svc.bookings.quotas.create`.
         */
        post: operations["bookingsQuotasCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The waitlist in queue order (its organizers)
         * @description An event's waitlist in queue order (its organizers).
         *
         *     Subject: `svc.bookings.waitlist.list`.
         */
        get: operations["bookingsWaitlistList"];
        put?: never;
        /**
         * Join the waitlist of a sold-out event with a group size
         * @description Joins an event's waitlist with a group size (one entry per user and event; joining again changes nothing). Fairness: first come, first offered; an entry whose group does not fit the seats freed keeps its place and smaller entries behind it may be offered first.
         *
         *     Subject: `svc.bookings.waitlist.join`.
         */
        post: operations["bookingsWaitlistJoin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/waitlist/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My place on the waitlist
         * @description The caller's entry on an event's waitlist; not_found when none.
         *
         *     Subject: `svc.bookings.waitlist.mine`.
         */
        get: operations["bookingsWaitlistMine"];
        put?: never;
        post?: never;
        /**
         * Leave the waitlist (declines an open offer)
         * @description Leaves an event's waitlist (an open offer is declined).
         *
         *     Subject: `svc.bookings.waitlist.leave`.
         */
        delete: operations["bookingsWaitlistLeave"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist/{entryId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a waitlist offer: its held seats become a booking
         * @description Accepts an open offer: its held seats become an order (confirmed when free, reserved for payment otherwise). conflict `offer_expired` once it lapsed.
         *
         *     Subject: `svc.bookings.waitlist.accept`.
         */
        post: operations["bookingsWaitlistAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist/{entryId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline a waitlist offer; its seats move on
         * @description Declines an open offer; its seats move on to the next entry.
         *
         *     Subject: `svc.bookings.waitlist.decline`.
         */
        post: operations["bookingsWaitlistDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check-in list by ticket type, with counts
         * @description Check-in list by ticket type (its organizers): valid tickets with their check-in, and counts.
         *
         *     Subject: `svc.bookings.check-ins.list`.
         */
        get: operations["bookingsCheckInsList"];
        put?: never;
        /**
         * Scan a ticket code at the door: valid, already_checked_in, other_event, cancelled or forged
         * @description Scans a ticket code at an event's door (its organizers): valid (checked in now), already_checked_in (when, by whom), other_event, cancelled or forged.
         *
         *     Subject: `svc.bookings.check-ins.scan`.
         */
        post: operations["bookingsCheckInsScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/check-ins/offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload scans made offline; the earliest scan of a ticket wins
         * @description Uploads scans made offline (its organizers): each is applied at its scannedAt; the earliest scan of a ticket wins, later ones report already_checked_in.
         *
         *     Subject: `svc.bookings.check-ins.upload`.
         */
        post: operations["bookingsCheckInsUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/check-ins/package": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Offline check-in package: public key, revoked tickets, valid tickets
         * @description What a scanner needs offline (its organizers): the public key, the revoked (cancelled) ticket ids, and the valid tickets with names.
         *
         *     Subject: `svc.bookings.check-ins.package`.
         */
        get: operations["bookingsCheckInsPackage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Ed25519 public key (JWK) that verifies ticket codes offline
         * @description The Ed25519 public key that verifies ticket codes offline.
         *
         *     Subject: `svc.bookings.tickets.public-key`.
         */
        get: operations["bookingsTicketsPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket with its signed code
         * @description A ticket with its signed code (its booker, the event's organizers).
         *
         *     Subject: `svc.bookings.tickets.get`.
         */
        get: operations["bookingsTicketsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ticket's QR code as SVG
         * @description The QR image of a ticket's code, PNG or SVG.
         *
         *     Subject: `svc.bookings.tickets.qr`.
         */
        get: operations["bookingsTicketsQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ticket's QR code (format=png|svg), base64 in JSON
         * @description The QR image of a ticket's code, PNG or SVG.
         *
         *     Subject: `svc.bookings.tickets.qr`.
         */
        get: operations["bookingsTicketsQrGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My payments; an event's (its organizers); all (admins)
         * @description Payments newest first: the caller's own; with eventId, that event's (its organizers, admins); admins may list all.
         *
         *     Subject: `svc.payments.payments.list`.
         */
        get: operations["paymentsPaymentsList"];
        put?: never;
        /**
         * Pay a held booking: answers the provider's page to send the payer to
         * @description Starts paying a held booking of the caller: the booking's amount and currency, a provider payment page no longer valid than the hold. One live payment per booking: asking again answers the live one. conflict `order_not_payable` / `order_expired`.
         *
         *     Subject: `svc.payments.payments.create`.
         */
        post: operations["paymentsPaymentsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment with its refunds (payer, the event's organizers, admins)
         * @description One payment with its refunds: its payer, the event's organizers, or admins (others get not_found).
         *
         *     Subject: `svc.payments.payments.get`.
         */
        get: operations["paymentsPaymentsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund all or part of a payment (the event's organizers, admins)
         * @description Refunds a succeeded payment, all that is left or `amountMinor` of it: the payer (within the event's refund rules), the event's organizers or admins. Refunds never add up past the amount paid (conflict `refund_exceeds_paid`).
         *
         *     Subject: `svc.payments.payments.refund`.
         */
        post: operations["paymentsPaymentsRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The payment's receipt as a PDF
         * @description The receipt of a succeeded payment as a PDF (base64): its payer, the event's organizers, admins.
         *
         *     Subject: `svc.payments.receipts.get`.
         */
        get: operations["paymentsReceiptsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ledger transactions and balances: an organizer's events, or all (admins)
         * @description Ledger transactions newest first with balances: an organizer's (their events) or, for admins, all; eventId narrows to one event.
         *
         *     Subject: `svc.payments.transactions.list`.
         */
        get: operations["paymentsTransactionsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Methods the provider offers and my saved ones
         * @description The methods the provider offers and the caller's saved ones.
         *
         *     Subject: `svc.payments.methods.list`.
         */
        get: operations["paymentsMethodsList"];
        put?: never;
        /**
         * Save a method as the provider's token (never card data)
         * @description Saves a method for the caller as the provider's token (never card data).
         *
         *     Subject: `svc.payments.methods.save`.
         */
        post: operations["paymentsMethodsSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-callbacks/freedompay/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * FreedomPay result callback (form post, signed); answers signed XML
         * @description The provider's result callback as received (the public route's raw form body and the script name of our URL). Its signature is its only authentication; answers the signed XML for the provider. Idempotent: a repeat gets the same answer.
         *
         *     Subject: `svc.payments.callbacks.result`.
         */
        post: operations["paymentsCallbacksResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API description (OpenAPI 3.1) */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live inbox: new notifications as Server-Sent Events
         * @description Each new inbox item arrives as an SSE `notification` event whose `id` is the item's id. Reconnect with `Last-Event-ID` (or `?lastEventId=`) to receive the items missed since. EventSource cannot send headers, so the access token may also come as `?access_token=`.
         */
        get: operations["notificationsStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. */
        Problem: {
            /**
             * Format: uri
             * @description URI identifying the problem type; ends with the code.
             */
            type: string;
            /** @description Short summary of the problem type. */
            title: string;
            /** @description HTTP status. */
            status: number;
            /** @description What went wrong with this request. */
            detail: string;
            /** @description Stable machine-readable code, e.g. invalid_request, rate_limited. */
            code: string;
            /** @description The request path. */
            instance?: string;
            /** @description For validation errors: each offending field. */
            errors?: {
                /** @description Dotted path of the field. */
                field: string;
                /** @description What is wrong with it. */
                message: string;
            }[];
            /** @description What the client needs to go on, for some codes: e.g. `challenge` of totp_required (the second sign-in step). */
            details?: {
                [key: string]: unknown;
            };
        };
    };
    responses: {
        /** @description The request failed; see `code`. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid input; `errors` names each offending field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid access token. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller may not do this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflicts with the current state, or a request with the same Idempotency-Key is still in progress. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the limit. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The Idempotency-Key was already used with another body. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No instance of the service behind this operation is answering. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The service behind this operation did not answer in time. */
        Timeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
        IdempotencyKey: string;
        /** @description ETag of a representation the client has; 304 when unchanged. */
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before retrying. */
        RetryAfter: number;
        /** @description Entity tag of the representation; send it back in If-None-Match. */
        ETag: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    identityAccountsRegister: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address.
                     */
                    email: string;
                    /** @description At least 10 characters. */
                    password: string;
                    /** @description Public display name. */
                    displayName: string;
                    /** @description BCP 47 language tag, e.g. en or ru. */
                    locale?: string;
                    /** @description IANA time zone, e.g. Europe/Berlin. */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description User id.
                         */
                        id: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                        /** @description Public display name. */
                        displayName: string;
                        /** @description Platform roles. */
                        roles: ("admin" | "organizer" | "participant")[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identitySessionsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address.
                     */
                    email: string;
                    /** @description The password. */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ES256 JWT (typ at+jwt), valid 15 minutes. */
                        accessToken: string;
                        /** @description Opaque, single use: every refresh returns a new one. */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: {
                            /**
                             * Format: uuid
                             * @description User id.
                             */
                            id: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Platform roles. */
                            roles: ("admin" | "organizer" | "participant")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityTotpLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The challenge from the totp_required / totp_enrolment_required error's details (valid 5 minutes). */
                    challenge: string;
                    /** @description A 6-digit code from the authenticator app, or one unused recovery code (xxxxx-xxxxx). */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ES256 JWT (typ at+jwt), valid 15 minutes. */
                        accessToken: string;
                        /** @description Opaque, single use: every refresh returns a new one. */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: {
                            /**
                             * Format: uuid
                             * @description User id.
                             */
                            id: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Platform roles. */
                            roles: ("admin" | "organizer" | "participant")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identitySessionsRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The current refresh token. */
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ES256 JWT (typ at+jwt), valid 15 minutes. */
                        accessToken: string;
                        /** @description Opaque, single use: every refresh returns a new one. */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: {
                            /**
                             * Format: uuid
                             * @description User id.
                             */
                            id: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Platform roles. */
                            roles: ("admin" | "organizer" | "participant")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identitySessionsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The session's refresh token. */
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identitySessionsDeleteAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Sessions that were still open. */
                        revokedSessions: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityAccountsVerifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The single-use email verification token from the emailed link. */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The verified account.
                         */
                        userId: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityPasswordForgot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address.
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true; failures arrive as errors.
                         * @constant
                         */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The single-use password reset token from the emailed link. */
                    token: string;
                    /** @description At least 10 characters. */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true; failures arrive as errors.
                         * @constant
                         */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityPasswordChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The password in use now. */
                    currentPassword: string;
                    /** @description At least 10 characters. */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ES256 JWT (typ at+jwt), valid 15 minutes. */
                        accessToken: string;
                        /** @description Opaque, single use: every refresh returns a new one. */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: {
                            /**
                             * Format: uuid
                             * @description User id.
                             */
                            id: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Platform roles. */
                            roles: ("admin" | "organizer" | "participant")[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityEmailChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address.
                     */
                    newEmail: string;
                    /** @description The password in use now (required when the account has one). */
                    currentPassword?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true; failures arrive as errors.
                         * @constant
                         */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityEmailConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The single-use email change token from the emailed link. */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The account.
                         */
                        userId: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityAccountsResendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description False when the address was already verified. */
                        sent: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityKeysList: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: ({
                            kty: string;
                            crv?: string;
                            x?: string;
                            y?: string;
                            /** @description Key id, matched against the token header's kid. */
                            kid: string;
                            /** @description ES256. */
                            alg: string;
                            use?: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOidcProviders: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providers: {
                            /** @description Provider id for oidc.start. */
                            id: string;
                            /** @description Name to show on the button. */
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOidcStart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Provider id from oidc.providers. */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description Where to redirect the browser.
                         */
                        authorizationUrl: string;
                        /** @description The state parameter in that URL; comes back on the callback (valid 10 minutes). */
                        state: string;
                        /** @description A secret for the client that started the sign-in to keep (e.g. in a cookie) and send with the callback: a callback URL alone, leaked or planted, signs nobody in. */
                        verifier: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOidcCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The state query parameter of the callback. */
                    state: string;
                    /** @description The code query parameter of the callback. */
                    code: string;
                    /** @description The verifier oidc.start returned to the client that started this sign-in. */
                    verifier: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ES256 JWT (typ at+jwt), valid 15 minutes. */
                        accessToken: string;
                        /** @description Opaque, single use: every refresh returns a new one. */
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: {
                            /**
                             * Format: uuid
                             * @description User id.
                             */
                            id: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Platform roles. */
                            roles: ("admin" | "organizer" | "participant")[];
                        };
                        /** @description True when this sign-in created the account. */
                        newAccount: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityAccountsGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description User id.
                         */
                        id: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                        /** @description Public display name. */
                        displayName: string;
                        /** @description BCP 47 language tag, e.g. en or ru. */
                        locale: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        roles: ("admin" | "organizer" | "participant")[];
                        /** @description Whether the email was verified. */
                        emailVerified: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Free text about the user, or null. */
                        bio?: string | null;
                        /** @description Avatar URL, or null. */
                        avatarUrl?: string | null;
                        /** @description Whether two-factor sign-in (TOTP) is on. */
                        totpEnabled?: boolean;
                        /** @description False for accounts created by OpenID Connect that never set a password. */
                        hasPassword?: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityProfilesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Public display name. */
                    displayName?: string;
                    /** @description New bio, or null to clear it. */
                    bio?: string | null;
                    /** @description New avatar URL, or null to clear it. */
                    avatarUrl?: string | null;
                    /** @description BCP 47 language tag, e.g. en or ru. */
                    locale?: string;
                    /** @description IANA time zone, e.g. Europe/Berlin. */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description User id.
                         */
                        id: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                        /** @description Public display name. */
                        displayName: string;
                        /** @description BCP 47 language tag, e.g. en or ru. */
                        locale: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        roles: ("admin" | "organizer" | "participant")[];
                        /** @description Whether the email was verified. */
                        emailVerified: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Free text about the user, or null. */
                        bio?: string | null;
                        /** @description Avatar URL, or null. */
                        avatarUrl?: string | null;
                        /** @description Whether two-factor sign-in (TOTP) is on. */
                        totpEnabled?: boolean;
                        /** @description False for accounts created by OpenID Connect that never set a password. */
                        hasPassword?: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityTotpEnrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The challenge from the totp_required / totp_enrolment_required error's details (valid 5 minutes). */
                    challenge?: string;
                    /** @description The caller's current password; required with a principal (an access token alone cannot change how the account signs in). */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description otpauth://totp/… URI (SHA1, 6 digits, 30 s) for the QR code. */
                        otpauthUri: string;
                        /** @description The same secret in base32, for manual entry. */
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityTotpVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 6-digit code from the authenticator app. */
                    code: string;
                    /** @description The challenge from the totp_required / totp_enrolment_required error's details (valid 5 minutes). */
                    challenge?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single-use codes for when the authenticator is lost. Shown only now. */
                        recoveryCodes: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityTotpDisable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A 6-digit code from the authenticator app, or one unused recovery code (xxxxx-xxxxx). */
                    code: string;
                    /** @description The caller's current password (an access token alone cannot turn two-factor off); an account without one signs in again instead (sessionId). */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true; failures arrive as errors.
                         * @constant
                         */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityProfilesGet: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The user. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description User id.
                         */
                        id: string;
                        /** @description Public display name. */
                        displayName: string;
                        /** @description Free text, or null. */
                        bio: string | null;
                        /** @description Avatar URL, or null. */
                        avatarUrl: string | null;
                        /** @description Active users following this user. */
                        followers: number;
                        /** @description Active users and organizations this user follows. */
                        following: number;
                        /**
                         * Format: date-time
                         * @description When the account was created.
                         */
                        createdAt: string;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityUsersList: {
        parameters: {
            query?: {
                /** @description Case-insensitive substring of the email or display name. */
                query?: string;
                /** @description Platform role. */
                role?: "admin" | "organizer" | "participant";
                /** @description A deactivated account cannot log in or refresh and drops out of follower lists. */
                status?: "active" | "deactivated";
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, newest first. */
                        items: {
                            /**
                             * Format: uuid
                             * @description User id.
                             */
                            id: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Platform roles. */
                            roles: ("admin" | "organizer" | "participant")[];
                            /** @description A deactivated account cannot log in or refresh and drops out of follower lists. */
                            status: "active" | "deactivated";
                            /** @description Whether the email was verified. */
                            emailVerified: boolean;
                            /** @description Whether two-factor sign-in is on. */
                            totpEnabled: boolean;
                            /**
                             * Format: date-time
                             * @description When the account was created.
                             */
                            createdAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityUsersSetRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The complete new set of roles. */
                    roles: ("admin" | "organizer" | "participant")[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description User id.
                         */
                        id: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                        /** @description Public display name. */
                        displayName: string;
                        /** @description Platform roles. */
                        roles: ("admin" | "organizer" | "participant")[];
                        /** @description A deactivated account cannot log in or refresh and drops out of follower lists. */
                        status: "active" | "deactivated";
                        /** @description Whether the email was verified. */
                        emailVerified: boolean;
                        /** @description Whether two-factor sign-in is on. */
                        totpEnabled: boolean;
                        /**
                         * Format: date-time
                         * @description When the account was created.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityUsersDeactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description User id.
                         */
                        id: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                        /** @description Public display name. */
                        displayName: string;
                        /** @description Platform roles. */
                        roles: ("admin" | "organizer" | "participant")[];
                        /** @description A deactivated account cannot log in or refresh and drops out of follower lists. */
                        status: "active" | "deactivated";
                        /** @description Whether the email was verified. */
                        emailVerified: boolean;
                        /** @description Whether two-factor sign-in is on. */
                        totpEnabled: boolean;
                        /**
                         * Format: date-time
                         * @description When the account was created.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityUsersReactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description User id.
                         */
                        id: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                        /** @description Public display name. */
                        displayName: string;
                        /** @description Platform roles. */
                        roles: ("admin" | "organizer" | "participant")[];
                        /** @description A deactivated account cannot log in or refresh and drops out of follower lists. */
                        status: "active" | "deactivated";
                        /** @description Whether the email was verified. */
                        emailVerified: boolean;
                        /** @description Whether two-factor sign-in is on. */
                        totpEnabled: boolean;
                        /**
                         * Format: date-time
                         * @description When the account was created.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityKeysRotate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Key id of the new signing key. */
                        kid: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsCreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Display name. */
                    name: string;
                    /** @description Unique URL name; derived from the name when absent. */
                    slug?: string;
                    /** @description Free text. */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Organization id.
                         */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description Unique URL name (lower-case letters, digits, dashes). */
                        slug: string;
                        /** @description Free text, or null. */
                        description: string | null;
                        /** @description Number of members (owners and admins included). */
                        members: number;
                        /** @description Active users following the organization. */
                        followers: number;
                        /** @description The caller's role in it, or null (anonymous or not a member). */
                        myRole: ("owner" | "admin" | "member") | null;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsGet: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Organization id.
                         */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description Unique URL name (lower-case letters, digits, dashes). */
                        slug: string;
                        /** @description Free text, or null. */
                        description: string | null;
                        /** @description Number of members (owners and admins included). */
                        members: number;
                        /** @description Active users following the organization. */
                        followers: number;
                        /** @description The caller's role in it, or null (anonymous or not a member). */
                        myRole: ("owner" | "admin" | "member") | null;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsMembers: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, newest first. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The member.
                             */
                            userId: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Role in an organization: owner (everything, incl. other owners), admin (members and events), member. */
                            role: "owner" | "admin" | "member";
                            /**
                             * Format: date-time
                             * @description When they joined.
                             */
                            joinedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Email address.
                     */
                    email: string;
                    /**
                     * @description Role the invitee gets (only an owner may invite an owner or an admin).
                     * @default member
                     */
                    role?: "owner" | "admin" | "member";
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The invitation.
                         */
                        invitationId: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email: string;
                        /** @description Role the invitee gets (only an owner may invite an owner or an admin). */
                        role: "owner" | "admin" | "member";
                        /**
                         * Format: date-time
                         * @description When the token stops working.
                         */
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsAccept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The single-use invitation token from the emailed link. */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The organization joined.
                         */
                        orgId: string;
                        /** @description Role in an organization: owner (everything, incl. other owners), admin (members and events), member. */
                        role: "owner" | "admin" | "member";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsLeave: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true; failures arrive as errors.
                         * @constant
                         */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsRemoveMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization. */
                id: string;
                /** @description The member to remove. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true; failures arrive as errors.
                         * @constant
                         */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityOrgsSetRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization. */
                id: string;
                /** @description The member. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Role in an organization: owner (everything, incl. other owners), admin (members and events), member. */
                    role: "owner" | "admin" | "member";
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description False when the member already had that role. */
                        changed: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the followed user or organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        target: {
                            /** @description Whether the followed party is a user or an organization. */
                            kind: "user" | "org";
                            /**
                             * Format: uuid
                             * @description Id of the followed user or organization.
                             */
                            id: string;
                        };
                        /** @description False when the caller already followed the target. */
                        created: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the followed user or organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        target: {
                            /** @description Whether the followed party is a user or an organization. */
                            kind: "user" | "org";
                            /**
                             * Format: uuid
                             * @description Id of the followed user or organization.
                             */
                            id: string;
                        };
                        /** @description False when the caller did not follow the target. */
                        removed: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsCreatePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the followed user or organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        target: {
                            /** @description Whether the followed party is a user or an organization. */
                            kind: "user" | "org";
                            /**
                             * Format: uuid
                             * @description Id of the followed user or organization.
                             */
                            id: string;
                        };
                        /** @description False when the caller already followed the target. */
                        created: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsDeleteDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the followed user or organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        target: {
                            /** @description Whether the followed party is a user or an organization. */
                            kind: "user" | "org";
                            /**
                             * Format: uuid
                             * @description Id of the followed user or organization.
                             */
                            id: string;
                        };
                        /** @description False when the caller did not follow the target. */
                        removed: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsListFollowers: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description Id of the followed user or organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, newest first. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The follower.
                             */
                            userId: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Avatar URL, or null. */
                            avatarUrl: string | null;
                            /**
                             * Format: date-time
                             * @description When they started following.
                             */
                            followedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description All active followers, not just this page. */
                        total: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsListFollowersGet: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description Id of the followed user or organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, newest first. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The follower.
                             */
                            userId: string;
                            /** @description Public display name. */
                            displayName: string;
                            /** @description Avatar URL, or null. */
                            avatarUrl: string | null;
                            /**
                             * Format: date-time
                             * @description When they started following.
                             */
                            followedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description All active followers, not just this page. */
                        total: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsListFollowing: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The follower. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, newest first. */
                        items: {
                            target: {
                                /** @description Whether the followed party is a user or an organization. */
                                kind: "user" | "org";
                                /**
                                 * Format: uuid
                                 * @description Id of the followed user or organization.
                                 */
                                id: string;
                            };
                            /** @description Display name of the user or name of the organization. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description When the follow started.
                             */
                            followedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Everything followed, not just this page. */
                        total: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    identityFollowsListFollowingGet: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, newest first. */
                        items: {
                            target: {
                                /** @description Whether the followed party is a user or an organization. */
                                kind: "user" | "org";
                                /**
                                 * Format: uuid
                                 * @description Id of the followed user or organization.
                                 */
                                id: string;
                            };
                            /** @description Display name of the user or name of the organization. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description When the follow started.
                             */
                            followedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Everything followed, not just this page. */
                        total: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsSearch: {
        parameters: {
            query?: {
                /** @description Words to look for; misspellings are matched to close words. */
                q?: string;
                /** @description Slug of a category from svc.events.categories.list, e.g. tech-talks. */
                category?: string;
                /** @description Events carrying all of these tags. */
                tags?: string[];
                /** @description Events ending at or after this instant. */
                from?: string;
                /** @description Events starting before this instant. */
                to?: string;
                /** @description Events by this author. */
                organizerId?: string;
                /** @description Events of this organization. */
                organizationId?: string;
                /** @description Only venues within radiusKm of the point. */
                near?: {
                    /** @description Latitude. */
                    lat: number;
                    /** @description Longitude. */
                    lng: number;
                    /** @description Great-circle distance (km). */
                    radiusKm: number;
                };
                /** @description relevance (needs q; otherwise start), start (soonest first), popularity (decayed views). */
                sort?: "relevance" | "start" | "popularity";
                /** @description Include events that have ended (default: only those not yet over). */
                includePast?: boolean;
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The author.
                             */
                            organizerId: string;
                            /** @description The owning organization, or null. */
                            organizationId: string | null;
                            /** @description Title (plain text). */
                            title: string;
                            /**
                             * Format: date-time
                             * @description Start (UTC instant).
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description End (UTC instant).
                             */
                            endsAt: string;
                            /** @description IANA time zone, e.g. Europe/Berlin. */
                            timeZone: string;
                            /** @description Physical venue, or null. */
                            venue: {
                                /** @description Venue name. */
                                name: string;
                                /** @description Street address. */
                                address: string;
                                /** @description Latitude (WGS84). */
                                lat: number;
                                /** @description Longitude (WGS84). */
                                lng: number;
                            } | null;
                            /** @description http(s) URL of the online event, or null. */
                            onlineUrl: string | null;
                            /** @description Category slug, or null. */
                            category: string | null;
                            /** @description Normalized tags. */
                            tags: string[];
                            /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                            visibility: "public" | "unlisted" | "private";
                            /** @description Lifecycle status. */
                            status: "draft" | "published" | "cancelled";
                            /** @description Views so far. */
                            views: number;
                            /** @description When it was first published, or null. */
                            publishedAt: string | null;
                            /** @description Distance from the `near` point (search with near only). */
                            distanceKm?: number;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsCreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Title (plain text). */
                    title: string;
                    /** @description Description in Markdown; rendered to sanitized HTML in descriptionHtml. */
                    description?: string;
                    /**
                     * Format: date-time
                     * @description Start (an instant with offset, e.g. 2026-12-03T10:00:00+01:00).
                     */
                    startsAt: string;
                    /**
                     * Format: date-time
                     * @description End; after startsAt.
                     */
                    endsAt: string;
                    /** @description IANA time zone, e.g. Europe/Berlin. */
                    timeZone: string;
                    /** @description Physical venue, or null. */
                    venue?: {
                        /** @description Venue name. */
                        name: string;
                        /** @description Street address. */
                        address: string;
                        /** @description Latitude (WGS84). */
                        lat: number;
                        /** @description Longitude (WGS84). */
                        lng: number;
                    } | null;
                    /** @description http(s) URL of the online event, or null. */
                    onlineUrl?: string | null;
                    /** @description Category slug, or null for none. */
                    category?: string | null;
                    /** @description Free tags, normalized and de-duplicated (at most 20). */
                    tags?: string[];
                    /** @description Seats; null = unlimited. */
                    capacity?: number | null;
                    /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                    visibility?: "public" | "unlisted" | "private";
                    /** @description Users who may see a private event (besides its author and the organization's members). */
                    invitedUserIds?: string[];
                    /** @description Owning organization, or null. */
                    organizationId?: string | null;
                    /**
                     * @description Publish at once instead of saving a draft.
                     * @default false
                     */
                    publish?: boolean;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The author (owner) of the event.
                         */
                        organizerId: string;
                        /** @description The owning organization, or null when owned by a user. */
                        organizationId: string | null;
                        /** @description Title (plain text). */
                        title: string;
                        /** @description Markdown source of the description (empty when none). */
                        description: string;
                        /** @description The description rendered from Markdown and sanitized (safe to embed). */
                        descriptionHtml: string;
                        /**
                         * Format: date-time
                         * @description Start (UTC instant).
                         */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description End (UTC instant).
                         */
                        endsAt: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        /** @description Physical venue, or null. */
                        venue: {
                            /** @description Venue name. */
                            name: string;
                            /** @description Street address. */
                            address: string;
                            /** @description Latitude (WGS84). */
                            lat: number;
                            /** @description Longitude (WGS84). */
                            lng: number;
                        } | null;
                        /** @description http(s) URL of the online event, or null. */
                        onlineUrl: string | null;
                        /** @description Category slug, or null. */
                        category: string | null;
                        /** @description Normalized tags. */
                        tags: string[];
                        /** @description Seats; null = unlimited. */
                        capacity: number | null;
                        /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                        visibility: "public" | "unlisted" | "private";
                        /** @description Lifecycle status. */
                        status: "draft" | "published" | "cancelled";
                        /** @description iCalendar SEQUENCE: raised on every change after publication. */
                        sequence: number;
                        /** @description Invited users (shown to editors only). */
                        invitedUserIds?: string[];
                        /** @description Images and files of the event. */
                        attachments: {
                            /**
                             * Format: uuid
                             * @description Attachment id.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            eventId: string;
                            /** @description File name as uploaded (sanitized). */
                            filename: string;
                            /** @description MIME type, checked against the file's magic bytes. */
                            contentType: string;
                            /** @description Size in bytes. */
                            size: number;
                            /** @description Image width in pixels; null for non-images. */
                            width: number | null;
                            /** @description Image height in pixels; null for non-images. */
                            height: number | null;
                            /** @description SHA-256 of the content (hex); a strong ETag. */
                            sha256: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                        }[];
                        /** @description How many times the event was viewed. */
                        views: number;
                        /**
                         * Format: date-time
                         * @description Created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last changed.
                         */
                        updatedAt: string;
                        /** @description When it was first published, or null. */
                        publishedAt: string | null;
                        /** @description When it was cancelled, or null. */
                        cancelledAt: string | null;
                        /** @description Why it was cancelled, or null. */
                        cancelReason: string | null;
                        /** @description Google Calendar 'add to calendar' link. */
                        googleCalendarUrl: string;
                        /** @description Whether the caller may change the event. */
                        canEdit: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsGet: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The author (owner) of the event.
                         */
                        organizerId: string;
                        /** @description The owning organization, or null when owned by a user. */
                        organizationId: string | null;
                        /** @description Title (plain text). */
                        title: string;
                        /** @description Markdown source of the description (empty when none). */
                        description: string;
                        /** @description The description rendered from Markdown and sanitized (safe to embed). */
                        descriptionHtml: string;
                        /**
                         * Format: date-time
                         * @description Start (UTC instant).
                         */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description End (UTC instant).
                         */
                        endsAt: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        /** @description Physical venue, or null. */
                        venue: {
                            /** @description Venue name. */
                            name: string;
                            /** @description Street address. */
                            address: string;
                            /** @description Latitude (WGS84). */
                            lat: number;
                            /** @description Longitude (WGS84). */
                            lng: number;
                        } | null;
                        /** @description http(s) URL of the online event, or null. */
                        onlineUrl: string | null;
                        /** @description Category slug, or null. */
                        category: string | null;
                        /** @description Normalized tags. */
                        tags: string[];
                        /** @description Seats; null = unlimited. */
                        capacity: number | null;
                        /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                        visibility: "public" | "unlisted" | "private";
                        /** @description Lifecycle status. */
                        status: "draft" | "published" | "cancelled";
                        /** @description iCalendar SEQUENCE: raised on every change after publication. */
                        sequence: number;
                        /** @description Invited users (shown to editors only). */
                        invitedUserIds?: string[];
                        /** @description Images and files of the event. */
                        attachments: {
                            /**
                             * Format: uuid
                             * @description Attachment id.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            eventId: string;
                            /** @description File name as uploaded (sanitized). */
                            filename: string;
                            /** @description MIME type, checked against the file's magic bytes. */
                            contentType: string;
                            /** @description Size in bytes. */
                            size: number;
                            /** @description Image width in pixels; null for non-images. */
                            width: number | null;
                            /** @description Image height in pixels; null for non-images. */
                            height: number | null;
                            /** @description SHA-256 of the content (hex); a strong ETag. */
                            sha256: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                        }[];
                        /** @description How many times the event was viewed. */
                        views: number;
                        /**
                         * Format: date-time
                         * @description Created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last changed.
                         */
                        updatedAt: string;
                        /** @description When it was first published, or null. */
                        publishedAt: string | null;
                        /** @description When it was cancelled, or null. */
                        cancelledAt: string | null;
                        /** @description Why it was cancelled, or null. */
                        cancelReason: string | null;
                        /** @description Google Calendar 'add to calendar' link. */
                        googleCalendarUrl: string;
                        /** @description Whether the caller may change the event. */
                        canEdit: boolean;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        deleted: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Title (plain text). */
                    title?: string;
                    /** @description Description in Markdown; rendered to sanitized HTML in descriptionHtml. */
                    description?: string;
                    /**
                     * Format: date-time
                     * @description Start (an instant with offset, e.g. 2026-12-03T10:00:00+01:00).
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description End; after startsAt.
                     */
                    endsAt?: string;
                    /** @description IANA time zone, e.g. Europe/Berlin. */
                    timeZone?: string;
                    /** @description Physical venue, or null. */
                    venue?: {
                        /** @description Venue name. */
                        name: string;
                        /** @description Street address. */
                        address: string;
                        /** @description Latitude (WGS84). */
                        lat: number;
                        /** @description Longitude (WGS84). */
                        lng: number;
                    } | null;
                    /** @description http(s) URL of the online event, or null. */
                    onlineUrl?: string | null;
                    /** @description Category slug, or null for none. */
                    category?: string | null;
                    /** @description Free tags, normalized and de-duplicated (at most 20). */
                    tags?: string[];
                    /** @description Seats; null = unlimited. */
                    capacity?: number | null;
                    /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                    visibility?: "public" | "unlisted" | "private";
                    /** @description Users who may see a private event (besides its author and the organization's members). */
                    invitedUserIds?: string[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The author (owner) of the event.
                         */
                        organizerId: string;
                        /** @description The owning organization, or null when owned by a user. */
                        organizationId: string | null;
                        /** @description Title (plain text). */
                        title: string;
                        /** @description Markdown source of the description (empty when none). */
                        description: string;
                        /** @description The description rendered from Markdown and sanitized (safe to embed). */
                        descriptionHtml: string;
                        /**
                         * Format: date-time
                         * @description Start (UTC instant).
                         */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description End (UTC instant).
                         */
                        endsAt: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        /** @description Physical venue, or null. */
                        venue: {
                            /** @description Venue name. */
                            name: string;
                            /** @description Street address. */
                            address: string;
                            /** @description Latitude (WGS84). */
                            lat: number;
                            /** @description Longitude (WGS84). */
                            lng: number;
                        } | null;
                        /** @description http(s) URL of the online event, or null. */
                        onlineUrl: string | null;
                        /** @description Category slug, or null. */
                        category: string | null;
                        /** @description Normalized tags. */
                        tags: string[];
                        /** @description Seats; null = unlimited. */
                        capacity: number | null;
                        /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                        visibility: "public" | "unlisted" | "private";
                        /** @description Lifecycle status. */
                        status: "draft" | "published" | "cancelled";
                        /** @description iCalendar SEQUENCE: raised on every change after publication. */
                        sequence: number;
                        /** @description Invited users (shown to editors only). */
                        invitedUserIds?: string[];
                        /** @description Images and files of the event. */
                        attachments: {
                            /**
                             * Format: uuid
                             * @description Attachment id.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            eventId: string;
                            /** @description File name as uploaded (sanitized). */
                            filename: string;
                            /** @description MIME type, checked against the file's magic bytes. */
                            contentType: string;
                            /** @description Size in bytes. */
                            size: number;
                            /** @description Image width in pixels; null for non-images. */
                            width: number | null;
                            /** @description Image height in pixels; null for non-images. */
                            height: number | null;
                            /** @description SHA-256 of the content (hex); a strong ETag. */
                            sha256: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                        }[];
                        /** @description How many times the event was viewed. */
                        views: number;
                        /**
                         * Format: date-time
                         * @description Created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last changed.
                         */
                        updatedAt: string;
                        /** @description When it was first published, or null. */
                        publishedAt: string | null;
                        /** @description When it was cancelled, or null. */
                        cancelledAt: string | null;
                        /** @description Why it was cancelled, or null. */
                        cancelReason: string | null;
                        /** @description Google Calendar 'add to calendar' link. */
                        googleCalendarUrl: string;
                        /** @description Whether the caller may change the event. */
                        canEdit: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsPublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The author (owner) of the event.
                         */
                        organizerId: string;
                        /** @description The owning organization, or null when owned by a user. */
                        organizationId: string | null;
                        /** @description Title (plain text). */
                        title: string;
                        /** @description Markdown source of the description (empty when none). */
                        description: string;
                        /** @description The description rendered from Markdown and sanitized (safe to embed). */
                        descriptionHtml: string;
                        /**
                         * Format: date-time
                         * @description Start (UTC instant).
                         */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description End (UTC instant).
                         */
                        endsAt: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        /** @description Physical venue, or null. */
                        venue: {
                            /** @description Venue name. */
                            name: string;
                            /** @description Street address. */
                            address: string;
                            /** @description Latitude (WGS84). */
                            lat: number;
                            /** @description Longitude (WGS84). */
                            lng: number;
                        } | null;
                        /** @description http(s) URL of the online event, or null. */
                        onlineUrl: string | null;
                        /** @description Category slug, or null. */
                        category: string | null;
                        /** @description Normalized tags. */
                        tags: string[];
                        /** @description Seats; null = unlimited. */
                        capacity: number | null;
                        /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                        visibility: "public" | "unlisted" | "private";
                        /** @description Lifecycle status. */
                        status: "draft" | "published" | "cancelled";
                        /** @description iCalendar SEQUENCE: raised on every change after publication. */
                        sequence: number;
                        /** @description Invited users (shown to editors only). */
                        invitedUserIds?: string[];
                        /** @description Images and files of the event. */
                        attachments: {
                            /**
                             * Format: uuid
                             * @description Attachment id.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            eventId: string;
                            /** @description File name as uploaded (sanitized). */
                            filename: string;
                            /** @description MIME type, checked against the file's magic bytes. */
                            contentType: string;
                            /** @description Size in bytes. */
                            size: number;
                            /** @description Image width in pixels; null for non-images. */
                            width: number | null;
                            /** @description Image height in pixels; null for non-images. */
                            height: number | null;
                            /** @description SHA-256 of the content (hex); a strong ETag. */
                            sha256: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                        }[];
                        /** @description How many times the event was viewed. */
                        views: number;
                        /**
                         * Format: date-time
                         * @description Created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last changed.
                         */
                        updatedAt: string;
                        /** @description When it was first published, or null. */
                        publishedAt: string | null;
                        /** @description When it was cancelled, or null. */
                        cancelledAt: string | null;
                        /** @description Why it was cancelled, or null. */
                        cancelReason: string | null;
                        /** @description Google Calendar 'add to calendar' link. */
                        googleCalendarUrl: string;
                        /** @description Whether the caller may change the event. */
                        canEdit: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsUnpublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Why (shown in the history). */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The author (owner) of the event.
                         */
                        organizerId: string;
                        /** @description The owning organization, or null when owned by a user. */
                        organizationId: string | null;
                        /** @description Title (plain text). */
                        title: string;
                        /** @description Markdown source of the description (empty when none). */
                        description: string;
                        /** @description The description rendered from Markdown and sanitized (safe to embed). */
                        descriptionHtml: string;
                        /**
                         * Format: date-time
                         * @description Start (UTC instant).
                         */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description End (UTC instant).
                         */
                        endsAt: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        /** @description Physical venue, or null. */
                        venue: {
                            /** @description Venue name. */
                            name: string;
                            /** @description Street address. */
                            address: string;
                            /** @description Latitude (WGS84). */
                            lat: number;
                            /** @description Longitude (WGS84). */
                            lng: number;
                        } | null;
                        /** @description http(s) URL of the online event, or null. */
                        onlineUrl: string | null;
                        /** @description Category slug, or null. */
                        category: string | null;
                        /** @description Normalized tags. */
                        tags: string[];
                        /** @description Seats; null = unlimited. */
                        capacity: number | null;
                        /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                        visibility: "public" | "unlisted" | "private";
                        /** @description Lifecycle status. */
                        status: "draft" | "published" | "cancelled";
                        /** @description iCalendar SEQUENCE: raised on every change after publication. */
                        sequence: number;
                        /** @description Invited users (shown to editors only). */
                        invitedUserIds?: string[];
                        /** @description Images and files of the event. */
                        attachments: {
                            /**
                             * Format: uuid
                             * @description Attachment id.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            eventId: string;
                            /** @description File name as uploaded (sanitized). */
                            filename: string;
                            /** @description MIME type, checked against the file's magic bytes. */
                            contentType: string;
                            /** @description Size in bytes. */
                            size: number;
                            /** @description Image width in pixels; null for non-images. */
                            width: number | null;
                            /** @description Image height in pixels; null for non-images. */
                            height: number | null;
                            /** @description SHA-256 of the content (hex); a strong ETag. */
                            sha256: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                        }[];
                        /** @description How many times the event was viewed. */
                        views: number;
                        /**
                         * Format: date-time
                         * @description Created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last changed.
                         */
                        updatedAt: string;
                        /** @description When it was first published, or null. */
                        publishedAt: string | null;
                        /** @description When it was cancelled, or null. */
                        cancelledAt: string | null;
                        /** @description Why it was cancelled, or null. */
                        cancelReason: string | null;
                        /** @description Google Calendar 'add to calendar' link. */
                        googleCalendarUrl: string;
                        /** @description Whether the caller may change the event. */
                        canEdit: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Why, told to followers. */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The author (owner) of the event.
                         */
                        organizerId: string;
                        /** @description The owning organization, or null when owned by a user. */
                        organizationId: string | null;
                        /** @description Title (plain text). */
                        title: string;
                        /** @description Markdown source of the description (empty when none). */
                        description: string;
                        /** @description The description rendered from Markdown and sanitized (safe to embed). */
                        descriptionHtml: string;
                        /**
                         * Format: date-time
                         * @description Start (UTC instant).
                         */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description End (UTC instant).
                         */
                        endsAt: string;
                        /** @description IANA time zone, e.g. Europe/Berlin. */
                        timeZone: string;
                        /** @description Physical venue, or null. */
                        venue: {
                            /** @description Venue name. */
                            name: string;
                            /** @description Street address. */
                            address: string;
                            /** @description Latitude (WGS84). */
                            lat: number;
                            /** @description Longitude (WGS84). */
                            lng: number;
                        } | null;
                        /** @description http(s) URL of the online event, or null. */
                        onlineUrl: string | null;
                        /** @description Category slug, or null. */
                        category: string | null;
                        /** @description Normalized tags. */
                        tags: string[];
                        /** @description Seats; null = unlimited. */
                        capacity: number | null;
                        /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                        visibility: "public" | "unlisted" | "private";
                        /** @description Lifecycle status. */
                        status: "draft" | "published" | "cancelled";
                        /** @description iCalendar SEQUENCE: raised on every change after publication. */
                        sequence: number;
                        /** @description Invited users (shown to editors only). */
                        invitedUserIds?: string[];
                        /** @description Images and files of the event. */
                        attachments: {
                            /**
                             * Format: uuid
                             * @description Attachment id.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            eventId: string;
                            /** @description File name as uploaded (sanitized). */
                            filename: string;
                            /** @description MIME type, checked against the file's magic bytes. */
                            contentType: string;
                            /** @description Size in bytes. */
                            size: number;
                            /** @description Image width in pixels; null for non-images. */
                            width: number | null;
                            /** @description Image height in pixels; null for non-images. */
                            height: number | null;
                            /** @description SHA-256 of the content (hex); a strong ETag. */
                            sha256: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                        }[];
                        /** @description How many times the event was viewed. */
                        views: number;
                        /**
                         * Format: date-time
                         * @description Created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last changed.
                         */
                        updatedAt: string;
                        /** @description When it was first published, or null. */
                        publishedAt: string | null;
                        /** @description When it was cancelled, or null. */
                        cancelledAt: string | null;
                        /** @description Why it was cancelled, or null. */
                        cancelReason: string | null;
                        /** @description Google Calendar 'add to calendar' link. */
                        googleCalendarUrl: string;
                        /** @description Whether the caller may change the event. */
                        canEdit: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsChangesList: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Entry id (ordering key). */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When.
                             */
                            at: string;
                            /** @description Who made the change (null for the system). */
                            actorId: string | null;
                            /** @description What happened. */
                            action: "created" | "updated" | "published" | "unpublished" | "cancelled" | "deleted" | "imported" | "attachment_added" | "attachment_removed";
                            /** @description Fields changed, old and new values. */
                            changes: {
                                /** @description Name of a changed field, e.g. startsAt, venue, status. */
                                field: string;
                                /** @description Value before (null when unset). */
                                old: unknown;
                                /** @description Value after (null when unset). */
                                new: unknown;
                            }[];
                            /** @description A reason, when one was given. */
                            note: string | null;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsIcs: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar; charset=utf-8": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsFollowsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        following: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsFollowsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        following: false;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsFeed: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description Which feed. */
                kind: "recent" | "upcoming" | "popular" | "following";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The author.
                             */
                            organizerId: string;
                            /** @description The owning organization, or null. */
                            organizationId: string | null;
                            /** @description Title (plain text). */
                            title: string;
                            /**
                             * Format: date-time
                             * @description Start (UTC instant).
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description End (UTC instant).
                             */
                            endsAt: string;
                            /** @description IANA time zone, e.g. Europe/Berlin. */
                            timeZone: string;
                            /** @description Physical venue, or null. */
                            venue: {
                                /** @description Venue name. */
                                name: string;
                                /** @description Street address. */
                                address: string;
                                /** @description Latitude (WGS84). */
                                lat: number;
                                /** @description Longitude (WGS84). */
                                lng: number;
                            } | null;
                            /** @description http(s) URL of the online event, or null. */
                            onlineUrl: string | null;
                            /** @description Category slug, or null. */
                            category: string | null;
                            /** @description Normalized tags. */
                            tags: string[];
                            /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                            visibility: "public" | "unlisted" | "private";
                            /** @description Lifecycle status. */
                            status: "draft" | "published" | "cancelled";
                            /** @description Views so far. */
                            views: number;
                            /** @description When it was first published, or null. */
                            publishedAt: string | null;
                            /** @description Distance from the `near` point (search with near only). */
                            distanceKm?: number;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsCalendarToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Secret for the feed URL; treat it like a password. */
                        token: string;
                        /**
                         * Format: date-time
                         * @description Issued.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsCalendarRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether a token existed. */
                        revoked: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsCalendarFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The secret from svc.events.calendar.token. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar; charset=utf-8": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsCategoriesList: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Slug of a category from svc.events.categories.list, e.g. tech-talks. */
                            slug: string;
                            /** @description Display name. */
                            name: string;
                            /** @description What belongs in it (may be empty). */
                            description: string;
                        }[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsCategoriesPut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Slug of a category from svc.events.categories.list, e.g. tech-talks. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Display name. */
                    name: string;
                    /** @description What belongs in it (may be empty). */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Slug of a category from svc.events.categories.list, e.g. tech-talks. */
                        slug: string;
                        /** @description Display name. */
                        name: string;
                        /** @description What belongs in it (may be empty). */
                        description: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsCategoriesDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Slug of a category from svc.events.categories.list, e.g. tech-talks. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether it existed. */
                        deleted: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsAttachmentsPut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Original file name. */
                    filename: string;
                    /** @description Declared MIME type: image/png, image/jpeg, image/webp, image/gif, application/pdf or text/plain. */
                    contentType: string;
                    /** @description The content, base64 (at most 5 MiB decoded). */
                    dataBase64: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Attachment id.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        eventId: string;
                        /** @description File name as uploaded (sanitized). */
                        filename: string;
                        /** @description MIME type, checked against the file's magic bytes. */
                        contentType: string;
                        /** @description Size in bytes. */
                        size: number;
                        /** @description Image width in pixels; null for non-images. */
                        width: number | null;
                        /** @description Image height in pixels; null for non-images. */
                        height: number | null;
                        /** @description SHA-256 of the content (hex); a strong ETag. */
                        sha256: string;
                        /**
                         * Format: date-time
                         * @description When it was uploaded.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsAttachmentsDownload: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The event. */
                id: string;
                /** @description The attachment. */
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Problem"];
        };
    };
    eventsAttachmentsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
                /** @description The attachment. */
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        deleted: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    eventsEventsImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description http(s) URL of an iCalendar (.ics) feed. */
                    url: string;
                    /** @description Owning organization of the imported events, or null. */
                    organizationId?: string | null;
                    /** @description public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users. */
                    visibility?: "public" | "unlisted" | "private";
                    /**
                     * @description Publish imported events at once (new ones; existing ones keep their status).
                     * @default false
                     */
                    publish?: boolean;
                    /** @description IANA time zone, e.g. Europe/Berlin. */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description New events. */
                        created: number;
                        /** @description Existing events (same UID) that changed. */
                        updated: number;
                        /** @description Existing events that did not change. */
                        unchanged: number;
                        /** @description Entries not imported, and why. */
                        skipped: {
                            uid: string;
                            reason: string;
                        }[];
                        /** @description The events created or matched, in feed order. */
                        eventIds: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsInboxList: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
                /** @description Only unread items. */
                unreadOnly?: boolean;
                /** @description List the archive instead of the inbox. */
                archived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Inbox item id (opaque, increasing). */
                            id: string;
                            /**
                             * Format: uuid
                             * @description Id of the domain event that caused it.
                             */
                            sourceId: string;
                            /** @description What the notification is about. */
                            kind: "event_published" | "event_updated" | "event_cancelled" | "verify_email" | "welcome" | "password_reset" | "org_invitation" | "email_change" | "email_change_notice" | "digest" | "booking_confirmed" | "booking_expired" | "booking_cancelled" | "payment_succeeded" | "payment_failed" | "payment_refunded" | "waitlist_offered" | "event_reminder" | "announcement" | "organizer_message";
                            /** @description Title, in the user's locale. */
                            title: string;
                            /** @description Body text, in the user's locale. */
                            body: string;
                            /** @description Deep link (path in the app), e.g. /events/<id>. */
                            link: string;
                            /**
                             * Format: date-time
                             * @description When it arrived.
                             */
                            createdAt: string;
                            /** @description When it was read, or null. */
                            readAt: string | null;
                            /** @description When it was archived, or null. */
                            archivedAt: string | null;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsInboxUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Unread items. */
                        unread: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsInboxMarkAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Items marked read. */
                        updated: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsInboxMarkRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Inbox item id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsInboxMarkUnread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Inbox item id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsInboxArchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Inbox item id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsDevicesRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description FCM registration token. */
                    token: string;
                    /** @description Device platform. */
                    platform: "android" | "ios" | "web";
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsDevicesRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description FCM registration token. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the caller had that token. */
                        removed: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPreferencesGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Channel switches per kind of notification (an attendee kind left out is on for every channel; event_updated and event_cancelled also apply to events the user attends). */
                        kinds: {
                            event_published: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            event_updated: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            event_cancelled: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            booking_confirmed?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            booking_expired?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            booking_cancelled?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            payment_succeeded?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            payment_failed?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            payment_refunded?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            waitlist_offered?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            event_reminder?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            announcement?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            organizer_message?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                        };
                        /** @description Quiet hours, or null for none. */
                        quietHours: {
                            /** @description Local wall-clock time HH:MM. */
                            start: string;
                            /** @description Local wall-clock time HH:MM. */
                            end: string;
                        } | null;
                        /** @description Send follower emails as one daily digest (at NOTIFY_DIGEST_LOCAL_TIME in the user's time zone) instead of one email each; in-app and push stay immediate. */
                        digest: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPreferencesSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Channel switches per kind of notification (an attendee kind left out is on for every channel; event_updated and event_cancelled also apply to events the user attends). */
                    kinds: {
                        event_published: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        event_updated: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        event_cancelled: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        booking_confirmed?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        booking_expired?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        booking_cancelled?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        payment_succeeded?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        payment_failed?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        payment_refunded?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        waitlist_offered?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        event_reminder?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        announcement?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                        organizer_message?: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                            /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                            sms?: boolean;
                        };
                    };
                    /** @description Quiet hours, or null for none. */
                    quietHours: {
                        /** @description Local wall-clock time HH:MM. */
                        start: string;
                        /** @description Local wall-clock time HH:MM. */
                        end: string;
                    } | null;
                    /** @description Send follower emails as one daily digest (at NOTIFY_DIGEST_LOCAL_TIME in the user's time zone) instead of one email each; in-app and push stay immediate. */
                    digest: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Channel switches per kind of notification (an attendee kind left out is on for every channel; event_updated and event_cancelled also apply to events the user attends). */
                        kinds: {
                            event_published: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            event_updated: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            event_cancelled: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            booking_confirmed?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            booking_expired?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            booking_cancelled?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            payment_succeeded?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            payment_failed?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            payment_refunded?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            waitlist_offered?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            event_reminder?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            announcement?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                            organizer_message?: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                                /** @description Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*). */
                                sms?: boolean;
                            };
                        };
                        /** @description Quiet hours, or null for none. */
                        quietHours: {
                            /** @description Local wall-clock time HH:MM. */
                            start: string;
                            /** @description Local wall-clock time HH:MM. */
                            end: string;
                        } | null;
                        /** @description Send follower emails as one daily digest (at NOTIFY_DIGEST_LOCAL_TIME in the user's time zone) instead of one email each; in-app and push stay immediate. */
                        digest: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPreferencesPreviewUnsubscribe: {
        parameters: {
            query: {
                /** @description The signed token of the unsubscribe link. */
                token: string;
            };
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPreferencesUnsubscribe: {
        parameters: {
            query: {
                /** @description The signed token of the List-Unsubscribe link. */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Whose preference changed.
                         */
                        userId: string;
                        /** @description The kind of email turned off; digest turns off every follower email. */
                        kind: ("event_published" | "event_updated" | "event_cancelled") | "digest";
                    };
                    "text/html; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPhoneGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The verified number SMS go to, or null. */
                        number: string | null;
                        /** @description none: no verified number (SMS cannot be on); verified: SMS go to number; suppressed: the provider reported number undeliverable or invalid, no SMS go to it until a number is verified again. */
                        status: "none" | "verified" | "suppressed";
                        /** @description When the number was verified, or null. */
                        verifiedAt: string | null;
                        /** @description A number being verified, or null. */
                        pending: {
                            /** @description A mobile number in E.164 form (+, country code, number; 8-15 digits, no spaces), e.g. +4915123456789. */
                            number: string;
                            /**
                             * Format: date-time
                             * @description When the code sent to it stops working.
                             */
                            codeExpiresAt: string;
                            /** @description Wrong codes that may still be tried before a new one must be asked for. */
                            attemptsLeft: number;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPhoneSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A mobile number in E.164 form (+, country code, number; 8-15 digits, no spaces), e.g. +4915123456789. */
                    number: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The verified number SMS go to, or null. */
                        number: string | null;
                        /** @description none: no verified number (SMS cannot be on); verified: SMS go to number; suppressed: the provider reported number undeliverable or invalid, no SMS go to it until a number is verified again. */
                        status: "none" | "verified" | "suppressed";
                        /** @description When the number was verified, or null. */
                        verifiedAt: string | null;
                        /** @description A number being verified, or null. */
                        pending: {
                            /** @description A mobile number in E.164 form (+, country code, number; 8-15 digits, no spaces), e.g. +4915123456789. */
                            number: string;
                            /**
                             * Format: date-time
                             * @description When the code sent to it stops working.
                             */
                            codeExpiresAt: string;
                            /** @description Wrong codes that may still be tried before a new one must be asked for. */
                            attemptsLeft: number;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPhoneRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The verified number SMS go to, or null. */
                        number: string | null;
                        /** @description none: no verified number (SMS cannot be on); verified: SMS go to number; suppressed: the provider reported number undeliverable or invalid, no SMS go to it until a number is verified again. */
                        status: "none" | "verified" | "suppressed";
                        /** @description When the number was verified, or null. */
                        verifiedAt: string | null;
                        /** @description A number being verified, or null. */
                        pending: {
                            /** @description A mobile number in E.164 form (+, country code, number; 8-15 digits, no spaces), e.g. +4915123456789. */
                            number: string;
                            /**
                             * Format: date-time
                             * @description When the code sent to it stops working.
                             */
                            codeExpiresAt: string;
                            /** @description Wrong codes that may still be tried before a new one must be asked for. */
                            attemptsLeft: number;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsPhoneConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code received by SMS. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The verified number SMS go to, or null. */
                        number: string | null;
                        /** @description none: no verified number (SMS cannot be on); verified: SMS go to number; suppressed: the provider reported number undeliverable or invalid, no SMS go to it until a number is verified again. */
                        status: "none" | "verified" | "suppressed";
                        /** @description When the number was verified, or null. */
                        verifiedAt: string | null;
                        /** @description A number being verified, or null. */
                        pending: {
                            /** @description A mobile number in E.164 form (+, country code, number; 8-15 digits, no spaces), e.g. +4915123456789. */
                            number: string;
                            /**
                             * Format: date-time
                             * @description When the code sent to it stops working.
                             */
                            codeExpiresAt: string;
                            /** @description Wrong codes that may still be tried before a new one must be asked for. */
                            attemptsLeft: number;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsSmsStatus: {
        parameters: {
            query?: never;
            header: {
                /** @description The X-Twilio-Signature header: base64 HMAC-SHA1 of the callback URL and the sorted fields, keyed with the auth token. */
                "x-twilio-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsRemindersSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The event's own offsets, or null for the default. */
                    offsets: string[] | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        eventId: string;
                        /** @description When attendees are reminded, before the start (an empty list: no reminders). */
                        offsets: string[];
                        /** @description Whether these are the event's own offsets (false: the default). */
                        custom: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsMessagesList: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description The message (its inbox items' sourceId).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event.
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The organizer who sent it.
                             */
                            senderId: string;
                            /** @description Who the message goes to. */
                            audience: {
                                /** @constant */
                                type: "all";
                            } | {
                                /** @constant */
                                type: "ticket_type";
                                /**
                                 * Format: uuid
                                 * @description The ticket type whose holders are told.
                                 */
                                ticketTypeId: string;
                            } | {
                                /** @constant */
                                type: "checked_in";
                            };
                            /** @description Subject: the email subject, the push title and the inbox item's title. */
                            subject: string;
                            /** @description The text (plain text). */
                            body: string;
                            /** @description Attendees it was written for. */
                            recipients: number;
                            /**
                             * Format: date-time
                             * @description When it was sent.
                             */
                            sentAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsMessagesSend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Who the message goes to. */
                    audience: {
                        /** @constant */
                        type: "all";
                    } | {
                        /** @constant */
                        type: "ticket_type";
                        /**
                         * Format: uuid
                         * @description The ticket type whose holders are told.
                         */
                        ticketTypeId: string;
                    } | {
                        /** @constant */
                        type: "checked_in";
                    };
                    /** @description Subject, one line (1-150 characters): the email subject, the push title and the inbox item's title. */
                    subject: string;
                    /** @description The text, plain (1-5000 characters). */
                    body: string;
                    /** @description The sender's key for this message: a retry with the same key sends nothing twice (the web form sends one per form). */
                    idempotencyKey?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The message (its inbox items' sourceId).
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event.
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description The organizer who sent it.
                         */
                        senderId: string;
                        /** @description Who the message goes to. */
                        audience: {
                            /** @constant */
                            type: "all";
                        } | {
                            /** @constant */
                            type: "ticket_type";
                            /**
                             * Format: uuid
                             * @description The ticket type whose holders are told.
                             */
                            ticketTypeId: string;
                        } | {
                            /** @constant */
                            type: "checked_in";
                        };
                        /** @description Subject: the email subject, the push title and the inbox item's title. */
                        subject: string;
                        /** @description The text (plain text). */
                        body: string;
                        /** @description Attendees it was written for. */
                        recipients: number;
                        /**
                         * Format: date-time
                         * @description When it was sent.
                         */
                        sentAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsNoticesSend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Recipients (one or up to 1000). */
                    userIds: string[];
                    /**
                     * @description Kind of the notification: announcement (a free message of an admin or a service).
                     * @constant
                     */
                    kind?: "announcement";
                    /** @description Only these channels (each still as the user allows). */
                    channels?: ("in_app" | "email" | "push")[];
                    /** @description Title: the email subject, the push title and the inbox item's title. */
                    title: string;
                    /** @description The text (plain text). */
                    message: string;
                    /** @description Deep link (a path in the app, e.g. /events/<id>); default /. */
                    link?: string;
                    /** @description The caller's key for this notification: a retry with the same key sends nothing twice. */
                    idempotencyKey: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The notification (its inbox items' sourceId); the same for a retry with the same key.
                         */
                        notificationId: string;
                        /** @description Users it was written for. */
                        recipients: number;
                        /** @description Users notifications does not know, or deactivated. */
                        skipped: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsDeadLettersList: {
        parameters: {
            query?: {
                /** @description List dead letters after this DEAD_LETTERS sequence. */
                afterSeq?: number;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Sequence in DEAD_LETTERS (the replay handle). */
                            seq: number;
                            /** @description The consumer that gave up. */
                            durable: string;
                            /** @description Original subject. */
                            subject: string;
                            /** @description Why it failed. */
                            error: string;
                            /** @description Deliveries attempted. */
                            deliveries: number;
                            /** @description When it was dead-lettered. */
                            failedAt: string;
                            /** @description The original message (envelope). */
                            message: unknown;
                        }[];
                        /** @description Pass as afterSeq for the next page. */
                        lastSeq: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    notificationsDeadLettersReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description DEAD_LETTERS sequence from the list. */
                seq: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The subject the message was first published on. */
                        subject: string;
                        /** @description True when it had been replayed already. */
                        duplicate: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsOrdersCreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The event (events service id).
                     */
                    eventId: string;
                    /** @description What to book, per ticket type. */
                    items?: {
                        /**
                         * Format: uuid
                         * @description The ticket type.
                         */
                        ticketTypeId: string;
                        /** @description Seats of this type. */
                        quantity: number;
                        /** @description One per seat, in order; missing names default to the booker's. */
                        attendees?: {
                            /** @description Attendee's name as printed on the ticket. */
                            name: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email?: string;
                        }[];
                    }[];
                    /** @description Seats of the default ticket type (instead of items). */
                    seats?: number;
                    /** @description With `seats`: one per seat, in order. */
                    attendees?: {
                        /** @description Attendee's name as printed on the ticket. */
                        name: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The order (booking).
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who booked.
                         */
                        userId: string;
                        /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                        status: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                        /** @description Seats in the order. */
                        seats: number;
                        /** @description Total in minor units (0 when free). */
                        totalMinor: number;
                        /** @description ISO 4217 currency, or null when free. */
                        currency: string | null;
                        /** @description Refunded so far, in minor units. */
                        refundedMinor: number;
                        /** @description When the hold ends (reserved and awaiting_payment), else null. */
                        reservedUntil: string | null;
                        /** @description The payment started or settled for it, or null. */
                        paymentId: string | null;
                        /** @description What was booked, per ticket type. */
                        lines: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Ticket type name. */
                            name: string;
                            /** @description Seats of this type. */
                            quantity: number;
                            /** @description Price of one seat in minor units. */
                            unitPriceMinor: number;
                        }[];
                        /** @description One per seat. */
                        tickets: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        }[];
                        /** @description Why it was cancelled, or null. */
                        cancelReason: ("attendee" | "organizer" | "event_cancelled" | "payment_failed") | null;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last transition.
                         */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsOrdersGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order (booking). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The order (booking).
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who booked.
                         */
                        userId: string;
                        /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                        status: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                        /** @description Seats in the order. */
                        seats: number;
                        /** @description Total in minor units (0 when free). */
                        totalMinor: number;
                        /** @description ISO 4217 currency, or null when free. */
                        currency: string | null;
                        /** @description Refunded so far, in minor units. */
                        refundedMinor: number;
                        /** @description When the hold ends (reserved and awaiting_payment), else null. */
                        reservedUntil: string | null;
                        /** @description The payment started or settled for it, or null. */
                        paymentId: string | null;
                        /** @description What was booked, per ticket type. */
                        lines: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Ticket type name. */
                            name: string;
                            /** @description Seats of this type. */
                            quantity: number;
                            /** @description Price of one seat in minor units. */
                            unitPriceMinor: number;
                        }[];
                        /** @description One per seat. */
                        tickets: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        }[];
                        /** @description Why it was cancelled, or null. */
                        cancelReason: ("attendee" | "organizer" | "event_cancelled" | "payment_failed") | null;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last transition.
                         */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsOrdersCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order (booking). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The order (booking).
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who booked.
                         */
                        userId: string;
                        /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                        status: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                        /** @description Seats in the order. */
                        seats: number;
                        /** @description Total in minor units (0 when free). */
                        totalMinor: number;
                        /** @description ISO 4217 currency, or null when free. */
                        currency: string | null;
                        /** @description Refunded so far, in minor units. */
                        refundedMinor: number;
                        /** @description When the hold ends (reserved and awaiting_payment), else null. */
                        reservedUntil: string | null;
                        /** @description The payment started or settled for it, or null. */
                        paymentId: string | null;
                        /** @description What was booked, per ticket type. */
                        lines: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Ticket type name. */
                            name: string;
                            /** @description Seats of this type. */
                            quantity: number;
                            /** @description Price of one seat in minor units. */
                            unitPriceMinor: number;
                        }[];
                        /** @description One per seat. */
                        tickets: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        }[];
                        /** @description Why it was cancelled, or null. */
                        cancelReason: ("attendee" | "organizer" | "event_cancelled" | "payment_failed") | null;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last transition.
                         */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsOrdersMine: {
        parameters: {
            query?: {
                /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                status?: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description Who booked.
                             */
                            userId: string;
                            /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                            status: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                            /** @description Seats in the order. */
                            seats: number;
                            /** @description Total in minor units (0 when free). */
                            totalMinor: number;
                            /** @description ISO 4217 currency, or null when free. */
                            currency: string | null;
                            /** @description Refunded so far, in minor units. */
                            refundedMinor: number;
                            /** @description When the hold ends (reserved and awaiting_payment), else null. */
                            reservedUntil: string | null;
                            /** @description The payment started or settled for it, or null. */
                            paymentId: string | null;
                            /** @description What was booked, per ticket type. */
                            lines: {
                                /**
                                 * Format: uuid
                                 * @description The ticket type.
                                 */
                                ticketTypeId: string;
                                /** @description Ticket type name. */
                                name: string;
                                /** @description Seats of this type. */
                                quantity: number;
                                /** @description Price of one seat in minor units. */
                                unitPriceMinor: number;
                            }[];
                            /** @description One per seat. */
                            tickets: {
                                /**
                                 * Format: uuid
                                 * @description The ticket (one seat).
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description The order (booking).
                                 */
                                orderId: string;
                                /**
                                 * Format: uuid
                                 * @description The event (events service id).
                                 */
                                eventId: string;
                                /**
                                 * Format: uuid
                                 * @description The ticket type.
                                 */
                                ticketTypeId: string;
                                /** @description Name of the ticket type. */
                                ticketTypeName: string;
                                /** @description Attendee's name as printed on the ticket. */
                                attendeeName: string;
                                /** @description Attendee's email, or null. */
                                attendeeEmail: string | null;
                                /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                                status: "valid" | "cancelled";
                                /** @description When it was first checked in, or null. */
                                checkedInAt: string | null;
                            }[];
                            /** @description Why it was cancelled, or null. */
                            cancelReason: ("attendee" | "organizer" | "event_cancelled" | "payment_failed") | null;
                            /**
                             * Format: date-time
                             * @description When it was created.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Last transition.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsOrdersCreatePost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description What to book, per ticket type. */
                    items?: {
                        /**
                         * Format: uuid
                         * @description The ticket type.
                         */
                        ticketTypeId: string;
                        /** @description Seats of this type. */
                        quantity: number;
                        /** @description One per seat, in order; missing names default to the booker's. */
                        attendees?: {
                            /** @description Attendee's name as printed on the ticket. */
                            name: string;
                            /**
                             * Format: email
                             * @description Email address.
                             */
                            email?: string;
                        }[];
                    }[];
                    /** @description Seats of the default ticket type (instead of items). */
                    seats?: number;
                    /** @description With `seats`: one per seat, in order. */
                    attendees?: {
                        /** @description Attendee's name as printed on the ticket. */
                        name: string;
                        /**
                         * Format: email
                         * @description Email address.
                         */
                        email?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The order (booking).
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who booked.
                         */
                        userId: string;
                        /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                        status: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                        /** @description Seats in the order. */
                        seats: number;
                        /** @description Total in minor units (0 when free). */
                        totalMinor: number;
                        /** @description ISO 4217 currency, or null when free. */
                        currency: string | null;
                        /** @description Refunded so far, in minor units. */
                        refundedMinor: number;
                        /** @description When the hold ends (reserved and awaiting_payment), else null. */
                        reservedUntil: string | null;
                        /** @description The payment started or settled for it, or null. */
                        paymentId: string | null;
                        /** @description What was booked, per ticket type. */
                        lines: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Ticket type name. */
                            name: string;
                            /** @description Seats of this type. */
                            quantity: number;
                            /** @description Price of one seat in minor units. */
                            unitPriceMinor: number;
                        }[];
                        /** @description One per seat. */
                        tickets: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        }[];
                        /** @description Why it was cancelled, or null. */
                        cancelReason: ("attendee" | "organizer" | "event_cancelled" | "payment_failed") | null;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last transition.
                         */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsAvailabilityGet: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /** @description Seats in all, or null = unlimited. */
                        capacity: number | null;
                        /** @description Seats left, or null = unlimited. */
                        remaining: number | null;
                        /** @description Whether no seat is left. */
                        soldOut: boolean;
                        /** @description Whether joining the waitlist is possible now. */
                        waitlistOpen: boolean;
                        /** @description Public ticket types. */
                        ticketTypes: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            id: string;
                            name: string;
                            /** @description Price in minor units. */
                            priceMinor: number;
                            /** @description ISO 4217 currency, or null when free. */
                            currency: string | null;
                            /** @description Seats left of it, or null = unlimited. */
                            remaining: number | null;
                            /** @description Inside its sales window. */
                            onSale: boolean;
                        }[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsSettingsGet: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /** @description How long a paid order's seats are held before payment (default 15). */
                        holdMinutes: number;
                        /** @description Attendees may cancel until this many hours before the start. */
                        cancelDeadlineHours: number;
                        /** @description Share of a paid order refunded when the attendee cancels in time. */
                        refundPercent: number;
                        /** @description Whether users may join the waitlist when sold out. */
                        waitlistEnabled: boolean;
                        /** @description How long a waitlist offer holds its seats. */
                        waitlistOfferMinutes: number;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsSettingsPut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description How long a paid order's seats are held before payment (default 15). */
                    holdMinutes?: number;
                    /** @description Attendees may cancel until this many hours before the start. */
                    cancelDeadlineHours?: number;
                    /** @description Share of a paid order refunded when the attendee cancels in time. */
                    refundPercent?: number;
                    /** @description Whether users may join the waitlist when sold out. */
                    waitlistEnabled?: boolean;
                    /** @description How long a waitlist offer holds its seats. */
                    waitlistOfferMinutes?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /** @description How long a paid order's seats are held before payment (default 15). */
                        holdMinutes: number;
                        /** @description Attendees may cancel until this many hours before the start. */
                        cancelDeadlineHours: number;
                        /** @description Share of a paid order refunded when the attendee cancels in time. */
                        refundPercent: number;
                        /** @description Whether users may join the waitlist when sold out. */
                        waitlistEnabled: boolean;
                        /** @description How long a waitlist offer holds its seats. */
                        waitlistOfferMinutes: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsRegistrationsList: {
        parameters: {
            query?: {
                /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                status?: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                /** @description Part of an attendee's name or email. */
                q?: string;
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-1000; CSV export pages by 1000). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            ticketId: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description Who booked.
                             */
                            userId: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description Ticket type. */
                            ticketTypeName: string;
                            /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                            status: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                            /** @description When checked in, or null. */
                            checkedInAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the order was made.
                             */
                            bookedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Tickets per order status (whole event, not just this page). */
                        counts: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsRegistrationsListGet: {
        parameters: {
            query?: {
                /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                status?: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                /** @description Part of an attendee's name or email. */
                q?: string;
            };
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsSalesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /** @description Days with sales, oldest first. */
                        days: {
                            /**
                             * Format: date
                             * @description UTC day the orders were made.
                             */
                            date: string;
                            tickets: number;
                            orders: number;
                        }[];
                        ticketTypes: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            name: string;
                            /** @description Its own limit, or null (only its quotas limit it). */
                            quantity: number | null;
                            /** @description Tickets of confirmed or partially refunded orders. */
                            sold: number;
                            /** @description Tickets of orders reserved or awaiting payment. */
                            held: number;
                            checkedIn: number;
                            /** @description Sold tickets times their price, before refunds. */
                            revenueMinor: number;
                            /** @description ISO 4217 currency, or null when free. */
                            currency: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsTicketTypesList: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /** @description Name, e.g. Standard or Early bird. */
                            name: string;
                            /** @description Price of one seat in minor units (0 = free). */
                            priceMinor: number;
                            /** @description ISO 4217 currency, or null when free. */
                            currency: string | null;
                            /** @description Seats of this type at most, or null = limited only by its quotas. */
                            quantity: number | null;
                            /** @description When sales open, or null = now. */
                            salesStart: string | null;
                            /** @description When sales close, or null = the event's start. */
                            salesEnd: string | null;
                            /** @description Seats of this type one order may hold. */
                            maxPerOrder: number;
                            /** @description public: offered on the event page; hidden: bookable by id only. */
                            visibility: "public" | "hidden";
                            /** @description Quotas the seats draw from (all must have room). */
                            quotaIds: string[];
                            /** @description Seats still bookable (min over its quotas and its quantity), or null = unlimited. */
                            remaining: number | null;
                            /** @description The type a plain {eventId, seats} booking uses. */
                            isDefault: boolean;
                        }[];
                        /** @description The event's quotas (organizers only; empty for others). */
                        quotas: {
                            /**
                             * Format: uuid
                             * @description The quota.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /** @description Name, e.g. Capacity or Balcony. */
                            name: string;
                            /** @description Seats in the quota, or null = unlimited. */
                            size: number | null;
                            /** @description Seats held, awaiting payment or sold. */
                            taken: number;
                            /** @description The quota that follows the event's capacity. */
                            isCapacity: boolean;
                        }[];
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsTicketTypesCreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Name, e.g. Standard. */
                    name: string;
                    /** @description Price in minor units (0 or absent = free). */
                    priceMinor?: number;
                    /** @description ISO 4217 currency, or null when free. */
                    currency?: string | null;
                    /** @description Seats of this type at most, or null. */
                    quantity?: number | null;
                    /** @description When sales open, or null. */
                    salesStart?: string | null;
                    /** @description When sales close, or null = the event's start. */
                    salesEnd?: string | null;
                    /** @description Seats per order (default 10). */
                    maxPerOrder?: number;
                    /** @description public (default) or hidden. */
                    visibility?: "public" | "hidden";
                    /** @description Quotas to draw from (default: the event's capacity quota). */
                    quotaIds?: string[];
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The ticket type.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /** @description Name, e.g. Standard or Early bird. */
                        name: string;
                        /** @description Price of one seat in minor units (0 = free). */
                        priceMinor: number;
                        /** @description ISO 4217 currency, or null when free. */
                        currency: string | null;
                        /** @description Seats of this type at most, or null = limited only by its quotas. */
                        quantity: number | null;
                        /** @description When sales open, or null = now. */
                        salesStart: string | null;
                        /** @description When sales close, or null = the event's start. */
                        salesEnd: string | null;
                        /** @description Seats of this type one order may hold. */
                        maxPerOrder: number;
                        /** @description public: offered on the event page; hidden: bookable by id only. */
                        visibility: "public" | "hidden";
                        /** @description Quotas the seats draw from (all must have room). */
                        quotaIds: string[];
                        /** @description Seats still bookable (min over its quotas and its quantity), or null = unlimited. */
                        remaining: number | null;
                        /** @description The type a plain {eventId, seats} booking uses. */
                        isDefault: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsTicketTypesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
                /** @description The ticket type. */
                ticketTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Name, e.g. Standard. */
                    name?: string;
                    /** @description Price in minor units (0 or absent = free). */
                    priceMinor?: number;
                    /** @description ISO 4217 currency, or null when free. */
                    currency?: string | null;
                    /** @description Seats of this type at most, or null. */
                    quantity?: number | null;
                    /** @description When sales open, or null. */
                    salesStart?: string | null;
                    /** @description When sales close, or null = the event's start. */
                    salesEnd?: string | null;
                    /** @description Seats per order (default 10). */
                    maxPerOrder?: number;
                    /** @description public (default) or hidden. */
                    visibility?: "public" | "hidden";
                    /** @description Quotas to draw from (default: the event's capacity quota). */
                    quotaIds?: string[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The ticket type.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /** @description Name, e.g. Standard or Early bird. */
                        name: string;
                        /** @description Price of one seat in minor units (0 = free). */
                        priceMinor: number;
                        /** @description ISO 4217 currency, or null when free. */
                        currency: string | null;
                        /** @description Seats of this type at most, or null = limited only by its quotas. */
                        quantity: number | null;
                        /** @description When sales open, or null = now. */
                        salesStart: string | null;
                        /** @description When sales close, or null = the event's start. */
                        salesEnd: string | null;
                        /** @description Seats of this type one order may hold. */
                        maxPerOrder: number;
                        /** @description public: offered on the event page; hidden: bookable by id only. */
                        visibility: "public" | "hidden";
                        /** @description Quotas the seats draw from (all must have room). */
                        quotaIds: string[];
                        /** @description Seats still bookable (min over its quotas and its quantity), or null = unlimited. */
                        remaining: number | null;
                        /** @description The type a plain {eventId, seats} booking uses. */
                        isDefault: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsQuotasCreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Name, e.g. Capacity or Balcony. */
                    name: string;
                    /** @description Seats, or null = unlimited. */
                    size: number | null;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The quota.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /** @description Name, e.g. Capacity or Balcony. */
                        name: string;
                        /** @description Seats in the quota, or null = unlimited. */
                        size: number | null;
                        /** @description Seats held, awaiting payment or sold. */
                        taken: number;
                        /** @description The quota that follows the event's capacity. */
                        isCapacity: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsWaitlistList: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The waitlist entry.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description Who waits.
                             */
                            userId: string;
                            /** @description Group size. */
                            seats: number;
                            /** @description waiting → offered → accepted | declined | expired; left when the user leaves. */
                            status: "waiting" | "offered" | "accepted" | "declined" | "expired" | "left";
                            /** @description Place in the queue while waiting, else null. */
                            position: number | null;
                            /** @description While offered: when the offer lapses. */
                            offerExpiresAt: string | null;
                            /** @description The order made on accepting, or null. */
                            orderId: string | null;
                            /**
                             * Format: date-time
                             * @description When the user joined.
                             */
                            createdAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsWaitlistJoin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Group size. */
                    seats: number;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The waitlist entry.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who waits.
                         */
                        userId: string;
                        /** @description Group size. */
                        seats: number;
                        /** @description waiting → offered → accepted | declined | expired; left when the user leaves. */
                        status: "waiting" | "offered" | "accepted" | "declined" | "expired" | "left";
                        /** @description Place in the queue while waiting, else null. */
                        position: number | null;
                        /** @description While offered: when the offer lapses. */
                        offerExpiresAt: string | null;
                        /** @description The order made on accepting, or null. */
                        orderId: string | null;
                        /**
                         * Format: date-time
                         * @description When the user joined.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsWaitlistMine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The waitlist entry.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who waits.
                         */
                        userId: string;
                        /** @description Group size. */
                        seats: number;
                        /** @description waiting → offered → accepted | declined | expired; left when the user leaves. */
                        status: "waiting" | "offered" | "accepted" | "declined" | "expired" | "left";
                        /** @description Place in the queue while waiting, else null. */
                        position: number | null;
                        /** @description While offered: when the offer lapses. */
                        offerExpiresAt: string | null;
                        /** @description The order made on accepting, or null. */
                        orderId: string | null;
                        /**
                         * Format: date-time
                         * @description When the user joined.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsWaitlistLeave: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The waitlist entry.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who waits.
                         */
                        userId: string;
                        /** @description Group size. */
                        seats: number;
                        /** @description waiting → offered → accepted | declined | expired; left when the user leaves. */
                        status: "waiting" | "offered" | "accepted" | "declined" | "expired" | "left";
                        /** @description Place in the queue while waiting, else null. */
                        position: number | null;
                        /** @description While offered: when the offer lapses. */
                        offerExpiresAt: string | null;
                        /** @description The order made on accepting, or null. */
                        orderId: string | null;
                        /**
                         * Format: date-time
                         * @description When the user joined.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsWaitlistAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The waitlist entry. */
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The order (booking).
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who booked.
                         */
                        userId: string;
                        /** @description Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded. */
                        status: "reserved" | "awaiting_payment" | "confirmed" | "expired" | "cancelled" | "refunded" | "partially_refunded";
                        /** @description Seats in the order. */
                        seats: number;
                        /** @description Total in minor units (0 when free). */
                        totalMinor: number;
                        /** @description ISO 4217 currency, or null when free. */
                        currency: string | null;
                        /** @description Refunded so far, in minor units. */
                        refundedMinor: number;
                        /** @description When the hold ends (reserved and awaiting_payment), else null. */
                        reservedUntil: string | null;
                        /** @description The payment started or settled for it, or null. */
                        paymentId: string | null;
                        /** @description What was booked, per ticket type. */
                        lines: {
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Ticket type name. */
                            name: string;
                            /** @description Seats of this type. */
                            quantity: number;
                            /** @description Price of one seat in minor units. */
                            unitPriceMinor: number;
                        }[];
                        /** @description One per seat. */
                        tickets: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        }[];
                        /** @description Why it was cancelled, or null. */
                        cancelReason: ("attendee" | "organizer" | "event_cancelled" | "payment_failed") | null;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last transition.
                         */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsWaitlistDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The waitlist entry. */
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The waitlist entry.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who waits.
                         */
                        userId: string;
                        /** @description Group size. */
                        seats: number;
                        /** @description waiting → offered → accepted | declined | expired; left when the user leaves. */
                        status: "waiting" | "offered" | "accepted" | "declined" | "expired" | "left";
                        /** @description Place in the queue while waiting, else null. */
                        position: number | null;
                        /** @description While offered: when the offer lapses. */
                        offerExpiresAt: string | null;
                        /** @description The order made on accepting, or null. */
                        orderId: string | null;
                        /**
                         * Format: date-time
                         * @description When the user joined.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsCheckInsList: {
        parameters: {
            query?: {
                /** @description The ticket type. */
                ticketTypeId?: string;
                /** @description Only checked-in (true) or not yet (false). */
                checkedIn?: boolean;
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page. */
                        items: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Valid tickets matching ticketTypeId. */
                        total: number;
                        /** @description Of which checked in. */
                        checkedIn: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsCheckInsScan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The scanned code. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description valid: admitted now; already_checked_in: first scan's time and staff in checkedInAt/checkedInBy; other_event: a genuine code of another event; cancelled: the order is no longer valid; forged: the signature does not verify. */
                        result: "valid" | "already_checked_in" | "other_event" | "cancelled" | "forged";
                        /** @description The ticket (null when forged or of another event). */
                        ticket: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        } | null;
                        /** @description The first scan's time (valid: now; already_checked_in: the earlier one). */
                        checkedInAt: string | null;
                        /** @description Who scanned it first. */
                        checkedInBy: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsCheckInsUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Offline scans. */
                    scans: {
                        /** @description The scanned code. */
                        code: string;
                        /**
                         * Format: date-time
                         * @description When the device scanned it.
                         */
                        scannedAt: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One per scan, in order. */
                        results: {
                            /** @description valid: admitted now; already_checked_in: first scan's time and staff in checkedInAt/checkedInBy; other_event: a genuine code of another event; cancelled: the order is no longer valid; forged: the signature does not verify. */
                            result: "valid" | "already_checked_in" | "other_event" | "cancelled" | "forged";
                            /** @description The ticket (null when forged or of another event). */
                            ticket: {
                                /**
                                 * Format: uuid
                                 * @description The ticket (one seat).
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description The order (booking).
                                 */
                                orderId: string;
                                /**
                                 * Format: uuid
                                 * @description The event (events service id).
                                 */
                                eventId: string;
                                /**
                                 * Format: uuid
                                 * @description The ticket type.
                                 */
                                ticketTypeId: string;
                                /** @description Name of the ticket type. */
                                ticketTypeName: string;
                                /** @description Attendee's name as printed on the ticket. */
                                attendeeName: string;
                                /** @description Attendee's email, or null. */
                                attendeeEmail: string | null;
                                /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                                status: "valid" | "cancelled";
                                /** @description When it was first checked in, or null. */
                                checkedInAt: string | null;
                            } | null;
                            /** @description The first scan's time (valid: now; already_checked_in: the earlier one). */
                            checkedInAt: string | null;
                            /** @description Who scanned it first. */
                            checkedInBy: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsCheckInsPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event (events service id). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The event (events service id).
                         */
                        eventId: string;
                        publicKey: {
                            /** @description Key id, carried in each code's header. */
                            kid: string;
                            /**
                             * @description Signature algorithm (Ed25519).
                             * @constant
                             */
                            alg: "EdDSA";
                            /** @description The public key as a JWK. */
                            jwk: {
                                /** @constant */
                                kty: "OKP";
                                /** @constant */
                                crv: "Ed25519";
                                /** @description Public key, base64url. */
                                x: string;
                                kid: string;
                            };
                        };
                        /** @description Tickets whose codes verify but must be refused. */
                        revoked: string[];
                        /** @description Valid tickets. */
                        tickets: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            ticketTypeName: string;
                            checkedInAt: string | null;
                        }[];
                        /**
                         * Format: date-time
                         * @description When the package was made.
                         */
                        generatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsTicketsPublicKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag of a representation the client has; 304 when unchanged. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Key id, carried in each code's header. */
                        kid: string;
                        /**
                         * @description Signature algorithm (Ed25519).
                         * @constant
                         */
                        alg: "EdDSA";
                        /** @description The public key as a JWK. */
                        jwk: {
                            /** @constant */
                            kty: "OKP";
                            /** @constant */
                            crv: "Ed25519";
                            /** @description Public key, base64url. */
                            x: string;
                            kid: string;
                        };
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsTicketsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket (one seat). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ticket: {
                            /**
                             * Format: uuid
                             * @description The ticket (one seat).
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The order (booking).
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event (events service id).
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The ticket type.
                             */
                            ticketTypeId: string;
                            /** @description Name of the ticket type. */
                            ticketTypeName: string;
                            /** @description Attendee's name as printed on the ticket. */
                            attendeeName: string;
                            /** @description Attendee's email, or null. */
                            attendeeEmail: string | null;
                            /** @description valid while the order is confirmed (or held); cancelled otherwise. */
                            status: "valid" | "cancelled";
                            /** @description When it was first checked in, or null. */
                            checkedInAt: string | null;
                        };
                        /** @description Signed ticket code (compact JWS, EdDSA); the QR carries it. */
                        code: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsTicketsQr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The ticket (one seat). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    bookingsTicketsQrGet: {
        parameters: {
            query: {
                /** @description Image format. */
                format: "png" | "svg";
            };
            header?: never;
            path: {
                /** @description The ticket (one seat). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Media type. */
                        contentType: "image/png" | "image/svg+xml";
                        /** @description The image, base64. */
                        dataBase64: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsPaymentsList: {
        parameters: {
            query?: {
                /** @description The event of the booking. */
                eventId?: string;
                /** @description created → pending → succeeded | failed | cancelled; succeeded → partially_refunded | refunded. */
                status?: "created" | "pending" | "succeeded" | "failed" | "cancelled" | "partially_refunded" | "refunded";
                /** @description Admins: every payment. */
                all?: boolean;
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description The payment.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The booking (order) it pays.
                             */
                            orderId: string;
                            /**
                             * Format: uuid
                             * @description The event of the booking.
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description Who pays.
                             */
                            userId: string;
                            /** @description created → pending → succeeded | failed | cancelled; succeeded → partially_refunded | refunded. */
                            status: "created" | "pending" | "succeeded" | "failed" | "cancelled" | "partially_refunded" | "refunded";
                            /** @description Amount in minor units (the booking's total). */
                            amountMinor: number;
                            /** @description ISO 4217 currency, e.g. KZT. */
                            currency: string;
                            /** @description Refunded so far (succeeded refunds). */
                            refundedMinor: number;
                            /** @description freedompay (or sandbox). */
                            provider: string;
                            /** @description The provider's payment id (pg_payment_id), once known. */
                            providerPaymentId: string | null;
                            /** @description The provider's payment page while pending, else null. */
                            redirectUrl: string | null;
                            /** @description Why it failed, or null. */
                            failure: string | null;
                            /** @description Masked card number the provider reported, or null. */
                            cardPan: string | null;
                            /** @description Receipt number (per organizer, without gaps) once succeeded. */
                            receiptNumber: string | null;
                            /** @description Refunds, oldest first. */
                            refunds: {
                                /**
                                 * Format: uuid
                                 * @description The refund.
                                 */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description The payment.
                                 */
                                paymentId: string;
                                /** @description Amount refunded, minor units. */
                                amountMinor: number;
                                /** @description pending (asked of the provider) → succeeded | failed (the provider refused; nothing was refunded). */
                                status: "pending" | "succeeded" | "failed";
                                /** @description requested (attendee, organizer or admin), booking_cancelled (bookings asked), hold_expired (paid after the seats were gone). */
                                reason: "requested" | "booking_cancelled" | "hold_expired";
                                /** @description Who asked, or null when the platform did. */
                                requestedBy: string | null;
                                /** @description Why the provider refused, or null. */
                                failure: string | null;
                                /**
                                 * Format: date-time
                                 * @description When it was asked.
                                 */
                                createdAt: string;
                            }[];
                            /**
                             * Format: date-time
                             * @description When the payment page stops accepting (never after the booking's hold).
                             */
                            expiresAt: string;
                            /**
                             * Format: date-time
                             * @description Created.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Last change.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsPaymentsCreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The booking (order) it pays.
                     */
                    bookingId: string;
                    /** @description A provider method or a saved method id. */
                    methodId?: string;
                    /**
                     * Format: uri
                     * @description Where the provider sends the payer back (success or failure).
                     */
                    returnUrl?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The payment.
                         */
                        paymentId: string;
                        /** @description Send the payer here (the provider's payment page). */
                        redirectUrl: string;
                        /** @description created → pending → succeeded | failed | cancelled; succeeded → partially_refunded | refunded. */
                        status: "created" | "pending" | "succeeded" | "failed" | "cancelled" | "partially_refunded" | "refunded";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsPaymentsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The payment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The payment.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The booking (order) it pays.
                         */
                        orderId: string;
                        /**
                         * Format: uuid
                         * @description The event of the booking.
                         */
                        eventId: string;
                        /**
                         * Format: uuid
                         * @description Who pays.
                         */
                        userId: string;
                        /** @description created → pending → succeeded | failed | cancelled; succeeded → partially_refunded | refunded. */
                        status: "created" | "pending" | "succeeded" | "failed" | "cancelled" | "partially_refunded" | "refunded";
                        /** @description Amount in minor units (the booking's total). */
                        amountMinor: number;
                        /** @description ISO 4217 currency, e.g. KZT. */
                        currency: string;
                        /** @description Refunded so far (succeeded refunds). */
                        refundedMinor: number;
                        /** @description freedompay (or sandbox). */
                        provider: string;
                        /** @description The provider's payment id (pg_payment_id), once known. */
                        providerPaymentId: string | null;
                        /** @description The provider's payment page while pending, else null. */
                        redirectUrl: string | null;
                        /** @description Why it failed, or null. */
                        failure: string | null;
                        /** @description Masked card number the provider reported, or null. */
                        cardPan: string | null;
                        /** @description Receipt number (per organizer, without gaps) once succeeded. */
                        receiptNumber: string | null;
                        /** @description Refunds, oldest first. */
                        refunds: {
                            /**
                             * Format: uuid
                             * @description The refund.
                             */
                            id: string;
                            /**
                             * Format: uuid
                             * @description The payment.
                             */
                            paymentId: string;
                            /** @description Amount refunded, minor units. */
                            amountMinor: number;
                            /** @description pending (asked of the provider) → succeeded | failed (the provider refused; nothing was refunded). */
                            status: "pending" | "succeeded" | "failed";
                            /** @description requested (attendee, organizer or admin), booking_cancelled (bookings asked), hold_expired (paid after the seats were gone). */
                            reason: "requested" | "booking_cancelled" | "hold_expired";
                            /** @description Who asked, or null when the platform did. */
                            requestedBy: string | null;
                            /** @description Why the provider refused, or null. */
                            failure: string | null;
                            /**
                             * Format: date-time
                             * @description When it was asked.
                             */
                            createdAt: string;
                        }[];
                        /**
                         * Format: date-time
                         * @description When the payment page stops accepting (never after the booking's hold).
                         */
                        expiresAt: string;
                        /**
                         * Format: date-time
                         * @description Created.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description Last change.
                         */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsPaymentsRefund: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The payment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Amount to refund; all that is left when absent. */
                    amountMinor?: number;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The refund.
                         */
                        id: string;
                        /**
                         * Format: uuid
                         * @description The payment.
                         */
                        paymentId: string;
                        /** @description Amount refunded, minor units. */
                        amountMinor: number;
                        /** @description pending (asked of the provider) → succeeded | failed (the provider refused; nothing was refunded). */
                        status: "pending" | "succeeded" | "failed";
                        /** @description requested (attendee, organizer or admin), booking_cancelled (bookings asked), hold_expired (paid after the seats were gone). */
                        reason: "requested" | "booking_cancelled" | "hold_expired";
                        /** @description Who asked, or null when the platform did. */
                        requestedBy: string | null;
                        /** @description Why the provider refused, or null. */
                        failure: string | null;
                        /**
                         * Format: date-time
                         * @description When it was asked.
                         */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsReceiptsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The payment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsTransactionsList: {
        parameters: {
            query?: {
                /** @description The event of the booking. */
                eventId?: string;
                /** @description Opaque cursor from the previous page's nextCursor. */
                cursor?: string;
                /** @description Page size (1-100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description The ledger transaction.
                             */
                            id: string;
                            /** @description What moved: a charge, a refund or a provider fee. */
                            kind: "charge" | "refund" | "fee";
                            /**
                             * Format: uuid
                             * @description The payment.
                             */
                            paymentId: string;
                            /**
                             * Format: uuid
                             * @description The event of the booking.
                             */
                            eventId: string;
                            /**
                             * Format: uuid
                             * @description The event's organizer.
                             */
                            organizerId: string;
                            /** @description Amount moved, minor units. */
                            amountMinor: number;
                            /** @description ISO 4217 currency, e.g. KZT. */
                            currency: string;
                            /** @description Balanced entries: debits equal credits. */
                            entries: {
                                /** @description Account, e.g. provider_clearing, organizer:<id>, platform_fees, refunds_payable. */
                                account: string;
                                /** @description Debit, minor units. */
                                debitMinor: number;
                                /** @description Credit, minor units. */
                                creditMinor: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description Recorded.
                             */
                            createdAt: string;
                        }[];
                        /** @description Cursor of the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Balances of the accounts in scope, sums of the ledger. */
                        balances: {
                            account: string;
                            /** @description ISO 4217 currency, e.g. KZT. */
                            currency: string;
                            /** @description Credits minus debits over every entry in scope. */
                            balanceMinor: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsMethodsList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Method id: a provider method (card, kaspi…) or a saved method's uuid. */
                            id: string;
                            /** @description Shown to the payer. */
                            name: string;
                            /** @description card, wallet or bank. */
                            kind: "card" | "wallet" | "bank";
                            /** @description A saved method of the caller (a provider token). */
                            saved: boolean;
                            /** @description Last four digits of a saved card, or null. */
                            last4: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsMethodsSave: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retried creation safe: the same key and body within 24 hours replay the first response. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The provider's card token (pg_card_token). */
                    token: string;
                    /** @description Label, e.g. Visa •••• 6150. */
                    name: string;
                    /** @description Last four digits, for display. */
                    last4?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Method id: a provider method (card, kaspi…) or a saved method's uuid. */
                        id: string;
                        /** @description Shown to the payer. */
                        name: string;
                        /** @description card, wallet or bank. */
                        kind: "card" | "wallet" | "bank";
                        /** @description A saved method of the caller (a provider token). */
                        saved: boolean;
                        /** @description Last four digits of a saved card, or null. */
                        last4: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    paymentsCallbacksResult: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/xml; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            504: components["responses"]["Timeout"];
            default: components["responses"]["Problem"];
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            default: components["responses"]["Problem"];
        };
    };
    notificationsStream: {
        parameters: {
            query?: {
                /** @description Same as the Last-Event-ID header. */
                lastEventId?: string;
                /** @description The access token, for clients that cannot set headers. */
                access_token?: string;
            };
            header?: {
                /** @description Id of the last item received; missed items are sent first. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Problem"];
        };
    };
}
