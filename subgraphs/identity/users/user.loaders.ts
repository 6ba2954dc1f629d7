import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { UserEntity } from "./user.entity.js";
import type { UserService } from "./user.service.js";

/** Batches every `User` lookup of one request into one query, and finds only the caller: another user's id is null. */
export const userByIdLoader =
  (users: UserService): LoaderFactory<string, UserEntity | null> =>
  (caller) =>
    keyedLoader(
      (ids) => (caller.userId && ids.includes(caller.userId) ? users.findByIds([caller.userId]) : Promise.resolve([])),
      (u) => u.id,
    );
