import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";

import { givenFields, type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { CreateCategoryInput, UpdateCategoryInput } from "./category.inputs.js";
import { Category } from "./category.type.js";

@Resolver(() => Category)
export class CategoryResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => [Category], { description: "The caller's categories, income first, by name." })
  async categories(@Ctx() context: RequestContext): Promise<Category[]> {
    return (await this.deps.categories.list(requireUserId(context))).map(Category.from);
  }

  @Directive(scopes("ledger:read"))
  @Query(() => Category, { nullable: true })
  async category(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Category | null> {
    requireUserId(context);
    const entity = await context.loaders.get(this.deps.loaders.category).load(id);
    return entity ? Category.from(entity) : null;
  }

  @FieldResolver(() => Category, { nullable: true })
  async parent(@Root() category: Category, @Ctx() context: RequestContext): Promise<Category | null> {
    if (!category.parentId) return null;
    const entity = await context.loaders.get(this.deps.loaders.category).load(category.parentId);
    return entity ? Category.from(entity) : null;
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Category)
  async createCategory(
    @Ctx() context: RequestContext,
    @Arg("input", () => CreateCategoryInput) input: CreateCategoryInput,
  ): Promise<Category> {
    const { idempotencyKey, ...fields } = givenFields(input);
    return Category.from(
      await this.deps.categories.create(requireUserId(context), fields as CreateCategoryInput, context.traceId, idempotencyKey),
    );
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Category)
  async updateCategory(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateCategoryInput) input: UpdateCategoryInput,
  ): Promise<Category> {
    return Category.from(await this.deps.categories.update(requireUserId(context), id, givenFields(input), context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Category, {
    description: "Moves every transaction, subcategory and rule of the source to the target and deletes the source; returns the target.",
  })
  async mergeCategories(
    @Ctx() context: RequestContext,
    @Arg("sourceId", () => ID) sourceId: string,
    @Arg("targetId", () => ID) targetId: string,
  ): Promise<Category> {
    return Category.from(await this.deps.categories.merge(requireUserId(context), sourceId, targetId, context.traceId));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Boolean, {
    description: "Deletes a category without subcategories; its transactions move to reassignTo, or become uncategorised.",
  })
  async deleteCategory(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("reassignTo", () => ID, { nullable: true }) reassignTo: string | null,
  ): Promise<boolean> {
    return this.deps.categories.delete(requireUserId(context), id, reassignTo ?? null, context.traceId);
  }
}
