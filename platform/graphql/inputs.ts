/**
 * The fields a client actually sent in an input object (null included): type-graphql leaves absent
 * optional fields `undefined`, and a patch must tell "not given" from "clear it".
 */
export function givenFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
