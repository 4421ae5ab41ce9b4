import { describe, expect, it } from "vitest";
import { smallProject } from "../../generate/testdata/small-project";
import { validateProject } from "../validate";

function withSlackExtra(extra: Record<string, unknown>): unknown {
  const project = smallProject();
  const receiver = project.receivers.find((r) => r.integrations.some((i) => i.type === "slack"));
  if (!receiver) throw new Error("the small project has a Slack receiver");
  const index = receiver.integrations.findIndex((i) => i.type === "slack");
  receiver.integrations[index] = { ...(receiver.integrations[index] as object), extra } as never;
  return { project, path: `receivers[${project.receivers.indexOf(receiver)}].integrations[${index}]` };
}

describe("checkNotificationTemplates", () => {
  it("finds nothing wrong with the generated templates", () => {
    const result = validateProject(smallProject());
    expect(result.issues.filter((i) => i.message.includes("template fails"))).toEqual([]);
  });

  it("puts a field that fails at send time on the imported override, worded as Go words it", () => {
    const { project, path } = withSlackExtra({
      title: "{{ .CommonLabels.severity | nope }}",
      text: "{{ .Nope }}",
    }) as {
      project: unknown;
      path: string;
    };
    const issues = validateProject(project).issues.filter((i) => i.message.includes("template fails"));
    expect(issues).toEqual([
      expect.objectContaining({
        path: `${path}.extra.title`,
        severity: "error",
        message:
          'the title template fails when a firing notification is sent: template: :1: function "nope" not defined',
      }),
      expect.objectContaining({
        path: `${path}.extra.text`,
        message: expect.stringContaining("can't evaluate field Nope in type template.Data"),
      }),
    ]);
  });

  it("accepts Alertmanager's functions and data", () => {
    const { project } = withSlackExtra({
      title:
        '{{ .Status | toUpper }} {{ .GroupLabels.SortedPairs.Values | join " " }} {{ .CommonLabels.Remove (stringSlice "job") }}',
      text: '{{ range .Alerts.Firing }}{{ .StartsAt.Format "15:04" }} {{ reReplaceAll "-" "_" .Fingerprint }} {{ title .Labels.alertname }}{{ end }}',
    }) as { project: unknown };
    expect(validateProject(project).issues.filter((i) => i.message.includes("template fails"))).toEqual([]);
  });
});
