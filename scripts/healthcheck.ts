/**
 * Container healthcheck (`node dist/scripts/healthcheck.js`; the slim image has no curl): exits 0
 * when this container's service answers 200 on `/ready` (a subgraph: its database answers; the
 * gateway: every subgraph does) within two seconds, 1 otherwise.
 */
const port = process.env.PORT || process.env.GATEWAY_PORT || "4000";

try {
  const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
