/** Limits checked by validateRule. Lengths count Unicode code points, not UTF-16 units. */
export const RULE_LIMITS = {
  maxTextLength: 200,
  maxTags: 20,
  maxTagLength: 40,
  maxAccountIds: 50,
  /**
   * RE2 is linear in the input, but its NFA fallback costs input length × program size. A cap on
   * the compiled program keeps the worst row of a 50,000-row import cheap; 200 characters of
   * pattern can otherwise expand to tens of thousands of instructions (`.{1000}` repeated).
   */
  maxRegexProgramSize: 2000,
} as const;
