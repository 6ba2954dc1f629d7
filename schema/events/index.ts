import type { BudgetsTopics } from "./budgets.js";
import type { GroupsTopics } from "./groups.js";
import type { IdentityTopics } from "./identity.js";
import type { InsightsTopics } from "./insights.js";
import type { InvestmentsTopics } from "./investments.js";
import type { LedgerTopics } from "./ledger.js";
import type { LendingTopics } from "./lending.js";
import type { TaxTopics } from "./tax.js";

/**
 * Every topic any subgraph publishes, and the payload of each event type on it. The outbox only
 * accepts events listed here, so a producer cannot publish a type or payload that is not in its
 * contract. A new producer adds its `schema/events/<domain>.ts` and one line below.
 */
export type EventContracts = IdentityTopics &
  LedgerTopics &
  BudgetsTopics &
  GroupsTopics &
  InvestmentsTopics &
  LendingTopics &
  TaxTopics &
  InsightsTopics;
