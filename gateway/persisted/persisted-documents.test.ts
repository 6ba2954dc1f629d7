import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { ConfigError } from "../../platform/config/index.js";
import { loadPersistedDocuments, PERSISTED_DOCUMENTS_ENV, PersistedDocuments } from "./persisted-documents.js";

const hex = (text: string) => createHash("sha256").update(text).digest("hex");
const QUERY = "query Ping { __typename }";

function manifestFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "moneta-manifest-")), "persisted-documents.json");
  writeFileSync(file, content);
  return file;
}

describe("persisted documents", () => {
  it("loads the generated manifest by default, each id the sha256 of its text", () => {
    const documents = loadPersistedDocuments(undefined, {});
    expect(documents.size).toBeGreaterThanOrEqual(3);
    for (const [id, text] of documents.entries()) {
      expect(id).toBe(`sha256:${hex(text)}`);
      expect(documents.get(id)).toBe(text);
      expect(documents.hasQueryHash(hex(text))).toBe(true);
    }
    expect(documents.hasQueryHash(hex("{ me { id } }"))).toBe(false);
    expect(documents.get(`sha256:${hex("{ me { id } }")}`)).toBeUndefined();
  });

  it("reads PERSISTED_DOCUMENTS_PATH", () => {
    const file = manifestFile(JSON.stringify({ [`sha256:${hex(QUERY)}`]: QUERY }));
    const documents = loadPersistedDocuments(undefined, { [PERSISTED_DOCUMENTS_ENV]: file });
    expect(documents.size).toBe(1);
    expect(documents.get(`sha256:${hex(QUERY)}`)).toBe(QUERY);
  });

  it("stops boot with a ConfigError naming the setting for a missing or malformed manifest", () => {
    const cases: Array<[string, RegExp]> = [
      [join(tmpdir(), "no-such-dir", "manifest.json"), /cannot read .*ENOENT/],
      [manifestFile("not json"), /PERSISTED_DOCUMENTS_PATH/],
      [manifestFile("[]"), /JSON object/],
      [manifestFile(JSON.stringify({ "md5:abc": QUERY })), /not a sha256:<64 hex> document id/],
      [manifestFile(JSON.stringify({ [`sha256:${hex(QUERY)}`]: "" })), /no document text/],
      // A trusted id carrying a different operation than the one it names.
      [manifestFile(JSON.stringify({ [`sha256:${hex(QUERY)}`]: "mutation { logout }" })), /is not the sha256 of its document/],
    ];
    for (const [file, message] of cases) {
      let error: unknown;
      try {
        loadPersistedDocuments(file);
      } catch (e) {
        error = e;
      }
      expect(error, file).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).setting).toBe(PERSISTED_DOCUMENTS_ENV);
      expect((error as Error).message).toMatch(message);
    }
  });

  it("is built from a manifest object", () => {
    expect(PersistedDocuments.fromManifest({}).size).toBe(0);
    expect(() => PersistedDocuments.fromManifest(null)).toThrow(/JSON object/);
  });
});
