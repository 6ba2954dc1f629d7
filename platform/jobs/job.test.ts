import { describe, expect, it } from "vitest";

import { badInput } from "../errors/errors.js";
import { isPermanentFailure, maskedJobError, retryDelayMs } from "./job.js";

describe("job failures", () => {
  it("backs off 1 s, 2 s, 4 s ... up to a minute", () => {
    expect([1, 2, 3, 4, 7, 8, 30].map((n) => retryDelayMs(n))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000]);
    expect(retryDelayMs(0)).toBe(1_000);
  });

  it("keeps a message written for the user and masks anything else, naming the job", () => {
    expect(maskedJobError(badInput("an import holds at most 100000 rows"), "j1")).toBe("an import holds at most 100000 rows");
    expect(maskedJobError(new Error("password=hunter2 at pg"), "j1")).toBe("the job stopped on an unexpected error (job j1)");
    expect(maskedJobError("a string", "j2")).toBe("the job stopped on an unexpected error (job j2)");
  });

  it("retries only what retrying may fix", () => {
    expect(isPermanentFailure(badInput("no"))).toBe(true);
    expect(isPermanentFailure(new Error("ECONNRESET"))).toBe(false);
  });
});
