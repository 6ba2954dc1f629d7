import { badInput } from "../../../platform/errors/index.js";

// The fields named here are the paths of the addGroupExpense / editGroupExpense input, so a client
// can put the message next to the right control.

export const invalidSplit = (message: string) => badInput(message, { field: "split.parts" });
export const invalidPaidBy = (message: string) => badInput(message, { field: "paidBy" });
export const invalidExchangeRate = (message: string) => badInput(message, { field: "exchangeRate" });
export const invalidAmount = (message: string) => badInput(message, { field: "amount" });

/** A member id as it may appear in a message: clients choose it, so it is cut short. */
export const memberLabel = (memberId: string): string => `member "${memberId.slice(0, 40)}"`;
