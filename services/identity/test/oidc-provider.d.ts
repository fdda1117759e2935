/**
 * The part of npm oidc-provider (no bundled types) the OpenID Connect spec uses.
 * REVIEW: @types/oidc-provider@9.12.1 would replace this; not added to keep package.json untouched
 * while others edit it.
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Account = { accountId: string; claims(): Promise<Record<string, unknown>> };
  type Configuration = {
    clients: Array<{ client_id: string; client_secret: string; redirect_uris: string[]; grant_types: string[]; response_types: string[] }>;
    claims?: Record<string, string[]>;
    findAccount(ctx: unknown, id: string): Promise<Account | undefined>;
    pkce?: { required(ctx: unknown, client: unknown): boolean };
    cookies?: { keys: string[] };
    ttl?: Record<string, number>;
    jwks?: { keys: object[] };
  };

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
