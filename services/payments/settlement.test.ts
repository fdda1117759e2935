/** Which verified results belong to their payment, and the provider's fee: no NATS, no Postgres. */
import { expect } from "chai";
import type { PaymentRow } from "./store.ts";
import type { ResultNotice } from "./providers/provider.ts";
import { feeOf, refusalOf } from "./settlement.ts";

const payment = { id: "p1", amount_minor: 10_000, currency: "KZT", provider_payment_id: null } as unknown as PaymentRow;
const notice: ResultNotice = {
  orderId: "p1",
  providerPaymentId: "fp-1",
  succeeded: true,
  amountMinor: 10_000,
  currency: "KZT",
  canReject: true,
  testing: false,
  salt: "s",
};

describe("refusalOf", () => {
  it("accepts the amount and currency we created, before and after the provider's id is known", () => {
    expect(refusalOf(payment, notice)).to.equal(undefined);
    expect(refusalOf({ ...payment, provider_payment_id: "fp-1" }, notice)).to.equal(undefined);
  });
  it("refuses an unknown payment, another provider payment, and a different amount or currency", () => {
    expect(refusalOf(undefined, notice)).to.equal("unknown pg_order_id");
    expect(refusalOf({ ...payment, provider_payment_id: "fp-2" }, notice)).to.equal("pg_payment_id does not belong to this order");
    expect(refusalOf(payment, { ...notice, amountMinor: 9_999 })).to.equal("amount or currency does not match the payment");
    expect(refusalOf(payment, { ...notice, currency: "USD" })).to.equal("amount or currency does not match the payment");
  });
});

describe("feeOf", () => {
  it("is the amount less what reaches us, and nothing when the provider does not say", () => {
    expect(feeOf({ ...notice, netAmountMinor: 9_700 })).to.equal(300);
    expect(feeOf(notice)).to.equal(0);
  });
});
