import { asObject } from "../grafana-import/json";
import type { DataFrame } from "./frame";

function booleans(value: unknown): Record<string, boolean> {
  return Object.fromEntries(
    Object.entries(asObject(value)).filter(([, on]) => typeof on === "boolean"),
  ) as Record<string, boolean>;
}

/**
 * Grafana's "organize" (Organize fields by name): columns excluded by name, then ordered by
 * `indexByName` (a column without an index goes after the others, in its order), then renamed.
 * `includeByName`, when it lists any column, keeps only those.
 */
export function organizeFrames(frames: readonly DataFrame[], options: unknown): DataFrame[] {
  const opts = asObject(options);
  const exclude = booleans(opts.excludeByName);
  const include = booleans(opts.includeByName);
  const including = Object.values(include).some(Boolean);
  const index = asObject(opts.indexByName);
  const rename = asObject(opts.renameByName);
  const position = (name: string): number => {
    const at = index[name];
    return typeof at === "number" && Number.isInteger(at) ? at : Number.MAX_SAFE_INTEGER;
  };
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields
      .filter((field) => exclude[field.name] !== true && (!including || include[field.name] === true))
      .map((field, order) => ({ field, order }))
      .sort((a, b) => position(a.field.name) - position(b.field.name) || a.order - b.order)
      .map(({ field }) => {
        const name = rename[field.name];
        return typeof name === "string" && name !== "" ? { ...field, name } : field;
      }),
  }));
}
