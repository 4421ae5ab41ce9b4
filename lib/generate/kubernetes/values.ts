import type { Datasource, Project } from "../../model";
import { type ProvisionedDatasource, toProvisionedDatasource } from "../grafana";
import { secretFileName } from "../names";
import { GENERATED_HEADER, toYaml } from "../yaml";
import { GRAFANA_DASHBOARD_LABEL, GRAFANA_DASHBOARD_LABEL_VALUE } from "./dashboards";
import { grafanaSecretName } from "./resources";
import { grafanaSecretRefs } from "./secrets";

type LabelSelector = { matchLabels: Record<string, string> };

export interface KubePrometheusStackValues {
  prometheus: {
    prometheusSpec: {
      retention: string;
      ruleSelector: LabelSelector;
      serviceMonitorSelector: LabelSelector;
    };
  };
  alertmanager: {
    alertmanagerSpec: {
      alertmanagerConfigSelector: LabelSelector;
      alertmanagerConfigMatcherStrategy: { type: "None" };
    };
  };
  grafana: {
    sidecar: {
      datasources?: { defaultDatasourceEnabled: true; uid: string; name: string };
      dashboards: { enabled: true; label: string; labelValue: string; searchNamespace: string };
    };
    additionalDataSources?: ProvisionedDatasource[];
    envValueFrom?: Record<string, { secretKeyRef: { name: string; key: string } }>;
  };
}

/** The Prometheus the chart provisions itself; the dashboards expect the model's uid for it. */
function primaryPrometheus(project: Project): Datasource | undefined {
  const prometheus = project.datasources.filter((ds) => ds.type === "prometheus");
  return prometheus.find((ds) => ds.isDefault) ?? prometheus[0];
}

/** `helm install -f values.yaml` settings that make the chart pick up the generated manifests. */
export function kubePrometheusStackValues(project: Project): KubePrometheusStackValues {
  const release = { matchLabels: { release: project.kubernetes.releaseLabel } };
  const primary = primaryPrometheus(project);
  // The chart's Prometheus is the default datasource; Grafana refuses a second default.
  const additional = project.datasources
    .filter((ds) => ds !== primary)
    .map((ds) => ({ ...toProvisionedDatasource(ds), isDefault: false }));
  const secrets = grafanaSecretRefs(project);
  const grafana: KubePrometheusStackValues["grafana"] = {
    sidecar: {
      ...(primary
        ? { datasources: { defaultDatasourceEnabled: true, uid: primary.uid, name: primary.name } }
        : {}),
      dashboards: {
        enabled: true,
        label: GRAFANA_DASHBOARD_LABEL,
        labelValue: GRAFANA_DASHBOARD_LABEL_VALUE,
        searchNamespace: project.kubernetes.namespace,
      },
    },
  };
  if (additional.length > 0) grafana.additionalDataSources = additional;
  if (secrets.length > 0) {
    // The datasources read `$__env{NAME}`; the chart fills those variables from the Grafana Secret.
    grafana.envValueFrom = Object.fromEntries(
      secrets.map((ref) => [
        ref.secret,
        { secretKeyRef: { name: grafanaSecretName(project), key: secretFileName(ref) } },
      ]),
    );
  }
  return {
    prometheus: {
      prometheusSpec: {
        retention: project.retention.metrics,
        ruleSelector: release,
        serviceMonitorSelector: release,
      },
    },
    alertmanager: {
      alertmanagerSpec: {
        alertmanagerConfigSelector: release,
        // By default the operator only routes alerts whose namespace label is the
        // AlertmanagerConfig's own; aggregated alerts (sum by ...) have none and would be dropped.
        alertmanagerConfigMatcherStrategy: { type: "None" },
      },
    },
    grafana,
  };
}

const VALUES_HEADER = [
  GENERATED_HEADER,
  `# Values for the kube-prometheus-stack chart, installed as the Helm release "RELEASE".`,
  "# The release name must equal the release label: the operator selects the manifests by it.",
  "# Datasource URLs come from the project model; check that they resolve inside the cluster.",
].join("\n");

export function valuesYaml(project: Project): string {
  const header = VALUES_HEADER.replace("RELEASE", project.kubernetes.releaseLabel);
  return toYaml(kubePrometheusStackValues(project), header);
}
