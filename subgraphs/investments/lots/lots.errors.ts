import { badInput, ClientError } from "../../../platform/errors/index.js";

// Fields are the recordInvestmentTransaction input's; activityId lets an import name the row.

export const INSUFFICIENT_QUANTITY = "INSUFFICIENT_QUANTITY";

const label = (activityId: string) => `activity "${activityId.slice(0, 64)}"`;

export const insufficientQuantity = (activityId: string, date: string, selling: string, held: string) =>
  new ClientError(INSUFFICIENT_QUANTITY, `${label(activityId)} on ${date} sells ${selling} but only ${held} is held then`, {
    field: "quantity",
    activityId,
  });

export const invalidActivity = (activityId: string, field: string, problem: string) =>
  badInput(`${label(activityId)}: ${field} ${problem}`, { field, activityId });
