/**
 * /docs: the API as one self-contained HTML page (no script, no CDN), rendered from the same
 * OpenAPI document as /v1/openapi.json, so it works offline and under a strict CSP.
 */
import type { OpenApiDocument, Operation } from "./openapi.ts";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function renderDocsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, Array<{ method: string; path: string; op: Operation }>>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ["other"])[0];
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, op });
    }
  }
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, ops]) => `<section><h2>${esc(tag)}</h2>${ops.map(({ method, path, op }) => operationHtml(method, path, op)).join("")}</section>`)
    .join("");
  const info = doc.info as { title: string; version: string; description: string };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-bottom:1px solid #ddd;margin-top:2.5rem}
details{border:1px solid #e3e3e3;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
summary{cursor:pointer}
.m{display:inline-block;min-width:4.5rem;font:600 12px monospace;text-transform:uppercase}
.get{color:#0a7}.post{color:#06c}.put,.patch{color:#a60}.delete{color:#c22}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f6f6f6;padding:.6rem;overflow:auto}
.lock{font-size:12px;color:#777}
</style></head><body>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
${sections}
</body></html>`;
}

function operationHtml(method: string, path: string, op: Operation): string {
  const auth = Array.isArray(op.security) && op.security.length ? `<span class="lock">requires a bearer token</span>` : "";
  const params = ((op.parameters as Array<Record<string, unknown>> | undefined) ?? [])
    .filter((p) => !p.$ref)
    .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ", required" : ""}) ${esc(p.description)}</li>`)
    .join("");
  const body = (op.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.["application/json"]?.schema;
  const responses = Object.entries((op.responses as Record<string, Record<string, unknown>> | undefined) ?? {})
    .filter(([status]) => /^[23]/.test(status))
    .map(([status, r]) => {
      const content = r.content as Record<string, { schema: unknown }> | undefined;
      const [type, media] = Object.entries(content ?? {})[0] ?? [];
      return `<p><b>${esc(status)}</b> ${esc(r.description)} ${type ? `<code>${esc(type)}</code>` : ""}</p>${media && type === "application/json" ? `<pre>${esc(JSON.stringify(media.schema, null, 2))}</pre>` : ""}`;
    })
    .join("");
  return `<details id="${esc(op.operationId ?? `${method}-${path}`)}"><summary><span class="m ${esc(method)}">${esc(method)}</span> <code>${esc(path)}</code> — ${esc(op.summary)} ${auth}</summary>
<p>${esc(op.description)}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}${body ? `<h4>Body</h4><pre>${esc(JSON.stringify(body, null, 2))}</pre>` : ""}<h4>Responses</h4>${responses}<p>Errors: <code>application/problem+json</code>.</p></details>`;
}
