import { type CryptoKey, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify, SignJWT } from "jose";

import type { Caller, ClientInfo } from "./caller.js";

/** Header carrying the gateway-signed caller on every gateway → subgraph request. */
export const INTERNAL_TOKEN_HEADER = "x-moneta-caller";

const ALG = "EdDSA";
const ISSUER = "moneta-gateway";
const AUDIENCE = "moneta-subgraphs";
/** Short enough that a leaked token is useless soon; long enough for one federated query plan. */
const TTL_SECONDS = 60;

export interface InternalKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** Ed25519 keys from PEM settings, or a fresh pair when gateway and subgraphs share one process. */
export async function loadInternalKeys(pem: { privateKey?: string; publicKey?: string }): Promise<Partial<InternalKeyPair>> {
  return {
    privateKey: pem.privateKey ? await importPKCS8(pem.privateKey, ALG) : undefined,
    publicKey: pem.publicKey ? await importSPKI(pem.publicKey, ALG) : undefined,
  };
}

export async function generateInternalKeys(): Promise<InternalKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: "Ed25519", extractable: true });
  return { privateKey, publicKey };
}

export async function exportInternalKeys(keys: InternalKeyPair): Promise<{ privateKey: string; publicKey: string }> {
  return { privateKey: await exportPKCS8(keys.privateKey), publicKey: await exportSPKI(keys.publicKey) };
}

/** Gateway side: turns a verified caller into a short-lived token subgraphs can check. */
export class InternalTokenSigner {
  constructor(private readonly privateKey: CryptoKey) {}

  sign(caller: Caller, traceId: string, client: ClientInfo = {}): Promise<string> {
    return new SignJWT({
      scopes: caller.scopes,
      akid: caller.apiKeyId,
      sid: caller.sessionId,
      tid: traceId,
      ip: client.ip,
      ua: client.userAgent?.slice(0, 256),
    })
      .setProtectedHeader({ alg: ALG })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(caller.userId ?? "anonymous")
      .setIssuedAt()
      .setExpirationTime(`${TTL_SECONDS}s`)
      .sign(this.privateKey);
  }
}

export class InternalTokenError extends Error {
  override name = "InternalTokenError";
}

/** Subgraph side: accepts only tokens the gateway signed, with the algorithm pinned. */
export class InternalTokenVerifier {
  constructor(private readonly publicKey: CryptoKey) {}

  async verify(token: string | undefined): Promise<{ caller: Caller; client: ClientInfo; traceId?: string }> {
    if (!token) throw new InternalTokenError("missing internal caller token");
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE });
      const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === "string") : [];
      const caller: Caller = {
        userId: payload.sub && payload.sub !== "anonymous" ? payload.sub : undefined,
        scopes,
        apiKeyId: typeof payload.akid === "string" ? payload.akid : undefined,
        sessionId: typeof payload.sid === "string" ? payload.sid : undefined,
      };
      const client: ClientInfo = {
        ip: typeof payload.ip === "string" ? payload.ip : undefined,
        userAgent: typeof payload.ua === "string" ? payload.ua : undefined,
      };
      return { caller, client, traceId: typeof payload.tid === "string" ? payload.tid : undefined };
    } catch (error) {
      throw new InternalTokenError(`invalid internal caller token: ${(error as Error).message}`);
    }
  }
}
