import { gatewayClient } from "../../../test/harness/gateway-client.js";
import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";

export const PORTFOLIO = "id name currency costBasisMethod ledgerAccountId archived tracksCash cash { amount currency }";
export const HOLDING = `id quantity costBasis { amount currency } averageCost { amount } price { amount } priceDate marketValue { amount }
  unrealizedGain { amount } realizedGain { amount } dividends { amount } interest { amount } fees { amount }
  lots { acquiredOn quantity cost { amount } } realizedLots { acquiredOn soldOn quantity cost { amount } proceeds { amount } gain { amount } term }
  security { id symbol currency }`;
export const TRANSACTION =
  "id type date quantity price { amount currency } fee { amount } amount { amount currency } splitRatio note security { symbol }";

const RECORD = `mutation($i: RecordInvestmentTransactionInput!) { recordInvestmentTransaction(input: $i) { ${TRANSACTION} } }`;

/** Money in a currency, for inputs. */
export const cur = (currency: string) => (amount: string) => ({ amount, currency });
export const usd = cur("USD");

/** Typed-enough wrappers over investments' operations through the gateway, for its tests. */
export function investmentsClient(sg: TestSupergraph) {
  const { call, ok, outcome } = gatewayClient(sg);
  return {
    call,
    ok,
    outcome,
    async createPortfolio(user: RegisteredUser, input: Record<string, unknown> = {}) {
      return (
        await ok(user, `mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { ${PORTFOLIO} } }`, {
          i: { name: "Brokerage", currency: "USD", costBasisMethod: "FIFO", ...input },
        })
      ).createPortfolio;
    },
    async portfolio(user: RegisteredUser, id: string, selection = PORTFOLIO) {
      return (await ok(user, `query($id: ID!) { portfolio(id: $id) { ${selection} } }`, { id })).portfolio;
    },
    recordRaw(user: RegisteredUser, input: Record<string, unknown>) {
      return call(user, RECORD, { i: input });
    },
    recordOutcome(user: RegisteredUser, input: Record<string, unknown>) {
      return outcome(user, RECORD, { i: input });
    },
    async record(user: RegisteredUser, input: Record<string, unknown>) {
      return (await ok(user, RECORD, { i: input })).recordInvestmentTransaction;
    },
    /** Records each activity in order; returns their ids. */
    async recordAll(user: RegisteredUser, portfolioId: string, inputs: Array<Record<string, unknown>>): Promise<string[]> {
      const ids: string[] = [];
      for (const input of inputs) ids.push((await this.record(user, { portfolioId, ...input })).id);
      return ids;
    },
    async holdings(user: RegisteredUser, portfolioId: string, includeClosed = false, selection = HOLDING) {
      return (
        await ok(user, `query($id: ID!, $c: Boolean!) { portfolio(id: $id) { holdings(includeClosed: $c) { ${selection} } } }`, {
          id: portfolioId,
          c: includeClosed,
        })
      ).portfolio.holdings;
    },
    /** The user's own closes, through market data's API. */
    async setPrices(user: RegisteredUser, prices: Array<{ symbol: string; date: string; close: { amount: string; currency: string } }>) {
      return ok(user, `mutation($i: SetPricesInput!) { setPrices(input: $i) { date } }`, { i: { prices } });
    },
    /** How many events of `type` the investments outbox holds for `userId`. */
    async outboxCount(type: string, userId: string): Promise<number> {
      const [row] = await sg
        .subgraph("investments")
        .kit.dataSource.query(`SELECT count(*)::int AS n FROM investments.outbox WHERE type = $1 AND key = $2`, [type, userId]);
      return row.n as number;
    },
  };
}

/** A buy of `quantity` `symbol` at `price` (USD) on `date`. */
export const buy = (symbol: string, quantity: string, price: string, date: string, fee?: string) => ({
  type: "BUY",
  symbol,
  quantity,
  price: usd(price),
  ...(fee && { fee: usd(fee) }),
  date,
});
export const sell = (symbol: string, quantity: string, price: string, date: string, fee?: string) => ({
  ...buy(symbol, quantity, price, date, fee),
  type: "SELL",
});
