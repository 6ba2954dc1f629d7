/** A bank transaction as a provider reports it, amounts in the account's minor units. */
export interface RemoteTransaction {
  /** The provider's id, unique within the account: the surest duplicate check. */
  id: string;
  /** The day it posted (or, while pending, the day it was made), YYYY-MM-DD in UTC. */
  date: string;
  amountMinor: bigint;
  payee: string;
  memo: string;
  pending: boolean;
}

export interface RemoteAccountData {
  id: string;
  name: string;
  institution: string;
  currency: string;
  balanceMinor: bigint;
  /** When the bank reported the balance. */
  balanceDate: Date;
  transactions: RemoteTransaction[];
}

export interface FetchOptions {
  /** Transactions posted on or after this instant. */
  startDate: Date;
  /** Balances only, no transactions (a cheap first look when connecting). */
  balancesOnly?: boolean;
}

/**
 * What a bank-data provider does for the ledger: trade a one-time setup token for lasting
 * credentials, then read accounts with their balances and transactions (pending included).
 * Credentials are opaque text to the ledger, kept sealed at rest.
 */
export interface BankProvider {
  claim(setupToken: string): Promise<string>;
  fetchAccounts(credentials: string, options: FetchOptions): Promise<RemoteAccountData[]>;
}

/** Why a provider call failed: whether waiting helps (TRANSIENT) or the user must act (NEEDS_USER). */
export type ProviderFailure = "NEEDS_USER" | "TRANSIENT" | "BAD_TOKEN";

export class BankProviderError extends Error {
  constructor(
    readonly failure: ProviderFailure,
    message: string,
  ) {
    super(message);
    this.name = "BankProviderError";
  }
}
