import { badInput } from "../../../platform/errors/index.js";

export const COMMENT_MAX_CHARS = 2000;

/**
 * A comment's text, trimmed: 1 to 2,000 characters (code points, so an emoji counts once).
 * Line breaks and tabs are kept (people write paragraphs); other control characters are refused.
 */
export function commentBody(value: string): string {
  const body = value.trim();
  if (body.length === 0) throw badInput("a comment cannot be empty", { field: "body" });
  if ([...body].length > COMMENT_MAX_CHARS) throw badInput(`a comment has at most ${COMMENT_MAX_CHARS} characters`, { field: "body" });
  if (/[^\P{Cc}\n\r\t]/u.test(body)) throw badInput("a comment cannot contain control characters", { field: "body" });
  return body;
}
