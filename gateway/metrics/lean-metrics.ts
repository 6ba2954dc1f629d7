import type { Registry } from "prom-client";

/**
 * Counters and histograms for the request path, registered in a prom-client Registry and exposed
 * in its text format like any other metric, but recorded without prom-client's per-call work
 * (label objects, validation, hashing): a caller resolves a series once and then only adds to
 * numbers. Only what the gateway needs; everything else uses prom-client itself.
 */
interface LeanMetricOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  registers: Registry[];
}

type Labels = Record<string, string | number>;

abstract class LeanMetric<L extends string, S> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = "sum" as const;
  protected readonly series = new Map<string, { labels: Labels; data: S }>();

  constructor(private readonly options: LeanMetricOptions<L>) {
    this.name = options.name;
    this.help = options.help;
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** The series for these label values (in `labelNames` order); keep it and record into it. */
  protected seriesFor(values: readonly string[]): S {
    if (values.length !== this.options.labelNames.length)
      throw new Error(`${this.name} takes ${this.options.labelNames.length} label values`);
    const key = values.join("\u0000");
    let found = this.series.get(key);
    if (!found) {
      const labels: Labels = {};
      this.options.labelNames.forEach((name, i) => (labels[name] = values[i]!));
      found = { labels, data: this.create() };
      this.series.set(key, found);
    }
    return found.data;
  }

  protected abstract create(): S;
  abstract reset(): void;
  abstract get(): Promise<{
    name: string;
    help: string;
    type: string;
    aggregator: "sum";
    values: Array<{ value: number; labels: Labels; metricName?: string }>;
  }>;
}

export class LeanCounterSeries {
  value = 0;
  inc(by = 1): void {
    this.value += by;
  }
}

export class LeanCounter<L extends string> extends LeanMetric<L, LeanCounterSeries> {
  readonly type = "counter" as const;

  labels(...values: string[]): LeanCounterSeries {
    return this.seriesFor(values);
  }

  protected create(): LeanCounterSeries {
    return new LeanCounterSeries();
  }

  reset(): void {
    for (const { data } of this.series.values()) data.value = 0;
  }

  async get() {
    // A series that was resolved but never counted is not shown, as with prom-client.
    const values = [...this.series.values()]
      .filter(({ data }) => data.value > 0)
      .map(({ labels, data }) => ({ value: data.value, labels }));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}

export class LeanHistogramSeries {
  /** Per-bucket counts (not cumulative); the last one is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) return;
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]!) i++;
    this.counts[i]!++;
    this.sum += value;
    this.count++;
  }
}

export class LeanHistogram<L extends string> extends LeanMetric<L, LeanHistogramSeries> {
  readonly type = "histogram" as const;
  private readonly bounds: readonly number[];

  constructor(options: LeanMetricOptions<L> & { buckets: readonly number[] }) {
    super(options);
    this.bounds = [...options.buckets].sort((a, b) => a - b);
  }

  labels(...values: string[]): LeanHistogramSeries {
    return this.seriesFor(values);
  }

  protected create(): LeanHistogramSeries {
    return new LeanHistogramSeries(this.bounds);
  }

  reset(): void {
    for (const { data } of this.series.values()) {
      data.counts.fill(0);
      data.sum = 0;
      data.count = 0;
    }
  }

  async get() {
    const values: Array<{ value: number; labels: Labels; metricName: string }> = [];
    for (const { labels, data } of this.series.values()) {
      if (data.count === 0) continue;
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += data.counts[i]!;
        values.push({ value: cumulative, labels: { le: bound, ...labels }, metricName: `${this.name}_bucket` });
      });
      values.push({ value: data.count, labels: { le: "+Inf", ...labels }, metricName: `${this.name}_bucket` });
      values.push({ value: data.sum, labels, metricName: `${this.name}_sum` });
      values.push({ value: data.count, labels, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
