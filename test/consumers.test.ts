/**
 * A consumer is a handler plus a stable name: its file is named for what it does, and the JetStream
 * durable it runs as is declared in that file, once, as a constant under a WARNING (renaming a
 * durable is a migration: JetStream and processed_messages hold it). Checked here, not remembered.
 */
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const servicesDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "services");
const services = readdirSync(servicesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

type ConsumerFile = { service: string; name: string; source: string };

function consumerFiles(): ConsumerFile[] {
  return services.flatMap((service) => {
    let names: string[];
    try {
      names = readdirSync(join(servicesDir, service, "consumers")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    } catch {
      return [];
    }
    return names.map((name) => ({ service, name, source: readFileSync(join(servicesDir, service, "consumers", name), "utf8") }));
  });
}

describe("consumers", () => {
  const files = consumerFiles();

  it("finds the consumers it checks", () => {
    expect(files.length).to.be.greaterThan(5);
  });

  it("declares each durable once, in its own file, as <service>-<name> under a WARNING", () => {
    const seen = new Map<string, string>();
    for (const f of files) {
      const at = `${f.service}/consumers/${f.name}`;
      // Besides its own, a file may declare the durable it replaces (ConsumerSpec.replaces).
      const all = [...f.source.matchAll(/export const ([A-Z][A-Z0-9_]*) = "([^"]+)";/g)];
      const replaced = all.filter(([, c]) => new RegExp(`replaces: ${c},`).test(f.source));
      const declared = all.filter((d) => !replaced.includes(d));
      expect(declared.length, `${at} declares one durable constant`).to.equal(1);
      for (const [, , old] of replaced) {
        expect(old, at).to.match(new RegExp(`^${f.service}-[a-z][a-z0-9-]*$`));
        expect(seen.get(old), `${old} is declared twice`).to.equal(undefined);
        seen.set(old, at);
      }
      const [, constant, durable] = declared[0];
      expect(durable, at).to.match(new RegExp(`^${f.service}-[a-z][a-z0-9-]*$`));
      expect(f.source, `${at}: a WARNING says renaming ${durable} is a migration`).to.match(/WARNING: the durable name is stored in JetStream/);
      // The spec's durable is that constant, directly or through a local alias of it.
      const alias = new RegExp(`const (\\w+) = ${constant};`).exec(f.source)?.[1];
      expect(f.source, `${at}: durable: ${constant}`).to.match(new RegExp(`durable: (${constant}${alias ? `|${alias}` : ""}),`));
      expect(seen.get(durable), `${durable} is declared twice`).to.equal(undefined);
      seen.set(durable, at);
    }
  });

  it("names each file for what it does, not for the service it listens to", () => {
    for (const f of files) expect(services, `${f.service}/consumers/${f.name}`).to.not.include(f.name.replace(/\.ts$/, ""));
  });
});
