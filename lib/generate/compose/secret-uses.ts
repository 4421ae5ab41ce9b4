import { verbatimSecretUses } from "../literal-secrets";
import type { Project } from "../../model";

/** The service that reads a secret: as a mounted file (Prometheus, Alertmanager) or an env var (Grafana). */
export type SecretConsumer = "prometheus" | "alertmanager" | "grafana";

export interface SecretUse {
  secret: string;
  consumer: SecretConsumer;
  /** For people filling in `.env`: what breaks without it. */
  description: string;
}

/**
 * Where each secret of the project is used, in project order. It walks the same fields as
 * `collectSecrets`; a test checks that both name the same secrets.
 */
export function secretUses(project: Project): SecretUse[] {
  const uses: SecretUse[] = [];
  for (const target of project.scrapeTargets) {
    if (target.bearerToken)
      uses.push({
        secret: target.bearerToken.secret,
        consumer: "prometheus",
        description: `bearer token of Prometheus scrape job "${target.job}"`,
      });
  }
  for (const datasource of project.datasources) {
    if (datasource.type === "postgres")
      uses.push({
        secret: datasource.password.secret,
        consumer: "grafana",
        description: `password of Grafana datasource "${datasource.name}" (user ${datasource.user})`,
      });
  }
  for (const receiver of project.receivers) {
    const onReceiver = (secret: string, what: string): void => {
      uses.push({
        secret,
        consumer: "alertmanager",
        description: `${what} of Alertmanager receiver "${receiver.name}"`,
      });
    };
    for (const integration of receiver.integrations) {
      switch (integration.type) {
        case "slack":
          onReceiver(integration.apiUrl.secret, "Slack webhook URL");
          break;
        case "email":
          if (integration.authPassword) onReceiver(integration.authPassword.secret, "SMTP password");
          break;
        case "pagerduty":
          onReceiver(integration.routingKey.secret, "PagerDuty routing key");
          break;
        case "webhook":
          if (integration.authorization)
            onReceiver(integration.authorization.credentials.secret, "webhook Authorization credentials");
          if (integration.basicAuth)
            onReceiver(integration.basicAuth.password.secret, "webhook basic auth password");
          break;
        default: {
          const exhaustive: never = integration;
          throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
        }
      }
    }
  }
  for (const use of verbatimSecretUses(project))
    uses.push({
      secret: use.secret,
      consumer: "alertmanager",
      description: use.receiver
        ? `${use.path} of Alertmanager receiver "${use.receiver}"`
        : `${use.path} of the Alertmanager configuration`,
    });
  return uses;
}

/** The secrets one service reads, sorted and without repeats. */
export function secretsReadBy(project: Project, consumer: SecretConsumer): string[] {
  const names = secretUses(project)
    .filter((use) => use.consumer === consumer)
    .map((use) => use.secret);
  return [...new Set(names)].sort();
}
