/**
 * model.LabelSet.Fingerprint of prometheus/common: FNV-1a 64 over the label names in byte order,
 * each name and value followed by the 0xff separator; printed as 16 hex digits (%016x), which is
 * the `fingerprint` of every alert in Alertmanager's template data and webhook payload.
 */
import { compareGoStrings } from "../../go/unicode";

const OFFSET = 14695981039346656037n;
const PRIME = 1099511628211n;
const MASK = (1n << 64n) - 1n;

export function alertFingerprint(labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels).sort(compareGoStrings);
  if (names.length === 0) return "cbf29ce484222325";
  const encoder = new TextEncoder();
  let hash = OFFSET;
  const add = (bytes: Iterable<number>): void => {
    for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
  };
  for (const name of names) {
    add(encoder.encode(name));
    add([0xff]);
    add(encoder.encode(labels[name] ?? ""));
    add([0xff]);
  }
  return hash.toString(16).padStart(16, "0");
}
