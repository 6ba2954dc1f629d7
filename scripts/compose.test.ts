import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { SCHEMA_DIR } from "../gateway/supergraph.js";
import { composeFromSdl, composeSupergraph, readIfExists, schemaFiles } from "../platform/subgraph/compose.js";
import { loadSubgraphs } from "../platform/subgraph/discover.js";

describe("committed schema", () => {
  // Composition is CPU work (seconds on a busy 2-core machine): a generous timeout, not a flaky one.
  it("matches what the code prints and composes (run `npm run compose` after changing a subgraph)", { timeout: 30_000 }, async () => {
    const files = schemaFiles(SCHEMA_DIR, await composeSupergraph(await loadSubgraphs()));
    for (const [path, text] of Object.entries(files)) {
      expect(readIfExists(path), `${path} is out of date: run npm run compose`).toBe(text);
    }
  });

  it("fails composition loudly when subgraphs disagree", () => {
    const ledger = readFileSync(join(SCHEMA_DIR, "ledger.graphql"), "utf8");
    // A second subgraph redefining Money with a different field type and without @shareable.
    const clash = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\ntype Query { other: Money }\ntype Money { amount: Int! currency: String! }`;
    expect(() =>
      composeFromSdl([
        { name: "ledger", url: "http://x/graphql", sdl: ledger },
        { name: "other", url: "http://y/graphql", sdl: clash },
      ]),
    ).toThrow(/composition failed/);
  });
});
