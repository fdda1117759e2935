/** Mocha root hooks: one isolated nats-server and one fresh database for the whole run. */
import { startNats } from "./nats-server.ts";
import { createDatabase } from "./postgres.ts";
import { testEnv } from "./env.ts";

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    [testEnv.nats, testEnv.pg] = await Promise.all([startNats(), createDatabase()]);
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await Promise.allSettled([testEnv.nats?.stop(), testEnv.pg?.drop()]);
  },
};
