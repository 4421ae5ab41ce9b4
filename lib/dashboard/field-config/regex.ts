/**
 * Grafana's stringToJsRegex: `/pattern/flags` is a regex with flags, anything else a bare pattern.
 * Undefined when the text is not a regular expression. Compiled once per text: overrides and
 * mappings are matched against every series of every render.
 */
const cache = new Map<string, RegExp | undefined>();

export function regexOf(text: string): RegExp | undefined {
  if (cache.has(text)) {
    const cached = cache.get(text);
    if (cached) cached.lastIndex = 0;
    return cached;
  }
  const slashed = /^\/(.*)\/([gimsuy]*)$/s.exec(text);
  let regex: RegExp | undefined;
  try {
    regex = slashed ? new RegExp(slashed[1] ?? "", slashed[2]) : new RegExp(text);
  } catch {
    regex = undefined;
  }
  if (cache.size > 500) cache.clear();
  cache.set(text, regex);
  return regex;
}
