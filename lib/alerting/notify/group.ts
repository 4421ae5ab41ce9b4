/**
 * One notification's input: the receiver, the alert group and Alertmanager's external URL, with
 * the group key Alertmanager derives from the route and the group labels (dispatch/dispatch.go).
 */
import { createHash } from "node:crypto";
import { compareGoStrings } from "../../go/unicode";
import { goQuote } from "../../go/quote";
import type { GroupAlert } from "./template-data";

export interface AlertGroupInput {
  receiver: string;
  groupLabels: Readonly<Record<string, string>>;
  alerts: readonly GroupAlert[];
  externalURL: string;
  /** `{}/{severity="critical"}:{alertname="X"}`; groupKey() builds it. */
  groupKey: string;
}

/**
 * model.LabelSet.String(): `{a="1", b="2"}`, values Go-quoted. It sorts the `name="value"`
 * strings, not the names: `a1="y"` comes before `a="x"` ('1' < '='), as Alertmanager's group keys show.
 */
export function labelSetString(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([n, v]) => `${n}=${goQuote(v)}`);
  return `{${pairs.sort(compareGoStrings).join(", ")}}`;
}

/** The group key: the route's key (`{}` for the root, `{}/{…matchers}` below) and the group labels. */
export function groupKey(routeKey: string, groupLabels: Readonly<Record<string, string>>): string {
  return `${routeKey}:${labelSetString(groupLabels)}`;
}

/** notify.Key.Hash: PagerDuty's dedup_key. */
export function groupKeyHash(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** encoding/json's Encoder: HTML-safe escapes and a trailing newline, as Alertmanager posts bodies. */
export function goJson(value: unknown): string {
  return `${JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

const byteLess = (a: string, b: string): boolean => compareGoStrings(a, b) < 0;

/** model.LabelSet.Before. */
function labelSetBefore(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const an = Object.keys(a);
  const bn = Object.keys(b);
  if (an.length !== bn.length) return an.length < bn.length;
  for (const name of [...an, ...bn].sort(compareGoStrings)) {
    const av = a[name];
    const bv = b[name];
    if (av === undefined) return true;
    if (bv === undefined) return false;
    if (byteLess(av, bv)) return true;
    if (byteLess(bv, av)) return false;
  }
  return false;
}

/** The order of a group's alerts in a notification (dispatch.alertsSlice): job, instance, then labels. */
export function sortGroupAlerts<T extends { labels: Readonly<Record<string, string>> }>(
  alerts: readonly T[],
): T[] {
  const less = (x: T, y: T): boolean => {
    for (const key of ["job", "instance"]) {
      const xv = x.labels[key];
      const yv = y.labels[key];
      if (xv === undefined && yv === undefined) continue;
      if (xv === undefined) return false;
      if (yv === undefined) return true;
      if (xv !== yv) return byteLess(xv, yv);
    }
    return labelSetBefore(x.labels, y.labels);
  };
  return [...alerts].sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0));
}
