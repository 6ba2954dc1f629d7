import type { ServerResponse } from "node:http";

/** Answers a page or file the gateway serves itself: exact length, no MIME sniffing, no body for HEAD. */
export function sendFile(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer, head = false): void {
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)), "x-content-type-options": "nosniff" });
  res.end(head ? undefined : body);
}
