/**
 * The address a per-client limit counts under. An IPv4 address is one client; an IPv6 host
 * usually owns a whole /64 (SLAAC, privacy addresses), so keying by the full address would give
 * one attacker 2^64 buckets: IPv6 is keyed by its /64.
 */
import { isIPv6 } from "node:net";

export function clientBucket(ip: string): string {
  const bare = ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
  if (!isIPv6(bare)) return bare;
  return `${expandIPv6(bare).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lowercase hex without leading zeros. */
function expandIPv6(ip: string): string[] {
  const [addr] = ip.split("%");
  let tail: string[] = [];
  let text = addr;
  // An embedded IPv4 tail (::1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    tail = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    text = text.slice(0, v4.index).replace(/:$/, ":0").replace(/::0$/, "::");
  }
  const [head, rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const groups = rest === undefined ? [...left, ...tail] : [...left, ...Array(8 - left.length - right.length - tail.length).fill("0"), ...right, ...tail];
  return groups.map((g) => Number.parseInt(g || "0", 16).toString(16));
}
