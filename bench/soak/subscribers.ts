/**
 * The soak's graphql-ws subscribers: each watches one user's budget (budgetUpdated) and counts,
 * rather than keeps, what arrives, so ten minutes of frames cost this process nothing: `next`
 * frames carrying data, frames carrying errors, the latest `spent`, and arrivals per minute.
 */
import type { LiveSocket } from "../live/client.js";

export const BUDGET_SUBSCRIPTION = `subscription($id: ID!) { budgetUpdated(id: $id) { id progress { spent { amount } } } }`;

export class CountingSubscriber {
  delivered = 0;
  errors = 0;
  lastSpent?: string;
  firstError?: string;

  /** False once the socket closed without this process closing it. */
  get alive(): boolean {
    return !this.socket.unexpectedlyClosed;
  }

  constructor(
    readonly socket: LiveSocket,
    readonly userIndex: number,
    /** Called with each delivered update's arrival time. */
    onDelivered: (at: number) => void,
  ) {
    socket.onFrame = () => {
      const receipt = socket.receipts.pop();
      socket.receipts.length = 0;
      if (!receipt) return;
      const message = JSON.parse(receipt.raw.toString()) as { type: string; payload?: { data?: any; errors?: unknown } };
      const spent = message.payload?.data?.budgetUpdated?.progress?.spent?.amount as string | undefined;
      if (message.type === "next" && !message.payload?.errors && spent !== undefined) {
        this.delivered++;
        this.lastSpent = spent;
        onDelivered(receipt.at);
      } else {
        this.errors++;
        this.firstError ??= receipt.raw.toString().slice(0, 300);
      }
    };
  }
}
