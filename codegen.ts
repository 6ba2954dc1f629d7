import type { CodegenConfig } from "@graphql-codegen/cli";

const SCALARS = { DateTimeISO: "string" };

/**
 * Typed documents for TypeScript clients, and the persisted-operation manifest (sha256 ids) that
 * integrators' trusted documents are checked against. Inputs: the client-facing schema, the
 * operations under schema/operations/ and the web app's own (web/src/**\/*.graphql), so the one
 * manifest the gateway loads trusts both.
 */
const config: CodegenConfig = {
  schema: "schema/api.graphql",
  ignoreNoDocuments: false,
  generates: {
    "generated/client/": {
      documents: ["schema/operations/**/*.graphql", "web/src/**/*.graphql"],
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "embedHashInDocument", hashPropertyName: "documentId", hashAlgorithm: "sha256" },
      },
      config: { emitLegacyCommonJSImports: false, useTypeImports: true, scalars: SCALARS },
    },
    // The web app ships ids only: each document is replaced by its documentId, so no operation
    // text reaches the browser and the app works against a persisted-only gateway.
    "web/src/generated/": {
      documents: ["web/src/**/*.graphql"],
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "replaceDocumentWithHash", hashPropertyName: "documentId", hashAlgorithm: "sha256" },
      },
      config: { emitLegacyCommonJSImports: false, useTypeImports: true, scalars: SCALARS, enumsAsTypes: true },
    },
  },
};

export default config;
