import { Field, ObjectType } from "type-graphql";

@ObjectType("DataExport", { description: "A downloadable JSON document of the user's identity data." })
export class DataExportType {
  @Field(() => String) filename!: string;
  @Field(() => String) contentType!: string;
  @Field(() => String, { description: "The JSON document." }) content!: string;
}
