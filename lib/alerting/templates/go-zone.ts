/**
 * time.Location for templates' `tz` (Alertmanager ≥ 0.26: `t.In(time.LoadLocation(name))`), from
 * the runtime's IANA time zone data through Intl, so it works in the browser too. Go reads the
 * same tz database (the system's zoneinfo or its embedded copy); the two can differ only where
 * the database versions do.
 */

export interface ZoneAt {
  /** Seconds east of UTC at that instant. */
  offset: number;
  /** What Go prints for `MST`: the tz database's abbreviation (`CET`, `EDT`, `+04`). */
  abbr: string;
}

/** A zone name as a template passed it: "" and "UTC" are UTC, as for time.LoadLocation. */
export function isUtcName(name: string): boolean {
  return name === "" || name === "UTC";
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zone names come from templates and viewers' cookies, in any spelling Intl accepts: bounded. */
const MAX_FORMATTERS = 256;

function formatter(name: string): Intl.DateTimeFormat {
  let f = formatters.get(name);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
      timeZoneName: "long",
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(name, f);
  }
  return f;
}

let canonical: Map<string, string> | undefined;

/**
 * Whether time.LoadLocation(name) finds the zone. Go looks the name up as a file, so case counts
 * ("europe/paris" fails) where Intl would accept it; "Local" is the server's zone, UTC in the
 * containers the bundle runs in.
 */
export function isKnownZone(name: string): boolean {
  if (isUtcName(name) || name === "Local") return true;
  try {
    formatter(name);
  } catch {
    return false;
  }
  canonical ??= new Map(Intl.supportedValuesOf("timeZone").map((zone) => [zone.toLowerCase(), zone]));
  const known = canonical.get(name.toLowerCase());
  return known === undefined || known === name;
}

/**
 * The tz database's abbreviations, by the long name Intl gives the zone's time (en-US). Zones the
 * database gives no letters to print their offset (`+04`, `-03`), as Go does.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  "Coordinated Universal Time": "UTC",
  "Greenwich Mean Time": "GMT",
  "British Summer Time": "BST",
  "Irish Standard Time": "IST",
  "Western European Standard Time": "WET",
  "Western European Summer Time": "WEST",
  "Central European Standard Time": "CET",
  "Central European Summer Time": "CEST",
  "Eastern European Standard Time": "EET",
  "Eastern European Summer Time": "EEST",
  "Moscow Standard Time": "MSK",
  "Israel Standard Time": "IST",
  "Israel Daylight Time": "IDT",
  "India Standard Time": "IST",
  "Pakistan Standard Time": "PKT",
  "China Standard Time": "CST",
  "Hong Kong Standard Time": "HKT",
  "Japan Standard Time": "JST",
  "Korean Standard Time": "KST",
  "Western Indonesia Time": "WIB",
  "Philippine Standard Time": "PST",
  "South Africa Standard Time": "SAST",
  "Central Africa Time": "CAT",
  "East Africa Time": "EAT",
  "West Africa Standard Time": "WAT",
  "Australian Eastern Standard Time": "AEST",
  "Australian Eastern Daylight Time": "AEDT",
  "Australian Central Standard Time": "ACST",
  "Australian Central Daylight Time": "ACDT",
  "Australian Western Standard Time": "AWST",
  "New Zealand Standard Time": "NZST",
  "New Zealand Daylight Time": "NZDT",
  "Eastern Standard Time": "EST",
  "Eastern Daylight Time": "EDT",
  "Central Standard Time": "CST",
  "Central Daylight Time": "CDT",
  "Mountain Standard Time": "MST",
  "Mountain Daylight Time": "MDT",
  "Pacific Standard Time": "PST",
  "Pacific Daylight Time": "PDT",
  "Alaska Standard Time": "AKST",
  "Alaska Daylight Time": "AKDT",
  "Hawaii-Aleutian Standard Time": "HST",
  "Atlantic Standard Time": "AST",
  "Atlantic Daylight Time": "ADT",
  "Newfoundland Standard Time": "NST",
  "Newfoundland Daylight Time": "NDT",
};

/** The tz database's name for an offset without letters: `+04`, `+0530`, `-03`. */
export function numericAbbr(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const minutes = Math.floor(Math.abs(offset) / 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  return minutes % 60 === 0 ? `${sign}${hh}` : `${sign}${hh}${String(minutes % 60).padStart(2, "0")}`;
}

/** The offset and abbreviation of zone `name` at the instant (whole seconds since the epoch). */
export function zoneAt(name: string, unixSeconds: number): ZoneAt {
  if (isUtcName(name) || name === "Local") return { offset: 0, abbr: "UTC" };
  const parts = Object.fromEntries(
    formatter(name)
      .formatToParts(new Date(unixSeconds * 1000))
      .map((part) => [part.type, part.value]),
  );
  const year = Number(parts.year) * (parts.era === "BC" ? -1 : 1) + (parts.era === "BC" ? 1 : 0);
  const local = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  // Date.UTC maps years 0-99 to 1900-1999; alerts' times never are, but stay exact.
  const fixed = year >= 0 && year < 100 ? new Date(local).setUTCFullYear(year) : local;
  const offset = Math.round((fixed - unixSeconds * 1000) / 1000);
  const long = parts.timeZoneName ?? "";
  return { offset, abbr: ABBREVIATIONS[long] ?? numericAbbr(offset) };
}
