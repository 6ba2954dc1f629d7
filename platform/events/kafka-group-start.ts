import type { Admin, Consumer } from "kafkajs";
import type { Logger } from "pino";

/**
 * Where a consumer group starts reading, decided before it joins: after a kill -9, joining waits
 * for the dead member's session to expire, so a start that can resume from committed offsets does
 * not wait for the join (KafkaEventBus.subscribe).
 */

/** Offsets by topic and partition where a new consumer group starts. */
export type StartOffsets = Map<string, Map<number, string>>;

/**
 * Whether `groupId` can start reading `topics` without waiting to join: every partition has an
 * offset the group committed (it ran before), or holds nothing now, so reading it from its start
 * misses nothing and replays nothing. A group that ran before but never got an event on some
 * partition (few users, many partitions) would otherwise wait for every join after a kill -9.
 */
export async function resumesWithoutLoss(getAdmin: () => Promise<Admin>, groupId: string, topics: string[]): Promise<boolean> {
  try {
    const admin = await getAdmin();
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const { topic, partitions } of committed) {
      const missing = partitions.filter((p) => Number(p.offset) < 0).map((p) => p.partition);
      if (missing.length === 0) continue;
      const ends = await admin.fetchTopicOffsets(topic);
      if (ends.some((e) => missing.includes(e.partition) && BigInt(e.high) > BigInt(e.low))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The end of each partition of `topics` on which `groupId` has no committed offset (a new group: all). */
export async function uncommittedEnds(
  getAdmin: () => Promise<Admin>,
  groupId: string,
  topics: string[],
  logger: Logger,
): Promise<StartOffsets> {
  const ends: StartOffsets = new Map();
  try {
    const admin = await getAdmin();
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
      const missing = new Set(partitions.filter((p) => Number(p.offset) < 0).map((p) => p.partition));
      if (missing.size === 0) continue;
      const high = new Map(
        (await admin.fetchTopicOffsets(topic)).filter((e) => missing.has(e.partition)).map((e) => [e.partition, e.high]),
      );
      ends.set(topic, high);
    }
  } catch (error) {
    // Nothing recorded costs only speed: the next start after a kill -9 waits for its join.
    logger.warn({ err: error, groupId }, "could not read where a new consumer group starts");
  }
  return ends;
}

/**
 * Commits, as a member of the group, the ends read before it subscribed for the partitions it was
 * assigned. Its position (the latest offset when it first fetches) is at or past them, so a
 * restart replays at most what arrived while it joined; the inbox drops what was applied. (kafkajs'
 * `admin.setOffsets` would join the group once per topic: 5 s each.)
 */
export async function commitStart(
  consumer: Consumer,
  startAt: StartOffsets,
  assignment: Record<string, number[]>,
  { groupId, logger }: { groupId: string; logger: Logger },
): Promise<void> {
  const offsets = Object.entries(assignment).flatMap(([topic, partitions]) =>
    partitions.flatMap((partition) => {
      const offset = startAt.get(topic)?.get(partition);
      return offset === undefined ? [] : [{ topic, partition, offset }];
    }),
  );
  if (offsets.length === 0) return;
  try {
    await consumer.commitOffsets(offsets);
  } catch (error) {
    logger.warn({ err: error, groupId }, "could not commit where a new consumer group starts");
  }
}
