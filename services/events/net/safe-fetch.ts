/**
 * Fetches a URL given by a user without letting it reach inside the network (SSRF): http(s) only,
 * no credentials in the URL, every address the host name resolves to must be public (guard.ts) —
 * and the connection goes to the very address that was checked (pinned in `lookup`), so a DNS
 * answer that changes between check and connect (rebinding) cannot slip through. Redirects are
 * followed by hand, each hop checked again. The body is capped in size and the whole fetch in time.
 * Origins in `allowedOrigins` skip the address check (an intranet calendar the operator trusts).
 */
import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { AppError } from "../../kit/errors.ts";
import { forbiddenReason } from "./guard.ts";

export type SafeFetchOptions = {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  allowedOrigins?: string[];
  /** Resolver (tests may inject one); default: the system resolver, all addresses. */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
};

export type Fetched = { body: Buffer; url: string; contentType: string };

export const unsafe = (message: string) => new AppError("unsafe_url", message, { status: 422 });

export async function safeFetch(raw: string, opts: SafeFetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    let url = parse(raw);
    for (let hop = 0;; hop++) {
      const target = await check(url, opts);
      const res = await get(url, target, controller.signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.destroy();
        if (hop >= (opts.maxRedirects ?? 5)) throw new AppError("unprocessable", "too many redirects");
        url = parse(new URL(res.headers.location, url).toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new AppError("unprocessable", `the source answered HTTP ${status}`);
      }
      const body = await readCapped(res, opts.maxBytes);
      return { body, url: url.toString(), contentType: String(res.headers["content-type"] ?? "") };
    }
  } catch (err) {
    if (controller.signal.aborted) throw new AppError("unprocessable", `the source did not answer within ${opts.timeoutMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function parse(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw unsafe("url: is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw unsafe(`url: only http and https may be fetched, not ${url.protocol.replace(":", "")}`);
  if (url.username || url.password) throw unsafe("url: credentials in the URL are not allowed");
  return url;
}

/** The address to connect to, after checking every address the host resolves to. */
async function check(url: URL, opts: SafeFetchOptions): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (opts.resolve ?? ((h: string) => dnsLookup(h, { all: true, verbatim: true })))(host);
    } catch {
      throw new AppError("unprocessable", `url: ${host} does not resolve`);
    }
  }
  if (!addresses.length) throw new AppError("unprocessable", `url: ${host} does not resolve`);
  if (!(opts.allowedOrigins ?? []).includes(url.origin)) {
    for (const a of addresses) {
      const reason = forbiddenReason(a.address);
      if (reason) throw unsafe(`url: ${host} resolves to a ${reason} address; refused`);
    }
  }
  return addresses[0];
}

function get(url: URL, target: { address: string; family: number }, signal: AbortSignal): Promise<http.IncomingMessage> {
  // Connect to the checked address only, whatever a second resolution would say.
  const pinned: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [target]);
    else cb(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    // The AbortController of safeFetch is the one clock: it aborts connect, headers and body alike.
    const req = client.request(url, {
      method: "GET",
      lookup: pinned,
      signal,
      headers: { accept: "text/calendar, */*;q=0.5", "user-agent": "Convene-Import/1" },
    }, resolve);
    req.on("error", reject);
    req.end();
  });
}

async function readCapped(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new AppError("payload_too_large", `the source is larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw new AppError("payload_too_large", `the source is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
