// Lint rules every file follows; `npm run lint` (part of `npm test`) fails on any finding.
// Architecture (who may import whom, no cycles) is checked by dependency-cruiser: .dependency-cruiser.cjs.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      ".moneta/",
      "coverage/",
      "generated/",
      "web/src/generated/",
      "web/dist/",
      "**/*.js",
      "**/*.cjs",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      // A promise nobody awaits loses its error and its ordering: await it, or `void` it on purpose.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false, attributes: false } }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      // date-fns' root entry loads every function it has (about 1.2 s at each start of a process
      // or test file); one function's own entry loads only what that function needs.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "date-fns", allowTypeImports: true, message: 'Import each function from its own entry: "date-fns/addDays".' }] },
      ],
      // Decorated classes (type-graphql, TypeORM) and declaration merging need these.
      "@typescript-eslint/no-unsafe-function-type": "off",
      "@typescript-eslint/no-empty-object-type": "off",
    },
  },
  {
    // The web app: React's rules of hooks, and documents by id only (gql.ts/index.ts carry the text).
    files: ["web/src/**/*.ts", "web/src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "generated/(gql|index)$", message: "Import documents from src/generated/graphql: they carry ids only." }] },
      ],
    },
  },
  {
    // Tests, benchmarks and scripts read loosely typed GraphQL answers; domain code may not.
    files: ["**/*.test.ts", "test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts", "**/test/**/*.ts", "platform/testing/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
