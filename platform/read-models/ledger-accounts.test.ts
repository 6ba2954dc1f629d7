import { randomUUID } from "node:crypto";

import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ACCOUNT_ARCHIVED, ACCOUNT_CREATED, ACCOUNT_UPDATED, type AccountSnapshotV1 } from "../../schema/events/ledger.js";
import { PgliteDatabaseProvider } from "../db/index.js";
import { type EventEnvelope, inboxHandler } from "../events/index.js";
import { ledgerAccountsConsumer, LedgerAccountsReadModel, ledgerAccountsTableSql } from "./index.js";

const SCHEMA = "read_model_test";

/** What a subgraph's own migration does with the platform's SQL. */
class ReadModelTable1700000000000 implements MigrationInterface {
  name = "ReadModelTable1700000000000";
  async up(q: QueryRunner): Promise<void> {
    for (const statement of ledgerAccountsTableSql(SCHEMA)) await q.query(statement);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${SCHEMA}.accounts`);
  }
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (e: { extensions?: { code?: string; field?: string } }) => `${e.extensions?.code}:${e.extensions?.field}`,
  );

describe("LedgerAccountsReadModel", () => {
  let database: PgliteDatabaseProvider;
  let dataSource: DataSource;
  const readModel = new LedgerAccountsReadModel(SCHEMA);
  const handle = (type: string, account: AccountSnapshotV1, occurredAt: string) => {
    const envelope: EventEnvelope<AccountSnapshotV1> = {
      id: randomUUID(),
      type,
      version: 1,
      source: "ledger",
      key: account.userId,
      occurredAt,
      traceId: "t",
      data: account,
    };
    return inboxHandler(
      dataSource,
      SCHEMA,
      ledgerAccountsConsumer(readModel),
    )({ topic: "ledger.account.v1", key: account.userId, value: JSON.stringify(envelope), headers: {}, offset: "0", partition: 0 });
  };
  const snapshot = (accountId: string, userId: string, currency: string, archived = false): AccountSnapshotV1 => ({
    accountId,
    userId,
    name: "Everyday",
    type: "CHECKING",
    currency,
    openingBalanceMinor: "0",
    openingDate: "2026-01-01",
    archived,
  });
  const linkable = (userId: string, id: string) =>
    dataSource.transaction((manager) => readModel.requireLinkable(manager, userId, id, "ledgerAccountId"));

  beforeAll(async () => {
    database = await PgliteDatabaseProvider.create();
    ({ dataSource } = await database.open(SCHEMA, { entities: [], migrations: [ReadModelTable1700000000000] }));
  }, 60_000);

  afterAll(async () => {
    await database.close();
  });

  it("answers with the id (lower-cased) and currency of the caller's own unarchived account", async () => {
    const alice = randomUUID();
    const account = randomUUID();
    await handle(ACCOUNT_CREATED, snapshot(account, alice, "EUR"), "2026-11-01T10:00:00.000Z");
    expect(await linkable(alice, account.toUpperCase())).toEqual({ id: account, currency: "EUR" });
  });

  it("refuses unknown, another user's, malformed and archived ids, each naming the field", async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const bobs = randomUUID();
    const archived = randomUUID();
    await handle(ACCOUNT_CREATED, snapshot(bobs, bob, "USD"), "2026-11-01T10:00:00.000Z");
    await handle(ACCOUNT_ARCHIVED, snapshot(archived, alice, "USD", true), "2026-11-01T10:00:00.000Z");
    expect(await codeOf(linkable(alice, randomUUID()))).toBe("NOT_FOUND:ledgerAccountId");
    expect(await codeOf(linkable(alice, bobs))).toBe("NOT_FOUND:ledgerAccountId");
    expect(await codeOf(linkable(alice, "not-an-id"))).toBe("BAD_USER_INPUT:ledgerAccountId");
    expect(await codeOf(linkable(alice, archived))).toBe("BAD_USER_INPUT:ledgerAccountId");
    await expect(linkable(alice, bobs)).rejects.toThrow(/account not found .*reach read_model_test: try again/);
  });

  it("keeps the newest snapshot whatever order they arrive in, and never hands an id to another user", async () => {
    const alice = randomUUID();
    const account = randomUUID();
    await handle(ACCOUNT_ARCHIVED, snapshot(account, alice, "USD", true), "2026-11-02T10:00:00.000Z");
    // An older snapshot replayed later changes nothing.
    await handle(ACCOUNT_CREATED, snapshot(account, alice, "USD"), "2026-11-01T10:00:00.000Z");
    expect(await codeOf(linkable(alice, account))).toBe("BAD_USER_INPUT:ledgerAccountId");
    await handle(ACCOUNT_UPDATED, snapshot(account, alice, "USD"), "2026-11-03T10:00:00.000Z");
    expect(await linkable(alice, account)).toEqual({ id: account, currency: "USD" });
    const mallory = randomUUID();
    await handle(ACCOUNT_UPDATED, snapshot(account, mallory, "USD"), "2026-11-04T10:00:00.000Z");
    expect(await codeOf(linkable(mallory, account))).toBe("NOT_FOUND:ledgerAccountId");
    expect(await linkable(alice, account)).toEqual({ id: account, currency: "USD" });
  });

  it("forgets every account of a purged user, and only theirs", async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const [a1, a2, b1] = [randomUUID(), randomUUID(), randomUUID()];
    await handle(ACCOUNT_CREATED, snapshot(a1, alice, "USD"), "2026-11-01T10:00:00.000Z");
    await handle(ACCOUNT_CREATED, snapshot(a2, alice, "EUR"), "2026-11-01T10:00:00.000Z");
    await handle(ACCOUNT_CREATED, snapshot(b1, bob, "USD"), "2026-11-01T10:00:00.000Z");
    await dataSource.transaction((manager) => readModel.purgeUser(manager, alice));
    expect(await dataSource.query(`SELECT id FROM ${SCHEMA}.accounts WHERE user_id = $1`, [alice])).toEqual([]);
    expect(await codeOf(linkable(alice, a1))).toBe("NOT_FOUND:ledgerAccountId");
    expect(await linkable(bob, b1)).toEqual({ id: b1, currency: "USD" });
  });

  it("refuses a schema name that is not a plain identifier", () => {
    expect(() => new LedgerAccountsReadModel(`x"; DROP TABLE y; --`)).toThrow(/not a subgraph schema name/);
    expect(() => ledgerAccountsTableSql("Budgets")).toThrow(/not a subgraph schema name/);
  });
});
