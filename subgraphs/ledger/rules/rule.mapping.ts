import type { RuleActions, RuleConditions, RuleDefinition, TextCondition } from "./engine/index.js";
import type { RuleEntity, StoredActions, StoredConditions } from "./rule.entity.js";

/** JSON has no bigint: amounts are stored as strings and turned back here. */
export function storedConditions(c: RuleConditions): StoredConditions {
  return {
    payee: c.payee ?? null,
    notes: c.notes ?? null,
    amountMinMinor: c.amountMinMinor?.toString() ?? null,
    amountMaxMinor: c.amountMaxMinor?.toString() ?? null,
    currency: c.currency ?? null,
    accountIds: c.accountIds ?? null,
  };
}

export function engineConditions(c: StoredConditions): RuleConditions {
  return {
    payee: (c.payee as TextCondition | null | undefined) ?? null,
    notes: (c.notes as TextCondition | null | undefined) ?? null,
    amountMinMinor: c.amountMinMinor ? BigInt(c.amountMinMinor) : null,
    amountMaxMinor: c.amountMaxMinor ? BigInt(c.amountMaxMinor) : null,
    currency: c.currency ?? null,
    accountIds: c.accountIds ?? null,
  };
}

export const storedActions = (a: RuleActions): StoredActions => ({
  setCategoryId: a.setCategoryId ?? null,
  renamePayee: a.renamePayee ?? null,
  addTags: a.addTags ?? null,
});

export const definitionOf = (rule: Pick<RuleEntity, "id" | "conditions" | "actions">): RuleDefinition => ({
  id: rule.id,
  conditions: engineConditions(rule.conditions),
  actions: rule.actions as RuleActions,
});
