/** Who on a waitlist is offered freed seats, and until when, on a fixed clock: no NATS, no Postgres. */
import { expect } from "chai";
import { offersFor } from "./waitlist-offers.ts";

const now = new Date("2026-12-05T10:00:00.000Z");
const open = { salesClose: new Date("2026-12-10T00:00:00.000Z"), startsAt: new Date("2026-12-10T18:00:00.000Z"), offerMinutes: 30 };
const queue = [
  { id: "a", seats: 2 },
  { id: "b", seats: 4 },
  { id: "c", seats: 1 },
  { id: "d", seats: 1 },
];

describe("bookings: offersFor (the waitlist's offers of freed seats)", () => {
  it("offers in queue order, each for the offer minutes from the clock's time", () => {
    expect(offersFor(queue, 3, open, now)).to.deep.equal([
      { id: "a", seats: 2, expiresAt: new Date("2026-12-05T10:30:00.000Z") },
      { id: "c", seats: 1, expiresAt: new Date("2026-12-05T10:30:00.000Z") },
    ]);
  });

  it("lets a smaller group pass a larger one that does not fit, which keeps its place", () => {
    expect(offersFor(queue, 1, open, now).map((o) => o.id)).to.deep.equal(["c"]);
    expect(offersFor(queue, 6, open, now).map((o) => o.id)).to.deep.equal(["a", "b"]);
  });

  it("offers everyone when the type has no limit, and no one when nothing is free", () => {
    expect(offersFor(queue, null, open, now).map((o) => o.id)).to.deep.equal(["a", "b", "c", "d"]);
    expect(offersFor(queue, 0, open, now)).to.deep.equal([]);
  });

  it("offers nothing once sales have closed or the event has begun", () => {
    expect(offersFor(queue, 3, { ...open, salesClose: now }, now)).to.deep.equal([]);
    expect(offersFor(queue, 3, { ...open, startsAt: new Date(now.getTime() - 1) }, now)).to.deep.equal([]);
  });
});
