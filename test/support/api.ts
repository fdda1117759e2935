/**
 * One JSON request to the platform's public API as a client behind the proxy at `from` (tests run
 * the edge with TRUST_PROXY, so each pretend client has its own per-IP limits), with a fresh
 * Idempotency-Key on every POST. End-to-end tests read replies loosely; the contracts are tested
 * elsewhere.
 */
import { randomUUID } from "node:crypto";

// deno-lint-ignore no-explicit-any -- JSON replies are read loosely here; the contracts are tested elsewhere
export type Reply = { status: number; body: any };

export async function apiRequest(base: string, method: string, path: string, body?: unknown, token?: string, from = "10.88.0.1"): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": from };
  if (token) headers.authorization = `Bearer ${token}`;
  if (method === "POST") headers["idempotency-key"] = randomUUID();
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}
