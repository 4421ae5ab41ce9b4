/**
 * Replaces a metric name in a PromQL expression where it is a name, never inside a quoted label
 * value or as part of a longer name: what the lint's one-click fix does.
 */
export function replaceMetricName(expr: string, from: string, to: string): string {
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const char = expr[i] ?? "";
    if (char === '"' || char === "'" || char === "`") {
      let end = i + 1;
      while (end < expr.length && expr[end] !== char) end += expr[end] === "\\" ? 2 : 1;
      out += expr.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (/[a-zA-Z_:]/.test(char)) {
      let end = i + 1;
      while (end < expr.length && /[a-zA-Z0-9_:]/.test(expr[end] ?? "")) end++;
      const word = expr.slice(i, end);
      out += word === from ? to : word;
      i = end;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}
