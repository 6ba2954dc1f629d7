import type { EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";

import type { EventEnvelope } from "../../../../platform/events/index.js";
import { BANK_CONNECTION_NEEDS_ATTENTION, type BankConnectionNeedsAttentionV1 } from "../../../../schema/events/ledger.js";
import { renderNotification } from "../templates/templates.js";
import { ledgerBankSource } from "./ledger-bank.source.js";

const event = (data: BankConnectionNeedsAttentionV1): EventEnvelope<BankConnectionNeedsAttentionV1> => ({
  id: "e-1",
  type: BANK_CONNECTION_NEEDS_ATTENTION,
  version: 1,
  source: "ledger",
  key: data.userId,
  occurredAt: "2026-03-01T09:00:00Z",
  traceId: "t",
  data,
});
const en = { locale: "en-US", timezone: "UTC" };

describe("ledger bank notification source", () => {
  it("tells the connection's owner, with what the template needs", async () => {
    const items = await ledgerBankSource[BANK_CONNECTION_NEEDS_ATTENTION]!(
      event({ userId: "u-1", connectionId: "c-1", institution: "First Example Bank", reason: "the bank answered 401" }),
      {} as EntityManager,
    );
    expect(items).toEqual([
      {
        userId: "u-1",
        kind: "BANK_CONNECTION_NEEDS_ATTENTION",
        data: { connectionId: "c-1", institution: "First Example Bank", reason: "the bank answered 401" },
      },
    ]);
    const text = renderNotification(items[0]!.kind, items[0]!.data, en);
    expect(text.title).toBe("Your bank connection needs you");
    expect(text.body).toContain("First Example Bank");
    expect(text.body).toContain("the bank answered 401");
    expect(text.link).toBe("/banks/c-1");
  });

  it("still reads without an institution or reason, and escapes the link's id", () => {
    const text = renderNotification("BANK_CONNECTION_NEEDS_ATTENTION", { connectionId: "a/b", institution: "", reason: "" }, en);
    expect(text.body).toBe("Your bank stopped accepting our access, so syncing has stopped. Reconnect it to resume.");
    expect(text.link).toBe("/banks/a%2Fb");
  });
});
