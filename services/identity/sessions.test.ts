/** When a refresh token still refreshes, on a fixed clock: no NATS, no Postgres. */
import { expect } from "chai";
import { FAMILY_MAX_DAYS, REFRESH_TTL_DAYS, refreshRefusal } from "./sessions.ts";

const DAY = 86_400_000;
const now = new Date("2026-12-05T10:00:00.000Z");
const at = (msFromNow: number) => new Date(now.getTime() + msFromNow);

describe("identity: refreshRefusal (a refresh token's expiry and its sign-in's lifetime)", () => {
  it("refreshes a token until the instant it expires, and not a millisecond after", () => {
    expect(refreshRefusal({ expires_at: now }, at(-DAY), now)).to.equal(undefined);
    expect(refreshRefusal({ expires_at: at(-1) }, at(-DAY), now)).to.equal("refresh token expired");
    // A row read back from Postgres may carry the instant as text.
    expect(refreshRefusal({ expires_at: at(REFRESH_TTL_DAYS * DAY).toISOString() }, undefined, now)).to.equal(undefined);
  });

  it("ends a sign-in FAMILY_MAX_DAYS after it began, however often it was refreshed since", () => {
    const live = { expires_at: at(REFRESH_TTL_DAYS * DAY) };
    expect(refreshRefusal(live, at(-FAMILY_MAX_DAYS * DAY), now)).to.equal(undefined);
    expect(refreshRefusal(live, at(-FAMILY_MAX_DAYS * DAY - 1), now)).to.equal("this sign-in is too old to refresh; sign in again");
  });
});
