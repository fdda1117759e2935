import { expect } from "chai";
import { Type } from "@sinclair/typebox";
import { ConfigError, KitEnv, loadConfig } from "../config.ts";
import { fixture, spawnTs } from "./helpers.ts";

const ServiceEnv = Type.Object({
  SMTP_URL: Type.String({ description: "required, no default" }),
  BATCH_SIZE: Type.Integer({ minimum: 1, default: 100 }),
  DRY_RUN: Type.Boolean({ default: false }),
});

const thrown = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (err) {
    return err as ConfigError;
  }
  throw new Error("expected a ConfigError");
};

describe("kit loadConfig", () => {
  it("fills defaults for every KitEnv variable left unset", () => {
    const env = loadConfig(KitEnv, {});
    expect(env).to.include({
      NATS_URL: "nats://127.0.0.1:4222",
      DATA_DIR: "./.data",
      HTTP_PORT: 8080,
      SERVICES: "all",
      LOG_LEVEL: "info",
      SHUTDOWN_GRACE_MS: 25_000,
    });
    expect(env.DATABASE_URL).to.equal(undefined);
  });

  it("coerces numbers and booleans from their strings, and treats an empty string as unset", () => {
    const env = loadConfig(ServiceEnv, { SMTP_URL: "smtp://127.0.0.1:2525", BATCH_SIZE: "25", DRY_RUN: "true" });
    expect(env).to.deep.equal({ SMTP_URL: "smtp://127.0.0.1:2525", BATCH_SIZE: 25, DRY_RUN: true });
    expect(loadConfig(KitEnv, { HTTP_PORT: "0", LOG_LEVEL: "" })).to.include({ HTTP_PORT: 0, LOG_LEVEL: "info" });
  });

  it("throws a ConfigError naming a missing required variable", () => {
    const err = thrown(() => loadConfig(ServiceEnv, {}));
    expect(err).to.be.instanceOf(ConfigError);
    expect(err.message).to.equal("invalid environment: SMTP_URL is required");
  });

  it("throws a ConfigError naming a malformed variable (HTTP_PORT=abc)", () => {
    const err = thrown(() => loadConfig(KitEnv, { HTTP_PORT: "abc" }));
    expect(err).to.be.instanceOf(ConfigError);
    expect(err.message).to.match(/^invalid environment: HTTP_PORT must be integer$/);
  });

  it("names every bad variable at once, out-of-range and pattern failures included", () => {
    const err = thrown(() => loadConfig(KitEnv, { HTTP_PORT: "70000", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" }));
    expect(err.message).to.contain("HTTP_PORT");
    expect(err.message).to.contain("DATABASE_URL");
    expect(err.message).to.contain("LOG_LEVEL");
  });

  it("refuses a misspelt trace sampler or ratio instead of silently recording every span", () => {
    expect(loadConfig(KitEnv, { OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.1" })).to.include({
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0.1",
    });
    const err = thrown(() => loadConfig(KitEnv, { OTEL_TRACES_SAMPLER: "traceid_ratio", OTEL_TRACES_SAMPLER_ARG: "10%" }));
    expect(err.message).to.contain("OTEL_TRACES_SAMPLER ");
    expect(err.message).to.contain("OTEL_TRACES_SAMPLER_ARG");
  });

  it("ignores variables the schema does not declare", () => {
    expect(loadConfig(ServiceEnv, { SMTP_URL: "smtp://x", PATH: "/bin" })).to.not.have.property("PATH");
  });
});

describe("services/main.ts", () => {
  it("exits 1 naming an unknown service in SERVICES", async function () {
    this.timeout(20_000);
    const child = spawnTs(fixture("../../../main.ts"), { SERVICES: "nope-not-a-service", LOG_LEVEL: "silent" });
    const { code } = await child.exited;
    expect(code).to.equal(1);
    expect(child.output()).to.match(/^convene: SERVICES: unknown service\(s\) nope-not-a-service; known: /m);
  });

  it("exits 1 naming a malformed variable before connecting to anything", async function () {
    this.timeout(20_000);
    const child = spawnTs(fixture("../../../main.ts"), { HTTP_PORT: "abc", NATS_URL: "nats://127.0.0.1:1" });
    const { code } = await child.exited;
    expect(code).to.equal(1);
    expect(child.output()).to.contain("convene: invalid environment: HTTP_PORT must be integer");
  });
});
