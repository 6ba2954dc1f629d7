import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { LoansPageRecordPaymentDocument } from "../../generated/graphql";
import { SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";

/** Records a payment on a loan; what is beyond the installments due is a prepayment. */
export function PaymentForm({ loanId, currency, startDate }: { loanId: string; currency: string; startDate: string }) {
  const format = useFormat();
  const pay = useApiMutation(LoansPageRecordPaymentDocument);
  const [amount, setAmount] = useState("");
  const [date, setDate] = useState(format.today());
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<string>();
  const parsed = parseAmountInput(amount, format.locale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setDone(undefined);
    if (!parsed) return;
    pay.mutate(
      { input: { loanId, amount: { amount: parsed, currency }, date } },
      {
        onSuccess: (data) => {
          const { prepayment } = data.recordLoanPayment;
          setDone(
            `Payment of ${format.money({ amount: parsed, currency })} recorded` +
              (Number(prepayment.amount) > 0 ? `, ${format.money(prepayment)} of it as a prepayment.` : "."),
          );
          setAmount("");
          setChecked(false);
        },
      },
    );
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="row">
        <TextField
          label={`Amount paid (${currency})`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={checked && !parsed ? "Enter an amount, like 250.00." : undefined}
          size={12}
        />
        <TextField
          label="Paid on"
          type="date"
          value={date}
          min={startDate}
          max={format.today()}
          onChange={(e) => setDate(e.target.value)}
        />
        <SubmitButton busy={pay.isPending}>Record payment</SubmitButton>
      </div>
      {pay.error && <ErrorMessage error={pay.error} overrides={{ LOAN_CLOSED: "This loan takes no more payments." }} />}
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </form>
  );
}
