import { getOperationAST, parse, print } from "graphql";
import { describe, expect, it } from "vitest";

import { liveFieldsOf } from "./live-fields.js";
import { LIVE_ID_VARIABLE, toLiveOperation } from "./lookup-document.js";

const supergraph = `
type Subscription {
  budgetUpdated(id: ID!): Budget! @live(topic: "budgets.budget.v1", events: ["BudgetProgressChanged"], lookup: "budget", id: "budgetId", match: ["id=budgetId"])
  groupChanged: Group! @live(topic: "groups.group.v1", events: ["GroupChanged"], lookup: "group", id: "groupId", audience: "lookup")
  plain: String
}
type Budget { id: ID! name: String! }
type Group { id: ID! }
`;

describe("live fields and lookup documents", () => {
  const fields = liveFieldsOf(supergraph);

  it("reads @live declarations from the supergraph", () => {
    expect(fields.map((f) => f.name)).toEqual(["budgetUpdated", "groupChanged"]);
    expect(fields[0]).toMatchObject({
      topic: "budgets.budget.v1",
      lookup: "budget",
      idField: "budgetId",
      audience: "owner",
      match: [{ argument: "id", dataField: "budgetId" }],
    });
    expect([...fields[0]!.events]).toEqual(["BudgetProgressChanged"]);
    expect(fields[1]!.audience).toBe("lookup");
  });

  it("turns a subscription into the lookup query, keeping the response key, fragments and used variables", () => {
    const document = parse(
      `subscription Watch($b: ID!, $withName: Boolean!) { mine: budgetUpdated(id: $b) { ...B name @include(if: $withName) } } fragment B on Budget { id }`,
    );
    const live = toLiveOperation(
      document,
      getOperationAST(document)!,
      { b: "b-1", withName: true },
      new Map(fields.map((f) => [f.name, f])),
    );
    if (typeof live === "string") throw new Error(live);
    expect(live.responseKey).toBe("mine");
    expect(live.args).toEqual({ id: "b-1" });
    expect(print(live.lookup)).toBe(
      print(
        parse(
          `query LiveLookup($${LIVE_ID_VARIABLE}: ID!, $withName: Boolean!) { mine: budget(id: $${LIVE_ID_VARIABLE}) { ...B name @include(if: $withName) } } fragment B on Budget { id }`,
        ),
      ),
    );
  });

  it("refuses operations that are not exactly one live field", () => {
    const map = new Map(fields.map((f) => [f.name, f]));
    const two = parse(`subscription { a: budgetUpdated(id: "1") { id } b: budgetUpdated(id: "2") { id } }`);
    expect(toLiveOperation(two, getOperationAST(two)!, {}, map)).toMatch(/exactly one/);
    const plain = parse(`subscription { plain }`);
    expect(toLiveOperation(plain, getOperationAST(plain)!, {}, map)).toMatch(/not a live field/);
  });
});
