import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { ConfigError } from "../../platform/config/index.js";

/** The setting naming the manifest file. */
export const PERSISTED_DOCUMENTS_ENV = "PERSISTED_DOCUMENTS_PATH";

/** What `npm run codegen` writes (codegen.ts); committed, and a test fails when it drifts. */
export const DEFAULT_PERSISTED_DOCUMENTS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "generated",
  "client",
  "persisted-documents.json",
);

const DOCUMENT_ID = /^sha256:([0-9a-f]{64})$/;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The trusted documents integrators may run by id: `"sha256:<hex>"` → operation text, where hex is
 * the sha256 of exactly that text. Because the id is the hash Apollo computes for the text, "this
 * request runs a manifest document" is one set lookup whether it came by `documentId`, as an APQ
 * hash or as the query text itself.
 */
export class PersistedDocuments {
  private readonly byId: ReadonlyMap<string, string>;
  private readonly hashes: ReadonlySet<string>;

  private constructor(entries: ReadonlyMap<string, string>) {
    this.byId = entries;
    this.hashes = new Set([...entries.keys()].map((id) => id.slice("sha256:".length)));
  }

  /**
   * Checks every entry (id shape, text, and that the id really is the text's sha256, so a
   * hand-edited manifest cannot smuggle a different operation under a trusted id).
   * @throws Error describing the first bad entry.
   */
  static fromManifest(manifest: unknown): PersistedDocuments {
    if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest))
      throw new Error("must be a JSON object of documentId → document");
    const entries = new Map<string, string>();
    for (const [id, text] of Object.entries(manifest)) {
      const match = DOCUMENT_ID.exec(id);
      if (!match) throw new Error(`"${id.slice(0, 80)}" is not a sha256:<64 hex> document id`);
      if (typeof text !== "string" || text.trim() === "") throw new Error(`${id} has no document text`);
      if (sha256(text) !== match[1]) throw new Error(`${id} is not the sha256 of its document (regenerate with npm run codegen)`);
      entries.set(id, text);
    }
    return new PersistedDocuments(entries);
  }

  /** The document's text, always the same string for the same id (Apollo's parse cache is keyed by it). */
  get(documentId: string): string | undefined {
    return this.byId.get(documentId);
  }

  /** Whether a query with this sha256 (hex, as Apollo's `queryHash`) is a manifest document. */
  hasQueryHash(queryHash: string): boolean {
    return this.hashes.has(queryHash);
  }

  get size(): number {
    return this.byId.size;
  }

  entries(): IterableIterator<[string, string]> {
    return this.byId.entries();
  }
}

/**
 * Reads the manifest once at boot: `path`, else `PERSISTED_DOCUMENTS_PATH`, else the generated one.
 * @throws ConfigError naming `PERSISTED_DOCUMENTS_PATH` when the file is missing or not a valid manifest.
 */
export function loadPersistedDocuments(path?: string, env: NodeJS.ProcessEnv = process.env): PersistedDocuments {
  const file = path ?? (env[PERSISTED_DOCUMENTS_ENV]?.trim() || DEFAULT_PERSISTED_DOCUMENTS_PATH);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(
      PERSISTED_DOCUMENTS_ENV,
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    return PersistedDocuments.fromManifest(JSON.parse(text));
  } catch (error) {
    throw new ConfigError(PERSISTED_DOCUMENTS_ENV, `${file}: ${(error as Error).message}`);
  }
}
