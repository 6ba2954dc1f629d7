import { badInput, conflict, notFound } from "../../../platform/errors/index.js";
import { MAX_UPLOAD_BYTES, RECEIPT_CONTENT_TYPES } from "../../../platform/storage/index.js";

export const receiptNotFound = () => notFound("receipt");

export const unsupportedReceiptType = (contentType: string) =>
  badInput(`a receipt is one of ${RECEIPT_CONTENT_TYPES.join(", ")}, not ${JSON.stringify(contentType.slice(0, 64))}`, {
    field: "contentType",
  });

export const badReceiptSize = () => badInput(`a receipt is 1 byte to ${MAX_UPLOAD_BYTES} bytes (10 MB)`, { field: "size" });

export const receiptNotUploaded = () => badInput("no file has been uploaded for this receipt yet", { field: "receiptId" });

export const receiptWrongState = (status: string, wanted: string) =>
  conflict(`the receipt is ${status}; this needs it ${wanted}`, { field: "receiptId" });

export const receiptAlreadyAttached = () => conflict("the receipt is already attached to a transaction", { field: "receiptId" });

export const receiptFieldMissing = (field: string, what: string) =>
  badInput(`the receipt shows no legible ${what}; give overrides.${field}`, { field: `overrides.${field}` });
