import { createECDH, randomBytes, randomUUID } from "node:crypto";

import { eventually } from "../../platform/testing/eventually.js";
import type { RegisteredUser, TestSupergraph } from "../harness/supergraph.js";

/** One object of every kind a user can own, by kind ("account", "budget", ...): what the matrix feeds to the other user. */
export type World = Record<string, string>;

const money = (amount: string, currency = "USD") => ({ amount, currency });

/**
 * Creates one of each owned object as `user` through the gateway, `tag` in every name (so the
 * other user's answers can be searched for it). `hookUrl` is a local receiver for webhooks.
 */
export async function buildWorld(sg: TestSupergraph, user: RegisteredUser, tag: string, hookUrl: string): Promise<World> {
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await sg.query(query, variables, user.headers);
    if (r.errors) throw new Error(`${tag}: ${query.slice(0, 70)}: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  const w: World = { user: user.id };
  w.account = await sg.createAccount(user, "USD", `${tag} checking`);
  w.account2 = await sg.createAccount(user, "USD", `${tag} savings`);
  const category = `mutation($i: CreateCategoryInput!) { createCategory(input: $i) { id } }`;
  w.category = (await ok(category, { i: { name: `${tag} food`, kind: "EXPENSE" } })).createCategory.id;
  w.category2 = (await ok(category, { i: { name: `${tag} fun`, kind: "EXPENSE" } })).createCategory.id;
  w.transaction = (
    await ok(`mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`, {
      i: { accountId: w.account, amount: money("-42.00"), payee: `${tag} grocer`, date: "2026-03-05", categoryId: w.category },
    })
  ).postTransaction.id;
  w.recurring = (
    await ok(`mutation($i: RecurringTransactionInput!) { createRecurringTransaction(input: $i) { id } }`, {
      i: { accountId: w.account, amount: money("-9.00"), payee: `${tag} rent`, frequency: "MONTHLY", startDate: "2030-01-01" },
    })
  ).createRecurringTransaction.id;
  w.rule = (
    await ok(`mutation($i: RuleInput!) { createRule(input: $i) { id } }`, {
      i: {
        name: `${tag} rule`,
        conditions: { payee: { operator: "CONTAINS", value: "zzz-never" }, accountIds: [w.account] },
        actions: { setCategoryId: w.category },
      },
    })
  ).createRule.id;
  w.ruleApplication = (await ok(`mutation { applyRules(filter: { search: "zzz-never" }) { id } }`)).applyRules.id;
  w.importBatch = (
    await ok(`mutation($i: ImportTransactionsInput!) { importTransactions(input: $i) { id } }`, {
      i: {
        accountId: w.account2,
        format: "CSV",
        content: `Date;Description;Amount\n01.02.2026;${tag} import;-1,00\n`,
        mapping: { date: "Date", amount: "Amount", payee: "Description", dateFormat: "dd.MM.yyyy", decimalSeparator: ",", delimiter: ";" },
      },
    })
  ).importTransactions.id;
  w.receipt = (
    await ok(`mutation($i: CreateReceiptUploadInput!) { createReceiptUpload(input: $i) { receiptId } }`, {
      i: { contentType: "image/jpeg", size: 100 },
    })
  ).createReceiptUpload.receiptId;

  w.budget = (
    await ok(`mutation($i: CreateBudgetInput!) { createBudget(input: $i) { id } }`, {
      i: { name: `${tag} budget`, categoryIds: [], period: "MONTHLY", amount: money("100.00") },
    })
  ).createBudget.id;
  const goal = `mutation($i: CreateSavingsGoalInput!) { createSavingsGoal(input: $i) { id } }`;
  w.savingsGoal = (await ok(goal, { i: { name: `${tag} goal`, target: money("500.00") } })).createSavingsGoal.id;
  w.autoSaveRule = (
    await ok(`mutation($i: CreateAutoSaveRuleInput!) { createAutoSaveRule(input: $i) { id } }`, {
      i: { goalId: w.savingsGoal, mode: "PERCENT", percentBasisPoints: 1000 },
    })
  ).createAutoSaveRule.id;

  const group = (
    await ok(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { id me { id } } }`, {
      i: { name: `${tag} flat`, currency: "USD", displayName: tag },
    })
  ).createGroup;
  w.group = group.id;
  w.member = group.me.id;
  w.placeholder = (
    await ok(`mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, {
      i: { groupId: w.group, displayName: `${tag} friend` },
    })
  ).addGroupMember.id;
  w.groupExpense = (
    await ok(`mutation($i: AddGroupExpenseInput!) { addGroupExpense(input: $i) { id } }`, {
      i: {
        groupId: w.group,
        description: `${tag} dinner`,
        amount: money("30.00"),
        date: "2026-03-01",
        paidBy: [{ memberId: w.member, amount: "30.00" }],
        split: { mode: "EQUAL", parts: [{ memberId: w.member }, { memberId: w.placeholder }] },
      },
    })
  ).addGroupExpense.id;
  w.groupGoal = (
    await ok(`mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { id } }`, {
      i: { groupId: w.group, name: `${tag} trip`, target: money("300.00") },
    })
  ).createGroupSavingsGoal.id;
  w.invite = (await ok(`mutation($g: ID!) { createGroupInvite(groupId: $g) { id } }`, { g: w.group })).createGroupInvite.id;
  w.settlement = (
    await ok(`mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
      i: { groupId: w.group, fromMemberId: w.placeholder, toMemberId: w.member, amount: money("5.00"), date: "2026-03-02" },
    })
  ).recordSettlement.id;
  w.groupComment = (
    await ok(`mutation($i: AddGroupCommentInput!) { addGroupComment(input: $i) { id } }`, {
      i: { expenseId: w.groupExpense, body: `${tag} who had the wine?` },
    })
  ).addGroupComment.id;
  w.groupActivity = (
    await ok(`query($g: ID!) { group(id: $g) { activity(first: 1) { nodes { id } } } }`, { g: w.group })
  ).group.activity.nodes[0].id;

  w.apiKey = (
    await ok(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }`, {
      i: { name: `${tag} key`, scopes: ["ledger:read"] },
    })
  ).createApiKey.apiKey.id;
  w.session = (await ok(`{ sessions { id } }`)).sessions[0].id;
  w.securityEvent = (await ok(`{ securityEvents { id } }`)).securityEvents[0].id;

  w.report = (
    await ok(`mutation($i: GenerateReportInput!) { generateReport(input: $i) { id } }`, {
      i: { kind: "MONTHLY_STATEMENT", from: "2026-03-01", to: "2026-03-31", format: "CSV" },
    })
  ).generateReport.id;
  w.reportSchedule = (
    await ok(`mutation($i: ScheduleReportInput!) { scheduleReport(input: $i) { id } }`, {
      i: { kind: "MONTHLY_STATEMENT", format: "CSV", dayOfMonth: 3 },
    })
  ).scheduleReport.id;
  w.webhookEndpoint = (
    await ok(`mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }`, {
      i: { url: `${hookUrl}/${tag}`, events: ["transaction.created"], description: `${tag} hook` },
    })
  ).createWebhookEndpoint.endpoint.id;
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  w.pushSubscription = (
    await ok(`mutation($i: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $i) { id } }`, {
      i: {
        endpoint: `https://push.example.com/${randomUUID()}`,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") },
        userAgent: `${tag} browser`,
      },
    })
  ).registerPushSubscription.id;

  w.portfolio = (
    await ok(`mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { id } }`, {
      i: { name: `${tag} brokerage`, currency: "USD", costBasisMethod: "FIFO" },
    })
  ).createPortfolio.id;
  // An unknown symbol makes a security of the user's own, which is theirs to see and edit.
  const bought = (
    await ok(`mutation($i: RecordInvestmentTransactionInput!) { recordInvestmentTransaction(input: $i) { id security { id } } }`, {
      i: {
        portfolioId: w.portfolio,
        type: "BUY",
        symbol: `Z${tag.toUpperCase()}X`,
        quantity: "2",
        price: money("10.00"),
        date: "2026-02-02",
      },
    })
  ).recordInvestmentTransaction;
  w.investmentTransaction = bought.id;
  w.security = bought.security.id;
  w.holding = (await ok(`query($id: ID!) { portfolio(id: $id) { holdings { id } } }`, { id: w.portfolio })).portfolio.holdings[0].id;

  w.contact = (
    await ok(`mutation($i: CreateContactInput!) { createContact(input: $i) { id } }`, { i: { name: `${tag} pal` } })
  ).createContact.id;
  w.loan = (
    await ok(`mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`, {
      i: {
        name: `${tag} loan`,
        direction: "LENT",
        contactId: w.contact,
        principal: money("1200.00"),
        annualRatePercent: "5",
        termMonths: 12,
        startDate: "2026-01-15",
        method: "AMORTIZING",
      },
    })
  ).createLoan.id;
  w.taxEstimate = `${user.id}:2025`;

  // Notifications come from events (the auto-save rule, the budget...): wait for the first one.
  w.notification = await eventually(async () => {
    const r = await ok(`{ notifications(first: 1) { nodes { id } } }`);
    const id = r.notifications.nodes[0]?.id as string | undefined;
    if (!id) throw new Error(`${tag}: no notification yet`);
    return id;
  });
  return w;
}
