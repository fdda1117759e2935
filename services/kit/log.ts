/**
 * pino JSON logs; every line carries the active trace and span ids so a log line leads to its trace.
 */
import { type Logger as PinoLogger, pino } from "pino";
import { traceIds } from "./trace.ts";

export type Logger = PinoLogger;

export function createLogger(opts: { name: string; level?: string }): Logger {
  return pino({
    name: opts.name,
    level: opts.level ?? "info",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => traceIds(),
    formatters: { level: (label) => ({ level: label }) },
  });
}
