/** Where a problem is in the imported file (`route.routes[2].matchers[0]`) and what it is. */
export interface ImportProblem {
  path: string;
  message: string;
}

/** An Alertmanager configuration that cannot be imported, with every problem found. */
export class AlertmanagerImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join("\n"));
    this.name = "AlertmanagerImportError";
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Collects problems while a file is converted, so every one is reported at once. */
export class Problems {
  readonly list: ImportProblem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** A list of strings at `path`, or [] with a problem when it is something else. */
  strings(value: unknown, path: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
      this.add(path, "expected a list of strings");
      return [];
    }
    return value as string[];
  }

  /** A string map (legacy match), or {} with a problem. */
  stringMap(value: unknown, path: string): Record<string, string> {
    if (value === undefined || value === null) return {};
    if (!isRecord(value)) {
      this.add(path, "expected a map of label names to values");
      return {};
    }
    const out: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      // YAML reads `code: 500` as a number; Alertmanager reads it as the string "500".
      if (typeof entry === "string" || typeof entry === "number" || typeof entry === "boolean")
        out[key] = String(entry);
      else this.add(`${path}.${key}`, "expected a string");
    }
    return out;
  }

  optionalString(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    this.add(path, "expected a string");
    return undefined;
  }
}
