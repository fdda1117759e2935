import { expect } from "chai";
import { forbiddenReason, parseV6 } from "./guard.ts";

describe("events SSRF address guard", () => {
  for (
    const a of [
      "127.0.0.1",
      "127.8.9.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::10.0.0.1",
      "64:ff9b:1::7f00:1",
      "64:ff9b:1:7f00:1::",
      "64:ff9b:1::8.8.8.8",
      "::ffff:0:127.0.0.1",
      "::ffff:0:a9fe:a9fe",
      "2002:7f00:1::",
      "fe80::1%eth0",
      "fd00:ec2::254",
      "fc00::1",
      "ff02::1",
    ]
  ) {
    it(`refuses ${a}`, () => expect(forbiddenReason(a)).to.be.a("string"));
  }
  for (const a of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
    it(`allows public ${a}`, () => expect(forbiddenReason(a)).to.equal(null));
  }
  it("parses compressed IPv6 with an IPv4 tail", () => {
    expect(parseV6("::ffff:127.0.0.1")).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1]);
    expect(parseV6("2001:db8::1")).to.deep.equal([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});
