import type { DataSource, EntityManager } from "typeorm";

import { badInput, notFound } from "../../../platform/errors/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { formatAmount, type Money } from "../../../platform/money/index.js";
import type { LedgerAccountsReadModel } from "../../../platform/read-models/index.js";
import { calendarDate, type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { ActivityLog } from "../activity/activity-log.js";
import { text } from "../groups/group.errors.js";
import { type Access, memberOf, requireAccess } from "../groups/group-access.js";
import type { MemberService } from "../members/member.service.js";
import { ExpenseEntity } from "./expense.entity.js";
import { type ExpenseEvents, expensePosting } from "./expense.events.js";
import { ExpenseLineEntity } from "./expense-line.entity.js";
import { type ExpenseLines, expenseLines } from "./expense-lines.js";
import type { SplitMode, SplitPart } from "./split.js";

export const DESCRIPTION_MAX = 200;

export interface PayerInput {
  memberId: string;
  /** Decimal in the expense's currency. */
  amount: string;
}

export interface ExpenseInput {
  groupId: string;
  description: string;
  amount: Money;
  date: string;
  paidBy: PayerInput[];
  split: { mode: SplitMode; parts: SplitPart[] };
  exchangeRate?: string | null;
  ledgerAccountId?: string | null;
  idempotencyKey?: string | null;
}

/** Left out (undefined, or null where clearing means nothing): unchanged. `exchangeRate` / `ledgerAccountId` null: cleared. */
export interface ExpenseChanges {
  description?: string | null;
  amount?: Money;
  date?: string | null;
  paidBy?: PayerInput[];
  split?: ExpenseInput["split"];
  exchangeRate?: string | null;
  ledgerAccountId?: string | null;
}

export interface StoredExpense {
  expense: ExpenseEntity;
  lines: ExpenseLineEntity[];
}

const EXPENSE_COLUMNS = `e.id, e.group_id, e.description, e.amount_minor::text, e.currency, e.group_amount_minor::text, e.exchange_rate,
  to_char(e.date, 'YYYY-MM-DD') AS date, e.split_mode, e.split_parts, e.created_by, e.ledger_account_id, e.deleted_at, e.created_at, e.updated_at`;

export function expenseOfRow(row: Record<string, unknown>): ExpenseEntity {
  return Object.assign(new ExpenseEntity(), {
    id: row.id as string,
    groupId: row.group_id as string,
    description: row.description as string,
    amountMinor: BigInt(row.amount_minor as string),
    currency: (row.currency as string).trim(),
    groupAmountMinor: BigInt(row.group_amount_minor as string),
    exchangeRate: (row.exchange_rate as string | null) ?? null,
    date: row.date as string,
    splitMode: row.split_mode as SplitMode,
    splitParts: row.split_parts as SplitPart[],
    createdBy: row.created_by as string,
    ledgerAccountId: (row.ledger_account_id as string | null) ?? null,
    deletedAt: row.deleted_at ? new Date(row.deleted_at as string) : null,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  });
}

/** What the client sent, for the idempotency hash: a retry is the same request byte for byte. */
const keyedInput = (input: ExpenseInput) => ({
  ...input,
  amount: { minor: input.amount.amountMinor, currency: input.amount.currency },
  idempotencyKey: null,
});

/**
 * Recording, editing and deleting shared expenses. Each write holds the group row FOR SHARE, so a
 * member cannot be removed while an expense naming them is being written.
 */
export class ExpenseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly members: MemberService,
    private readonly accounts: LedgerAccountsReadModel,
    private readonly events: ExpenseEvents,
    private readonly activity: ActivityLog,
  ) {}

  async add(userId: string, input: ExpenseInput, traceId: string): Promise<StoredExpense> {
    const description = text(input.description, "description", DESCRIPTION_MAX);
    const date = calendarDate(input.date, "date");
    assertIdempotencyKey(input.idempotencyKey);
    return this.dataSource.transaction(async (manager) => {
      const access = await requireAccess(manager, userId, input.groupId, { writable: true, lock: "share" });
      const id = this.ids.next();
      const firstId = await this.idempotency.claim(manager, userId, input.idempotencyKey, "addGroupExpense", keyedInput(input), id);
      if (firstId !== null) return this.loadIn(manager, access.group.id, firstId);

      const lines = await this.computeLines(manager, access, input.amount, input.paidBy, input.split, input.exchangeRate ?? null);
      const ledgerAccountId = await this.ledgerAccount(
        manager,
        access,
        userId,
        input.ledgerAccountId ?? null,
        input.amount.currency,
        lines,
      );
      const now = this.clock.now();
      const expense = Object.assign(new ExpenseEntity(), {
        id,
        groupId: access.group.id,
        description,
        amountMinor: input.amount.amountMinor,
        currency: input.amount.currency,
        groupAmountMinor: lines.groupTotal,
        exchangeRate: lines.exchangeRate,
        date,
        splitMode: input.split.mode,
        splitParts: input.split.parts.map((p) => ({ memberId: p.memberId.toLowerCase(), value: p.value ?? null })),
        createdBy: access.me.id,
        ledgerAccountId,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(ExpenseEntity, expense);
      await manager.insert(ExpenseLineEntity, lines.rows(id));
      await this.events.recorded(
        manager,
        traceId,
        "RECORDED",
        expense,
        access.group.currency,
        expensePosting(expense, userId, lines.paidBy(access.me.id)),
        userId,
      );
      await this.activity.record(manager, traceId, {
        groupId: expense.groupId,
        kind: "EXPENSE_ADDED",
        actorMemberId: access.me.id,
        expenseId: id,
      });
      return { expense, lines: lines.rows(id) };
    });
  }

  /** Any member edits; fields left out keep their value, and the split is recomputed from the whole. */
  async update(userId: string, expenseId: string, changes: ExpenseChanges, traceId: string): Promise<StoredExpense> {
    return this.dataSource.transaction(async (manager) => {
      const { expense: old, lines: oldLines } = await this.lockedForWrite(manager, userId, expenseId);
      const access = await requireAccess(manager, userId, old.groupId, { writable: true, lock: "share" });
      if (old.deletedAt) throw badInput("the expense is deleted", { field: "id" });
      const amount = changes.amount ?? { amountMinor: old.amountMinor, currency: old.currency };
      const paidBy =
        changes.paidBy ??
        oldLines.filter((l) => l.paidMinor > 0n).map((l) => ({ memberId: l.memberId, amount: minorAsDecimal(l.paidMinor, old.currency) }));
      const split = changes.split ?? { mode: old.splitMode, parts: old.splitParts };
      const rate = changes.exchangeRate !== undefined ? changes.exchangeRate : amount.currency === old.currency ? old.exchangeRate : null;
      const lines = await this.computeLines(manager, access, amount, paidBy, split, rate);
      // The account belongs to whoever recorded the expense: only they name or change it.
      let ledgerAccountId = old.ledgerAccountId;
      if (changes.ledgerAccountId !== undefined) {
        if (old.createdBy !== access.me.id)
          throw badInput("only the member who recorded the expense sets its ledger account", { field: "ledgerAccountId" });
        ledgerAccountId = changes.ledgerAccountId;
      }
      const recorder = await this.recorderUser(manager, old.createdBy);
      // A recorder who deleted their account has no ledger left to book on.
      if (recorder === null) ledgerAccountId = null;
      else if (ledgerAccountId !== null && (changes.ledgerAccountId !== undefined || changes.amount !== undefined))
        ledgerAccountId = await this.checkedAccount(manager, recorder, ledgerAccountId, amount.currency);
      const expense = Object.assign(new ExpenseEntity(), old, {
        description:
          changes.description !== undefined && changes.description !== null
            ? text(changes.description, "description", DESCRIPTION_MAX)
            : old.description,
        amountMinor: amount.amountMinor,
        currency: amount.currency,
        groupAmountMinor: lines.groupTotal,
        exchangeRate: lines.exchangeRate,
        date: changes.date !== undefined && changes.date !== null ? calendarDate(changes.date, "date") : old.date,
        splitMode: split.mode,
        splitParts: split.parts.map((p) => ({ memberId: p.memberId.toLowerCase(), value: p.value ?? null })),
        ledgerAccountId,
        updatedAt: this.clock.now(),
      });
      await manager.save(ExpenseEntity, expense);
      await manager.delete(ExpenseLineEntity, { expenseId: expense.id });
      await manager.insert(ExpenseLineEntity, lines.rows(expense.id));
      await this.events.recorded(
        manager,
        traceId,
        "UPDATED",
        expense,
        access.group.currency,
        expensePosting(expense, recorder, lines.paidBy(expense.createdBy)),
        userId,
      );
      await this.activity.record(manager, traceId, {
        groupId: expense.groupId,
        kind: "EXPENSE_UPDATED",
        actorMemberId: access.me.id,
        expenseId: expense.id,
      });
      return { expense, lines: lines.rows(expense.id) };
    });
  }

  /** Soft delete: balances stop counting it, history keeps it; deleting twice changes nothing. */
  async delete(userId: string, expenseId: string, traceId: string): Promise<StoredExpense> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.lockedForWrite(manager, userId, expenseId);
      const { me } = await requireAccess(manager, userId, stored.expense.groupId, { writable: true, lock: "share" });
      if (!stored.expense.deletedAt) {
        stored.expense.deletedAt = this.clock.now();
        await manager.update(
          ExpenseEntity,
          { id: stored.expense.id },
          { deletedAt: stored.expense.deletedAt, updatedAt: stored.expense.deletedAt },
        );
        await this.events.deleted(manager, traceId, stored.expense);
        await this.activity.record(manager, traceId, {
          groupId: stored.expense.groupId,
          kind: "EXPENSE_DELETED",
          actorMemberId: me.id,
          expenseId: stored.expense.id,
        });
      }
      return stored;
    });
  }

  /** Expenses among `ids` in the caller's groups (deleted too), any order. */
  async findForUser(userId: string, ids: readonly string[]): Promise<ExpenseEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${EXPENSE_COLUMNS} FROM groups.expenses e WHERE e.id = ANY($2::uuid[]) AND ${memberOf("e.group_id", "$1")}`,
      [userId, valid],
    );
    return rows.map(expenseOfRow);
  }

  /** Lines of each expense among `expenseIds` in the caller's groups, in join order. */
  async linesFor(userId: string, expenseIds: readonly string[]): Promise<ExpenseLineEntity[]> {
    const valid = expenseIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT l.expense_id, l.member_id, l.paid_minor::text, l.share_minor::text, l.group_paid_minor::text, l.group_share_minor::text
       FROM groups.expense_lines l JOIN groups.members m ON m.id = l.member_id
       WHERE l.expense_id = ANY($1::uuid[]) AND ${memberOf("m.group_id", "$2")} ORDER BY l.expense_id, m.position`,
      [valid, userId],
    );
    return rows.map((r) =>
      Object.assign(new ExpenseLineEntity(), {
        expenseId: r.expense_id as string,
        memberId: r.member_id as string,
        paidMinor: BigInt(r.paid_minor as string),
        shareMinor: BigInt(r.share_minor as string),
        groupPaidMinor: BigInt(r.group_paid_minor as string),
        groupShareMinor: BigInt(r.group_share_minor as string),
      }),
    );
  }

  /** The newest live expense of each group. */
  async latestFor(userId: string, groupIds: readonly string[]): Promise<ExpenseEntity[]> {
    const valid = groupIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT DISTINCT ON (e.group_id) ${EXPENSE_COLUMNS} FROM groups.expenses e
       WHERE e.group_id = ANY($2::uuid[]) AND e.deleted_at IS NULL AND ${memberOf("e.group_id", "$1")}
       ORDER BY e.group_id, e.date DESC, e.created_at DESC, e.id DESC`,
      [userId, valid],
    );
    return rows.map(expenseOfRow);
  }

  private async computeLines(
    manager: EntityManager,
    access: Access,
    amount: Money,
    paidBy: readonly PayerInput[],
    split: { mode: SplitMode; parts: readonly SplitPart[] },
    exchangeRate: string | null,
  ): Promise<ExpenseLines> {
    if (amount.amountMinor <= 0n) throw badInput("amount must be positive", { field: "amount" });
    const active = await this.members.activeIn(manager, access.group.id);
    return expenseLines({ amount, paidBy, split, exchangeRate, groupCurrency: access.group.currency, members: active });
  }

  /** The account the recorder named: theirs, unarchived, in the expense's currency, and they must be a payer. */
  private async ledgerAccount(
    manager: EntityManager,
    access: Access,
    userId: string,
    accountId: string | null,
    currency: string,
    lines: ExpenseLines,
  ): Promise<string | null> {
    if (accountId === null) return null;
    if (lines.paidBy(access.me.id) === 0n)
      throw badInput("you can only name your own account for what you paid", { field: "ledgerAccountId" });
    return this.checkedAccount(manager, userId, accountId, currency);
  }

  private async checkedAccount(manager: EntityManager, userId: string, accountId: string, currency: string): Promise<string> {
    const account = await this.accounts.requireLinkable(manager, userId, accountId, "ledgerAccountId");
    if (account.currency !== currency)
      throw badInput(`the account is in ${account.currency}, the expense in ${currency}`, { field: "ledgerAccountId" });
    return account.id;
  }

  private async recorderUser(manager: EntityManager, memberId: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT user_id FROM groups.members WHERE id = $1`, [memberId]);
    return (row?.user_id as string | null) ?? null;
  }

  private async lockedForWrite(manager: EntityManager, userId: string, expenseId: string): Promise<StoredExpense> {
    const rows: Array<Record<string, unknown>> = isUuid(expenseId)
      ? await manager.query(
          `SELECT ${EXPENSE_COLUMNS} FROM groups.expenses e WHERE e.id = $1 AND ${memberOf("e.group_id", "$2")} FOR UPDATE OF e`,
          [expenseId, userId],
        )
      : [];
    if (!rows[0]) throw notFound("expense");
    const expense = expenseOfRow(rows[0]);
    return { expense, lines: await this.linesIn(manager, expense.id) };
  }

  private async loadIn(manager: EntityManager, groupId: string, id: string): Promise<StoredExpense> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${EXPENSE_COLUMNS} FROM groups.expenses e WHERE e.id = $1 AND e.group_id = $2`,
      [id, groupId],
    );
    if (!rows[0]) throw badInput("this idempotencyKey was used for another group", { field: "idempotencyKey" });
    return { expense: expenseOfRow(rows[0]), lines: await this.linesIn(manager, id) };
  }

  private async linesIn(manager: EntityManager, expenseId: string): Promise<ExpenseLineEntity[]> {
    return manager.find(ExpenseLineEntity, { where: { expenseId } });
  }
}

function minorAsDecimal(minor: bigint, currency: string): string {
  // Re-entered through the same parser as client input, so formatting must round-trip exactly.
  return formatAmount({ amountMinor: minor, currency });
}
