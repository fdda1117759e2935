/**
 * Which addresses an outbound fetch may connect to. Anything that is not a public unicast address
 * is refused: loopback, private (RFC 1918, ULA), link-local (and so the 169.254.169.254 metadata
 * service), CGNAT, unspecified, multicast, documentation and reserved ranges — and IPv6 forms that
 * embed an IPv4 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4
 * 2002::/16) are judged by the IPv4 address inside.
 */
import { isIP } from "node:net";

type Range = [bytes: number[], prefix: number, reason: string];

const v4: Range[] = [
  [[0, 0, 0, 0], 8, "this network"],
  [[10, 0, 0, 0], 8, "private"],
  [[100, 64, 0, 0], 10, "carrier-grade NAT"],
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "link-local (cloud metadata)"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "IETF protocol assignments"],
  [[192, 0, 2, 0], 24, "documentation"],
  [[192, 88, 99, 0], 24, "6to4 relay"],
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "benchmarking"],
  [[198, 51, 100, 0], 24, "documentation"],
  [[203, 0, 113, 0], 24, "documentation"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved"],
];

const v6: Range[] = [
  [[...Array(16).fill(0)], 128, "unspecified"],
  [[...Array(15).fill(0), 1], 128, "loopback"],
  [[0x01, 0x00, ...Array(14).fill(0)], 64, "discard"],
  [[0x20, 0x01, 0x0d, 0xb8, ...Array(12).fill(0)], 32, "documentation"],
  [[0xfc, ...Array(15).fill(0)], 7, "unique local (private)"],
  [[0xfe, 0x80, ...Array(14).fill(0)], 10, "link-local"],
  [[0xfe, 0xc0, ...Array(14).fill(0)], 10, "site-local"],
  [[0xff, ...Array(15).fill(0)], 8, "multicast"],
  // Local-use NAT64 (RFC 8215): the operator's own translator, the IPv4 inside at any position.
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ...Array(10).fill(0)], 48, "local-use NAT64"],
];

function inRange(addr: number[], [net, prefix]: Range): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((addr[i] & mask) !== (net[i] & mask)) return false;
  }
  return true;
}

export function parseV4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** 16 bytes of an IPv6 address (zone id dropped), or null. */
export function parseV6(input: string): number[] | null {
  let s = input.replace(/^\[|\]$/g, "").split("%")[0];
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    // An IPv4 tail (::ffff:1.2.3.4) is two 16-bit groups.
    const v = parseV4(s.slice(lastColon + 1));
    if (!v) return null;
    s = `${s.slice(0, lastColon + 1)}${((v[0] << 8) | v[1]).toString(16)}:${((v[2] << 8) | v[3]).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const words = (h: string) => (h ? h.split(":").map((w) => (/^[0-9a-f]{1,4}$/i.test(w) ? parseInt(w, 16) : NaN)) : []);
  const head = words(halves[0]);
  const rest = halves.length === 2 ? words(halves[1]) : [];
  if (halves.length === 2 && head.length + rest.length > 7) return null;
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - rest.length).fill(0), ...rest] : head;
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** Why an address may not be fetched from, or null when it is public unicast. */
export function forbiddenReason(address: string): string | null {
  const family = isIP(address.replace(/^\[|\]$/g, "").split("%")[0]);
  if (family === 4) {
    const b = parseV4(address)!;
    return v4.find((r) => inRange(b, r))?.[2] ?? null;
  }
  if (family === 6) {
    const b = parseV6(address);
    if (!b) return "unparseable IPv6 address";
    const zeros = (n: number) => b.slice(0, n).every((x) => x === 0);
    // IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d (SIIT), IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d.
    const embedded = zeros(10) && b[10] === 0xff && b[11] === 0xff
      ? b.slice(12)
      : zeros(8) && b[8] === 0xff && b[9] === 0xff && b[10] === 0 && b[11] === 0
      ? b.slice(12)
      : zeros(12) && !(zeros(15) && b[15] <= 1)
      ? b.slice(12)
      : b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && b.slice(4, 12).every((x) => x === 0)
      ? b.slice(12)
      : b[0] === 0x20 && b[1] === 0x02
      ? b.slice(2, 6)
      : null;
    if (embedded) {
      const reason = v4.find((r) => inRange(embedded, r))?.[2];
      return reason ? `${reason} (embedded IPv4)` : null;
    }
    return v6.find((r) => inRange(b, r))?.[2] ?? null;
  }
  return "not an IP address";
}
