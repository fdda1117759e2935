/**
 * The FreedomPay sandbox on its own: `npx node services/payments/sandbox/main.ts`.
 * SANDBOX_PORT (8090), SANDBOX_MERCHANT_ID / SANDBOX_SECRET_KEY (the payments service's defaults),
 * SANDBOX_CALLBACK_RETRY_MS (30 min, as the provider). Point PAYMENTS_HOST at it.
 */
import { createServer } from "node:http";
import process from "node:process";
import { createSandbox } from "./sandbox.ts";

const port = Number(process.env.SANDBOX_PORT ?? 8090);
const base = `http://127.0.0.1:${port}`;
const sandbox = createSandbox({
  merchantId: process.env.SANDBOX_MERCHANT_ID ?? "552170",
  secretKey: process.env.SANDBOX_SECRET_KEY ?? "sandbox-secret",
  baseUrl: () => base,
  callbackRetryMs: Number(process.env.SANDBOX_CALLBACK_RETRY_MS ?? 30 * 60_000),
});
const server = createServer(sandbox.app.callback()).listen(port, "127.0.0.1", () => process.stdout.write(`FreedomPay sandbox on ${base}\n`));
const stop = () => {
  sandbox.stop();
  server.close(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
