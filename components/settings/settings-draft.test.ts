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
    expect(conflicts).toEqual([{ label: "Environment", theirs: "staging", mine: "qa" }]);
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
});
