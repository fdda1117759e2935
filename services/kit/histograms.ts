/**
 * Duration histograms whose cells are bound once per attribute set, served at /metrics through
 * the Prometheus reader as a MetricProducer — the SDK's extension point for metrics kept outside it.
 *
 * Why: the SDK's Histogram.record hashes the attribute set (sort + JSON.stringify), reads the
 * active context and the clock on every call: ~3% of a request-reply's CPU in bench/rpc.ts, for
 * a set of attributes that is the same for every request to an endpoint. OpenTelemetry JS has no
 * bound instruments, so the kit binds its own: a cell is looked up once per (endpoint, outcome)
 * and recording is a bucket search and four updates. The exposition is the SDK's (same names,
 * cumulative buckets, _sum and _count), made from the data points collected here.
 */
import { type Attributes, type HrTime, metrics, ValueType } from "@opentelemetry/api";
import { millisToHrTime } from "@opentelemetry/core";
import { emptyResource } from "@opentelemetry/resources";
import { AggregationTemporality, type CollectionResult, DataPointType, type HistogramMetricData, type MetricProducer } from "@opentelemetry/sdk-metrics";
import { fastPath } from "./fast-path.ts";

/** Where one attribute set's values go. */
export type Recorder = { record(value: number): void };
/** A duration histogram: cells bound once per attribute set. */
export type Histogram = { cell(attributes: Attributes): Recorder };

export class HistogramCell {
  readonly attributes: Attributes;
  readonly startTime: HrTime;
  readonly #boundaries: readonly number[];
  readonly counts: number[];
  sum = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;

  constructor(attributes: Attributes, boundaries: readonly number[]) {
    this.attributes = attributes;
    this.startTime = millisToHrTime(Date.now());
    this.#boundaries = boundaries;
    this.counts = new Array<number>(boundaries.length + 1).fill(0);
  }

  record(value: number): void {
    if (!(value >= 0)) return;
    const b = this.#boundaries;
    // Bounds are inclusive upper limits; past the last one is the +Inf bucket.
    let i = 0;
    while (i < b.length && value > b[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }
}

export class BoundHistogram {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly boundaries: readonly number[];
  readonly #cells = new Map<string, HistogramCell>();

  constructor(name: string, opts: { description: string; unit: string; boundaries: readonly number[] }) {
    this.name = name;
    this.description = opts.description;
    this.unit = opts.unit;
    this.boundaries = [...opts.boundaries];
  }

  /** The cell for one attribute set: look it up once, record into it many times. */
  cell(attributes: Attributes): HistogramCell {
    const key = JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let cell = this.#cells.get(key);
    if (!cell) {
      cell = new HistogramCell({ ...attributes }, this.boundaries);
      this.#cells.set(key, cell);
    }
    return cell;
  }

  collect(endTime: HrTime): HistogramMetricData {
    return {
      descriptor: { name: this.name, description: this.description, unit: this.unit, valueType: ValueType.DOUBLE },
      aggregationTemporality: AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.HISTOGRAM,
      dataPoints: [...this.#cells.values()].map((c) => ({
        attributes: c.attributes,
        startTime: c.startTime,
        endTime,
        value: {
          buckets: { boundaries: [...this.boundaries], counts: [...c.counts] },
          sum: c.sum,
          count: c.count,
          ...(c.count > 0 ? { min: c.min, max: c.max } : {}),
        },
      })),
    };
  }
}

const histograms = new Map<string, BoundHistogram>();

/**
 * The process's histogram of this name (made on first use: replicas of a service in one process
 * share it). With KIT_FAST_PATH=off, the SDK's own instrument with the same name, unit and buckets.
 */
export function boundHistogram(name: string, opts: { description: string; unit: string; boundaries: readonly number[] }): Histogram {
  if (!fastPath) {
    const stock = metrics.getMeter("convene").createHistogram(name, {
      description: opts.description,
      unit: opts.unit,
      advice: { explicitBucketBoundaries: [...opts.boundaries] },
    });
    return { cell: (attributes) => ({ record: (value) => stock.record(value, attributes) }) };
  }
  let h = histograms.get(name);
  if (!h) {
    h = new BoundHistogram(name, opts);
    histograms.set(name, h);
  }
  return h;
}

/** Hands the bound histograms to a metric reader at each collection (the reader stamps its own resource). */
export const boundHistograms: MetricProducer = {
  async collect(): Promise<CollectionResult> {
    const endTime = millisToHrTime(Date.now());
    return {
      resourceMetrics: {
        resource: emptyResource(),
        scopeMetrics: [{ scope: { name: "convene" }, metrics: [...histograms.values()].map((h) => h.collect(endTime)) }],
      },
      errors: [],
    };
  },
};
