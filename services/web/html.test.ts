import { expect } from "chai";
import { markup, raw } from "./html.ts";

describe("web markup``", () => {
  it("escapes interpolated text and attributes, keeps nested fragments and raw markup", () => {
    const name = `<script>alert("x")</script>`;
    const out = markup`<p title="${name}">${name}${markup`<b>${"&"}</b>`}${raw("<i>ok</i>")}</p>`.value;
    expect(out).to.equal(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<b>&amp;</b><i>ok</i></p>`,
    );
  });
  it("renders arrays joined and null, undefined, false as nothing", () => {
    expect(markup`${[1, 2].map((n) => markup`<li>${n}</li>`)}${null}${undefined}${false}${0}`.value).to.equal("<li>1</li><li>2</li>0");
  });
});
