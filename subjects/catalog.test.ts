import { expect } from "chai";
import { catalog } from "./index.ts";
import { fixtures } from "./fixtures/index.ts";
import { validator } from "../services/kit/validate.ts";
import { SCHEMA_BASE } from "./contract.ts";

describe("subject catalogue", () => {
  it("names requests svc.<service>.<verb> and messages evt.<aggregate>.<past-tense> or work.<service>.<job>", () => {
    for (const c of catalog) {
      const pattern = c.kind === "request" ? /^svc\.[a-z-]+\.[a-z-]+(\.[a-z-]+)*$/ : c.kind === "event" ? /^evt\.[a-z_-]+\.[a-z_-]+$/ : /^work\.[a-z-]+\.[a-z-]+$/;
      expect(c.subject, c.subject).to.match(pattern);
    }
  });

  it("has one contract per subject", () => {
    const seen = new Set<string>();
    for (const c of catalog) {
      expect(seen.has(c.subject), `duplicate ${c.subject}`).to.equal(false);
      seen.add(c.subject);
    }
  });

  it("gives every subject a versioned schema $id, a description and a fixture that validates", () => {
    for (const c of catalog) {
      const fixture = fixtures[c.subject];
      expect(fixture, `fixture for ${c.subject}`).to.not.equal(undefined);
      expect(c.description.length, `description of ${c.subject}`).to.be.greaterThan(0);
      const pairs = c.kind === "request" ? [[c.request, (fixture as { request: unknown }).request], [c.reply, (fixture as { reply: unknown }).reply]] : [[c.data, (fixture as { data: unknown }).data]];
      for (const [schema, value] of pairs) {
        expect(String((schema as { $id?: string }).$id), c.subject).to.match(new RegExp(`^${SCHEMA_BASE.replaceAll(".", "\\.")}.+/v\\d+/`));
        const fn = validator(schema as never);
        expect(fn(value), `${c.subject}: ${JSON.stringify(fn.errors)}`).to.equal(true);
      }
    }
  });

  it("keeps no fixture without a contract", () => {
    const subjects = new Set(catalog.map((c) => c.subject));
    for (const s of Object.keys(fixtures)) expect(subjects.has(s), `orphan fixture ${s}`).to.equal(true);
  });
});
