import { In, type DataSource } from "typeorm";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { badInput, conflict } from "../../../platform/errors/index.js";
import { UserEntity } from "./user.entity.js";

export interface NewUser {
  email: string;
  displayName: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(input: NewUser): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    if (email.length > 254 || !EMAIL.test(email)) throw badInput("invalid email address", { field: "email" });
    const displayName = input.displayName.trim();
    if (displayName.length === 0 || displayName.length > 100) throw badInput("display name must be 1-100 characters", { field: "displayName" });
    const user = Object.assign(new UserEntity(), { id: this.ids.next(), email, displayName, createdAt: this.clock.now() });
    try {
      return await this.dataSource.getRepository(UserEntity).save(user);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === "23505") throw conflict("email already registered");
      throw error;
    }
  }

  /** One statement for any number of ids (reference batches). */
  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }
}
