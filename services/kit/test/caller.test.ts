import { expect } from "chai";
import { hasRole, optionalCaller, requireCaller, requireRole } from "../caller.ts";
import { AppError } from "../errors.ts";
import type { HandlerContext } from "../serve.ts";
import { createLogger } from "../log.ts";

const log = createLogger({ name: "caller-test", level: "silent" });
const ctx = (principal?: HandlerContext["principal"]): HandlerContext => ({ principal, deadline: Date.now() + 1_000, log });
const ada = { sub: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f", roles: ["participant" as const] };
const boss = { sub: "9d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f", roles: ["admin" as const, "participant" as const] };

const statusOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).status;
  }
  return 0;
};

describe("kit caller", () => {
  it("requireCaller answers the principal, or 401 for nobody", () => {
    expect(requireCaller(ctx(ada))).to.equal(ada);
    expect(statusOf(() => requireCaller(ctx()))).to.equal(401);
    expect(optionalCaller(ctx())).to.equal(undefined);
  });

  it("requireRole refuses someone without the role with 403, nobody with 401", () => {
    expect(requireRole(ctx(boss), "admin")).to.equal(boss);
    expect(statusOf(() => requireRole(ctx(ada), "admin"))).to.equal(403);
    expect(statusOf(() => requireRole(ctx(), "admin"))).to.equal(401);
    expect(hasRole(undefined, "admin")).to.equal(false);
    expect(hasRole(boss, "admin")).to.equal(true);
  });
});
