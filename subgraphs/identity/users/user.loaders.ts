import { keyedLoader } from "../../../platform/graphql/index.js";
import type { UserService } from "./user.service.js";

/** Batches every `User` lookup of one request into one query. */
export const userByIdLoader = (users: UserService) => () =>
  keyedLoader(
    (ids) => users.findByIds(ids),
    (u) => u.id,
  );
