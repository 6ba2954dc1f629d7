// The committed client documents and manifest must be exactly what codegen.ts makes from
// schema/api.graphql and schema/operations/: the gateway trusts the manifest, and integrators
// build against the typed documents, so a stale copy would drift silently.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";

import config from "../../codegen.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("generated/client", () => {
  it("is what `npm run codegen` makes now (run it after changing schema/operations or the schema)", async () => {
    // Generated in memory, not written: the check never touches the working tree.
    const outputs = (await generate({ ...config, cwd: repo, silent: true, verbose: false }, false)) as Array<{
      filename: string;
      content: string;
    }>;
    const expected = new Map(outputs.map((o) => [relative(repo, join(repo, o.filename)), o.content]));
    const outputDirs = new Set([...expected.keys()].map((file) => dirname(file)));
    for (const dir of outputDirs) {
      const committed = readdirSync(join(repo, dir)).map((name) => join(dir, name));
      expect(committed.sort(), `${dir} holds files codegen no longer makes`).toEqual(
        [...expected.keys()].filter((f) => dirname(f) === dir).sort(),
      );
    }
    for (const [file, content] of expected) {
      expect(readFileSync(join(repo, file), "utf8"), `${file} is out of date: run npm run codegen`).toBe(content);
    }
    expect(expected.has(join("generated", "client", "persisted-documents.json"))).toBe(true);
  }, 60_000);
});
