import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";

import { encodeMessage, frameSocket } from "./frame-socket.js";

/** A real `ws` server and client on loopback; answers the server side of the connection and what the client receives. */
async function connect(perMessageDeflate: boolean) {
  const server: Server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const accepted = once(wss, "connection") as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, { perMessageDeflate });
  const received: Array<{ text: string; binary: boolean }> = [];
  client.on("message", (data: Buffer, binary: boolean) => received.push({ text: data.toString(), binary }));
  const [[ws]] = await Promise.all([accepted, once(client, "open")]);
  opened.push(async () => {
    client.terminate();
    await new Promise((resolve) => wss.close(resolve));
    await new Promise((resolve) => server.close(resolve));
  });
  return { ws, received };
}

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

/** Messages of each header form: 7-bit, 16-bit and 64-bit lengths (RFC 6455 §5.2). */
const texts = ['{"id":"1","type":"next"}', `{"x":"${"é".repeat(200)}"}`, `{"x":"${"a".repeat(70_000)}"}`];

describe("encodeMessage", () => {
  it("frames the text once behind a WebSocket text header; the text is a view of the frame", () => {
    const short = encodeMessage(Buffer.from("hi"));
    expect([...short.frame]).toEqual([0x81, 2, 0x68, 0x69]);
    expect(short.text.buffer).toBe(short.frame.buffer);
    const medium = encodeMessage(Buffer.alloc(300, 0x61));
    expect([...medium.frame.subarray(0, 4)]).toEqual([0x81, 126, 1, 44]);
    const long = encodeMessage(Buffer.alloc(70_000, 0x61));
    expect([...long.frame.subarray(0, 10)]).toEqual([0x81, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70]);
    expect(long.text.equals(Buffer.alloc(70_000, 0x61))).toBe(true);
  });
});

describe("frameSocket", () => {
  it("writes the prebuilt frame to the TCP socket in one write, bypassing ws's framing; a ws client reads the text messages", async () => {
    const { ws, received } = await connect(false);
    const send = vi.spyOn(ws, "send");
    const socket = frameSocket(ws);
    const written: Array<Error | null | undefined> = [];
    for (const text of texts) socket.write(encodeMessage(Buffer.from(text)), (error) => written.push(error));
    ws.send("after"); // ws's own frames (graphql-ws's complete, pings) follow in order
    await vi.waitFor(() => expect(received).toHaveLength(4));
    expect(received).toEqual([...texts, "after"].map((text) => ({ text, binary: false })));
    expect(written).toEqual([null, null, null]); // net.Socket's write callback: no error
    expect(send).toHaveBeenCalledTimes(1);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it("goes through ws.send when an extension (permessage-deflate) changes the framing", async () => {
    const { ws, received } = await connect(true);
    expect(ws.extensions).not.toBe("");
    const send = vi.spyOn(ws, "send");
    const socket = frameSocket(ws);
    for (const text of texts) socket.write(encodeMessage(Buffer.from(text)), () => undefined);
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received).toEqual(texts.map((text) => ({ text, binary: false })));
    expect(send).toHaveBeenCalledTimes(3);
  });
});
