/**
 * A custom variable's values typed as one line, as in Grafana's editor: `a, b, c`. A comma that
 * belongs to a value is written `\,` (Grafana's own escape, which the export writes too).
 */

/** `a, b\, c,, d` → `["a", "b, c", "d"]`: split at unescaped commas, trimmed, empty entries dropped. */
export function parseCommaList(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && text[i + 1] === ",") {
      current += ",";
      i++;
    } else if (char === ",") {
      out.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  out.push(current);
  return out.map((value) => value.trim()).filter((value) => value !== "");
}

/** `["a", "b, c"]` → `a, b\, c`; parseCommaList reads it back to the same values. */
export function formatCommaList(values: readonly string[]): string {
  return values.map((value) => value.replaceAll(",", "\\,")).join(", ");
}
