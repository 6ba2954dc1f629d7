import { useApiQuery } from "../../api/hooks";
import { TransactionsPageOptionsDocument, type TransactionsPageOptionsQuery } from "../../generated/graphql";

export type AccountOption = TransactionsPageOptionsQuery["accounts"][number];
type CategoryRow = TransactionsPageOptionsQuery["categories"][number];
export interface CategoryOption {
  id: string;
  label: string;
  kind: string;
}

/** Categories as one list a select can show: each parent followed by its children ("Food › Groceries"). */
export function categoryOptions(categories: readonly CategoryRow[]): CategoryOption[] {
  const byName = (a: CategoryRow, b: CategoryRow) => a.name.localeCompare(b.name);
  const parents = categories.filter((c) => !c.parentId || !categories.some((p) => p.id === c.parentId)).sort(byName);
  return parents.flatMap((parent) => [
    { id: parent.id, label: parent.name, kind: parent.kind },
    ...categories
      .filter((c) => c.parentId === parent.id)
      .sort(byName)
      .map((child) => ({ id: child.id, label: `${parent.name} › ${child.name}`, kind: child.kind })),
  ]);
}

/** The accounts and categories every form and filter on the page chooses from. */
export function useTransactionOptions() {
  const query = useApiQuery(TransactionsPageOptionsDocument, {});
  const accounts = query.data?.accounts ?? [];
  const categories = categoryOptions(query.data?.categories ?? []);
  return { query, accounts, categories };
}

/** <option>s for a category select, expenses and income apart. */
export function CategoryOptionList({ categories }: { categories: readonly CategoryOption[] }) {
  const groups: Array<[string, CategoryOption[]]> = [
    ["Expenses", categories.filter((c) => c.kind !== "INCOME")],
    ["Income", categories.filter((c) => c.kind === "INCOME")],
  ];
  return (
    <>
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([label, list]) => (
          <optgroup key={label} label={label}>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ))}
    </>
  );
}
