import { defineSubgraph } from "../../platform/subgraph/index.js";
import type { LoaderFactory } from "../../platform/graphql/index.js";
import { CreateUsers1763769600100 } from "./migrations/1763769600100-create-users.js";
import { UserEntity } from "./users/user.entity.js";
import { userByIdLoader } from "./users/user.loaders.js";
import { resolveUserReference } from "./users/user.reference.js";
import { UserResolver } from "./users/user.resolver.js";
import { UserService } from "./users/user.service.js";

export interface IdentityDeps {
  users: UserService;
  userLoader: LoaderFactory<string, UserEntity | null>;
}

/** Identity: users, sign-in and sessions. Owns the `User` entity every other subgraph extends. */
export default defineSubgraph<IdentityDeps>({
  name: "identity",
  port: 4001,
  resolvers: [UserResolver],
  entities: [UserEntity],
  migrations: [CreateUsers1763769600100],
  createDeps: (kit) => {
    const users = new UserService(kit.dataSource, kit.clock, kit.ids);
    return { users, userLoader: userByIdLoader(users) };
  },
  references: (deps) => ({ User: resolveUserReference(deps) }),
});
