import { expect } from "chai";
import { sniff } from "./images.ts";
import { jpeg, png, webpLossless } from "./test/image-bytes.ts";

describe("events upload sniffing", () => {
  it("reads PNG, JPEG and lossless WebP dimensions from their headers", () => {
    expect(sniff(png(1200, 630))).to.deep.equal({ contentType: "image/png", width: 1200, height: 630 });
    expect(sniff(jpeg(640, 480))).to.deep.equal({ contentType: "image/jpeg", width: 640, height: 480 });
    expect(sniff(webpLossless(300, 200))).to.deep.equal({ contentType: "image/webp", width: 300, height: 200 });
  });

  it("tells PDF and plain text apart from binary garbage", () => {
    expect(sniff(Buffer.from("%PDF-1.7\n"))?.contentType).to.equal("application/pdf");
    expect(sniff(Buffer.from("Agenda\n- talks\n"))?.contentType).to.equal("text/plain");
    expect(sniff(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).to.equal(null);
  });
});
