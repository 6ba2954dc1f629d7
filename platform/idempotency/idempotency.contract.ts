import { randomUUID } from "node:crypto";

import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseProvider } from "../db/database.js";
import { IDEMPOTENCY_RETENTION_MS, IdempotencyKeys } from "./idempotency-keys.js";

class CreateThings1763769609998 implements MigrationInterface {
  name = "CreateThings1763769609998";
  async up(q: QueryRunner): Promise<void> {
    const schema = (q.connection.options as { schema: string }).schema;
    await q.query(`CREATE TABLE "${schema}".things (id uuid PRIMARY KEY, user_id uuid NOT NULL, label text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

/** The ledger's own table, as its migration `DoubleEntryLedger1764547200200` makes it, before the platform's. */
class LedgerStyleKeys1764547200200 implements MigrationInterface {
  name = "LedgerStyleKeys1764547200200";
  async up(q: QueryRunner): Promise<void> {
    const schema = (q.connection.options as { schema: string }).schema;
    await q.query(`
      CREATE TABLE "${schema}".idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        resource_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created ON "${schema}".idempotency_keys (created_at)`);
  }
  async down(): Promise<void> {}
}

type Thing = { id: string; userId: string; label: string };

/** The idempotency-key promise every creating mutation relies on, on one database provider. */
export function describeIdempotencyContract(name: string, createDatabase: () => Promise<DatabaseProvider>): void {
  describe(`idempotency keys: ${name}`, () => {
    let database: DatabaseProvider;
    let dataSource: DataSource;
    let schema: string;
    let now = new Date("2026-11-01T12:00:00Z");
    let keys: IdempotencyKeys;

    /** A creating mutation: claims the key with the new id, then inserts, or returns what the key made. */
    const create = (userId: string, key: string | null, label: string, operation = "createThing"): Promise<Thing> =>
      dataSource.transaction(async (manager) => {
        const id = randomUUID();
        const first = await keys.claim(manager, userId, key, operation, { label }, id);
        if (first !== null) {
          const [row] = await manager.query(`SELECT id, user_id, label FROM "${schema}".things WHERE id = $1 AND user_id = $2`, [
            first,
            userId,
          ]);
          return { id: row.id, userId: row.user_id, label: row.label };
        }
        await manager.query(`INSERT INTO "${schema}".things (id, user_id, label) VALUES ($1, $2, $3)`, [id, userId, label]);
        return { id, userId, label };
      });
    const count = async (userId: string) =>
      Number((await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".things WHERE user_id = $1`, [userId]))[0].n);
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => "OK",
        (e: { extensions?: { code?: string } }) => e.extensions?.code ?? String(e),
      );

    beforeAll(async () => {
      database = await createDatabase();
      schema = `idem_${Math.random().toString(36).slice(2, 8)}`;
      ({ dataSource } = await database.open(schema, { entities: [], migrations: [CreateThings1763769609998] }));
      keys = new IdempotencyKeys(schema, () => now);
    }, 60_000);

    afterAll(async () => {
      await database.close();
    });

    it("replays the same input with the first result, creating nothing more", async () => {
      const user = randomUUID();
      const first = await create(user, "k-same", "Bread");
      expect(await create(user, "k-same", "Bread")).toEqual(first);
      expect(await count(user)).toBe(1);
      expect(await create(user, null, "Bread")).not.toEqual(first);
      expect(await count(user)).toBe(2);
    });

    it("refuses the key with CONFLICT for another input or another operation, and keeps keys per user", async () => {
      const user = randomUUID();
      await create(user, "k-other", "Bread");
      expect(await codeOf(create(user, "k-other", "Milk"))).toBe("CONFLICT");
      expect(await codeOf(create(user, "k-other", "Bread", "renameThing"))).toBe("CONFLICT");
      expect(await count(user)).toBe(1);
      const someoneElse = randomUUID();
      expect((await create(someoneElse, "k-other", "Milk")).label).toBe("Milk");
    });

    it("refuses a key that is empty or longer than 200 characters", async () => {
      const user = randomUUID();
      expect(await codeOf(create(user, "", "Bread"))).toBe("BAD_USER_INPUT");
      expect(await codeOf(create(user, "k".repeat(201), "Bread"))).toBe("BAD_USER_INPUT");
      expect(await count(user)).toBe(0);
    });

    it("lets 6 concurrent duplicates make one row, all answered with it", async () => {
      const user = randomUUID();
      const results = await Promise.all(Array.from({ length: 6 }, () => create(user, "k-race", "Bread")));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await count(user)).toBe(1);
    });

    it("remembers a key for at least 24 hours, and the purge forgets it after the retention", async () => {
      const user = randomUUID();
      const first = await create(user, "k-old", "Bread");
      now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
      expect(await keys.purgeExpired(dataSource)).toBe(0);
      expect(await create(user, "k-old", "Bread")).toEqual(first);
      now = new Date(now.getTime() + IDEMPOTENCY_RETENTION_MS);
      // Every key this suite made so far is past retention now.
      expect(await keys.purgeExpired(dataSource)).toBeGreaterThanOrEqual(1);
      expect(await keys.purgeExpired(dataSource)).toBe(0);
      expect((await create(user, "k-old", "Milk")).label).toBe("Milk");
    });

    it("forgets every key of a deleted user", async () => {
      const user = randomUUID();
      await create(user, "k-gone", "Bread");
      await dataSource.transaction((manager) => keys.purgeUser(manager, user));
      expect((await create(user, "k-gone", "Milk")).label).toBe("Milk");
    });

    it("takes over a table the subgraph made itself with the same columns (the ledger's)", async () => {
      const ledgerLike = `idem_${Math.random().toString(36).slice(2, 8)}`;
      const opened = await database.open(ledgerLike, { entities: [], migrations: [LedgerStyleKeys1764547200200] });
      const ran: Array<{ name: string }> = await opened.dataSource.query(`SELECT name FROM "${ledgerLike}".migrations ORDER BY timestamp`);
      expect(ran.map((m) => m.name)).toEqual(
        expect.arrayContaining(["LedgerStyleKeys1764547200200", "PlatformIdempotencyKeys1796526000000"]),
      );
      const ledgerKeys = new IdempotencyKeys(ledgerLike, () => now);
      const user = randomUUID();
      const id = randomUUID();
      expect(await opened.dataSource.transaction((m) => ledgerKeys.claim(m, user, "k", "op", {}, id))).toBeNull();
      expect(await opened.dataSource.transaction((m) => ledgerKeys.claim(m, user, "k", "op", {}, randomUUID()))).toBe(id);
    });
  });
}
