import { readFileSync } from "node:fs";
import path from "node:path";
import { type Project, parseProject } from "../../model";

/** The small project every generator's golden files are made from. */
export function smallProject(): Project {
  const file = path.join(import.meta.dirname, "small.model.json");
  return parseProject(JSON.parse(readFileSync(file, "utf8")));
}
