import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/components/ui/format";
import { conflictHeadline, formatSavedAt } from "./conflict-headline";

const now = new Date(2026, 11, 3, 15, 30);
const today = new Date(2026, 11, 3, 14, 2).toISOString();
const lastWeek = new Date(2026, 10, 26, 9, 5).toISOString();

describe("the conflict banner's headline", () => {
  it.each([
    [
      "who and when, today",
      { currentVersion: 7, current: null, savedBy: { version: 7, author: "Alice", at: today } },
      `Alice saved version 7 at ${formatSavedAt(today, now)} while you were editing the settings.`,
    ],
    [
      "the section's version and the project's, when the project moved on since",
      { currentVersion: 9, current: null, savedBy: { version: 7, author: "Alice", at: today } },
      `Alice saved version 7 at ${formatSavedAt(today, now)} while you were editing the settings (the project is now at version 9).`,
    ],
    [
      "someone, for a save made before accounts",
      { currentVersion: 7, current: null, savedBy: { version: 7, author: null, at: today } },
      `Someone saved version 7 at ${formatSavedAt(today, now)} while you were editing the settings.`,
    ],
    [
      "the version alone when the answer named nobody",
      { currentVersion: 7, current: null },
      "Someone saved version 7 while you were editing the settings.",
    ],
    [
      "a newer version when the answer said no version",
      { currentVersion: undefined, current: null },
      "Someone saved a newer version while you were editing the settings.",
    ],
  ])("%s", (_name, conflict, expected) => {
    expect(conflictHeadline(conflict, "the settings", now)).toBe(expected);
  });

  it("says the time of day for a save today and the date too for an older one", () => {
    expect(formatSavedAt(today, now)).toMatch(/^\d{1,2}:02/);
    expect(formatSavedAt(lastWeek, now)).toBe(formatDateTime(lastWeek));
    expect(formatSavedAt("not a time", now)).toBe("not a time");
  });
});
