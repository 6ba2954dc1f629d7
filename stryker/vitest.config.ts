import { defineConfig } from "vitest/config";

// Stryker's own vitest config: the unit tests beside the mutated modules, one project (the runner
// narrows each mutant to the tests that cover it: coverageAnalysis perTest).
const alias = { graphql: "graphql/index.js" };

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      "platform/{money,events,time,auth,idempotency}/**/*.test.ts",
      "subgraphs/ledger/{transactions,rules}/**/*.test.ts",
      "subgraphs/budgets/periods/**/*.test.ts",
      "subgraphs/groups/{expenses,balances}/**/*.test.ts",
      "subgraphs/investments/{lots,performance}/**/*.test.ts",
      "subgraphs/lending/schedule/**/*.test.ts",
      "subgraphs/tax/calculator/**/*.test.ts",
      "subgraphs/insights/categorizer/**/*.test.ts",
    ],
    exclude: ["**/*.int.test.ts", "node_modules/**", "dist/**"],
    setupFiles: ["test/setup-unit.ts"],
    // PGlite-backed contract tests (events, idempotency) start a database per file.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
