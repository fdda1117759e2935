import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import type { Deps } from "../deps.ts";

export const keysListEndpoint = (deps: Deps) =>
  endpoint(
    identity.keysList,
    async () => ({
      keys: (await deps.keys.publicKeys()).map((k) => ({ kty: k.kty!, crv: k.crv, x: k.x, y: k.y, kid: k.kid!, alg: k.alg ?? "ES256", use: k.use })),
    }),
  );
