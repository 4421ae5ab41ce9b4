/**
 * Every container image of the compose stack, pinned. Updating a component means changing one
 * line here and reviewing the golden diff; `latest` is never used, so a rebuild never upgrades
 * anything by surprise.
 */
export const IMAGE_VERSIONS = {
  prometheus: "prom/prometheus:v3.5.0",
  alertmanager: "prom/alertmanager:v0.28.1",
  grafana: "grafana/grafana:12.1.1",
  loki: "grafana/loki:3.5.3",
  alloy: "grafana/alloy:v1.10.2",
  promtail: "grafana/promtail:3.5.3",
  nodeExporter: "prom/node-exporter:v1.9.1",
  postgresExporter: "quay.io/prometheuscommunity/postgres-exporter:v0.17.1",
  cadvisor: "gcr.io/cadvisor/cadvisor:v0.52.1",
} as const;

export type ImageName = keyof typeof IMAGE_VERSIONS;
