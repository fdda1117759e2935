import { expect } from "chai";
import { BoundHistogram } from "../histograms.ts";

describe("kit bound histograms", () => {
  const boundaries = [0.001, 0.01, 0.1];

  it("puts a value in the first bucket whose bound it does not exceed, past the last in +Inf", () => {
    const h = new BoundHistogram("test_seconds", { description: "test", unit: "s", boundaries });
    const cell = h.cell({ rpc_method: "svc.a.b", error_code: "" });
    for (const v of [0, 0.001, 0.0011, 0.01, 0.05, 0.1, 0.2, 7]) cell.record(v);
    for (const v of [-1, Number.NaN]) cell.record(v);
    const [point] = h.collect([0, 0]).dataPoints;
    expect(point.value.buckets).to.deep.equal({ boundaries, counts: [2, 2, 2, 2] });
    expect(point.value.count).to.equal(8);
    expect(point.value.sum).to.be.closeTo(7.3621, 1e-9);
    expect([point.value.min, point.value.max]).to.deep.equal([0, 7]);
  });

  it("binds one cell per attribute set, whatever the order of its keys", () => {
    const h = new BoundHistogram("test_seconds", { description: "test", unit: "s", boundaries });
    h.cell({ rpc_method: "svc.a.b", error_code: "" }).record(0.5);
    h.cell({ error_code: "", rpc_method: "svc.a.b" }).record(0.5);
    h.cell({ rpc_method: "svc.a.b", error_code: "not_found" }).record(0.5);
    const points = h.collect([0, 0]).dataPoints.map((p) => [p.attributes.error_code, p.value.count]);
    expect(points).to.deep.equal([["", 2], ["not_found", 1]]);
  });
});
