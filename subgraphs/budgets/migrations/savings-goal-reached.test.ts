import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { PgliteDatabaseProvider } from "../../../platform/db/index.js";
import { CreateMonthlySpending1763769600300 } from "./1763769600300-create-monthly-spending.js";
import { BudgetsReadModels1764547200300 } from "./1764547200300-budgets-read-models.js";
import { Budgets1764547200310 } from "./1764547200310-budgets.js";
import { SavingsGoals1764547200320 } from "./1764547200320-savings-goals.js";
import { UserTimeZone1764547200330 } from "./1764547200330-user-time-zone.js";
import { LedgerAccounts1764547200340 } from "./1764547200340-ledger-accounts.js";
import { GoalIdempotencyKeys1796526000100 } from "./1796526000100-goal-idempotency-keys.js";
import { SavingsGoalReached1796610000000 } from "./1796610000000-savings-goal-reached.js";

const before = [
  CreateMonthlySpending1763769600300,
  BudgetsReadModels1764547200300,
  Budgets1764547200310,
  SavingsGoals1764547200320,
  UserTimeZone1764547200330,
  LedgerAccounts1764547200340,
  GoalIdempotencyKeys1796526000100,
];

describe("SavingsGoalReached1796610000000", () => {
  let database: PgliteDatabaseProvider | undefined;
  afterAll(async () => {
    await database?.close();
  });

  it("counts goals already at their target as reached, so no old success is announced", async () => {
    database = await PgliteDatabaseProvider.create();
    const old = await database.open("budgets", { entities: [], migrations: before });
    const user = randomUUID();
    const [done, halfway, empty] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [done, halfway, empty])
      await old.dataSource.query(
        `INSERT INTO budgets.savings_goals (id, user_id, name, target_minor, currency, created_at) VALUES ($1, $2, 'Goal', 1000, 'EUR', now())`,
        [id, user],
      );
    for (const [goal, amount] of [
      [done, 600],
      [done, 400],
      [halfway, 999],
    ] as const)
      await old.dataSource.query(
        `INSERT INTO budgets.goal_movements (id, goal_id, user_id, amount_minor, date, source, created_at) VALUES ($1, $2, $3, $4, '2026-01-01', 'MANUAL', now())`,
        [randomUUID(), goal, user, amount],
      );
    await old.dataSource.destroy();

    const { dataSource } = await database.open("budgets", { entities: [], migrations: [...before, SavingsGoalReached1796610000000] });
    const rows: Array<{ id: string; reached: boolean }> = await dataSource.query(
      `SELECT id, reached_at IS NOT NULL AS reached FROM budgets.savings_goals`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.reached]))).toEqual({ [done]: true, [halfway]: false, [empty]: false });
  }, 60_000);
});
