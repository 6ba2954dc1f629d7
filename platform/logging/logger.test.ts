import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { createLogger } from "./logger.js";
import { withTraceId } from "./trace.js";

/** Raw lines as pino wrote them: JSON.parse would hide a repeated key by keeping the last one. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

const countOf = (line: string, key: string) => line.split(`"${key}":`).length - 1;

describe("createLogger", () => {
  it("writes one component key per line, the innermost one, however loggers are derived", () => {
    const { lines, stream } = capture();
    // As npm start does: one process logger, the gateway and each subgraph as children.
    const logger = createLogger("moneta", "info", stream);
    const gateway = logger.child({ component: "gateway" });
    const subgraph = logger.child({ subgraph: "ledger" });
    const job = subgraph.child({ job: "recurring" });
    const renamed = job.child({ component: "imports" });

    logger.info("process");
    gateway.info("gateway ready");
    gateway.child({ module: "live" }).warn("live");
    job.info("tick");
    renamed.error({ rows: 3 }, "import");
    withTraceId("trace-0001", () => gateway.info("in a request"));

    expect(lines).toHaveLength(6);
    for (const line of lines) {
      expect(countOf(line, "component"), line).toBe(1);
      expect(countOf(line, "name"), line).toBe(0);
    }
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((p) => p.component)).toEqual(["moneta", "gateway", "gateway", "moneta", "imports", "gateway"]);
    // Other bindings survive a component change.
    expect(parsed[3]).toMatchObject({ subgraph: "ledger", job: "recurring", msg: "tick" });
    expect(parsed[4]).toMatchObject({ subgraph: "ledger", job: "recurring", rows: 3, level: 50 });
    expect(parsed[2]).toMatchObject({ module: "live", level: 40 });
    expect(parsed[5]).toMatchObject({ traceId: "trace-0001" });
  });

  it("keeps a child's level when it names a new component", () => {
    const { lines, stream } = capture();
    const quiet = createLogger("moneta", "info", stream).child({ subgraph: "x" }, { level: "warn" });
    const part = quiet.child({ component: "part" });
    part.info("dropped");
    part.warn("kept");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ component: "part", subgraph: "x", msg: "kept" });
  });
});
