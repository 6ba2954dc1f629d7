import { describe, expect, it } from "vitest";

import { buildFederatedSchema } from "../../../platform/graphql/index.js";
import { BudgetsUser } from "../users/user.type.js";
import { AutoSaveRuleResolver, GoalMovementResolver, GoalsUserResolver, SavingsGoalResolver } from "./goal.resolver.js";

describe("goals schema", () => {
  it("prints the goal entity, its scoped root fields and the live subscription", async () => {
    const { sdl } = await buildFederatedSchema({
      resolvers: [SavingsGoalResolver, GoalMovementResolver, AutoSaveRuleResolver, GoalsUserResolver],
      orphanedTypes: [BudgetsUser],
    });
    expect(sdl).toMatch(/type SavingsGoal @key\(fields: "id"\)/);
    expect(sdl).toMatch(/movements\(first: Int! = 50\): \[GoalMovement!\]!/);
    expect(sdl).toMatch(/requiredPerMonth: Money\n/);
    expect(sdl).toMatch(
      /savingsGoals\(includeArchived: Boolean! = false\): \[SavingsGoal!\]! @requiresScopes\(scopes: \[\["budgets:read"\]\]\)/,
    );
    expect(sdl).toMatch(/savingsGoal\(id: ID!\): SavingsGoal @requiresScopes\(scopes: \[\["budgets:read"\]\]\)/);
    for (const mutation of [
      "createSavingsGoal",
      "updateSavingsGoal",
      "archiveSavingsGoal",
      "contributeToGoal",
      "withdrawFromGoal",
      "createAutoSaveRule",
      "deleteAutoSaveRule",
    ]) {
      expect(sdl).toMatch(
        new RegExp(`\\n  ${mutation}\\([\\s\\S]*?\\): [\\w!\\[\\]]+ @requiresScopes\\(scopes: \\[\\["budgets:write"\\]\\]\\)\\n`),
      );
    }
    expect(sdl).toContain(
      'savingsGoalUpdated(id: ID!): SavingsGoal @live(topic: "budgets.goal.v1", events: ["SavingsGoalUpdated"], lookup: "savingsGoal", id: "goalId", match: ["id=goalId"])',
    );
    expect(sdl).toMatch(/type User @key\(fields: "id"\) \{[^}]*savingsGoals\(includeArchived: Boolean! = false\): \[SavingsGoal!\]!/);
  });
});
