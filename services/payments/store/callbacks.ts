/** Callbacks decided before: (payment, provider id, result) → the answer given, and how often it came. */
import type { Knex } from "knex";
import type { CallbackAnswer } from "../providers/provider.ts";

export type CallbackRow = {
  payment_id: string;
  provider_payment_id: string;
  result: number;
  answer_status: CallbackAnswer["status"];
  answer_description: string;
};

export async function callbacksOf(trx: Knex.Transaction, paymentIds: string[]): Promise<CallbackRow[]> {
  return await trx("callbacks").whereIn("payment_id", paymentIds);
}

/** Counts repeats of callbacks decided before, in one statement. */
export async function countRepeats(trx: Knex.Transaction, repeats: Array<{ paymentId: string; providerPaymentId: string; result: number }>): Promise<void> {
  if (repeats.length === 0) return;
  await trx.raw(
    `update callbacks c set received = c.received + 1
       from unnest(?::uuid[], ?::text[], ?::smallint[]) as v(payment_id, provider_payment_id, result)
      where c.payment_id = v.payment_id and c.provider_payment_id = v.provider_payment_id and c.result = v.result`,
    [repeats.map((r) => r.paymentId), repeats.map((r) => r.providerPaymentId), repeats.map((r) => r.result)] as never,
  );
}
