/**
 * Waits until a Kafka broker really answers the Kafka protocol (not just TCP):
 * a kafkajs admin client must connect and list topics. Used by scripts/kafka.sh
 * (`start` and `status`), usable on its own:
 *
 *   npx tsx scripts/kafka-wait.ts [--broker 127.0.0.1:9092] [--timeout 60] [--pid N] [--log FILE] [--quiet]
 *
 * --timeout  seconds before giving up (default: $KAFKA_WAIT_TIMEOUT or 60)
 * --pid      broker process id; fail at once if that process exits while waiting
 * --log      broker log file whose last lines are printed on failure
 *
 * Exit codes: 0 answering, 1 timed out / broker died, 2 bad usage.
 */
import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;

interface Options {
  broker: string;
  timeoutMs: number;
  pid: number | undefined;
  log: string | undefined;
  quiet: boolean;
}

function usage(message: string): never {
  process.stderr.write(
    `kafka-wait: ${message}\nusage: tsx scripts/kafka-wait.ts [--broker host:port] [--timeout seconds] [--pid N] [--log file] [--quiet]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    broker: `127.0.0.1:${process.env.KAFKA_PORT ?? "9092"}`,
    timeoutMs: Number(process.env.KAFKA_WAIT_TIMEOUT ?? "60") * 1000,
    pid: undefined,
    log: undefined,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case "--broker":
        options.broker = value();
        break;
      case "--timeout":
        options.timeoutMs = Number(value()) * 1000;
        break;
      case "--pid":
        options.pid = Number(value());
        break;
      case "--log":
        options.log = value();
        break;
      case "--quiet":
        options.quiet = true;
        break;
      default:
        usage(`unknown argument ${arg}`);
    }
  }
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) usage("--timeout must be a positive number");
  if (options.pid !== undefined && !Number.isInteger(options.pid)) usage("--pid must be an integer");
  return options;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function logTail(file: string | undefined, lines = 40): string {
  if (file === undefined || !existsSync(file)) return "";
  const all = readFileSync(file, "utf8").split("\n");
  return `--- last ${lines} lines of ${file} ---\n${all.slice(-lines - 1).join("\n")}\n`;
}

/** One attempt: connect an admin client and list topics. Throws on failure. */
async function probe(broker: string): Promise<string[]> {
  const kafka = new Kafka({
    clientId: "moneta-kafka-wait",
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await admin.listTopics();
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let lastError = "no attempt made";

  while (Date.now() < deadline) {
    if (options.pid !== undefined && !isAlive(options.pid)) {
      process.stderr.write(
        `kafka-wait: broker process ${options.pid} exited before ${options.broker} answered (last error: ${lastError})\n${logTail(options.log)}`,
      );
      process.exit(1);
    }
    try {
      const topics = await probe(options.broker);
      if (!options.quiet) {
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(`kafka-wait: ${options.broker} answers Kafka protocol (${topics.length} topics) after ${secs}s\n`);
      }
      return;
    } catch (err) {
      lastError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    await sleep(250);
  }

  process.stderr.write(
    `kafka-wait: ${options.broker} did not answer Kafka protocol within ${options.timeoutMs / 1000}s (last error: ${lastError})\n${logTail(options.log)}`,
  );
  process.exit(1);
}

await main();
