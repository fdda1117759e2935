/**
 * `make service NAME=x` (deploy/scaffold.ts) makes a service that passes the project's checks as
 * generated: scaffolded into a scratch copy of this checkout, the new code type-checks, its unit
 * and integration tests pass on real NATS and Postgres, and the catalogue, generated-docs and
 * import-rule tests still pass with it in.
 */
import { expect } from "chai";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { namesOf } from "../deploy/scaffold.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const NAME = "scaffold-probe";

describe("make service (deploy/scaffold.ts)", function () {
  this.timeout(300_000);
  let work = "";

  before(() => {
    work = mkdtempSync(join(tmpdir(), "convene-scaffold-"));
    // The checkout as it stands (tracked and new files, not ignored ones), node_modules shared.
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(root, f))) continue; // deleted in the work tree
      mkdirSync(dirname(join(work, f)), { recursive: true });
      cpSync(join(root, f), join(work, f));
    }
    symlinkSync(join(root, "node_modules"), join(work, "node_modules"), "dir");
    const r = spawnSync(process.execPath, [join(work, "deploy/scaffold.ts"), NAME, "--root", work], { encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).to.equal(0);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("refuses a name that is not kebab-case, or one that exists", () => {
    expect(() => namesOf("Gift_Cards")).to.throw(/kebab-case/);
    expect(namesOf("gift-cards")).to.deep.equal({ name: "gift-cards", camel: "giftCards", pascal: "GiftCards", snake: "gift_cards" });
    const again = spawnSync(process.execPath, [join(work, "deploy/scaffold.ts"), NAME, "--root", work], { encoding: "utf8" });
    expect(again.status).to.equal(1);
    expect(again.stderr).to.match(/exists already/);
  });

  it("writes every piece of the checklist and wires it in", () => {
    for (
      const f of [
        `subjects/${NAME}.ts`,
        `subjects/fixtures/${NAME}.ts`,
        `services/${NAME}/index.ts`,
        `services/${NAME}/endpoints/items-create.ts`,
        `services/${NAME}/usecases/create-item.ts`,
        `services/${NAME}/usecases/create-item.test.ts`,
        `services/${NAME}/store.ts`,
        `services/${NAME}/migrations/001-${NAME}.ts`,
        `services/${NAME}/consumers/item-log.ts`,
        `services/edge/routes/${NAME}.ts`,
        `helm/${NAME}/Chart.yaml`,
        `helm/${NAME}/values.yaml`,
        `deploy/observability/dashboards/${NAME}.json`,
        `docs/services/${NAME}.md`,
      ]
    ) {
      expect(existsSync(join(work, f)), f).to.equal(true);
    }
    const read = (f: string) => readFileSync(join(work, f), "utf8");
    expect(read("services/registry.ts")).to.match(/scaffoldProbeService,\s*edgeService/);
    expect(read("services/edge/routes/index.ts")).to.contain("...scaffoldProbeRoutes");
    expect(read("helm/convene/Chart.yaml")).to.contain(`condition: ${NAME}.create`);
    expect(read("helm/convene/templates/migrations-job.yaml")).to.contain(` "${NAME}" }}`);
    expect(read("docs/subjects.md")).to.contain(`svc.${NAME}.items.create`);
    expect(read("test/e2e/generated/api.d.ts")).to.contain(`/v1/${NAME}/items`);
  });

  it("type-checks", () => {
    const config = join(work, "tsconfig.scaffold.json");
    writeFileSync(config, JSON.stringify({ extends: "./tsconfig.json", include: [`services/${NAME}`, "subjects", "services/edge/routes", "test/support"] }));
    const r = spawnSync(process.execPath, [join(work, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", config], { cwd: work, encoding: "utf8" });
    expect(r.status, r.stdout + r.stderr).to.equal(0);
  });

  it("passes the linter", () => {
    const r = spawnSync(join(work, "node_modules/.bin/deno"), [
      "lint",
      `services/${NAME}`,
      `subjects/${NAME}.ts`,
      `subjects/fixtures/${NAME}.ts`,
      `services/edge/routes/${NAME}.ts`,
    ], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status, r.stdout + r.stderr).to.equal(0);
  });

  it("is formatted as the rest of the tree", () => {
    const r = spawnSync(join(work, "node_modules/.bin/deno"), ["fmt", "--check"], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status, r.stdout + r.stderr).to.equal(0);
  });

  it("passes its own tests and the catalogue, generated-docs, import-rule and consumer-naming tests", () => {
    const specs = [
      `services/${NAME}/usecases/create-item.test.ts`,
      `services/${NAME}/test/${NAME}.test.ts`,
      "subjects/catalog.test.ts",
      "docs/generate.test.ts",
      "test/imports.test.ts",
      "test/consumers.test.ts",
    ];
    const mocha = join(work, "node_modules/mocha/bin/mocha.js");
    const r = spawnSync(process.execPath, [
      mocha,
      "--no-config",
      "--extension",
      "ts",
      "--require",
      "test/support/hooks.ts",
      "--timeout",
      "60000",
      "--exit",
      ...specs,
    ], { cwd: work, encoding: "utf8" });
    expect(r.status, r.stdout.slice(-4000) + r.stderr.slice(-2000)).to.equal(0);
    expect(r.stdout).to.match(/passing/).and.not.match(/failing|pending/);
  });
});
