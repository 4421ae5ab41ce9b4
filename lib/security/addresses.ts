/**
 * What an address or a URL's host points at, for the SSRF checks of calls the server makes to
 * URLs users type (preview, Alertmanager). Pure: no DNS, no I/O; the caller resolves a name once
 * and checks the address it will connect to (so a rebinding name cannot switch in between).
 *
 * Hosts are read the way fetch reads them, by the WHATWG URL parser: it turns every numeric form
 * of an IPv4 address (`2130706433`, `0x7f.1`, `127.1`, `0177.0.0.1`) into a dotted quad and
 * compresses IPv6, so what is classified is what would be connected to.
 */

export type AddressClass =
  | "loopback"
  | "unspecified"
  | "private"
  | "link-local"
  /** Cloud instance metadata (credentials live there): never a project's target. */
  | "metadata"
  | "multicast"
  | "reserved"
  | "public";

/** Classes no project may name, whatever an administrator allows. */
export const ALWAYS_REFUSED: ReadonlySet<AddressClass> = new Set([
  "unspecified",
  "link-local",
  "metadata",
  "multicast",
  "reserved",
]);

type Cidr4 = readonly [network: number, bits: number, what: AddressClass];

// Order matters: the first match wins (metadata before link-local, 0/8 before the rest).
const IPV4_RANGES: readonly Cidr4[] = [
  [ipv4("169.254.169.254"), 32, "metadata"], // AWS, GCP, Azure, OpenStack, DigitalOcean …
  [ipv4("100.100.100.200"), 32, "metadata"], // Alibaba Cloud
  [ipv4("0.0.0.0"), 8, "unspecified"],
  [ipv4("127.0.0.0"), 8, "loopback"],
  [ipv4("10.0.0.0"), 8, "private"],
  [ipv4("172.16.0.0"), 12, "private"],
  [ipv4("192.168.0.0"), 16, "private"],
  [ipv4("100.64.0.0"), 10, "private"], // carrier-grade NAT, shared address space
  [ipv4("169.254.0.0"), 16, "link-local"],
  [ipv4("192.0.0.0"), 24, "reserved"],
  [ipv4("198.18.0.0"), 15, "reserved"], // benchmarking
  [ipv4("224.0.0.0"), 4, "multicast"],
  [ipv4("240.0.0.0"), 4, "reserved"], // and 255.255.255.255, broadcast
];

/** A dotted quad (as the URL parser writes it) as a 32-bit number; NaN for anything else. */
function ipv4(dotted: string): number {
  const parts = dotted.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255))
    return Number.NaN;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function classifyIpv4(value: number): AddressClass {
  for (const [network, bits, what] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    if (Math.floor(value / size) === Math.floor(network / size)) return what;
  }
  return "public";
}

/** A compressed IPv6 address (hex groups, `::` at most once) as 8 16-bit groups; undefined if not one. */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (half: string | undefined): number[] | undefined => {
    if (!half) return [];
    const groups = half.split(":");
    return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))
      ? groups.map((group) => Number.parseInt(group, 16))
      : undefined;
  };
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : undefined;
}

function startsWith(groups: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((group, index) => groups[index] === group);
}

function embeddedIpv4(high: number, low: number): number {
  return high * 65536 + low;
}

function classifyIpv6(groups: readonly number[]): AddressClass {
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroesBefore = (count: number): boolean => groups.slice(0, count).every((group) => group === 0);
  if (zeroesBefore(7) && g7 === 0) return "unspecified";
  if (zeroesBefore(7) && g7 === 1) return "loopback";
  // IPv4 carried in IPv6 reaches the IPv4 address: mapped ::ffff:a.b.c.d, compatible ::a.b.c.d,
  // NAT64 64:ff9b::a.b.c.d, and 6to4 2002:AABB:CCDD::.
  if (zeroesBefore(5) && g5 === 0xffff) return classifyIpv4(embeddedIpv4(g6, g7));
  if (zeroesBefore(6)) return classifyIpv4(embeddedIpv4(g6, g7));
  if (startsWith(groups, [0x64, 0xff9b, 0, 0, 0, 0])) return classifyIpv4(embeddedIpv4(g6, g7));
  if (g0 === 0x2002) return classifyIpv4(embeddedIpv4(groups[1] ?? 0, groups[2] ?? 0));
  if (startsWith(groups, [0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254])) return "metadata"; // AWS over IPv6
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  if ((g0 & 0xffc0) === 0xfec0) return "reserved"; // deprecated site-local
  return "public";
}

/**
 * A host as fetch would connect to it: IPv4 in dotted-quad form, IPv6 compressed without
 * brackets, names lowercased; undefined when the URL parser refuses it.
 */
export function canonicalHost(host: string): string | undefined {
  const bare = host.startsWith("[") ? host : host.includes(":") ? `[${host}]` : host;
  try {
    const { hostname } = new URL(`http://${bare}/`);
    return hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  } catch {
    return undefined;
  }
}

/** What an IP address (any form the URL parser takes) points at; undefined for a name or junk. */
export function classifyAddress(address: string): AddressClass | undefined {
  const host = canonicalHost(address);
  if (host === undefined) return undefined;
  const v4 = ipv4(host);
  if (!Number.isNaN(v4)) return classifyIpv4(v4);
  const groups = host.includes(":") ? ipv6Groups(host) : undefined;
  return groups ? classifyIpv6(groups) : undefined;
}

/** A URL's target: the host it connects to (userinfo and all), and what it is when an address. */
export type UrlTarget =
  | {
      ok: true;
      /** Canonical host: a dotted quad, compressed IPv6 without brackets, or a lowercased name. */
      host: string;
      port: number;
      /** The address class when the host is an IP literal; undefined for a name (resolve, then classify). */
      addressClass?: AddressClass;
      /** `user:pass@` before the host: shown to users because it hides where the URL goes. */
      hasUserinfo: boolean;
    }
  | { ok: false; reason: string };

/** Where `url` goes, as fetch reads it; only http and https are targets. */
export function urlTarget(url: string): UrlTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: "not a URL" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return { ok: false, reason: `scheme ${parsed.protocol.slice(0, -1)} is not http or https` };
  const host = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const port = parsed.port === "" ? (parsed.protocol === "https:" ? 443 : 80) : Number(parsed.port);
  const addressClass = classifyAddress(host);
  return {
    ok: true,
    host,
    port,
    ...(addressClass ? { addressClass } : {}),
    hasUserinfo: parsed.username !== "" || parsed.password !== "",
  };
}

/** What an administrator lets projects name beyond public addresses. */
export interface AddressPolicy {
  allowLoopback: boolean;
  allowPrivate: boolean;
}

/** Why a resolved address may not be connected to under `policy`, or undefined when it may. */
export function refusedAddress(address: string, policy: AddressPolicy): string | undefined {
  const what = classifyAddress(address);
  if (what === undefined) return `${address} is not an IP address`;
  if (ALWAYS_REFUSED.has(what)) return `${address} is ${/^[aeiou]/.test(what) ? "an" : "a"} ${what} address`;
  if (what === "loopback" && !policy.allowLoopback) return `${address} is a loopback address`;
  if (what === "private" && !policy.allowPrivate) return `${address} is a private address`;
  return undefined;
}
