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
          include: ["{platform,gateway,subgraphs,scripts}/**/*.test.ts", "web/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**", "dist/**"],
          setupFiles: ["test/setup-unit.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // web/e2e: the web app in headless Chromium against the whole supergraph.
          include: ["{platform,gateway,subgraphs,scripts,test}/**/*.int.test.ts", "web/e2e/**/*.int.test.ts"],
          exclude: ["node_modules/**", "dist/**"],
          globalSetup: ["test/global-setup.ts"],
          // Every test user comes from 127.0.0.1: per-IP limits would count the whole suite as one
          // attacker. The limits themselves are covered by unit tests.
          env: {
            REGISTRATIONS_PER_IP_PER_HOUR: "1000000",
            LOGIN_MAX_FAILURES_PER_IP: "100000",
            PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR: "1000000",
          },
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
