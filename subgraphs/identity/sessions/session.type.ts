import { Field, ID, ObjectType } from "type-graphql";

import type { SessionEntity } from "./session.entity.js";

@ObjectType("Session", { description: "A signed-in device." })
export class Session {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: "User agent at the last refresh." }) device!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Boolean, { description: "The session of the token making this call." }) current!: boolean;

  static from(entity: SessionEntity, currentSessionId?: string): Session {
    return Object.assign(new Session(), {
      id: entity.id,
      device: entity.device,
      ip: entity.ip,
      createdAt: entity.createdAt,
      lastSeenAt: entity.lastSeenAt,
      expiresAt: entity.expiresAt,
      current: entity.id === currentSessionId,
    });
  }
}
