/**
 * Go's `fmt` formatting of float64 and string values, as Prometheus's annotation templates use it.
 * Expected annotations in promtool unit tests are compared byte for byte, so rounding, exponent
 * notation and the `%!verb(type=value)` error forms follow Go's strconv and fmt exactly.
 */

/** A template value: Prometheus passes `$value` as float64 and label values as strings. */
export type GoValue = number | string;

/** Decimal digits of a non-negative number: value = 0.<digits> × 10^dp, no leading or trailing zeros. */
interface Digits {
  digits: string;
  dp: number;
}

/** The exact decimal expansion of a finite double (every double is a finite decimal fraction). */
function exactDigits(value: number): Digits {
  if (value === 0) return { digits: "", dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  let text: string;
  let dp: number;
  if (exponent >= 0) {
    text = (mantissa << BigInt(exponent)).toString();
    dp = text.length;
  } else {
    // m / 2^k = m·5^k / 10^k
    const k = -exponent;
    text = (mantissa * 5n ** BigInt(k)).toString();
    dp = text.length - k;
  }
  return trimZeros({ digits: text, dp });
}

function trimZeros(d: Digits): Digits {
  const digits = d.digits.replace(/0+$/, "");
  return digits === "" ? { digits: "", dp: 0 } : { digits, dp: d.dp };
}

/** The shortest digits that read back as the same double; JavaScript and Go agree on these. */
function shortestDigits(value: number): Digits {
  if (value === 0) return { digits: "", dp: 0 };
  const [mantissa = "", exponent = "0"] = Math.abs(value).toExponential().split("e");
  return trimZeros({ digits: mantissa.replace(".", ""), dp: Number(exponent) + 1 });
}

/** Keeps `nd` digits, rounding half to even on exact ties as Go's strconv does. */
function roundDigits(d: Digits, nd: number): Digits {
  if (nd < 0 || nd >= d.digits.length) return d;
  const next = d.digits[nd] ?? "0";
  const exactHalf = next === "5" && nd + 1 === d.digits.length;
  const previousIsOdd = nd > 0 && Number(d.digits[nd - 1]) % 2 === 1;
  const up = exactHalf ? previousIsOdd : next >= "5";
  if (!up) return trimZeros({ digits: d.digits.slice(0, nd), dp: d.dp });
  const kept = d.digits.slice(0, nd).split("");
  for (let i = nd - 1; i >= 0; i--) {
    if (kept[i] !== "9") {
      kept[i] = String(Number(kept[i]) + 1);
      return trimZeros({ digits: kept.slice(0, i + 1).join(""), dp: d.dp });
    }
  }
  return { digits: "1", dp: d.dp + 1 };
}

function digitAt(d: Digits, index: number): string {
  return index >= 0 && index < d.digits.length ? (d.digits[index] ?? "0") : "0";
}

function formatE(d: Digits, precision: number, upper: boolean): string {
  let out = d.digits === "" ? "0" : digitAt(d, 0);
  if (precision > 0) {
    out += ".";
    for (let i = 1; i <= precision; i++) out += digitAt(d, i);
  }
  const exponent = d.digits === "" ? 0 : d.dp - 1;
  const magnitude = String(Math.abs(exponent)).padStart(2, "0");
  return `${out}${upper ? "E" : "e"}${exponent < 0 ? "-" : "+"}${magnitude}`;
}

function formatF(d: Digits, precision: number): string {
  let out = "";
  if (d.dp > 0) {
    for (let i = 0; i < d.dp; i++) out += digitAt(d, i);
  } else {
    out = "0";
  }
  if (precision > 0) {
    out += ".";
    for (let i = 1; i <= precision; i++) out += digitAt(d, d.dp + i - 1);
  }
  return out;
}

/** strconv.FormatFloat for verbs e, E, f, F, g, G; precision undefined means shortest %g. */
function formatUnsigned(value: number, verb: string, precision: number | undefined): string {
  const upper = verb === "E" || verb === "G";
  const lower = verb.toLowerCase();
  if (precision === undefined) {
    // Only %g and %v reach here without a precision (formatArg gives %e and %f Go's default 6).
    const d = shortestDigits(value);
    return formatG(d, d.digits.length, true, upper);
  }
  const exact = exactDigits(value);
  switch (lower) {
    case "e":
      return formatE(roundDigits(exact, precision + 1), precision, upper);
    case "f":
      return formatF(roundDigits(exact, exact.dp + precision), precision);
    default: {
      const significant = precision === 0 ? 1 : precision;
      return formatG(roundDigits(exact, significant), significant, false, upper);
    }
  }
}

function formatG(d: Digits, precision: number, shortest: boolean, upper: boolean): string {
  let exponentPrecision = precision;
  if (exponentPrecision > d.digits.length && d.digits.length >= d.dp) exponentPrecision = d.digits.length;
  if (shortest) exponentPrecision = 6;
  const exponent = d.dp - 1;
  if (exponent < -4 || exponent >= exponentPrecision) {
    return formatE(d, Math.min(precision, d.digits.length) - 1, upper);
  }
  const fractionDigits = precision > d.dp ? d.digits.length : precision;
  return formatF(d, Math.max(fractionDigits - d.dp, 0));
}

interface Flags {
  plus: boolean;
  minus: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

const NO_FLAGS: Flags = { plus: false, minus: false, space: false, zero: false };

function pad(text: string, flags: Flags, padChar: string): string {
  const width = flags.width ?? 0;
  const missing = width - [...text].length;
  if (missing <= 0) return text;
  const padding = padChar.repeat(missing);
  return flags.minus ? text + padding : padding + text;
}

function formatFloat(value: number, verb: string, flags: Flags): string {
  const zeroPad = flags.zero && !flags.minus ? "0" : " ";
  if (Number.isNaN(value)) {
    const sign = flags.plus ? "+" : flags.space ? " " : "";
    return pad(`${sign}NaN`, flags, " ");
  }
  if (!Number.isFinite(value)) {
    const sign = value < 0 ? "-" : flags.plus ? "+" : flags.space ? " " : "+";
    return pad(`${sign}Inf`, flags, " ");
  }
  const negative = value < 0 || Object.is(value, -0);
  const body = formatUnsigned(Math.abs(value), verb, flags.precision);
  const sign = negative ? "-" : flags.plus ? "+" : flags.space ? " " : "";
  if (sign !== "" && zeroPad === "0" && (flags.width ?? 0) > body.length + 1) {
    return sign + "0".repeat((flags.width ?? 0) - body.length - 1) + body;
  }
  return pad(sign + body, flags, zeroPad);
}

function formatString(value: string, flags: Flags): string {
  const text = flags.precision === undefined ? value : [...value].slice(0, flags.precision).join("");
  return pad(text, flags, flags.zero && !flags.minus ? "0" : " ");
}

function goTypeName(value: GoValue): string {
  return typeof value === "number" ? "float64" : "string";
}

function formatArg(value: GoValue, verb: string, flags: Flags): string {
  if (typeof value === "number") {
    switch (verb) {
      case "v":
        return formatFloat(value, "g", flags);
      case "e":
      case "E":
      case "f":
      case "F":
        // Go's default precision for %e and %f is 6; %g and %v default to the shortest form.
        return formatFloat(value, verb, { ...flags, precision: flags.precision ?? 6 });
      case "g":
      case "G":
        return formatFloat(value, verb, flags);
      default:
        return `%!${verb}(float64=${formatFloat(value, "g", flags)})`;
    }
  }
  switch (verb) {
    case "v":
    case "s":
      return formatString(value, flags);
    default:
      return `%!${verb}(string=${formatString(value, flags)})`;
  }
}

/** fmt.Sprint of one value, i.e. `%v`: how `{{ $value }}` prints. */
export function goPrint(value: GoValue): string {
  return formatArg(value, "v", NO_FLAGS);
}

const SUPPORTED_VERBS = new Set(["v", "s", "d", "e", "E", "f", "F", "g", "G"]);

/**
 * fmt.Sprintf for the verbs annotations use: %v %s %d %e %f %g (and upper-case forms), flags
 * `+ - space 0`, width and precision. Go's %d on a float64 prints `%!d(float64=…)`; that is
 * reproduced because it is what Prometheus renders.
 */
export function goSprintf(format: string, args: readonly GoValue[]): string {
  let out = "";
  let argIndex = 0;
  let i = 0;
  while (i < format.length) {
    const char = format[i] ?? "";
    if (char !== "%") {
      out += char;
      i++;
      continue;
    }
    i++;
    const flags: Flags = { ...NO_FLAGS };
    for (; i < format.length; i++) {
      const flag = format[i];
      if (flag === "+") flags.plus = true;
      else if (flag === "-") {
        flags.minus = true;
        flags.zero = false;
      } else if (flag === " ") flags.space = true;
      else if (flag === "0") flags.zero = !flags.minus;
      else if (flag === "#") throw new Error(`printf flag "#" is not supported in "${format}"`);
      else break;
    }
    const width = /^\d+/.exec(format.slice(i));
    if (width) {
      flags.width = Number(width[0]);
      i += width[0].length;
    }
    if (format[i] === ".") {
      const precision = /^\d*/.exec(format.slice(i + 1))?.[0] ?? "";
      flags.precision = precision === "" ? 0 : Number(precision);
      i += 1 + precision.length;
    }
    if (format[i] === "*") throw new Error(`printf width or precision "*" is not supported in "${format}"`);
    const verb = format[i];
    i++;
    if (verb === undefined) {
      out += "%!(NOVERB)";
      break;
    }
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (!SUPPORTED_VERBS.has(verb)) {
      throw new Error(`printf verb "%${verb}" is not supported (use %v, %s, %d, %e, %f or %g)`);
    }
    const arg = args[argIndex];
    argIndex++;
    out += arg === undefined ? `%!${verb}(MISSING)` : formatArg(arg, verb, flags);
  }
  if (argIndex < args.length) {
    const extra = args.slice(argIndex).map((arg) => `${goTypeName(arg)}=${goPrint(arg)}`);
    out += `%!(EXTRA ${extra.join(", ")})`;
  }
  return out;
}
