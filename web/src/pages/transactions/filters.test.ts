import { describe, expect, it } from "vitest";

import { filterFromParams, isFiltered, paramsFromForm } from "./filters";

describe("transaction filters in the URL", () => {
  it("turns search params into the API's filter, dropping what is empty or malformed", () => {
    const params = new URLSearchParams("q=bakery&account=a1&category=c1&from=2026-01-01&to=nope&kind=EXPENSE&deleted=1&other=x");
    expect(filterFromParams(params)).toEqual({
      search: "bakery",
      accountIds: ["a1"],
      categoryIds: ["c1"],
      dateFrom: "2026-01-01",
      kinds: ["EXPENSE"],
      deleted: true,
    });
    expect(filterFromParams(new URLSearchParams("category=none&kind=BOGUS&q=%20"))).toEqual({ uncategorized: true });
    expect(isFiltered(new URLSearchParams(""))).toBe(false);
    expect(isFiltered(new URLSearchParams("q=a"))).toBe(true);
  });

  it("keeps only the filled fields of the form", () => {
    const form = new FormData();
    form.set("q", " coffee ");
    form.set("account", "");
    form.set("kind", "INCOME");
    expect(paramsFromForm(form).toString()).toBe("q=coffee&kind=INCOME");
  });
});
