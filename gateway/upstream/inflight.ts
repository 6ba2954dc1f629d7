/**
 * Identical subgraph reads in flight at the same moment share one fetch: same subgraph, same
 * caller token (so the same user, scopes, API key, session and client), same query and variables.
 * Each joiner gets the shared raw response and parses its own copy, so no request can see another
 * request's objects.
 *
 * Read-your-writes: when a caller's mutation completes, that caller's fetches in flight are
 * forgotten, so a read issued after the mutation never joins a read that may have started before it.
 */
export class InflightFetches<T> {
  private readonly flights = new Map<string, Promise<T>>();

  get size(): number {
    return this.flights.size;
  }

  /** Starts `fetch`, or joins the identical one in flight; `shared` tells which happened. */
  run(caller: string, request: string, fetch: () => Promise<T>): { result: Promise<T>; shared: boolean } {
    const key = `${caller}\u0000${request}`;
    const inFlight = this.flights.get(key);
    if (inFlight) return { result: inFlight, shared: true };
    const result = fetch();
    this.flights.set(key, result);
    const forget = () => {
      if (this.flights.get(key) === result) this.flights.delete(key);
    };
    result.then(forget, forget);
    return { result, shared: false };
  }

  /** Later reads by `caller` start fresh fetches. Linear in fetches in flight, which are few. */
  forgetCaller(caller: string): void {
    const prefix = `${caller}\u0000`;
    for (const key of this.flights.keys()) {
      if (key.startsWith(prefix)) this.flights.delete(key);
    }
  }
}
