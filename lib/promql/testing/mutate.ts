import { type Item, lexPromql } from "../lexer";

/**
 * Deterministic mutations of real PromQL expressions, for the differential test against promtool:
 * each one breaks (or sometimes keeps valid) one thing Prometheus checks: a token deleted, a range
 * vector where an instant vector goes and back, a scalar for a vector and back, another operator,
 * `bool` added or removed, an aggregation parameter added or removed, a bad escape, a bad duration,
 * a broken regex, an empty selector, a character outside PromQL, misplaced `@` and `offset`,
 * another function, and syntax only newer Prometheus versions read.
 */

/** mulberry32: a small seeded PRNG, so the corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, values: readonly T[]): T | undefined {
  return values.length === 0 ? undefined : values[Math.floor(random() * values.length)];
}

function replaceAt(text: string, from: number, to: number, value: string): string {
  return text.slice(0, from) + value + text.slice(to);
}

const end = (item: Item): number => item.pos + item.val.length;

const BINARY_OPERATORS = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "==",
  "!=",
  ">",
  "<",
  ">=",
  "<=",
  "and",
  "or",
  "unless",
  "atan2",
];
const COMPARISONS = new Set(["EQLC", "NEQ", "GTE", "GTR", "LSS", "LTE"]);
const OPERATOR_TYPES = new Set([
  "ADD",
  "SUB",
  "MUL",
  "DIV",
  "MOD",
  "POW",
  "EQLC",
  "NEQ",
  "GTE",
  "GTR",
  "LSS",
  "LTE",
  "LAND",
  "LOR",
  "LUNLESS",
  "ATAN2",
]);
const PARAMETERIZED = new Set(["TOPK", "BOTTOMK", "QUANTILE", "COUNT_VALUES", "LIMITK", "LIMIT_RATIO"]);
const AGGREGATOR_TYPES = new Set([
  ...PARAMETERIZED,
  "SUM",
  "AVG",
  "MIN",
  "MAX",
  "COUNT",
  "GROUP",
  "STDDEV",
  "STDVAR",
]);
const FUNCTIONS = [
  "rate",
  "abs",
  "histogram_quantile",
  "label_replace",
  "time",
  "vector",
  "scalar",
  "round",
  "clamp",
  "holt_winters",
  "absent_over_time",
  "predict_linear",
  "sort_desc",
  "no_such_function",
];
const BAD_DURATIONS = ["0m", "5m1h", "5mx", "1.5h", "5", "0", "1y1y", "5ms5s", "99999999999y", "5h30"];
const BAD_ESCAPES = ["\\q", "\\x4", "\\d", "\\u12", "\\400", "\\"];
const REGEX_BREAKS = ["(", "[", "*", "\\", "a{2}{3}", "(?=x)", "[z-a]", "\\8"];
const STRANGE_CHARACTERS = ["é", "§", "`", "~", "!", "{", "}", "]", ":", ";", "'"];
const AT_MODIFIERS = [" @ 1609746000", " @ start()", " @ end()", " @ 1e30", " @ -5", " @ 5m"];
const OFFSETS = [" offset 5m", " offset -1h", " offset 0s", " offset 5", " offset (5m)"];

/** Where a primary expression (selector, call, parenthesis, range) ends: a place for a postfix. */
function primaryEnds(items: readonly Item[]): Item[] {
  return items.filter((item, i) => {
    const next = items[i + 1];
    if (next?.type === "LEFT_PAREN" || next?.type === "LEFT_BRACE") return false;
    return [
      "IDENTIFIER",
      "METRIC_IDENTIFIER",
      "RIGHT_BRACE",
      "RIGHT_PAREN",
      "RIGHT_BRACKET",
      "NUMBER",
    ].includes(item.type);
  });
}

/** The item after the parenthesis that opens at `open`, at the matching depth, or undefined. */
function matching(items: readonly Item[], open: number, left: string, right: string): number | undefined {
  let depth = 0;
  for (let i = open; i < items.length; i++) {
    const type = items[i]?.type;
    if (type === left) depth++;
    if (type === right && --depth === 0) return i;
  }
  return undefined;
}

type Mutation = (text: string, items: readonly Item[], random: Random) => string | undefined;

const MUTATIONS: Readonly<Record<string, Mutation>> = {
  "delete a token": (text, items, random) => {
    const item = pick(random, items);
    return item && replaceAt(text, item.pos, end(item), "");
  },
  "range to instant": (text, items, random) => {
    const open = pick(
      random,
      items.filter((item) => item.type === "LEFT_BRACKET"),
    );
    if (!open) return undefined;
    const close = items.find((item) => item.type === "RIGHT_BRACKET" && item.pos > open.pos);
    return close && replaceAt(text, open.pos, end(close), "");
  },
  "instant to range": (text, items, random) => {
    const at = pick(random, primaryEnds(items));
    return at && replaceAt(text, end(at), end(at), pick(random, ["[5m]", "[1h:5m]", "[5m:]"]) ?? "");
  },
  "scalar to vector": (text, items, random) => {
    const number = pick(
      random,
      items.filter((item) => item.type === "NUMBER"),
    );
    return number && replaceAt(text, number.pos, end(number), "some_metric");
  },
  "vector to scalar": (text, items, random) => {
    const names = items.flatMap((item, i) =>
      item.type === "IDENTIFIER" && items[i + 1]?.type !== "LEFT_PAREN" ? [i] : [],
    );
    const index = pick(random, names);
    if (index === undefined) return undefined;
    const name = items[index] as Item;
    const close =
      items[index + 1]?.type === "LEFT_BRACE"
        ? matching(items, index + 1, "LEFT_BRACE", "RIGHT_BRACE")
        : index;
    const last = items[close ?? index] as Item;
    return replaceAt(text, name.pos, end(last), pick(random, ["1", "0.5", '"text"']) ?? "1");
  },
  "another operator": (text, items, random) => {
    const op = pick(
      random,
      items.filter((item) => OPERATOR_TYPES.has(item.type)),
    );
    return op && replaceAt(text, op.pos, end(op), pick(random, BINARY_OPERATORS) ?? "+");
  },
  "bool added or removed": (text, items, random) => {
    const bool = items.find((item) => item.type === "BOOL");
    if (bool && random() < 0.5) return replaceAt(text, bool.pos, end(bool), "");
    const op = pick(
      random,
      items.filter((item) => COMPARISONS.has(item.type) || (random() < 0.3 && OPERATOR_TYPES.has(item.type))),
    );
    return op && replaceAt(text, end(op), end(op), " bool");
  },
  "aggregation parameter added or removed": (text, items, random) => {
    const index = pick(
      random,
      items.flatMap((item, i) => (AGGREGATOR_TYPES.has(item.type) ? [i] : [])),
    );
    if (index === undefined) return undefined;
    const aggregator = items[index] as Item;
    const open = items.findIndex(
      (item, i) =>
        i > index &&
        item.type === "LEFT_PAREN" &&
        items[i - 1]?.type !== "BY" &&
        items[i - 1]?.type !== "WITHOUT",
    );
    const openItem = items[open];
    if (!openItem) return undefined;
    if (PARAMETERIZED.has(aggregator.type)) {
      const comma = items.find((item, i) => i > open && item.type === "COMMA");
      if (comma) return replaceAt(text, end(openItem), end(comma), "");
    }
    if (random() < 0.5) {
      const other = pick(random, ["topk", "quantile", "count_values", "sum", "bottomk"]) ?? "topk";
      return replaceAt(text, aggregator.pos, end(aggregator), other);
    }
    return replaceAt(
      text,
      end(openItem),
      end(openItem),
      pick(random, ["5, ", "0.9, ", '"label", ', "some_metric, "]) ?? "5, ",
    );
  },
  "bad escape": (text, items, random) => {
    const string = pick(
      random,
      items.filter((item) => item.type === "STRING" && !item.val.startsWith("`")),
    );
    if (!string) return undefined;
    const at = string.pos + 1 + Math.floor(random() * (string.val.length - 1));
    return replaceAt(text, at, at, pick(random, BAD_ESCAPES) ?? "\\q");
  },
  "bad duration": (text, items, random) => {
    const duration = pick(
      random,
      items.filter((item) => item.type === "DURATION"),
    );
    return duration && replaceAt(text, duration.pos, end(duration), pick(random, BAD_DURATIONS) ?? "0m");
  },
  "broken regex": (text, items, random) => {
    const matchers = items.flatMap((item, i) =>
      (item.type === "EQL_REGEX" || item.type === "NEQ_REGEX") && items[i + 1]?.type === "STRING"
        ? [items[i + 1] as Item]
        : [],
    );
    const value = pick(random, matchers);
    if (!value) return undefined;
    const breaker = (pick(random, REGEX_BREAKS) ?? "(").replaceAll("\\", "\\\\");
    return replaceAt(text, value.pos + 1, value.pos + 1, breaker);
  },
  "empty selector": (text, items, random) => {
    const index = pick(
      random,
      items.flatMap((item, i) =>
        item.type === "IDENTIFIER" && items[i + 1]?.type === "LEFT_BRACE" ? [i] : [],
      ),
    );
    if (index === undefined) return undefined;
    const close = matching(items, index + 1, "LEFT_BRACE", "RIGHT_BRACE");
    if (close === undefined) return undefined;
    const selector = pick(random, ["{}", '{job=~".*"}', '{job=""}', '{job!~".+"}', '{job=~".+"}']) ?? "{}";
    return replaceAt(text, (items[index] as Item).pos, end(items[close] as Item), selector);
  },
  "character outside PromQL": (text, items, random) => {
    const item = pick(random, items);
    return item && replaceAt(text, item.pos, item.pos, pick(random, STRANGE_CHARACTERS) ?? "é");
  },
  "@ modifier": (text, items, random) => {
    const at = pick(random, primaryEnds(items));
    return at && replaceAt(text, end(at), end(at), pick(random, AT_MODIFIERS) ?? " @ 0");
  },
  offset: (text, items, random) => {
    const at = pick(random, primaryEnds(items));
    return at && replaceAt(text, end(at), end(at), pick(random, OFFSETS) ?? " offset 5m");
  },
  "another function": (text, items, random) => {
    const call = pick(
      random,
      items.filter((item, i) => item.type === "IDENTIFIER" && items[i + 1]?.type === "LEFT_PAREN"),
    );
    return call && replaceAt(text, call.pos, end(call), pick(random, FUNCTIONS) ?? "rate");
  },
  "newer syntax": (text, items, random) => {
    const choice = Math.floor(random() * 4);
    if (choice === 0) {
      const name = items.find((item, i) => item.type === "IDENTIFIER" && items[i + 1]?.type === "LEFT_BRACE");
      return name && replaceAt(text, name.pos, end(name) + 1, `{"${name.val}", `);
    }
    if (choice === 1) {
      const duration = items.find(
        (item, i) => item.type === "DURATION" && items[i - 1]?.type === "LEFT_BRACKET",
      );
      return (
        duration &&
        replaceAt(text, end(duration), end(duration), pick(random, [" * 2", " + 1m", "+step()"]) ?? " * 2")
      );
    }
    if (choice === 2) {
      const number = items.find((item) => item.type === "NUMBER" && /^[0-9]{4,}$/.test(item.val));
      return number && replaceAt(text, number.pos + 1, number.pos + 1, "_");
    }
    const aggregator = items.find((item) => item.type === "TOPK" || item.type === "BOTTOMK");
    return (
      aggregator &&
      replaceAt(text, aggregator.pos, end(aggregator), pick(random, ["limitk", "limit_ratio"]) ?? "limitk")
    );
  },
};

export interface Mutant {
  expr: string;
  mutation: string;
  original: string;
}

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** `count` mutants of an expression, each with one mutation that applies to it. */
export function mutants(expr: string, count: number, random: Random): Mutant[] {
  const items = lexPromql(expr).items.filter((item) => item.type !== "EOF");
  const out: Mutant[] = [];
  for (let attempt = 0; attempt < count * 4 && out.length < count; attempt++) {
    const mutation = pick(random, MUTATION_NAMES) as string;
    const mutated = (MUTATIONS[mutation] as Mutation)(expr, items, random);
    if (mutated !== undefined && mutated !== expr && mutated.trim() !== "") {
      out.push({ expr: mutated, mutation, original: expr });
    }
  }
  return out;
}
