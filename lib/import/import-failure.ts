/**
 * A file that was recognised but cannot be converted: why, a line each. In a module of its own so
 * importers can throw it without importing the list of importers (which imports them).
 */
export class ImportFailure extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "ImportFailure";
  }
}
