export { describeQuery } from "./question.describe.js";
export { CAPABILITIES } from "./question.help.js";
export { parseQuestion } from "./question.parser.js";
export {
  type Capability,
  type CategoryRef,
  type CompareMeasure,
  type DateRange,
  DEFAULT_TOP_LIMIT,
  type InsightQuery,
  type InsightQueryKind,
  MAX_QUESTION_LENGTH,
  MAX_TOP_LIMIT,
  type ParsedQuestion,
  type QuestionContext,
  type Unanswered,
  type UnansweredReason,
} from "./question.query.js";
