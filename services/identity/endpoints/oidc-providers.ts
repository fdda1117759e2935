import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import type { Deps } from "../deps.ts";

export const oidcProvidersEndpoint = (deps: Deps) =>
  endpoint(identity.oidcProviders, async () => ({ providers: deps.oidc.providers.map((p) => ({ id: p.id, name: p.name ?? p.id })) }));
