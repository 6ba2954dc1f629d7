import type { EntityManager } from "typeorm";
import type { ConsumerDefinition } from "../../../platform/events/index.js";
import type { LoaderFactory, ReferenceResolvers } from "../../../platform/graphql/index.js";
import type { SubgraphKit } from "../../../platform/subgraph/index.js";
import type { LedgerAccountsService } from "../accounts/ledger-account.service.js";
import { SavingsGoals1764547200320 } from "../migrations/1764547200320-savings-goals.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import { AutoSaveRuleEntity } from "./auto-save-rule.entity.js";
import { AutoSaveService } from "./auto-save.service.js";
import { autoSaveConsumer } from "./events/auto-save.handler.js";
import { GoalMovementEntity } from "./goal-movement.entity.js";
import { goalByIdLoader, goalMovementsLoader } from "./goal.loaders.js";
import { resolveSavingsGoalReference } from "./goal.reference.js";
import { AutoSaveRuleResolver, GoalMovementResolver, GoalsUserResolver, SavingsGoalResolver } from "./goal.resolver.js";
import { SavingsGoalService } from "./goal.service.js";
import type { GoalView } from "./goal.type.js";
import { SavingsGoalEntity } from "./savings-goal.entity.js";

/** Per-request DataLoaders of goals, each scoped to the caller. */
export interface GoalsLoaders {
  goal: LoaderFactory<string, GoalView | null>;
  /** "goalId|first". */
  movements: LoaderFactory<string, GoalMovementEntity[]>;
}

/** Savings goals: what the budgets deps carry as `goals`. */
export interface GoalsDeps {
  savings: SavingsGoalService;
  autoSave: AutoSaveService;
  loaders: GoalsLoaders;
}

export function createGoals(kit: SubgraphKit, settings: UserSettingsService, accounts: LedgerAccountsService): GoalsDeps {
  const savings = new SavingsGoalService(kit.dataSource, kit.outbox, kit.clock, kit.ids, settings, accounts);
  const autoSave = new AutoSaveService(kit.dataSource, kit.clock, kit.ids, savings, accounts);
  return { savings, autoSave, loaders: { goal: goalByIdLoader(savings), movements: goalMovementsLoader(savings) } };
}

/** Resolver classes; each takes the budgets deps (`{ goals: GoalsDeps, ... }`) in its constructor. */
export const goalResolvers: Function[] = [SavingsGoalResolver, GoalMovementResolver, AutoSaveRuleResolver, GoalsUserResolver];
export const goalEntities: Function[] = [SavingsGoalEntity, GoalMovementEntity, AutoSaveRuleEntity];
export const goalMigrations = [SavingsGoals1764547200320];

export function goalConsumers(deps: GoalsDeps): ConsumerDefinition[] {
  return [autoSaveConsumer(deps.autoSave)];
}

export function goalReferences(deps: GoalsDeps): ReferenceResolvers {
  return { SavingsGoal: resolveSavingsGoalReference(deps) };
}

/** Account deletion: every goal, movement and rule of the user (children first). */
export async function purgeGoals(manager: EntityManager, userId: string): Promise<void> {
  await manager.delete(AutoSaveRuleEntity, { userId });
  await manager.delete(GoalMovementEntity, { userId });
  await manager.delete(SavingsGoalEntity, { userId });
}
