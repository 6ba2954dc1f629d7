// http_ece ships no types; only what the push tests use to decrypt as a browser would.
declare module "http_ece" {
  import type { ECDH } from "node:crypto";

  interface DecryptParams {
    version: "aes128gcm";
    /** The receiver's (browser's) key pair. */
    privateKey: ECDH;
    /** base64url string or bytes. */
    authSecret: string | Buffer;
  }
  const ece: { decrypt(buffer: Buffer, params: DecryptParams): Buffer };
  export default ece;
}
