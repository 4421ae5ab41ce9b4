import { describe, expect, it } from "vitest";
import { seededRandom } from "../promql/testing/mutate";
import { quickQueryAnswer, rawSuccessData } from "./quick-check";
import { QueryResponseSchema } from "./schemas";

/**
 * The quick check against the schema it stands in for, on generated answers: well-formed ones and
 * every kind of damage. Whatever it accepts, the schema accepts and returns unchanged; what
 * Prometheus sends, it accepts.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function wellFormed(next: () => number): { [key: string]: Json } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const value = (): string => pick(["1", "0.5", "NaN", "+Inf", "-Inf", "1e-7", String(next() * 1000)]);
  const time = (): number => 1_700_000_000 + Math.floor(next() * 1000) * (next() < 0.2 ? 0.5 : 15);
  const labels = (): { [key: string]: string } => {
    const out: { [key: string]: string } = {};
    const count = Math.floor(next() * 4);
    for (let i = 0; i < count; i++)
      out[pick(["job", "instance", "le", "__name__", "a_b"])] = pick(["x", "", 'q"uote', "ü", "\\n"]);
    return out;
  };
  const resultType = pick(["matrix", "vector", "scalar", "string"]);
  let result: Json;
  if (resultType === "matrix") {
    result = Array.from({ length: Math.floor(next() * 4) }, () => ({
      metric: labels(),
      values: Array.from({ length: Math.floor(next() * 5) }, () => [time(), value()]),
    }));
  } else if (resultType === "vector") {
    result = Array.from({ length: Math.floor(next() * 4) }, () => ({
      metric: labels(),
      value: [time(), value()],
    }));
  } else {
    result = [time(), resultType === "string" ? "some text" : value()];
  }
  const answer: { [key: string]: Json } = { status: "success", data: { resultType, result } };
  if (next() < 0.2) answer.warnings = ["a warning"];
  if (next() < 0.1) answer.infos = ["an info"];
  return answer;
}

/** Every place in a JSON value, as a path of keys and indexes. */
function places(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, index) => places(item, [...path, index]))];
  if (value && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => places(item, [...path, key]))];
  }
  return here;
}

function at(root: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, root);
}

/** One kind of damage at one place: what a server that is not quite Prometheus might send. */
function damaged(answer: { [key: string]: Json }, next: () => number): Json {
  const copy = structuredClone(answer) as Json;
  const all = places(copy);
  const path = all[Math.floor(next() * all.length)] ?? [];
  const replacement = [null, 1, "1", true, [], {}, [1], [1, "x", 2], ["1", 1], { extra: "x" }][
    Math.floor(next() * 10)
  ] as Json;
  if (path.length === 0) return next() < 0.5 ? replacement : copy;
  const parent = at(copy, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  const kind = Math.floor(next() * 4);
  if (kind === 0) (parent as Record<string, Json>)[key] = replacement;
  else if (kind === 1 && Array.isArray(parent)) parent.splice(key as number, 1);
  else if (kind === 1) delete (parent as Record<string, Json>)[key];
  else if (kind === 2 && !Array.isArray(parent)) (parent as Record<string, Json>).extra = "x";
  else if (kind === 2) (parent as Json[]).push(replacement);
  else {
    const node = at(copy, path);
    if (node && typeof node === "object" && !Array.isArray(node)) {
      node[["histogram", "histograms", "__proto__", "infos"][Math.floor(next() * 4)] as string] = [1, {}];
    } else (parent as Record<string, Json>)[key] = replacement;
  }
  return copy;
}

describe("quickQueryAnswer", () => {
  it("accepts what Prometheus sends, as the schema reads it", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const answer = wellFormed(seededRandom(seed));
      const quick = quickQueryAnswer(JSON.parse(JSON.stringify(answer)));
      const schema = QueryResponseSchema.parse(answer);
      expect(quick, `seed ${seed}`).toBeDefined();
      if (schema.status !== "success") throw new Error(`seed ${seed}: not a success`);
      expect(quick?.data, `seed ${seed}`).toEqual(schema.data);
      expect(quick?.warnings, `seed ${seed}`).toEqual(schema.warnings);
    }
  });

  it("accepts nothing the schema would refuse, strip or fill in", () => {
    let accepted = 0;
    let refused = 0;
    for (let seed = 1; seed <= 6000; seed++) {
      const next = seededRandom(seed);
      const input = JSON.parse(JSON.stringify(damaged(wellFormed(next), next)));
      const quick = quickQueryAnswer(input);
      if (!quick) {
        refused++;
        continue;
      }
      accepted++;
      const schema = QueryResponseSchema.safeParse(input);
      expect(schema.success, `seed ${seed}: ${JSON.stringify(input)}`).toBe(true);
      if (!schema.success || schema.data.status !== "success") continue;
      // Unchanged: the data the schema returns is the input's, key for key.
      expect(schema.data.data, `seed ${seed}`).toEqual(input.data);
      expect(quick.data).toBe(input.data);
    }
    // Both sides of the check were exercised.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(3000);
  });

  it("leaves error answers and a label named __proto__ to the schema", () => {
    expect(
      quickQueryAnswer({ status: "error", errorType: "bad_data", error: "parse error" }),
    ).toBeUndefined();
    const proto = JSON.parse(
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__proto__":"x"},"value":[1,"1"]}]}}',
    );
    expect(quickQueryAnswer(proto)).toBeUndefined();
    const noValues = { status: "success", data: { resultType: "matrix", result: [{ metric: {} }] } };
    expect(quickQueryAnswer(noValues)).toBeUndefined();
  });
});

describe("rawSuccessData", () => {
  it("is the data's own text in Prometheus's layout, and nothing in any other", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const answer = wellFormed(seededRandom(seed));
      const text = JSON.stringify(answer);
      const raw = rawSuccessData(text, JSON.parse(text));
      if (answer.warnings || answer.infos) expect(raw).toBeUndefined();
      else expect(JSON.parse(raw ?? "null"), `seed ${seed}`).toEqual(answer.data);
    }
    const pretty = JSON.stringify({ status: "success", data: { resultType: "vector", result: [] } }, null, 1);
    expect(rawSuccessData(pretty, JSON.parse(pretty))).toBeUndefined();
    const trailing = '{"status":"success","data":{"resultType":"vector","result":[]}}\n';
    expect(rawSuccessData(trailing, JSON.parse(trailing))).toBe('{"resultType":"vector","result":[]}');
  });

  it("ends with the value JSON.parse kept when a key repeats", () => {
    const text =
      '{"status":"success","data":{"resultType":"vector","result":[]},"data":{"resultType":"scalar","result":[1,"2"]}}';
    const parsed = JSON.parse(text);
    const raw = rawSuccessData(text, parsed);
    // Spliced into an object, the text still leaves the last value for any reader.
    expect(JSON.parse(`{"data":${raw},"source":"previewUrl"}`).data).toEqual(parsed.data);
  });
});
