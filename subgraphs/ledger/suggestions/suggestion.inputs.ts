import { Field, InputType } from "type-graphql";

@InputType({ description: "What is left out (or null) stays as it is." })
export class CategorySuggestionSettingsInput {
  @Field(() => Boolean, { nullable: true })
  autoApply?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A decimal from 0.50 to 1.00, at most four places ("0.85").' })
  minConfidence?: string | null;
}
