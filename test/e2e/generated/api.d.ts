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
         *     Subject: `svc.identity.register`.
         */
        post: operations["identityRegister"];
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
         *     Subject: `svc.identity.login`.
         */
        post: operations["identityLogin"];
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
         *     Subject: `svc.identity.refresh`.
         */
        post: operations["identityRefresh"];
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
         *     Subject: `svc.identity.logout`.
         */
        post: operations["identityLogout"];
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
         *     Subject: `svc.identity.jwks`.
         */
        get: operations["identityJwks"];
        put?: never;
        post?: never;
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
         *     Subject: `svc.identity.me`.
         */
        get: operations["identityMe"];
        put?: never;
        post?: never;
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
        get?: never;
        put?: never;
        /**
         * One-click unsubscribe from an email link
         * @description One-click unsubscribe (RFC 8058) from the signed link of an email: turns that kind of email off for its user. Needs no principal; the signature is the authority.
         *
         *     Subject: `svc.notifications.unsubscribe`.
         */
        post: operations["notificationsUnsubscribe"];
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
         *     Subject: `svc.notifications.admin.dead-letters.list`.
         */
        get: operations["notificationsAdminDeadLettersList"];
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
         * @description Admin: republishes a dead letter to its original subject (once per dead letter: a second replay is dropped as a duplicate).
         *
         *     Subject: `svc.notifications.admin.dead-letters.replay`.
         */
        post: operations["notificationsAdminDeadLettersReplay"];
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
    identityRegister: {
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
    identityLogin: {
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
    identityRefresh: {
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
    identityLogout: {
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
    identityJwks: {
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
    identityMe: {
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
                            kind: "event_published" | "event_updated" | "event_cancelled" | "verify_email" | "welcome" | "password_reset";
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
                        /** @description Channel switches per kind of follower notification. */
                        kinds: {
                            event_published: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                            };
                            event_updated: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                            };
                            event_cancelled: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                            };
                        };
                        /** @description Quiet hours, or null for none. */
                        quietHours: {
                            /** @description Local wall-clock time HH:MM. */
                            start: string;
                            /** @description Local wall-clock time HH:MM. */
                            end: string;
                        } | null;
                        /** @description Send follower emails as one daily digest instead of one email each (not yet delivered: see docs/services/notifications.md). */
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
                    /** @description Channel switches per kind of follower notification. */
                    kinds: {
                        event_published: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                        };
                        event_updated: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                        };
                        event_cancelled: {
                            /** @description Show it in the in-app inbox. */
                            in_app: boolean;
                            /** @description Send an email. */
                            email: boolean;
                            /** @description Send a push notification to the user's devices. */
                            push: boolean;
                        };
                    };
                    /** @description Quiet hours, or null for none. */
                    quietHours: {
                        /** @description Local wall-clock time HH:MM. */
                        start: string;
                        /** @description Local wall-clock time HH:MM. */
                        end: string;
                    } | null;
                    /** @description Send follower emails as one daily digest instead of one email each (not yet delivered: see docs/services/notifications.md). */
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
                        /** @description Channel switches per kind of follower notification. */
                        kinds: {
                            event_published: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                            };
                            event_updated: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                            };
                            event_cancelled: {
                                /** @description Show it in the in-app inbox. */
                                in_app: boolean;
                                /** @description Send an email. */
                                email: boolean;
                                /** @description Send a push notification to the user's devices. */
                                push: boolean;
                            };
                        };
                        /** @description Quiet hours, or null for none. */
                        quietHours: {
                            /** @description Local wall-clock time HH:MM. */
                            start: string;
                            /** @description Local wall-clock time HH:MM. */
                            end: string;
                        } | null;
                        /** @description Send follower emails as one daily digest instead of one email each (not yet delivered: see docs/services/notifications.md). */
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
    notificationsUnsubscribe: {
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
                        /** @description A kind of follower notification. */
                        kind: "event_published" | "event_updated" | "event_cancelled";
                    };
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
    notificationsAdminDeadLettersList: {
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
    notificationsAdminDeadLettersReplay: {
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
                        /** @description Where it was republished. */
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
