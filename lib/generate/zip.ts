import { zipSync } from "fflate";
import type { GeneratedFile } from "./types";

/**
 * A fixed timestamp for every entry, built from local-time parts because the zip format stores
 * local DOS time: the same files give the same bytes on any machine and in any time zone.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** Zips files under a top folder, in path order, with fixed timestamps: same files, same bytes. */
export function zipBundle(files: readonly GeneratedFile[], folder = "observability"): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    entries[`${folder}/${file.path}`] = [encoder.encode(file.content), { mtime: FIXED_MTIME, level: 6 }];
  }
  return zipSync(entries, { mtime: FIXED_MTIME });
}
