import type { CategoryKindValue } from "./category.entity.js";

export interface DefaultCategory {
  name: string;
  kind: CategoryKindValue;
  icon: string;
  color: string;
  children?: string[];
}

/** What a new user starts with (on `UserRegistered`); theirs to rename, merge or delete. */
export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  { name: "Salary", kind: "INCOME", icon: "briefcase", color: "#2E7D32" },
  { name: "Other income", kind: "INCOME", icon: "plus-circle", color: "#66BB6A" },
  { name: "Housing", kind: "EXPENSE", icon: "home", color: "#6D4C41", children: ["Rent", "Utilities", "Maintenance"] },
  { name: "Food", kind: "EXPENSE", icon: "utensils", color: "#EF6C00", children: ["Groceries", "Restaurants"] },
  { name: "Transport", kind: "EXPENSE", icon: "bus", color: "#1565C0", children: ["Public transport", "Fuel"] },
  { name: "Shopping", kind: "EXPENSE", icon: "shopping-bag", color: "#AD1457" },
  { name: "Health", kind: "EXPENSE", icon: "heart", color: "#C62828" },
  { name: "Entertainment", kind: "EXPENSE", icon: "film", color: "#6A1B9A" },
  { name: "Bills & subscriptions", kind: "EXPENSE", icon: "receipt", color: "#455A64" },
  { name: "Savings", kind: "EXPENSE", icon: "piggy-bank", color: "#00838F" },
];
