/**
 * The envelope every event and job travels in. Its `id` is also the JetStream `msgID`, so a
 * publish retried after a lost ack is stored once, and consumers key their idempotency on it.
 */
import { type Static, type TSchema, Type } from "@sinclair/typebox";

export const Envelope = Type.Object(
  {
    id: Type.String({ format: "uuid", description: "Unique per message; the JetStream msgID and the idempotency key of consumers." }),
    type: Type.String({ description: "The subject of the contract the data follows, e.g. evt.event.published." }),
    version: Type.Integer({ minimum: 1, description: "The contract version the data follows." }),
    source: Type.String({ description: "The service that produced the message." }),
    occurredAt: Type.String({ format: "date-time", description: "When the fact happened (producer's clock)." }),
    data: Type.Unknown({ description: "The payload, validated against the contract's data schema." }),
  },
  { $id: "https://convene.dev/schemas/envelope/v1.json", additionalProperties: false },
);

export type Envelope<D = unknown> = Omit<Static<typeof Envelope>, "data"> & { data: D };

export type EnvelopeOf<S extends TSchema> = Envelope<Static<S>>;
