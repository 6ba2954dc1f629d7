import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("CategorySuggestion", { description: "A category the categorizer suggests, learnt from your own categorised transactions." })
export class CategorySuggestion {
  @Field(() => ID)
  categoryId!: string;

  @Field(() => String, { nullable: true, description: "Null when the category is gone from the ledger." })
  name!: string | null;

  @Field(() => String, { description: 'Probability from 0 to 1, 4 decimals ("0.9312"); the suggestions\' add up to at most 1.' })
  confidence!: string;
}
