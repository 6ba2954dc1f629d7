/** Public shapes of the rule engine. Money is integer minor units (bigint), never a float. */

export type TextOperator = "CONTAINS" | "EQUALS" | "REGEX";

export interface TextCondition {
  operator: TextOperator;
  value: string;
  /** Default false. */
  caseSensitive?: boolean;
}

export interface RuleConditions {
  payee?: TextCondition | null;
  notes?: TextCondition | null;
  /** Inclusive, signed (expenses are negative); needs `currency`. */
  amountMinMinor?: bigint | null;
  /** Inclusive; needs `currency`. */
  amountMaxMinor?: bigint | null;
  /**
   * A subject in another currency never satisfies this rule: comparing minor units across
   * currencies is meaningless, so "ignored" means "not matched", never "treated as in range".
   * Given alone, it is a condition by itself ("every GBP transaction").
   */
  currency?: string | null;
  /** Any of. An empty list counts as "no account condition". */
  accountIds?: string[] | null;
}

export interface RuleActions {
  setCategoryId?: string | null;
  renamePayee?: string | null;
  /** An empty list counts as "no tag action". */
  addTags?: string[] | null;
}

export interface RuleDefinition {
  id: string;
  conditions: RuleConditions;
  actions: RuleActions;
}

export interface RuleSubject {
  accountId: string;
  payee: string;
  notes: string;
  amountMinor: bigint;
  currency: string;
  categoryId: string | null;
  tags: string[];
}

export interface RuleOutcome {
  /** Always a fresh object: the caller's input is never mutated or aliased. */
  subject: RuleSubject;
  /**
   * Every rule whose conditions matched, in rule order, including rules whose actions turned out
   * to change nothing (the category was already set, the tags already present): "this rule fired"
   * is what users audit, and it must not depend on what an earlier rule happened to do.
   */
  appliedRuleIds: string[];
  /** Whether `subject` differs from the input in any field. */
  changed: boolean;
}
