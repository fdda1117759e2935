/**
 * What an upload really is, from its first bytes: the declared type must match the magic bytes,
 * and images must state sane dimensions (read from the PNG IHDR, the JPEG SOFn segment, the WebP
 * VP8/VP8L/VP8X header, the GIF logical screen) — no decoder runs on untrusted input.
 */
export type Sniffed = { contentType: string; width: number | null; height: number | null };

export const ALLOWED_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf", "text/plain"] as const;
export const MAX_DIMENSION = 10_000;

export function sniff(b: Uint8Array): Sniffed | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ascii = (at: number, s: string) => b.length >= at + s.length && [...s].every((ch, i) => b[at + i] === ch.charCodeAt(0));
  // PNG: signature, then the IHDR chunk with width and height (big-endian).
  if (b.length >= 24 && b[0] === 0x89 && ascii(1, "PNG\r\n\x1a\n") && ascii(12, "IHDR")) {
    return { contentType: "image/png", width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (b.length >= 10 && (ascii(0, "GIF87a") || ascii(0, "GIF89a"))) {
    return { contentType: "image/gif", width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b, dv);
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return webp(b, dv);
  if (ascii(0, "%PDF-")) return { contentType: "application/pdf", width: null, height: null };
  if (isText(b)) return { contentType: "text/plain", width: null, height: null };
  return null;
}

function jpeg(b: Uint8Array, dv: DataView): Sniffed | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = dv.getUint16(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry height then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { contentType: "image/jpeg", height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data before any frame header
    i += 2 + len;
  }
  return null;
}

function webp(b: Uint8Array, dv: DataView): Sniffed | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12], b[13], b[14], b[15]);
  if (chunk === "VP8 " && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { contentType: "image/webp", width: dv.getUint16(26, true) & 0x3fff, height: dv.getUint16(28, true) & 0x3fff };
  }
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = dv.getUint32(21, true);
    return { contentType: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    const w = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
    const h = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
    return { contentType: "image/webp", width: w, height: h };
  }
  return null;
}

/** Valid UTF-8 without NUL or other control characters besides tab and line breaks. */
function isText(b: Uint8Array): boolean {
  try {
    const s = new TextDecoder("utf-8", { fatal: true }).decode(b);
    // Control characters on purpose: text with them is not shown as text.
    // deno-lint-ignore no-control-regex
    return !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(s);
  } catch {
    return false;
  }
}
