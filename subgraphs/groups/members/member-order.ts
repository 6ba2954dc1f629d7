// The stable order of a group's members that every split, conversion and settlement plan follows,
// so a result never depends on the order a client listed members in, and ties always go the same way.

/** A member's position in the group (join order, say): lower comes first. */
export type MemberRank = (memberId: string) => number;

/** An amount in minor units attributed to one member; the currency is the caller's context. */
export interface MemberAmount {
  memberId: string;
  amountMinor: bigint;
}

/** Orders by rank, then by member id for equal ranks. A member without a finite rank is a caller's bug. */
export function inMemberOrder<T extends { memberId: string }>(items: readonly T[], rank: MemberRank): T[] {
  const keyed = items.map((item) => {
    const position = rank(item.memberId);
    if (!Number.isFinite(position)) throw new Error(`no rank for group member ${item.memberId}`);
    return { item, position };
  });
  keyed.sort((a, b) => a.position - b.position || compareIds(a.item.memberId, b.item.memberId));
  return keyed.map((k) => k.item);
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first member id listed twice, if any. */
export function firstDuplicate(memberIds: Iterable<string>): string | undefined {
  const seen = new Set<string>();
  for (const id of memberIds) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

export const sumMinor = (items: readonly MemberAmount[]): bigint => items.reduce((total, item) => total + item.amountMinor, 0n);
