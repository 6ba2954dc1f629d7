import { Directive, Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import { utcDay } from "../../../platform/time/index.js";
import { GroupMember } from "../members/member.type.js";
import type { GroupGoalView } from "./group-goal.service.js";
import { groupGoalProgress } from "./group-goal-progress.js";

export enum GroupSavingsGoalStatus {
  REACHED = "REACHED",
  ON_TRACK = "ON_TRACK",
  BEHIND = "BEHIND",
}
registerEnumType(GroupSavingsGoalStatus, {
  name: "GroupSavingsGoalStatus",
  description: "REACHED: saved ≥ target. ON_TRACK: no deadline, or saved at least the straight-line share due by today. BEHIND otherwise.",
});

@Directive('@key(fields: "id")')
@ObjectType("GroupSavingsGoal", { description: "Money the members of a group put aside together, in the group's currency." })
export class GroupSavingsGoal {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyType)
  target!: MoneyType;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  deadline!: string | null;

  @Field(() => MoneyType, { description: "Contributions less withdrawals; never negative." })
  saved!: MoneyType;

  @Field(() => MoneyType, { description: "target − saved, never negative." })
  remaining!: MoneyType;

  @Field(() => Float, { description: "saved / target × 100, floored to one decimal (100 only once reached); may exceed 100." })
  progressPercent!: number;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      "What each current member would put in per month to reach the target by the deadline (rounded up); null without a deadline.",
  })
  requiredPerMemberPerMonth!: MoneyType | null;

  @Field(() => GroupSavingsGoalStatus)
  status!: GroupSavingsGoalStatus;

  @Field(() => String, { nullable: true, description: "When saved first reached the target (ISO-8601)." })
  reachedAt!: string | null;

  @Field(() => Boolean)
  archived!: boolean;

  static from(view: GroupGoalView, today: string): GroupSavingsGoal {
    const { goal } = view;
    const money = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency: goal.currency });
    const p = groupGoalProgress(
      {
        targetMinor: goal.targetMinor,
        savedMinor: view.savedMinor,
        createdDay: utcDay(goal.createdAt),
        deadline: goal.deadline,
        activeMembers: view.activeMembers,
      },
      today,
    );
    return Object.assign(new GroupSavingsGoal(), {
      id: goal.id,
      groupId: goal.groupId,
      name: goal.name,
      target: money(goal.targetMinor),
      deadline: goal.deadline,
      saved: money(p.savedMinor),
      remaining: money(p.remainingMinor),
      progressPercent: p.progressPercent,
      requiredPerMemberPerMonth: p.requiredPerMemberPerMonthMinor === null ? null : money(p.requiredPerMemberPerMonthMinor),
      status: p.status as GroupSavingsGoalStatus,
      reachedAt: goal.reachedAt?.toISOString() ?? null,
      archived: goal.archivedAt !== null,
    });
  }
}

@ObjectType("GroupGoalContribution", { description: "A member's net contribution to a goal (a leaderboard row)." })
export class GroupGoalContribution {
  @Field(() => GroupMember)
  member!: GroupMember;

  @Field(() => MoneyType)
  amount!: MoneyType;
}
