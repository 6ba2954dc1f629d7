import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";

import { givenFields, type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import type { LendingDeps } from "../lending.deps.js";
import { Loan } from "../loans/loan.type.js";
import { CreateContactInput, UpdateContactInput } from "./contact.inputs.js";
import { Contact } from "./contact.type.js";

@Resolver(() => Contact)
export class ContactResolver {
  constructor(private readonly deps: LendingDeps) {}

  @Directive(scopes("lending:read"))
  @Query(() => [Contact], { description: "Your contacts, by name." })
  async contacts(@Ctx() context: RequestContext): Promise<Contact[]> {
    return (await this.deps.contacts.list(requireUserId(context))).map(Contact.from);
  }

  @Directive(scopes("lending:read"))
  @Query(() => Contact, { nullable: true, description: "One of your contacts; null if unknown or not yours." })
  async contact(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Contact | null> {
    requireUserId(context);
    const contact = await context.loaders.get(this.deps.loaders.contact).load(id);
    return contact ? Contact.from(contact) : null;
  }

  @Directive(scopes("lending:write"))
  @Mutation(() => Contact)
  async createContact(@Ctx() context: RequestContext, @Arg("input", () => CreateContactInput) input: CreateContactInput): Promise<Contact> {
    const { idempotencyKey, ...fields } = input;
    return Contact.from(await this.deps.contacts.create(requireUserId(context), fields, idempotencyKey));
  }

  @Directive(scopes("lending:write"))
  @Mutation(() => Contact)
  async updateContact(@Ctx() context: RequestContext, @Arg("input", () => UpdateContactInput) input: UpdateContactInput): Promise<Contact> {
    const { id, ...fields } = givenFields(input);
    return Contact.from(await this.deps.contacts.update(requireUserId(context), id ?? input.id, fields));
  }

  @Directive(scopes("lending:write"))
  @Mutation(() => Boolean, { description: "Only a contact no loan names (CONTACT_HAS_LOANS otherwise)." })
  async deleteContact(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    return this.deps.contacts.delete(requireUserId(context), id);
  }

  @FieldResolver(() => [Loan], { description: "Loans with this contact, oldest first." })
  async loans(@Root() contact: Contact, @Ctx() context: RequestContext): Promise<Loan[]> {
    return (await context.loaders.get(this.deps.loaders.loansByContact).load(contact.id)).map(Loan.from);
  }

  @FieldResolver(() => [MoneyType], {
    description: "What they owe you today on LENT loans still open (see Loan.amountOwed), per currency.",
  })
  async owesMe(@Root() contact: Contact, @Ctx() context: RequestContext): Promise<MoneyType[]> {
    return this.owed(contact, context, "LENT");
  }

  @FieldResolver(() => [MoneyType], { description: "What you owe them today on BORROWED loans still open, per currency." })
  async iOwe(@Root() contact: Contact, @Ctx() context: RequestContext): Promise<MoneyType[]> {
    return this.owed(contact, context, "BORROWED");
  }

  private async owed(contact: Contact, context: RequestContext, direction: "LENT" | "BORROWED"): Promise<MoneyType[]> {
    const rows = await context.loaders.get(this.deps.loaders.owedByContact).load(contact.id);
    return rows.filter((r) => r.direction === direction).map(MoneyType.from);
  }
}
