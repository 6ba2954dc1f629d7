import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for TypeScript clients, and the persisted-operation manifest (sha256 ids) that
 * integrators' trusted documents are checked against. Inputs: the client-facing schema and the
 * operations under schema/operations/.
 */
const config: CodegenConfig = {
  schema: "schema/api.graphql",
  documents: ["schema/operations/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "generated/client/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "embedHashInDocument", hashPropertyName: "documentId", hashAlgorithm: "sha256" },
      },
      config: { emitLegacyCommonJSImports: false, useTypeImports: true, scalars: { DateTimeISO: "string" } },
    },
  },
};

export default config;
