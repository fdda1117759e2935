/**
 * The import rule, checked rather than remembered: a service imports only subjects/, the kit and
 * its own folder; the kit imports only subjects/ and itself. Services reach each other over NATS,
 * never through each other's modules. Test code (*.test.ts and a service's test/ folder) may also
 * use test/support/ and start other services to run against.
 */
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const servicesDir = join(root, "services");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : tsFiles(p);
    return d.name.endsWith(".ts") ? [p] : [];
  });
}

/** Relative specifiers of static imports, re-exports and dynamic imports (comments stripped). */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const out: string[] = [];
  for (const re of [/\b(?:import|export)\s[^'";]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g]) {
    for (const m of code.matchAll(re)) out.push(m[1]);
  }
  return out.filter((s) => s.startsWith("."));
}

/** The top folder a path lives in: `subjects`, `test`, `services/kit`, `services/<name>`, or another. */
function area(path: string): string {
  const parts = relative(root, path).split(sep);
  if (parts[0] === "services" && parts.length > 2) return `services/${parts[1]}`;
  return parts[0];
}

/** Whether `file` may import `spec` (a relative specifier written in it). */
export function mayImport(file: string, spec: string): boolean {
  const from = area(file);
  const to = area(resolve(dirname(file), spec));
  const isTest = /\.test\.ts$/.test(file) || relative(join(root, from), file).split(sep)[0] === "test";
  const allowed = from === "services/kit" ? ["services/kit", "subjects"] : [from, "services/kit", "subjects"];
  // Test code may start other services (and the edge, or the whole registry) as black boxes, and use test/support/.
  return allowed.includes(to) || (isTest && (to === "test" || to === "services" || to.startsWith("services/")));
}

/** Every import that breaks the rule, as "file → specifier". */
export function violations(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(readFileSync(file, "utf8")).filter((spec) => !mayImport(file, spec)).map((spec) => `${relative(root, file)} → ${spec}`)
  );
}

describe("the import rule", () => {
  const files = tsFiles(servicesDir).filter((f) => area(f).startsWith("services/"));

  it("finds the imports it checks (sanity of the parser)", () => {
    expect(
      importsOf(
        `import a from "./a.ts";\nimport type { B } from '../b.ts';\nexport { c } from "./c.ts";\n// import x from "./x.ts"\nconst d = await import("./d.ts");\nimport "./e.ts";`,
      ),
    ).to.deep.equal(["./a.ts", "../b.ts", "./c.ts", "./e.ts", "./d.ts"]);
    expect(files.length).to.be.greaterThan(100);
  });

  it("no service imports another service, and the kit imports no service", () => {
    expect(violations(files)).to.deep.equal([]);
  });

  it("would catch a service importing another, and the kit importing a service", () => {
    const at = (rel: string) => join(root, rel);
    expect(mayImport(at("services/events/usecases/x.ts"), "../../identity/store.ts")).to.equal(false);
    expect(mayImport(at("services/kit/x.ts"), "../events/store.ts")).to.equal(false);
    expect(mayImport(at("services/kit/x.ts"), "../../test/support/env.ts")).to.equal(false);
    expect(mayImport(at("services/events/test/x.test.ts"), "../../identity/index.ts")).to.equal(true);
    expect(mayImport(at("services/kit/x.ts"), "../../test/support/env.ts")).to.equal(false);
    expect(mayImport(at("services/events/usecases/x.ts"), "../../kit/outbox.ts")).to.equal(true);
    expect(mayImport(at("services/events/usecases/x.ts"), "../../../subjects/events.ts")).to.equal(true);
    expect(mayImport(at("services/kit/test/x.test.ts"), "../../../test/support/env.ts")).to.equal(true);
  });
});
