/**
 * Slack's message markup (mrkdwn) as parts to render as React text, never as HTML: `<url|label>`
 * links (http and https only; anything else stays text), `*bold*`, and line breaks. Whatever the
 * alert's annotations hold stays inert text.
 */
export type SlackPart =
  | { kind: "text"; text: string }
  | { kind: "bold"; text: string }
  | { kind: "link"; href: string; text: string };

const TOKEN = /<([^<>|]+)(?:\|([^<>]*))?>|\*([^*\n]+)\*/g;

/** One line of mrkdwn as parts. */
export function slackParts(line: string): SlackPart[] {
  const parts: SlackPart[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: "text", text: line.slice(last, index) });
    const [whole, href, label, bold] = match;
    if (bold !== undefined) parts.push({ kind: "bold", text: bold });
    else if (href && /^https?:\/\//i.test(href)) parts.push({ kind: "link", href, text: label || href });
    else parts.push({ kind: "text", text: whole });
    last = index + whole.length;
  }
  if (last < line.length) parts.push({ kind: "text", text: line.slice(last) });
  return parts;
}

/** Slack's named colours for attachments; anything else is a CSS colour as given (hex only). */
export function slackColor(color: string | undefined): string {
  switch (color) {
    case "good":
      return "#2eb67d";
    case "warning":
      return "#ecb22e";
    case "danger":
      return "#e01e5a";
    default:
      return color && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "#dddddd";
  }
}

/** `:red_circle:` and friends used by the generated templates, as the emoji Slack shows. */
const EMOJI: Record<string, string> = {
  red_circle: "🔴",
  large_orange_circle: "🟠",
  large_blue_circle: "🔵",
  white_check_mark: "✅",
  bar_chart: "📊",
  book: "📖",
};

export function slackEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}
