export { createLogger, type Logger } from "./logger.js";
export { withTraceId, currentTraceId, traceIdFrom, TRACE_HEADER } from "./trace.js";
