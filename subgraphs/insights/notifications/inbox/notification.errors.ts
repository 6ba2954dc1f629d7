import { badInput, notFound } from "../../../../platform/errors/index.js";

export const MAX_PAGE = 100;
export const MAX_MARK_IDS = 500;

export const notificationNotFound = () => notFound("notification");
export const badPageSize = () => badInput(`first must be between 1 and ${MAX_PAGE}`, { field: "first" });
export const idsOrAll = () => badInput("give either ids or all: true", { field: "input" });
export const tooManyIds = () => badInput(`at most ${MAX_MARK_IDS} ids at once`, { field: "input.ids" });
export const notPausable = () => badInput("only EMAIL and PUSH can be paused and resumed", { field: "channel" });
