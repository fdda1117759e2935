/**
 * The TypeScript client of the public API, generated from its OpenAPI document with
 * openapi-typescript (test/e2e/generated/api.d.ts) and driven by openapi-fetch.
 * Regenerate after changing routes or contracts: `npx node test/e2e/client.ts`.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import process from "node:process";
import openapiTS, { astToString } from "openapi-typescript";
import createClient, { type Client } from "openapi-fetch";
import { openApiDocument } from "../../services/edge/index.ts";
import type { paths } from "./generated/api.d.ts";

export const GENERATED = fileURLToPath(new URL("./generated/api.d.ts", import.meta.url));

export async function generateClientTypes(): Promise<string> {
  const doc = openApiDocument();
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
  return `/**\n * Generated from the edge's OpenAPI document by test/e2e/client.ts — do not edit.\n */\n\n${astToString(ast)}`;
}

export type Api = Client<paths>;

/** A client from one client IP (the edge trusts X-Forwarded-For in these tests). */
export function apiClient(baseUrl: string, opts: { ip?: string; token?: string } = {}): Api {
  const headers: Record<string, string> = {};
  if (opts.ip) headers["X-Forwarded-For"] = opts.ip;
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  return createClient<paths>({ baseUrl, headers });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED, await generateClientTypes());
  process.stdout.write(`wrote ${GENERATED}\n`);
}
