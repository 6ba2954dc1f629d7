import { badInput, isClientError } from "../../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../../platform/money/money.js";
import { RULE_LIMITS } from "./rule.limits.js";
import type { RuleActions, RuleConditions, RuleDefinition } from "./rule.types.js";
import { codePointLength, compileTextCondition, type TextMatcher } from "./text-matcher.js";

/** One rule with its regexes built and its texts normalised; produced only by compileRules. */
export interface CompiledRule {
  readonly id: string;
  readonly payee: TextMatcher | null;
  readonly notes: TextMatcher | null;
  /** Non-null whenever any amount condition exists: a bound is meaningless without it. */
  readonly currency: string | null;
  readonly amountMin: bigint | null;
  readonly amountMax: bigint | null;
  readonly accountIds: ReadonlySet<string> | null;
  readonly setCategoryId: string | null;
  readonly renamePayee: string | null;
  readonly addTags: readonly string[];
}

export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
}

/**
 * Throws BAD_USER_INPUT with `extensions.field` on the first problem found. Validation and
 * compilation are one code path, so a rule that validates is exactly a rule that compiles.
 */
export function validateRule(conditions: RuleConditions, actions: RuleActions): void {
  compileRule("", conditions, actions);
}

/**
 * Compile once per batch and reuse for every row. Stored rules are validated again here, so a rule
 * saved under older limits cannot run unchecked; its id is added to the error's extensions.
 */
export function compileRules(rules: RuleDefinition[]): CompiledRules {
  return {
    rules: rules.map((rule) => {
      try {
        return compileRule(rule.id, rule.conditions, rule.actions);
      } catch (error) {
        if (isClientError(error)) error.extensions["ruleId"] = rule.id;
        throw error;
      }
    }),
  };
}

function compileRule(id: string, conditions: RuleConditions, actions: RuleActions): CompiledRule {
  if (typeof conditions !== "object" || conditions === null) {
    throw badInput("a rule needs at least one condition", { field: "conditions" });
  }
  if (typeof actions !== "object" || actions === null) {
    throw badInput("a rule needs at least one action", { field: "actions" });
  }
  const payee = conditions.payee == null ? null : compileTextCondition(conditions.payee, "conditions.payee");
  const notes = conditions.notes == null ? null : compileTextCondition(conditions.notes, "conditions.notes");
  const amountMin = readBound(conditions.amountMinMinor, "conditions.amountMinMinor");
  const amountMax = readBound(conditions.amountMaxMinor, "conditions.amountMaxMinor");
  if (amountMin !== null && amountMax !== null && amountMin > amountMax) {
    throw badInput("amountMinMinor must not exceed amountMaxMinor", { field: "conditions.amountMinMinor" });
  }
  const currency = readCurrency(conditions.currency, amountMin !== null || amountMax !== null);
  const accountIds = readAccountIds(conditions.accountIds);
  if (!payee && !notes && currency === null && accountIds === null) {
    throw badInput("a rule needs at least one condition", { field: "conditions" });
  }

  const setCategoryId = readText(actions.setCategoryId, "actions.setCategoryId");
  const renamePayee = readText(actions.renamePayee, "actions.renamePayee");
  const addTags = readTags(actions.addTags);
  if (setCategoryId === null && renamePayee === null && addTags.length === 0) {
    throw badInput("a rule needs at least one action", { field: "actions" });
  }

  return { id, payee, notes, currency, amountMin, amountMax, accountIds, setCategoryId, renamePayee, addTags };
}

function readBound(value: bigint | null | undefined, field: string): bigint | null {
  if (value == null) return null;
  // GraphQL or JSON layers hand over numbers and strings; a float must never become a bound.
  if (typeof value !== "bigint") throw badInput(`${field} must be an integer amount in minor units`, { field });
  return value;
}

function readCurrency(value: string | null | undefined, hasBound: boolean): string | null {
  const field = "conditions.currency";
  if (value == null || (typeof value === "string" && value.trim() === "")) {
    if (hasBound) throw badInput("an amount condition needs a currency", { field });
    return null;
  }
  if (typeof value !== "string") throw badInput("currency must be an ISO-4217 code", { field });
  try {
    return normalizeCurrency(value);
  } catch {
    throw badInput(`unknown currency "${value.slice(0, 8)}"`, { field });
  }
}

function readAccountIds(value: string[] | null | undefined): ReadonlySet<string> | null {
  const field = "conditions.accountIds";
  if (value == null) return null;
  if (!Array.isArray(value)) throw badInput("accountIds must be a list", { field });
  if (value.length === 0) return null;
  if (value.length > RULE_LIMITS.maxAccountIds) {
    throw badInput(`at most ${RULE_LIMITS.maxAccountIds} accounts per rule`, { field });
  }
  for (const accountId of value) {
    if (typeof accountId !== "string" || accountId === "") throw badInput("account ids must not be empty", { field });
  }
  return new Set(value);
}

function readText(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  if (typeof value !== "string" || value.trim() === "") throw badInput(`${field} must not be empty`, { field });
  const text = value.normalize("NFC").trim();
  if (codePointLength(text) > RULE_LIMITS.maxTextLength) {
    throw badInput(`${field} must be at most ${RULE_LIMITS.maxTextLength} characters`, { field });
  }
  return text;
}

function readTags(value: string[] | null | undefined): string[] {
  const field = "actions.addTags";
  if (value == null) return [];
  if (!Array.isArray(value)) throw badInput("addTags must be a list", { field });
  if (value.length > RULE_LIMITS.maxTags) throw badInput(`at most ${RULE_LIMITS.maxTags} tags per rule`, { field });
  const tags: string[] = [];
  for (const raw of value) {
    if (typeof raw !== "string" || raw.trim() === "") throw badInput("tags must not be empty", { field });
    const tag = raw.normalize("NFC").trim();
    if (codePointLength(tag) > RULE_LIMITS.maxTagLength) {
      throw badInput(`a tag must be at most ${RULE_LIMITS.maxTagLength} characters`, { field });
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
