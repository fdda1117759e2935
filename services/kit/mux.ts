/**
 * Request-reply over one inbox subscription per connection. nats.js's `request()` allocates a
 * timer and an Error (with a captured stack) for every request, even with noAsyncTraces: a
 * profile of bench/rpc.ts put that at ~15% of the CPU of a call. Here every request shares one
 * wildcard subscription, replies are matched by token, and one sweeper enforces deadlines.
 */
import { createInbox, errors, type Msg, type MsgHdrs, type NatsConnection } from "@nats-io/nats-core";

type Pending = {
  resolve: (m: Msg) => void;
  reject: (e: Error) => void;
  deadline: number;
  subject: string;
  timeoutMs: number;
  data: Uint8Array;
  headers: MsgHdrs | undefined;
  reply: string;
  /** The request is published again (same reply subject) every everyMs from resendAt, resendsLeft times. */
  resendsLeft: number;
  resendAt: number;
  everyMs: number;
};

export type RequestOptions = {
  timeout: number;
  headers?: MsgHdrs;
  /**
   * Publish the same request again every `resendEveryMs` while no answer came, `resends` times
   * (idempotent requests only). Every copy carries the same reply subject, so the first answer to
   * any of them is the answer: a slow responder still wins, a lost request is made good.
   */
  resendEveryMs?: number;
  resends?: number;
};

class Mux {
  readonly #nc: NatsConnection;
  readonly #prefix: string;
  readonly #pending = new Map<string, Pending>();
  #next = 0;
  #sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(nc: NatsConnection) {
    this.#nc = nc;
    // The connection's own prefix: a service may subscribe only to its own inbox (kit/bus.ts).
    this.#prefix = createInbox((nc as { options?: { inboxPrefix?: string } }).options?.inboxPrefix);
    nc.subscribe(`${this.#prefix}.*`, { callback: (err, msg) => (err ? this.#failAll(err) : this.#dispatch(msg)) });
    void nc.closed().then(() => this.#failAll(new errors.ClosedConnectionError()));
  }

  request(subject: string, data: Uint8Array, timeoutMs: number, headers: MsgHdrs | undefined, resends: number, resendEveryMs: number): Promise<Msg> {
    const token = (this.#next++).toString(36);
    const reply = `${this.#prefix}.${token}`;
    return new Promise<Msg>((resolve, reject) => {
      const now = Date.now();
      const resending = resends > 0 && resendEveryMs > 0;
      const p: Pending = {
        resolve,
        reject,
        deadline: now + timeoutMs,
        subject,
        timeoutMs,
        data,
        headers,
        reply,
        resendsLeft: resending ? resends : 0,
        resendAt: resending ? now + resendEveryMs : Infinity,
        everyMs: resendEveryMs,
      };
      this.#pending.set(token, p);
      try {
        this.#nc.publish(subject, data, { reply, headers });
      } catch (err) {
        this.#pending.delete(token);
        reject(err as Error);
        return;
      }
      if (!this.#sweeper) {
        this.#sweeper = setInterval(() => this.#sweep(), 20);
        this.#sweeper.unref?.();
      }
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
      } else if (p.resendAt <= now) {
        p.resendsLeft--;
        p.resendAt = p.resendsLeft > 0 ? now + p.everyMs : Infinity;
        try {
          this.#nc.publish(p.subject, p.data, { reply: p.reply, headers: p.headers });
        } catch (err) {
          this.#pending.delete(token);
          p.reject(err as Error);
        }
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
export function request(nc: NatsConnection, subject: string, data: Uint8Array, opts: RequestOptions): Promise<Msg> {
  return requestOn(nc, subject, data, opts.timeout, opts.headers, opts.resends ?? 0, opts.resendEveryMs ?? 0);
}

/** `request` with its options as arguments: `call` sends every request through here, without an options object each. */
export function requestOn(
  nc: NatsConnection,
  subject: string,
  data: Uint8Array,
  timeoutMs: number,
  headers: MsgHdrs | undefined,
  resends: number,
  resendEveryMs: number,
): Promise<Msg> {
  let mux = muxes.get(nc);
  if (!mux) {
    mux = new Mux(nc);
    muxes.set(nc, mux);
  }
  return mux.request(subject, data, timeoutMs, headers, resends, resendEveryMs);
}
