import { describe, expect, it } from "vitest";
import { formatValue, toFixed, unitOptions } from "./units";

const CASES: Array<
  [value: number | null | undefined, unit: string | undefined, decimals: number | undefined, expected: string]
> = [
  // auto-scaling and Grafana's default decimals
  [1536, "bytes", undefined, "1.50 KiB"],
  [1024, "bytes", undefined, "1 KiB"],
  [512, "bytes", undefined, "512 B"],
  [0, "bytes", undefined, "0 B"],
  [1_073_741_824, "bytes", undefined, "1 GiB"],
  [5.5 * 1024 ** 4, "bytes", undefined, "5.50 TiB"],
  [1536, "decbytes", undefined, "1.54 kB"],
  [2_500_000, "decbytes", undefined, "2.50 MB"],
  [1536, "bits", undefined, "1.50 Kib"],
  [2048, "kbytes", undefined, "2 MiB"],
  [100, "kbytes", undefined, "100 KiB"],
  [1500, "Bps", undefined, "1.50 kB/s"],
  [1_250_000, "bps", undefined, "1.25 Mb/s"],
  [2048, "binBps", undefined, "2 KiB/s"],
  [0.00042, "s", undefined, "420 µs"],
  [0.0000005, "s", undefined, "500 ns"],
  [0.25, "s", undefined, "250 ms"],
  [0, "s", undefined, "0 s"],
  [1.5, "s", undefined, "1.50 s"],
  [42, "s", undefined, "42 s"],
  [90, "s", undefined, "1.50 min"],
  [7200, "s", undefined, "2 hour"],
  [172_800, "s", undefined, "2 day"],
  [1_209_600, "s", undefined, "2 week"],
  [-0.25, "s", undefined, "-250 ms"],
  [250, "ms", undefined, "250 ms"],
  [1500, "ms", undefined, "1.50 s"],
  [90_000, "ms", undefined, "1.50 min"],
  [500, "µs", undefined, "500 µs"],
  [1500, "us", undefined, "1.50 ms"],
  [2_000_000, "µs", undefined, "2 s"],
  [999, "ns", undefined, "999 ns"],
  [1_500_000, "ns", undefined, "1.50 ms"],
  [30, "m", undefined, "30 min"],
  [90, "m", undefined, "1.50 hour"],
  [12, "h", undefined, "12 hour"],
  [36, "h", undefined, "1.50 day"],
  [3, "d", undefined, "3 day"],
  [14, "d", undefined, "2 week"],
  [3700, "dtdurations", undefined, "1 hour"],
  [3700, "dtdurations", 1, "1 hour, 1 minute"],
  [90_061, "dtdurations", 2, "1 day, 1 hour, 1 minute"],
  [3_600_000, "dtdurationms", undefined, "1 hour"],
  [-120, "dtdurations", undefined, "2 minutes ago"],
  [0, "dtdurations", undefined, "0 seconds"],
  [3725, "dthms", undefined, "01:02:05"],
  [95, "percent", undefined, "95%"],
  [99.95, "percent", undefined, "100.0%"],
  [12.345, "percent", 1, "12.3%"],
  [0.985, "percentunit", undefined, "98.5%"],
  [0.5, "percentunit", undefined, "50%"],
  [0.0123, "percentunit", 2, "1.23%"],
  [1500, "reqps", undefined, "1.50K req/s"],
  [15, "reqps", undefined, "15 req/s"],
  [2_000_000, "ops", undefined, "2M ops/s"],
  [3.5, "rps", undefined, "3.50 rd/s"],
  [1_500_000, "short", undefined, "1.50 Mil"],
  [1500, "short", undefined, "1.50 K"],
  [2_000_000_000, "short", undefined, "2 Bil"],
  [3_000_000_000_000, "short", undefined, "3 Tri"],
  [999, "short", undefined, "999"],
  // Grafana gives values below 1 two digits past the leading one: 0.5 is "0.500".
  [0.5, "short", undefined, "0.500"],
  [12.5, "short", undefined, "12.5"],
  [-1500, "short", undefined, "-1.50 K"],
  [1234.5678, "none", undefined, "1235"],
  [1234.5678, "none", 2, "1234.57"],
  [3, "none", 2, "3.00"],
  [0.1 + 0.2, "none", undefined, "0.300"],
  [1, "bool", undefined, "True"],
  [0, "bool", undefined, "False"],
  [1, "bool_yes_no", undefined, "Yes"],
  [1234.5, "currencyUSD", undefined, "$1.23K"],
  [12.5, "currencyUSD", 2, "$12.50"],
  [21.5, "celsius", undefined, "21.5 °C"],
  [1500, "hertz", undefined, "1.50 kHz"],
  [0.0015, "hertz", undefined, "1.50 mHz"],
  [42, undefined, undefined, "42"],
  [42, "", undefined, "42"],
  [42, "widgets", undefined, "42 widgets"],
  [42, "suffix: rows", undefined, "42 rows"],
  [42, "prefix:≈", undefined, "≈42"],
  [1500, "si:W", undefined, "1.50 kW"],
  // explicit decimals win over the automatic ones
  [1536, "bytes", 0, "2 KiB"],
  [1536, "bytes", 3, "1.500 KiB"],
  [0.00042, "s", 1, "420.0 µs"],
  // values that are not numbers
  [Number.NaN, "bytes", undefined, "NaN"],
  [Number.POSITIVE_INFINITY, "s", undefined, "∞"],
  [Number.NEGATIVE_INFINITY, "short", undefined, "-∞"],
  [null, "bytes", undefined, ""],
  [undefined, "percent", undefined, ""],
];

describe("formatValue", () => {
  it.each(CASES)("%s %s (decimals %s) → %s", (value, unit, decimals, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
  });
});

describe("toFixed", () => {
  it("pads to the requested decimals and keeps exponents", () => {
    expect(toFixed(1.5, 3)).toBe("1.500");
    expect(toFixed(2, 2)).toBe("2.00");
    expect(toFixed(1e21)).toBe("1e+21");
    expect(toFixed(0, 2)).toBe("0.00");
  });
});

describe("unitOptions", () => {
  it("lists every unit once, grouped, each formatting without falling back to a suffix", () => {
    const ids = unitOptions.map((option) => option.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "s",
      "ms",
      "µs",
      "ns",
      "bytes",
      "decbytes",
      "bits",
      "kbytes",
      "percent",
      "percentunit",
    ]) {
      expect(ids).toContain(id);
    }
    for (const option of unitOptions) {
      expect(option.label).not.toBe("");
      expect(formatValue(1e6, option.id)).not.toBe(`1000000 ${option.id}`);
    }
    expect(new Set(unitOptions.map((option) => option.group))).toEqual(
      new Set(["Misc", "Time", "Data", "Data rate", "Throughput", "Currency", "Temperature", "Frequency"]),
    );
  });
});
