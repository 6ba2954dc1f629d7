// The pure core Stryker mutates, by module: the README's Test section reports a score for each.
// Only modules whose unit tests run in vitest's `unit` project (no service needed) are listed;
// services, resolvers, entities and migrations are covered by the integration tests instead.
export const modules = {
  money: ["platform/money/money.ts"],
  events: ["platform/events/envelope.ts", "platform/events/inbox.ts", "platform/events/outbox.ts", "platform/events/delivery.ts"],
  time: ["platform/time/calendar-date.ts", "platform/time/recurrence/schedule.{cadence,occurrences,rule,validation}.ts"],
  auth: ["platform/auth/internal-token.ts"],
  idempotency: ["platform/idempotency/idempotency-keys.ts"],
  "double-entry": ["subgraphs/ledger/transactions/double-entry.ts"],
  rules: ["subgraphs/ledger/rules/engine/rule.{apply,compile}.ts", "subgraphs/ledger/rules/engine/text-matcher.ts"],
  "budget-periods": ["subgraphs/budgets/periods/{periods,carry-chain,progress,minor-units,period-inputs}.ts"],
  "group-splits": ["subgraphs/groups/expenses/split.ts", "subgraphs/groups/balances/{settle-up,zero-sum-partition,balances}.ts"],
  "investment-lots": ["subgraphs/investments/lots/{lot-book,position,replay,holding-term}.ts"],
  "investment-performance": ["subgraphs/investments/performance/{calendar-days,cash-flows,money-weighted,percent,time-weighted,xirr}.ts"],
  amortization: ["subgraphs/lending/schedule/{amortization,due-dates,loan-terms,rate,reschedule,schedule}.ts"],
  "tax-calculation": ["subgraphs/tax/calculator/{income-tax,rate-arithmetic,money-field}.ts"],
  categorizer: ["subgraphs/insights/categorizer/{features,naive-bayes,payee-tokens}.ts"],
};

/** Every module's files, or those of the modules named in STRYKER_MODULES (comma-separated). */
export function mutateGlobs(selection = process.env.STRYKER_MODULES) {
  const names = selection ? selection.split(",").map((s) => s.trim()) : Object.keys(modules);
  for (const name of names)
    if (!modules[name]) throw new Error(`unknown Stryker module ${name}; one of ${Object.keys(modules).join(", ")}`);
  return names.flatMap((name) => modules[name]);
}
