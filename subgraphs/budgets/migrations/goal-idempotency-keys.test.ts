import { createHash, randomUUID } from "node:crypto";

import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PgliteDatabaseProvider } from "../../../platform/db/index.js";
import { Outbox } from "../../../platform/events/index.js";
import { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { LedgerAccountsReadModel } from "../../../platform/read-models/index.js";
import { FixedClock, randomIds } from "../../../platform/time/index.js";
import { SavingsGoalService } from "../goals/goal.service.js";
import { GoalMovementEntity } from "../goals/goal-movement.entity.js";
import { SavingsGoalEntity } from "../goals/savings-goal.entity.js";
import { UserSettingsService } from "../settings/user-settings.service.js";
import { CreateMonthlySpending1763769600300 } from "./1763769600300-create-monthly-spending.js";
import { BudgetsReadModels1764547200300 } from "./1764547200300-budgets-read-models.js";
import { Budgets1764547200310 } from "./1764547200310-budgets.js";
import { SavingsGoals1764547200320 } from "./1764547200320-savings-goals.js";
import { UserTimeZone1764547200330 } from "./1764547200330-user-time-zone.js";
import { LedgerAccounts1764547200340 } from "./1764547200340-ledger-accounts.js";
import { GoalIdempotencyKeys1796526000100 } from "./1796526000100-goal-idempotency-keys.js";
import { SavingsGoalReached1796610000000 } from "./1796610000000-savings-goal-reached.js";

const money = (amountMinor: bigint, currency: string) => ({ amountMinor, currency });

const before = [
  CreateMonthlySpending1763769600300,
  BudgetsReadModels1764547200300,
  Budgets1764547200310,
  SavingsGoals1764547200320,
  UserTimeZone1764547200330,
  LedgerAccounts1764547200340,
];

/** How goal movements hashed a keyed request before the platform's key table. */
const oldHash = (operation: string, goalId: string, amountMinor: string, date: string | null, note: string | null) =>
  createHash("sha256")
    .update(JSON.stringify([operation, goalId, amountMinor, "EUR", date, note]))
    .digest("hex");

describe("GoalIdempotencyKeys1796526000100: keys made before the upgrade", () => {
  let database: PgliteDatabaseProvider;
  let dataSource: DataSource;
  let savings: SavingsGoalService;
  const user = randomUUID();
  const goalId = randomUUID();
  const movements = { contributed: randomUUID(), withdrawn: randomUUID(), spaced: randomUUID() };

  beforeAll(async () => {
    database = await PgliteDatabaseProvider.create();
    const old = await database.open("budgets", { entities: [], migrations: before });
    const q = (sql: string, params: unknown[]) => old.dataSource.query(sql, params);
    await q(
      `INSERT INTO budgets.savings_goals (id, user_id, name, target_minor, currency, created_at) VALUES ($1, $2, 'Trip', 100000, 'EUR', now())`,
      [goalId, user],
    );
    const insert = `INSERT INTO budgets.goal_movements (id, goal_id, user_id, amount_minor, date, source, note, idempotency_key, request_hash, created_at)
                    VALUES ($1, $2, $3, $4, $5, 'MANUAL', $6, $7, $8, now())`;
    // Date left out (today then), note sent.
    await q(insert, [
      movements.contributed,
      goalId,
      user,
      5000,
      "2026-11-01",
      "rent",
      "k-contribute",
      oldHash("contributeToGoal", goalId, "5000", null, "rent"),
    ]);
    // Date sent, no note.
    await q(insert, [
      movements.withdrawn,
      goalId,
      user,
      -1000,
      "2026-11-02",
      null,
      "k-withdraw",
      oldHash("withdrawFromGoal", goalId, "1000", "2026-11-02", null),
    ]);
    // A note sent with spaces around it (stored trimmed): the request cannot be recovered.
    await q(insert, [
      movements.spaced,
      goalId,
      user,
      700,
      "2026-11-03",
      "gift",
      "k-spaced",
      oldHash("contributeToGoal", goalId, "700", "2026-11-03", "  gift "),
    ]);
    await old.dataSource.destroy();

    ({ dataSource } = await database.open("budgets", {
      entities: [SavingsGoalEntity, GoalMovementEntity],
      // And the later migrations the service's entities expect.
      migrations: [...before, GoalIdempotencyKeys1796526000100, SavingsGoalReached1796610000000],
    }));
    const clock = new FixedClock(new Date("2026-11-05T10:00:00Z"));
    const settings = new UserSettingsService(dataSource, clock);
    savings = new SavingsGoalService(
      dataSource,
      new Outbox("budgets", clock, randomIds),
      clock,
      randomIds,
      settings,
      new LedgerAccountsReadModel("budgets"),
      new IdempotencyKeys("budgets", () => clock.now()),
    );
  }, 60_000);

  afterAll(async () => {
    await database.close();
  });

  const count = async () => Number((await dataSource.query(`SELECT count(*)::int AS n FROM budgets.goal_movements`))[0].n);
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "OK",
      (e: { extensions?: { code?: string } }) => e.extensions?.code ?? String(e),
    );

  it("drops the movement columns the keys lived in", async () => {
    const columns: Array<{ column_name: string }> = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'budgets' AND table_name = 'goal_movements'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain("idempotency_key");
    expect(columns.map((c) => c.column_name)).not.toContain("request_hash");
  });

  it("replays a retry of a request made before the upgrade with its first movement", async () => {
    const contributed = await savings.contribute(
      user,
      goalId,
      { amount: money(5000n, "EUR"), note: "rent", idempotencyKey: "k-contribute" },
      "t",
    );
    expect(contributed.movement.id).toBe(movements.contributed);
    const withdrawn = await savings.withdraw(
      user,
      goalId,
      { amount: money(1000n, "EUR"), date: "2026-11-02", idempotencyKey: "k-withdraw" },
      "t",
    );
    expect(withdrawn.movement.id).toBe(movements.withdrawn);
    expect(await count()).toBe(3);
  });

  it("refuses the old keys for a different request, and the unrecoverable one even for its retry, never duplicating", async () => {
    expect(
      await codeOf(savings.contribute(user, goalId, { amount: money(6000n, "EUR"), note: "rent", idempotencyKey: "k-contribute" }, "t")),
    ).toBe("CONFLICT");
    expect(
      await codeOf(
        savings.contribute(
          user,
          goalId,
          { amount: money(700n, "EUR"), date: "2026-11-03", note: "  gift ", idempotencyKey: "k-spaced" },
          "t",
        ),
      ),
    ).toBe("CONFLICT");
    expect(await count()).toBe(3);
  });
});
