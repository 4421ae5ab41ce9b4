/** Template variables as queries refer to them: `$name`, `${name:format}`, `[[name]]`, and Grafana's own. */

/** Variables Grafana defines itself. */
const BUILTIN_VARIABLES = new Set([
  "__auto",
  "__interval",
  "__interval_ms",
  "__rate_interval",
  "__range",
  "__range_s",
  "__range_ms",
  "__from",
  "__to",
  "__timeFilter",
  "__timeFrom",
  "__timeTo",
  "__unixEpochFrom",
  "__unixEpochTo",
  // Grafana's SQL datasource macros
  "__time",
  "__timeEpoch",
  "__timeGroup",
  "__timeGroupAlias",
  "__unixEpochFilter",
  "__unixEpochGroup",
  "__unixEpochGroupAlias",
  "__unixEpochNanoFilter",
  "__unixEpochNanoFrom",
  "__unixEpochNanoTo",
  "__dashboard",
  "__name",
  "__org",
  "__user",
  "timeFilter",
]);

/** Whether Grafana defines `name` itself (`$__rate_interval`, `$__timeFilter` …). */
export function isBuiltinVariable(name: string): boolean {
  return BUILTIN_VARIABLES.has(name);
}

/** Variable names a query refers to as `$name`, `${name}`, `${name:format}` or `[[name]]`. */
export function referencedVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\$\{(\w+)(?::[\w]+)?\}|\$(\w+)|\[\[(\w+)\]\]/g)) {
    const name = match[1] ?? match[2] ?? match[3];
    if (name) names.push(name);
  }
  return names;
}
