import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { catalog } from "./index.ts";
import { fixtures } from "./fixtures/index.ts";
import { validator } from "../services/kit/validate.ts";
import { type Contract, type RequestContract, SCHEMA_BASE } from "./contract.ts";

const kebab = "[a-z][a-z0-9]*(?:-[a-z0-9]+)*";
const snake = "[a-z][a-z0-9]*(?:_[a-z0-9]+)*";
const REQUEST = new RegExp(`^svc\\.(${kebab})\\.(${kebab})\\.(${kebab})$`);
const EVENT = new RegExp(`^evt\\.(${snake})\\.(${snake})$`);
const JOB = new RegExp(`^work\\.(${kebab})\\.(${kebab})$`);
/** Past tenses that do not end in -ed; add one here when an event needs it. */
const IRREGULAR_PAST = new Set(["sent", "paid", "made", "begun", "done", "set", "held", "won", "lost"]);
const isPastTense = (words: string[]) => words.some((w) => w.endsWith("ed") || IRREGULAR_PAST.has(w));

const servicesDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "services");

type Served = { file: string; service: string; contract: RequestContract };

/**
 * Every endpoint the services declare, read from their sources (setup() needs NATS and a database):
 * each `endpoints/*.ts` binds one contract with `endpoint(<module>.<key>, …)` imported from subjects/.
 */
async function servedEndpoints(): Promise<Served[]> {
  const out: Served[] = [];
  for (const service of readdirSync(servicesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    let files: string[];
    try {
      files = readdirSync(join(servicesDir, service, "endpoints")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    } catch {
      continue;
    }
    for (const name of files) {
      const file = join(servicesDir, service, "endpoints", name);
      const source = readFileSync(file, "utf8");
      const modules = new Map<string, string>();
      for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]*\/subjects\/[^"]*)"/g)) {
        for (const binding of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
          if (!binding.startsWith("type ")) modules.set(binding.split(/\s+as\s+/).pop()!, resolve(dirname(file), m[2]));
        }
      }
      for (const m of source.matchAll(/\bendpoint\(\s*([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*,/g)) {
        const path = modules.get(m[1]);
        expect(path, `${service}/endpoints/${name}: ${m[1]} is not imported from subjects/`).to.be.a("string");
        const mod = (await import(pathToFileURL(path!).href)) as Record<string, Record<string, Contract>>;
        const contract = mod[m[1]]?.[m[2]];
        expect(contract?.kind, `${service}/endpoints/${name}: ${m[1]}.${m[2]}`).to.equal("request");
        out.push({ file: `${service}/endpoints/${name}`, service, contract: contract as RequestContract });
      }
    }
  }
  return out;
}

describe("subject catalogue", () => {
  it("names requests svc.<service>.<resource>.<verb>, kebab-case, four segments", () => {
    for (const c of catalog) if (c.kind === "request") expect(c.subject, c.subject).to.match(REQUEST);
  });

  it("names events evt.<aggregate>.<past_tense>, snake_case, the last segment in the past tense", () => {
    for (const c of catalog) {
      if (c.kind !== "event") continue;
      expect(c.subject, c.subject).to.match(EVENT);
      expect(isPastTense(c.subject.split(".")[2].split("_")), `${c.subject} names a state or an order, not what happened`).to.equal(true);
    }
  });

  it("names jobs work.<service>.<job>, kebab-case", () => {
    for (const c of catalog) if (c.kind === "job") expect(c.subject, c.subject).to.match(JOB);
  });

  it("serves every request subject once, by the service its second segment names, from endpoints/<resource>-<verb>.ts", async () => {
    const served = await servedEndpoints();
    expect(served.length).to.be.greaterThan(100);
    const bySubject = new Map<string, Served[]>();
    for (const s of served) bySubject.set(s.contract.subject, [...(bySubject.get(s.contract.subject) ?? []), s]);
    for (const c of catalog) {
      if (c.kind !== "request") continue;
      const at = bySubject.get(c.subject) ?? [];
      expect(at.map((s) => s.file), `who serves ${c.subject}`).to.have.length(1);
      const [, service, resource, verb] = REQUEST.exec(c.subject)!;
      expect(at[0].service, `${c.subject} is served by ${at[0].file}`).to.equal(service);
      expect(basename(at[0].file), c.subject).to.equal(`${resource}-${verb}.ts`);
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
      const pairs = c.kind === "request"
        ? [[c.request, (fixture as { request: unknown }).request], [c.reply, (fixture as { reply: unknown }).reply]]
        : [[c.data, (fixture as { data: unknown }).data]];
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
