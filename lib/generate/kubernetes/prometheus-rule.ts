import type { Project } from "../../model";
import { projectSlug } from "../names";
import { type PrometheusRuleGroup, prometheusRuleGroups } from "../prometheus/rule-groups";
import { type ObjectMeta, objectMeta, releaseLabels } from "./resources";

export interface PrometheusRuleManifest {
  apiVersion: "monitoring.coreos.com/v1";
  kind: "PrometheusRule";
  metadata: ObjectMeta;
  spec: { groups: PrometheusRuleGroup[] };
}

/** The same groups as the compose stack's rule files, for the operator's Prometheus. */
export function prometheusRuleManifest(project: Project): PrometheusRuleManifest {
  return {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: objectMeta(project, `${projectSlug(project)}-rules`, releaseLabels(project)),
    spec: { groups: prometheusRuleGroups(project) },
  };
}
