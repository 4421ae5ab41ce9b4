import { previewReceiver } from "../../alerting/notify/receiver-preview";
import { sampleAlerts } from "../../alerting/notify/sample-alerts";
import type { IssueCollector } from "../issues";
import type { Project } from "../project";

/**
 * Every receiver's messages rendered for a sample alert group of the project, firing and
 * resolved, as Alertmanager renders them at send time: a template field that fails there
 * (unknown function, bad field, a parse error in an imported `title`) drops the notification,
 * and `amtool check-config` does not see it. The error goes on the field that holds the template
 * (an imported override under `extra`), else on the integration.
 */
export function checkNotificationTemplates(project: Project, out: IssueCollector): void {
  if (!project.receivers.some((receiver) => receiver.integrations.length > 0)) return;
  const samples = sampleAlerts(project, 1);
  project.receivers.forEach((receiver, r) => {
    if (receiver.integrations.length === 0) return;
    const reported = new Set<string>();
    for (const status of ["firing", "resolved"] as const) {
      for (const message of previewReceiver(project, receiver, { status, count: 2 }, samples).messages) {
        const integration = receiver.integrations[message.index];
        for (const { field, error } of message.errors) {
          const key = `${message.index} ${field}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const top = field.split(".")[0] ?? field;
          const path =
            integration?.extra && top in integration.extra
              ? ["receivers", r, "integrations", message.index, "extra", top]
              : ["receivers", r, "integrations", message.index];
          out.error(path, `the ${field} template fails when a ${status} notification is sent: ${error}`);
        }
      }
    }
  });
}
