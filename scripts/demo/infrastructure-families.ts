import { cadvisorFamilies } from "./cadvisor-families";
import { CADVISOR, gauge, NODE, POSTGRES } from "./exporter-helpers";
import { nodeFamilies } from "./node-families";
import type { MetricFamily } from "./openmetrics";
import { postgresFamilies } from "./postgres-families";
import { APP_INSTANCES, type DemoWorld } from "./world";

/**
 * The exporters beside the application: node_exporter on the host, postgres_exporter on the
 * application's database, cAdvisor for the containers, and `up` for every target. Their activity
 * follows the application's traffic.
 */

function upFamily(): MetricFamily {
  const targets = [
    ...APP_INSTANCES.map((instance) => ({ job: "fraiseql", instance: instance.instance })),
    NODE,
    POSTGRES,
    CADVISOR,
  ];
  return gauge(
    "up",
    "Whether the target was scraped successfully.",
    targets.map((labels) => ({ labels, value: () => 1 })),
  );
}

export function infrastructureFamilies(world: DemoWorld): MetricFamily[] {
  return [...nodeFamilies(world), ...postgresFamilies(world), ...cadvisorFamilies(world), upFamily()];
}
