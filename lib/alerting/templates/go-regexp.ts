import { escapeRegExpLiteral, POSIX_CLASSES } from "../../go/regexp-syntax";

/**
 * Go regular expressions (RE2 syntax) run on JavaScript's engine: the syntax differences that
 * label-rewriting templates use are translated (`(?P<name>`, leading `(?i)`-style flags, `\z`,
 * `\A`, `[[:alpha:]]`, `\Q…\E`), and replacements expand `$1`, `${name}` the way Go's Expand does.
 */

export class GoRegexpError extends Error {}

/** Compiles a Go pattern; the error message starts like Go's (`error parsing regexp: …`). */
export function compileGoRegexp(pattern: string, global = false): RegExp {
  let source = pattern;
  let flags = global ? "g" : "";
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading) {
    for (const f of leading[1] ?? "") if (f !== "U" && !flags.includes(f)) flags += f;
    source = source.slice(leading[0].length);
  }
  source = source
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, literal: string) => escapeRegExpLiteral(literal))
    .replace(/\(\?P</g, "(?<")
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, negate: string, name: string) => {
      const chars = POSIX_CLASSES[name];
      return chars === undefined || negate ? whole : chars;
    })
    .replace(/\\z/g, "(?![\\s\\S])")
    .replace(/\\A/g, "(?<![\\s\\S])");
  for (const unicodeFlags of ["u", ""]) {
    try {
      return new RegExp(source, flags + unicodeFlags);
    } catch (error) {
      if (unicodeFlags === "") {
        const reason =
          error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : "";
        throw new GoRegexpError(`error parsing regexp: ${reason}`);
      }
    }
  }
  throw new GoRegexpError("error parsing regexp");
}

/** Regexp.Expand of a replacement template: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expand(template: string, match: RegExpExecArray): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf("$", i);
    if (dollar < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, dollar);
    const rest = template.slice(dollar + 1);
    if (rest.startsWith("$")) {
      out += "$";
      i = dollar + 2;
      continue;
    }
    const named = /^(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/.exec(rest);
    if (!named) {
      out += "$";
      i = dollar + 1;
      continue;
    }
    const name = named[1] ?? named[2] ?? "";
    if (/^[0-9]+$/.test(name)) out += match[Number(name)] ?? "";
    else out += match.groups?.[name] ?? "";
    i = dollar + 1 + named[0].length;
  }
  return out;
}

/**
 * Regexp.ReplaceAllString, match by match as Go walks: an empty match right after a match is not
 * replaced ("a*" on "baaac" gives "-b-c-", where JavaScript's replace gives "-b--c-").
 */
export function goReplaceAll(re: RegExp, text: string, replacement: string): string {
  const global = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  let out = "";
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= text.length) {
    global.lastIndex = searchPos;
    const match = global.exec(text);
    if (!match) break;
    const start = match.index;
    const end = start + match[0].length;
    out += text.slice(lastMatchEnd, start);
    if (end > lastMatchEnd || start === 0) out += expand(replacement, match);
    lastMatchEnd = end;
    const width = (text.codePointAt(searchPos) ?? 0) > 0xffff ? 2 : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + text.slice(lastMatchEnd);
}
