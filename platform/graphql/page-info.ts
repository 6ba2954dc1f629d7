import { Directive, Field, ObjectType } from "type-graphql";

/** Relay's page info for cursor connections; a value type every subgraph shares, hence @shareable. */
@Directive("@shareable")
@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
