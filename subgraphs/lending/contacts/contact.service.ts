import { type DataSource, type EntityManager, In } from "typeorm";
import validator from "validator";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput } from "../../../platform/errors/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { contactHasLoans, contactNotFound, optionalText, text } from "../loans/loan.errors.js";
import { ContactEntity } from "./contact.entity.js";

export const MAX_CONTACTS_PER_USER = 1000;

export interface ContactFields {
  name?: string;
  email?: string | null;
  notes?: string | null;
}

function emailOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const email = value.trim();
  if (email.length > 254 || !validator.isEmail(email, { require_tld: true }))
    throw badInput("email is not an e-mail address", { field: "email" });
  return email;
}

/** The people a user lends to and borrows from. */
export class ContactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  async create(userId: string, fields: ContactFields & { name: string }, idempotencyKey?: string | null): Promise<ContactEntity> {
    const values = { name: text(fields.name, "name", 100), email: emailOf(fields.email), notes: optionalText(fields.notes, "notes", 2000) };
    assertIdempotencyKey(idempotencyKey);
    return this.dataSource.transaction(async (manager) => {
      const id = this.ids.next();
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "createContact", values, id);
      if (replayOf) return this.idempotency.replayed(manager, ContactEntity, userId, replayOf);
      await claimWithinUserCap(manager, ContactEntity, userId, MAX_CONTACTS_PER_USER, "contacts");
      const now = this.clock.now();
      const contact = Object.assign(new ContactEntity(), { id, userId, ...values, createdAt: now, updatedAt: now });
      await manager.insert(ContactEntity, contact);
      return contact;
    });
  }

  async update(userId: string, id: string, fields: ContactFields): Promise<ContactEntity> {
    const patch: Partial<ContactEntity> = {};
    if (fields.name !== undefined) patch.name = text(fields.name ?? "", "name", 100);
    if (fields.email !== undefined) patch.email = emailOf(fields.email);
    if (fields.notes !== undefined) patch.notes = optionalText(fields.notes, "notes", 2000);
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.owned(manager, userId, id);
      Object.assign(contact, patch, { updatedAt: this.clock.now() });
      await manager.update(ContactEntity, { id: contact.id, userId }, { ...patch, updatedAt: contact.updatedAt });
      return contact;
    });
  }

  /** Only a contact no loan names: a loan's history keeps its person. */
  async delete(userId: string, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.owned(manager, userId, id);
      const [row] = await manager.query(`SELECT EXISTS (SELECT 1 FROM lending.loans WHERE contact_id = $1) AS used`, [contact.id]);
      if (row.used) throw contactHasLoans();
      await manager.delete(ContactEntity, { id: contact.id, userId });
      return true;
    });
  }

  /** The caller's contacts, by name. */
  async list(userId: string): Promise<ContactEntity[]> {
    const rows = await this.dataSource.getRepository(ContactEntity).findBy({ userId });
    return rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  findForUser(userId: string, ids: readonly string[]): Promise<ContactEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length === 0 ? Promise.resolve([]) : this.dataSource.getRepository(ContactEntity).findBy({ userId, id: In(valid) });
  }

  /** The contact row-locked, if it is the caller's; NOT_FOUND otherwise. */
  async owned(manager: EntityManager, userId: string, id: string, field = "id"): Promise<ContactEntity> {
    const found = isUuid(id) ? await manager.findOne(ContactEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } }) : null;
    if (!found) throw contactNotFound(field);
    return found;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(ContactEntity, { userId });
  }
}
