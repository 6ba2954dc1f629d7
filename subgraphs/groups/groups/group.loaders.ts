import DataLoader from "dataloader";
import type { DataSource } from "typeorm";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { ActivityService } from "../activity/activity.service.js";
import type { BalanceService } from "../balances/balance.service.js";
import type { CommentService } from "../comments/comment.service.js";
import type { ExpenseService } from "../expenses/expense.service.js";
import type { GroupGoalService, GroupGoalView } from "../goals/group-goal.service.js";
import type { GroupsLoaders } from "../groups.deps.js";
import type { MemberEntity } from "../members/member.entity.js";
import type { MemberService } from "../members/member.service.js";
import type { SettlementEntity } from "../settlements/settlement.entity.js";
import type { SettlementService } from "../settlements/settlement.service.js";
import type { GroupEntity } from "./group.entity.js";
import type { GroupService } from "./group.service.js";

/** Rows grouped by a key function, every requested key answered (empty list when none). */
function groupedLoader<V>(batch: (keys: readonly string[]) => Promise<Map<string, V[]>>): DataLoader<string, V[], string> {
  return new DataLoader<string, V[], string>(async (keys) => {
    const found = await batch(keys);
    return keys.map((key) => found.get(key) ?? []);
  });
}

function byKey<V>(rows: readonly V[], keyOf: (row: V) => string): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

const none = <V>(): Promise<V[]> => Promise.resolve([]);

export interface LoaderServices {
  dataSource: DataSource;
  groups: GroupService;
  members: MemberService;
  balances: BalanceService;
  expenses: ExpenseService;
  settlements: SettlementService;
  goals: GroupGoalService;
  comments: CommentService;
  activity: ActivityService;
}

/** One loader per kind of read; each is one statement per request, scoped to the caller's groups. */
export function groupsLoaders(s: LoaderServices): GroupsLoaders {
  const group: LoaderFactory<string, GroupEntity | null> = (caller) =>
    keyedLoader(
      (ids) => (caller.userId ? s.groups.findForUser(caller.userId, ids) : none()),
      (g) => g.id,
    );
  const membersByGroup: LoaderFactory<string, MemberEntity[]> = (caller) =>
    groupedLoader(async (ids) => byKey(caller.userId ? await s.members.forGroups(caller.userId, ids) : [], (m) => m.groupId));
  const settlements: LoaderFactory<string, SettlementEntity[]> = (caller) =>
    groupedLoader(async (keys) => {
      const out = new Map<string, SettlementEntity[]>();
      if (!caller.userId) return out;
      // Keys are "groupId|first"; one statement per distinct page size.
      const bySize = byKey(keys, (k) => k.split("|")[1]!);
      for (const [first, sized] of bySize) {
        const rows = await s.settlements.forGroups(
          caller.userId,
          sized.map((k) => k.split("|")[0]!),
          Number(first),
        );
        for (const [groupId, list] of byKey(rows, (r) => r.groupId)) out.set(`${groupId}|${first}`, list);
      }
      return out;
    });
  const goalsByGroup: LoaderFactory<string, GroupGoalView[]> = (caller) =>
    groupedLoader(async (keys) => {
      const out = new Map<string, GroupGoalView[]>();
      if (!caller.userId) return out;
      for (const [archived, flagged] of byKey(keys, (k) => k.split("|")[1]!)) {
        const rows = await s.goals.forGroups(
          caller.userId,
          flagged.map((k) => k.split("|")[0]!),
          archived === "true",
        );
        for (const [groupId, list] of byKey(rows, (r) => r.goal.groupId)) out.set(`${groupId}|${archived}`, list);
      }
      return out;
    });
  return {
    group,
    membersByGroup,
    member: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.members.findForUser(caller.userId, ids) : none()),
        (m) => m.id,
      ),
    balances: (caller) =>
      groupedLoader(async (ids) => (caller.userId ? s.balances.forGroups(s.dataSource.manager, ids, caller.userId) : new Map())),
    expense: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.expenses.findForUser(caller.userId, ids) : none()),
        (e) => e.id,
      ),
    expenseLines: (caller) =>
      groupedLoader(async (ids) => byKey(caller.userId ? await s.expenses.linesFor(caller.userId, ids) : [], (l) => l.expenseId)),
    latestExpense: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.expenses.latestFor(caller.userId, ids) : none()),
        (e) => e.groupId,
      ),
    settlements,
    goal: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.goals.findForUser(caller.userId, ids) : none()),
        (v) => v.goal.id,
      ),
    goalsByGroup,
    contributions: (caller) =>
      groupedLoader(async (ids) => byKey(caller.userId ? await s.goals.contributionsFor(caller.userId, ids) : [], (c) => c.goalId)),
    settlement: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.settlements.findForUser(caller.userId, ids) : none()),
        (r) => r.settlement.id,
      ),
    comment: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.comments.findForUser(caller.userId, ids) : none()),
        (c) => c.id,
      ),
    commentThread: (caller) =>
      groupedLoader(async (ids) =>
        byKey(caller.userId ? await s.comments.threads(caller.userId, ids) : [], (c) => (c.expenseId ?? c.settlementId)!),
      ),
    activity: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.activity.findForUser(caller.userId, ids) : none()),
        (a) => a.id,
      ),
  };
}
