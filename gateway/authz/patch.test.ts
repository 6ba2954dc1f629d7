import { type FormattedExecutionResult, parse } from "graphql";
import { describe, expect, it } from "vitest";

import { composeFixture } from "./authz.fixture.js";
import { type DeniedField, PLACEHOLDER_KEY } from "./denials.js";
import { filterOperation } from "./operation-filter.js";
import { applyDenials } from "./patch.js";
import { type AuthzCaller, extractRequirements } from "./requirements.js";

const { supergraphSdl, apiSchema } = composeFixture();
const requirements = extractRequirements(supergraphSdl);
const anonymous: AuthzCaller = { scopes: [] };
const budgetsKey: AuthzCaller = { userId: "u1", scopes: ["budgets:read"] };

function denialsFor(query: string, caller: AuthzCaller): readonly DeniedField[] {
  return filterOperation(apiSchema, parse(query), undefined, requirements, caller).denied;
}

const unauthorized = (path: (string | number)[]) => ({
  message: "sign in required",
  path,
  extensions: { code: "UNAUTHENTICATED" },
});
const forbidden = (path: (string | number)[]) => ({
  message: "this credential lacks a scope the field requires",
  path,
  extensions: { code: "FORBIDDEN" },
});

describe("applyDenials", () => {
  it("writes null at nullable denied fields and adds an error for each, keeping the rest", () => {
    const denied = denialsFor(`{ publicInfo me { id } user(id: "1") { name profile { phone bio } } }`, anonymous);
    const executed: FormattedExecutionResult = {
      data: {
        publicInfo: "hello",
        [PLACEHOLDER_KEY]: "Query",
        user: { name: "Ada", profile: { bio: "hi", [PLACEHOLDER_KEY]: "Profile" } },
      },
    };
    const patched = applyDenials(executed, denied, false);
    expect(patched.data).toEqual({ publicInfo: "hello", me: null, user: { name: "Ada", profile: { bio: "hi", phone: null } } });
    expect(patched.errors).toEqual([unauthorized(["me"]), unauthorized(["user", "profile", "phone"])]);
    // The executed result is left alone.
    expect(executed.data).toHaveProperty(PLACEHOLDER_KEY, "Query");
    expect(executed.data).not.toHaveProperty("me");
  });

  it("propagates null from a denied non-null field to the nearest nullable parent", () => {
    const denied = denialsFor(`{ publicInfo user(id: "1") { name balance } }`, budgetsKey);
    const patched = applyDenials({ data: { publicInfo: "hello", user: { name: "Ada" } }, errors: [{ message: "earlier" }] }, denied, true);
    expect(patched.data).toEqual({ publicInfo: "hello", user: null });
    expect(patched.errors).toEqual([{ message: "earlier" }, forbidden(["user", "balance"])]);
  });

  it("nulls data itself when nothing nullable lies between the field and the root", () => {
    // users: [User!]! and email: String!: one denied email takes the whole response down, as execution would.
    const denied = denialsFor(`{ publicInfo users { id email } }`, anonymous);
    const patched = applyDenials({ data: { publicInfo: "hello", users: [{ id: "1" }, { id: "2" }] } }, denied, false);
    expect(patched.data).toBeNull();
    expect(patched.errors).toEqual([unauthorized(["users", 0, "email"]), unauthorized(["users", 1, "email"])]);
  });

  it("expands paths through lists with the indexes present in the data", () => {
    const denied = denialsFor(`{ users { id profile { phone } } }`, anonymous);
    const users = [
      { id: "1", profile: { [PLACEHOLDER_KEY]: "Profile" } },
      { id: "2", profile: null },
      { id: "3", profile: { [PLACEHOLDER_KEY]: "Profile" } },
    ];
    const patched = applyDenials({ data: { users } }, denied, false);
    expect(patched.data).toEqual({
      users: [
        { id: "1", profile: { phone: null } },
        { id: "2", profile: null },
        { id: "3", profile: { phone: null } },
      ],
    });
    expect(patched.errors).toEqual([unauthorized(["users", 0, "profile", "phone"]), unauthorized(["users", 2, "profile", "phone"])]);
  });

  it("nulls a denied list field as a whole and propagates through non-null list items", () => {
    const denied = denialsFor(`{ entryCount ledger { id } }`, budgetsKey);
    // ledger: [Entry!]! is non-null at the root, so data goes null.
    expect(applyDenials({ data: { entryCount: 2 } }, denied, true).data).toBeNull();

    // [User!]!: a non-null denied field in an item nulls the item, which nulls the list, which...
    const items: DeniedField[] = [{ path: ["list", "x"], nonNull: [[false, false], [true]], coordinate: "T.x", possibleTypes: null }];
    const patched = applyDenials({ data: { list: [{ y: 1 }, { y: 2 }] } }, items, true);
    expect(patched.data).toEqual({ list: [null, null] });
  });

  it("applies a denial under an abstract field only to objects of the fragment's type", () => {
    const denied = denialsFor(`{ nodes { id ... on Memo { body } } }`, anonymous);
    const data = {
      nodes: [
        { id: "a1", [PLACEHOLDER_KEY]: "Article" },
        { id: "m1", [PLACEHOLDER_KEY]: "Memo" },
      ],
    };
    const patched = applyDenials({ data }, denied, false);
    expect(patched.data).toEqual({ nodes: [{ id: "a1" }, { id: "m1", body: null }] });
    expect(patched.errors).toEqual([unauthorized(["nodes", 1, "body"])]);
  });

  it("still reports a denial whose parent is absent, at its path without list positions", () => {
    const denied = denialsFor(`{ me { id } user(id: "1") { email } users { profile { phone } } }`, anonymous);
    const patched = applyDenials({ data: { user: null, users: [] } }, denied, false);
    expect(patched.data).toEqual({ me: null, user: null, users: [] });
    expect(patched.errors).toEqual([unauthorized(["me"]), unauthorized(["user", "email"]), unauthorized(["users", "profile", "phone"])]);
  });

  it("leaves results without data (request errors) and without denials as they are", () => {
    const denied = denialsFor(`{ me { id } }`, anonymous);
    const failed: FormattedExecutionResult = { errors: [{ message: "nope" }] };
    expect(applyDenials(failed, denied, false)).toBe(failed);
    const fine: FormattedExecutionResult = { data: { publicInfo: "x" } };
    expect(applyDenials(fine, [], false)).toBe(fine);
  });
});
