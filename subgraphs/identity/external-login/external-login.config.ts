import { ConfigError } from "../../../platform/config/index.js";

export type TokenAuthMethod = "none" | "client_secret_basic" | "client_secret_post";

/** One OpenID Connect provider users may sign in with. */
export interface OidcProviderConfig {
  /** Lower-case name used in the API (`startExternalLogin(provider: "google")`) and in audit entries. */
  name: string;
  issuer: URL;
  clientId: string;
  /** Absent for a public client, which then relies on PKCE alone. */
  clientSecret?: string;
  tokenAuthMethod: TokenAuthMethod;
  /** Normalised (`URL.href`) redirect URIs callers may ask for; anything else is refused. */
  redirectUris: readonly string[];
  /** Plain-http issuer and redirect URIs, for a provider running on the developer's machine. */
  allowHttp: boolean;
}

export interface ExternalLoginConfig {
  providers: readonly OidcProviderConfig[];
}

const NAME = /^[a-z][a-z0-9_]{0,31}$/;

function parseUrl(setting: string, raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new ConfigError(setting, `not a URL: ${raw}`);
  }
}

function parseBoolean(env: NodeJS.ProcessEnv, setting: string): boolean {
  const raw = env[setting]?.trim().toLowerCase();
  if (raw === undefined || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw new ConfigError(setting, "must be true or false");
}

function required(env: NodeJS.ProcessEnv, setting: string): string {
  const raw = env[setting]?.trim();
  if (!raw) throw new ConfigError(setting, "required for every provider listed in OIDC_PROVIDERS");
  return raw;
}

/**
 * A redirect URI is where the provider sends the user's browser back with the code. openid-client
 * derives the token request's `redirect_uri` from the callback URL without its query, so a
 * registered URI with a query or fragment could never match; and http would put codes on the wire
 * in clear, so it needs the same explicit opt-in as an http issuer. Native apps may use a
 * reverse-domain private scheme (RFC 8252 §7.1), which always contains a dot.
 */
function parseRedirectUri(setting: string, raw: string, allowHttp: boolean, allowHttpSetting: string): string {
  const url = parseUrl(setting, raw);
  if (url.search || url.hash) throw new ConfigError(setting, `${raw} must not have a query or fragment`);
  const scheme = url.protocol.slice(0, -1);
  if (scheme === "http" && !allowHttp)
    throw new ConfigError(setting, `${raw} uses plain http; set ${allowHttpSetting}=true for a local provider`);
  if (scheme !== "https" && scheme !== "http" && !scheme.includes(".")) {
    throw new ConfigError(setting, `${raw} must be https or a reverse-domain app scheme (com.example.app:/callback)`);
  }
  return url.href;
}

/**
 * Reads `OIDC_PROVIDERS=name1,name2` and each provider's `OIDC_<NAME>_*` settings. Runs when the
 * identity subgraph starts, so a typo stops the boot with one line naming the variable rather than
 * failing the first user who clicks "Sign in with …".
 */
export function loadExternalLoginConfig(env: NodeJS.ProcessEnv = process.env): ExternalLoginConfig {
  const list = (env.OIDC_PROVIDERS ?? "")
    .split(",")
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const seen = new Set<string>();
  const providers: OidcProviderConfig[] = [];
  for (const name of list) {
    if (!NAME.test(name))
      throw new ConfigError("OIDC_PROVIDERS", `provider name "${name}" must be a letter then up to 31 letters, digits or _`);
    if (seen.has(name)) throw new ConfigError("OIDC_PROVIDERS", `provider "${name}" is listed twice`);
    seen.add(name);
    const prefix = `OIDC_${name.toUpperCase()}_`;
    const allowHttpSetting = `${prefix}ALLOW_HTTP`;
    const allowHttp = parseBoolean(env, allowHttpSetting);

    const issuerSetting = `${prefix}ISSUER`;
    const issuer = parseUrl(issuerSetting, required(env, issuerSetting));
    if (issuer.protocol === "http:" && !allowHttp) {
      throw new ConfigError(issuerSetting, `plain http is refused; set ${allowHttpSetting}=true for a local provider`);
    }
    if (issuer.protocol !== "https:" && issuer.protocol !== "http:") throw new ConfigError(issuerSetting, "must be an https URL");
    if (issuer.search || issuer.hash) throw new ConfigError(issuerSetting, "must not have a query or fragment");

    const clientId = required(env, `${prefix}CLIENT_ID`);
    const clientSecret = env[`${prefix}CLIENT_SECRET`]?.trim() || undefined;

    const methodSetting = `${prefix}TOKEN_AUTH_METHOD`;
    const rawMethod = env[methodSetting]?.trim();
    let tokenAuthMethod: TokenAuthMethod;
    if (!clientSecret) {
      if (rawMethod && rawMethod !== "none") throw new ConfigError(methodSetting, `${rawMethod} needs ${prefix}CLIENT_SECRET`);
      tokenAuthMethod = "none";
    } else if (!rawMethod) {
      // RFC 7591's default for a client that registered none; providers enforce the registered one.
      tokenAuthMethod = "client_secret_basic";
    } else if (rawMethod === "client_secret_basic" || rawMethod === "client_secret_post") {
      tokenAuthMethod = rawMethod;
    } else {
      throw new ConfigError(methodSetting, "must be client_secret_basic or client_secret_post");
    }

    const redirectSetting = `${prefix}REDIRECT_URIS`;
    const redirectUris = required(env, redirectSetting)
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean)
      .map((u) => parseRedirectUri(redirectSetting, u, allowHttp, allowHttpSetting));
    if (redirectUris.length === 0) throw new ConfigError(redirectSetting, "must list at least one redirect URI");

    providers.push({ name, issuer, clientId, clientSecret, tokenAuthMethod, redirectUris: [...new Set(redirectUris)], allowHttp });
  }
  return { providers };
}
