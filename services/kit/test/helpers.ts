/**
 * Small helpers for the kit's integration tests: child processes that can be SIGKILLed, polling
 * until a condition holds, and reading back what a JetStream stream holds on a subject.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import process from "node:process";
import { DeliverPolicy, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** A short random suffix: subjects, durables and schemas of one test never meet another's. */
export const unique = () => randomBytes(4).toString("hex");

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type Child = {
  proc: ChildProcess;
  output(): string;
  /** Resolves with the first stdout line that matches. */
  line(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
};

/** Runs a TypeScript file with this Node (type stripping), env added to ours; `nodeArgs` before the file (e.g. --cpu-prof). */
export function spawnTs(file: string, env: Record<string, string>, nodeArgs: string[] = []): Child {
  const proc = spawn(process.execPath, [...nodeArgs, file], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const watchers: Array<() => void> = [];
  proc.stdout!.on("data", (d) => {
    out += String(d);
    for (const w of watchers) w();
  });
  proc.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal }))
  );
  return {
    proc,
    output: () => out,
    exited,
    kill: (signal = "SIGTERM") => void proc.kill(signal),
    line: (re, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms; output:\n${out.slice(-2000)}`)), timeoutMs);
        const check = () => {
          const m = out.match(re);
          if (m) {
            clearTimeout(t);
            resolve(m);
          }
        };
        watchers.push(check);
        void exited.then(() => {
          check();
          clearTimeout(t);
          reject(new Error(`child exited before printing ${re}; output:\n${out.slice(-2000)}`));
        });
        check();
      }),
  };
}

/** The one `eventually` (test/support/eventually.ts), re-exported for the kit's specs that import it from here. */
export { eventually } from "../../../test/support/eventually.ts";

/** How many messages the stream holds on exactly `subject`. */
export async function countOnSubject(jsm: JetStreamManager, stream: string, subject: string): Promise<number> {
  const info = await jsm.streams.info(stream, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

/** Every message the stream holds on `subject`, in order: its Nats-Msg-Id and parsed body. */
export async function readSubject<T = unknown>(
  js: JetStreamClient,
  jsm: JetStreamManager,
  stream: string,
  subject: string,
): Promise<Array<{ msgId: string; body: T; headers: Record<string, string> }>> {
  const total = await countOnSubject(jsm, stream, subject);
  const out: Array<{ msgId: string; body: T; headers: Record<string, string> }> = [];
  if (total === 0) return out;
  const consumer = await js.consumers.get(stream, { filter_subjects: subject, deliver_policy: DeliverPolicy.All });
  const iter = await consumer.consume({ max_messages: 1_000 });
  for await (const m of iter) {
    const headers: Record<string, string> = {};
    for (const k of m.headers?.keys() ?? []) headers[k] = m.headers!.get(k);
    out.push({ msgId: m.headers?.get("Nats-Msg-Id") ?? "", body: m.json<T>(), headers });
    if (out.length >= total) break;
  }
  await iter.close();
  return out;
}
