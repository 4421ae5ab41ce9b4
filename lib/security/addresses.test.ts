import { describe, expect, it } from "vitest";
import { type AddressClass, canonicalHost, classifyAddress, refusedAddress, urlTarget } from "./addresses";

describe("classifyAddress", () => {
  it.each<[string, AddressClass | undefined]>([
    // 127.0.0.1 in every form the URL parser (and so fetch) takes.
    ["127.0.0.1", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f000001", "loopback"],
    ["0x7f.1", "loopback"],
    ["127.1", "loopback"],
    ["127.0.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["017700000001", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["[::ffff:127.0.0.1]", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["2002:7f00:1::", "loopback"],
    // Nothing, and everything of this host.
    ["0.0.0.0", "unspecified"],
    ["0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    // Cloud metadata, in its numeric forms too.
    ["169.254.169.254", "metadata"],
    ["2852039166", "metadata"],
    ["0xa9fea9fe", "metadata"],
    ["169.254.43518", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["100.100.100.200", "metadata"],
    // Link-local.
    ["169.254.0.1", "link-local"],
    ["169.254.255.255", "link-local"],
    ["fe80::1", "link-local"],
    ["febf::1", "link-local"],
    ["[fe80::1%25eth0]", undefined], // a zone id: the URL parser refuses it, so nothing connects
    // Private ranges.
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["0xc0a80101", "private"],
    ["100.64.0.1", "private"],
    ["fd12:3456::1", "private"],
    ["fc00::1", "private"],
    ["::ffff:10.0.0.1", "private"],
    // Public, at the edges of those ranges.
    ["172.15.255.255", "public"],
    ["172.32.0.0", "public"],
    ["11.0.0.0", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.0", "public"],
    ["169.253.255.255", "public"],
    ["8.8.8.8", "public"],
    ["2001:4860:4860::8888", "public"],
    ["fec0::1", "reserved"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["4294967295", "reserved"],
    // Not addresses.
    ["4294967296", undefined],
    ["256.0.0.1", undefined],
    ["prometheus", undefined],
    ["localhost", undefined],
    ["1.2.3.4.5", undefined],
    ["::1::2", undefined],
    ["", undefined],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("canonicalHost", () => {
  it.each([
    ["0x7f.1", "127.0.0.1"],
    ["2130706433", "127.0.0.1"],
    ["::ffff:127.0.0.1", "::ffff:7f00:1"],
    ["PROMETHEUS.example", "prometheus.example"],
    ["a b", undefined],
  ])("%s is connected to as %s", (host, expected) => {
    expect(canonicalHost(host)).toBe(expected);
  });
});

describe("urlTarget", () => {
  it.each([
    ["http://prometheus@127.0.0.1/", "127.0.0.1", 80, "loopback", true],
    ["http://prometheus:9090@127.0.0.1:5432/", "127.0.0.1", 5432, "loopback", true],
    ["http://user:pass@[::1]:9090/api", "::1", 9090, "loopback", true],
    ["http://2130706433:9090/", "127.0.0.1", 9090, "loopback", false],
    ["http://0x7f.1/", "127.0.0.1", 80, "loopback", false],
    ["https://169.254.169.254/latest/meta-data/", "169.254.169.254", 443, "metadata", false],
    ["http://[fd00:ec2::254]/", "fd00:ec2::254", 80, "metadata", false],
    ["http://example.com@169.254.169.254/", "169.254.169.254", 80, "metadata", true],
    ["http://prometheus.monitoring.svc:9090", "prometheus.monitoring.svc", 9090, undefined, false],
  ])("%s goes to %s port %i (%s)", (url, host, port, addressClass, hasUserinfo) => {
    expect(urlTarget(url)).toEqual({
      ok: true,
      host,
      port,
      ...(addressClass ? { addressClass } : {}),
      hasUserinfo,
    });
  });

  it.each([
    ["file:///etc/passwd", "scheme file is not http or https"],
    ["gopher://127.0.0.1:6379/_INFO", "scheme gopher is not http or https"],
    ["not a url", "not a URL"],
  ])("refuses %s", (url, reason) => {
    expect(urlTarget(url)).toEqual({ ok: false, reason });
  });
});

describe("refusedAddress", () => {
  const strict = { allowLoopback: false, allowPrivate: false };
  const open = { allowLoopback: true, allowPrivate: true };

  it.each([
    ["127.0.0.1", strict, "127.0.0.1 is a loopback address"],
    ["127.0.0.1", open, undefined],
    ["10.1.2.3", strict, "10.1.2.3 is a private address"],
    ["10.1.2.3", open, undefined],
    ["169.254.169.254", open, "169.254.169.254 is a metadata address"],
    ["fe80::1", open, "fe80::1 is a link-local address"],
    ["0.0.0.0", open, "0.0.0.0 is an unspecified address"],
    ["8.8.8.8", strict, undefined],
    ["prometheus", open, "prometheus is not an IP address"],
  ])("%s under %j: %s", (address, policy, expected) => {
    expect(refusedAddress(address, policy)).toBe(expected);
  });
});
