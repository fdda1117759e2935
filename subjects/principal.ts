/**
 * Who is calling. The edge verifies the access token and forwards the principal to services in
 * the `convene-principal` NATS header, signed with its Ed25519 key and short-lived
 * (services/kit/principal-token.ts); services trust only a header with a valid signature.
 */
import { type Static, Type } from "@sinclair/typebox";

export const Role = Type.Union([Type.Literal("admin"), Type.Literal("organizer"), Type.Literal("participant")], {
  description: "Platform role.",
});
export type Role = Static<typeof Role>;

export const Principal = Type.Object(
  {
    sub: Type.String({ format: "uuid", description: "User id." }),
    roles: Type.Array(Role, { description: "Platform roles of the user." }),
  },
  { $id: "https://convene.dev/schemas/principal/v1.json", additionalProperties: false },
);
export type Principal = Static<typeof Principal>;

/** WARNING: wire constants; renaming them breaks services running the old name. */
export const PRINCIPAL_HEADER = "convene-principal";
export const DEADLINE_HEADER = "convene-deadline";
