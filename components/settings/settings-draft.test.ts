import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { validateProject } from "@/lib/model";
import {
  applyDraft,
  changedFields,
  draftFromProject,
  emptyScrapeTargetDraft,
  rebaseDraft,
  type SettingsDraft,
  saveMessage,
} from "./settings-draft";

const project = projectFromTemplate({ name: "Shop", level: "standard", version: "v2" });

describe("draftFromProject / applyDraft", () => {
  it("round-trips a project unchanged", () => {
    expect(applyDraft(project, draftFromProject(project))).toEqual(project);
  });

  it("writes every edited field and keeps the ones the form does not show", () => {
    const draft = draftFromProject(project);
    const promIndex = draft.datasources.findIndex((d) => d.type === "prometheus");
    const edited: SettingsDraft = {
      ...draft,
      name: " Shop EU ",
      environment: "staging",
      metricsRetention: "45d",
      logShipper: "promtail",
      datasources: draft.datasources.map((d, i) => (i === promIndex ? { ...d, url: "http://prom:9091" } : d)),
      scrapeTargets: [
        ...draft.scrapeTargets.map((row, i) =>
          i === 0 ? { ...row, targets: "a:1, b:2\nc:3", interval: "30s" } : row,
        ),
        { ...emptyScrapeTargetDraft("new-1"), job: "extra", targets: "extra:9000" },
      ],
    };
    const result = applyDraft(project, edited);
    expect(result.name).toBe("Shop EU");
    expect(result.environment).toBe("staging");
    expect(result.retention).toEqual({ ...project.retention, metrics: "45d" });
    expect(result.logs).toEqual({ ...project.logs, shipper: "promtail" });
    expect(result.datasources[promIndex]).toMatchObject({
      url: "http://prom:9091",
      uid: project.datasources[promIndex]?.uid,
    });
    expect(result.scrapeTargets[0]).toEqual({
      ...project.scrapeTargets[0],
      targets: ["a:1", "b:2", "c:3"],
      interval: "30s",
    });
    expect(result.scrapeTargets.at(-1)).toMatchObject({
      job: "extra",
      targets: ["extra:9000"],
      kind: "custom",
    });
    expect(result.dashboards).toBe(project.dashboards);
    expect(validateProject(result).ok).toBe(true);
  });

  it("drops an emptied interval instead of storing an empty duration", () => {
    const draft = draftFromProject(project);
    const withInterval = applyDraft(project, {
      ...draft,
      scrapeTargets: draft.scrapeTargets.map((row) => ({ ...row, interval: "1m" })),
    });
    const again = applyDraft(withInterval, {
      ...draftFromProject(withInterval),
      scrapeTargets: draftFromProject(withInterval).scrapeTargets.map((row) => ({ ...row, interval: "" })),
    });
    expect(again.scrapeTargets.every((target) => !("interval" in target))).toBe(true);
  });
});

/** The project's datasources changed by uid. */
function withDatasources(
  draft: SettingsDraft,
  changes: Record<string, Partial<SettingsDraft["datasources"][number]>>,
): SettingsDraft {
  return {
    ...draft,
    datasources: draft.datasources.map((d) => ({ ...d, ...changes[d.uid] })),
  };
}

describe("datasource names and URLs", () => {
  const previewed = applyDraft(
    project,
    withDatasources(draftFromProject(project), { prometheus: { previewUrl: "http://127.0.0.1:9090" } }),
  );

  it("shows a Prometheus's previewUrl, and an empty field where there is none", () => {
    expect(draftFromProject(project).datasources.map((d) => d.previewUrl)).toEqual(["", "", ""]);
    expect(draftFromProject(previewed).datasources[0]?.previewUrl).toBe("http://127.0.0.1:9090");
    expect(applyDraft(previewed, draftFromProject(previewed))).toEqual(previewed);
  });

  it("writes the previewUrl beside the url, trimmed, and leaves the url alone", () => {
    const draft = withDatasources(draftFromProject(project), {
      prometheus: { previewUrl: " http://localhost:19090 " },
    });
    const result = applyDraft(project, draft);
    expect(result.datasources[0]).toEqual({
      ...project.datasources[0],
      previewUrl: "http://localhost:19090",
    });
    expect(validateProject(result).ok).toBe(true);
  });

  it("removes the previewUrl when the field is emptied", () => {
    const draft = withDatasources(draftFromProject(previewed), { prometheus: { previewUrl: "  " } });
    const result = applyDraft(previewed, draft);
    expect(result.datasources[0]).not.toHaveProperty("previewUrl");
    expect(result.datasources[0]).toEqual(project.datasources[0]);
  });

  it("renames any datasource and keeps what the form does not show", () => {
    const draft = withDatasources(draftFromProject(project), {
      prometheus: { name: " Metrics " },
      loki: { name: "Logs" },
      "app-postgres": { name: "Shop DB" },
    });
    const result = applyDraft(project, draft);
    expect(result.datasources.map((d) => d.name)).toEqual(["Metrics", "Logs", "Shop DB"]);
    expect(result.datasources[2]).toEqual({ ...project.datasources[2], name: "Shop DB" });
  });

  it("leaves a bad previewUrl or an empty name for the model to refuse, at the field's path", () => {
    const draft = withDatasources(draftFromProject(project), {
      prometheus: { previewUrl: "not a url" },
      loki: { name: "" },
    });
    const result = validateProject(applyDraft(project, draft));
    expect(result.ok).toBe(false);
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toContain("datasources[0].previewUrl");
    expect(paths).toContain("datasources[1].name");
  });

  it("names the fields in the save message, by the datasource's uid while it has no name", () => {
    const draft = draftFromProject(project);
    const edited = withDatasources(draft, {
      prometheus: { previewUrl: "http://127.0.0.1:9090" },
      loki: { name: "" },
    });
    expect(changedFields(draft, edited).map((f) => f.key)).toEqual([
      "datasource:prometheus.previewUrl",
      "datasource:loki.name",
    ]);
    expect(saveMessage(draft, edited)).toBe("Settings: prometheus preview url, loki name");
  });
});

describe("changedFields / saveMessage", () => {
  it("names the changed fields", () => {
    const draft = draftFromProject(project);
    const edited = { ...draft, environment: "staging", logsRetention: "7d" };
    expect(changedFields(draft, edited).map((f) => f.key)).toEqual(["environment", "logsRetention"]);
    expect(saveMessage(draft, edited)).toBe("Settings: environment, logs retention");
    expect(saveMessage(draft, draft)).toBe("Settings saved");
  });
});

describe("rebaseDraft", () => {
  const original = draftFromProject(project);

  it("keeps both sides' changes when they touch different fields", () => {
    const theirs = { ...original, environment: "staging" };
    const mine = { ...original, metricsRetention: "45d" };
    const { draft, conflicts } = rebaseDraft(original, mine, theirs);
    expect(draft.environment).toBe("staging");
    expect(draft.metricsRetention).toBe("45d");
    expect(conflicts).toEqual([]);
  });

  it("keeps the user's value on a field both changed, and reports it", () => {
    const theirs = { ...original, environment: "staging" };
    const mine = { ...original, environment: "qa" };
    const { draft, conflicts } = rebaseDraft(original, mine, theirs);
    expect(draft.environment).toBe("qa");
    expect(conflicts).toEqual([{ key: "environment", label: "Environment", theirs: "staging", mine: "qa" }]);
  });

  it("treats the scrape target list as one field", () => {
    const theirs = { ...original, scrapeTargets: original.scrapeTargets.slice(1) };
    const mine = { ...original, name: "Renamed" };
    const { draft } = rebaseDraft(original, mine, theirs);
    expect(draft.scrapeTargets).toBe(theirs.scrapeTargets);
    expect(draft.name).toBe("Renamed");
  });

  it("merges datasource fields by uid", () => {
    const promIndex = original.datasources.findIndex((d) => d.type === "prometheus");
    const theirs = { ...original, environment: "staging" };
    const mine = {
      ...original,
      datasources: original.datasources.map((d, i) =>
        i === promIndex ? { ...d, url: "http://other:9090" } : d,
      ),
    };
    const { draft } = rebaseDraft(original, mine, theirs);
    expect(draft.datasources[promIndex]?.url).toBe("http://other:9090");
    expect(draft.environment).toBe("staging");
  });

  it("merges datasource names and preview URLs field by field, and reports both changed", () => {
    const theirs = withDatasources(original, {
      prometheus: { name: "Metrics", previewUrl: "http://10.0.0.5:9090" },
    });
    const mine = withDatasources(original, { prometheus: { previewUrl: "http://localhost:9090" } });
    const { draft, conflicts } = rebaseDraft(original, mine, theirs);
    expect(draft.datasources[0]).toMatchObject({ name: "Metrics", previewUrl: "http://localhost:9090" });
    expect(conflicts).toEqual([
      {
        key: "datasource:prometheus.previewUrl",
        label: "Prometheus preview URL",
        theirs: "http://10.0.0.5:9090",
        mine: "http://localhost:9090",
      },
    ]);
  });
});
