import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { Kafka, logLevel } from "kafkajs";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PostgresDatabaseProvider } from "../db/database.js";
import { realServices, uniqueSuffix } from "../testing/services.js";
import { systemClock } from "../time/clock.js";
import { randomIds } from "../time/ids.js";
import { KafkaEventBus } from "./kafka-bus.js";
import { Outbox } from "./outbox.js";
import { OutboxRelay } from "./relay.js";

/**
 * Events written while the broker is down go out within a second of it answering again. This test
 * stops and starts a broker of its own (scripts/kafka.sh on free ports, its own data dir): the
 * shared one serves every other test file.
 */
const script = fileURLToPath(new URL("../../scripts/kafka.sh", import.meta.url));
const home = mkdtempSync(join(tmpdir(), "moneta-relay-kafka-"));

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Topics = Record<string, { Happened: { n: number } }>;

describe("outbox relay after the broker comes back", () => {
  const services = realServices();
  const database = new PostgresDatabaseProvider(services.databaseUrl);
  const schema = `relay_${uniqueSuffix()}`;
  const topic = `relay.t${uniqueSuffix()}.v1`;
  let env: NodeJS.ProcessEnv;
  let brokers: string[];
  let bus: KafkaEventBus;
  let relay: OutboxRelay;
  const kafka = (command: "start" | "stop") => {
    const run = spawnSync("bash", [script, command], { env, encoding: "utf8", timeout: 150_000 });
    if (run.status !== 0) throw new Error(`kafka.sh ${command} failed: ${run.stderr}${run.stdout}`);
  };

  beforeAll(async () => {
    const [port, controller] = [await freePort(), await freePort()];
    env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controller), KAFKA_HOME_DIR: home };
    brokers = [`127.0.0.1:${port}`];
    kafka("start");
    bus = new KafkaEventBus({ brokers, clientId: "relay-return", partitions: 1, logger: pino({ level: "silent" }) });
  }, 180_000);

  afterAll(async () => {
    await relay?.stop();
    await bus?.close();
    await database.close();
    if (env) spawnSync("bash", [script, "stop"], { env, timeout: 60_000 });
    rmSync(home, { recursive: true, force: true });
  }, 90_000);

  it("publishes what was written during the outage within a second of the broker answering", async () => {
    const { dataSource, notifier } = await database.open(schema, { entities: [], migrations: [] });
    const outbox = new Outbox<Topics>(schema, systemClock, randomIds);
    relay = new OutboxRelay({ dataSource, schema, bus, notifier, logger: pino({ level: "silent" }), safetyIntervalMs: 60_000 });
    await relay.start();
    const write = (n: number) =>
      dataSource.transaction((m) => outbox.add(m, "trace", [{ topic, type: "Happened", key: "u1", data: { n } }]));
    const pending = async () =>
      Number((await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`))[0].n);
    const until = async (done: () => Promise<boolean>, timeoutMs: number) => {
      for (const end = Date.now() + timeoutMs; !(await done());) {
        if (Date.now() > end) throw new Error("timed out");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };

    // Warm: the topic exists and the producer is connected before the outage.
    await write(1);
    await until(async () => (await pending()) === 0, 30_000);

    kafka("stop");
    await write(2);
    await write(3);
    // Long enough for the relay to fail and back off several times, as in a real outage.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await pending()).toBe(2);

    // Started in the background: kafka.sh returns only some time after the broker first answers.
    const restart = spawn("bash", [script, "start"], { env, stdio: "ignore" });
    const restarted = once(restart, "exit");
    // The moment a client of our own first gets an answer: what the relay is measured against.
    const probe = new Kafka({ clientId: "probe", brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    await until(async () => {
      try {
        await probe.connect();
        await probe.describeCluster();
        return true;
      } catch {
        return false;
      }
    }, 60_000);
    const answered = performance.now();
    await probe.disconnect();
    await until(async () => (await pending()) === 0, 30_000);
    const delayMs = performance.now() - answered;
    await restarted;
    console.log(`relay: events written during the outage published ${delayMs.toFixed(0)} ms after the broker answered`);
    // The target is 1 s; 2 s leaves room for a loaded CI machine. Before the fix a wait could reach 25 s
    // (kafkajs: 8 retries doubling from 200 ms) plus up to 10 s of the relay's own backoff.
    expect(delayMs).toBeLessThan(2_000);
  }, 240_000);
});
