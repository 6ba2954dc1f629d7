import { useFormat } from "../../app/viewer";
import type { MoneyValue } from "../../format/money";

/** What you owe and are owed across open loans, per currency. */
export function DebtSummary({ owedByMe, owedToMe }: { owedByMe: readonly MoneyValue[]; owedToMe: readonly MoneyValue[] }) {
  const format = useFormat();
  const list = (values: readonly MoneyValue[]) =>
    values.length ? values.map((m) => format.money(m)).join(" · ") : format.money({ amount: "0", currency: format.baseCurrency });
  return (
    <dl className="figures">
      <div>
        <dt>You owe</dt>
        <dd className="amount" data-testid="owed-by-me">
          {list(owedByMe)}
        </dd>
      </div>
      <div>
        <dt>You are owed</dt>
        <dd className="amount" data-testid="owed-to-me">
          {list(owedToMe)}
        </dd>
      </div>
    </dl>
  );
}
