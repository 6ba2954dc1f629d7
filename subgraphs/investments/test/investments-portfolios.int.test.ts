import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { buy, investmentsClient, PORTFOLIO, usd } from "./investments-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const CREATE = `mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { id } }`;

describe.each(modes)("portfolios on %s", (_mode, config) => {
  const clock = new FixedClock("2025-07-01T12:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof investmentsClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = investmentsClient(sg);
    [alice, bob] = [await sg.register("Alice"), await sg.register("Bob")];
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("creates, renames and archives a portfolio, idempotently, and refuses bad input with its field", async () => {
    const created = await api.createPortfolio(alice, {
      name: "  Retirement ",
      currency: "eur",
      costBasisMethod: "AVERAGE_COST",
      idempotencyKey: "p-1",
    });
    expect(created).toMatchObject({
      name: "Retirement",
      currency: "EUR",
      costBasisMethod: "AVERAGE_COST",
      archived: false,
      tracksCash: false,
      cash: [],
    });
    const again = await api.createPortfolio(alice, {
      name: "  Retirement ",
      currency: "eur",
      costBasisMethod: "AVERAGE_COST",
      idempotencyKey: "p-1",
    });
    expect(again.id).toBe(created.id);
    expect(
      await api.outcome(alice, CREATE, { i: { name: "Other", currency: "EUR", costBasisMethod: "FIFO", idempotencyKey: "p-1" } }),
    ).toBe("CONFLICT:idempotencyKey");
    for (const [input, expected] of [
      [{ name: "", currency: "EUR", costBasisMethod: "FIFO" }, "BAD_USER_INPUT:name"],
      [{ name: "x".repeat(101), currency: "EUR", costBasisMethod: "FIFO" }, "BAD_USER_INPUT:name"],
      [{ name: "X", currency: "EURO", costBasisMethod: "FIFO" }, "BAD_USER_INPUT:currency"],
      [{ name: "X", currency: "EUR", costBasisMethod: "FIFO", ledgerAccountId: "nope" }, "BAD_USER_INPUT:ledgerAccountId"],
    ] as const)
      expect(await api.outcome(alice, CREATE, { i: input }), JSON.stringify(input)).toBe(expected);

    const renamed = await api.ok(alice, `mutation($id: ID!) { renamePortfolio(id: $id, name: "Pension") { name } }`, { id: created.id });
    expect(renamed.renamePortfolio.name).toBe("Pension");
    await api.ok(alice, `mutation($id: ID!) { archivePortfolio(id: $id) { archived } }`, { id: created.id });
    expect((await api.ok(alice, `{ portfolios { id } }`)).portfolios.map((p: any) => p.id)).not.toContain(created.id);
    expect((await api.ok(alice, `{ me { portfolios(includeArchived: true) { id archived } } }`)).me.portfolios).toContainEqual({
      id: created.id,
      archived: true,
    });
    // Archived: read-only.
    expect(await api.recordOutcome(alice, { portfolioId: created.id, ...buy("AAA", "1", "10", "2025-06-01") })).toBe(
      "BAD_USER_INPUT:portfolioId",
    );
    expect(await api.outcome(alice, `mutation($id: ID!) { renamePortfolio(id: $id, name: "Again") { id } }`, { id: created.id })).toBe(
      "BAD_USER_INPUT:id",
    );
  });

  it("links the ledger account holding the cash, checked against investments' copy of the ledger's accounts", async () => {
    const portfolio = await api.createPortfolio(alice, { currency: "USD" });
    const account = await sg.createAccount(alice, "USD", "Broker cash");
    const euros = await sg.createAccount(alice, "EUR", "Euros");
    const bobs = await sg.createAccount(bob, "USD", "Bob's");
    const link = `mutation($id: ID!, $a: ID) { linkPortfolioLedgerAccount(id: $id, ledgerAccountId: $a) { ledgerAccountId } }`;
    // The ledger's account reaches investments through an event.
    await eventually(async () => expect(await api.outcome(alice, link, { id: portfolio.id, a: account })).toBe("OK"));
    expect((await api.portfolio(alice, portfolio.id)).ledgerAccountId).toBe(account);
    await eventually(async () =>
      expect(await api.outcome(alice, link, { id: portfolio.id, a: euros })).toBe("BAD_USER_INPUT:ledgerAccountId"),
    );
    await eventually(async () => expect(await api.outcome(bob, link, { id: portfolio.id, a: bobs })).toBe("NOT_FOUND:id"));
    expect(await api.outcome(alice, link, { id: portfolio.id, a: bobs })).toBe("NOT_FOUND:ledgerAccountId");
    expect((await api.ok(alice, link, { id: portfolio.id, a: null })).linkPortfolioLedgerAccount.ledgerAccountId).toBeNull();
  });

  it("shows a portfolio and everything in it to its owner only, through the gateway and _entities", async () => {
    const portfolio = await api.createPortfolio(alice, { name: "Secret" });
    const trade = await api.record(alice, { portfolioId: portfolio.id, ...buy("ZZPRIV", "3", "10.00", "2025-06-02") });
    const [holding] = await api.holdings(alice, portfolio.id, false, "id security { id }");
    expect(await api.portfolio(bob, portfolio.id)).toBeNull();
    expect((await api.ok(bob, `{ portfolios { id } me { portfolios { id } } }`)).portfolios).toEqual([]);
    expect(
      (await api.ok(bob, `query($id: ID!) { investmentTransaction(id: $id) { id } }`, { id: trade.id })).investmentTransaction,
    ).toBeNull();
    // Every write to another user's portfolio is NOT_FOUND, never a hint that it exists.
    expect(await api.recordOutcome(bob, { portfolioId: portfolio.id, ...buy("AAA", "1", "10", "2025-06-01") })).toBe(
      "NOT_FOUND:portfolioId",
    );
    expect(await api.outcome(bob, `mutation($id: ID!) { renamePortfolio(id: $id, name: "Mine") { id } }`, { id: portfolio.id })).toBe(
      "NOT_FOUND:id",
    );
    expect(await api.outcome(bob, `mutation($id: ID!) { archivePortfolio(id: $id) { id } }`, { id: portfolio.id })).toBe("NOT_FOUND:id");
    expect(await api.outcome(bob, `mutation($id: ID!) { deleteInvestmentTransaction(id: $id) { id } }`, { id: trade.id })).toBe(
      "NOT_FOUND:id",
    );
    expect(
      await api.outcome(bob, `mutation($id: ID!) { updateInvestmentTransaction(id: $id, input: { quantity: "1" }) { id } }`, {
        id: trade.id,
      }),
    ).toBe("NOT_FOUND:id");
    expect(
      await api.outcome(bob, `mutation($p: ID!) { importInvestmentTransactions(portfolioId: $p, csv: "date,type\\n") { imported } }`, {
        p: portfolio.id,
      }),
    ).toBe("NOT_FOUND:portfolioId");
    expect(await api.outcome(bob, `mutation($id: ID!) { renamePortfolio(id: $id, name: "x") { id } }`, { id: "not-a-uuid" })).toBe(
      "NOT_FOUND:id",
    );

    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Portfolio { id } ... on Holding { id } ... on Security { id } ... on User { id } } }`;
    const representations = [
      { __typename: "Portfolio", id: portfolio.id },
      { __typename: "Holding", id: holding.id },
      { __typename: "Security", id: holding.security.id },
      { __typename: "User", id: alice.id },
    ];
    const as = async (user: RegisteredUser) => {
      const headers = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: user.id, scopes: ["*"] }, "t") };
      return (await postGraphQL(sg.all.urls.investments!, { query: entities, variables: { r: representations } }, headers)).data._entities;
    };
    expect(await as(bob)).toEqual([null, null, null, null]);
    expect(await as(alice)).toEqual(representations.map((r) => ({ id: r.id })));
  });

  it("caps nothing it should not: a new user starts empty and sees their own portfolio in User.portfolios", async () => {
    const carol = await sg.register("Carol");
    expect((await api.ok(carol, `{ me { portfolios { id } } }`)).me.portfolios).toEqual([]);
    const mine = await api.createPortfolio(carol, { name: "Carol's", currency: "GBP" });
    expect((await api.ok(carol, `{ me { portfolios { ${PORTFOLIO} } } }`)).me.portfolios).toEqual([mine]);
    expect(usd("1")).toEqual({ amount: "1", currency: "USD" });
  });
});
