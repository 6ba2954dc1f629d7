import { type FormEvent, useState } from "react";

import { useApiMutation, useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { type BudgetPeriod, BudgetsPageCategoriesDocument, BudgetsPageCreateBudgetDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage, Loading } from "../../ui/status";
import { expenseCategoryTree } from "./budget-progress";
import { PERIOD_LABELS } from "./periods";

/** The expense categories a budget can cover, parents with their children indented. */
function CategoryChoices({ chosen, onChange }: { chosen: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const categories = useApiQuery(BudgetsPageCategoriesDocument, {});
  if (categories.error) return <ErrorMessage error={categories.error} />;
  if (!categories.data) return <Loading label="Loading categories" />;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="category-choices">
      <legend>Categories (each with its subcategories)</legend>
      {expenseCategoryTree(categories.data.categories).map(({ category, depth }) => (
        <label key={category.id} className={`check depth-${depth}`}>
          <input type="checkbox" checked={chosen.has(category.id)} onChange={(e) => toggle(category.id, e.target.checked)} />{" "}
          {category.name}
        </label>
      ))}
    </fieldset>
  );
}

/** A new budget: an amount per period in the base currency, for every expense or some categories. */
export function BudgetForm() {
  const format = useFormat();
  const [name, setName] = useState("");
  const [amount, setAmount] = useState("");
  const [period, setPeriod] = useState<BudgetPeriod>("MONTHLY");
  const [allExpenses, setAllExpenses] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [warning, setWarning] = useState("80");
  const [critical, setCritical] = useState("100");
  const [amountError, setAmountError] = useState<string>();
  const create = useApiMutation(BudgetsPageCreateBudgetDocument);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountInput(amount, format.locale);
    setAmountError(parsed ? undefined : "Enter an amount, for example 400 or 400.00.");
    // Nothing to send: the amount's error or the categories' hint says what is missing.
    if (!parsed || (!allExpenses && chosen.size === 0)) return;
    create.mutate(
      {
        input: {
          name: name.trim(),
          amount: { amount: parsed, currency: format.baseCurrency },
          period,
          categoryIds: allExpenses ? [] : [...chosen],
          warningPercent: Number(warning),
          criticalPercent: Number(critical),
        },
      },
      {
        onSuccess: () => {
          setName("");
          setAmount("");
          setChosen(new Set());
        },
      },
    );
  };

  return (
    <Card title="New budget" id="new-budget">
      <form className="stack" onSubmit={submit} aria-label="New budget">
        <TextField label="Budget name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <div className="row">
          <TextField
            label={`Amount per period (${format.baseCurrency})`}
            inputMode="decimal"
            required
            value={amount}
            error={amountError}
            onChange={(e) => setAmount(e.target.value)}
          />
          <SelectField label="Period" value={period} onChange={(e) => setPeriod(e.target.value as BudgetPeriod)}>
            {Object.entries(PERIOD_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <label className="check">
          <input type="checkbox" checked={allExpenses} onChange={(e) => setAllExpenses(e.target.checked)} /> Every expense
        </label>
        {!allExpenses && <CategoryChoices chosen={chosen} onChange={setChosen} />}
        {!allExpenses && chosen.size === 0 && <p className="field-hint">Tick at least one category, or budget every expense.</p>}
        <div className="row">
          <TextField
            label="Warn at (%)"
            type="number"
            min={1}
            max={1000}
            required
            value={warning}
            onChange={(e) => setWarning(e.target.value)}
          />
          <TextField
            label="Critical at (%)"
            type="number"
            min={1}
            max={1000}
            required
            value={critical}
            onChange={(e) => setCritical(e.target.value)}
          />
        </div>
        {create.error && <ErrorMessage error={create.error} />}
        <SubmitButton busy={create.isPending}>Create budget</SubmitButton>
      </form>
    </Card>
  );
}
