/**
 * Drops keys whose value is undefined, keeping the declared type: call it with the schema type
 * (`omitUndefined<VariableModel>({...})`) so literals are checked against it, unlike `compact`.
 */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
