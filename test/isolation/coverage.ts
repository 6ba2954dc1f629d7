import type { World } from "./world.js";

/**
 * How the matrix feeds an ID slot: the kind of user A's object that goes there (a key of
 * {@link World}), or why no owned id of A's is tried there.
 */
export type SlotCoverage = string | { notOwned: string } | { notCreated: string };

export interface FieldCoverage {
  /** Every ID slot of the field (a path as schema-ids.ts writes it) and what goes in it. */
  ids: Record<string, SlotCoverage>;
  /** The other required arguments, valid for B (B's own objects fill the ID slots not under test). */
  vars?: (b: World) => Record<string, unknown>;
}

const NO_ALERT = { notCreated: "an alert needs spending over a budget's threshold in the current period; costly to wait for" };
const NO_ANOMALY = { notCreated: "anomalies need months of history to be raised" };
const NO_RECOMMENDATION = { notCreated: "recommendations need months of history to be raised" };
const NO_BANK = { notCreated: "a bank connection needs a SimpleFIN server (subgraphs/ledger/test/simplefin-server.ts)" };

const usd = (amount: string) => ({ amount, currency: "USD" });
const mapping = { date: "Date", amount: "Amount", payee: "Description", dateFormat: "dd.MM.yyyy", decimalSeparator: ",", delimiter: ";" };
const recurring = { amount: usd("-1.00"), frequency: "MONTHLY", startDate: "2030-01-01" };
const rule = { name: "b rule", conditions: { payee: { operator: "CONTAINS", value: "b-zzz" } }, actions: { renamePayee: "b" } };
const expense = (b: World) => ({
  paidBy: [{ memberId: b.member, amount: "30.00" }],
  split: { mode: "EQUAL", parts: [{ memberId: b.member }] },
});

/** Every ID-taking root field of schema/api.graphql. A field missing here fails the matrix. */
export const COVERAGE: Record<string, FieldCoverage> = {
  // ---- budgets
  "Query.budgetAlert": { ids: { id: NO_ALERT } },
  "Query.budget": { ids: { id: "budget" } },
  "Query.savingsGoal": { ids: { id: "savingsGoal" } },
  "Mutation.createBudget": {
    ids: { "input.categoryIds": "category" },
    vars: () => ({ input: { name: "b budget", categoryIds: [], period: "MONTHLY", amount: usd("10.00") } }),
  },
  "Mutation.updateBudget": { ids: { id: "budget", "input.categoryIds": "category" }, vars: () => ({ input: { name: "b renamed" } }) },
  "Mutation.archiveBudget": { ids: { id: "budget" } },
  "Mutation.unarchiveBudget": { ids: { id: "budget" } },
  "Mutation.createSavingsGoal": {
    ids: { "input.linkedAccountId": "account" },
    vars: () => ({ input: { name: "b goal", target: usd("5.00") } }),
  },
  "Mutation.updateSavingsGoal": { ids: { id: "savingsGoal", "input.linkedAccountId": "account" }, vars: () => ({ input: { name: "b" } }) },
  "Mutation.archiveSavingsGoal": { ids: { id: "savingsGoal" } },
  "Mutation.contributeToGoal": { ids: { id: "savingsGoal" }, vars: () => ({ amount: usd("1.00") }) },
  "Mutation.withdrawFromGoal": { ids: { id: "savingsGoal" }, vars: () => ({ amount: usd("1.00") }) },
  "Mutation.createAutoSaveRule": {
    ids: { "input.goalId": "savingsGoal", "input.accountId": "account" },
    vars: () => ({ input: { mode: "PERCENT", percentBasisPoints: 500 } }),
  },
  "Mutation.deleteAutoSaveRule": { ids: { id: "autoSaveRule" } },
  "Subscription.budgetUpdated": { ids: { id: "budget" } },
  "Subscription.savingsGoalUpdated": { ids: { id: "savingsGoal" } },

  // ---- groups (B is no member of A's group; "not yours" is NOT_FOUND like "not there")
  "Query.groupExpense": { ids: { id: "groupExpense" } },
  "Query.groupSavingsGoal": { ids: { id: "groupGoal" } },
  "Query.group": { ids: { id: "group" } },
  "Mutation.addGroupExpense": {
    ids: {
      "input.groupId": "group",
      "input.paidBy.memberId": "member",
      "input.split.parts.memberId": "member",
      "input.ledgerAccountId": "account",
    },
    vars: (b) => ({ input: { groupId: b.group, description: "b", amount: usd("30.00"), date: "2026-03-01", ...expense(b) } }),
  },
  "Mutation.updateGroupExpense": {
    ids: {
      id: "groupExpense",
      "input.paidBy.memberId": "member",
      "input.split.parts.memberId": "member",
      "input.ledgerAccountId": "account",
    },
    vars: (b) => ({ input: expense(b) }),
  },
  "Mutation.deleteGroupExpense": { ids: { id: "groupExpense" } },
  "Mutation.createGroupSavingsGoal": { ids: { "input.groupId": "group" }, vars: () => ({ input: { name: "b", target: usd("5.00") } }) },
  "Mutation.contributeToGroupSavingsGoal": { ids: { "input.goalId": "groupGoal" }, vars: () => ({ input: { amount: usd("1.00") } }) },
  "Mutation.withdrawFromGroupSavingsGoal": { ids: { "input.goalId": "groupGoal" }, vars: () => ({ input: { amount: usd("1.00") } }) },
  "Mutation.archiveGroupSavingsGoal": { ids: { id: "groupGoal" } },
  "Mutation.renameGroup": { ids: { id: "group" }, vars: () => ({ name: "b renamed" }) },
  "Mutation.archiveGroup": { ids: { id: "group" } },
  // A valid code to a third user's group, with A's placeholder: claiming someone else's seat.
  "Mutation.joinGroup": { ids: { placeholderId: "placeholder" }, vars: (b) => ({ code: b.joinCode }) },
  "Mutation.addGroupMember": { ids: { "input.groupId": "group" }, vars: () => ({ input: { displayName: "b friend" } }) },
  "Mutation.updateGroupMember": {
    ids: { "input.groupId": "group", "input.memberId": "placeholder" },
    vars: () => ({ input: { displayName: "b" } }),
  },
  "Mutation.removeGroupMember": { ids: { groupId: "group", memberId: "placeholder" } },
  "Mutation.createGroupInvite": { ids: { groupId: "group" }, vars: () => ({ role: "MEMBER" }) },
  "Mutation.revokeGroupInvite": { ids: { id: "invite" } },
  "Mutation.recordSettlement": {
    ids: {
      "input.groupId": "group",
      "input.fromMemberId": "placeholder",
      "input.toMemberId": "member",
      "input.ledgerAccountId": "account",
    },
    vars: () => ({ input: { amount: usd("1.00"), date: "2026-03-03" } }),
  },
  "Query.groupActivityEntry": { ids: { id: "groupActivity" } },
  "Mutation.addGroupComment": {
    ids: { "input.expenseId": "groupExpense", "input.settlementId": "settlement" },
    vars: () => ({ input: { body: "b comment" } }),
  },
  "Mutation.editGroupComment": { ids: { "input.id": "groupComment" }, vars: () => ({ input: { body: "b edit" } }) },
  "Mutation.deleteGroupComment": { ids: { id: "groupComment" } },
  "Subscription.groupActivity": { ids: { groupId: "group" } },
  "Subscription.groupSavingsGoalUpdated": { ids: { id: "groupGoal" } },
  "Subscription.groupUpdated": { ids: { id: "group" } },

  // ---- identity
  "Query.securityEvents": { ids: { before: "securityEvent" }, vars: () => ({ first: 5 }) },
  "Mutation.revokeApiKey": { ids: { id: "apiKey" } },
  "Mutation.revokeSession": { ids: { id: "session" } },
  // Operator fields: B holds no role, so A's id and an unknown one are both FORBIDDEN.
  "Query.adminSecurityEvents": { ids: { userId: "user", before: "securityEvent" }, vars: () => ({ first: 10 }) },
  "Mutation.adminLockUser": { ids: { "input.userId": "user" }, vars: () => ({ input: { reason: "b" } }) },
  "Mutation.adminUnlockUser": { ids: { userId: "user" } },
  "Mutation.adminSignOutUser": { ids: { userId: "user" } },

  // ---- insights
  "Query.monthlyTrend": { ids: { categoryIds: "category" }, vars: () => ({ from: "2026-01", to: "2026-04" }) },
  "Query.notification": { ids: { id: "notification" } },
  "Query.notificationDeliveries": { ids: { notificationId: "notification" } },
  "Query.report": { ids: { id: "report" } },
  "Query.webhookEndpoint": { ids: { id: "webhookEndpoint" } },
  "Mutation.dismissAnomaly": { ids: { id: NO_ANOMALY } },
  "Mutation.markNotificationsRead": { ids: { "input.ids": "notification" }, vars: () => ({ input: {} }) },
  "Mutation.removePushSubscription": { ids: { id: "pushSubscription" } },
  "Mutation.dismissRecommendation": { ids: { id: NO_RECOMMENDATION } },
  "Mutation.deleteReportSchedule": { ids: { id: "reportSchedule" } },
  "Mutation.disableWebhookEndpoint": { ids: { id: "webhookEndpoint" } },
  "Mutation.enableWebhookEndpoint": { ids: { id: "webhookEndpoint" } },
  "Mutation.rotateWebhookSecret": { ids: { id: "webhookEndpoint" } },
  "Mutation.testWebhookEndpoint": { ids: { id: "webhookEndpoint" } },
  "Mutation.deleteWebhookEndpoint": { ids: { id: "webhookEndpoint" } },
  "Subscription.reportUpdated": { ids: { id: "report" } },

  // ---- investments
  "Query.portfolio": { ids: { id: "portfolio" } },
  // A user's own security (an unknown symbol they bought); listed ones are public, this one is not.
  "Query.security": { ids: { id: "security" } },
  "Query.investmentTransaction": { ids: { id: "investmentTransaction" } },
  "Mutation.createPortfolio": {
    ids: { "input.ledgerAccountId": "account" },
    vars: () => ({ input: { name: "b", currency: "USD", costBasisMethod: "FIFO" } }),
  },
  "Mutation.renamePortfolio": { ids: { id: "portfolio" }, vars: () => ({ name: "b renamed" }) },
  "Mutation.archivePortfolio": { ids: { id: "portfolio" } },
  "Mutation.linkPortfolioLedgerAccount": { ids: { id: "portfolio", ledgerAccountId: "account" } },
  "Mutation.importInvestmentTransactions": {
    ids: { portfolioId: "portfolio" },
    vars: () => ({ csv: "date,type,symbol,quantity,price,currency\n2026-02-03,DEPOSIT,,,,USD\n" }),
  },
  "Mutation.updateSecurity": { ids: { "input.id": "security" }, vars: () => ({ input: { name: "b renamed" } }) },
  "Mutation.recordInvestmentTransaction": {
    ids: { "input.portfolioId": "portfolio" },
    vars: () => ({ input: { type: "DEPOSIT", amount: usd("1.00"), date: "2026-02-03" } }),
  },
  "Mutation.updateInvestmentTransaction": { ids: { id: "investmentTransaction" }, vars: () => ({ input: { note: "b" } }) },
  "Mutation.deleteInvestmentTransaction": { ids: { id: "investmentTransaction" } },
  "Subscription.portfolioUpdated": { ids: { id: "portfolio" } },

  // ---- ledger
  "Query.account": { ids: { id: "account" } },
  "Query.bankConnection": { ids: { id: NO_BANK } },
  "Query.category": { ids: { id: "category" } },
  "Query.importBatch": { ids: { id: "importBatch" } },
  "Query.receipt": { ids: { id: "receipt" } },
  "Query.ruleApplication": { ids: { id: "ruleApplication" } },
  "Query.transactions": { ids: { "filter.accountIds": "account", "filter.categoryIds": "category" }, vars: () => ({ first: 20 }) },
  "Query.transaction": { ids: { id: "transaction" } },
  "Mutation.renameAccount": { ids: { id: "account" }, vars: () => ({ name: "b renamed" }) },
  "Mutation.archiveAccount": { ids: { id: "account" } },
  "Mutation.unarchiveAccount": { ids: { id: "account" } },
  "Mutation.linkBankAccount": { ids: { "input.remoteAccountId": NO_BANK, "input.ledgerAccountId": "account" } },
  "Mutation.syncBank": { ids: { connectionId: NO_BANK } },
  "Mutation.disconnectBank": { ids: { id: NO_BANK } },
  "Mutation.createCategory": { ids: { "input.parentId": "category" }, vars: () => ({ input: { name: "b sub", kind: "EXPENSE" } }) },
  "Mutation.updateCategory": { ids: { id: "category", "input.parentId": "category2" }, vars: () => ({ input: { name: "b renamed" } }) },
  "Mutation.mergeCategories": { ids: { sourceId: "category2", targetId: "category" } },
  "Mutation.deleteCategory": { ids: { id: "category", reassignTo: "category2" } },
  "Mutation.importTransactions": {
    ids: { "input.accountId": "account" },
    vars: () => ({ input: { format: "CSV", content: "Date;Description;Amount\n03.02.2026;b;-1,00\n", mapping } }),
  },
  "Mutation.completeReceiptUpload": { ids: { receiptId: "receipt" } },
  "Mutation.confirmReceipt": {
    ids: { "input.receiptId": "receipt", "input.accountId": "account", "input.overrides.categoryId": "category" },
    vars: () => ({ input: {} }),
  },
  "Mutation.attachReceipt": { ids: { "input.receiptId": "receipt", "input.transactionId": "transaction" } },
  "Mutation.deleteReceipt": { ids: { id: "receipt" } },
  "Mutation.createRecurringTransaction": {
    ids: { "input.accountId": "account", "input.categoryId": "category" },
    vars: () => ({ input: recurring }),
  },
  "Mutation.updateRecurringTransaction": {
    ids: { id: "recurring", "input.accountId": "account", "input.categoryId": "category" },
    vars: () => ({ input: recurring }),
  },
  "Mutation.deleteRecurringTransaction": { ids: { id: "recurring" } },
  "Mutation.createRule": {
    ids: { "input.conditions.accountIds": "account", "input.actions.setCategoryId": "category" },
    vars: () => ({ input: rule }),
  },
  "Mutation.updateRule": {
    ids: { id: "rule", "input.conditions.accountIds": "account", "input.actions.setCategoryId": "category" },
    vars: () => ({ input: rule }),
  },
  "Mutation.deleteRule": { ids: { id: "rule" } },
  "Mutation.reorderRules": { ids: { ids: "rule" } },
  "Mutation.applyRules": { ids: { "filter.accountIds": "account", "filter.categoryIds": "category" } },
  // Undo is addressed by the transaction whose suggested category it reverts.
  "Mutation.undoCategorySuggestion": { ids: { id: "transaction" } },
  "Mutation.postTransaction": {
    ids: { "input.accountId": "account", "input.categoryId": "category", "input.splits.categoryId": "category" },
    vars: () => ({ input: { amount: usd("-1.00"), date: "2026-03-04", payee: "b" } }),
  },
  "Mutation.transferBetweenAccounts": {
    ids: { "input.fromAccountId": "account", "input.toAccountId": "account2" },
    vars: () => ({ input: { amount: usd("1.00"), date: "2026-03-04" } }),
  },
  "Mutation.updateTransaction": {
    ids: { id: "transaction", "input.accountId": "account", "input.categoryId": "category", "input.splits.categoryId": "category" },
    vars: () => ({ input: { payee: "b renamed" } }),
  },
  "Mutation.deleteTransaction": { ids: { id: "transaction" } },
  "Mutation.restoreTransaction": { ids: { id: "transaction" } },
  "Mutation.unlockTransaction": { ids: { id: "transaction" } },
  "Subscription.importUpdated": { ids: { id: "importBatch" } },
  "Subscription.receiptUpdated": { ids: { id: "receipt" } },
  "Subscription.ruleApplicationUpdated": { ids: { id: "ruleApplication" } },

  // ---- lending
  "Query.contact": { ids: { id: "contact" } },
  "Query.loan": { ids: { id: "loan" } },
  "Mutation.updateContact": { ids: { "input.id": "contact" }, vars: () => ({ input: { name: "b renamed" } }) },
  "Mutation.deleteContact": { ids: { id: "contact" } },
  "Mutation.createLoan": {
    ids: { "input.contactId": "contact" },
    vars: () => ({
      input: {
        name: "b loan",
        direction: "LENT",
        principal: usd("100.00"),
        annualRatePercent: "0",
        termMonths: 2,
        startDate: "2026-01-15",
      },
    }),
  },
  "Mutation.writeOffLoan": { ids: { id: "loan" } },
  "Mutation.recordLoanPayment": {
    ids: { "input.loanId": "loan", "input.ledgerAccountId": "account" },
    vars: () => ({ input: { amount: usd("1.00"), date: "2026-02-15" } }),
  },

  // ---- tax
  "Query.taxEstimate": { ids: { id: "taxEstimate" } },
  "Mutation.setTaxProfile": { ids: { "input.categories.categoryId": "category" }, vars: () => ({ input: { year: 2025 } }) },
};

/** The kind of A's object each entity type's representation carries (`id` key). */
export const ENTITY_KINDS: Record<string, string> = {
  User: "user",
  Account: "account",
  Category: "category",
  Transaction: "transaction",
  Budget: "budget",
  SavingsGoal: "savingsGoal",
  Group: "group",
  GroupMember: "member",
  GroupExpense: "groupExpense",
  GroupSavingsGoal: "groupGoal",
  Portfolio: "portfolio",
  Holding: "holding",
  Security: "security",
  Loan: "loan",
  Contact: "contact",
};

/** Slots of `postTransaction`/`updateTransaction` splits need an amount beside the category. */
export function completeSplits(variables: Record<string, any>): void {
  for (const split of variables.input?.splits ?? []) split.amount ??= usd("-1.00");
}
