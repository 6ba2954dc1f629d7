import type { DataSource, EntityManager } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Money } from "../../../platform/money/index.js";
import type { LedgerAccountsReadModel } from "../../../platform/read-models/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { BUDGETS_GOAL_TOPIC, SAVINGS_GOAL_UPDATED } from "../../../schema/events/budgets.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import type { GoalView } from "./goal.type.js";
import { GoalMovementEntity, type MovementSourceName } from "./goal-movement.entity.js";
import { assertWithdrawable, calendarDate, utcDay } from "./goal-progress.js";
import { announceGoalsReached } from "./goal-reached.js";
import { SavingsGoalEntity } from "./savings-goal.entity.js";

export interface NewGoal {
  name: string;
  target: Money;
  targetDate?: string | null;
  linkedAccountId?: string | null;
}

/** Left out (undefined): unchanged. `targetDate` / `linkedAccountId` null: cleared. */
export interface GoalChanges {
  name?: string | null;
  target?: Money | null;
  targetDate?: string | null;
  linkedAccountId?: string | null;
}

export interface MovementRequest {
  /** Positive; the direction comes from contribute or withdraw. */
  amount: Money;
  /** YYYY-MM-DD; today (UTC) when left out. */
  date?: string | null;
  note?: string | null;
  idempotencyKey?: string | null;
}

export interface MovementResult {
  movement: GoalMovementEntity;
  /** The goal after the movement (for a replay: as it is now). */
  goal: GoalView;
}

export const MAX_GOALS_PER_USER = 100;
export const MAX_MOVEMENTS_PAGE = 500;

const MOVEMENT_COLUMNS = `id, goal_id, user_id, amount_minor::text AS amount_minor, to_char(date, 'YYYY-MM-DD') AS date, source, source_transaction_id, note, created_at`;

/** A raw `goal_movements` row (selected with MOVEMENT_COLUMNS) as an entity. */
export function movementOf(row: Record<string, unknown>): GoalMovementEntity {
  return Object.assign(new GoalMovementEntity(), {
    id: row.id as string,
    goalId: row.goal_id as string,
    userId: row.user_id as string,
    amountMinor: BigInt(row.amount_minor as string),
    date: row.date as string,
    source: row.source as MovementSourceName,
    sourceTransactionId: (row.source_transaction_id as string | null) ?? null,
    note: (row.note as string | null) ?? null,
    createdAt: new Date(row.created_at as string | Date),
  });
}

function goalName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badInput("name must be 1 to 100 characters", { field: "name" });
  return trimmed;
}

function positiveTarget(target: Money): Money {
  if (target.amountMinor <= 0n) throw badInput("target must be positive", { field: "target" });
  return target;
}

function wellFormedAccountId(id: string | null | undefined): void {
  if (id !== null && id !== undefined && !isUuid(id)) throw badInput("linkedAccountId is not an account id", { field: "linkedAccountId" });
}

function movementNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? "";
  if (trimmed.length > 500) throw badInput("note must be at most 500 characters", { field: "note" });
  return trimmed.length === 0 ? null : trimmed;
}

/**
 * What a keyed movement asked for, as the client sent it (a retry that again leaves the date out is
 * the same request on a later day). `GoalIdempotencyKeys1796526000100` hashes keys made before the
 * key table in this shape, so changing it turns their retries into CONFLICTs.
 */
function keyedInput(goalId: string, request: MovementRequest) {
  return {
    goalId,
    amountMinor: request.amount.amountMinor,
    currency: request.amount.currency,
    date: request.date ?? null,
    note: request.note ?? null,
  };
}

export class SavingsGoalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: UserSettingsService,
    private readonly accounts: LedgerAccountsReadModel,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  /** Today as goals count it: the UTC calendar day. */
  today(): string {
    return utcDay(this.clock.now());
  }

  async list(userId: string, includeArchived: boolean): Promise<GoalView[]> {
    return this.views(this.dataSource.manager, userId, { includeArchived });
  }

  /** The caller's goals among `ids` (archived too), in any order; others' and malformed ids are left out. */
  async findForUser(userId: string, ids: readonly string[]): Promise<GoalView[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.views(this.dataSource.manager, userId, { ids: valid, includeArchived: true });
  }

  async create(userId: string, input: NewGoal, traceId: string): Promise<GoalView> {
    const name = goalName(input.name);
    const target = positiveTarget(input.target);
    const targetDate = this.futureDate(input.targetDate);
    wellFormedAccountId(input.linkedAccountId);
    return this.dataSource.transaction(async (manager) => {
      const linkedAccountId = input.linkedAccountId
        ? (await this.accounts.requireLinkable(manager, userId, input.linkedAccountId, "linkedAccountId")).id
        : null;
      const { baseCurrency } = await this.settings.require(userId, manager);
      if (target.currency !== baseCurrency.trim()) {
        throw badInput(`a goal is kept in your base currency, ${baseCurrency.trim()}`, { field: "target.currency" });
      }
      await claimWithinUserCap(manager, SavingsGoalEntity, userId, MAX_GOALS_PER_USER, "savings goals");
      const goal = Object.assign(new SavingsGoalEntity(), {
        id: this.ids.next(),
        userId,
        name,
        targetMinor: target.amountMinor,
        currency: target.currency,
        targetDate,
        linkedAccountId,
        archivedAt: null,
        reachedAt: null,
        createdAt: this.clock.now(),
      });
      await manager.insert(SavingsGoalEntity, goal);
      await this.emitUpdated(manager, traceId, userId, [goal.id]);
      return { goal, savedMinor: 0n };
    });
  }

  async update(userId: string, id: string, changes: GoalChanges, traceId: string): Promise<GoalView> {
    wellFormedAccountId(changes.linkedAccountId);
    return this.dataSource.transaction(async (manager) => {
      const goal = await this.lockOwned(manager, userId, id);
      if (goal.archivedAt) throw badInput("the goal is archived");
      if (changes.name !== undefined && changes.name !== null) goal.name = goalName(changes.name);
      if (changes.target) {
        positiveTarget(changes.target);
        if (changes.target.currency !== goal.currency) throw badInput(`the goal is kept in ${goal.currency}`, { field: "target.currency" });
        goal.targetMinor = changes.target.amountMinor;
      }
      // Sending back an unchanged date that has since passed is no change, not an error.
      if (changes.targetDate !== undefined && changes.targetDate !== goal.targetDate) goal.targetDate = this.futureDate(changes.targetDate);
      // Like the date: sending back the account already linked (even one archived since) is no change.
      const linked = changes.linkedAccountId;
      if (linked === null) goal.linkedAccountId = null;
      else if (linked !== undefined && linked.toLowerCase() !== goal.linkedAccountId)
        goal.linkedAccountId = (await this.accounts.requireLinkable(manager, userId, linked, "linkedAccountId")).id;
      await manager.save(goal);
      await this.emitUpdated(manager, traceId, userId, [goal.id]);
      // A target lowered to what is already saved reaches the goal too.
      if (changes.target) await this.announceReached(manager, traceId, userId, [goal.id]);
      return { goal, savedMinor: await this.savedUnderLock(manager, goal.id) };
    });
  }

  /** Archived goals are read-only and take no auto-save; archiving twice changes nothing. */
  async archive(userId: string, id: string, traceId: string): Promise<GoalView> {
    return this.dataSource.transaction(async (manager) => {
      const goal = await this.lockOwned(manager, userId, id);
      if (!goal.archivedAt) {
        goal.archivedAt = this.clock.now();
        await manager.save(goal);
        await this.emitUpdated(manager, traceId, userId, [goal.id]);
      }
      return { goal, savedMinor: await this.savedUnderLock(manager, goal.id) };
    });
  }

  contribute(userId: string, goalId: string, request: MovementRequest, traceId: string): Promise<MovementResult> {
    return this.move(userId, goalId, request, 1n, traceId);
  }

  /** BAD_USER_INPUT, writing nothing, when it would take the goal below zero. */
  withdraw(userId: string, goalId: string, request: MovementRequest, traceId: string): Promise<MovementResult> {
    return this.move(userId, goalId, request, -1n, traceId);
  }

  /** The newest `first` movements of each goal (newest first), in one statement. */
  async movementsFor(userId: string, goalIds: readonly string[], first: number): Promise<GoalMovementEntity[]> {
    const valid = goalIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${MOVEMENT_COLUMNS} FROM (
         SELECT m.*, row_number() OVER (PARTITION BY m.goal_id ORDER BY m.date DESC, m.created_at DESC, m.id DESC) AS n
         FROM budgets.goal_movements m WHERE m.user_id = $1 AND m.goal_id = ANY($2::uuid[])
       ) ranked WHERE n <= $3 ORDER BY goal_id, n`,
      [userId, valid, first],
    );
    return rows.map(movementOf);
  }

  /** One SavingsGoalUpdated per goal, in the caller's transaction. */
  async emitUpdated(manager: EntityManager, traceId: string, userId: string, goalIds: readonly string[]): Promise<void> {
    await this.outbox.add(
      manager,
      traceId,
      goalIds.map((goalId) => ({ topic: BUDGETS_GOAL_TOPIC, type: SAVINGS_GOAL_UPDATED, key: userId, data: { goalId, userId } })),
    );
  }

  /** SavingsGoalReached, once per goal, for those of `goalIds` that reached their target (goal-reached.ts). */
  announceReached(manager: EntityManager, traceId: string, userId: string, goalIds: readonly string[]): Promise<void> {
    return announceGoalsReached(manager, this.outbox, this.clock, traceId, userId, goalIds);
  }

  /** The caller's goal, row-locked for a write; another user's id is NOT_FOUND. */
  async lockOwned(manager: EntityManager, userId: string, id: string): Promise<SavingsGoalEntity> {
    const goal = isUuid(id)
      ? await manager.findOne(SavingsGoalEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!goal) throw notFound("savings goal");
    return goal;
  }

  private async move(userId: string, goalId: string, request: MovementRequest, sign: 1n | -1n, traceId: string): Promise<MovementResult> {
    if (request.amount.amountMinor <= 0n) throw badInput("amount must be positive", { field: "amount" });
    const date = request.date === null || request.date === undefined ? this.today() : calendarDate(request.date, "date");
    const note = movementNote(request.note);
    // A malformed key is refused before the goal is looked up.
    assertIdempotencyKey(request.idempotencyKey);
    const operation = sign > 0n ? "contributeToGoal" : "withdrawFromGoal";

    return this.dataSource.transaction(async (manager) => {
      // The lock serialises every movement of this goal: a second withdrawal sees the first.
      const goal = await this.lockOwned(manager, userId, goalId);
      const id = this.ids.next();
      // Claimed before the checks below: a replay returns the first movement even if the goal has since been archived.
      const firstId = await this.idempotency.claim(manager, userId, request.idempotencyKey, operation, keyedInput(goalId, request), id);
      if (firstId !== null) {
        const movement = await this.idempotency.replayed(manager, GoalMovementEntity, userId, firstId);
        return { movement, goal: { goal, savedMinor: await this.savedUnderLock(manager, goal.id) } };
      }
      if (goal.archivedAt) throw badInput("the goal is archived");
      if (request.amount.currency !== goal.currency) throw badInput(`the goal is kept in ${goal.currency}`, { field: "amount.currency" });
      const saved = await this.savedUnderLock(manager, goal.id);
      if (sign < 0n) assertWithdrawable(saved, request.amount.amountMinor);

      const amountMinor = sign * request.amount.amountMinor;
      const inserted: Array<Record<string, unknown>> = await manager.query(
        `INSERT INTO budgets.goal_movements (id, goal_id, user_id, amount_minor, date, source, source_transaction_id, note, created_at)
         VALUES ($1, $2, $3, $4, $5, 'MANUAL', NULL, $6, $7)
         RETURNING ${MOVEMENT_COLUMNS}`,
        [id, goal.id, userId, amountMinor.toString(), date, note, this.clock.now()],
      );
      await this.emitUpdated(manager, traceId, userId, [goal.id]);
      if (sign > 0n) await this.announceReached(manager, traceId, userId, [goal.id]);
      return { movement: movementOf(inserted[0]!), goal: { goal, savedMinor: saved + amountMinor } };
    });
  }

  /** Account deletion: every movement and goal of the user (after the auto-save rules that point at them). */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(GoalMovementEntity, { userId });
    await manager.delete(SavingsGoalEntity, { userId });
  }

  private async savedUnderLock(manager: EntityManager, goalId: string): Promise<bigint> {
    const [row] = await manager.query(
      `SELECT coalesce(sum(amount_minor), 0)::text AS saved FROM budgets.goal_movements WHERE goal_id = $1`,
      [goalId],
    );
    return BigInt(row.saved);
  }

  /** A target date is validated against today: a new or changed deadline cannot already have passed. */
  private futureDate(value: string | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    const date = calendarDate(value, "targetDate");
    if (date < this.today()) throw badInput("targetDate must be today or later", { field: "targetDate" });
    return date;
  }

  /** Goals with their saved amounts, in one statement. */
  private async views(manager: EntityManager, userId: string, filter: { ids?: string[]; includeArchived: boolean }): Promise<GoalView[]> {
    const qb = manager
      .getRepository(SavingsGoalEntity)
      .createQueryBuilder("g")
      .addSelect(
        (sub) => sub.select("coalesce(sum(m.amount_minor), 0)::text").from(GoalMovementEntity, "m").where("m.goal_id = g.id"),
        "saved_minor",
      )
      .where("g.user_id = :userId", { userId });
    if (filter.ids) qb.andWhere("g.id IN (:...ids)", { ids: filter.ids });
    if (!filter.includeArchived) qb.andWhere("g.archived_at IS NULL");
    qb.orderBy("g.created_at", "ASC").addOrderBy("g.id", "ASC");
    const { entities, raw } = await qb.getRawAndEntities<{ g_id: string; saved_minor: string }>();
    const saved = new Map(raw.map((r) => [r.g_id, BigInt(r.saved_minor)]));
    return entities.map((goal) => ({ goal, savedMinor: saved.get(goal.id) ?? 0n }));
  }
}
