import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

import { badInput } from "../errors/errors.js";

/**
 * Inside a creating transaction: serialises one user's creations of `entity` (a per-user advisory
 * lock, released at commit) and refuses the one past `max`, so the cap holds under concurrent
 * requests. The entity needs a `userId` column. Returns how many the user has before this one.
 */
export async function claimWithinUserCap<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  userId: string,
  max: number,
  noun: string,
): Promise<number> {
  const metadata = manager.getRepository(entity).metadata;
  // Subgraphs set their schema on the data source, so the table name alone could repeat across them.
  const schema = metadata.schema ?? (manager.connection.options as { schema?: string }).schema ?? "";
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [`${schema}.${metadata.tableName}`, userId]);
  const count = await manager.countBy(entity, { userId } as never);
  if (count >= max) throw badInput(`at most ${max} ${noun}`);
  return count;
}
