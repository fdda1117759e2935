/**
 * Waiting in tests for something asynchronous (a projection, the outbox, a consumer) without a
 * fixed sleep: poll until the probe answers, fail with what was awaited and the last answer.
 */

/** Polls `probe` until it returns a truthy value, and returns it; fails with `what` after timeoutMs. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, everyMs = 25): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined | null | false;
  while (Date.now() < until) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** The rejection of `p` (fails the test when it resolves). */
export async function rejection<E = { status: number; code: string; message: string }>(p: Promise<unknown>): Promise<E> {
  const outcome = await p.then(
    () => undefined,
    (e: unknown) => ({ e: e as E }),
  );
  if (!outcome) throw new Error("expected a rejection, the promise resolved");
  return outcome.e;
}
