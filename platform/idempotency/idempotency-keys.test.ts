import { createHash } from "node:crypto";

import fc from "fast-check";
import type { EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";

import { assertIdempotencyKey, IdempotencyKeys, requestHash } from "./idempotency-keys.js";

// Hashes are stored with each key (and computed by the budgets migration that backfilled goal
// contributions), so their exact value is a format: a change would turn every stored replay into a
// CONFLICT. The expected values are built here by hand from the documented canonical form.
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("requestHash", () => {
  it("is sha256 of the operation, a NUL, and the input's JSON with sorted keys and bigints as strings", () => {
    expect(requestHash("createThing", { label: "Bread", amountMinor: -250n })).toBe(
      sha256('createThing\0{"amountMinor":"-250","label":"Bread"}'),
    );
    expect(requestHash("op", "plain")).toBe(sha256('op\0"plain"'));
    expect(requestHash("op", null)).toBe(sha256("op\0null"));
  });

  it("sorts keys at every depth, keeps array order and leaves undefined fields out", () => {
    const input = { z: [3n, { y: 1, b: undefined, a: "x" }, null], a: { d: true, c: undefined, b: 0 } };
    expect(requestHash("op", input)).toBe(sha256('op\0{"a":{"b":0,"d":true},"z":["3",{"a":"x","y":1},null]}'));
  });

  it("hashes equal inputs equal whatever their key order, and an absent field like an undefined one", () => {
    expect(requestHash("op", { a: 1, b: { c: 2, d: 3 } })).toBe(requestHash("op", { b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHash("op", { a: 1, note: undefined })).toBe(requestHash("op", { a: 1 }));
  });

  it("hashes an object the same in any key order, up to 60 keys (property)", () => {
    const entries = fc.uniqueArray(fc.tuple(fc.string({ maxLength: 4 }), fc.integer()), { selector: ([k]) => k, maxLength: 60 });
    fc.assert(
      fc.property(entries, fc.func(fc.integer()), (pairs, rank) => {
        const shuffled = pairs
          .map((p, i) => ({ p, r: rank(i) }))
          .sort((a, b) => a.r - b.r)
          .map(({ p }) => p);
        expect(requestHash("op", Object.fromEntries(shuffled))).toBe(requestHash("op", Object.fromEntries(pairs)));
      }),
    );
  });

  it("tells apart different values, a null from an absent field, array orders and operations", () => {
    const hashes = [
      requestHash("op", { a: 1 }),
      requestHash("op", { a: 2 }),
      requestHash("op", { a: 1, note: null }),
      requestHash("op", { a: [1, 2] }),
      requestHash("op", { a: [2, 1] }),
      requestHash("other", { a: 1 }),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe("assertIdempotencyKey", () => {
  const refusal = (key: string | null | undefined) => {
    try {
      assertIdempotencyKey(key);
    } catch (error) {
      const { extensions, message } = error as { extensions: { code: string; field: string }; message: string };
      return { ...extensions, message };
    }
    return null;
  };

  it("accepts no key, and keys of 1 to 200 characters", () => {
    for (const key of [null, undefined, "k", "k".repeat(200)]) expect(refusal(key)).toBeNull();
  });

  it("refuses an empty key and one over 200 characters as BAD_USER_INPUT on idempotencyKey, saying what is allowed", () => {
    for (const key of ["", "k".repeat(201)]) {
      expect(refusal(key)).toEqual({
        code: "BAD_USER_INPUT",
        field: "idempotencyKey",
        message: "idempotencyKey must be 1 to 200 characters",
      });
    }
  });
});

/**
 * A stand-in for the transaction's manager: the INSERT answers whether the key was new, the SELECT
 * answers the row stored under it (or none, when it vanished in between), `findOneBy` the entity.
 */
function fakeManager(stored: {
  inserted: boolean;
  row?: { operation: string; request_hash: string; resource_id: string };
  found?: unknown;
}) {
  const queries: Array<{ sql: string; params: unknown[] }> = [];
  const manager = {
    query: async (sql: string, params: unknown[]) => {
      queries.push({ sql, params });
      if (sql.trimStart().startsWith("INSERT")) return stored.inserted ? [{ key: params[1] }] : [];
      return stored.row ? [stored.row] : [];
    },
    findOneBy: async () => stored.found ?? null,
  };
  return { manager: manager as unknown as EntityManager, queries };
}

const keys = new IdempotencyKeys("ledger", () => new Date("2026-11-01T12:00:00Z"));
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { extensions: { code: string; field: string }; message: string }) => ({ ...error.extensions, message: error.message }),
  );

describe("IdempotencyKeys.claim", () => {
  it("stores nothing and answers null when the client sent no key, whether null or left out", async () => {
    for (const key of [null, undefined]) {
      const { manager, queries } = fakeManager({ inserted: true });
      expect(await keys.claim(manager, "u1", key, "createThing", { label: "Bread" }, "r1")).toBeNull();
      expect(queries).toEqual([]);
    }
  });

  it("answers null for a new key, having stored the user, key, operation, request hash, resource and time", async () => {
    const { manager, queries } = fakeManager({ inserted: true });
    expect(await keys.claim(manager, "u1", "k", "createThing", { label: "Bread" }, "r1")).toBeNull();
    expect(queries).toHaveLength(1);
    expect(queries[0]!.params).toEqual([
      "u1",
      "k",
      "createThing",
      requestHash("createThing", { label: "Bread" }),
      "r1",
      new Date("2026-11-01T12:00:00Z"),
    ]);
  });

  it("answers the first request's resource for a replay of the same operation and input", async () => {
    const row = { operation: "createThing", request_hash: requestHash("createThing", { label: "Bread" }), resource_id: "first" };
    const { manager } = fakeManager({ inserted: false, row });
    expect(await keys.claim(manager, "u1", "k", "createThing", { label: "Bread" }, "r2")).toBe("first");
  });

  it("refuses with CONFLICT on idempotencyKey a key used for another input", async () => {
    const row = { operation: "createThing", request_hash: requestHash("createThing", { label: "Bread" }), resource_id: "first" };
    const { manager } = fakeManager({ inserted: false, row });
    expect(await rejection(keys.claim(manager, "u1", "k", "createThing", { label: "Milk" }, "r2"))).toEqual({
      code: "CONFLICT",
      field: "idempotencyKey",
      message: "this idempotencyKey was already used with a different request",
    });
  });

  it("refuses with CONFLICT, not a crash, when the key's row vanished between the insert and the lookup (a purge)", async () => {
    const { manager } = fakeManager({ inserted: false });
    expect(await rejection(keys.claim(manager, "u1", "k", "createThing", {}, "r2"))).toMatchObject({
      code: "CONFLICT",
      field: "idempotencyKey",
    });
  });
});

describe("IdempotencyKeys.replayed", () => {
  it("answers the resource the key created, as it is now", async () => {
    const thing = { id: "first", userId: "u1", label: "Bread, renamed" };
    const { manager } = fakeManager({ inserted: false, found: thing });
    expect(await keys.replayed(manager, "Thing", "u1", "first")).toBe(thing);
  });

  it("refuses with CONFLICT when that resource has since been deleted: the key cannot create it again", async () => {
    const { manager } = fakeManager({ inserted: false });
    expect(await rejection(keys.replayed(manager, "Thing", "u1", "first"))).toEqual({
      code: "CONFLICT",
      field: "idempotencyKey",
      message: "what this idempotencyKey created has since been deleted; use a new key",
    });
  });
});
