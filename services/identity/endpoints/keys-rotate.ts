import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { rotateKey } from "../usecases/rotate-key.ts";
import { adminCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const keysRotateEndpoint = (deps: Deps) => endpoint(identity.keysRotate, async (_input, ctx) => (await adminCaller(deps.db, ctx), rotateKey(deps)));
