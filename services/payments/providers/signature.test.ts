import { createHash } from "node:crypto";
import { expect } from "chai";
import { fieldsOf, fromForm, toForm } from "./fields.ts";
import { flatten, scriptName, sign, signatureBase, verify, withSignature } from "./signature.ts";
import { buildXml, parseXml } from "./xml.ts";
import { formatAmount, parseAmount } from "./provider.ts";

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

describe("FreedomPay pg_sig", () => {
  it("matches the documented example init_payment.php;25;test;{merchant_id};23;molbulak;{secret_key}", () => {
    // Sent in a different order on purpose: the values are signed in key order.
    const fields = fieldsOf({ pg_order_id: "23", pg_merchant_id: "12345", pg_amount: "25", pg_salt: "molbulak", pg_description: "test" });
    expect(signatureBase("init_payment.php", fields, "secret")).to.equal("init_payment.php;25;test;12345;23;molbulak;secret");
    expect(sign("init_payment.php", fields, "secret")).to.equal("606262bf6a5fa679532cbc17c2614226");
  });

  it("signs the exact strings sent: 25 and 25.00 differ", () => {
    const a = sign("init_payment.php", fieldsOf({ pg_amount: "25" }), "k");
    const b = sign("init_payment.php", fieldsOf({ pg_amount: "25.00" }), "k");
    expect(a).to.not.equal(b);
  });

  it("verifies over every field, a custom non-pg field included, and ignores pg_sig itself", () => {
    const signed = withSignature("result", fieldsOf({ pg_order_id: "p1", pg_result: "1", booking_ref: "b-7", pg_salt: "s" }), "k");
    expect(verify("result", signed, "k")).to.equal(true);
    const tampered = signed.map(([k, v]) => (k === "booking_ref" ? [k, "b-8"] : [k, v])) as typeof signed;
    expect(verify("result", tampered, "k")).to.equal(false);
    expect(verify("other", signed, "k")).to.equal(false);
    expect(verify("result", signed, "k2")).to.equal(false);
    expect(verify("result", signed.slice(0, -1), "k")).to.equal(false);
    expect(verify("result", [...signed.slice(0, -1), ["pg_sig", "zz"]], "k")).to.equal(false);
  });

  it("accepts an uppercase hex signature (the provider's compare is on the hex value)", () => {
    const signed = withSignature("result", fieldsOf({ a: "1" }), "k");
    const upper = signed.map(([k, v]) => (k === "pg_sig" ? [k, String(v).toUpperCase()] : [k, v])) as typeof signed;
    expect(verify("result", upper, "k")).to.equal(true);
  });

  it("flattens nested arrays as the PHP helper does: synthetic names, sorted, at the parent key's place", () => {
    const fields = fieldsOf({
      pg_merchant_id: "1",
      pg_receipt_positions: [
        { count: "1", name: "Ticket", tax_type: "0", price: "25" },
        { count: "2", name: "Fee", tax_type: "0", price: "1" },
      ],
      pg_amount: "27",
      pg_salt: "x",
    });
    expect(flatten(fields).map(([n]) => n)).to.deep.equal([
      "pg_merchant_id001",
      "pg_receipt_positions0020001count001",
      "pg_receipt_positions0020001name002",
      "pg_receipt_positions0020001tax_type003",
      "pg_receipt_positions0020001price004",
      "pg_receipt_positions0021002count001",
      "pg_receipt_positions0021002name002",
      "pg_receipt_positions0021002tax_type003",
      "pg_receipt_positions0021002price004",
      "pg_amount003",
      "pg_salt004",
    ]);
    // Sorted by synthetic name: count, name, price, tax_type of each position, in position order.
    expect(signatureBase("init_payment.php", fields, "k")).to.equal("init_payment.php;27;1;1;Ticket;25;0;2;Fee;1;0;x;k");
    expect(sign("init_payment.php", fields, "k")).to.equal(md5("init_payment.php;27;1;1;Ticket;25;0;2;Fee;1;0;x;k"));
  });

  it("keeps the helper's quirk: list index 10 sorts right after index 0 (synthetic names compare as text)", () => {
    const list = Array.from({ length: 11 }, (_, i) => String(i));
    const base = signatureBase("s", fieldsOf({ l: list }), "k");
    expect(base).to.equal("s;0;10;1;2;3;4;5;6;7;8;9;k");
  });

  it("round-trips nested form fields in order, as PHP's $_POST reads them", () => {
    const fields = fieldsOf({ b: "2", a: [{ x: "1", y: "a b&c" }], c: "" });
    const body = toForm(fields);
    expect(body).to.equal("b=2&a%5B0%5D%5Bx%5D=1&a%5B0%5D%5By%5D=a+b%26c&c=");
    expect(fromForm(body)).to.deep.equal(fields);
    expect(fromForm("a=1&a=2")).to.deep.equal([["a", "2"]]);
    expect(fromForm("l[]=x&l[]=y")).to.deep.equal([["l", [["0", "x"], ["1", "y"]]]]);
  });

  it("signs and verifies XML replies, nested tags in document order", () => {
    const xml = buildXml("response", withSignature("get_status3.php", fieldsOf({ pg_status: "ok", pg_description: "a & <b>", pg_salt: "s" }), "k"));
    const parsed = parseXml(xml);
    expect(parsed.root).to.equal("response");
    expect(verify("get_status3.php", parsed.fields, "k")).to.equal(true);
    const nested = parseXml(
      "<response><pg_status>ok</pg_status><pg_refund_payments><pg_refund_payment><pg_amount>-5</pg_amount></pg_refund_payment><pg_refund_payment><pg_amount>-3</pg_amount></pg_refund_payment></pg_refund_payments></response>",
    );
    expect(signatureBase("get_status3.php", nested.fields, "k")).to.equal("get_status3.php;-5;-3;ok;k");
  });

  it("takes the script name from the last path segment", () => {
    expect(scriptName("https://api.freedompay.kz/init_payment.php")).to.equal("init_payment.php");
    expect(scriptName("https://x.example/v1/payments/callbacks/result?x=1")).to.equal("result");
    expect(scriptName("https://x.example/a/")).to.equal("");
  });
});

describe("amounts as the provider writes them", () => {
  it("formats minor units deterministically and parses them back exactly", () => {
    expect(formatAmount(2500, "KZT")).to.equal("25");
    expect(formatAmount(2550, "KZT")).to.equal("25.50");
    expect(formatAmount(1, "KZT")).to.equal("0.01");
    expect(parseAmount("25", "KZT")).to.equal(2500);
    expect(parseAmount("25.5", "KZT")).to.equal(2550);
    expect(parseAmount("25.00", "KZT")).to.equal(2500);
    expect(parseAmount("-12.30", "KZT")).to.equal(-1230);
    expect(parseAmount("0.001", "KZT")).to.equal(undefined);
    expect(parseAmount("1e3", "KZT")).to.equal(undefined);
  });
});
