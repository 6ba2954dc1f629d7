/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountType =
  | 'CASH'
  | 'CHECKING'
  | 'CREDIT_CARD'
  | 'INVESTMENT_CASH'
  | 'LOAN'
  | 'SAVINGS';

export type AddGroupExpenseInput = {
  /** Positive. */
  amount: MoneyInput;
  /** YYYY-MM-DD. */
  date: string;
  /** 1 to 200 characters. */
  description: string;
  /** Required when amount is not in the group's currency: group-currency units per 1 unit of it. */
  exchangeRate?: string | null | undefined;
  groupId: string | number;
  /** Retrying with the same key and input returns the first expense. */
  idempotencyKey?: string | null | undefined;
  /** One of your own ledger accounts, in the expense's currency: the ledger books what you paid on it. NOT_FOUND when it is not yours (one created a moment ago can take a few seconds to reach groups: retry). */
  ledgerAccountId?: string | number | null | undefined;
  paidBy: Array<GroupPayerInput>;
  split: GroupSplitInput;
};

export type AddGroupMemberInput = {
  /** A person without an account (yet): 1 to 60 characters. */
  displayName: string;
  groupId: string | number;
};

/** Compares the size of amounts, whatever their sign, in one currency. */
export type AmountRangeInput = {
  currency: string;
  /** Decimal, inclusive. */
  max?: string | null | undefined;
  /** Decimal, inclusive. */
  min?: string | null | undefined;
};

/** WARNING: the warning threshold (BudgetThresholdReached); CRITICAL: the critical one (BudgetExceeded). */
export type BudgetAlertLevel =
  | 'CRITICAL'
  | 'WARNING';

/** Aligned to the user's first day of week and month start day. */
export type BudgetPeriod =
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'WEEKLY'
  | 'YEARLY';

export type BudgetStatus =
  | 'EXCEEDED'
  | 'ON_TRACK'
  | 'WARNING';

export type CategoryKind =
  | 'EXPENSE'
  | 'INCOME';

/** How a SELL picks the lots it closes. */
export type CostBasisMethod =
  /** Every open lot at the position's average cost per unit. */
  | 'AVERAGE_COST'
  /** Oldest lots first. */
  | 'FIFO';

export type CreateAccountInput = {
  /** Retrying with the same key returns the first result; kept at least 24 hours. */
  idempotencyKey?: string | null | undefined;
  name: string;
  /** Its currency is the account's. Negative for money owed (credit card, loan). */
  openingBalance: MoneyInput;
  /** YYYY-MM-DD. */
  openingDate: string;
  type: AccountType;
};

export type CreateBudgetInput = {
  /** Per period, in the base currency. */
  amount: MoneyInput;
  /** Expense categories (their subcategories included); [] for every expense. */
  categoryIds: Array<string | number>;
  /** 1-1000 %. */
  criticalPercent?: number | null | undefined;
  name: string;
  period: BudgetPeriod;
  rollover?: RolloverMode | null | undefined;
  /** A day in the first period (default today); rollover counts from there. */
  startDate?: string | null | undefined;
  /** 1-1000 %. */
  warningPercent?: number | null | undefined;
};

export type CreateContactInput = {
  email?: string | null | undefined;
  /** Retrying with the same key returns the first result; kept at least 24 hours. */
  idempotencyKey?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** Up to 2000 characters. */
  notes?: string | null | undefined;
};

export type CreateGroupInput = {
  /** ISO-4217; balances, settlements and savings goals are kept in it. */
  currency: string;
  /** How you appear to the others (1 to 60 characters); "Owner" when left out. */
  displayName?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
};

export type CreateGroupSavingsGoalInput = {
  /** YYYY-MM-DD, today or later. */
  deadline?: string | null | undefined;
  groupId: string | number;
  /** 1 to 100 characters. */
  name: string;
  /** Positive, in the group's currency. */
  target: MoneyInput;
};

export type CreateLoanInput = {
  /** Annual rate in percent, 0 to 100, a decimal string ("6.5"); never a float. */
  annualRatePercent: string;
  /** One of your contacts. */
  contactId: string | number;
  direction: LoanDirection;
  /** 0 to 365 (0 when left out). */
  graceDays?: number | null | undefined;
  /** Retrying with the same key returns the first result; kept at least 24 hours. */
  idempotencyKey?: string | null | undefined;
  lateFee?: LateFeeInput | null | undefined;
  /** AMORTIZING when left out. */
  method?: LoanMethod | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** REDUCE_TERM when left out. */
  prepaymentStrategy?: PrepaymentStrategy | null | undefined;
  /** Positive; its currency is the loan's. */
  principal: MoneyInput;
  /** 0 to 60 (3 when left out): InstallmentDue is announced that many days before. */
  remindDaysBefore?: number | null | undefined;
  /** false: an informal, interest-free loan repaid whenever (no installments, nothing overdue); leave out termMonths and method. */
  schedule?: boolean | null | undefined;
  /** YYYY-MM-DD, 1900 to 2100; installment k is due k months later. */
  startDate: string;
  /** 1 to 600; required unless schedule is false. */
  termMonths?: number | null | undefined;
};

export type CreatePortfolioInput = {
  costBasisMethod: CostBasisMethod;
  /** ISO-4217: values, returns and allocation are reported in it. */
  currency: string;
  idempotencyKey?: string | null | undefined;
  /** One of your ledger accounts, in the portfolio's currency, holding its cash. */
  ledgerAccountId?: string | number | null | undefined;
  /** 1 to 100 characters. */
  name: string;
};

export type CreateSavingsGoalInput = {
  /** One of your ledger accounts, where the money is kept. NOT_FOUND when it is not one of your accounts (one created a moment ago can take a few seconds to reach budgets: retry); BAD_USER_INPUT when it is archived. */
  linkedAccountId?: string | number | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** Positive, in your base currency. */
  target: MoneyInput;
  /** YYYY-MM-DD, today or later. */
  targetDate?: string | null | undefined;
};

/** Columns by header name, or by 0-based index written as digits. */
export type CsvMappingInput = {
  /** A signed amount column; or give debit and credit. */
  amount?: string | null | undefined;
  /** The bank's own id per row, when the export has one: the surest duplicate check. */
  bankTransactionId?: string | null | undefined;
  /** Money in. */
  credit?: string | null | undefined;
  date: string;
  /** e.g. yyyy-MM-dd, dd/MM/yyyy, MM/dd/yyyy, dd.MM.yyyy, yyyyMMdd. */
  dateFormat: string;
  /** Money out. */
  debit?: string | null | undefined;
  /** "." (default) or ",". */
  decimalSeparator?: string | null | undefined;
  /** ",", ";" or a tab; default ",". */
  delimiter?: string | null | undefined;
  /** Default true. */
  hasHeader?: boolean | null | undefined;
  /** For banks that print money out as positive. */
  invertSign?: boolean | null | undefined;
  memo?: string | null | undefined;
  payee?: string | null | undefined;
};

/** Calendar days, both included (YYYY-MM-DD, 1900–2100), at most twenty years. */
export type DateRangeInput = {
  from: string;
  to: string;
};

export type GroupPayerInput = {
  /** Decimal in the expense's currency; the payers add up to the amount. */
  amount: string;
  memberId: string | number;
};

/** OWNER: one per group, archives it and gives roles. ADMIN: invites, renames, removes members, makes members viewers and back. MEMBER: expenses, settlements, goals, comments. VIEWER: sees everything, changes nothing (may only leave). */
export type GroupRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

export type GroupSavingsGoalMovementInput = {
  /** Positive, in the goal's currency. */
  amount: MoneyInput;
  goalId: string | number;
  /** Retrying with the same key and input moves the money once. */
  idempotencyKey?: string | null | undefined;
  note?: string | null | undefined;
};

/** REACHED: saved ≥ target. ON_TRACK: no deadline, or saved at least the straight-line share due by today. BEHIND otherwise. */
export type GroupSavingsGoalStatus =
  | 'BEHIND'
  | 'ON_TRACK'
  | 'REACHED';

export type GroupSplitInput = {
  mode: SplitMode;
  /** Who shares the expense; each member once. */
  parts: Array<GroupSplitPartInput>;
};

export type GroupSplitPartInput = {
  memberId: string | number;
  /** Per mode: ignored (EQUAL), a weight (SHARES), an amount (EXACT), basis points (PERCENT). */
  value?: string | null | undefined;
};

/** OFX also reads QFX; QIF is Quicken Interchange Format; CAMT053 is the ISO 20022 bank-to-customer statement (XML). */
export type ImportFormat =
  | 'CAMT053'
  | 'CSV'
  | 'OFX'
  | 'QIF';

/** QUEUED (accepted, waiting for its job) → RUNNING → COMPLETED, or FAILED (the rows imported before the failure stay). */
export type ImportStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type ImportTransactionsInput = {
  accountId: string | number;
  /** The file's text; or give contentBase64. */
  content?: string | null | undefined;
  /** The file's bytes as uploaded, base64-encoded: UTF-8/UTF-16 (BOM or not) and declared or Windows-1252 single-byte files are decoded. */
  contentBase64?: string | null | undefined;
  /** QIF only: the date layout, "MM/dd/yy" (default; MM/dd'yy also read) or "dd/MM/yyyy". */
  dateFormat?: string | null | undefined;
  /** Omit to let the file's content decide (OFX header, QIF !Type:, CAMT namespace, else CSV); FORMAT_UNKNOWN when it cannot. */
  format?: ImportFormat | null | undefined;
  idempotencyKey?: string | null | undefined;
  /** Required for CSV. */
  mapping?: CsvMappingInput | null | undefined;
};

/** OVERDUE: unpaid graceDays after its due date, until paid in full (late fee included). */
export type InstallmentStatus =
  | 'OVERDUE'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'PENDING';

export type InvestmentTransactionType =
  /** Opens a lot: quantity at price, the fee added to its cost. */
  | 'BUY'
  /** Cash put into the portfolio (amount): the portfolio then holds cash. */
  | 'DEPOSIT'
  /** Cash paid by a security (amount); fee: tax withheld. */
  | 'DIVIDEND'
  /** A fee paid (amount), on a security or on the portfolio. */
  | 'FEE'
  /** Interest (amount), on a security or on the cash. */
  | 'INTEREST'
  /** Closes lots by the portfolio's cost basis method; the fee reduces the proceeds. */
  | 'SELL'
  /** splitRatio new units per old unit: quantities scale, cost stays. */
  | 'SPLIT'
  /** Cash taken out of the portfolio (amount). */
  | 'WITHDRAWAL';

/** Exactly one of flat or percent. */
export type LateFeeInput = {
  /** A fixed fee, in the loan's currency. */
  flat?: MoneyInput | null | undefined;
  /** Percent of what is unpaid of the installment, above 0 and at most 100 ("5"). */
  percent?: string | null | undefined;
};

/** BORROWED: you owe the contact. LENT: the contact owes you. */
export type LoanDirection =
  | 'BORROWED'
  | 'LENT';

/** AMORTIZING: equal payments (an annuity), interest on the balance. SIMPLE: simple interest P × rate × n/12, principal and interest each in equal parts. INTEREST_ONLY: interest on the balance each month, the principal with the last installment. See Loan for the exact convention. */
export type LoanMethod =
  | 'AMORTIZING'
  | 'INTEREST_ONLY'
  | 'SIMPLE';

/** OVERDUE while any installment is; PAID_OFF once nothing is owed; WRITTEN_OFF when given up (both take no payments). */
export type LoanStatus =
  | 'ACTIVE'
  | 'OVERDUE'
  | 'PAID_OFF'
  | 'WRITTEN_OFF';

export type LoginInput = {
  email: string;
  password: string;
};

/** Either ids (at most 500) or all: true. */
export type MarkNotificationsReadInput = {
  all?: boolean | null | undefined;
  ids?: Array<string | number> | null | undefined;
};

export type MoneyInput = {
  /** Decimal string, e.g. "12.30". */
  amount: string;
  /** ISO-4217 currency code. */
  currency: string;
};

/** What a notification is about; users choose channels per kind. */
export type NotificationKind =
  | 'ANOMALY'
  | 'API_KEY_CREATED'
  | 'BANK_CONNECTION_NEEDS_ATTENTION'
  | 'BILL_DUE'
  | 'BUDGET_EXCEEDED'
  | 'BUDGET_THRESHOLD'
  | 'CHANNEL_PAUSED'
  | 'GROUP_EXPENSE'
  | 'GROUP_GOAL_REACHED'
  | 'GROUP_INVITATION'
  | 'INSTALLMENT_DUE'
  | 'INSTALLMENT_OVERDUE'
  | 'MFA_CHANGED'
  | 'NEGATIVE_BALANCE_PROJECTED'
  | 'NEW_SIGN_IN'
  | 'REPORT_READY'
  | 'SAVINGS_GOAL_REACHED'
  | 'WEBHOOK_DISABLED';

export type PostTransactionInput = {
  accountId: string | number;
  /** Negative for money out (expense), positive for money in (income); in the account's currency. */
  amount: MoneyInput;
  /** One category for the whole amount. Leave it out (with no splits) to let rules choose. */
  categoryId?: string | number | null | undefined;
  /** Calendar date, YYYY-MM-DD, 1900-2100, not before the account's opening date. */
  date: string;
  /** Retrying with the same key returns the first result; kept at least 24 hours. */
  idempotencyKey?: string | null | undefined;
  notes?: string | null | undefined;
  payee?: string | null | undefined;
  /** Several categories; they add up to the amount. */
  splits?: Array<SplitInput> | null | undefined;
  /** Default CLEARED; RECONCILED locks it. */
  status?: TransactionStatus | null | undefined;
  tags?: Array<string> | null | undefined;
};

/** What a prepayment shortens: the number of installments left (same payment), or the payment (same end date). */
export type PrepaymentStrategy =
  | 'REDUCE_PAYMENT'
  | 'REDUCE_TERM';

export type RecordInvestmentTransactionInput = {
  /** DIVIDEND, INTEREST, FEE, DEPOSIT, WITHDRAWAL: positive. */
  amount?: MoneyInput | null | undefined;
  /** YYYY-MM-DD, from 1900 on, not after today. */
  date: string;
  /** Not negative, in the price's or amount's currency: a BUY's joins the lot's cost, a SELL's reduces proceeds, on income it is tax withheld. */
  fee?: MoneyInput | null | undefined;
  idempotencyKey?: string | null | undefined;
  /** Up to 500 characters. */
  note?: string | null | undefined;
  portfolioId: string | number;
  /** BUY and SELL: per unit, positive, in the security's currency. */
  price?: MoneyInput | null | undefined;
  /** BUY and SELL: units, a positive decimal string of up to 18 decimals ("0.5", "1.000000000000000001"). */
  quantity?: string | null | undefined;
  /** SPLIT: new units per old unit, "2" for 2-for-1, "0.1" for 1-for-10. */
  splitRatio?: string | null | undefined;
  /** BUY, SELL, SPLIT and DIVIDEND: the security (a BUY or SELL of an unknown symbol creates your own, in the price's currency). INTEREST and FEE: optional. DEPOSIT and WITHDRAWAL: none. */
  symbol?: string | null | undefined;
  type: InvestmentTransactionType;
};

export type RecordLoanPaymentInput = {
  /** Positive, in the loan's currency, at most what pays the loan off on that date. */
  amount: MoneyInput;
  /** YYYY-MM-DD, from the loan's start to today. */
  date: string;
  /** Retrying with the same key returns the first result; kept at least 24 hours. */
  idempotencyKey?: string | null | undefined;
  /** One of your own ledger accounts, in the loan's currency: the ledger books the payment on it (money out on a BORROWED loan, in on a LENT one), split into principal and interest. */
  ledgerAccountId?: string | number | null | undefined;
  loanId: string | number;
};

export type RecordSettlementInput = {
  /** Positive, in the group's currency. More than is owed is allowed: the balances flip. */
  amount: MoneyInput;
  /** YYYY-MM-DD. */
  date: string;
  fromMemberId: string | number;
  groupId: string | number;
  idempotencyKey?: string | null | undefined;
  /** One of your own ledger accounts, in the group's currency: money out when you are paying, in when you are paid. */
  ledgerAccountId?: string | number | null | undefined;
  note?: string | null | undefined;
  toMemberId: string | number;
};

export type RegisterInput = {
  /** ISO-4217 code ("EUR") of the currency net worth, budgets and reports are counted in; amounts in other currencies are converted at your exchange rates. Left out: USD. Change it later with updateFinancialPreferences. */
  baseCurrency?: string | null | undefined;
  displayName: string;
  email: string;
  /** At least 12 characters, not a common password. */
  password: string;
};

/** NONE: each period starts fresh. LEFTOVER: an unspent remainder carries forward. ENVELOPE: remainder and overspend both carry. */
export type RolloverMode =
  | 'ENVELOPE'
  | 'LEFTOVER'
  | 'NONE';

/** REACHED: saved ≥ target. ON_TRACK: no target date, or saved at least the straight-line share due by today. BEHIND otherwise. */
export type SavingsGoalStatus =
  | 'BEHIND'
  | 'ON_TRACK'
  | 'REACHED';

export type SecurityKind =
  | 'BOND'
  | 'CASH'
  | 'CRYPTO'
  | 'ETF'
  | 'FUND'
  | 'OTHER'
  | 'STOCK';

/** Fields left out keep their value (or what the year carried over from an earlier one). */
export type SetTaxProfileInput = {
  /** At most 500; the others keep theirs. */
  categories?: Array<TaxCategoryTreatmentInput> | null | undefined;
  /** Qualifying children, 0 to 20. */
  dependants?: number | null | undefined;
  dividendsQualified?: boolean | null | undefined;
  /** One of the table's filing statuses. */
  filingStatus?: string | null | undefined;
  jurisdiction?: string | null | undefined;
  /** Tax withheld or paid outside the ledger; in the table's currency, not negative. */
  otherWithholding?: MoneyInput | null | undefined;
  /** Pin a named law revision of the year; null: the newest. */
  revision?: string | null | undefined;
  /** A year with tax tables for the jurisdiction (see taxTables). */
  year: number;
};

export type SplitInput = {
  /** Signed like the transaction; the splits add up to its amount. */
  amount: MoneyInput;
  /** Null: uncategorised. */
  categoryId?: string | number | null | undefined;
  memo?: string | null | undefined;
};

/** EQUAL: the same for each part (value ignored). SHARES: in proportion to each value ("1", "1.5"). EXACT: each value an amount, adding up to the expense. PERCENT: each value in basis points, adding up to 10000. */
export type SplitMode =
  | 'EQUAL'
  | 'EXACT'
  | 'PERCENT'
  | 'SHARES';

export type TaxCategoryTreatmentInput = {
  /** One of your ledger categories. */
  categoryId: string | number;
  /** null: back to the default (a parent's choice, the name or the kind). */
  treatment?: TaxTreatment | null | undefined;
};

export type TaxDeductionKind =
  | 'ITEMIZED'
  | 'STANDARD';

/** How a ledger category counts for tax. */
export type TaxTreatment =
  /** Paid out and subtracted before AGI (IRA or HSA contributions, student loan interest). */
  | 'ADJUSTMENT'
  /** An itemized deduction counted in full (charity, mortgage interest). */
  | 'DEDUCTION'
  /** Medical expenses: itemized above the year's floor (7.5 % of AGI in the US). */
  | 'MEDICAL'
  /** Does not count. */
  | 'NONE'
  /** State and local taxes: itemized, up to the year's SALT cap. */
  | 'STATE_AND_LOCAL_TAX'
  /** Income that is taxed (wages, freelance income...). */
  | 'TAXABLE_INCOME'
  /** Tax withheld or paid ahead (estimated payments): reduces what is left to pay. */
  | 'TAX_PAYMENT';

export type TransactionFilter = {
  /** On any of these accounts (as source or destination). */
  accountIds?: Array<string | number> | null | undefined;
  amount?: AmountRangeInput | null | undefined;
  /** With a line in any of these categories or their subcategories. */
  categoryIds?: Array<string | number> | null | undefined;
  /** YYYY-MM-DD, inclusive. */
  dateFrom?: string | null | undefined;
  /** YYYY-MM-DD, inclusive. */
  dateTo?: string | null | undefined;
  /** true: only deleted transactions (to restore them). Default: only live ones. */
  deleted?: boolean | null | undefined;
  kinds?: Array<TransactionKind> | null | undefined;
  /** Payees containing this text (any case: "super", "market" and "MARKET" find "Supermarket"), or full-text search over payee and notes (web-search syntax: words, "phrases", -not). */
  search?: string | null | undefined;
  /** Created by any of these paths (see TransactionSource). */
  source?: Array<TransactionSource> | null | undefined;
  statuses?: Array<TransactionStatus> | null | undefined;
  /** Having every one of these tags. */
  tags?: Array<string> | null | undefined;
  /** Only income/expenses with an uncategorised line. */
  uncategorized?: boolean | null | undefined;
};

export type TransactionKind =
  | 'EXPENSE'
  | 'INCOME'
  | 'TRANSFER';

/** Where a transaction came from; set when it is created, kept through edits. */
export type TransactionSource =
  /** Fetched from a connected bank. */
  | 'BANK_SYNC'
  /** Booked from a group expense or settlement. */
  | 'GROUP'
  /** From an uploaded statement file (importTransactions). */
  | 'IMPORT'
  /** Booked from a loan payment. */
  | 'LENDING'
  /** Posted or transferred by the user (postTransaction, transferBetweenAccounts). */
  | 'MANUAL'
  /** Created by confirming a scanned receipt. */
  | 'RECEIPT'
  /** Posted by a recurring schedule on its due date. */
  | 'RECURRING'
  /** Reserved for transactions created by rules; rules only rename, categorise and tag today. */
  | 'RULE';

export type TransactionStatus =
  | 'CLEARED'
  | 'PENDING'
  | 'RECONCILED';

/** Only the fields given change. categoryId or splits replace the category lines; a new amount on a split transaction needs new splits. */
export type UpdateTransactionInput = {
  /** Income/expense only: move to another account of the amount's currency. */
  accountId?: string | number | null | undefined;
  amount?: MoneyInput | null | undefined;
  categoryId?: string | number | null | undefined;
  date?: string | null | undefined;
  notes?: string | null | undefined;
  payee?: string | null | undefined;
  splits?: Array<SplitInput> | null | undefined;
  status?: TransactionStatus | null | undefined;
  tags?: Array<string> | null | undefined;
  /** Transfers across currencies: what arrived. */
  toAmount?: MoneyInput | null | undefined;
};

/** Spacing of a value history's points, from `from` on. */
export type ValueInterval =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type SessionTokensFragment = { accessToken: string, refreshToken: string, expiresAt: string };

export type SignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SignInMutation = { login:
    | { __typename: 'AuthPayload', accessToken: string, refreshToken: string, expiresAt: string }
    | { __typename: 'MfaChallenge', challenge: string, expiresAt: string }
   };

export type VerifyMfaCodeMutationVariables = Exact<{
  challenge: string;
  code: string;
}>;


export type VerifyMfaCodeMutation = { verifyMfa: { accessToken: string, refreshToken: string, expiresAt: string } };

export type RegisterUserMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterUserMutation = { register: { accessToken: string, refreshToken: string, expiresAt: string } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string, expiresAt: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { logout: boolean };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { id: string, email: string, displayName: string, locale: string, timezone: string, preferences: { baseCurrency: string } } | null };

export type AccountsPageListQueryVariables = Exact<{
  includeArchived: boolean;
}>;


export type AccountsPageListQuery = { accounts: Array<{ id: string, name: string, type: AccountType, currency: string, archived: boolean, openingDate: string, balance: { amount: string, currency: string } }> };

export type AccountsPageCreateMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type AccountsPageCreateMutation = { createAccount: { id: string } };

export type AccountsPageRenameMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type AccountsPageRenameMutation = { renameAccount: { id: string, name: string } };

export type AccountsPageArchiveMutationVariables = Exact<{
  id: string | number;
}>;


export type AccountsPageArchiveMutation = { archiveAccount: { id: string, archived: boolean } };

export type AccountsPageUnarchiveMutationVariables = Exact<{
  id: string | number;
}>;


export type AccountsPageUnarchiveMutation = { unarchiveAccount: { id: string, archived: boolean } };

export type BudgetsPageBudgetFragment = { id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } };

export type BudgetsPageBudgetsQueryVariables = Exact<{
  includeArchived: boolean;
}>;


export type BudgetsPageBudgetsQuery = { budgets: Array<{ id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } }> };

export type BudgetsPageBudgetUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageBudgetUpdatedSubscription = { budgetUpdated: { id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } } };

export type BudgetsPageCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetsPageCategoriesQuery = { categories: Array<{ id: string, name: string, kind: CategoryKind, parentId: string | null }> };

export type BudgetsPageCreateBudgetMutationVariables = Exact<{
  input: CreateBudgetInput;
}>;


export type BudgetsPageCreateBudgetMutation = { createBudget: { id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } } };

export type BudgetsPageArchiveBudgetMutationVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageArchiveBudgetMutation = { archiveBudget: { id: string, archived: boolean } };

export type BudgetsPageUnarchiveBudgetMutationVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageUnarchiveBudgetMutation = { unarchiveBudget: { id: string, archived: boolean } };

export type BudgetsPageGoalFragment = { id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null };

export type BudgetsPageGoalsQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetsPageGoalsQuery = { savingsGoals: Array<{ id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null }> };

export type BudgetsPageGoalUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageGoalUpdatedSubscription = { savingsGoalUpdated: { id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null } | null };

export type BudgetsPageCreateGoalMutationVariables = Exact<{
  input: CreateSavingsGoalInput;
}>;


export type BudgetsPageCreateGoalMutation = { createSavingsGoal: { id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null } };

export type BudgetsPageContributeMutationVariables = Exact<{
  id: string | number;
  amount: MoneyInput;
  idempotencyKey?: string | null | undefined;
}>;


export type BudgetsPageContributeMutation = { contributeToGoal: { id: string } };

export type BudgetsPageWithdrawMutationVariables = Exact<{
  id: string | number;
  amount: MoneyInput;
  idempotencyKey?: string | null | undefined;
}>;


export type BudgetsPageWithdrawMutation = { withdrawFromGoal: { id: string } };

export type BudgetsPageArchiveGoalMutationVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageArchiveGoalMutation = { archiveSavingsGoal: { id: string, archived: boolean } };

export type GroupPageMemberFragment = { id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number };

export type GroupPageGoalFragment = { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> };

export type GroupPageGroupFragment = { id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, me: { id: string }, members: Array<{ id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number }>, balances: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, settlementPlan: Array<{ from: { id: string, displayName: string }, to: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, latestExpense: { id: string, updatedAt: string } | null, settlements: Array<{ id: string, date: string, amount: { amount: string, currency: string }, from: { id: string, displayName: string }, to: { id: string, displayName: string } }>, savingsGoals: Array<{ id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> }> };

export type GroupPageDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type GroupPageDetailQuery = { group: { id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, me: { id: string }, members: Array<{ id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number }>, balances: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, settlementPlan: Array<{ from: { id: string, displayName: string }, to: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, latestExpense: { id: string, updatedAt: string } | null, settlements: Array<{ id: string, date: string, amount: { amount: string, currency: string }, from: { id: string, displayName: string }, to: { id: string, displayName: string } }>, savingsGoals: Array<{ id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> }> } | null };

export type GroupPageExpensesQueryVariables = Exact<{
  id: string | number;
}>;


export type GroupPageExpensesQuery = { group: { id: string, expenses: { nodes: Array<{ id: string, description: string, date: string, splitMode: SplitMode, amount: { amount: string, currency: string }, groupAmount: { amount: string, currency: string }, paidBy: Array<{ member: { displayName: string } }> }> } } | null };

export type GroupPageGroupUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type GroupPageGroupUpdatedSubscription = { groupUpdated: { id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, me: { id: string }, members: Array<{ id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number }>, balances: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, settlementPlan: Array<{ from: { id: string, displayName: string }, to: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, latestExpense: { id: string, updatedAt: string } | null, settlements: Array<{ id: string, date: string, amount: { amount: string, currency: string }, from: { id: string, displayName: string }, to: { id: string, displayName: string } }>, savingsGoals: Array<{ id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> }> } | null };

export type GroupPageGoalUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type GroupPageGoalUpdatedSubscription = { groupSavingsGoalUpdated: { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> } | null };

export type GroupPageAddMemberMutationVariables = Exact<{
  input: AddGroupMemberInput;
}>;


export type GroupPageAddMemberMutation = { addGroupMember: { id: string } };

export type GroupPageRemoveMemberMutationVariables = Exact<{
  groupId: string | number;
  memberId: string | number;
}>;


export type GroupPageRemoveMemberMutation = { removeGroupMember: { id: string } };

export type GroupPageCreateInviteMutationVariables = Exact<{
  groupId: string | number;
}>;


export type GroupPageCreateInviteMutation = { createGroupInvite: { id: string, code: string | null, expiresAt: string } };

export type GroupPageAddExpenseMutationVariables = Exact<{
  input: AddGroupExpenseInput;
}>;


export type GroupPageAddExpenseMutation = { addGroupExpense: { id: string } };

export type GroupPageDeleteExpenseMutationVariables = Exact<{
  id: string | number;
}>;


export type GroupPageDeleteExpenseMutation = { deleteGroupExpense: { id: string, deleted: boolean } };

export type GroupPageRecordSettlementMutationVariables = Exact<{
  input: RecordSettlementInput;
}>;


export type GroupPageRecordSettlementMutation = { recordSettlement: { id: string } };

export type GroupPageCreateGoalMutationVariables = Exact<{
  input: CreateGroupSavingsGoalInput;
}>;


export type GroupPageCreateGoalMutation = { createGroupSavingsGoal: { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> } };

export type GroupPageContributeMutationVariables = Exact<{
  input: GroupSavingsGoalMovementInput;
}>;


export type GroupPageContributeMutation = { contributeToGroupSavingsGoal: { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> } };

export type GroupsPageListQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupsPageListQuery = { groups: Array<{ id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, members: Array<{ id: string }>, me: { id: string, balance: { amount: string, currency: string } | null } }> };

export type GroupsPageCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type GroupsPageCreateMutation = { createGroup: { id: string, name: string } };

export type GroupsPageJoinMutationVariables = Exact<{
  code: string;
  displayName?: string | null | undefined;
}>;


export type GroupsPageJoinMutation = { joinGroup: { id: string, name: string } };

export type InsightsPageMoneyFragment = { amount: string, currency: string };

export type InsightsPageForecastQueryVariables = Exact<{
  days: number;
}>;


export type InsightsPageForecastQuery = { cashflowForecast: { today: string, from: string, to: string, notes: Array<string>, totals: Array<{ currency: string, startingBalance: { amount: string, currency: string }, lowest: { date: string, balance: { amount: string, currency: string } }, series: Array<{ date: string, value: string }> }>, warnings: Array<{ accountId: string, name: string, firstDate: string, daysBelowZero: number, lowest: { date: string, balance: { amount: string, currency: string } } }> } };

export type InsightsPageAnomaliesQueryVariables = Exact<{ [key: string]: never; }>;


export type InsightsPageAnomaliesQuery = { anomalies: Array<{ id: string, kind: string, explanation: string, date: string, detectedAt: string }> };

export type InsightsPageSavingsQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type InsightsPageSavingsQuery = { savingsRate: { ratePercent: string | null, income: { amount: string, currency: string }, spending: { amount: string, currency: string }, saved: { amount: string, currency: string } } };

export type InsightsPageRecommendationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InsightsPageRecommendationsQuery = { recommendations: Array<{ id: string, kind: string, title: string, explanation: string, figures: Array<{ label: string, value: string }> }> };

export type InsightsPageDismissAnomalyMutationVariables = Exact<{
  id: string | number;
}>;


export type InsightsPageDismissAnomalyMutation = { dismissAnomaly: { id: string, dismissedAt: string | null } };

export type InsightsPageDismissRecommendationMutationVariables = Exact<{
  id: string | number;
}>;


export type InsightsPageDismissRecommendationMutation = { dismissRecommendation: boolean };

export type InvestmentsPagePortfoliosQueryVariables = Exact<{ [key: string]: never; }>;


export type InvestmentsPagePortfoliosQuery = { portfolios: Array<{ id: string, name: string, currency: string, costBasisMethod: CostBasisMethod }> };

export type InvestmentsPageHoldingsQueryVariables = Exact<{
  id: string | number;
}>;


export type InvestmentsPageHoldingsQuery = { portfolio: { id: string, tracksCash: boolean, cash: Array<{ amount: string, currency: string }>, holdings: Array<{ id: string, quantity: string, priceDate: string | null, security: { id: string, symbol: string, name: string, kind: SecurityKind }, costBasis: { amount: string, currency: string }, price: { amount: string, currency: string } | null, marketValue: { amount: string, currency: string } | null, unrealizedGain: { amount: string, currency: string } | null }> } | null };

export type InvestmentsPageReturnsQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
}>;


export type InvestmentsPageReturnsQuery = { portfolio: { id: string, value: { amount: string, currency: string } | null, performance: { timeWeightedReturn: string | null, moneyWeightedReturn: string | null, gain: { amount: string, currency: string }, netContributions: { amount: string, currency: string } } | null } | null };

export type InvestmentsPageValueHistoryQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
  interval: ValueInterval;
}>;


export type InvestmentsPageValueHistoryQuery = { portfolio: { id: string, currency: string, valueHistory: Array<{ date: string, value: { amount: string } | null, netContributions: { amount: string } | null, missingPrice: { symbol: string } | null }> } | null };

export type InvestmentsPageCreatePortfolioMutationVariables = Exact<{
  input: CreatePortfolioInput;
}>;


export type InvestmentsPageCreatePortfolioMutation = { createPortfolio: { id: string } };

export type InvestmentsPageRecordTradeMutationVariables = Exact<{
  input: RecordInvestmentTransactionInput;
}>;


export type InvestmentsPageRecordTradeMutation = { recordInvestmentTransaction: { id: string } };

export type InvestmentsPagePortfolioUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type InvestmentsPagePortfolioUpdatedSubscription = { portfolioUpdated: { id: string, holdings: Array<{ id: string, quantity: string }> } | null };

export type LoansPageMoneyFragment = { amount: string, currency: string };

export type LoansPageListQueryVariables = Exact<{ [key: string]: never; }>;


export type LoansPageListQuery = { loans: Array<{ id: string, name: string, direction: LoanDirection, status: LoanStatus, contact: { id: string, name: string }, principal: { amount: string, currency: string }, outstandingPrincipal: { amount: string, currency: string }, amountOwed: { amount: string, currency: string }, nextDue: { number: number, dueDate: string, amountDue: { amount: string, currency: string } } | null }>, me: { id: string, debtSummary: { owedByMe: Array<{ amount: string, currency: string }>, owedToMe: Array<{ amount: string, currency: string }> } } | null };

export type LoansPageScheduleQueryVariables = Exact<{
  id: string | number;
}>;


export type LoansPageScheduleQuery = { loan: { id: string, name: string, status: LoanStatus, annualRatePercent: string, termMonths: number | null, method: LoanMethod | null, startDate: string, installmentAmount: { amount: string, currency: string } | null, totalInterest: { amount: string, currency: string }, schedule: Array<{ number: number, dueDate: string, status: InstallmentStatus, payment: { amount: string, currency: string }, interest: { amount: string, currency: string }, principal: { amount: string, currency: string }, balance: { amount: string, currency: string }, amountDue: { amount: string, currency: string } }> } | null };

export type LoansPageContactsQueryVariables = Exact<{ [key: string]: never; }>;


export type LoansPageContactsQuery = { contacts: Array<{ id: string, name: string }> };

export type LoansPageCreateContactMutationVariables = Exact<{
  input: CreateContactInput;
}>;


export type LoansPageCreateContactMutation = { createContact: { id: string } };

export type LoansPageCreateLoanMutationVariables = Exact<{
  input: CreateLoanInput;
}>;


export type LoansPageCreateLoanMutation = { createLoan: { id: string } };

export type LoansPageRecordPaymentMutationVariables = Exact<{
  input: RecordLoanPaymentInput;
}>;


export type LoansPageRecordPaymentMutation = { recordLoanPayment: { id: string, prepayment: { amount: string, currency: string } } };

export type NotificationsPageItemFragment = { id: string, kind: NotificationKind, priority: string, title: string, body: string, link: string | null, createdAt: string, readAt: string | null };

export type NotificationsPageInboxQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  unreadOnly: boolean;
}>;


export type NotificationsPageInboxQuery = { unreadNotificationCount: number, notifications: { nodes: Array<{ id: string, kind: NotificationKind, priority: string, title: string, body: string, link: string | null, createdAt: string, readAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NotificationsPageMarkReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type NotificationsPageMarkReadMutation = { markNotificationsRead: { marked: number, unreadCount: number } };

export type NotificationsPageReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationsPageReceivedSubscription = { notificationReceived: { id: string, kind: NotificationKind, priority: string, title: string, body: string, link: string | null, createdAt: string, readAt: string | null } };

export type OverviewNetWorthQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type OverviewNetWorthQuery = { me: { id: string, netWorth: { amount: string, currency: string } | null } | null, netWorthHistory: { currency: string, leftOut: number, netWorth: Array<{ date: string, value: string }> } };

export type OverviewSpendingQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type OverviewSpendingQuery = { spendingByCategory: { currency: string, total: { amount: string, currency: string }, categories: Array<{ categoryId: string | null, name: string, sharePercent: string | null, amount: { amount: string, currency: string } }> } };

export type OverviewBudgetFragment = { id: string, name: string, warningPercent: number, criticalPercent: number, progress: { percentUsed: number, spent: { amount: string, currency: string }, available: { amount: string, currency: string } } };

export type OverviewBudgetsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewBudgetsQuery = { budgets: Array<{ id: string, name: string, warningPercent: number, criticalPercent: number, progress: { percentUsed: number, spent: { amount: string, currency: string }, available: { amount: string, currency: string } } }> };

export type OverviewBudgetUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type OverviewBudgetUpdatedSubscription = { budgetUpdated: { id: string, name: string, warningPercent: number, criticalPercent: number, progress: { percentUsed: number, spent: { amount: string, currency: string }, available: { amount: string, currency: string } } } };

export type OverviewUpcomingQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewUpcomingQuery = { upcomingBills: Array<{ dueDate: string, recurring: { id: string, payee: string, amount: { amount: string, currency: string } } }>, loans: Array<{ id: string, name: string, direction: LoanDirection, status: LoanStatus, nextDue: { number: number, dueDate: string, amountDue: { amount: string, currency: string } } | null }> };

export type OverviewNotificationFragment = { id: string, title: string, body: string, link: string | null, createdAt: string };

export type OverviewNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewNotificationsQuery = { unreadNotificationCount: number, notifications: { nodes: Array<{ id: string, title: string, body: string, link: string | null, createdAt: string }> } };

export type OverviewNotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OverviewNotificationReceivedSubscription = { notificationReceived: { id: string, title: string, body: string, link: string | null, createdAt: string } };

export type OverviewBudgetAlertFragment = { id: string, level: BudgetAlertLevel, createdAt: string, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, budget: { id: string, name: string } | null };

export type OverviewBudgetAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewBudgetAlertsQuery = { budgetAlerts: Array<{ id: string, level: BudgetAlertLevel, createdAt: string, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, budget: { id: string, name: string } | null }> };

export type OverviewBudgetAlertFiredSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OverviewBudgetAlertFiredSubscription = { budgetAlerts: { id: string, level: BudgetAlertLevel, createdAt: string, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, budget: { id: string, name: string } | null } };

export type TaxPageMoneyFragment = { amount: string, currency: string };

export type TaxPageProfileQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type TaxPageProfileQuery = { taxProfile: { year: number, jurisdiction: string, filingStatus: string, dependants: number, dividendsQualified: boolean, saved: boolean, carriedFrom: number | null, otherWithholding: { amount: string, currency: string } }, taxTables: Array<{ jurisdiction: string, year: number, revision: string, isDefault: boolean, currency: string, filingStatuses: Array<string> }> };

export type TaxPageSummaryQueryVariables = Exact<{
  year: number;
}>;


export type TaxPageSummaryQuery = { taxYearSummary: { year: number, jurisdiction: string, revision: string, filingStatus: string, currency: string, effectiveRatePercent: string, unconvertedItems: number, grossIncome: { amount: string, currency: string }, adjustedGrossIncome: { amount: string, currency: string }, deduction: { chosen: TaxDeductionKind, amount: { amount: string, currency: string } }, taxableIncome: { amount: string, currency: string }, capitalGains: { net: { amount: string, currency: string } }, estimatedTax: { amount: string, currency: string }, withheld: { amount: string, currency: string }, leftToPay: { amount: string, currency: string }, categories: Array<{ categoryId: string | null, name: string, treatment: TaxTreatment, amount: { amount: string, currency: string } }> } };

export type TaxPageSetProfileMutationVariables = Exact<{
  input: SetTaxProfileInput;
}>;


export type TaxPageSetProfileMutation = { setTaxProfile: { year: number, saved: boolean } };

export type TaxPageEstimateChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TaxPageEstimateChangedSubscription = { taxEstimateChanged: { id: string, year: number, estimatedTax: { amount: string, currency: string } } | null };

export type TransactionsPageRowFragment = { id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, source: TransactionSource, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> };

export type TransactionsPageListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: TransactionFilter | null | undefined;
}>;


export type TransactionsPageListQuery = { transactions: { nodes: Array<{ id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, source: TransactionSource, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TransactionsPageOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type TransactionsPageOptionsQuery = { accounts: Array<{ id: string, name: string, currency: string }>, categories: Array<{ id: string, name: string, kind: CategoryKind, parentId: string | null }> };

export type TransactionsPagePostMutationVariables = Exact<{
  input: PostTransactionInput;
}>;


export type TransactionsPagePostMutation = { postTransaction: { id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, source: TransactionSource, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> } };

export type TransactionsPageUpdateMutationVariables = Exact<{
  id: string | number;
  input: UpdateTransactionInput;
}>;


export type TransactionsPageUpdateMutation = { updateTransaction: { id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, source: TransactionSource, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> } };

export type TransactionsPageDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageDeleteMutation = { deleteTransaction: { id: string, payee: string, deleted: boolean } };

export type TransactionsPageRestoreMutationVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageRestoreMutation = { restoreTransaction: { id: string, deleted: boolean } };

export type TransactionsPagePostedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TransactionsPagePostedSubscription = { transactionPosted: { id: string } };

export type TransactionsPageImportFieldsFragment = { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> };

export type TransactionsPageImportMutationVariables = Exact<{
  input: ImportTransactionsInput;
}>;


export type TransactionsPageImportMutation = { importTransactions: { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> } };

export type TransactionsPageImportBatchQueryVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageImportBatchQuery = { importBatch: { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> } | null };

export type TransactionsPageImportUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageImportUpdatedSubscription = { importUpdated: { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> } };

export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const BudgetsPageBudgetFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BudgetsPageBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Budget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"allExpenses"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"warningPercent"}},{"kind":"Field","name":{"kind":"Name","value":"criticalPercent"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percentUsed"}},{"kind":"Field","name":{"kind":"Name","value":"daysRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BudgetsPageBudgetFragment, unknown>;
export const BudgetsPageGoalFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BudgetsPageGoal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavingsGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"targetDate"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredPerMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<BudgetsPageGoalFragment, unknown>;
export const GroupPageMemberFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isPlaceholder"}},{"kind":"Field","name":{"kind":"Name","value":"isMe"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]} as unknown as DocumentNode<GroupPageMemberFragment, unknown>;
export const GroupPageGoalFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageGoal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupSavingsGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<GroupPageGoalFragment, unknown>;
export const GroupPageGroupFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageGroup"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPageMember"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"settlementPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestExpense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"savingsGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPageGoal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isPlaceholder"}},{"kind":"Field","name":{"kind":"Name","value":"isMe"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageGoal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupSavingsGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<GroupPageGroupFragment, unknown>;
export const InsightsPageMoneyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InsightsPageMoney"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<InsightsPageMoneyFragment, unknown>;
export const LoansPageMoneyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LoansPageMoney"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<LoansPageMoneyFragment, unknown>;
export const NotificationsPageItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationsPageItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]} as unknown as DocumentNode<NotificationsPageItemFragment, unknown>;
export const OverviewBudgetFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Budget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"warningPercent"}},{"kind":"Field","name":{"kind":"Name","value":"criticalPercent"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percentUsed"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewBudgetFragment, unknown>;
export const OverviewNotificationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewNotification"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<OverviewNotificationFragment, unknown>;
export const OverviewBudgetAlertFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewBudgetAlert"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BudgetAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OverviewBudgetAlertFragment, unknown>;
export const TaxPageMoneyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaxPageMoney"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<TaxPageMoneyFragment, unknown>;
export const TransactionsPageRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionsPageRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"payee"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"splits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memo"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TransactionsPageRowFragment, unknown>;
export const TransactionsPageImportFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionsPageImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportBatch"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TransactionsPageImportFieldsFragment, unknown>;
export const SignInDocument = {"__meta__":{"documentId":"sha256:f568cc7de2e1a1292b6e9642edef65c3b3b836c0940b21014529fca4c0247bb2"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const VerifyMfaCodeDocument = {"__meta__":{"documentId":"sha256:35c8b1fd64c5c1db95a090cabc32a7e513676607460aef0ec8c8b9b1509d0776"}} as unknown as DocumentNode<VerifyMfaCodeMutation, VerifyMfaCodeMutationVariables>;
export const RegisterUserDocument = {"__meta__":{"documentId":"sha256:d0d26e3e3759c921b44efc85a3e2262ca2de8a5e2c595046890d7a1cd6e641cb"}} as unknown as DocumentNode<RegisterUserMutation, RegisterUserMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"documentId":"sha256:4d0edf70c9a73426f5f211ace935c5821f0ff95b5933aa84163bbdb81f8faae3"}} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"documentId":"sha256:bdee6123ce886c87c81f1d4d9c7cb5ce6672e7885895c44b70ed3b5fe754ec74"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ViewerDocument = {"__meta__":{"documentId":"sha256:6b8010cfc15f32372ca6a500926763883ef10f038b64a75f4ffbdced568a6234"}} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const AccountsPageListDocument = {"__meta__":{"documentId":"sha256:5f1ed609f6aabe654110954c3692c6272b07d2c3eeffea620bd32bb11c4fa693"}} as unknown as DocumentNode<AccountsPageListQuery, AccountsPageListQueryVariables>;
export const AccountsPageCreateDocument = {"__meta__":{"documentId":"sha256:77ca8524124a61e98722899f9979c8690c0bd6dbac1dd24f8b9c18e394538613"}} as unknown as DocumentNode<AccountsPageCreateMutation, AccountsPageCreateMutationVariables>;
export const AccountsPageRenameDocument = {"__meta__":{"documentId":"sha256:84e0f07bda3905a732e92c705a5b04a4071f73f07d847785743e869933d95ba3"}} as unknown as DocumentNode<AccountsPageRenameMutation, AccountsPageRenameMutationVariables>;
export const AccountsPageArchiveDocument = {"__meta__":{"documentId":"sha256:644484278ea74b1a5f54aa26fd3775fc16994c1d8ebe6c38804b45c4bd701b96"}} as unknown as DocumentNode<AccountsPageArchiveMutation, AccountsPageArchiveMutationVariables>;
export const AccountsPageUnarchiveDocument = {"__meta__":{"documentId":"sha256:1e0de7aa7c114d6f0a8e3a8e3f79f473bb3db175ccb750bc40cc0c077858c045"}} as unknown as DocumentNode<AccountsPageUnarchiveMutation, AccountsPageUnarchiveMutationVariables>;
export const BudgetsPageBudgetsDocument = {"__meta__":{"documentId":"sha256:7d19c5deaefbcfcfb9a6e7a80c0c504e5c4b2bbd4478dc0fd106ddf9c7fffa41"}} as unknown as DocumentNode<BudgetsPageBudgetsQuery, BudgetsPageBudgetsQueryVariables>;
export const BudgetsPageBudgetUpdatedDocument = {"__meta__":{"documentId":"sha256:7807b341b2b91fb862a6deaaa9ca3ce308a471e1884b10e9560be58a69d48c45"}} as unknown as DocumentNode<BudgetsPageBudgetUpdatedSubscription, BudgetsPageBudgetUpdatedSubscriptionVariables>;
export const BudgetsPageCategoriesDocument = {"__meta__":{"documentId":"sha256:0a21c5215b69faf0ded85863fc757bbdf3b7fe42e1754bac64a46586388ecb75"}} as unknown as DocumentNode<BudgetsPageCategoriesQuery, BudgetsPageCategoriesQueryVariables>;
export const BudgetsPageCreateBudgetDocument = {"__meta__":{"documentId":"sha256:9d4441e85e875c8c58cff00f51a1642d5a8888ccda5d641e00df1e7bc79697cb"}} as unknown as DocumentNode<BudgetsPageCreateBudgetMutation, BudgetsPageCreateBudgetMutationVariables>;
export const BudgetsPageArchiveBudgetDocument = {"__meta__":{"documentId":"sha256:b3e1fbd1d4aec9b23c081b328ea285d36c1a134380f8c65eea8693af2c2ed3e8"}} as unknown as DocumentNode<BudgetsPageArchiveBudgetMutation, BudgetsPageArchiveBudgetMutationVariables>;
export const BudgetsPageUnarchiveBudgetDocument = {"__meta__":{"documentId":"sha256:bf65e6be9bcc337400114bfa93189fd2e6a2b3a08823033bc757f7366682e55b"}} as unknown as DocumentNode<BudgetsPageUnarchiveBudgetMutation, BudgetsPageUnarchiveBudgetMutationVariables>;
export const BudgetsPageGoalsDocument = {"__meta__":{"documentId":"sha256:2ed73cd50c5f39bd2c8206933a038fdc93e61579faac9416bb7a796d59ada571"}} as unknown as DocumentNode<BudgetsPageGoalsQuery, BudgetsPageGoalsQueryVariables>;
export const BudgetsPageGoalUpdatedDocument = {"__meta__":{"documentId":"sha256:2539a752860a5cbd65816c8033a68207617d6fbcfd494e5c4ee686c5acb7aec5"}} as unknown as DocumentNode<BudgetsPageGoalUpdatedSubscription, BudgetsPageGoalUpdatedSubscriptionVariables>;
export const BudgetsPageCreateGoalDocument = {"__meta__":{"documentId":"sha256:3c6303c9f70402e7c542ea6aa6f08b42710fcca47656248de32fdfe8795b74bb"}} as unknown as DocumentNode<BudgetsPageCreateGoalMutation, BudgetsPageCreateGoalMutationVariables>;
export const BudgetsPageContributeDocument = {"__meta__":{"documentId":"sha256:21119833f95a7cdf0e62b197ac3d7dfe73eeb45984bdb393afa9f35bb339d47c"}} as unknown as DocumentNode<BudgetsPageContributeMutation, BudgetsPageContributeMutationVariables>;
export const BudgetsPageWithdrawDocument = {"__meta__":{"documentId":"sha256:e1a4b1043871d8a331ab140fe800e6802d48b807c6f1984844faf534cee8b9dd"}} as unknown as DocumentNode<BudgetsPageWithdrawMutation, BudgetsPageWithdrawMutationVariables>;
export const BudgetsPageArchiveGoalDocument = {"__meta__":{"documentId":"sha256:3a659209344391d67a472c00f88902d6226e1469b27a1bda1540835c40af23de"}} as unknown as DocumentNode<BudgetsPageArchiveGoalMutation, BudgetsPageArchiveGoalMutationVariables>;
export const GroupPageDetailDocument = {"__meta__":{"documentId":"sha256:6935b48575cc1f4a89c6894d359b9d5a8cdab7bf8c5dd34654af32da4cad4911"}} as unknown as DocumentNode<GroupPageDetailQuery, GroupPageDetailQueryVariables>;
export const GroupPageExpensesDocument = {"__meta__":{"documentId":"sha256:3e5259656f2e3f4f9b65e39c303b3205dc2cde8ca08a87443991df74adc27ecd"}} as unknown as DocumentNode<GroupPageExpensesQuery, GroupPageExpensesQueryVariables>;
export const GroupPageGroupUpdatedDocument = {"__meta__":{"documentId":"sha256:6192de5a6f55d8e7b3a4c438c6140962e6fcf4ec7d43fba18ed8eb451403357b"}} as unknown as DocumentNode<GroupPageGroupUpdatedSubscription, GroupPageGroupUpdatedSubscriptionVariables>;
export const GroupPageGoalUpdatedDocument = {"__meta__":{"documentId":"sha256:99e6802097534f98136f47d49e57356f6ffaaf0b5e5a8ee8dea37b0b50881967"}} as unknown as DocumentNode<GroupPageGoalUpdatedSubscription, GroupPageGoalUpdatedSubscriptionVariables>;
export const GroupPageAddMemberDocument = {"__meta__":{"documentId":"sha256:bebca50b1ea2f80b536732dc89be820a2c754f98a3da0ae773be53b3dddf66c4"}} as unknown as DocumentNode<GroupPageAddMemberMutation, GroupPageAddMemberMutationVariables>;
export const GroupPageRemoveMemberDocument = {"__meta__":{"documentId":"sha256:eecfce67f141ce7989dd82e1776e9ef46c43abaa9d3638e0b980266da9736933"}} as unknown as DocumentNode<GroupPageRemoveMemberMutation, GroupPageRemoveMemberMutationVariables>;
export const GroupPageCreateInviteDocument = {"__meta__":{"documentId":"sha256:0402bc75924935df562a859a3f38b1abafccaf06a6e45cb98d76f2852aa0c4d6"}} as unknown as DocumentNode<GroupPageCreateInviteMutation, GroupPageCreateInviteMutationVariables>;
export const GroupPageAddExpenseDocument = {"__meta__":{"documentId":"sha256:cf4401a8d5b911ea1d7560faa0e48c9eea206a5d37d68a08845d57d867d88121"}} as unknown as DocumentNode<GroupPageAddExpenseMutation, GroupPageAddExpenseMutationVariables>;
export const GroupPageDeleteExpenseDocument = {"__meta__":{"documentId":"sha256:a0572e6cc9791c98a838db0bd1442f060e96442f1510d44d4599d14dd4ff93d3"}} as unknown as DocumentNode<GroupPageDeleteExpenseMutation, GroupPageDeleteExpenseMutationVariables>;
export const GroupPageRecordSettlementDocument = {"__meta__":{"documentId":"sha256:0b0a5e2c8061f2d6f6c24df967c562d6331bc581b63213f7230bc6e368228937"}} as unknown as DocumentNode<GroupPageRecordSettlementMutation, GroupPageRecordSettlementMutationVariables>;
export const GroupPageCreateGoalDocument = {"__meta__":{"documentId":"sha256:759f3db0b6b1beb05a955fedb107d1ec24c2fbabcaea81876a7f13e196a56250"}} as unknown as DocumentNode<GroupPageCreateGoalMutation, GroupPageCreateGoalMutationVariables>;
export const GroupPageContributeDocument = {"__meta__":{"documentId":"sha256:c8621a1173134e7434b171bf8d596561b744e414884e29d86cbdf3b742dd6089"}} as unknown as DocumentNode<GroupPageContributeMutation, GroupPageContributeMutationVariables>;
export const GroupsPageListDocument = {"__meta__":{"documentId":"sha256:10a1863de2a2d066abebd2d0357dc1ce70468b92d315e8da4065f45015230cc2"}} as unknown as DocumentNode<GroupsPageListQuery, GroupsPageListQueryVariables>;
export const GroupsPageCreateDocument = {"__meta__":{"documentId":"sha256:b42e06f1fe3b81e453e42309e0a197259709f2028c5d843924fbb608c81c6623"}} as unknown as DocumentNode<GroupsPageCreateMutation, GroupsPageCreateMutationVariables>;
export const GroupsPageJoinDocument = {"__meta__":{"documentId":"sha256:253ee786dffa4584937d4d47400c3f930f5ff168deeba1e6e0ca5e9efedd013b"}} as unknown as DocumentNode<GroupsPageJoinMutation, GroupsPageJoinMutationVariables>;
export const InsightsPageForecastDocument = {"__meta__":{"documentId":"sha256:a972033ec25f510a6f1a66c2456429e0aba9347e850dc036e091d6957600471f"}} as unknown as DocumentNode<InsightsPageForecastQuery, InsightsPageForecastQueryVariables>;
export const InsightsPageAnomaliesDocument = {"__meta__":{"documentId":"sha256:3df5cd33757b4b3db28033128da7bc3128d59d4372de32117d58c266b8ac919d"}} as unknown as DocumentNode<InsightsPageAnomaliesQuery, InsightsPageAnomaliesQueryVariables>;
export const InsightsPageSavingsDocument = {"__meta__":{"documentId":"sha256:b88825db9e0d7a1ef4855a3d310d688b8b828e6d66f486c682b6ac84cba6b598"}} as unknown as DocumentNode<InsightsPageSavingsQuery, InsightsPageSavingsQueryVariables>;
export const InsightsPageRecommendationsDocument = {"__meta__":{"documentId":"sha256:00c1b20f9ddfed6e2cb7a59a2c05cb59e19140582bae62e214a32da45670524b"}} as unknown as DocumentNode<InsightsPageRecommendationsQuery, InsightsPageRecommendationsQueryVariables>;
export const InsightsPageDismissAnomalyDocument = {"__meta__":{"documentId":"sha256:107508bfb09eb936c8527ef1136686525a4fd741e0533369584153da3b4fb8ba"}} as unknown as DocumentNode<InsightsPageDismissAnomalyMutation, InsightsPageDismissAnomalyMutationVariables>;
export const InsightsPageDismissRecommendationDocument = {"__meta__":{"documentId":"sha256:bcbbd93ebbbd804bcce326c9fffd5b4fb2cdc4520cf90021ca6e20d8f18cfade"}} as unknown as DocumentNode<InsightsPageDismissRecommendationMutation, InsightsPageDismissRecommendationMutationVariables>;
export const InvestmentsPagePortfoliosDocument = {"__meta__":{"documentId":"sha256:ea9149cc472faa09ccd9d96591da74aa2185fbf858413d05fed56b6c47bd4910"}} as unknown as DocumentNode<InvestmentsPagePortfoliosQuery, InvestmentsPagePortfoliosQueryVariables>;
export const InvestmentsPageHoldingsDocument = {"__meta__":{"documentId":"sha256:67c8443aead7ff478e8dbf63418a64b9bf52ef8b8a1220f4722cb6a55ac05c1a"}} as unknown as DocumentNode<InvestmentsPageHoldingsQuery, InvestmentsPageHoldingsQueryVariables>;
export const InvestmentsPageReturnsDocument = {"__meta__":{"documentId":"sha256:550db0dd9fb7a1a2ca5bc5d1d1c20b465d5fc13ea3bea11990e0ccb194ec7610"}} as unknown as DocumentNode<InvestmentsPageReturnsQuery, InvestmentsPageReturnsQueryVariables>;
export const InvestmentsPageValueHistoryDocument = {"__meta__":{"documentId":"sha256:142c8c305db204983940975c3613b330562f38842cc4b1bf89572076496f0374"}} as unknown as DocumentNode<InvestmentsPageValueHistoryQuery, InvestmentsPageValueHistoryQueryVariables>;
export const InvestmentsPageCreatePortfolioDocument = {"__meta__":{"documentId":"sha256:ef9d18182976af281137d830751828ef5570fbc50549e94aedd32b5b40f3127d"}} as unknown as DocumentNode<InvestmentsPageCreatePortfolioMutation, InvestmentsPageCreatePortfolioMutationVariables>;
export const InvestmentsPageRecordTradeDocument = {"__meta__":{"documentId":"sha256:4a149d47136e15cffd0fc527e3e9e04c44b23adc0fcfe9065fe5bf77412d5f4a"}} as unknown as DocumentNode<InvestmentsPageRecordTradeMutation, InvestmentsPageRecordTradeMutationVariables>;
export const InvestmentsPagePortfolioUpdatedDocument = {"__meta__":{"documentId":"sha256:80ad99457aec8729df2416dfc3c680f660e668cda0c8699ebcc73be14dd4ac14"}} as unknown as DocumentNode<InvestmentsPagePortfolioUpdatedSubscription, InvestmentsPagePortfolioUpdatedSubscriptionVariables>;
export const LoansPageListDocument = {"__meta__":{"documentId":"sha256:bfcad07ee2bbd0513c8a3d917f9547abe0d3e7331479744de844597aab27e0e9"}} as unknown as DocumentNode<LoansPageListQuery, LoansPageListQueryVariables>;
export const LoansPageScheduleDocument = {"__meta__":{"documentId":"sha256:8edfcbf9c9e895836659288c945b4003f52841a8e0b7f203ea6583d857b85c3c"}} as unknown as DocumentNode<LoansPageScheduleQuery, LoansPageScheduleQueryVariables>;
export const LoansPageContactsDocument = {"__meta__":{"documentId":"sha256:dd3ddfd89ccc645a274ac5d6e7e1c617c68d8ec8679259061da40836ed302806"}} as unknown as DocumentNode<LoansPageContactsQuery, LoansPageContactsQueryVariables>;
export const LoansPageCreateContactDocument = {"__meta__":{"documentId":"sha256:432134c7e496c8dabd355b27665bd1db384815849c162b2d44a5c75b44189550"}} as unknown as DocumentNode<LoansPageCreateContactMutation, LoansPageCreateContactMutationVariables>;
export const LoansPageCreateLoanDocument = {"__meta__":{"documentId":"sha256:ae2014b3549c8a3dd9fb40909294e156a91b85415ebc3630070c40473bdc355f"}} as unknown as DocumentNode<LoansPageCreateLoanMutation, LoansPageCreateLoanMutationVariables>;
export const LoansPageRecordPaymentDocument = {"__meta__":{"documentId":"sha256:d8c3d2350ba668c85d487939ae6781c9b2a92d760836b52021bfceae34ab5567"}} as unknown as DocumentNode<LoansPageRecordPaymentMutation, LoansPageRecordPaymentMutationVariables>;
export const NotificationsPageInboxDocument = {"__meta__":{"documentId":"sha256:59f1c4fc9dd73544d0ec272b40bb976ba699626f1bb9430399f38e5c5d2aff4f"}} as unknown as DocumentNode<NotificationsPageInboxQuery, NotificationsPageInboxQueryVariables>;
export const NotificationsPageMarkReadDocument = {"__meta__":{"documentId":"sha256:d8fb1ffad5a2713b60ed7eb46a2518203879088552d9997869b29863f478f875"}} as unknown as DocumentNode<NotificationsPageMarkReadMutation, NotificationsPageMarkReadMutationVariables>;
export const NotificationsPageReceivedDocument = {"__meta__":{"documentId":"sha256:b36befbcf73de779c6376d17c50952026f7ebd02cdba5c402d66912d24463241"}} as unknown as DocumentNode<NotificationsPageReceivedSubscription, NotificationsPageReceivedSubscriptionVariables>;
export const OverviewNetWorthDocument = {"__meta__":{"documentId":"sha256:dcae6f6c464b275ddedcb8e14ecbc0bee14489a97b530b7b3c54b1f1692b03e7"}} as unknown as DocumentNode<OverviewNetWorthQuery, OverviewNetWorthQueryVariables>;
export const OverviewSpendingDocument = {"__meta__":{"documentId":"sha256:be1fd924430b5b444b53380b8bbc9f7da55e4f1357963098ae7270ca4c41703b"}} as unknown as DocumentNode<OverviewSpendingQuery, OverviewSpendingQueryVariables>;
export const OverviewBudgetsDocument = {"__meta__":{"documentId":"sha256:e4fc45a6451d18492c49dfd6d1c695cd60b15825b17546df887d84c63e3bd11a"}} as unknown as DocumentNode<OverviewBudgetsQuery, OverviewBudgetsQueryVariables>;
export const OverviewBudgetUpdatedDocument = {"__meta__":{"documentId":"sha256:603a234dd270129c90cdbac58f7f46512063f6b952f02040f9adc0ca40b39d9a"}} as unknown as DocumentNode<OverviewBudgetUpdatedSubscription, OverviewBudgetUpdatedSubscriptionVariables>;
export const OverviewUpcomingDocument = {"__meta__":{"documentId":"sha256:ec9de5cf04a94d05af9a4d86a85c9ba90b0c68471205a5e2d9903e1ce50f4075"}} as unknown as DocumentNode<OverviewUpcomingQuery, OverviewUpcomingQueryVariables>;
export const OverviewNotificationsDocument = {"__meta__":{"documentId":"sha256:acf36b8c58d31fd46acdf47aceaa1ef140a4d19381cdb94c8adb7b93ffb6f936"}} as unknown as DocumentNode<OverviewNotificationsQuery, OverviewNotificationsQueryVariables>;
export const OverviewNotificationReceivedDocument = {"__meta__":{"documentId":"sha256:8acf20cce80fedbc55be4c5ec3a7cb937ac5cb01fd7d6267c1d5ce8c59ad8b88"}} as unknown as DocumentNode<OverviewNotificationReceivedSubscription, OverviewNotificationReceivedSubscriptionVariables>;
export const OverviewBudgetAlertsDocument = {"__meta__":{"documentId":"sha256:e6e1c9e7a7584850eb378f6ce4e42da0f7768669b2aca460818b0629ce2b5856"}} as unknown as DocumentNode<OverviewBudgetAlertsQuery, OverviewBudgetAlertsQueryVariables>;
export const OverviewBudgetAlertFiredDocument = {"__meta__":{"documentId":"sha256:98583d94cc32f0a0f0b232ddd3ede3186a94a7cef6611e59ab95d52251fc32bb"}} as unknown as DocumentNode<OverviewBudgetAlertFiredSubscription, OverviewBudgetAlertFiredSubscriptionVariables>;
export const TaxPageProfileDocument = {"__meta__":{"documentId":"sha256:9b6ac7863d863e119a66392794bf30501e0423229c82922e65d66bc68429540a"}} as unknown as DocumentNode<TaxPageProfileQuery, TaxPageProfileQueryVariables>;
export const TaxPageSummaryDocument = {"__meta__":{"documentId":"sha256:453ea26f1e7b5bab0f1c0f783decd736ee6b9e1c145a4119ef6db7580fbf90ee"}} as unknown as DocumentNode<TaxPageSummaryQuery, TaxPageSummaryQueryVariables>;
export const TaxPageSetProfileDocument = {"__meta__":{"documentId":"sha256:8e38281d350db9f80a90db1c501b753129eed9409f258dd384e5c8886d24bb44"}} as unknown as DocumentNode<TaxPageSetProfileMutation, TaxPageSetProfileMutationVariables>;
export const TaxPageEstimateChangedDocument = {"__meta__":{"documentId":"sha256:2532bdd2f24c2b989d4fb5dcf84415056f05bd5b18367830ed1df46d41094227"}} as unknown as DocumentNode<TaxPageEstimateChangedSubscription, TaxPageEstimateChangedSubscriptionVariables>;
export const TransactionsPageListDocument = {"__meta__":{"documentId":"sha256:6b7ed75c5fc75b1ddeee21e9fb329b31565d9cb362d415b4163308218eb815bf"}} as unknown as DocumentNode<TransactionsPageListQuery, TransactionsPageListQueryVariables>;
export const TransactionsPageOptionsDocument = {"__meta__":{"documentId":"sha256:9891396abe5677e15c1812720dc26eb9b1e3527fd44f854452ba08fc807545d2"}} as unknown as DocumentNode<TransactionsPageOptionsQuery, TransactionsPageOptionsQueryVariables>;
export const TransactionsPagePostDocument = {"__meta__":{"documentId":"sha256:523996069bb945faca9f66e1e641367c8d8cbf32d7015cb6696be7ae73f73d28"}} as unknown as DocumentNode<TransactionsPagePostMutation, TransactionsPagePostMutationVariables>;
export const TransactionsPageUpdateDocument = {"__meta__":{"documentId":"sha256:63b9b531b91526b7fd9d3c48f9681d228c0e2f1d92dbe3fe1c1752224d96f136"}} as unknown as DocumentNode<TransactionsPageUpdateMutation, TransactionsPageUpdateMutationVariables>;
export const TransactionsPageDeleteDocument = {"__meta__":{"documentId":"sha256:7e705614746764a5f1c567c099c6c37847a25620ba6b6ce377654ac05e16926c"}} as unknown as DocumentNode<TransactionsPageDeleteMutation, TransactionsPageDeleteMutationVariables>;
export const TransactionsPageRestoreDocument = {"__meta__":{"documentId":"sha256:3187c8383f554dac26bbe73cca22bb36f8b1ad454c184080bf5f069f77f90f19"}} as unknown as DocumentNode<TransactionsPageRestoreMutation, TransactionsPageRestoreMutationVariables>;
export const TransactionsPagePostedDocument = {"__meta__":{"documentId":"sha256:4c3b22dd4f84314a3801efb8905a80a4522a83517bdc62c7b6c0c99623223b7e"}} as unknown as DocumentNode<TransactionsPagePostedSubscription, TransactionsPagePostedSubscriptionVariables>;
export const TransactionsPageImportDocument = {"__meta__":{"documentId":"sha256:ae0edfcb8c17aa2662c96ee44e36d073693e5d02434e7523a99217640b84e71d"}} as unknown as DocumentNode<TransactionsPageImportMutation, TransactionsPageImportMutationVariables>;
export const TransactionsPageImportBatchDocument = {"__meta__":{"documentId":"sha256:4a1233e5c52993dd33ef66530e0f5bc47b14e68d4b000d4c41399af13e6801c8"}} as unknown as DocumentNode<TransactionsPageImportBatchQuery, TransactionsPageImportBatchQueryVariables>;
export const TransactionsPageImportUpdatedDocument = {"__meta__":{"documentId":"sha256:0b1e989f9350794bc213e144e4873f4f71cc8029de16c6458acba419ede3d6ed"}} as unknown as DocumentNode<TransactionsPageImportUpdatedSubscription, TransactionsPageImportUpdatedSubscriptionVariables>;