import { Column, Entity, PrimaryColumn } from "typeorm";

/** A household, a trip, a flat: people who share expenses in one currency. */
@Entity({ name: "groups" })
export class GroupEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("text")
  name!: string;

  /** Balances, settlements and savings goals are kept in it; expenses in others carry a rate. */
  @Column("char", { length: 3 })
  currency!: string;

  /** Archived groups are read-only. */
  @Column("timestamptz", { name: "archived_at", nullable: true })
  archivedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
