import { parseAmountInput } from "../../format/money";
import type { PostTransactionInput, SplitInput, UpdateTransactionInput } from "../../generated/graphql";
import { absolute, remainderOf, signed, toInputText, toUnits } from "./decimal";
import type { TransactionRow } from "./use-transaction-pages";

export interface SplitLine {
  key: number;
  categoryId: string;
  amount: string;
}

/** What the add/edit form holds: amounts as typed (in the person's locale, without a sign). */
export interface Draft {
  accountId: string;
  date: string;
  payee: string;
  direction: "out" | "in";
  amount: string;
  categoryId: string;
  split: boolean;
  lines: SplitLine[];
  notes: string;
  tags: string;
}

let nextKey = 1;
export const newLine = (categoryId = "", amount = ""): SplitLine => ({ key: nextKey++, categoryId, amount });

export const newDraft = (accountId: string, today: string): Draft => ({
  accountId,
  date: today,
  payee: "",
  direction: "out",
  amount: "",
  categoryId: "",
  split: false,
  lines: [newLine(), newLine()],
  notes: "",
  tags: "",
});

export function draftFromRow(row: TransactionRow, locale: string): Draft {
  const typed = (amount: string) => toInputText(absolute(amount), locale);
  const split = row.splits.length > 1;
  return {
    accountId: row.account?.id ?? "",
    date: row.date,
    payee: row.payee,
    direction: row.amount.amount.trim().startsWith("-") ? "out" : "in",
    amount: typed(row.amount.amount),
    categoryId: row.category?.id ?? "",
    split,
    lines: split ? row.splits.map((s) => newLine(s.category?.id ?? "", typed(s.amount.amount))) : [newLine(), newLine()],
    notes: row.notes,
    tags: row.tags.join(", "),
  };
}

const amountOf = (text: string, locale: string): string | undefined => {
  const parsed = parseAmountInput(text, locale);
  return parsed === undefined ? undefined : absolute(parsed);
};

/** What is left to assign to split lines (negative when they add up to more than the amount). */
export function splitRemainder(draft: Draft, locale: string): string {
  return remainderOf(
    amountOf(draft.amount, locale) ?? "0",
    draft.lines.map((line) => amountOf(line.amount, locale)),
  );
}

type Category = { kind: "rules" } | { kind: "one"; categoryId: string } | { kind: "split"; splits: SplitInput[] };
interface Fields {
  accountId: string;
  amount: { amount: string; currency: string };
  date: string;
  payee: string;
  notes: string;
  tags: string[];
  category: Category;
}
export type DraftResult = { ok: true; fields: Fields } | { ok: false; errors: Record<string, string> };

/**
 * The draft checked and signed, in the account's currency; or, per field (named as the API names
 * them), what is wrong before anything is sent.
 */
export function readDraft(draft: Draft, locale: string, currency: string): DraftResult {
  const errors: Record<string, string> = {};
  if (!draft.accountId) errors.accountId = "Choose an account.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = "Choose a date.";
  const amount = amountOf(draft.amount, locale);
  if (amount === undefined) errors.amount = "Enter an amount, like 12.50.";
  else if (toUnits(amount) === 0n) errors.amount = "The amount cannot be zero.";
  const money = (value: string) => ({ amount: signed(value, draft.direction), currency });
  let category: Category = draft.categoryId ? { kind: "one", categoryId: draft.categoryId } : { kind: "rules" };
  if (draft.split) {
    const splits: SplitInput[] = [];
    draft.lines.forEach((line, i) => {
      const value = amountOf(line.amount, locale);
      if (value === undefined || toUnits(value) === 0n) errors[`splits.${i}.amount`] = "Enter this line's amount.";
      else splits.push({ categoryId: line.categoryId || null, amount: money(value) });
    });
    if (amount !== undefined && Object.keys(errors).length === 0 && toUnits(splitRemainder(draft, locale)) !== 0n) {
      errors.splits = "The lines must add up to the amount.";
    }
    category = { kind: "split", splits };
  }
  if (Object.keys(errors).length > 0 || amount === undefined) return { ok: false, errors };
  const tags = [
    ...new Set(
      draft.tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return {
    ok: true,
    fields: {
      accountId: draft.accountId,
      amount: money(amount),
      date: draft.date,
      payee: draft.payee.trim(),
      notes: draft.notes.trim(),
      tags,
      category,
    },
  };
}

/** A new transaction; without a category the account's rules choose one. */
export function postInput(fields: Fields, idempotencyKey: string): PostTransactionInput {
  const { category, ...rest } = fields;
  return {
    ...rest,
    idempotencyKey,
    ...(category.kind === "one" ? { categoryId: category.categoryId } : {}),
    ...(category.kind === "split" ? { splits: category.splits } : {}),
  };
}

/** An edit replaces the category lines: one line without a category clears it. */
export function updateInput(fields: Fields): UpdateTransactionInput {
  const { category, ...rest } = fields;
  if (category.kind === "one") return { ...rest, categoryId: category.categoryId };
  if (category.kind === "split") return { ...rest, splits: category.splits };
  return { ...rest, splits: [{ categoryId: null, amount: fields.amount }] };
}
