/** argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1); hashes made with weaker settings are redone at login. */
import argon2 from "argon2";

export const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * node-argon2 writes the parameters in alphabetical order (m,p,t); the reference implementation,
 * libsodium, PHP and argon2-cffi write m,t,p. Stored in the reference order, a hash reads the
 * same everywhere (and verifies the same: the PHC parser takes either order).
 */
export function referenceOrder(hash: string): string {
  return hash.replace(/^(\$argon2id?\$v=\d+\$)([^$]+)\$/, (_, head: string, params: string) => {
    const kv = new Map(params.split(",").map((p) => p.split("=") as [string, string]));
    const ordered = ["m", "t", "p"].filter((k) => kv.has(k)).map((k) => `${k}=${kv.get(k)}`);
    const rest = [...kv].filter(([k]) => !["m", "t", "p"].includes(k)).map(([k, v]) => `${k}=${v}`);
    return `${head}${[...ordered, ...rest].join(",")}$`;
  });
}

export const hashPassword = async (password: string) => referenceOrder(await argon2.hash(password, ARGON2));
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password);
export const needsRehash = (hash: string) => argon2.needsRehash(hash, ARGON2);

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are registered. */
export const decoyHash = hashPassword("decoy password that matches nothing");
