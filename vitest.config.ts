import { defineConfig } from "vitest/config";

// graphql must resolve to one module instance, or type-graphql and Apollo see "another realm".
const alias = { graphql: "graphql/index.js" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{platform,gateway,subgraphs,scripts}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**", "dist/**"],
          setupFiles: ["test/setup-unit.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{platform,gateway,subgraphs,scripts,test}/**/*.int.test.ts"],
          exclude: ["node_modules/**", "dist/**"],
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/setup-unit.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Integration files share one Kafka broker and one PostgreSQL server; run them one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
