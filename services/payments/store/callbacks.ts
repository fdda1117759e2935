/** Callbacks decided before: (payment, provider id, result) → the answer given (their statements: store/batch.ts). */
import type { CallbackAnswer } from "../providers/provider.ts";

export type CallbackRow = {
  payment_id: string;
  provider_payment_id: string;
  result: number;
  answer_status: CallbackAnswer["status"];
  answer_description: string;
};
