import { formatDateTime } from "@/components/ui/format";
import type { SaveConflict } from "./save-slice";

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** A save's time for the banner: the time of day when it was today, else date and time. */
export function formatSavedAt(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toDateString() === now.toDateString() ? timeOfDay.format(at) : formatDateTime(iso);
}

/**
 * The conflict banner's first sentence: who saved the newer version and when, as the 409 said
 * ("Alice saved version 7 at 14:02 …"); "Someone" when the save predates accounts or the answer
 * did not say. A section's newer version may be older than the project's: both are named then.
 */
export function conflictHeadline(conflict: SaveConflict, subject: string, now: Date = new Date()): string {
  const { currentVersion, savedBy } = conflict;
  if (!savedBy) {
    return currentVersion === undefined
      ? `Someone saved a newer version while you were editing ${subject}.`
      : `Someone saved version ${currentVersion} while you were editing ${subject}.`;
  }
  const who = savedBy.author ?? "Someone";
  const projectNow =
    currentVersion !== undefined && currentVersion !== savedBy.version
      ? ` (the project is now at version ${currentVersion})`
      : "";
  return `${who} saved version ${savedBy.version} at ${formatSavedAt(savedBy.at, now)} while you were editing ${subject}${projectNow}.`;
}
