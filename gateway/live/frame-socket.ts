import type { Socket } from "node:net";

import type { WebSocket } from "ws";

/** A graphql-ws message ready for the wire, shared by every socket that sends it. */
export interface EncodedMessage {
  /** The message's JSON text. */
  readonly text: Buffer;
  /** The same text as one complete, unmasked WebSocket text frame (header and text in one buffer). */
  readonly frame: Buffer;
}

/** Where a live subscription writes its updates: one per connection. */
export interface FrameSocket {
  readonly readyState: number;
  write(message: EncodedMessage, callback: (error?: Error | null) => void): void;
}

/** FIN + opcode 1 (text), RFC 6455 §5.2. */
const FIN_TEXT = 0x81;

/**
 * `text` framed as one unfragmented, unmasked WebSocket text message (a server's frames carry no
 * mask, so the bytes are the same for every client). `text` is copied once, behind the header.
 */
export function encodeMessage(text: Buffer): EncodedMessage {
  const length = text.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_TEXT;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  text.copy(frame, headerLength);
  return { text: frame.subarray(headerLength), frame };
}

/**
 * The connection's FrameSocket. Without an extension (no permessage-deflate: the gateway does not
 * offer it) a `ws` server writes a text message as header and payload, corked, to the TCP socket:
 * two buffers and a writev per socket, the header built anew each time. Here the prebuilt frame
 * goes to the TCP socket in one write, which is what `ws` would have put on the wire. With an
 * extension the frame would be wrong (and `ws` may queue while it compresses), so it goes through
 * `ws.send` as usual. Classes rather than closures: one small object per connection.
 */
export function frameSocket(ws: WebSocket): FrameSocket {
  const tcp = (ws as unknown as { _socket?: Socket })._socket;
  return ws.extensions === "" && tcp ? new RawFrameSocket(ws, tcp) : new SendFrameSocket(ws);
}

class SendFrameSocket implements FrameSocket {
  constructor(protected readonly ws: WebSocket) {}

  get readyState(): number {
    return this.ws.readyState;
  }

  write(message: EncodedMessage, callback: (error?: Error | null) => void): void {
    this.ws.send(message.text, { binary: false }, callback);
  }
}

class RawFrameSocket extends SendFrameSocket {
  constructor(
    ws: WebSocket,
    private readonly tcp: Socket,
  ) {
    super(ws);
  }

  override write(message: EncodedMessage, callback: (error?: Error | null) => void): void {
    this.tcp.write(message.frame, callback);
  }
}
