import { parse } from "graphql";

/**
 * Everything a feed shows, in one operation run as the feed's owner through the federated path,
 * so each subgraph scopes its part to that user as for any request. The window is asked for a day
 * wider than needed on each side: the owner's time zone (which decides "today") arrives in the
 * same answer, and items outside the owner's own window are dropped after.
 */
export const CALENDAR_FEED_QUERY = parse(`
  query CalendarFeed($from: String!, $to: String!) {
    me {
      id
      timezone
      savingsGoals { id name targetDate status target { amount currency } }
      groups { id name savingsGoals { id name deadline status target { amount currency } } }
    }
    recurringTransactions { id payee amount { amount currency } frequency interval dayOfMonth startDate endDate nextDue }
    loans { id name direction status schedule { number dueDate status amountDue { amount currency } } }
    taxPaymentDates(from: $from, to: $to) { date kind taxYear quarter jurisdiction }
  }
`);

/** What the operation may read, and nothing more: the owner's own reads in five domains. */
export const CALENDAR_FEED_SCOPES = Object.freeze(["ledger:read", "lending:read", "budgets:read", "groups:read", "tax:read"]);

export interface Money {
  amount: string;
  currency: string;
}

export interface CalendarFeedData {
  me: {
    id: string;
    timezone: string;
    savingsGoals: Array<{ id: string; name: string; targetDate: string | null; status: string; target: Money }>;
    groups: Array<{
      id: string;
      name: string;
      savingsGoals: Array<{ id: string; name: string; deadline: string | null; status: string; target: Money }>;
    }>;
  } | null;
  recurringTransactions: Array<{
    id: string;
    payee: string;
    amount: Money;
    frequency: "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
    interval: number;
    dayOfMonth: number | null;
    startDate: string;
    endDate: string | null;
    nextDue: string | null;
  }>;
  loans: Array<{
    id: string;
    name: string;
    direction: "BORROWED" | "LENT";
    status: string;
    schedule: Array<{ number: number; dueDate: string; status: string; amountDue: Money }>;
  }>;
  taxPaymentDates: Array<{ date: string; kind: string; taxYear: number; quarter: number | null; jurisdiction: string }>;
}
