import { describe, expect, it } from "vitest";

import { runLimited } from "./run-limited.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("runLimited", () => {
  it("runs every item once, never more than the limit at a time, starting them in order", async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await runLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it("rejects with the first error after the started calls settle, and starts nothing more", async () => {
    const done: number[] = [];
    const run = runLimited([1, 2, 3, 4, 5], 2, async (n) => {
      if (n === 2) throw new Error("two failed");
      await tick();
      done.push(n);
    });
    await expect(run).rejects.toThrow("two failed");
    expect(done).toEqual([1]);
  });

  it("does nothing for no items", async () => {
    await expect(runLimited([], 4, () => Promise.reject(new Error("never")))).resolves.toBeUndefined();
  });
});
