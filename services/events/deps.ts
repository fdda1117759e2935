/** What the use cases of the events service are given. */
import type { ObjectStore } from "@nats-io/obj";
import type { Db } from "../kit/db.ts";
import type { Nats } from "../kit/nats.ts";
import type { Logger } from "../kit/log.ts";
import type { Principal } from "../../subjects/principal.ts";

export type Deps = {
  db: Db;
  nats: Nats;
  log: Logger;
  /** Attachments bucket (NATS Object Store). */
  objects: ObjectStore;
  /** Whether the user is at least an admin of the organization (asks identity). */
  canActForOrg(principal: Principal, orgId: string): Promise<boolean>;
  config: {
    attachmentMaxBytes: number;
    importMaxBytes: number;
    importTimeoutMs: number;
    importMaxEvents: number;
    /** Origins (scheme://host:port) the import may fetch although they resolve to private addresses. */
    importAllowedOrigins: string[];
  };
  now(): Date;
};

/** Source of every domain event this service emits. */
export const SOURCE = "events";
/** NATS Object Store bucket of attachments; objects are named <eventId>/<attachmentId>. */
export const ATTACHMENTS_BUCKET = "event-attachments";
