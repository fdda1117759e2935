/**
 * /docs: the API reference rendered by Swagger UI (npm swagger-ui-dist) from the same OpenAPI
 * document as /v1/openapi.json, with examples and "try it out". Every file is served from
 * node_modules by the edge itself and the page's CSP allows only this origin, so rendering it
 * sends no request off the machine (no CDN, no validator badge, no fonts from elsewhere).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenApiDocument } from "./openapi.ts";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** Only this origin: the reference UI can neither load nor call anything elsewhere. */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** The files of /docs/assets/<name>, read once at start. */
export const docsAssets: Map<string, { type: string; body: Buffer }> = new Map([
  ["swagger-ui.css", { type: "text/css; charset=utf-8", body: readFileSync(join(dist, "swagger-ui.css")) }],
  ["swagger-ui-bundle.js", { type: "text/javascript; charset=utf-8", body: readFileSync(join(dist, "swagger-ui-bundle.js")) }],
  [
    "init.js",
    {
      type: "text/javascript; charset=utf-8",
      // An inline script would need 'unsafe-inline'; the initializer is a file of its own.
      body: Buffer.from(
        `window.ui = SwaggerUIBundle({ url: "/v1/openapi.json", dom_id: "#reference", deepLinking: true, validatorUrl: null, tryItOutEnabled: false, persistAuthorization: false, displayRequestDuration: true });\n`,
      ),
    },
  ],
]);

export function renderDocsPage(doc: OpenApiDocument): string {
  const info = doc.info as { title: string; version: string; description: string };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, summary: String(op.summary ?? "") }))
  );
  // The list inside <noscript> keeps the page useful (and searchable) without JavaScript.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)} — API reference</title>
<meta name="description" content="${esc(info.description)}">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head><body>
<main id="reference" aria-label="API reference"></main>
<noscript><h1>${esc(info.title)} ${esc(info.version)}</h1><p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${
    esc(doc.openapi)
  }).</p>
<ul>${operations.map((o) => `<li><code>${esc(o.method.toUpperCase())} ${esc(o.path)}</code> — ${esc(o.summary)}</li>`).join("")}</ul></noscript>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body></html>`;
}
