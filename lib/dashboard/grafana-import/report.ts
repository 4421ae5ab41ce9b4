/** What an import could not map (kept raw, listed by JSON path) and what it changed on the way. */
export interface ImportReport {
  unmapped: { path: string; what: string }[];
  warnings: string[];
}

export class ImportReporter implements ImportReport {
  readonly unmapped: { path: string; what: string }[] = [];
  readonly warnings: string[] = [];

  keep(path: string, what: string): void {
    this.unmapped.push({ path, what });
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}
