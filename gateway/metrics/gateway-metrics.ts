import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";

import { LeanCounter, type LeanCounterSeries, LeanHistogram, type LeanHistogramSeries } from "./lean-metrics.js";

/** Live-subscription figures read at scrape time (nothing is counted per event for metrics). */
export interface LiveMetricsSource {
  sockets(): number;
  subscriptions(): number;
  /** Time between an event's `occurredAt` and the gateway consuming it, for the last event. */
  lastEventLagMs(): number;
  events(): number;
  deliveries(): number;
  /**
   * Lookups the live bridge ran. Against deliveries it shows the sharing: one resolution per
   * (selection, variables, caller) and event, and only for the user an owner event is keyed by.
   */
  resolutions(): number;
}

export interface GatewayMetricsOptions {
  /** Distinct operation names kept as labels; later ones are counted as "other". */
  maxOperationNames?: number;
  /** Process metrics (CPU, memory, event-loop lag, GC); off for short-lived registries in tests. */
  processMetrics?: boolean;
}

export type OperationType = "query" | "mutation" | "subscription" | "unknown";
export type Outcome = "success" | "partial" | "error";

const OUTCOMES: readonly Outcome[] = ["success", "partial", "error"];
const TYPES: readonly OperationType[] = ["query", "mutation", "subscription", "unknown"];

/** Pre-resolved label children for one operation name: recording a request allocates nothing. */
interface OperationInstruments {
  label: string;
  duration: LeanHistogramSeries;
  requests: Record<OperationType, Record<Outcome, LeanCounterSeries>>;
}

/**
 * The gateway's Prometheus metrics on a registry of its own (never prom-client's global one, so
 * several gateways in one process, as in tests, do not collide).
 *
 * Operation names are client-chosen, so their label cardinality is bounded: an unnamed operation
 * is "anonymous", and only the first `maxOperationNames` distinct names get their own series;
 * every later one is "other".
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly maxOperationNames: number;
  private readonly operations = new Map<string, OperationInstruments>();
  private readonly errorCodes = new Map<string, LeanCounterSeries>();
  private overflow: OperationInstruments | undefined;
  private live: LiveMetricsSource | undefined;

  readonly requests = new LeanCounter({
    name: "graphql_requests_total",
    help: "GraphQL requests by operation name, operation type and outcome (success, partial: data with errors, error: no data).",
    labelNames: ["operation", "type", "outcome"] as const,
    registers: [this.registry],
  });

  readonly requestDuration = new LeanHistogram({
    name: "graphql_request_duration_seconds",
    help: "Time from the request reaching Apollo Server to its response, by operation name.",
    labelNames: ["operation"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly subgraphFetchDuration = new LeanHistogram({
    name: "subgraph_fetch_duration_seconds",
    help: "One HTTP fetch from the gateway to a subgraph, request sent to response read.",
    labelNames: ["subgraph"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly subgraphFetchesShared = new LeanCounter({
    name: "subgraph_fetches_deduplicated_total",
    help: "Subgraph fetches answered by an identical fetch already in flight (same caller, same query and variables).",
    labelNames: ["subgraph"] as const,
    registers: [this.registry],
  });

  readonly errors = new LeanCounter({
    name: "graphql_errors_total",
    help: "Errors sent to clients, by extensions.code as the client saw it.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });

  constructor(options: GatewayMetricsOptions = {}) {
    this.maxOperationNames = options.maxOperationNames ?? 500;
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    const live = () => this.live;
    new Gauge({
      name: "graphql_ws_open_sockets",
      help: "Open graphql-ws WebSocket connections.",
      registers: [this.registry],
      collect() {
        this.set(live()?.sockets() ?? 0);
      },
    });
    new Gauge({
      name: "graphql_live_subscriptions",
      help: "Live subscriptions being served.",
      registers: [this.registry],
      collect() {
        this.set(live()?.subscriptions() ?? 0);
      },
    });
    new Gauge({
      name: "live_event_lag_seconds",
      help: "For the last live event consumed: time from its occurredAt to the gateway consuming it (consumer lag).",
      registers: [this.registry],
      collect() {
        this.set((live()?.lastEventLagMs() ?? 0) / 1000);
      },
    });
    new Counter({
      name: "live_events_total",
      help: "Live events consumed by this gateway instance.",
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(live()?.events() ?? 0);
      },
    });
    new Counter({
      name: "live_deliveries_total",
      help: "Live subscription results pushed to clients.",
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(live()?.deliveries() ?? 0);
      },
    });
    new Counter({
      name: "live_resolutions_total",
      help: "Live lookups resolved through the federated query path (each shared by every subscriber with the same selection, variables and caller).",
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(live()?.resolutions() ?? 0);
      },
    });
  }

  /** Where the live gauges read from; set once the subscription server runs. */
  setLiveSource(source: LiveMetricsSource | undefined): void {
    this.live = source;
  }

  /** The label an operation name is recorded under (bounded, see the class comment). */
  operationLabel(name: string | null | undefined): string {
    return this.instrumentsFor(name).label;
  }

  /** One request; `seconds` undefined for requests refused before they had an operation to time. */
  recordRequest(operationName: string | null | undefined, type: OperationType, outcome: Outcome, seconds?: number): void {
    const instruments = this.instrumentsFor(operationName);
    if (seconds !== undefined) instruments.duration.observe(seconds);
    instruments.requests[type][outcome].inc();
  }

  recordError(code: string): void {
    let counter = this.errorCodes.get(code);
    if (!counter) {
      // Codes come from our own errors and frameworks, but a subgraph could send anything: bound them too.
      if (this.errorCodes.size >= 200) code = "OTHER";
      counter = this.errorCodes.get(code) ?? this.errors.labels(code);
      this.errorCodes.set(code, counter);
    }
    counter.inc();
  }

  /** The fetch-duration series of one subgraph, resolved once per data source. */
  subgraphFetch(subgraph: string): LeanHistogramSeries {
    return this.subgraphFetchDuration.labels(subgraph);
  }

  /** Text exposition for GET /metrics. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private instrumentsFor(name: string | null | undefined): OperationInstruments {
    const key = name || "anonymous";
    const found = this.operations.get(key);
    if (found) return found;
    // Past the cap, names are not remembered one by one: each would cost memory for nothing.
    if (this.operations.size >= this.maxOperationNames) return (this.overflow ??= this.createInstruments("other"));
    const instruments = this.createInstruments(key);
    this.operations.set(key, instruments);
    return instruments;
  }

  private createInstruments(label: string): OperationInstruments {
    const requests = {} as OperationInstruments["requests"];
    for (const type of TYPES) {
      requests[type] = {} as Record<Outcome, LeanCounterSeries>;
      for (const outcome of OUTCOMES) requests[type][outcome] = this.requests.labels(label, type, outcome);
    }
    return { label, duration: this.requestDuration.labels(label), requests };
  }
}
