/** Small schemas shared by several domains. */
import { Type } from "@sinclair/typebox";

export const Uuid = (description: string) => Type.String({ format: "uuid", description });
export const Timestamp = (description: string) => Type.String({ format: "date-time", description });
/**
 * A name or title people read: trimmed by validation before its length is judged (the kit's
 * `x-trim` keyword), so "   " is refused as blank and what is stored is what replies promise.
 */
export const Name = (description: string, maxLength: number) => Type.String({ "x-trim": true, minLength: 1, maxLength, description });
/** An IANA time zone name, e.g. Europe/Berlin; services check it against Intl. */
export const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$",
  description: "IANA time zone, e.g. Europe/Berlin.",
});
export const Locale = Type.String({ pattern: "^[a-z]{2}(-[A-Z]{2})?$", description: "BCP 47 language tag, e.g. en or ru." });
export const Email = Type.String({ format: "email", maxLength: 254, description: "Email address." });

/** Cursor pagination: an opaque cursor from the previous page and a clamped page size. */
export const PageRequest = {
  cursor: Type.Optional(Type.String({ maxLength: 512, description: "Opaque cursor from the previous page's nextCursor." })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: "Page size (1-100)." })),
};
export const NextCursor = Type.Union([Type.String(), Type.Null()], { description: "Cursor of the next page; null on the last page." });

/** What a follow points at: a user or an organization. */
export const FollowTarget = Type.Object(
  {
    kind: Type.Union([Type.Literal("user"), Type.Literal("org")], { description: "Whether the followed party is a user or an organization." }),
    id: Uuid("Id of the followed user or organization."),
  },
  { additionalProperties: false },
);

export const Venue = Type.Object(
  {
    name: Name("Venue name.", 200),
    address: Type.String({ maxLength: 500, description: "Street address." }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: "Latitude (WGS84)." }),
    lng: Type.Number({ minimum: -180, maximum: 180, description: "Longitude (WGS84)." }),
  },
  { additionalProperties: false },
);
