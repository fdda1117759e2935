/** A payments process for the crash test: the service alone, from the environment. */
import process from "node:process";
import { run } from "../../../kit/run.ts";
import { paymentsService } from "../../index.ts";

const running = await run([paymentsService], process.env, { listen: false });
process.stdout.write(`payments worker ${process.pid} ready\n`);
process.on("SIGTERM", () => void running.stop().then(() => process.exit(0)));
