import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { CategoryEntity } from "./category.entity.js";
import type { CategoryService } from "./category.service.js";

/** One query per request for every category reference, scoped to the caller in SQL. */
export const categoryByIdLoader =
  (categories: CategoryService): LoaderFactory<string, CategoryEntity | null> =>
  (caller) =>
    keyedLoader(
      (ids) => (caller.userId ? categories.findForUser(caller.userId, ids) : Promise.resolve([])),
      (c) => c.id,
    );
