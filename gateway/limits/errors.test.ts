import { GraphQLError, type GraphQLFormattedError, parse } from "graphql";
import { describe, expect, it } from "vitest";

import { isClientError } from "../../platform/errors/errors.js";
import {
  aliasLimitError,
  costLimitError,
  depthLimitError,
  refineLimitError,
  refineParseError,
  restoreLimitCode,
  rootFieldLimitError,
} from "./errors.js";
import { parseOptionsFor } from "./limits.config.js";

/** What Apollo hands formatError for a parse failure. */
function parseFailure(source: string, options: Parameters<typeof parse>[1]): GraphQLFormattedError {
  try {
    parse(source, options);
  } catch (error) {
    const json = (error as GraphQLError).toJSON();
    return { ...json, extensions: { ...json.extensions, code: "GRAPHQL_PARSE_FAILED" } };
  }
  throw new Error("parsed");
}

// 2 + 3 x 4 = 14 tokens: `{`, `}`, and `a: id` (3 tokens) four times.
const fourteenTokens = "{ a: id b: id c: id d: id }";

describe("refineParseError", () => {
  it("maps graphql-js's token-limit syntax error (maxTokens: 10) to TOKEN_LIMIT_EXCEEDED with limit 10", () => {
    const formatted = parseFailure(fourteenTokens, { maxTokens: 10 });
    expect(formatted.message).toBe("Syntax Error: Document contains more that 10 tokens. Parsing aborted.");
    expect(refineParseError(formatted)).toEqual({
      message: "Document has more than 10 tokens.",
      locations: formatted.locations,
      extensions: { code: "TOKEN_LIMIT_EXCEEDED", limit: 10 },
    });
  });

  it("maps the error produced by parseOptionsFor(limits)", () => {
    const formatted = parseFailure(fourteenTokens, parseOptionsFor({ maxTokens: 13 }));
    expect(refineParseError(formatted).extensions).toEqual({ code: "TOKEN_LIMIT_EXCEEDED", limit: 13 });
  });

  it("accepts the message once graphql-js spells it 'than', and without a code (outside Apollo)", () => {
    const formatted = { message: "Syntax Error: Document contains more than 5000 tokens. Parsing aborted." };
    expect(refineParseError(formatted).extensions).toEqual({ code: "TOKEN_LIMIT_EXCEEDED", limit: 5000 });
  });

  it("passes exactly maxTokens tokens", () => {
    expect(() => parse(fourteenTokens, parseOptionsFor({ maxTokens: 14 }))).not.toThrow();
  });

  it.each([
    ["another syntax error", parseFailure("{ a: }", {})],
    ["the source-length limit", parseFailure(fourteenTokens, { maxSourceLength: 5 })],
    ["a validation error", { message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }],
    [
      "the same text under another code",
      {
        message: "Syntax Error: Document contains more that 10 tokens. Parsing aborted.",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      },
    ],
  ])("leaves %s untouched", (_, formatted) => {
    expect(refineParseError(formatted)).toBe(formatted);
  });
});

describe("restoreLimitCode", () => {
  // What Apollo's ValidationError does: copy the extensions, overwrite the code, keep the original.
  function wrapped(original: GraphQLError) {
    const error = new GraphQLError(original.message, {
      originalError: original,
      extensions: { ...original.extensions, code: "GRAPHQL_VALIDATION_FAILED" },
    });
    return { error, formatted: { message: error.message, extensions: error.extensions } };
  }

  it("puts the limit's own code back over GRAPHQL_VALIDATION_FAILED, keeping the figures", () => {
    const { error, formatted } = wrapped(depthLimitError(14, 10));
    expect(refineLimitError(formatted, error)).toEqual({
      message: "Operation is 14 levels deep; the limit is 10.",
      extensions: { code: "DEPTH_LIMIT_EXCEEDED", limit: 10, actual: 14 },
    });
  });

  it("leaves other validation errors, and errors that are not wrapped, untouched", () => {
    const { error, formatted } = wrapped(new GraphQLError("Cannot query field x", { extensions: { code: "OTHER" } }));
    expect(restoreLimitCode(formatted, error)).toBe(formatted);
    const plain = { message: "x", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
    expect(restoreLimitCode(plain, new Error("x"))).toBe(plain);
  });
});

describe("error builders", () => {
  it("carry their code and figures and survive masking as client errors", () => {
    expect(depthLimitError(14, 10).extensions).toEqual({ code: "DEPTH_LIMIT_EXCEEDED", limit: 10, actual: 14 });
    expect(aliasLimitError(31, 30).extensions).toEqual({ code: "ALIAS_LIMIT_EXCEEDED", limit: 30, actual: 31 });
    expect(rootFieldLimitError(21, 20).extensions).toEqual({ code: "ROOT_FIELD_LIMIT_EXCEEDED", limit: 20, actual: 21 });
    expect(costLimitError(10_101, 10_000).extensions).toEqual({ code: "COST_LIMIT_EXCEEDED", cost: 10_101, limit: 10_000 });
    expect(isClientError(costLimitError(2, 1))).toBe(true);
  });
});
