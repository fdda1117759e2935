import { expect } from "chai";
import { html, raw } from "./html.ts";

describe("web html``", () => {
  it("escapes interpolated text and attributes, keeps nested fragments and raw markup", () => {
    const name = `<script>alert("x")</script>`;
    const out = html`<p title="${name}">${name}${html`<b>${"&"}</b>`}${raw("<i>ok</i>")}</p>`.value;
    expect(out).to.equal(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<b>&amp;</b><i>ok</i></p>`,
    );
  });
  it("renders arrays joined and null, undefined, false as nothing", () => {
    expect(html`${[1, 2].map((n) => html`<li>${n}</li>`)}${null}${undefined}${false}${0}`.value).to.equal("<li>1</li><li>2</li>0");
  });
});
