import { compileMatcher } from "@/lib/alerting/routing/matcher";
import { parseMatchers } from "@/lib/alerting/routing/parse-matchers";
import type { SimulatedSilence } from "@/lib/alerting/simulation/types";

/** A silence as typed on the simulate page: matchers as amtool takes them, times as datetime-local. */
export interface SilenceDraft {
  id: number;
  matchers: string;
  /** `2026-01-05T09:30`, local time (what a datetime-local input holds). */
  starts: string;
  ends: string;
}

export interface SilenceFieldError {
  field: "matchers" | "starts" | "ends";
  message: string;
}

export type SilenceCheck =
  | { ok: true; silence: SimulatedSilence }
  | { ok: false; errors: SilenceFieldError[] };

const pad = (n: number): string => String(n).padStart(2, "0");

/** An instant as a datetime-local input's value (local time, to the minute). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return undefined;
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** A new silence over the middle half of the window. */
export function newSilenceDraft(id: number, window: { startMs: number; endMs: number }): SilenceDraft {
  const span = window.endMs - window.startMs;
  return {
    id,
    matchers: "",
    starts: toLocalInput(window.startMs + span / 4),
    ends: toLocalInput(window.startMs + (span * 3) / 4),
  };
}

/**
 * The silence a draft describes, or what is wrong with it, on its field: matchers Alertmanager
 * would refuse (syntax, a regex Go does not compile, none at all, as amtool refuses an empty
 * silence), times that do not parse, an end not after the start, or a silence that misses the
 * window (one that starts before it or ends after it is active over the part inside).
 */
export function checkSilence(draft: SilenceDraft, window: { startMs: number; endMs: number }): SilenceCheck {
  const errors: SilenceFieldError[] = [];
  let matchers: SimulatedSilence["matchers"] = [];
  try {
    matchers = draft.matchers.trim() === "" ? [] : parseMatchers(draft.matchers.trim());
    matchers.forEach(compileMatcher);
    if (matchers.length === 0)
      errors.push({ field: "matchers", message: "a silence needs at least one matcher" });
  } catch (error) {
    errors.push({ field: "matchers", message: (error as Error).message });
  }
  const startsMs = fromLocalInput(draft.starts);
  const endsMs = fromLocalInput(draft.ends);
  const at = (ms: number): string => toLocalInput(ms).replace("T", " ");
  if (startsMs === undefined)
    errors.push({ field: "starts", message: "a date and time such as 2026-01-05T09:30" });
  else if (startsMs >= window.endMs)
    errors.push({ field: "starts", message: `after the window ends (${at(window.endMs)})` });
  if (endsMs === undefined)
    errors.push({ field: "ends", message: "a date and time such as 2026-01-05T17:30" });
  else if (startsMs !== undefined && endsMs <= startsMs)
    errors.push({ field: "ends", message: "the end must be after the start" });
  else if (endsMs <= window.startMs)
    errors.push({ field: "ends", message: `before the window starts (${at(window.startMs)})` });
  if (errors.length > 0 || startsMs === undefined || endsMs === undefined) return { ok: false, errors };
  return { ok: true, silence: { matchers, startsMs, endsMs } };
}
