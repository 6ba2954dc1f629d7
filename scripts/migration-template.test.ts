import { describe, expect, it } from "vitest";

import { newMigration } from "./migration-template.js";

describe("npm run migration:create", () => {
  it("names the file and class after the epoch milliseconds, so new migrations sort last", () => {
    const m = newMigration("ledger", "add-payee-index", 1765000000000);
    expect(m.path).toBe("subgraphs/ledger/migrations/1765000000000-add-payee-index.ts");
    expect(m.className).toBe("AddPayeeIndex1765000000000");
    expect(m.source).toContain('name = "AddPayeeIndex1765000000000"');
    expect(m.source).toContain("export class AddPayeeIndex1765000000000 implements MigrationInterface");
  });

  it("refuses names that are not kebab-case and subgraphs that are not folder names", () => {
    expect(() => newMigration("ledger", "AddIndex", 1)).toThrow(/kebab-case/);
    expect(() => newMigration("ledger", "add index", 1)).toThrow(/kebab-case/);
    expect(() => newMigration("../etc", "x", 1)).toThrow(/subgraph/);
  });
});
