import { type RouteHandler, sendJson } from "../../../platform/http/index.js";
import type { SigningKeysService } from "./signing-keys.service.js";

/** GET /.well-known/jwks.json: the public keys the gateway verifies access tokens with. */
export function jwksRoute(keys: SigningKeysService): RouteHandler {
  return async (_req, res) => {
    // Make sure a key exists even before the first sign-in, so verifiers never see an empty set.
    await keys.current();
    res.setHeader("cache-control", "public, max-age=60");
    sendJson(res, 200, await keys.jwks());
  };
}
