/**
 * Alertmanager's notification template data (template/template.go, v0.25): `Data` with its
 * `Alerts`, the `KV` label maps with SortedPairs/Remove/Names/Values, `Pairs`, and
 * `Alerts.Firing`/`Resolved`, as Go values the text/template executor of lib/alerting/templates
 * walks. The plain-object form (`NotificationData`) is also what the webhook posts as JSON.
 */
import { compareGoStrings } from "../../go/unicode";
import { timeValue } from "../templates/go-time";
import { type GoType, type GoValue, goString, mapOf, sliceOf, T } from "../templates/values";
import { alertFingerprint } from "./fingerprint";
import { formatRfc3339Nano, parseRfc3339Nano } from "./rfc3339";

export type AlertStatus = "firing" | "resolved";

/** One alert as templates and the webhook see it (template.Alert). Times are RFC 3339. */
export interface NotificationAlert {
  status: AlertStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** template.Data: what every notification template is executed with. */
export interface NotificationData {
  receiver: string;
  status: AlertStatus;
  alerts: NotificationAlert[];
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
}

/** An alert as Alertmanager holds it before templating: resolved once its end is past. */
export interface GroupAlert {
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  startsAt: string;
  /** RFC 3339; Go's zero time `0001-01-01T00:00:00Z` for a firing alert with no end. */
  endsAt: string;
  generatorURL?: string;
  status: AlertStatus;
}

/** Go's time.Time{} in RFC 3339, the endsAt of an alert that has none. */
export const ZERO_TIME = "0001-01-01T00:00:00Z";

/** regexp.QuoteMeta: Alertmanager quotes the receiver name in the data (template.Data). */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}

function common(maps: readonly Readonly<Record<string, string>>[]): Record<string, string> {
  const [first, ...rest] = maps;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((m) => m[k] === v)));
}

/** Template.Data: the data for one receiver and one alert group, as Alertmanager assembles it. */
export function notificationData(
  receiver: string,
  groupLabels: Readonly<Record<string, string>>,
  alerts: readonly GroupAlert[],
  externalURL: string,
): NotificationData {
  return {
    receiver: quoteMeta(receiver),
    // types.Alerts.Status(): firing as long as one alert is.
    status: alerts.some((a) => a.status === "firing") ? "firing" : "resolved",
    alerts: alerts.map((a) => ({
      status: a.status,
      labels: { ...a.labels },
      annotations: { ...a.annotations },
      // As Go marshals time.Time: UTC, trailing zeros of the fraction dropped.
      startsAt: formatRfc3339Nano(parseRfc3339Nano(a.startsAt)),
      // types.Alerts: "If the end timestamp is not reached yet, do not expose it."
      endsAt: a.status === "firing" ? ZERO_TIME : formatRfc3339Nano(parseRfc3339Nano(a.endsAt)),
      generatorURL: a.generatorURL ?? "",
      fingerprint: alertFingerprint(a.labels),
    })),
    groupLabels: { ...groupLabels },
    commonLabels: common(alerts.map((a) => a.labels)),
    commonAnnotations: common(alerts.map((a) => a.annotations)),
    externalURL,
  };
}

const stringSlice = sliceOf(T.string);
const strings = (list: readonly string[]): GoValue => ({
  type: stringSlice,
  v: list.map((s) => goString(s)),
});

const pairType: GoType = {
  kind: "struct",
  name: "template.Pair",
  fields: [
    { name: "Name", type: T.string },
    { name: "Value", type: T.string },
  ],
};
const pairsType: GoType = sliceOf(pairType, "template.Pairs");
const pairList = (v: GoValue): GoValue[] => (v.v as GoValue[] | null) ?? [];
const pairField = (pair: GoValue, field: "Name" | "Value"): string =>
  ((pair.v as Record<string, GoValue>)[field]?.v as string) ?? "";
pairsType.methods = {
  Names: {
    params: [],
    result: stringSlice,
    call: (v) => strings(pairList(v).map((p) => pairField(p, "Name"))),
  },
  Values: {
    params: [],
    result: stringSlice,
    call: (v) => strings(pairList(v).map((p) => pairField(p, "Value"))),
  },
};

const kvType: GoType = { ...mapOf(T.string, T.string), name: "template.KV" };
const kvEntries = (v: GoValue): [string, string][] =>
  [...((v.v as Map<string, GoValue> | null) ?? new Map<string, GoValue>())].map(([k, val]) => [
    k,
    val.v as string,
  ]);

/** KV.SortedPairs: alertname first, then the other names in byte order. */
function sortedPairs(entries: [string, string][]): [string, string][] {
  const named = entries.filter(([k]) => k === "alertname");
  const rest = entries.filter(([k]) => k !== "alertname").sort(([a], [b]) => compareGoStrings(a, b));
  return [...named, ...rest];
}
const pairsValue = (entries: [string, string][]): GoValue => ({
  type: pairsType,
  v: sortedPairs(entries).map(([name, value]) => ({
    type: pairType,
    v: { Name: goString(name), Value: goString(value) },
  })),
});
kvType.methods = {
  SortedPairs: { params: [], result: pairsType, call: (v) => pairsValue(kvEntries(v)) },
  Remove: {
    params: [stringSlice],
    result: kvType,
    call: (v, [keys]) => {
      const drop = new Set(((keys?.v as GoValue[] | null) ?? []).map((k) => k.v as string));
      return kv(Object.fromEntries(kvEntries(v).filter(([k]) => !drop.has(k))));
    },
  },
  Names: { params: [], result: stringSlice, call: (v) => strings(sortedPairs(kvEntries(v)).map(([k]) => k)) },
  Values: {
    params: [],
    result: stringSlice,
    call: (v) => strings(sortedPairs(kvEntries(v)).map(([, x]) => x)),
  },
};

function kv(record: Readonly<Record<string, string>>): GoValue {
  return { type: kvType, v: new Map(Object.entries(record).map(([k, v]) => [k, goString(v)])) };
}

const alertType: GoType = {
  kind: "struct",
  name: "template.Alert",
  fields: [
    { name: "Status", type: T.string },
    { name: "Labels", type: kvType },
    { name: "Annotations", type: kvType },
    { name: "StartsAt", type: timeValue(0n).type },
    { name: "EndsAt", type: timeValue(0n).type },
    { name: "GeneratorURL", type: T.string },
    { name: "Fingerprint", type: T.string },
  ],
};
const alertSliceType = sliceOf(alertType);
const alertsType: GoType = sliceOf(alertType, "template.Alerts");
const byStatus =
  (status: AlertStatus) =>
  (v: GoValue): GoValue => ({
    type: alertSliceType,
    v: ((v.v as GoValue[] | null) ?? []).filter((a) => (a.v as Record<string, GoValue>).Status?.v === status),
  });
alertsType.methods = {
  Firing: { params: [], result: alertSliceType, call: byStatus("firing") },
  Resolved: { params: [], result: alertSliceType, call: byStatus("resolved") },
};

const dataType: GoType = {
  kind: "struct",
  name: "template.Data",
  fields: [
    { name: "Receiver", type: T.string },
    { name: "Status", type: T.string },
    { name: "Alerts", type: alertsType },
    { name: "GroupLabels", type: kvType },
    { name: "CommonLabels", type: kvType },
    { name: "CommonAnnotations", type: kvType },
    { name: "ExternalURL", type: T.string },
  ],
};

function alertValue(alert: NotificationAlert): GoValue {
  return {
    type: alertType,
    v: {
      Status: goString(alert.status),
      Labels: kv(alert.labels),
      Annotations: kv(alert.annotations),
      StartsAt: timeValue(parseRfc3339Nano(alert.startsAt)),
      EndsAt: timeValue(parseRfc3339Nano(alert.endsAt)),
      GeneratorURL: goString(alert.generatorURL),
      Fingerprint: goString(alert.fingerprint),
    },
  };
}

/** The Go value templates are executed with. */
export function templateDataValue(data: NotificationData): GoValue {
  return {
    type: dataType,
    v: {
      Receiver: goString(data.receiver),
      Status: goString(data.status),
      Alerts: { type: alertsType, v: data.alerts.map(alertValue) },
      GroupLabels: kv(data.groupLabels),
      CommonLabels: kv(data.commonLabels),
      CommonAnnotations: kv(data.commonAnnotations),
      ExternalURL: goString(data.externalURL),
    },
  };
}
