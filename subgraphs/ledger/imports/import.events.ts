import { topicName } from "../../../platform/events/index.js";

export const IMPORT_TOPIC = topicName("ledger", "import");
export const IMPORT_UPDATED = "ImportUpdated";

/** `ImportUpdated` v1: an import's status or progress changed (live clients re-read it). */
export interface ImportUpdatedV1 {
  importId: string;
  userId: string;
}
