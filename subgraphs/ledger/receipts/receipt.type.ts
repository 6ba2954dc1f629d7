import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import { MoneyInput, MoneyType } from "../../../platform/money/index.js";
import type { ReceiptExtraction } from "./ocr/receipt-reader.js";
import type { ReceiptEntity } from "./receipt.entity.js";
import type { ReceiptDraftData } from "./receipt-draft.js";

export enum ReceiptStatus {
  AWAITING_UPLOAD = "AWAITING_UPLOAD",
  UPLOADED = "UPLOADED",
  PROCESSING = "PROCESSING",
  READY = "READY",
  FAILED = "FAILED",
}
registerEnumType(ReceiptStatus, {
  name: "ReceiptStatus",
  description:
    "AWAITING_UPLOAD (link handed out) → UPLOADED → PROCESSING → READY (read; a draft when it is a receipt) or FAILED (failureReason).",
});

@ObjectType("ExtractedText", { description: "A value read off the receipt and how sure the reader is of it (0..1)." })
export class ExtractedText {
  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field(() => Float)
  confidence!: number;
}

@ObjectType("ReceiptLineItem")
export class ReceiptLineItem {
  @Field(() => String)
  description!: string;

  @Field(() => String, { description: "As printed, a decimal in major units." })
  amount!: string;

  @Field(() => Float)
  confidence!: number;
}

@ObjectType("ReceiptExtraction", { description: "What the reader made of the file, each field with its confidence." })
export class ReceiptExtractionType {
  @Field(() => String)
  text!: string;

  @Field(() => ExtractedText)
  merchant!: ExtractedText;

  @Field(() => ExtractedText, { description: "YYYY-MM-DD." })
  date!: ExtractedText;

  @Field(() => ExtractedText, { description: "A decimal in major units, as printed." })
  total!: ExtractedText;

  @Field(() => ExtractedText, { description: "ISO 4217." })
  currency!: ExtractedText;

  @Field(() => ExtractedText)
  tax!: ExtractedText;

  @Field(() => [ReceiptLineItem])
  lineItems!: ReceiptLineItem[];

  @Field(() => Float, { description: "How much the file looks like a receipt at all; below 0.5 there is no draft." })
  confidence!: number;

  static from(e: ReceiptExtraction): ReceiptExtractionType {
    return Object.assign(new ReceiptExtractionType(), e);
  }
}

@ObjectType("ReceiptDraftItem")
export class ReceiptDraftItem {
  @Field(() => String)
  description!: string;

  @Field(() => MoneyType)
  amount!: MoneyType;
}

@ObjectType("ReceiptDraft", { description: "The transaction the receipt proposes; nothing is posted until confirmReceipt." })
export class ReceiptDraft {
  @Field(() => String, { nullable: true })
  payee!: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; null when not legible (confirmReceipt then needs overrides.date)." })
  date!: string | null;

  @Field(() => MoneyType, { description: "Signed like a transaction: a purchase is negative." })
  amount!: MoneyType;

  @Field(() => ID, { nullable: true, description: "From the user's rules; null: uncategorised." })
  categoryId!: string | null;

  @Field(() => MoneyType, { nullable: true })
  tax!: MoneyType | null;

  @Field(() => [ReceiptDraftItem])
  items!: ReceiptDraftItem[];

  static from(d: ReceiptDraftData): ReceiptDraft {
    const money = (minor: string) => MoneyType.from({ amountMinor: BigInt(minor), currency: d.currency });
    return Object.assign(new ReceiptDraft(), {
      payee: d.payee,
      date: d.date,
      amount: money(d.amountMinor),
      categoryId: d.categoryId,
      tax: d.taxMinor === null ? null : money(d.taxMinor),
      items: d.items.map((i) => Object.assign(new ReceiptDraftItem(), { description: i.description, amount: money(i.amountMinor) })),
    });
  }
}

@ObjectType("Receipt", { description: "A photo or scan of a receipt, what was read off it, and the transaction it proves." })
export class Receipt {
  @Field(() => ID)
  id!: string;

  @Field(() => ReceiptStatus)
  status!: ReceiptStatus;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int, { description: "Bytes, as declared at createReceiptUpload (the upload may be smaller)." })
  size!: number;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => ReceiptExtractionType, { nullable: true })
  extraction!: ReceiptExtractionType | null;

  @Field(() => ReceiptDraft, {
    nullable: true,
    description: "Null until READY, and when the file is not a receipt or shows no legible total.",
  })
  draft!: ReceiptDraft | null;

  suggestedTransactionId!: string | null;
  transactionId!: string | null;
  entity!: ReceiptEntity;

  static from(r: ReceiptEntity): Receipt {
    return Object.assign(new Receipt(), {
      id: r.id,
      status: r.status as ReceiptStatus,
      contentType: r.contentType,
      size: r.size,
      createdAt: r.createdAt.toISOString(),
      failureReason: r.failureReason,
      extraction: r.extraction ? ReceiptExtractionType.from(r.extraction) : null,
      draft: r.draft ? ReceiptDraft.from(r.draft) : null,
      suggestedTransactionId: r.suggestedTransactionId,
      transactionId: r.transactionId,
      entity: r,
    });
  }
}

@ObjectType("ReceiptUpload")
export class ReceiptUpload {
  @Field(() => Receipt)
  receipt!: Receipt;

  @Field(() => ID)
  receiptId!: string;

  @Field(() => String, {
    description:
      "A path on the gateway: PUT the file there with the declared Content-Type and your Authorization header, once, within 10 minutes.",
  })
  uploadUrl!: string;

  @Field(() => String)
  expiresAt!: string;
}

@ObjectType("ReceiptConnection")
export class ReceiptConnection {
  @Field(() => [Receipt])
  nodes!: Receipt[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@InputType()
export class CreateReceiptUploadInput {
  @Field(() => String, { description: "image/jpeg, image/png, image/webp, image/heic or application/pdf." })
  contentType!: string;

  @Field(() => Int, { description: "Bytes, at most 10 MB (10485760)." })
  size!: number;
}

@InputType()
export class ReceiptOverridesInput {
  @Field(() => String, { nullable: true })
  payee?: string | null;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description: "Signed like a transaction (a purchase is negative), in the account's currency.",
  })
  amount?: MoneyInput | null;

  @Field(() => ID, { nullable: true, description: "Given as null: uncategorised, whatever the draft says." })
  categoryId?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class ConfirmReceiptInput {
  @Field(() => ID)
  receiptId!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ReceiptOverridesInput, { nullable: true })
  overrides?: ReceiptOverridesInput | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class AttachReceiptInput {
  @Field(() => ID)
  receiptId!: string;

  @Field(() => ID)
  transactionId!: string;
}
