import type { DataSource, EntityManager } from "typeorm";

import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Money } from "../../../platform/money/index.js";
import { calendarDate, type Clock, type IdGenerator, isUuid, utcDay } from "../../../platform/time/index.js";
import { GROUP_SAVINGS_GOAL_REACHED, GROUP_SAVINGS_GOAL_UPDATED, GROUPS_SAVINGS_TOPIC } from "../../../schema/events/groups.js";
import { text } from "../groups/group.errors.js";
import { memberOf, requireAccess } from "../groups/group-access.js";
import { groupAudience } from "../groups/group-events.js";
import { GoalContributionEntity } from "./goal-contribution.entity.js";
import { GroupGoalEntity } from "./group-goal.entity.js";

export const MAX_GOALS_PER_GROUP = 50;

/** A goal with what is saved and how many members share the effort. */
export interface GroupGoalView {
  goal: GroupGoalEntity;
  savedMinor: bigint;
  activeMembers: number;
}

export interface NewGroupGoal {
  groupId: string;
  name: string;
  target: Money;
  deadline?: string | null;
}

export interface ContributionRequest {
  goalId: string;
  /** Positive; contribute or withdraw gives the direction. */
  amount: Money;
  note?: string | null;
  idempotencyKey?: string | null;
}

const GOAL_COLUMNS = `g.id, g.group_id, g.name, g.target_minor::text, g.currency, to_char(g.deadline, 'YYYY-MM-DD') AS deadline, g.created_by, g.reached_at, g.archived_at, g.created_at,
  (SELECT coalesce(sum(c.amount_minor), 0) FROM groups.goal_contributions c WHERE c.goal_id = g.id)::text AS saved_minor,
  (SELECT count(*) FROM groups.members m WHERE m.group_id = g.group_id AND m.removed_at IS NULL)::int AS active_members`;

function viewOf(row: Record<string, unknown>): GroupGoalView {
  const goal = Object.assign(new GroupGoalEntity(), {
    id: row.id as string,
    groupId: row.group_id as string,
    name: row.name as string,
    targetMinor: BigInt(row.target_minor as string),
    currency: (row.currency as string).trim(),
    deadline: (row.deadline as string | null) ?? null,
    createdBy: row.created_by as string,
    reachedAt: row.reached_at ? new Date(row.reached_at as string) : null,
    archivedAt: row.archived_at ? new Date(row.archived_at as string) : null,
    createdAt: new Date(row.created_at as string),
  });
  return { goal, savedMinor: BigInt(row.saved_minor as string), activeMembers: Number(row.active_members) };
}

/**
 * Group savings goals: members put money aside together. Every movement of a goal holds its row
 * lock, so concurrent withdrawals see each other and nothing goes below zero; a member takes out at
 * most what they put in, so the leaderboard never shows anyone below zero either.
 */
export class GroupGoalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly outbox: Outbox,
  ) {}

  today(): string {
    return utcDay(this.clock.now());
  }

  async create(userId: string, input: NewGroupGoal, traceId: string): Promise<GroupGoalView> {
    const name = text(input.name, "name", 100);
    if (input.target.amountMinor <= 0n) throw badInput("target must be positive", { field: "target" });
    const deadline = input.deadline === null || input.deadline === undefined ? null : calendarDate(input.deadline, "deadline");
    if (deadline !== null && deadline < this.today()) throw badInput("deadline must be today or later", { field: "deadline" });
    return this.dataSource.transaction(async (manager) => {
      const { group, me } = await requireAccess(manager, userId, input.groupId, { writable: true, lock: "update" });
      if (input.target.currency !== group.currency) throw badInput(`the group keeps ${group.currency}`, { field: "target.currency" });
      const [count] = await manager.query(
        `SELECT count(*)::int AS n FROM groups.savings_goals WHERE group_id = $1 AND archived_at IS NULL`,
        [group.id],
      );
      if ((count.n as number) >= MAX_GOALS_PER_GROUP)
        throw badInput(`at most ${MAX_GOALS_PER_GROUP} active goals per group`, { field: "groupId" });
      const goal = Object.assign(new GroupGoalEntity(), {
        id: this.ids.next(),
        groupId: group.id,
        name,
        targetMinor: input.target.amountMinor,
        currency: group.currency,
        deadline,
        createdBy: me.id,
        reachedAt: null,
        archivedAt: null,
        createdAt: this.clock.now(),
      });
      await manager.insert(GroupGoalEntity, goal);
      await this.emitUpdated(manager, traceId, goal);
      return this.viewIn(manager, goal.id);
    });
  }

  /** Archived goals take no more money; archiving twice changes nothing. Admins only. */
  async archive(userId: string, goalId: string, traceId: string): Promise<GroupGoalView> {
    return this.dataSource.transaction(async (manager) => {
      const goal = await this.locked(manager, userId, goalId);
      await requireAccess(manager, userId, goal.groupId, { role: "ADMIN" });
      if (!goal.archivedAt) {
        await manager.update(GroupGoalEntity, { id: goal.id }, { archivedAt: this.clock.now() });
        await this.emitUpdated(manager, traceId, goal);
      }
      return this.viewIn(manager, goal.id);
    });
  }

  contribute(userId: string, request: ContributionRequest, traceId: string): Promise<GroupGoalView> {
    return this.move(userId, request, 1n, traceId);
  }

  withdraw(userId: string, request: ContributionRequest, traceId: string): Promise<GroupGoalView> {
    return this.move(userId, request, -1n, traceId);
  }

  async findForUser(userId: string, ids: readonly string[]): Promise<GroupGoalView[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${GOAL_COLUMNS} FROM groups.savings_goals g WHERE g.id = ANY($2::uuid[]) AND ${memberOf("g.group_id", "$1")}`,
      [userId, valid],
    );
    return rows.map(viewOf);
  }

  /** Goals of the caller's groups among `groupIds`, oldest first; archived ones only when asked. */
  async forGroups(userId: string, groupIds: readonly string[], includeArchived: boolean): Promise<GroupGoalView[]> {
    const valid = groupIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${GOAL_COLUMNS} FROM groups.savings_goals g
       WHERE g.group_id = ANY($2::uuid[]) AND ${memberOf("g.group_id", "$1")} AND ($3 OR g.archived_at IS NULL)
       ORDER BY g.group_id, g.created_at, g.id`,
      [userId, valid, includeArchived],
    );
    return rows.map(viewOf);
  }

  /** Per goal, each member's net contribution, largest first (a leaderboard); members at zero are left out. */
  async contributionsFor(
    userId: string,
    goalIds: readonly string[],
  ): Promise<Array<{ goalId: string; memberId: string; amountMinor: bigint }>> {
    const valid = goalIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<{ goal_id: string; member_id: string; amount: string }> = await this.dataSource.query(
      `SELECT c.goal_id, c.member_id, sum(c.amount_minor)::text AS amount FROM groups.goal_contributions c
       JOIN groups.members m ON m.id = c.member_id
       WHERE c.goal_id = ANY($1::uuid[]) AND ${memberOf("m.group_id", "$2")} GROUP BY c.goal_id, c.member_id, m.position
       HAVING sum(c.amount_minor) <> 0 ORDER BY c.goal_id, sum(c.amount_minor) DESC, m.position`,
      [valid, userId],
    );
    return rows.map((r) => ({ goalId: r.goal_id, memberId: r.member_id, amountMinor: BigInt(r.amount) }));
  }

  private async move(userId: string, request: ContributionRequest, sign: 1n | -1n, traceId: string): Promise<GroupGoalView> {
    if (request.amount.amountMinor <= 0n) throw badInput("amount must be positive", { field: "amount" });
    const note = request.note === null || request.note === undefined || request.note.trim() === "" ? null : text(request.note, "note", 500);
    assertIdempotencyKey(request.idempotencyKey);
    const operation = sign > 0n ? "contributeToGroupSavingsGoal" : "withdrawFromGroupSavingsGoal";
    return this.dataSource.transaction(async (manager) => {
      // The goal's row lock serialises every movement of it: a second withdrawal sees the first.
      const goal = await this.locked(manager, userId, request.goalId);
      const { me } = await requireAccess(manager, userId, goal.groupId);
      const id = this.ids.next();
      const keyed = {
        goalId: goal.id,
        amount: { minor: request.amount.amountMinor, currency: request.amount.currency },
        note: request.note ?? null,
      };
      if ((await this.idempotency.claim(manager, userId, request.idempotencyKey, operation, keyed, id)) !== null)
        return this.viewIn(manager, goal.id);
      if (goal.archivedAt) throw badInput("the goal is archived", { field: "goalId" });
      if (request.amount.currency !== goal.currency) throw badInput(`the goal is kept in ${goal.currency}`, { field: "amount.currency" });
      if (sign < 0n) {
        const [own] = await manager.query(
          `SELECT coalesce(sum(amount_minor), 0)::text AS n FROM groups.goal_contributions WHERE goal_id = $1 AND member_id = $2`,
          [goal.id, me.id],
        );
        if (BigInt(own.n as string) < request.amount.amountMinor)
          throw badInput("you can take out at most what you have put in", { field: "amount" });
      }
      await manager.insert(
        GoalContributionEntity,
        Object.assign(new GoalContributionEntity(), {
          id,
          goalId: goal.id,
          memberId: me.id,
          amountMinor: sign * request.amount.amountMinor,
          note,
          createdAt: this.clock.now(),
        }),
      );
      const view = await this.viewIn(manager, goal.id);
      await this.emitUpdated(manager, traceId, goal);
      if (view.savedMinor >= goal.targetMinor && !goal.reachedAt) {
        const reachedAt = this.clock.now();
        await manager.update(GroupGoalEntity, { id: goal.id }, { reachedAt });
        view.goal.reachedAt = reachedAt;
        await this.outbox.add(manager, traceId, [
          {
            topic: GROUPS_SAVINGS_TOPIC,
            type: GROUP_SAVINGS_GOAL_REACHED,
            key: goal.groupId,
            data: {
              goalId: goal.id,
              groupId: goal.groupId,
              name: goal.name,
              targetMinor: goal.targetMinor.toString(),
              savedMinor: view.savedMinor.toString(),
              currency: goal.currency,
              reachedAt: reachedAt.toISOString(),
              ...(await groupAudience(manager, goal.groupId)),
              actorUserId: userId,
            },
          },
        ]);
      }
      return view;
    });
  }

  /** The goal row-locked, if it is in one of the caller's groups; NOT_FOUND otherwise. */
  private async locked(manager: EntityManager, userId: string, goalId: string): Promise<GroupGoalEntity> {
    const rows: Array<Record<string, unknown>> = isUuid(goalId)
      ? await manager.query(
          `SELECT ${GOAL_COLUMNS} FROM groups.savings_goals g WHERE g.id = $1 AND ${memberOf("g.group_id", "$2")} FOR UPDATE OF g`,
          [goalId, userId],
        )
      : [];
    if (!rows[0]) throw notFound("savings goal");
    return viewOf(rows[0]).goal;
  }

  private async viewIn(manager: EntityManager, goalId: string): Promise<GroupGoalView> {
    const rows: Array<Record<string, unknown>> = await manager.query(`SELECT ${GOAL_COLUMNS} FROM groups.savings_goals g WHERE g.id = $1`, [
      goalId,
    ]);
    return viewOf(rows[0]!);
  }

  private async emitUpdated(manager: EntityManager, traceId: string, goal: GroupGoalEntity): Promise<void> {
    await this.outbox.add(manager, traceId, [
      {
        topic: GROUPS_SAVINGS_TOPIC,
        type: GROUP_SAVINGS_GOAL_UPDATED,
        key: goal.groupId,
        data: { goalId: goal.id, groupId: goal.groupId },
      },
    ]);
  }
}
