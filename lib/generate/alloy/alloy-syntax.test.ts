import { describe, expect, it } from "vitest";
import {
  type AlloyBlock,
  type AlloyValue,
  attr,
  block,
  quoteAlloyString,
  ref,
  toAlloy,
} from "./alloy-syntax";

function valueText(value: AlloyValue): string {
  return toAlloy([block("b", undefined, [attr("v", value)])]);
}

describe("quoteAlloyString", () => {
  const cases: { input: string; output: string }[] = [
    { input: "", output: '""' },
    { input: "plain", output: '"plain"' },
    { input: 'say "hi"', output: '"say \\"hi\\""' },
    { input: "C:\\logs\\app.log", output: '"C:\\\\logs\\\\app.log"' },
    { input: '\\"', output: '"\\\\\\""' },
    { input: "line1\nline2\r\tend", output: '"line1\\nline2\\r\\tend"' },
    { input: "bell\u0007del\u007f", output: '"bell\\x07del\\x7f"' },
    { input: "/(.*)", output: '"/(.*)"' },
    { input: "héllo ✓", output: '"héllo ✓"' },
  ];
  it.each(cases)("quotes $input", ({ input, output }) => {
    expect(quoteAlloyString(input)).toBe(output);
  });
});

describe("toAlloy values", () => {
  const cases: { name: string; value: AlloyValue; output: string }[] = [
    { name: "string", value: "x", output: 'b {\n  v = "x"\n}\n' },
    { name: "number", value: 1.5, output: "b {\n  v = 1.5\n}\n" },
    { name: "boolean", value: false, output: "b {\n  v = false\n}\n" },
    { name: "null", value: null, output: "b {\n  v = null\n}\n" },
    {
      name: "reference",
      value: ref("discovery.docker.containers.targets"),
      output: "b {\n  v = discovery.docker.containers.targets\n}\n",
    },
    { name: "empty list", value: [], output: "b {\n  v = []\n}\n" },
    { name: "empty map", value: {}, output: "b {\n  v = {}\n}\n" },
    {
      name: "inline list of scalars and references",
      value: ["a", 2, ref("loki.write.default.receiver")],
      output: 'b {\n  v = ["a", 2, loki.write.default.receiver]\n}\n',
    },
    {
      name: "map with aligned keys, quoted when not identifiers",
      value: { level: "level", "app.kubernetes.io/name": 'x"y', trace_id: "" },
      output: [
        "b {",
        "  v = {",
        '    level                    = "level",',
        '    "app.kubernetes.io/name" = "x\\"y",',
        '    trace_id                 = "",',
        "  }",
        "}",
        "",
      ].join("\n"),
    },
    {
      name: "list of maps",
      value: [{ __path__: "/var/log/*.log", job: "varlogs" }, { __path__: "/tmp/*.log" }],
      output: [
        "b {",
        "  v = [",
        "    {",
        '      __path__ = "/var/log/*.log",',
        '      job      = "varlogs",',
        "    },",
        "    {",
        '      __path__ = "/tmp/*.log",',
        "    },",
        "  ]",
        "}",
        "",
      ].join("\n"),
    },
    {
      name: "map holding a list and a nested map",
      value: { list: ["a", "b"], nested: { k: true } },
      output: [
        "b {",
        "  v = {",
        '    list   = ["a", "b"],',
        "    nested = {",
        "      k = true,",
        "    },",
        "  }",
        "}",
        "",
      ].join("\n"),
    },
  ];
  it.each(cases)("writes a $name", ({ value, output }) => {
    expect(valueText(value)).toBe(output);
  });

  it("refuses values Alloy cannot spell", () => {
    expect(() => valueText(Number.NaN)).toThrow(/no literal/);
    expect(() => ref("not a ref")).toThrow(/not an Alloy reference/);
  });
});

describe("toAlloy blocks", () => {
  it("writes labels quoted, aligns runs of attributes and sets nested blocks apart", () => {
    const config: AlloyBlock[] = [
      block("loki.process", 'json "1"', [
        block("stage.json", undefined, [attr("expressions", { level: "level" })]),
        attr("forward_to", [ref("loki.write.default.receiver")]),
        attr("x", 1),
      ]),
      block("loki.write", "default", [block("endpoint", undefined, [attr("url", "http://loki:3100")])]),
    ];
    expect(toAlloy(config, ["Generated.", "", "Second line."])).toBe(
      [
        "// Generated.",
        "//",
        "// Second line.",
        "",
        'loki.process "json \\"1\\"" {',
        "  stage.json {",
        "    expressions = {",
        '      level = "level",',
        "    }",
        "  }",
        "",
        "  forward_to = [loki.write.default.receiver]",
        "  x          = 1",
        "}",
        "",
        'loki.write "default" {',
        "  endpoint {",
        '    url = "http://loki:3100"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes an empty block on one line", () => {
    expect(toAlloy([block("discovery.docker", "none", [])])).toBe('discovery.docker "none" { }\n');
  });

  it("rejects names that are not identifiers", () => {
    expect(() => toAlloy([block("bad name", undefined, [])])).toThrow(/block name/);
    expect(() => toAlloy([block("ok", undefined, [attr("bad-name", 1)])])).toThrow(/attribute name/);
  });
});
