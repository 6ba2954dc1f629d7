import { calculateJwkThumbprint, type CryptoKey, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from "jose";
import { type DataSource, IsNull, MoreThan } from "typeorm";

import { ACCESS_TOKEN } from "../../../platform/auth/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { SigningKeyEntity } from "./signing-key.entity.js";

/** Public keys stay in the JWKS this long after retirement: every token they signed has expired by then. */
const RETIRED_KEY_GRACE_MS = (ACCESS_TOKEN.ttlSeconds + 5 * 60) * 1000;

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

/** Access-token signing keys: one signs, older ones stay published until their tokens expire. */
/** Instances re-read the active key this often, so a rotation done by one reaches all soon. */
const ACTIVE_KEY_CACHE_MS = 60_000;

export class SigningKeysService {
  private active?: Promise<ActiveKey>;
  private activeLoadedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The key new tokens are signed with; created on first use. */
  current(): Promise<ActiveKey> {
    const now = this.clock.now().getTime();
    if (now - this.activeLoadedAt > ACTIVE_KEY_CACHE_MS) {
      this.active = undefined;
      this.activeLoadedAt = now;
    }
    this.active ??= this.loadOrCreate().catch((error) => {
      this.active = undefined;
      throw error;
    });
    return this.active;
  }

  private async loadOrCreate(): Promise<ActiveKey> {
    const repo = this.dataSource.getRepository(SigningKeyEntity);
    let key = await repo.findOneBy({ retiredAt: IsNull() });
    if (!key) {
      try {
        key = await repo.save(await this.generate());
      } catch {
        // Another instance created the active key first (unique partial index): use that one.
        key = await repo.findOneByOrFail({ retiredAt: IsNull() });
      }
    }
    return { kid: key.kid, privateKey: await importPKCS8(key.privateKeyPem, ACCESS_TOKEN.algorithm) };
  }

  private async generate(): Promise<SigningKeyEntity> {
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN.algorithm, { crv: "Ed25519", extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    return Object.assign(new SigningKeyEntity(), {
      kid,
      algorithm: ACCESS_TOKEN.algorithm,
      publicJwk: { ...publicJwk, kid, alg: ACCESS_TOKEN.algorithm, use: "sig" },
      privateKeyPem: await exportPKCS8(privateKey),
      createdAt: this.clock.now(),
      retiredAt: null,
    });
  }

  /**
   * Starts signing with a new key. Tokens signed by the old one stay valid until they expire,
   * because its public key stays in the JWKS for the grace period, which outlasts the minute other
   * identity instances may keep signing with their cached copy.
   */
  async rotate(): Promise<string> {
    const next = await this.generate();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(SigningKeyEntity, { retiredAt: IsNull() }, { retiredAt: this.clock.now() });
      await manager.save(next);
    });
    this.active = undefined;
    return next.kid;
  }

  /** The published key set: the active key and recently retired ones. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const since = new Date(this.clock.now().getTime() - RETIRED_KEY_GRACE_MS);
    const keys = await this.dataSource.getRepository(SigningKeyEntity).find({
      where: [{ retiredAt: IsNull() }, { retiredAt: MoreThan(since) }],
      order: { createdAt: "DESC" },
    });
    return { keys: keys.map((k) => k.publicJwk) };
  }
}
