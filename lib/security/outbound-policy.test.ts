import { describe, expect, it } from "vitest";
import {
  OPEN_POLICY,
  type OutboundPolicy,
  outboundPolicy,
  parseAllowedHosts,
  parseHostRule,
  refusedConnection,
  refusedUrl,
} from "./outbound-policy";

const closed: OutboundPolicy = outboundPolicy({ OBSFORGE_ALLOW_PRIVATE_NETWORKS: "0" });
const listed: OutboundPolicy = outboundPolicy({
  OBSFORGE_ALLOW_PRIVATE_NETWORKS: "0",
  OBSFORGE_ALLOWED_HOSTS: "127.0.0.1:9090, prometheus.internal, *.monitoring.svc",
});

describe("parseHostRule", () => {
  it.each([
    ["prometheus", { host: "prometheus", subdomains: false }],
    ["Prometheus.Example:9090", { host: "prometheus.example", subdomains: false, port: 9090 }],
    ["*.svc.cluster.local", { host: "svc.cluster.local", subdomains: true }],
    ["127.0.0.1:9090", { host: "127.0.0.1", subdomains: false, port: 9090 }],
    ["2130706433", { host: "127.0.0.1", subdomains: false }],
    ["[::1]:9093", { host: "::1", subdomains: false, port: 9093 }],
    ["::1", { host: "::1", subdomains: false }],
    ["::ffff:127.0.0.1", { host: "::ffff:7f00:1", subdomains: false }],
  ])("%s", (entry, rule) => {
    expect(parseHostRule(entry)).toEqual(rule);
  });

  it.each(["host:port", "host:0", "host:70000", "a b", "*.*.x", ""])("refuses %j", (entry) => {
    expect(parseHostRule(entry)).toBeUndefined();
  });

  it("names the entry it cannot read", () => {
    expect(() => parseAllowedHosts("ok, bad:port")).toThrow('"bad:port"');
  });
});

describe("refusedUrl (before any DNS)", () => {
  it.each<[string, OutboundPolicy, string | undefined]>([
    // Every form of 127.0.0.1 is loopback, refused when private networks are.
    ["http://127.0.0.1:9090", closed, "127.0.0.1 is a loopback address"],
    ["http://2130706433:9090", closed, "127.0.0.1 is a loopback address"],
    ["http://0x7f.1:9090", closed, "127.0.0.1 is a loopback address"],
    ["http://0177.0.0.1:9090", closed, "127.0.0.1 is a loopback address"],
    ["http://127.1:9090", closed, "127.0.0.1 is a loopback address"],
    ["http://[::ffff:127.0.0.1]:9090", closed, "::ffff:7f00:1 is a loopback address"],
    ["http://[::1]:5432", closed, "::1 is a loopback address"],
    ["http://10.1.2.3", closed, "10.1.2.3 is a private address"],
    // …allowed by default: the local setup runs its Prometheus on loopback.
    ["http://127.0.0.1:9090", OPEN_POLICY, undefined],
    ["http://0x7f.1:9090", OPEN_POLICY, undefined],
    ["http://10.1.2.3", OPEN_POLICY, undefined],
    // Metadata and link-local: never, in any form.
    ["http://169.254.169.254/latest/meta-data/", OPEN_POLICY, "169.254.169.254 is a metadata address"],
    ["http://2852039166/", OPEN_POLICY, "169.254.169.254 is a metadata address"],
    ["http://0xa9fea9fe/", OPEN_POLICY, "169.254.169.254 is a metadata address"],
    ["http://169.254.43518/", OPEN_POLICY, "169.254.169.254 is a metadata address"],
    ["http://[::ffff:169.254.169.254]/", OPEN_POLICY, "::ffff:a9fe:a9fe is a metadata address"],
    ["http://[fd00:ec2::254]/", OPEN_POLICY, "fd00:ec2::254 is a metadata address"],
    ["http://169.254.1.1/", OPEN_POLICY, "169.254.1.1 is a link-local address"],
    ["http://[fe80::1]/", OPEN_POLICY, "fe80::1 is a link-local address"],
    ["http://0.0.0.0:9090/", OPEN_POLICY, "0.0.0.0 is an unspecified address"],
    ["http://169.254.169.254/", listed, "169.254.169.254 is a metadata address"],
    // Userinfo hides where a URL goes; credentials never travel in it.
    [
      "http://prometheus@169.254.169.254/",
      OPEN_POLICY,
      "169.254.169.254: credentials in the URL are not sent",
    ],
    ["http://127.0.0.1:9090@10.0.0.1/", OPEN_POLICY, "10.0.0.1: credentials in the URL are not sent"],
    ["http://user:pass@prometheus:9090/", OPEN_POLICY, "prometheus: credentials in the URL are not sent"],
    ["file:///etc/passwd", OPEN_POLICY, "scheme file is not http or https"],
    ["gopher://127.0.0.1:6379/_INFO", OPEN_POLICY, "scheme gopher is not http or https"],
    // The administrator's list: exact host:port, host any port, subdomains.
    ["http://127.0.0.1:9090", listed, undefined],
    ["http://2130706433:9090", listed, undefined],
    ["http://127.0.0.1:9091", listed, "127.0.0.1:9091 is not among the allowed hosts"],
    ["http://127.0.0.1:5432", listed, "127.0.0.1:5432 is not among the allowed hosts"],
    ["http://PROMETHEUS.internal:1234", listed, undefined],
    ["http://other.internal", listed, "other.internal:80 is not among the allowed hosts"],
    ["http://prom.monitoring.svc:9090", listed, undefined],
    ["http://monitoring.svc", listed, "monitoring.svc:80 is not among the allowed hosts"],
    ["http://evilmonitoring.svc", listed, "evilmonitoring.svc:80 is not among the allowed hosts"],
    // A name is decided after resolution (refusedConnection).
    ["http://prometheus:9090", closed, undefined],
  ])("%s under %#", (url, policy, reason) => {
    const refused = refusedUrl(url, policy);
    if (reason === undefined) expect(refused).toBeUndefined();
    else expect(refused).toContain(reason);
  });
});

describe("refusedConnection (the address a name resolved to)", () => {
  it.each<[string, number, string, OutboundPolicy, string | undefined]>([
    ["localhost", 9090, "127.0.0.1", closed, "localhost resolves to 127.0.0.1, which is a loopback address"],
    ["localhost", 9090, "::1", closed, "localhost resolves to ::1, which is a loopback address"],
    ["localhost", 9090, "127.0.0.1", OPEN_POLICY, undefined],
    [
      "rebind.example",
      80,
      "169.254.169.254",
      OPEN_POLICY,
      "rebind.example resolves to 169.254.169.254, which is a metadata address",
    ],
    ["rebind.example", 80, "::ffff:169.254.169.254", OPEN_POLICY, "which is a metadata address"],
    ["rebind.example", 80, "fe80::1", OPEN_POLICY, "which is a link-local address"],
    ["prometheus.internal", 9090, "10.0.0.5", closed, "which is a private address"],
    ["prometheus.internal", 9090, "10.0.0.5", listed, undefined],
    ["prometheus.internal", 9090, "169.254.169.254", listed, "which is a metadata address"],
    ["prom.monitoring.svc", 9090, "10.96.0.12", listed, undefined],
    ["other.example", 80, "93.184.216.34", listed, "other.example:80 is not among the allowed hosts"],
  ])("%s:%i at %s under %#", (host, port, address, policy, reason) => {
    const refused = refusedConnection({ host, port }, address, policy);
    if (reason === undefined) expect(refused).toBeUndefined();
    else expect(refused).toContain(reason);
  });

  it("tells the administrator's way out of a loopback refusal", () => {
    expect(refusedConnection({ host: "127.0.0.1", port: 9090 }, "127.0.0.1", closed)).toContain(
      "OBSFORGE_ALLOWED_HOSTS",
    );
  });
});

describe("outboundPolicy", () => {
  it("allows loopback and private networks by default", () => {
    expect(outboundPolicy({})).toEqual({ allowLoopback: true, allowPrivate: true, trustedHosts: [] });
  });

  it("always allows the demo Prometheus the administrator started the server with", () => {
    const policy = outboundPolicy({
      OBSFORGE_ALLOW_PRIVATE_NETWORKS: "0",
      OBSFORGE_ALLOWED_HOSTS: "prometheus.internal",
      OBSFORGE_DEMO_PROMETHEUS_URL: "http://127.0.0.1:9090",
    });
    expect(refusedUrl("http://127.0.0.1:9090/api/v1/query", policy)).toBeUndefined();
    expect(refusedUrl("http://127.0.0.1:9091/api/v1/query", policy)).toContain("not among the allowed hosts");
  });
});
