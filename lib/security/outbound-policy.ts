import type { Env } from "../env";
import { ALWAYS_REFUSED, canonicalHost, classifyAddress, refusedAddress, urlTarget } from "./addresses";

/**
 * Which hosts the server's outgoing calls (preview, test connection, Alertmanager, notifications)
 * may reach: the administrator's setting, as pure decisions on a URL and on the address its host
 * resolved to. lib/security/outbound.ts makes the call; this decides whether it may.
 *
 * - Link-local, cloud metadata, unspecified, multicast and reserved addresses: never.
 * - Loopback and private addresses: allowed unless OBSFORGE_ALLOW_PRIVATE_NETWORKS=0 (a self-hosted
 *   Prometheus usually lives on a private network, and the local setup and tests run one on loopback).
 * - OBSFORGE_ALLOWED_HOSTS: when set, only the hosts it lists; a listed host may be loopback or
 *   private whatever the setting above says.
 * - The demo Prometheus the server was started with is always listed: the administrator named it.
 */

/** One entry of OBSFORGE_ALLOWED_HOSTS: a host (or every subdomain of a domain), any port or one. */
export interface HostRule {
  /** Canonical host (see canonicalHost), or the domain after `*.`. */
  host: string;
  /** `*.domain`: the domain's subdomains, not the domain itself. */
  subdomains: boolean;
  port?: number;
}

export interface OutboundPolicy {
  allowLoopback: boolean;
  allowPrivate: boolean;
  /** undefined: any host the address rules allow; else only these. */
  allowedHosts?: readonly HostRule[];
  /** Hosts always allowed besides (the demo Prometheus), even when allowedHosts is undefined. */
  trustedHosts: readonly HostRule[];
}

/** The default: every public, private and loopback address, nothing else. */
export const OPEN_POLICY: OutboundPolicy = { allowLoopback: true, allowPrivate: true, trustedHosts: [] };

/** A refusal by the policy: nothing was connected to, so it says nothing about what listens there. */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

/** Parses one entry: `name`, `name:port`, `*.domain[:port]`, `1.2.3.4[:port]`, `[::1][:port]`, `::1`. */
export function parseHostRule(entry: string): HostRule | undefined {
  const text = entry.trim();
  let host = text;
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1] ?? "";
    port = bracketed[2] === undefined ? undefined : Number(bracketed[2]);
  } else if ((text.match(/:/g) ?? []).length === 1) {
    const [name = "", portText = ""] = text.split(":");
    if (!/^\d+$/.test(portText)) return undefined;
    host = name;
    port = Number(portText);
  }
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  const subdomains = host.startsWith("*.");
  const canonical = canonicalHost(subdomains ? host.slice(2) : host);
  if (!canonical || canonical.includes("*")) return undefined;
  return { host: canonical, subdomains, ...(port === undefined ? {} : { port }) };
}

/** OBSFORGE_ALLOWED_HOSTS as rules; throws naming the entry it cannot read. */
export function parseAllowedHosts(text: string): HostRule[] {
  return text
    .split(",")
    .filter((entry) => entry.trim() !== "")
    .map((entry) => {
      const rule = parseHostRule(entry);
      if (!rule)
        throw new Error(`OBSFORGE_ALLOWED_HOSTS: "${entry.trim()}" is not a host, host:port or *.domain`);
      return rule;
    });
}

function urlHostRule(url: string | undefined): HostRule[] {
  const target = url ? urlTarget(url) : undefined;
  return target?.ok ? [{ host: target.host, subdomains: false, port: target.port }] : [];
}

/** The policy the environment sets (`env()` from lib/env). */
export function outboundPolicy(
  parsed: Pick<
    Env,
    "OBSFORGE_ALLOWED_HOSTS" | "OBSFORGE_ALLOW_PRIVATE_NETWORKS" | "OBSFORGE_DEMO_PROMETHEUS_URL"
  >,
): OutboundPolicy {
  const open = parsed.OBSFORGE_ALLOW_PRIVATE_NETWORKS !== "0";
  return {
    allowLoopback: open,
    allowPrivate: open,
    ...(parsed.OBSFORGE_ALLOWED_HOSTS
      ? { allowedHosts: parseAllowedHosts(parsed.OBSFORGE_ALLOWED_HOSTS) }
      : {}),
    trustedHosts: urlHostRule(parsed.OBSFORGE_DEMO_PROMETHEUS_URL),
  };
}

/** Where a call goes: the URL's canonical host and port. */
export interface OutboundTarget {
  host: string;
  port: number;
}

function matches(rule: HostRule, target: OutboundTarget): boolean {
  if (rule.port !== undefined && rule.port !== target.port) return false;
  return rule.subdomains ? target.host.endsWith(`.${rule.host}`) : target.host === rule.host;
}

const HINT =
  "an administrator allows it by naming the host in OBSFORGE_ALLOWED_HOSTS (or OBSFORGE_ALLOW_PRIVATE_NETWORKS=1)";

/** Why `url` may not be called before any DNS (scheme, credentials, an address literal), or undefined. */
export function refusedUrl(url: string, policy: OutboundPolicy): string | undefined {
  const target = urlTarget(url);
  if (!target.ok) return `${url.slice(0, 200)}: ${target.reason}`;
  // `http://prometheus@169.254.169.254/` reads as prometheus but goes to the address after the @.
  if (target.hasUserinfo)
    return `${target.host}: credentials in the URL are not sent (use the datasource's authentication)`;
  if (target.addressClass !== undefined) return refusedConnection(target, target.host, policy);
  const listed = [...(policy.allowedHosts ?? []), ...policy.trustedHosts].some((rule) =>
    matches(rule, target),
  );
  if (policy.allowedHosts && !listed)
    return `${target.host}:${target.port} is not among the allowed hosts (OBSFORGE_ALLOWED_HOSTS)`;
  return undefined;
}

/**
 * Why a call to `target` may not connect to `address` (what its host resolved to, or the host
 * itself when it is an address), or undefined when it may.
 */
export function refusedConnection(
  target: OutboundTarget,
  address: string,
  policy: OutboundPolicy,
): string | undefined {
  const what = classifyAddress(address);
  const where =
    target.host === canonicalHost(address) ? address : `${target.host} resolves to ${address}, which`;
  if (what === undefined) return `${where} is not an IP address`;
  if (ALWAYS_REFUSED.has(what)) return refusedAddress(address, OPEN_POLICY)?.replace(address, where);
  const trusted = policy.trustedHosts.some((rule) => matches(rule, target));
  const listed = trusted || (policy.allowedHosts?.some((rule) => matches(rule, target)) ?? false);
  if (policy.allowedHosts && !listed)
    return `${target.host}:${target.port} is not among the allowed hosts (OBSFORGE_ALLOWED_HOSTS)`;
  if (listed) return undefined;
  const refused = refusedAddress(address, policy);
  return refused === undefined ? undefined : `${refused.replace(address, where)}; ${HINT}`;
}
