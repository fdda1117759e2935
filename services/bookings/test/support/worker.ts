/** A bookings process for the crash test: the service alone, from the environment. */
import process from "node:process";
import { run } from "../../../kit/run.ts";
import { bookingsService } from "../../index.ts";

const running = await run([bookingsService], process.env, { listen: false });
process.stdout.write(`bookings worker ${process.pid} ready\n`);
process.on("SIGTERM", () => void running.stop().then(() => process.exit(0)));
