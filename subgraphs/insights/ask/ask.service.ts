import type { LedgerCategoryTree } from "../../../platform/read-models/index.js";
import type { AnalyticsService, LineFilter } from "../analytics/analytics.service.js";
import { compare, percentOf, savingsRate } from "../analytics/comparison.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import type { TransactionStore } from "../transactions/transaction.store.js";
import { type AnswerFigures, answerText, noFigures } from "./answer.text.js";
import { describeQuery, type InsightQuery, parseQuestion, type Unanswered } from "./index.js";

/** Payees a question's words are matched against: the user's most used. */
export const ASK_PAYEES = 200;

export type AskOutcome =
  | { understood: true; query: InsightQuery; interpretation: string; figures: AnswerFigures; text: string }
  | { understood: false; unanswered: Unanswered };

/**
 * Answers a question in plain words about the user's own money: parsed against their day, their
 * categories and their most used payees, then run through the analytics like any other read, so
 * the answer is the same figure the analytics fields give for the same range.
 */
export class AskService {
  constructor(
    private readonly settings: UserSettingsStore,
    private readonly tree: LedgerCategoryTree,
    private readonly transactions: TransactionStore,
    private readonly analytics: AnalyticsService,
  ) {}

  async ask(userId: string, question: string): Promise<AskOutcome> {
    const { firstDayOfWeek } = await this.settings.get(userId);
    const parsed = parseQuestion(question, {
      today: await this.settings.today(userId),
      categories: await this.tree.list(userId),
      payees: await this.transactions.frequentPayees(userId, ASK_PAYEES),
      // Identity numbers weekdays 1 (Monday) to 7 (Sunday); the parser 0 (Sunday) to 6.
      firstDayOfWeek: firstDayOfWeek % 7,
    });
    if (!parsed.understood) return { understood: false, unanswered: parsed.answer };
    const figures = await this.figures(userId, parsed.query);
    return {
      understood: true,
      query: parsed.query,
      interpretation: describeQuery(parsed.query),
      figures,
      text: answerText(parsed.query, figures),
    };
  }

  private async figures(userId: string, query: InsightQuery): Promise<AnswerFigures> {
    switch (query.kind) {
      case "SPENDING_TOTAL":
      case "INCOME_TOTAL": {
        const kind = query.kind === "SPENDING_TOTAL" ? "EXPENSE" : "INCOME";
        const b = await this.analytics.byCategory(userId, query.range, kind, true, filterOf(query));
        return { ...noFigures(b.currency), totalMinor: b.totalMinor, unconverted: b.unconverted };
      }
      case "COMPARE": {
        const kind = query.measure === "INCOME" ? "INCOME" : "EXPENSE";
        const a = await this.analytics.byCategory(userId, query.rangeA, kind, true, filterOf(query));
        const b = await this.analytics.byCategory(userId, query.rangeB, kind, true, filterOf(query));
        const c = compare(a, b);
        return {
          ...noFigures(a.currency),
          totalMinor: c.currentMinor,
          totalBMinor: c.previousMinor,
          changeMinor: c.changeMinor,
          changePercent: c.changePercent,
          unconverted: a.unconverted + b.unconverted,
        };
      }
      case "TOP_EXPENSES": {
        const { currency, items } = await this.analytics.largestExpenses(userId, query.range, query.limit, filterOf(query));
        return {
          ...noFigures(currency),
          items: items.map((e) => ({
            label: e.payee,
            amountMinor: e.amountMinor,
            date: e.date,
            transactionId: e.transactionId,
            categoryId: null,
            sharePercent: null,
          })),
        };
      }
      case "SPENDING_BY_CATEGORY": {
        const b = await this.analytics.byCategory(userId, query.range, "EXPENSE", true);
        return {
          ...noFigures(b.currency),
          totalMinor: b.totalMinor,
          items: b.items.map((i) => ({
            label: i.name,
            amountMinor: i.amountMinor,
            date: null,
            transactionId: null,
            categoryId: i.categoryId,
            sharePercent: percentOf(i.amountMinor, b.totalMinor),
          })),
          unconverted: b.unconverted,
        };
      }
      case "SAVINGS_RATE": {
        const income = await this.analytics.byCategory(userId, query.range, "INCOME", true);
        const spending = await this.analytics.byCategory(userId, query.range, "EXPENSE", true);
        const { savedMinor, ratePercent } = savingsRate(income.totalMinor, spending.totalMinor);
        return {
          ...noFigures(income.currency),
          totalMinor: savedMinor,
          incomeMinor: income.totalMinor,
          spendingMinor: spending.totalMinor,
          ratePercent,
          unconverted: income.unconverted + spending.unconverted,
        };
      }
    }
  }
}

function filterOf(query: { categories?: ReadonlyArray<{ id: string }>; payee?: string }): LineFilter {
  return {
    ...(query.categories ? { categoryIds: query.categories.map((c) => c.id) } : {}),
    ...(query.payee === undefined ? {} : { payee: query.payee }),
  };
}
