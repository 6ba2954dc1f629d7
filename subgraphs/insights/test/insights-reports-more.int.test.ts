import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline, Readable, Transform } from "node:stream";

import { parse } from "csv-parse/sync";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { parseEnvelope } from "../../../platform/events/envelope.js";
import type { SubscriptionHandle } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig, uniqueSuffix } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { INSIGHTS_REPORT_TOPIC, REPORT_READY, REPORT_UPDATED } from "../../../schema/events/insights.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import { ReportStatus } from "../reports/report.model.js";
import { insightsClient } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const cents = (amount: string) => BigInt(amount.replace(".", ""));
/** "13553.00" as de-DE prints dollars: "13.553,00 $" (spaces normalised). */
const deUsd = (amount: string) => {
  const negative = amount.startsWith("-");
  const [whole, fraction] = amount.replace("-", "").split(".") as [string, string];
  return `${negative ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${fraction} $`;
};
const REPORT = `query($id: ID!) { report(id: $id) { id status progress downloadUrl size error } }`;
const GENERATE = `mutation($i: GenerateReportInput!) { generateReport(input: $i) { id status progress } }`;
const WATCH = `subscription($id: ID!) { reportUpdated(id: $id) { id status progress downloadUrl } }`;

interface PdfPages {
  pages: number;
  text: string;
  paths: number;
}

async function readPdf(bytes: Uint8Array): Promise<PdfPages> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = "";
  let paths = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    text += `${(await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ")}\n`;
    paths += (await page.getOperatorList()).fnArray.filter((op) => op === OPS.constructPath).length;
  }
  return { pages: pdf.numPages, text: text.replace(/[\u00a0\u202f]/g, " "), paths };
}

describe.each(modes)("insights reports, live, failing, tax and categories, on %s", (mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let deps: InsightsDeps;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let files: string;
  let events: SubscriptionHandle;
  const live = liveClients(() => sg);
  const announced: Array<{ type: string; id: string }> = [];
  const clock = new FixedClock("2026-03-10T12:00:00Z");
  const runner = () => sg.subgraph("insights").jobs!;
  const db = () => sg.subgraph("insights").kit.dataSource;

  /** Waits on insights' own store (not GraphQL: the gateway rate-limits a user's polling). */
  const settled = (user: RegisteredUser, id: string) =>
    eventually(
      async () => {
        const r = await deps.reports.store.get(user.id, id);
        expect([ReportStatus.READY, ReportStatus.FAILED]).toContain(r?.status);
        return r!;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  const generate = async (user: RegisteredUser, input: Record<string, unknown>) =>
    (await api.ok(user, GENERATE, { i: input })).generateReport as { id: string; status: string; progress: number };
  const download = async (user: RegisteredUser, id: string) => {
    const { report } = await api.ok(user, REPORT, { id });
    expect(report.status).toBe("READY");
    const response = await fetch(new URL(report.downloadUrl, sg.gateway.url));
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  /** Every file under the storage root whose name holds `id`. */
  const filesOf = async (id: string) =>
    (await readdir(files, { recursive: true })).filter((name) => typeof name === "string" && name.includes(id));

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), "moneta-reports-more-"));
    process.env.FILE_STORAGE_DIR = files;
    sg = await startTestSupergraph(config(), { clock });
    deps = sg.subgraph<InsightsDeps>("insights").deps;
    events = await sg.all.platform.bus.subscribe({
      groupId: `reports-more-test-${uniqueSuffix()}`,
      topics: [INSIGHTS_REPORT_TOPIC],
      fromBeginning: true,
      handle: async (message) => {
        const envelope = parseEnvelope(message.value);
        const data = envelope.data as { id?: string; reportId?: string };
        if (envelope.type === REPORT_UPDATED) announced.push({ type: REPORT_UPDATED, id: data.id! });
        if (envelope.type === REPORT_READY) announced.push({ type: REPORT_READY, id: data.reportId! });
      },
    });
    api = insightsClient(sg);
    [alice, bob] = [await sg.register("Alice"), await sg.register("Bob")];
    await api.ok(alice, `mutation { updateProfile(input: { locale: "de-DE" }) { id } }`);
    const food = await api.category(alice, "Essen", "EXPENSE");
    const restaurants = await api.category(alice, "Restaurants", "EXPENSE", food);
    const groceries = await api.category(alice, "Lebensmittel", "EXPENSE", food);
    const rent = await api.category(alice, "Miete", "EXPENSE");
    const travel = await api.category(alice, "Reisen", "EXPENSE");
    const salary = await api.category(alice, "Tax test salary", "INCOME");
    const withheld = await api.category(alice, "Federal tax withheld", "EXPENSE");
    const checking = await api.account(alice, "Girokonto Alice", "1000.00");
    const posts: Array<[string, string, string | null, string]> = [
      ["2025-12-31", "90000.00", salary, "Arbeitgeber GmbH"],
      ["2025-12-31", "-5000.00", withheld, "IRS"],
      ["2026-01-02", "3200.00", salary, "Arbeitgeber GmbH"],
      ["2026-01-03", "-950.00", rent, "Vermieter"],
      ["2026-01-05", "-42.17", restaurants, "Trattoria"],
      ["2026-01-20", "-118.40", groceries, "Markt"],
      ["2026-01-28", "-12.05", food, "Bäckerei"],
      ["2026-02-03", "-950.00", rent, "Vermieter"],
      ["2026-02-14", "-64.90", restaurants, "Bistro"],
      ["2026-02-21", "-97.33", groceries, "Markt"],
      ["2026-02-22", "-420.00", travel, "Bahn"],
      ["2026-02-23", "-7.50", null, "Kiosk"],
    ];
    for (const [date, amount, categoryId, payee] of posts) await api.post(alice, { accountId: checking, amount, date, categoryId, payee });
    await eventually(async () => {
      expect(await deps.transactions.between(alice.id, "2025-01-01", "2026-02-28")).toHaveLength(posts.length);
      expect((await deps.settings.get(alice.id)).locale).toBe("de-DE");
    });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await live.closeAll();
    await events?.stop();
    await sg?.close();
    await rm(files, { recursive: true, force: true });
  });

  it("streams reportUpdated to its owner in order until READY with a download link, and nothing to another user", async () => {
    // Held back until both subscriptions are open, so no update can come before them.
    await runner().stop();
    const { id } = await generate(alice, { kind: "MONTHLY_STATEMENT", format: "PDF", from: "2026-01-01", to: "2026-02-28" });
    const before = sg.gateway.liveStats().subscriptions;
    const mine = live.subscribe(alice, WATCH, { id });
    const theirs = live.subscribe(bob, WATCH, { id });
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 2));
    // On PostgreSQL the file's store waits for a signal: the job renders, says RUNNING, and cannot
    // finish until then. The embedded database has one session, which the waiting job's step holds,
    // so there the gateway could not look RUNNING up: the job runs through and the order is checked.
    const hold = !mode.startsWith("embedded");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const put = deps.reports.storage.put.bind(deps.reports.storage);
    const holding = vi.spyOn(deps.reports.storage, "put").mockImplementation(async (key, data) => {
      if (hold) await held;
      return put(key, data);
    });
    try {
      await runner().start();
      if (hold)
        await eventually(() => expect(mine.results.at(-1)?.data?.reportUpdated).toMatchObject({ status: "RUNNING", downloadUrl: null }), {
          timeoutMs: 30_000,
        });
      release();
      await eventually(() => expect(mine.results.at(-1)?.data?.reportUpdated?.status).toBe("READY"), { timeoutMs: 30_000 });
    } finally {
      release();
      holding.mockRestore();
    }
    const seen: Array<{ id: string; status: string; progress: number; downloadUrl: string | null }> = mine.results.map(
      (r) => r.data.reportUpdated,
    );
    expect(seen.length).toBeGreaterThanOrEqual(hold ? 2 : 1);
    const order = [ReportStatus.QUEUED, ReportStatus.RUNNING, ReportStatus.READY] as string[];
    // Statuses only move forward, progress never goes back, and only READY carries a link.
    expect(seen.map((r) => order.indexOf(r.status))).toEqual([...seen.map((r) => order.indexOf(r.status))].sort((a, b) => a - b));
    expect(seen.map((r) => r.progress)).toEqual([...seen.map((r) => r.progress)].sort((a, b) => a - b));
    if (hold) expect(seen.map((r) => r.status)).toContain("RUNNING");
    expect(seen.filter((r) => r.status !== "READY").every((r) => r.downloadUrl === null)).toBe(true);
    expect(seen.at(-1)).toEqual({ id, status: "READY", progress: 1, downloadUrl: expect.stringMatching(/^\/files\?token=/) });
    const response = await fetch(new URL(seen.at(-1)!.downloadUrl!, sg.gateway.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(theirs.results.filter((r) => r.data?.reportUpdated)).toEqual([]);
  });

  it("marks a report whose file cannot be stored FAILED after a bounded number of tries, announced, with nothing left behind", async () => {
    // Storage takes the first bytes, then the disk "fills": each attempt's partial file must go.
    const put = deps.reports.storage.put.bind(deps.reports.storage);
    const failing = vi.spyOn(deps.reports.storage, "put").mockImplementation(async (key, data) => {
      let seen = 0;
      const full = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          seen += chunk.length;
          done(seen > 64 ? new Error("ENOSPC: no space left on device, write '/srv/moneta/files/x.part'") : null, chunk);
        },
      });
      // Like a real store's pipeline: the source is destroyed with the error, nothing left dangling.
      pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, full, () => undefined);
      return put(key, full);
    });
    try {
      const { id } = await generate(alice, { kind: "CATEGORY_REPORT", format: "PDF", from: "2026-01-01", to: "2026-02-28" });
      // A retry waits on the (fixed) clock: move it past each backoff until the job gives up.
      const failed = await eventually(
        async () => {
          clock.advance(5_000);
          runner().wake();
          const r = await deps.reports.store.get(alice.id, id);
          expect(r?.status).toBe(ReportStatus.FAILED);
          return r!;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
      const [job] = await db().query(
        `SELECT status, attempts FROM insights.jobs WHERE kind = 'insights.report' AND payload->>'reportId' = $1`,
        [id],
      );
      expect(job).toEqual({ status: "FAILED", attempts: 3 });
      const callsWhenFailed = failing.mock.calls.filter(([key]) => key.includes(id)).length;
      expect(callsWhenFailed).toBe(3);

      const { report } = await api.ok(alice, REPORT, { id });
      expect(report).toMatchObject({ status: "FAILED", downloadUrl: null, size: null });
      expect(report.error).toMatch(/report could not be made/i);
      expect(report.error).not.toMatch(/ENOSPC|srv|\.part|Error/);
      expect(failed.storageKey).toBeNull();
      expect(await filesOf(id)).toEqual([]);
      await eventually(() => {
        expect(announced.filter((e) => e.id === id && e.type === REPORT_UPDATED).length).toBeGreaterThanOrEqual(2);
      });
      expect(announced.filter((e) => e.id === id && e.type === REPORT_READY)).toEqual([]);
      // No more tries after FAILED.
      clock.advance(120_000);
      runner().wake();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(failing.mock.calls.filter(([key]) => key.includes(id))).toHaveLength(callsWhenFailed);
    } finally {
      failing.mockRestore();
    }
    // Storage back: the next report is made as usual.
    const { id } = await generate(alice, { kind: "CATEGORY_REPORT", format: "CSV", from: "2026-01-01", to: "2026-01-31" });
    expect((await settled(alice, id)).status).toBe(ReportStatus.READY);
  });

  it("prints the tax subgraph's own figures for the year, as CSV and as a PDF in the user's locale", async () => {
    await api.ok(alice, `mutation($i: SetTaxProfileInput!) { setTaxProfile(input: $i) { year } }`, {
      i: { year: 2025, filingStatus: "HEAD_OF_HOUSEHOLD" },
    });
    const summary = async () =>
      (
        await api.ok(
          alice,
          `{ taxYearSummary(year: 2025) { revision filingStatus estimatedTax { amount currency } withheld { amount } leftToPay { amount } } }`,
        )
      ).taxYearSummary;
    await eventually(async () => {
      const s = await summary();
      expect(s.filingStatus).toBe("HEAD_OF_HOUSEHOLD");
      expect(s.withheld.amount).toBe("5000.00");
    });
    await sg.subgraph("tax").deps.estimateJob.runPending();
    const s = await summary();
    expect(cents(s.leftToPay.amount)).toBeGreaterThan(0n);
    // Insights has the year once tax's TaxEstimateChanged for this profile has reached it.
    await eventually(
      async () => {
        const [row] = await db().query(
          `SELECT estimated_tax_minor::text AS tax, withheld_minor::text AS withheld, left_to_pay_minor::text AS left
           FROM insights.tax_estimates WHERE user_id = $1 AND year = 2025`,
          [alice.id],
        );
        expect(row).toEqual({ tax: String(cents(s.estimatedTax.amount)), withheld: "500000", left: String(cents(s.leftToPay.amount)) });
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );

    const csvReport = await generate(alice, { kind: "TAX_YEAR", format: "CSV", from: "2025-01-01", to: "2025-12-31" });
    const pdfReport = await generate(alice, { kind: "TAX_YEAR", format: "PDF", from: "2025-01-01", to: "2025-12-31" });
    await settled(alice, csvReport.id);
    await settled(alice, pdfReport.id);
    const rows: Array<Record<string, string>> = parse(await download(alice, csvReport.id), { bom: true, columns: true });
    expect(rows).toEqual([
      {
        year: "2025",
        jurisdiction: "US",
        revision: s.revision,
        currency: s.estimatedTax.currency,
        estimated_tax: s.estimatedTax.amount,
        withheld: s.withheld.amount,
        left_to_pay: s.leftToPay.amount,
      },
    ]);
    const pdf = await readPdf(await download(alice, pdfReport.id));
    expect(pdf.text).toContain("Tax year summary");
    expect(pdf.text).toContain(`2025 (US, ${s.revision})`);
    for (const [label, amount] of [
      ["Estimated tax", s.estimatedTax.amount],
      ["Withheld or paid", s.withheld.amount],
      ["Left to pay", s.leftToPay.amount],
    ]) {
      expect(pdf.text).toContain(label);
      expect(pdf.text).toContain(deUsd(amount));
    }
  });

  it("totals each top-level category as spendingByCategory does, and draws the donut and bars with the names", async () => {
    const range = { from: "2026-01-01", to: "2026-02-28" };
    const csvReport = await generate(alice, { kind: "CATEGORY_REPORT", format: "CSV", ...range });
    const pdfReport = await generate(alice, { kind: "CATEGORY_REPORT", format: "PDF", ...range });
    const breakdown = (
      await api.ok(
        alice,
        `query($r: DateRangeInput!) { spendingByCategory(range: $r, rollUp: true) { categories { name amount { amount } } } }`,
        {
          r: range,
        },
      )
    ).spendingByCategory.categories as Array<{ name: string; amount: { amount: string } }>;
    await settled(alice, csvReport.id);
    await settled(alice, pdfReport.id);
    const rows: Array<Record<string, string>> = parse(await download(alice, csvReport.id), { bom: true, columns: true });
    const perCategory = new Map<string, bigint>();
    for (const r of rows.filter((row) => row.kind === "EXPENSE"))
      perCategory.set(r.category!, (perCategory.get(r.category!) ?? 0n) + cents(r.amount!));
    expect(Object.fromEntries([...perCategory].map(([name, total]) => [name, total.toString()]))).toEqual(
      Object.fromEntries(breakdown.map((c) => [c.name, cents(c.amount.amount).toString()])),
    );
    // Rolled up: 42.17 + 118.40 + 12.05 + 64.90 + 97.33 = 334.85 under Essen, none under its children.
    expect(perCategory.get("Essen")).toBe(33485n);
    expect([...perCategory.keys()]).not.toContain("Restaurants");
    expect(rows.every((r) => r.currency === "USD")).toBe(true);

    const pdf = await readPdf(await download(alice, pdfReport.id));
    expect(pdf.text).toContain("Spending by category");
    for (const name of ["Essen", "Miete", "Reisen"]) expect(pdf.text).toContain(name);
    expect(pdf.text).toContain(deUsd("334.85"));
    // The donut's slices, the bars and the line are vector paths.
    expect(pdf.paths).toBeGreaterThan(10);
  });

  it("refuses over ten years, oversized dates and another user's report or schedule, and stays up", async () => {
    expect(
      await api.outcome(alice, GENERATE, { i: { kind: "CATEGORY_REPORT", format: "CSV", from: "2016-01-01", to: "2026-12-31" } }),
    ).toBe("BAD_USER_INPUT:to");
    const { id } = await generate(alice, { kind: "CATEGORY_REPORT", format: "CSV", from: "2026-01-01", to: "2026-01-31" });
    expect(await api.outcome(bob, REPORT, { id })).toBe("NOT_FOUND");
    const schedule = (await api.ok(alice, `mutation { scheduleReport(input: { kind: TAX_YEAR, format: PDF, dayOfMonth: 3 }) { id } }`))
      .scheduleReport.id;
    expect(await api.outcome(bob, `mutation($id: ID!) { deleteReportSchedule(id: $id) }`, { id: schedule })).toBe("NOT_FOUND");
    expect((await api.ok(alice, `{ reportSchedules { id } }`)).reportSchedules).toEqual([{ id: schedule }]);

    // Under the gateway's body limit, a huge date is the field's fault...
    const long = "2026-01-01".padEnd(900_000, "9");
    for (const field of ["from", "to"]) {
      const i = { kind: "TAX_YEAR", format: "PDF", from: "2026-01-01", to: "2026-01-31", [field]: long };
      expect(await api.outcome(bob, GENERATE, { i })).toBe(`BAD_USER_INPUT:${field}`);
    }
    expect(
      await api.outcome(bob, GENERATE, {
        i: { kind: "TAX_YEAR", format: "PDF", ...{ from: "2026-01-01", to: "2026-01-31" }, idempotencyKey: long },
      }),
    ).toBe("BAD_USER_INPUT:idempotencyKey");
    // ... over it (10 MB), the gateway refuses the body unread; and the service alone names the field.
    const huge = "9".repeat(10 * 1024 * 1024);
    const refused = await fetch(sg.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...bob.headers },
      body: JSON.stringify({ query: GENERATE, variables: { i: { kind: "TAX_YEAR", format: "PDF", from: huge, to: "2026-01-31" } } }),
    });
    expect(refused.status).toBe(413);
    await expect(
      deps.reports.service.generate(bob.id, { kind: "TAX_YEAR" as never, format: "PDF" as never, from: huge, to: "2026-01-31" }, "t"),
    ).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "from" } });
    expect(await deps.reports.store.page(bob.id, 10, null)).toEqual([]);
    // Still serving.
    expect((await api.ok(bob, `{ reports { nodes { id } } }`)).reports.nodes).toEqual([]);
    await settled(alice, id);
  });
});
