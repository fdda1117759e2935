/** The lifecycle rule of an event on a fixed clock: no NATS, no Postgres. */
import { expect } from "chai";
import type { AppError } from "../kit/errors.ts";
import { transitionOf } from "./lifecycle.ts";

const now = new Date("2026-12-05T10:00:00.000Z");
const draft = { status: "draft" as const, published_at: null, sequence: 0 };
const published = { status: "published" as const, published_at: new Date("2026-12-01T09:00:00.000Z"), sequence: 3 };
const unpublished = { ...published, status: "draft" as const };
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a refusal");
};

describe("events: transitionOf (publish, unpublish, cancel)", () => {
  it("publishes a draft, stamped with the clock's time, without raising the SEQUENCE of an event no calendar holds yet", () => {
    expect(transitionOf(draft, { to: "published" }, now)).to.deep.equal({
      patch: { status: "published", updated_at: now, published_at: now },
      action: "published",
      reason: null,
    });
  });

  it("keeps the first publication's stamp when an unpublished event is published again, and raises its SEQUENCE", () => {
    expect(transitionOf(unpublished, { to: "published" }, now)?.patch).to.deep.equal({ status: "published", updated_at: now, sequence: 4 });
  });

  it("cancels with the time and the reason, from a draft or a published event", () => {
    expect(transitionOf(published, { to: "cancelled", reason: "rain" }, now)).to.deep.equal({
      patch: { status: "cancelled", updated_at: now, sequence: 4, cancelled_at: now, cancel_reason: "rain" },
      action: "cancelled",
      reason: "rain",
    });
    expect(transitionOf(draft, { to: "cancelled" }, now)?.patch).to.deep.equal({
      status: "cancelled",
      updated_at: now,
      cancelled_at: now,
      cancel_reason: null,
    });
  });

  it("unpublishes only a published event", () => {
    expect(transitionOf(published, { to: "draft", reason: "typo" }, now)?.action).to.equal("unpublished");
    const cancelled = { ...published, status: "cancelled" as const };
    expect(refusal(() => transitionOf(cancelled, { to: "draft" }, now)).status).to.equal(409);
  });

  it("publishes only a draft: a cancelled event stays cancelled", () => {
    const err = refusal(() => transitionOf({ ...published, status: "cancelled" }, { to: "published" }, now));
    expect(err.status).to.equal(409);
    expect(err.message).to.match(/only a draft/);
  });

  it("changes nothing when the event is there already (a repeated request)", () => {
    expect(transitionOf(published, { to: "published" }, now)).to.equal(undefined);
    expect(transitionOf({ ...published, status: "cancelled" }, { to: "cancelled" }, now)).to.equal(undefined);
  });
});
