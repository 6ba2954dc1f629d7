import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

import type { CategoryEntity } from "./category.entity.js";

export enum CategoryKind {
  INCOME = "INCOME",
  EXPENSE = "EXPENSE",
}
registerEnumType(CategoryKind, { name: "CategoryKind" });

@Directive('@key(fields: "id")')
@ObjectType("Category", { description: "What money was earned or spent on; one level of subcategories." })
export class Category {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => CategoryKind)
  kind!: CategoryKind;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => String, { nullable: true })
  icon!: string | null;

  @Field(() => String, { nullable: true, description: "#RRGGBB" })
  color!: string | null;

  static from(entity: CategoryEntity): Category {
    return Object.assign(new Category(), {
      id: entity.id,
      name: entity.name,
      kind: entity.kind as CategoryKind,
      parentId: entity.parentId,
      icon: entity.icon,
      color: entity.color,
    });
  }
}
