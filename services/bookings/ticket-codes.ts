/**
 * Signed ticket codes: a compact JWS (RFC 7515) signed with Ed25519 (alg EdDSA) over
 * {t: ticket id, e: event id, n: attendee name}. A scanner verifies it offline with the public key
 * from svc.bookings.tickets.public-key; any changed byte breaks the signature (forged). The key is
 * one Ed25519 seed shared by every replica (BOOKINGS_TICKET_KEY); its kid is derived from the
 * public key, so a rotated key gets a new kid.
 * QR images (PNG, SVG) come from the `qrcode` package.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import QRCode from "qrcode";

export type CodeClaims = { t: string; e: string; n: string };

export type Signer = {
  kid: string;
  publicJwk: { kty: "OKP"; crv: "Ed25519"; x: string; kid: string };
  sign(claims: CodeClaims): string;
  /** The claims of a genuine code, or undefined when it does not verify. */
  verify(code: string): CodeClaims | undefined;
};

const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const b64u = (b: Buffer | string) => Buffer.from(b).toString("base64url");

/** A signer from a 32-byte Ed25519 seed (base64 or base64url). */
export function createSigner(seedBase64: string): Signer {
  const seed = Buffer.from(seedBase64, "base64url");
  if (seed.length !== 32) throw new Error("BOOKINGS_TICKET_KEY must be a 32-byte Ed25519 seed, base64url");
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  const x = (publicKey.export({ format: "jwk" }) as { x: string }).x;
  const kid = `tk-${createHash("sha256").update(x).digest("base64url").slice(0, 8)}`;
  const header = b64u(JSON.stringify({ alg: "EdDSA", kid }));
  return {
    kid,
    publicJwk: { kty: "OKP", crv: "Ed25519", x, kid },
    sign(claims) {
      const payload = b64u(JSON.stringify(claims));
      const sig = sign(null, Buffer.from(`${header}.${payload}`), privateKey);
      return `${header}.${payload}.${b64u(sig)}`;
    },
    verify(code) {
      const parts = code.trim().split(".");
      if (parts.length !== 3) return undefined;
      try {
        const h = JSON.parse(Buffer.from(parts[0], "base64url").toString()) as { alg?: string; kid?: string };
        if (h.alg !== "EdDSA" || h.kid !== kid) return undefined;
        if (!verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], "base64url"))) return undefined;
        const c = JSON.parse(Buffer.from(parts[1], "base64url").toString()) as CodeClaims;
        return typeof c.t === "string" && typeof c.e === "string" ? c : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export async function qrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 6 });
}

export async function qrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
