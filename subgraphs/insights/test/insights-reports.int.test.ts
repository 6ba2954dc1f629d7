import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { parse } from "csv-parse/sync";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { parseEnvelope } from "../../../platform/events/envelope.js";
import type { SubscriptionHandle } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig, uniqueSuffix } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { INSIGHTS_REPORT_TOPIC, REPORT_READY, type ReportReadyV1 } from "../../../schema/events/insights.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import { ReportStatus } from "../reports/report.model.js";
import { insightsClient } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const cents = (amount: string) => BigInt(amount.replace(".", ""));
const REPORT = `query($id: ID!) { report(id: $id) { id status progress downloadUrl size error scheduled } }`;
const GENERATE = `mutation($i: GenerateReportInput!) { generateReport(input: $i) { id status progress } }`;

describe.each(modes)("insights reports on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let deps: InsightsDeps;
  let alice: RegisteredUser;
  let files: string;
  let events: SubscriptionHandle;
  const ready: ReportReadyV1[] = [];
  const clock = new FixedClock("2026-03-10T12:00:00Z");
  let checking: string;

  /** Waits on insights' own store (not GraphQL: the gateway rate-limits a user's polling). */
  const settled = (user: RegisteredUser, id: string) =>
    eventually(
      async () => {
        const r = await deps.reports.store.get(user.id, id);
        expect([ReportStatus.READY, ReportStatus.FAILED]).toContain(r?.status);
        expect(r?.error).toBeNull();
        return r!;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  const generate = async (user: RegisteredUser, input: Record<string, unknown>) =>
    (await api.ok(user, GENERATE, { i: input })).generateReport;
  const download = async (user: RegisteredUser, id: string) => {
    const { report } = await api.ok(user, REPORT, { id });
    expect(report.status).toBe("READY");
    const response = await fetch(new URL(report.downloadUrl, sg.gateway.url));
    return { report, response };
  };

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), "moneta-reports-"));
    process.env.FILE_STORAGE_DIR = files;
    sg = await startTestSupergraph(config(), { clock });
    deps = sg.subgraph<InsightsDeps>("insights").deps;
    events = await sg.all.platform.bus.subscribe({
      groupId: `reports-test-${uniqueSuffix()}`,
      topics: [INSIGHTS_REPORT_TOPIC],
      fromBeginning: true,
      handle: async (message) => {
        const envelope = parseEnvelope(message.value);
        if (envelope.type === REPORT_READY) ready.push(envelope.data as ReportReadyV1);
      },
    });
    api = insightsClient(sg);
    alice = await sg.register("Alice");
    await api.ok(alice, `mutation { updateProfile(input: { locale: "de-DE" }) { id } }`);
    const food = await api.category(alice, "Essen", "EXPENSE");
    const restaurants = await api.category(alice, "Restaurants", "EXPENSE", food);
    const rent = await api.category(alice, "Miete", "EXPENSE");
    const salary = await api.category(alice, "Gehalt", "INCOME");
    checking = await api.account(alice, "Girokonto Alice", "1000.00");
    const savings = await api.account(alice, "Sparkonto", "250.00", "SAVINGS");
    const posts: Array<[string, string, string, string]> = [
      ["2026-01-02", "3200.00", salary, "Arbeitgeber GmbH"],
      ["2026-01-03", "-950.00", rent, "Vermieter"],
      ["2026-01-05", "-42.17", restaurants, 'Trattoria, "Da Mario"'],
      ["2026-01-20", "-118.40", food, "Markt"],
      ["2026-02-02", "3200.00", salary, "Arbeitgeber GmbH"],
      ["2026-02-03", "-950.00", rent, "Vermieter"],
      ["2026-02-14", "-64.90", restaurants, "=cmd|' /C calc'!A0"],
      ["2026-02-21", "-97.33", food, "Markt"],
    ];
    for (const [date, amount, categoryId, payee] of posts) await api.post(alice, { accountId: checking, amount, date, categoryId, payee });
    await api.ok(alice, `mutation($i: TransferInput!) { transferBetweenAccounts(input: $i) { id } }`, {
      i: { fromAccountId: checking, toAccountId: savings, amount: { amount: "500.00", currency: "USD" }, date: "2026-02-25" },
    });
    await eventually(async () => {
      expect(await deps.transactions.between(alice.id, "2026-01-01", "2026-02-28")).toHaveLength(posts.length);
      expect((await deps.settings.get(alice.id)).locale).toBe("de-DE");
      const [{ n }] = await sg
        .subgraph("insights")
        .kit.dataSource.query(`SELECT count(*)::int AS n FROM insights.transactions WHERE user_id = $1`, [alice.id]);
      expect(n).toBe(posts.length + 1);
    });
  });

  afterAll(async () => {
    await events?.stop();
    await sg?.close();
    await rm(files, { recursive: true, force: true });
  });

  it("renders a PDF statement with the account, totals in the user's locale and vector charts, downloaded through the gateway", async () => {
    const queued = await generate(alice, {
      kind: "MONTHLY_STATEMENT",
      format: "PDF",
      from: "2026-01-01",
      to: "2026-02-28",
      idempotencyKey: "pdf-1",
    });
    expect(queued).toMatchObject({ status: "QUEUED", progress: 0 });
    expect(
      (await generate(alice, { kind: "MONTHLY_STATEMENT", format: "PDF", from: "2026-01-01", to: "2026-02-28", idempotencyKey: "pdf-1" }))
        .id,
    ).toBe(queued.id);
    await settled(alice, queued.id);
    const { report, response } = await download(alice, queued.id);
    expect(report).toMatchObject({ status: "READY", progress: 1, scheduled: false });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="moneta-statement-2026-01-01-2026-02-28.pdf"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(report.size);

    const pdf = await getDocument({ data: bytes, verbosity: 0 }).promise;
    // The title page, then the overview's three charts over two pages, the two accounts' statements following on the second.
    expect(pdf.numPages).toBe(3);
    let text = "";
    let drawn = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      text += `${(await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ")}\n`;
      drawn += (await page.getOperatorList()).fnArray.filter((op) => op === OPS.constructPath).length;
    }
    const words = text.replace(/\u00a0/g, " ");
    expect(words).toContain("Girokonto Alice");
    expect(words).toContain("Spending by category");
    // Closing balance: 1000 + 6400 - 1900 - 42.17 - 118.40 - 64.90 - 97.33 - 500 = 4677.20, as de-DE prints dollars.
    expect(words).toContain("4.677,20 $");
    expect(words).toContain("3.200,00 $");
    // Donut slices, bars and the net-worth line are paths.
    expect(drawn).toBeGreaterThan(10);
  });

  it("writes a CSV whose income and spending add up to the ledger's totals", async () => {
    const { id } = await generate(alice, { kind: "MONTHLY_STATEMENT", format: "CSV", from: "2026-01-01", to: "2026-02-28" });
    await settled(alice, id);
    const { response } = await download(alice, id);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Array<Record<string, string>> = parse(bytes, { bom: true, columns: true });
    const sum = (type: string) => rows.filter((r) => r.type === type).reduce((s, r) => s + cents(r.amount!), 0n);
    const ledger = await api.ledgerTotals(alice, { dateFrom: "2026-01-01", dateTo: "2026-02-28" });
    expect(sum("INCOME")).toBe(cents(ledger.income));
    expect(sum("EXPENSE")).toBe(cents(ledger.expense));
    const closing = rows.find((r) => r.account === "Girokonto Alice" && r.type === "CLOSING_BALANCE");
    expect(closing?.balance).toBe("4677.20");
    expect(rows.find((r) => r.payee?.includes("calc"))?.payee).toBe("'=cmd|' /C calc'!A0");
    expect(rows.find((r) => r.payee?.startsWith("Trattoria"))?.payee).toBe('Trattoria, "Da Mario"');
  });

  it("refuses bad input with its field, and another user's report is NOT_FOUND", async () => {
    const bob = await sg.register("Bob");
    const { id } = await generate(alice, { kind: "CATEGORY_REPORT", format: "CSV", from: "2026-01-01", to: "2026-01-31" });
    expect(await api.outcome(bob, REPORT, { id })).toBe("NOT_FOUND");
    for (const [input, field] of [
      [{ kind: "CATEGORY_REPORT", format: "PDF", from: "2016-01-01", to: "2026-01-01" }, "to"],
      [{ kind: "CATEGORY_REPORT", format: "PDF", from: "2026-02-01", to: "2026-01-01" }, "from"],
      [{ kind: "CATEGORY_REPORT", format: "PDF", from: "2026/01/01", to: "2026-02-01" }, "from"],
    ] as const) {
      expect(await api.outcome(bob, GENERATE, { i: input })).toBe(`BAD_USER_INPUT:${field}`);
    }
    // An unknown kind is refused by the schema's enum before any resolver runs.
    expect(await api.outcome(bob, GENERATE, { i: { kind: "NOPE", format: "PDF", from: "2026-01-01", to: "2026-01-31" } })).toBe(
      "BAD_USER_INPUT",
    );
    await settled(alice, id);
  });

  it("makes one scheduled report a month, on the chosen day, announced once as scheduled", async () => {
    const schedule = (
      await api.ok(alice, `mutation { scheduleReport(input: { kind: CATEGORY_REPORT, format: PDF, dayOfMonth: 10 }) { id dayOfMonth } }`)
    ).scheduleReport;
    expect(
      await api.outcome(alice, `mutation { scheduleReport(input: { kind: CATEGORY_REPORT, format: PDF, dayOfMonth: 29 }) { id } }`),
    ).toBe("BAD_USER_INPUT:dayOfMonth");
    await Promise.all([deps.reports.scheduler.pass(), deps.reports.scheduler.pass()]);
    await deps.reports.scheduler.pass();
    const made = (await deps.reports.store.page(alice.id, 100, null)).filter((r) => r.scheduleId === schedule.id);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ from: "2026-02-01", to: "2026-02-28", scheduleMonth: "2026-02" });
    await settled(alice, made[0]!.id);
    await eventually(() =>
      expect(ready.filter((e) => e.reportId === made[0]!.id)).toEqual([
        expect.objectContaining({ scheduled: true, kind: "CATEGORY_REPORT", format: "PDF" }),
      ]),
    );
    expect((await api.ok(alice, `{ reportSchedules { id } }`)).reportSchedules).toEqual([{ id: schedule.id }]);
    await api.ok(alice, `mutation($id: ID!) { deleteReportSchedule(id: $id) }`, { id: schedule.id });
  });

  it("purges a deleted user's reports, files and schedules", async () => {
    const carol = await sg.register("Carol");
    const account = await api.account(carol, "Carol's", "10.00");
    await api.post(carol, { accountId: account, amount: "-1.00", date: "2026-02-01" });
    await eventually(async () => expect(await deps.transactions.between(carol.id, "2026-02-01", "2026-02-01")).toHaveLength(1));
    const { id } = await generate(carol, { kind: "MONTHLY_STATEMENT", format: "CSV", from: "2026-02-01", to: "2026-02-28" });
    await api.ok(carol, `mutation { scheduleReport(input: { kind: MONTHLY_STATEMENT, format: CSV, dayOfMonth: 1 }) { id } }`);
    const key = (await settled(carol, id)).storageKey!;
    expect(await deps.reports.storage.get(key)).not.toBeNull();
    await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: carol.password }, carol.headers);
    await eventually(async () => {
      expect(await deps.reports.store.get(carol.id, id)).toBeNull();
      expect(await deps.reports.schedules.list(carol.id)).toEqual([]);
    });
    expect(await deps.reports.storage.get(key)).toBeNull();
  });

  it("stops serving a link after 15 minutes, and a file after 7 days (EXPIRED)", async () => {
    const { id } = await generate(alice, { kind: "TAX_YEAR", format: "CSV", from: "2026-01-01", to: "2026-12-31" });
    await settled(alice, id);
    const { report, response } = await download(alice, id);
    expect(response.status).toBe(200);
    const link = new URL(report.downloadUrl, sg.gateway.url);
    const [path, token] = link.toString().split("token=") as [string, string];
    expect((await fetch(`${path}token=${token.slice(0, -2)}${token.endsWith("A") ? "B" : "A"}A`)).status).toBe(403);
    clock.advance(15 * 60_000 + 1);
    expect((await fetch(link)).status).toBe(403);
    clock.advance(7 * 24 * 3_600_000);
    expect(await deps.reports.expiry.pass()).toBeGreaterThan(0);
    expect((await deps.reports.store.get(alice.id, id))?.status).toBe(ReportStatus.EXPIRED);
    expect(await deps.reports.storage.get(`reports/${alice.id}/${id}.csv`)).toBeNull();
  });
});
