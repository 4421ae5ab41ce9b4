/** Go's strings, net and net/url helpers that Prometheus's template functions are made of. */
import { isGoDigit, isGoLetter, isGoSpace } from "../../go/unicode";

/** strings.ToUpper: rune by rune; a rune without a one-rune upper case (ß) stays. */
export function goToUpper(s: string): string {
  let out = "";
  for (const c of s) {
    const u = c.toUpperCase();
    out += [...u].length === 1 ? u : c;
  }
  return out;
}

/** strings.ToLower: rune by rune (İ becomes i, as Go's simple case mapping says). */
export function goToLower(s: string): string {
  let out = "";
  for (const c of s) {
    const l = c.toLowerCase();
    out += [...l].length === 1 ? l : ([...l][0] ?? c);
  }
  return out;
}

function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    const c = String.fromCharCode(r);
    return !/[0-9a-zA-Z_]/.test(c);
  }
  if (isGoLetter(r) || isGoDigit(r)) return false;
  return isGoSpace(r);
}

/** strings.Title: upper-cases the first letter of each word. */
export function goTitle(s: string): string {
  let prev = 0x20;
  let out = "";
  for (const c of s) {
    const r = c.codePointAt(0) ?? 0;
    out += isSeparator(prev) ? goToUpper(c) : c;
    prev = r;
  }
  return out;
}

/** url.QueryEscape. */
export function goQueryEscape(s: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** net.SplitHostPort; undefined where Go returns an error. */
export function goSplitHostPort(hostport: string): { host: string; port: string } | undefined {
  const i = hostport.lastIndexOf(":");
  if (i < 0) return undefined;
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport[0] === "[") {
    const end = hostport.indexOf("]");
    if (end < 0 || end + 1 !== i) return undefined;
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(":")) return undefined;
  }
  if (hostport.slice(j).includes("[") || hostport.slice(k).includes("]")) return undefined;
  return { host, port: hostport.slice(i + 1) };
}

const IPV4 =
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

/** Whether net.ParseIP accepts the text (IPv4 without leading zeros, or IPv6 without a zone). */
export function goIsIP(host: string): boolean {
  if (IPV4.test(host)) return true;
  if (!host.includes(":") || host.includes("%") || host.includes("[") || host.includes("/")) return false;
  try {
    return new URL(`http://[${host}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

/** net.JoinHostPort. */
export const goJoinHostPort = (host: string, port: string): string =>
  host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
