/** Payments: paying bookings, refunds, the ledger, methods, receipts and the provider's callback (svc.payments.*). */
import { payments } from "../../../subjects/payments.ts";
import { type Route, route } from "./route.ts";

const tag = "payments";
const id = { id: "paymentId" };

export const paymentRoutes: Route[] = [
  route({
    method: "POST",
    path: "/v1/payments",
    contract: payments.create,
    auth: "user",
    tag,
    summary: "Pay a held booking: answers the provider's page to send the payer to",
    input: { body: true },
    status: 201,
    creates: true,
  }),
  route({
    method: "GET",
    path: "/v1/payments",
    contract: payments.list,
    auth: "user",
    tag,
    summary: "My payments; an event's (its organizers); all (admins)",
    input: { query: ["eventId", "status", "all", "cursor", "limit"] },
  }),
  route({
    method: "GET",
    path: "/v1/payments/{id}",
    contract: payments.get,
    auth: "user",
    tag,
    summary: "A payment with its refunds (payer, the event's organizers, admins)",
    input: { path: id },
  }),
  route({
    method: "POST",
    path: "/v1/payments/{id}/refund",
    contract: payments.refund,
    auth: "user",
    tag,
    summary: "Refund all or part of a payment (the event's organizers, admins)",
    input: { path: id, body: true },
    status: 201,
    creates: true,
  }),
  route({
    method: "GET",
    path: "/v1/payments/{id}/receipt.pdf",
    contract: payments.receipt,
    auth: "user",
    tag,
    summary: "The payment's receipt as a PDF",
    input: { path: id },
    representation: {
      type: "application/pdf",
      binary: true,
      render: (reply) => (reply as { pdfBase64: string }).pdfBase64,
      filename: (reply) => (reply as { filename: string }).filename,
    },
  }),
  route({
    method: "GET",
    path: "/v1/transactions",
    contract: payments.transactions,
    auth: "user",
    tag,
    summary: "Ledger transactions and balances: an organizer's events, or all (admins)",
    input: { query: ["eventId", "cursor", "limit"] },
  }),
  route({
    method: "GET",
    path: "/v1/payment-methods",
    contract: payments.methods,
    auth: "user",
    tag,
    summary: "Methods the provider offers and my saved ones",
  }),
  route({
    method: "POST",
    path: "/v1/payment-methods",
    contract: payments.saveMethod,
    auth: "user",
    tag,
    summary: "Save a method as the provider's token (never card data)",
    input: { body: true },
    status: 201,
    creates: true,
  }),
  // The provider's server calls this; its signature (pg_sig over every field) is the only authentication.
  // WARNING: the last path segment ("result") is the script name both sides sign with.
  route({
    method: "POST",
    path: "/v1/payment-callbacks/freedompay/result",
    contract: payments.callback,
    auth: "public",
    tag,
    summary: "FreedomPay result callback (form post, signed); answers signed XML",
    input: { rawForm: "body", fixed: { script: "result" } },
    representation: { type: "text/xml; charset=utf-8", render: (reply) => (reply as { xml: string }).xml },
  }),
];
