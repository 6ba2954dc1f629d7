import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { InvestmentsPageRecordTradeDocument } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";

const QUANTITY = /^\d{1,15}(\.\d{1,18})?$/;

/** Records a buy or a sale; an unknown symbol becomes the person's own security, priced in `currency`. */
export function TradeForm({ portfolioId, currency }: { portfolioId: string; currency: string }) {
  const format = useFormat();
  const record = useApiMutation(InvestmentsPageRecordTradeDocument);
  const [type, setType] = useState<"BUY" | "SELL">("BUY");
  const [symbol, setSymbol] = useState("");
  const [quantity, setQuantity] = useState("");
  const [price, setPrice] = useState("");
  const [date, setDate] = useState(format.today());
  const [checked, setChecked] = useState(false);

  const units = quantity.trim().replace(",", ".");
  const unitPrice = parseAmountInput(price, format.locale);
  const quantityError = checked && !QUANTITY.test(units) ? "Enter a number of units, like 10 or 0.5." : undefined;
  const priceError = checked && !unitPrice ? "Enter a price, like 12.50." : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!QUANTITY.test(units) || !unitPrice) return;
    record.mutate(
      {
        input: {
          portfolioId,
          type,
          symbol: symbol.trim().toUpperCase(),
          quantity: units,
          price: { amount: unitPrice, currency },
          date,
        },
      },
      {
        onSuccess: () => {
          setQuantity("");
          setPrice("");
          setChecked(false);
        },
      },
    );
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="row">
        <SelectField label="Trade" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          <option value="BUY">Buy</option>
          <option value="SELL">Sell</option>
        </SelectField>
        <TextField label="Symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} required maxLength={32} size={10} />
        <TextField label="Date" type="date" value={date} max={format.today()} onChange={(e) => setDate(e.target.value)} required />
      </div>
      <div className="row">
        <TextField
          label="Units"
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={quantityError}
          size={10}
        />
        <TextField
          label={`Price per unit (${currency})`}
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          error={priceError}
          size={12}
        />
      </div>
      {record.error && (
        <ErrorMessage error={record.error} overrides={{ INSUFFICIENT_QUANTITY: "You do not hold that many units on that day." }} />
      )}
      <div>
        <SubmitButton busy={record.isPending}>Record trade</SubmitButton>
      </div>
    </form>
  );
}
