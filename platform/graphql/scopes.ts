/**
 * The `@requiresScopes` application for type-graphql's `@Directive`, e.g.
 * `@Directive(scopes("ledger:read"))`. The gateway enforces it before planning: an API key needs
 * every listed scope (a signed-in session holds them all). Several arguments mean "all of these".
 */
export function scopes(...required: [string, ...string[]]): string {
  for (const scope of required) {
    if (!/^[a-z][a-z-]*:(read|write)$/.test(scope)) throw new Error(`scope "${scope}" must be <resource>:read or <resource>:write`);
  }
  return `@requiresScopes(scopes: [[${required.map((scope) => JSON.stringify(scope)).join(", ")}]])`;
}
