import { describe, expect, it } from "vitest";

import { draftFromRow, newDraft, newLine, postInput, readDraft, splitRemainder, updateInput } from "./transaction-draft";
import type { TransactionRow } from "./use-transaction-pages";

const base = () => ({ ...newDraft("acc", "2026-03-01"), payee: " Bakery ", amount: "12.50", tags: "food, food, weekend" });

describe("the add/edit form's draft", () => {
  it("signs money out, reads tags, and leaves the category to rules when none is chosen", () => {
    const read = readDraft(base(), "en-US", "EUR");
    expect(read).toEqual({
      ok: true,
      fields: {
        accountId: "acc",
        amount: { amount: "-12.50", currency: "EUR" },
        date: "2026-03-01",
        payee: "Bakery",
        notes: "",
        tags: ["food", "weekend"],
        category: { kind: "rules" },
      },
    });
    if (!read.ok) throw new Error("unreachable");
    expect(postInput(read.fields, "key")).not.toHaveProperty("categoryId");
    expect(updateInput(read.fields).splits).toEqual([{ categoryId: null, amount: { amount: "-12.50", currency: "EUR" } }]);
  });

  it("reads amounts in the person's locale and names bad fields as the API does", () => {
    const read = readDraft({ ...base(), amount: "1.234,5", direction: "in" }, "de-DE", "EUR");
    expect(read.ok && read.fields.amount).toEqual({ amount: "1234.5", currency: "EUR" });
    expect(readDraft({ ...base(), amount: "abc", date: "" }, "en-US", "EUR")).toEqual({
      ok: false,
      errors: { amount: "Enter an amount, like 12.50.", date: "Choose a date." },
    });
    expect(readDraft({ ...base(), amount: "0" }, "en-US", "EUR")).toMatchObject({ ok: false, errors: { amount: expect.any(String) } });
  });

  it("splits must add up: the remainder is shown live, and lines go out signed like the amount", () => {
    const draft = { ...base(), split: true, lines: [newLine("food", "10"), newLine("", "2")] };
    expect(splitRemainder(draft, "en-US")).toBe("0.50");
    expect(readDraft(draft, "en-US", "EUR")).toEqual({ ok: false, errors: { splits: "The lines must add up to the amount." } });
    const even = { ...draft, lines: [newLine("food", "10"), newLine("", "2.50")] };
    const read = readDraft(even, "en-US", "EUR");
    if (!read.ok) throw new Error("expected a valid draft");
    expect(postInput(read.fields, "k").splits).toEqual([
      { categoryId: "food", amount: { amount: "-10", currency: "EUR" } },
      { categoryId: null, amount: { amount: "-2.50", currency: "EUR" } },
    ]);
  });

  it("fills the form from a split transaction", () => {
    const row = {
      id: "t",
      kind: "EXPENSE",
      date: "2026-03-02",
      payee: "Market",
      notes: "",
      tags: ["x"],
      amount: { amount: "-1234.50", currency: "EUR" },
      account: { id: "acc", name: "A", currency: "EUR" },
      category: null,
      splits: [
        { memo: "", amount: { amount: "-1000.00", currency: "EUR" }, category: { id: "c1", name: "Food" } },
        { memo: "", amount: { amount: "-234.50", currency: "EUR" }, category: null },
      ],
    } as unknown as TransactionRow;
    const draft = draftFromRow(row, "de-DE");
    expect(draft).toMatchObject({ direction: "out", amount: "1234,50", split: true, tags: "x" });
    expect(draft.lines.map((l) => [l.categoryId, l.amount])).toEqual([
      ["c1", "1000,00"],
      ["", "234,50"],
    ]);
  });
});
