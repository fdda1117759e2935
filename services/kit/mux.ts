/**
 * Request-reply over one inbox subscription per connection. nats.js's `request()` allocates a
 * timer and an Error (with a captured stack) for every request, even with noAsyncTraces: a
 * profile of bench/rpc.ts put that at ~15% of the CPU of a call. Here every request shares one
 * wildcard subscription, replies are matched by token, and one sweeper enforces deadlines.
 */
import { createInbox, errors, type Msg, type MsgHdrs, type NatsConnection } from "@nats-io/nats-core";

type Pending = { resolve: (m: Msg) => void; reject: (e: Error) => void; deadline: number; subject: string; timeoutMs: number };

class Mux {
  readonly #nc: NatsConnection;
  readonly #prefix: string;
  readonly #pending = new Map<string, Pending>();
  #next = 0;
  #sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(nc: NatsConnection) {
    this.#nc = nc;
    this.#prefix = createInbox();
    nc.subscribe(`${this.#prefix}.*`, { callback: (err, msg) => (err ? this.#failAll(err) : this.#dispatch(msg)) });
    void nc.closed().then(() => this.#failAll(new errors.ClosedConnectionError()));
  }

  request(subject: string, data: Uint8Array, opts: { timeout: number; headers?: MsgHdrs }): Promise<Msg> {
    const token = (this.#next++).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      this.#pending.set(token, { resolve, reject, deadline: Date.now() + opts.timeout, subject, timeoutMs: opts.timeout });
      try {
        this.#nc.publish(subject, data, { reply: `${this.#prefix}.${token}`, headers: opts.headers });
      } catch (err) {
        this.#pending.delete(token);
        reject(err as Error);
        return;
      }
      this.#sweeper ??= setInterval(() => this.#sweep(), 20);
      this.#sweeper.unref?.();
    });
  }

  #dispatch(msg: Msg): void {
    const token = msg.subject.slice(this.#prefix.length + 1);
    const p = this.#pending.get(token);
    if (!p) return;
    this.#pending.delete(token);
    // The server answers 503 on the reply subject when nobody subscribes to the request subject.
    if (msg.data.length === 0 && msg.headers?.code === 503) p.reject(new errors.NoRespondersError(p.subject));
    else p.resolve(msg);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [token, p] of this.#pending) {
      if (p.deadline <= now) {
        this.#pending.delete(token);
        p.reject(new errors.TimeoutError());
      }
    }
    if (this.#pending.size === 0 && this.#sweeper) {
      clearInterval(this.#sweeper);
      this.#sweeper = undefined;
    }
  }

  #failAll(err: Error): void {
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }
}

const muxes = new WeakMap<NatsConnection, Mux>();

/** Like `nc.request`, sharing one inbox subscription per connection. */
export function request(nc: NatsConnection, subject: string, data: Uint8Array, opts: { timeout: number; headers?: MsgHdrs }): Promise<Msg> {
  let mux = muxes.get(nc);
  if (!mux) {
    mux = new Mux(nc);
    muxes.set(nc, mux);
  }
  return mux.request(subject, data, opts);
}
