export { GatewayMetrics, type GatewayMetricsOptions, type LiveMetricsSource, type OperationType, type Outcome } from "./gateway-metrics.js";
export { metricsPlugin, type MetricsPluginOptions } from "./metrics-plugin.js";
