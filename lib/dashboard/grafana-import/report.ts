/** What an import could not map (kept raw, listed by JSON path) and what it changed on the way. */
export interface ImportReport {
  unmapped: { path: string; what: string }[];
  warnings: string[];
}

export class ImportReporter implements ImportReport {
  readonly unmapped: { path: string; what: string }[] = [];
  readonly warnings: string[] = [];
  /** Readings that kept the meaning but not the spelling, by what they did: the paths they did it at. */
  private readonly conversions = new Map<string, string[]>();

  keep(path: string, what: string): void {
    this.unmapped.push({ path, what });
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /**
   * A value read into the model with its meaning intact but spelled otherwise (nothing is kept
   * raw). Many panels share the same one, so the report gets one line each: see `summarize`.
   */
  convert(what: string, path: string): void {
    const paths = this.conversions.get(what) ?? [];
    if (!paths.includes(path)) paths.push(path);
    this.conversions.set(what, paths);
  }

  /** One warning per kind of conversion, with how many panels and the first of them. */
  summarize(): void {
    for (const [what, paths] of this.conversions) {
      const shown = paths.slice(0, 5).join(", ");
      const more = paths.length > 5 ? ` and ${paths.length - 5} more` : "";
      const count = `${paths.length} panel${paths.length === 1 ? "" : "s"}`;
      this.warn(`${what}: ${count}: ${shown}${more}; nothing kept raw`);
    }
    this.conversions.clear();
  }
}
