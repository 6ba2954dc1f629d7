export { createLogger, type Logger } from "./logger.js";
export { currentTraceId, TRACE_HEADER, traceIdFrom, withTraceId } from "./trace.js";
