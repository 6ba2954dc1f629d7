import { describe, expect, it } from "vitest";

import { CoalescedRunner } from "./coalesced-runner.js";

describe("CoalescedRunner", () => {
  it("runs once at a time and once more when woken during a run", async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const runner = new CoalescedRunner(async () => {
      runs++;
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((r) => setTimeout(r, 10));
      concurrent--;
    });
    runner.wake();
    for (let i = 0; i < 50; i++) runner.wake();
    await runner.idle();
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
  });

  it("stops taking wake-ups after stop()", async () => {
    let runs = 0;
    const runner = new CoalescedRunner(async () => void runs++);
    await runner.stop();
    runner.wake();
    await runner.idle();
    expect(runs).toBe(0);
  });
});
