/**
 * A notifications replica as its own process, for the crash test and the benchmark: the real
 * service definition started by the kit's runner, configured by the environment it is given.
 */
import process from "node:process";
import { run } from "../../../kit/run.ts";
import { notificationsService } from "../../index.ts";

const running = await run([notificationsService], process.env);
process.stdout.write(`notifications worker ${process.pid} ready\n`);
process.on("SIGTERM", () => void running.stop().then(() => process.exit(0)));
