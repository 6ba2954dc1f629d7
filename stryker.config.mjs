// @ts-check
// Mutation testing of the pure core (see the README's Test section). `npm run test:mutation [module...]`
// (stryker/run.mjs) runs this once per module with STRYKER_MODULES set to that module.
import { mutateGlobs } from "./stryker/modules.mjs";

// The modules this run mutates name its incremental file and report ("all" without STRYKER_MODULES).
const moduleKey = (process.env.STRYKER_MODULES ?? "all").replace(/[^a-z0-9-]+/gi, "+");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // Forks, as vitest's own default: a worker thread ignores `process.env.TZ = …`, which the
  // schedules' time-zone tests set to run in Kiritimati or Apia.
  vitest: { configFile: "stryker/vitest.config.ts", related: true, pool: "forks" },
  // STRYKER_CHECK=0 skips the type checker (faster, but type-invalid mutants then count as killed by a crash).
  checkers: process.env.STRYKER_CHECK === "0" ? [] : ["typescript"],
  tsconfigFile: "stryker/tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  mutate: mutateGlobs(),
  // Kept in git, one per module, so a run only tests mutants whose code or covering tests changed since.
  incremental: true,
  incrementalFile: `stryker/incremental/${moduleKey}.json`,
  // The machine running it is usually shared: two workers by default, STRYKER_CONCURRENCY to change.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // A mutant that loops forever is killed by timeout: a few seconds is plenty for these unit tests.
  timeoutMS: 5_000,
  // Module-level constants (currency table, regexes) would need a fresh module per mutant: too slow here.
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: `reports/mutation/${moduleKey}.json` },
  thresholds: { high: 90, low: 85, break: null },
  // The sandbox copies only what the unit tests and the checker read.
  ignorePatterns: ["web", "docs", "bench", "dist", "reports", ".moneta", "coverage", "**/*.int.test.ts", "test/**", "!test/setup-unit.ts"],
  cleanTempDir: "always",
};
