/** RFC 3339 times with Go's nanosecond precision (JavaScript's Date keeps milliseconds only). */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** Nanoseconds since the Unix epoch; throws on anything that is not RFC 3339. */
export function parseRfc3339Nano(text: string): bigint {
  const match = PATTERN.exec(text);
  if (!match) throw new Error(`not an RFC 3339 time: ${JSON.stringify(text)}`);
  const [, year, month, day, hour, minute, second, fraction = "", zone = "Z"] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second), 0);
  let seconds = BigInt(Math.floor(date.getTime() / 1000));
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1n : 1n;
    const [h, m] = zone.slice(1).split(":").map(Number);
    seconds -= sign * BigInt((h ?? 0) * 3600 + (m ?? 0) * 60);
  }
  return seconds * 1_000_000_000n + BigInt(fraction.padEnd(9, "0") || "0");
}

/** Go's time.Time MarshalJSON (RFC3339Nano, UTC, trailing zeros of the fraction dropped). */
export function formatRfc3339Nano(unixNano: bigint): string {
  const seconds = unixNano / 1_000_000_000n - (unixNano % 1_000_000_000n < 0n ? 1n : 0n);
  const nanos = unixNano - seconds * 1_000_000_000n;
  const iso = new Date(0);
  iso.setTime(Number(seconds) * 1000);
  const base = iso.toISOString().slice(0, 19);
  const fraction = nanos === 0n ? "" : `.${nanos.toString().padStart(9, "0").replace(/0+$/, "")}`;
  return `${base.startsWith("-") ? base : base}${fraction}Z`;
}
