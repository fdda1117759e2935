/**
 * Writes docs/subjects.md (the subject catalogue) and docs/configuration.md (every environment
 * variable) from the code, so they cannot drift: `npx node docs/generate.ts`; a test fails when
 * the committed files differ from what this prints.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TObject, TSchema } from "@sinclair/typebox";
import { catalog } from "../subjects/index.ts";
import { streams } from "../subjects/streams.ts";
import { KitEnv } from "../services/kit/config.ts";
import { registry } from "../services/registry.ts";

const cell = (s: unknown) => String(s ?? "").replaceAll("|", "\\|").replaceAll("\n", " ");

export function subjectsDoc(): string {
  const lines = [
    "# Subject catalogue",
    "",
    "Generated from `subjects/` by `npx node docs/generate.ts` — do not edit by hand.",
    "Requests are `svc.<service>.<verb>` (NATS request-reply, micro protocol); events are `evt.<aggregate>.<past-tense>` on the EVENTS stream; jobs are `work.<service>.<job>` on WORK. Every event and job travels in the envelope `{id, type, version, source, occurredAt, data}` (subjects/envelope.ts); `id` is the JetStream msgID.",
    "",
    "## Streams",
    "",
    "| stream | subjects | holds |",
    "| --- | --- | --- |",
    ...Object.values(streams).map((s) => `| ${s.name} | \`${s.subjects.join(", ")}\` | ${cell(s.description)} |`),
    "",
  ];
  const bySection = new Map<string, string[]>();
  for (const c of [...catalog].sort((a, b) => a.subject.localeCompare(b.subject))) {
    const section = c.kind === "request" ? `Requests: ${c.service}` : c.kind === "event" ? `Events: ${c.subject.split(".")[1]}` : `Jobs: ${c.subject.split(".")[1]}`;
    const rows = bySection.get(section) ?? [];
    if (c.kind === "request") {
      rows.push(`| \`${c.subject}\` | v${c.version} | ${c.idempotent ? "yes" : "no"} | ${fields(c.request)} | ${fields(c.reply)} | ${cell(c.description)} |`);
    } else {
      rows.push(`| \`${c.subject}\` | v${c.version} | | ${fields(c.data)} | | ${cell(c.description)} |`);
    }
    bySection.set(section, rows);
  }
  for (const [section, rows] of [...bySection].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${section}`, "", "| subject | version | retried | request / data | reply | description |", "| --- | --- | --- | --- | --- | --- |", ...rows, "");
  }
  return lines.join("\n");
}

function fields(schema: TSchema): string {
  const props = (schema as TObject).properties;
  if (!props) return "";
  const required = new Set((schema as TObject).required ?? []);
  return Object.keys(props).map((k) => (required.has(k) ? `\`${k}\`` : `\`${k}?\``)).join(", ");
}

export function configurationDoc(): string {
  const lines = [
    "# Configuration",
    "",
    "Generated from the environment schemas (`services/kit/config.ts` and each service's `env`) by `npx node docs/generate.ts` — do not edit by hand.",
    "Every variable is validated at boot: a missing or malformed one stops the process with a message naming it.",
    "",
  ];
  const table = (title: string, schema: TObject) => {
    lines.push(`## ${title}`, "", "| variable | type | default | description |", "| --- | --- | --- | --- |");
    const required = new Set(schema.required ?? []);
    for (const [name, s] of Object.entries(schema.properties)) {
      const p = s as TSchema & { type?: string; default?: unknown; description?: string; anyOf?: Array<{ const?: unknown }> };
      const type = p.anyOf ? p.anyOf.map((a) => a.const).join(" or ") : (p.type ?? "string");
      const dflt = p.default !== undefined ? `\`${String(p.default)}\`` : required.has(name) ? "**required**" : "";
      lines.push(`| \`${name}\` | ${cell(type)} | ${dflt} | ${cell(p.description)} |`);
    }
    lines.push("");
  };
  table("Every process", KitEnv);
  for (const def of registry) if (Object.keys(def.env.properties).length) table(`Service: ${def.name}`, def.env);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL("../", import.meta.url);
  writeFileSync(new URL("docs/subjects.md", root), subjectsDoc());
  writeFileSync(new URL("docs/configuration.md", root), configurationDoc());
  process.stdout.write("wrote docs/subjects.md and docs/configuration.md\n");
}
