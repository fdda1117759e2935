/** A ticket's code as a QR image (PNG or SVG), to whoever may read the ticket. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { readableTicket } from "../tickets.ts";
import { qrPng, qrSvg } from "../ticket-codes.ts";

export async function getTicketQr(deps: Deps, caller: Principal | undefined, input: RequestOf<typeof bookings.ticketsQr>) {
  const { code } = await readableTicket(deps, caller, input.ticketId);
  if (input.format === "png") return { contentType: "image/png" as const, dataBase64: (await qrPng(code)).toString("base64") };
  return { contentType: "image/svg+xml" as const, dataBase64: Buffer.from(await qrSvg(code)).toString("base64") };
}
