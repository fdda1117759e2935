import { expect } from "chai";
import { PageCache } from "./page-cache.ts";

describe("web page cache", () => {
  it("serves a page until its time is up, then forgets it", () => {
    const cache = new PageCache(1_000);
    cache.set("en|/events", { body: "a", type: "text/html", encoding: undefined }, 0);
    expect(cache.get("en|/events", 999)?.body).to.equal("a");
    expect(cache.get("en|/events", 1_000)).to.equal(undefined);
    expect(cache.size).to.equal(0);
  });

  it("keeps at most its maximum, dropping the oldest first", () => {
    const cache = new PageCache(60_000, 2);
    for (const k of ["a", "b", "c"]) cache.set(k, { body: k, type: "text/html", encoding: undefined }, 0);
    expect([cache.get("a", 1), cache.get("b", 1)?.body, cache.get("c", 1)?.body]).to.deep.equal([undefined, "b", "c"]);
  });

  it("caches nothing when its time is 0", () => {
    const cache = new PageCache(0);
    cache.set("k", { body: "x", type: "text/html", encoding: undefined }, 0);
    expect(cache.enabled).to.equal(false);
    expect(cache.get("k", 0)).to.equal(undefined);
  });

  it("lets requests for a page being rendered wait for that render instead of rendering it again", async () => {
    const cache = new PageCache(1_000);
    expect(cache.rendering("k")).to.equal(undefined);
    const done = cache.begin("k");
    const waiting = cache.rendering("k");
    done(cache.set("k", { body: "page", type: "text/html", encoding: undefined }));
    expect((await waiting)?.body).to.equal("page");
    expect(cache.rendering("k")).to.equal(undefined);
    const failed = cache.begin("k");
    const alsoWaiting = cache.rendering("k");
    failed();
    expect(await alsoWaiting).to.equal(undefined);
  });
});
