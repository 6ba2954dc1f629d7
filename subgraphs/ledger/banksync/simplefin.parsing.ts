import { z } from "zod";

import { currencyExponent, normalizeCurrency, parseAmount } from "../../../platform/money/index.js";
import { BankProviderError, type RemoteAccountData, type RemoteTransaction } from "./bank-provider.js";

/**
 * The SimpleFIN setup token is the base64 of a claim URL; anything else is refused before any
 * network call. Only https, except for loopback hosts (tests and a local bridge).
 */
export function claimUrlOf(setupToken: string): URL {
  const text = setupToken.trim();
  if (text.length === 0 || text.length > 2048 || !/^[A-Za-z0-9+/=_-]+$/.test(text)) throw badToken();
  let url: URL;
  try {
    url = new URL(Buffer.from(text, "base64").toString("utf8"));
  } catch {
    throw badToken();
  }
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) throw badToken();
  return url;
}

/** The access URL a claim answers with: a URL with basic-auth credentials in it. */
export function accessUrlOf(body: string): URL {
  let url: URL;
  try {
    url = new URL(body.trim());
  } catch {
    throw new BankProviderError("TRANSIENT", "the bridge answered the claim with something that is not an access URL");
  }
  if (!url.username || !url.password) throw new BankProviderError("TRANSIENT", "the access URL carries no credentials");
  return url;
}

const unix = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const decimal = z.string().max(40);

const transactionSchema = z.object({
  id: z.string().min(1).max(200),
  posted: unix,
  amount: decimal,
  description: z.string().max(1000).default(""),
  payee: z.string().max(1000).optional(),
  memo: z.string().max(1000).optional(),
  pending: z.boolean().optional(),
  transacted_at: unix.optional(),
});

const accountSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  currency: z.string(),
  balance: decimal,
  "balance-date": unix,
  org: z.object({ name: z.string().optional(), domain: z.string().optional() }).passthrough().optional(),
  transactions: z.array(transactionSchema).default([]),
});

const accountSetSchema = z.object({
  errors: z.array(z.string()).default([]),
  accounts: z.array(z.unknown()),
});

/**
 * The `/accounts` answer, amounts in minor units. A body that is not the documented shape is a
 * transient failure (a proxy's error page, a half-deployed bridge): nothing is written from it. An
 * account in a currency the ledger cannot hold (SimpleFIN allows custom currency URLs) is left out,
 * as is a transaction whose amount is not a decimal of that currency.
 */
export function parseAccountSet(body: string): RemoteAccountData[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new BankProviderError("TRANSIENT", "the bridge answered with something that is not JSON");
  }
  const set = accountSetSchema.safeParse(json);
  if (!set.success) throw new BankProviderError("TRANSIENT", "the bridge's answer is not an account set");
  const accounts: RemoteAccountData[] = [];
  for (const raw of set.data.accounts) {
    const parsed = accountSchema.safeParse(raw);
    if (!parsed.success) throw new BankProviderError("TRANSIENT", "the bridge's answer holds an account it does not describe fully");
    const a = parsed.data;
    const currency = currencyOf(a.currency);
    if (!currency) continue;
    const balanceMinor = minorUnits(a.balance, currency);
    if (balanceMinor === null) throw new BankProviderError("TRANSIENT", `account ${a.id} has a balance that is not a decimal`);
    const transactions: RemoteTransaction[] = [];
    for (const t of a.transactions) {
      const amountMinor = minorUnits(t.amount, currency);
      if (amountMinor === null || amountMinor === 0n) continue;
      const pending = t.pending === true || t.posted === 0;
      transactions.push({
        id: t.id,
        date: utcDay(pending && t.transacted_at ? t.transacted_at : t.posted || (t.transacted_at ?? 0)),
        amountMinor,
        payee: (t.payee ?? t.description).trim() || t.description.trim(),
        memo: (t.memo ?? (t.payee ? t.description : "")).trim(),
        pending,
      });
    }
    accounts.push({
      id: a.id,
      name: a.name,
      institution: a.org?.name ?? a.org?.domain ?? "",
      currency,
      balanceMinor,
      balanceDate: new Date(a["balance-date"] * 1000),
      transactions,
    });
  }
  return accounts;
}

/** A decimal string in minor units: trailing zeros beyond the currency's precision are dropped, other excess precision refused. */
export function minorUnits(text: string, currency: string): bigint | null {
  const trimmed = text.trim().replace(/^\+/, "");
  const [whole, fraction] = trimmed.split(".");
  const exponent = currencyExponent(currency);
  let normal = trimmed;
  if (fraction !== undefined && fraction.length > exponent) {
    if (!/^0+$/.test(fraction.slice(exponent))) return null;
    normal = exponent === 0 ? whole! : `${whole}.${fraction.slice(0, exponent)}`;
  }
  try {
    return parseAmount(normal, currency).amountMinor;
  } catch {
    return null;
  }
}

function currencyOf(code: string): string | null {
  try {
    return normalizeCurrency(code);
  } catch {
    return null;
  }
}

function utcDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

function badToken(): BankProviderError {
  return new BankProviderError("BAD_TOKEN", "the setup token is not a SimpleFIN setup token (base64 of a claim URL)");
}
