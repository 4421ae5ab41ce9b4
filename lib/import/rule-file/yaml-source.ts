/**
 * The YAML text a parsed document came from, kept beside it (as a property no JSON or spread
 * sees) so an importer that must keep scalars exactly as written (`1.0`, `010`, `5m`) can read
 * the text again with positions, while other importers see the plain value.
 */
const SOURCE = Symbol("yaml source");

/** `value` with its YAML text attached; objects and arrays only (other values are returned as is). */
export function withYamlSource<T>(value: T, text: string): T {
  if (typeof value === "object" && value !== null)
    Object.defineProperty(value, SOURCE, { value: text, enumerable: false });
  return value;
}

/** The YAML text `value` was parsed from, when it was attached. */
export function yamlSourceOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const text = (value as { [SOURCE]?: unknown })[SOURCE];
  return typeof text === "string" ? text : undefined;
}
