import { useFormat } from "../../app/viewer";
import { isNegative } from "../../format/money";
import { TextField } from "../../ui/form";
import { type CategoryOption, CategoryOptionList } from "./options";
import { newLine, type SplitLine } from "./transaction-draft";

/** The category lines of a split, with what is left to assign shown as it is typed. */
export function SplitLines({
  lines,
  onChange,
  remainder,
  currency,
  categories,
  errors,
}: {
  lines: SplitLine[];
  onChange: (lines: SplitLine[]) => void;
  remainder: string;
  currency: string;
  categories: readonly CategoryOption[];
  errors: Record<string, string>;
}) {
  const format = useFormat();
  const update = (key: number, change: Partial<SplitLine>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...change } : l)));
  const left = { amount: remainder, currency };
  const balanced = /^-?0+(\.0+)?$/.test(remainder);
  return (
    <fieldset className="tx-split">
      <legend>Split between categories</legend>
      {lines.map((line, i) => (
        <div key={line.key} className="tx-split-line">
          <div className="field">
            <label htmlFor={`split-category-${line.key}`}>Line {i + 1} category</label>
            <select
              id={`split-category-${line.key}`}
              value={line.categoryId}
              onChange={(e) => update(line.key, { categoryId: e.target.value })}
            >
              <option value="">Uncategorised</option>
              <CategoryOptionList categories={categories} />
            </select>
          </div>
          <TextField
            label={`Line ${i + 1} amount`}
            inputMode="decimal"
            value={line.amount}
            error={errors[`splits.${i}.amount`]}
            onChange={(e) => update(line.key, { amount: e.target.value })}
          />
          <button
            type="button"
            className="button secondary small"
            aria-label={`Remove line ${i + 1}`}
            disabled={lines.length <= 2}
            onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="row tx-split-footer">
        <button
          type="button"
          className="button secondary small"
          onClick={() => onChange([...lines, newLine()])}
          disabled={lines.length >= 50}
        >
          Add line
        </button>
        <p className="tx-remainder" aria-live="polite" data-testid="split-remainder">
          {balanced ? (
            "The lines add up to the amount."
          ) : (
            <>
              {isNegative(left) ? "Over by " : "Left to assign: "}
              <span className="amount">{format.money({ amount: remainder.replace(/^-/, ""), currency })}</span>
            </>
          )}
        </p>
      </div>
      {errors.splits && <p className="field-error">{errors.splits}</p>}
    </fieldset>
  );
}
