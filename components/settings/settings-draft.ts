import type { Datasource, DatasourceType } from "@/lib/model/datasource";
import type { Project } from "@/lib/model/project";
import type { ScrapeTarget } from "@/lib/model/scrape";

/**
 * The settings form edits a flat draft, not the project: the draft is what the user typed
 * (strings, even where the model wants arrays), and `applyDraft` writes it back onto a project
 * leaving every field the form does not show untouched. `rebaseDraft` re-applies a user's edits
 * on top of a newer version after a 409, field by field.
 */

export type LogShipper = Project["logs"]["shipper"];

export interface DatasourceDraft {
  uid: string;
  type: DatasourceType;
  name: string;
  /** Prometheus and Loki: where Grafana reaches it, inside the stack's network (the bundle's URL). */
  url: string;
  /**
   * Prometheus: where Obsforge's own server reaches it for live previews, when `url` does not
   * resolve from there. Empty for none (the project then has no `previewUrl`).
   */
  previewUrl: string;
  /** PostgreSQL. */
  host: string;
  database: string;
  user: string;
}

export interface ScrapeTargetDraft {
  /** Stable React key for the row. */
  key: string;
  job: string;
  /** host:port list as typed: separated by commas, spaces or new lines. */
  targets: string;
  metricsPath: string;
  /** Empty for the global scrape interval. */
  interval: string;
  /** The stored target this row edits, so fields the form does not show survive a save. */
  source?: ScrapeTarget;
}

export interface SettingsDraft {
  name: string;
  environment: string;
  datasources: DatasourceDraft[];
  /** The live Alertmanager's URL; empty for none. */
  alertmanagerUrl: string;
  scrapeTargets: ScrapeTargetDraft[];
  metricsRetention: string;
  logsRetention: string;
  logShipper: LogShipper;
}

function datasourceDraft(datasource: Datasource): DatasourceDraft {
  const base = { uid: datasource.uid, type: datasource.type, name: datasource.name };
  switch (datasource.type) {
    case "prometheus":
      return {
        ...base,
        url: datasource.url,
        previewUrl: datasource.previewUrl ?? "",
        host: "",
        database: "",
        user: "",
      };
    case "loki":
      return { ...base, url: datasource.url, previewUrl: "", host: "", database: "", user: "" };
    case "postgres":
      return {
        ...base,
        url: "",
        previewUrl: "",
        host: datasource.host,
        database: datasource.database,
        user: datasource.user,
      };
    default: {
      const exhaustive: never = datasource;
      throw new Error(`unknown datasource ${JSON.stringify(exhaustive)}`);
    }
  }
}

export function scrapeTargetDraft(target: ScrapeTarget, key: string): ScrapeTargetDraft {
  return {
    key,
    job: target.job,
    targets: target.targets.join(", "),
    metricsPath: target.metricsPath,
    interval: target.interval ?? "",
    source: target,
  };
}

export function emptyScrapeTargetDraft(key: string): ScrapeTargetDraft {
  return { key, job: "", targets: "", metricsPath: "/metrics", interval: "" };
}

export function draftFromProject(project: Project): SettingsDraft {
  return {
    name: project.name,
    environment: project.environment,
    datasources: project.datasources.map(datasourceDraft),
    alertmanagerUrl: project.alertmanagerUrl ?? "",
    scrapeTargets: project.scrapeTargets.map((target, index) => scrapeTargetDraft(target, `stored-${index}`)),
    metricsRetention: project.retention.metrics,
    logsRetention: project.retention.logs,
    logShipper: project.logs.shipper,
  };
}

export function splitTargets(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

function applyDatasource(datasource: Datasource, draft: DatasourceDraft | undefined): Datasource {
  if (!draft) return datasource;
  const name = draft.name.trim();
  switch (datasource.type) {
    case "prometheus": {
      const { previewUrl: _previous, ...rest } = datasource;
      const previewUrl = draft.previewUrl.trim();
      // An emptied field removes the setting: previews then fall back as if it was never set.
      return { ...rest, name, url: draft.url.trim(), ...(previewUrl === "" ? {} : { previewUrl }) };
    }
    case "loki":
      return { ...datasource, name, url: draft.url.trim() };
    case "postgres":
      return {
        ...datasource,
        name,
        host: draft.host.trim(),
        database: draft.database.trim(),
        user: draft.user.trim(),
      };
    default: {
      const exhaustive: never = datasource;
      throw new Error(`unknown datasource ${JSON.stringify(exhaustive)}`);
    }
  }
}

function applyScrapeTarget(row: ScrapeTargetDraft): ScrapeTarget {
  const base: ScrapeTarget = row.source ?? {
    job: "",
    kind: "custom",
    targets: [],
    metricsPath: "/metrics",
    scheme: "http",
    labels: {},
    relabelings: [],
    metricRelabelings: [],
  };
  const { interval: _previous, ...rest } = base;
  const interval = row.interval.trim();
  return {
    ...rest,
    job: row.job.trim(),
    targets: splitTargets(row.targets),
    metricsPath: row.metricsPath.trim(),
    ...(interval === "" ? {} : { interval }),
  };
}

/** The project with the draft written over the fields the settings form edits. */
export function applyDraft(base: Project, draft: SettingsDraft): Project {
  const byUid = new Map(draft.datasources.map((datasource) => [datasource.uid, datasource]));
  const { alertmanagerUrl: _previous, ...rest } = base;
  const alertmanagerUrl = draft.alertmanagerUrl.trim();
  return {
    ...rest,
    // An emptied field removes the setting: the project then has no live Alertmanager.
    ...(alertmanagerUrl === "" ? {} : { alertmanagerUrl }),
    name: draft.name.trim(),
    environment: draft.environment.trim(),
    datasources: base.datasources.map((datasource) => applyDatasource(datasource, byUid.get(datasource.uid))),
    scrapeTargets: draft.scrapeTargets.map(applyScrapeTarget),
    retention: {
      ...base.retention,
      metrics: draft.metricsRetention.trim(),
      logs: draft.logsRetention.trim(),
    },
    logs: { ...base.logs, shipper: draft.logShipper },
  };
}

type DatasourceField = "name" | "url" | "previewUrl" | "host" | "database" | "user";

/** The fields the form shows for each type of datasource, in form order. */
export const DATASOURCE_FIELDS: Readonly<Record<DatasourceType, readonly DatasourceField[]>> = {
  prometheus: ["name", "url", "previewUrl"],
  loki: ["name", "url"],
  postgres: ["name", "host", "database", "user"],
};

const DATASOURCE_FIELD_LABELS: Readonly<Record<DatasourceField, string>> = {
  name: "name",
  url: "URL",
  previewUrl: "preview URL",
  host: "host",
  database: "database",
  user: "user",
};

function datasourceFieldKey(uid: string, field: DatasourceField): string {
  return `datasource:${uid}.${field}`;
}

/** How a datasource is named in labels: its name, or its uid while the name is empty. */
function datasourceTitle(datasource: DatasourceDraft): string {
  return datasource.name.trim() || datasource.uid;
}

/** One field of the draft, flattened for comparing versions and for the save message. */
export interface DraftField {
  key: string;
  label: string;
  value: string;
}

function scrapeTargetsText(rows: readonly ScrapeTargetDraft[]): string {
  if (rows.length === 0) return "(none)";
  return rows
    .map((row) => {
      const interval = row.interval.trim() === "" ? "" : ` every ${row.interval.trim()}`;
      return `${row.job.trim()}: ${splitTargets(row.targets).join(", ")} ${row.metricsPath.trim()}${interval}`;
    })
    .join("; ");
}

export function flattenDraft(draft: SettingsDraft): DraftField[] {
  const fields: DraftField[] = [
    { key: "name", label: "Name", value: draft.name.trim() },
    { key: "environment", label: "Environment", value: draft.environment.trim() },
  ];
  for (const datasource of draft.datasources) {
    for (const field of DATASOURCE_FIELDS[datasource.type]) {
      fields.push({
        key: datasourceFieldKey(datasource.uid, field),
        label: `${datasourceTitle(datasource)} ${DATASOURCE_FIELD_LABELS[field]}`,
        value: datasource[field].trim(),
      });
    }
  }
  fields.push(
    { key: "alertmanagerUrl", label: "Alertmanager URL", value: draft.alertmanagerUrl.trim() },
    { key: "scrapeTargets", label: "Scrape targets", value: scrapeTargetsText(draft.scrapeTargets) },
    { key: "metricsRetention", label: "Metrics retention", value: draft.metricsRetention.trim() },
    { key: "logsRetention", label: "Logs retention", value: draft.logsRetention.trim() },
    { key: "logShipper", label: "Log shipper", value: draft.logShipper },
  );
  return fields;
}

/** Fields whose value differs between two drafts, in form order. */
export function changedFields(before: SettingsDraft, after: SettingsDraft): DraftField[] {
  const previous = new Map(flattenDraft(before).map((field) => [field.key, field.value]));
  return flattenDraft(after).filter((field) => previous.get(field.key) !== field.value);
}

/** The revision message of a settings save: which fields changed. */
export function saveMessage(before: SettingsDraft, after: SettingsDraft): string {
  const changed = changedFields(before, after).map((field) => field.label.toLowerCase());
  return changed.length === 0 ? "Settings saved" : `Settings: ${changed.join(", ")}`;
}

/** A field both the user and someone else changed, to different values. */
export interface RebaseConflict {
  /** The field's key in flattenDraft. */
  key: string;
  label: string;
  theirs: string;
  mine: string;
}

export interface RebaseResult {
  draft: SettingsDraft;
  /** Where the user's value replaced someone else's change: shown, never silent. */
  conflicts: RebaseConflict[];
}

function stringsEqual(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

/**
 * Three-way merge of the settings: a field the user changed (relative to the version they loaded)
 * takes the user's value, every other field takes the latest version's value. The scrape target
 * list is merged as one field. Fields both sides changed differently are reported as conflicts.
 */
export function rebaseDraft(
  original: SettingsDraft,
  mine: SettingsDraft,
  latest: SettingsDraft,
): RebaseResult {
  const conflicts: RebaseConflict[] = [];
  const choose = <T>(
    field: { key: string; label: string },
    o: T,
    m: T,
    l: T,
    same: (a: T, b: T) => boolean,
    show: (v: T) => string,
  ): T => {
    if (same(m, o)) return l;
    if (!same(l, o) && !same(l, m)) conflicts.push({ ...field, theirs: show(l), mine: show(m) });
    return m;
  };
  const text = (value: string): string => value.trim();
  const top = (key: keyof SettingsDraft, label: string): { key: string; label: string } => ({ key, label });

  const originalByUid = new Map(original.datasources.map((d) => [d.uid, d]));
  const mineByUid = new Map(mine.datasources.map((d) => [d.uid, d]));
  const datasources = latest.datasources.map((theirs): DatasourceDraft => {
    const before = originalByUid.get(theirs.uid);
    const edited = mineByUid.get(theirs.uid);
    if (!before || !edited) return theirs;
    const field = (key: DatasourceField): string =>
      choose(
        {
          key: datasourceFieldKey(theirs.uid, key),
          // Named as the user's draft names it, as the review shows the user's draft.
          label: `${datasourceTitle(edited)} ${DATASOURCE_FIELD_LABELS[key]}`,
        },
        before[key],
        edited[key],
        theirs[key],
        stringsEqual,
        text,
      );
    return {
      ...theirs,
      name: field("name"),
      url: field("url"),
      previewUrl: field("previewUrl"),
      host: field("host"),
      database: field("database"),
      user: field("user"),
    };
  });
  const latestUids = new Set(latest.datasources.map((d) => d.uid));
  for (const edited of mine.datasources) {
    const before = originalByUid.get(edited.uid);
    if (before && !latestUids.has(edited.uid) && JSON.stringify(before) !== JSON.stringify(edited)) {
      conflicts.push({
        key: `datasource:${edited.uid}`,
        label: datasourceTitle(edited),
        theirs: "(datasource removed)",
        mine: "(your edits)",
      });
    }
  }

  return {
    draft: {
      name: choose(top("name", "Name"), original.name, mine.name, latest.name, stringsEqual, text),
      environment: choose(
        top("environment", "Environment"),
        original.environment,
        mine.environment,
        latest.environment,
        stringsEqual,
        text,
      ),
      datasources,
      alertmanagerUrl: choose(
        top("alertmanagerUrl", "Alertmanager URL"),
        original.alertmanagerUrl,
        mine.alertmanagerUrl,
        latest.alertmanagerUrl,
        stringsEqual,
        text,
      ),
      scrapeTargets: choose(
        top("scrapeTargets", "Scrape targets"),
        original.scrapeTargets,
        mine.scrapeTargets,
        latest.scrapeTargets,
        (a, b) => scrapeTargetsText(a) === scrapeTargetsText(b),
        scrapeTargetsText,
      ),
      metricsRetention: choose(
        top("metricsRetention", "Metrics retention"),
        original.metricsRetention,
        mine.metricsRetention,
        latest.metricsRetention,
        stringsEqual,
        text,
      ),
      logsRetention: choose(
        top("logsRetention", "Logs retention"),
        original.logsRetention,
        mine.logsRetention,
        latest.logsRetention,
        stringsEqual,
        text,
      ),
      logShipper: choose(
        top("logShipper", "Log shipper"),
        original.logShipper,
        mine.logShipper,
        latest.logShipper,
        (a, b) => a === b,
        String,
      ),
    },
    conflicts,
  };
}
