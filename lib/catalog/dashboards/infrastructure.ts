import type { Dashboard } from "../../model";
import type { CatalogContext } from "../context";
import { dashboard, promTarget, row, targets, trafficLight } from "../factories";
import type { DashboardEntry } from "../types";
import { prometheusLabelVariable, tableLegend } from "./shared";

/**
 * Hosts (node_exporter) and containers (cAdvisor). Replaces seed 000's "AWS" dashboard: the stack
 * runs anywhere, so it watches the machines and containers rather than a cloud account.
 */

const NODE = 'instance=~"$node"';
const CONTAINER = 'name=~"$container"';
/** Real filesystems only: skip tmpfs, overlay layers and other pseudo mounts. */
const REAL_FS = `${NODE},fstype!~"tmpfs|overlay|squashfs|ramfs|nsfs|autofs"`;

function build(context: CatalogContext): Dashboard {
  const cores = `count(node_cpu_seconds_total{${NODE},mode="idle"})`;
  return dashboard({
    uid: "fraiseql-infrastructure",
    title: "Infrastructure",
    description:
      "CPU, memory, disk, network and load of the hosts (node_exporter) and their containers (cAdvisor).",
    tags: ["fraiseql", "infrastructure", "hosts", "containers"],
    catalogId: "infrastructure",
    variables: [
      prometheusLabelVariable(context, "node", "Host", "label_values(node_uname_info, instance)"),
      prometheusLabelVariable(
        context,
        "container",
        "Container",
        'label_values(container_last_seen{name!=""}, name)',
      ),
    ],
    panels: [
      row("Hosts"),
      {
        type: "gauge",
        title: "CPU busy",
        description: "Share of CPU time not idle, across the selected hosts.",
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: trafficLight(0.8, 0.9),
        targets: [
          promTarget(
            `1 - avg(rate(node_cpu_seconds_total{${NODE},mode="idle"}[$__rate_interval]))`,
            "CPU busy",
          ),
        ],
      },
      {
        type: "gauge",
        title: "Memory used",
        description: "Memory in use (total minus available), across the selected hosts.",
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: trafficLight(0.85, 0.95),
        targets: [
          promTarget(
            `1 - sum(node_memory_MemAvailable_bytes{${NODE}}) / sum(node_memory_MemTotal_bytes{${NODE}})`,
            "memory used",
          ),
        ],
      },
      {
        type: "gauge",
        title: "Root disk used",
        description: "Space used on / of the fullest selected host.",
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: trafficLight(0.85, 0.95),
        targets: [
          promTarget(
            `max(1 - node_filesystem_avail_bytes{${REAL_FS},mountpoint="/"} / node_filesystem_size_bytes{${REAL_FS},mountpoint="/"})`,
            "root disk used",
          ),
        ],
      },
      {
        type: "stat",
        title: "Load per core (1m)",
        description: "1-minute load average over the number of cores; above 1 means work is queueing.",
        unit: "short",
        decimals: 2,
        h: 6,
        thresholds: trafficLight(0.8, 1.5),
        targets: [promTarget(`sum(node_load1{${NODE}}) / ${cores}`, "load per core")],
      },
      {
        type: "timeseries",
        title: "CPU usage by mode",
        unit: "percentunit",
        decimals: 1,
        stacking: "normal",
        fillOpacity: 50,
        max: 1,
        targets: [
          promTarget(
            `sum by (mode) (rate(node_cpu_seconds_total{${NODE},mode!="idle"}[$__rate_interval])) / scalar(${cores})`,
            "{{mode}}",
          ),
        ],
      },
      {
        type: "timeseries",
        title: "Memory",
        unit: "bytes",
        legend: tableLegend(["mean", "max", "lastNotNull"]),
        targets: targets(
          promTarget(
            `sum by (instance) (node_memory_MemTotal_bytes{${NODE}} - node_memory_MemAvailable_bytes{${NODE}})`,
            "{{instance}} used",
          ),
          promTarget(`sum by (instance) (node_memory_MemTotal_bytes{${NODE}})`, "{{instance}} total"),
        ),
      },
      {
        type: "timeseries",
        title: "Load average",
        unit: "short",
        decimals: 2,
        targets: targets(
          promTarget(`sum by (instance) (node_load1{${NODE}})`, "{{instance}} 1m"),
          promTarget(`sum by (instance) (node_load5{${NODE}})`, "{{instance}} 5m"),
          promTarget(`sum by (instance) (node_load15{${NODE}})`, "{{instance}} 15m"),
        ),
      },
      {
        type: "timeseries",
        title: "Filesystem usage",
        unit: "percentunit",
        decimals: 1,
        max: 1,
        thresholds: trafficLight(0.85, 0.95),
        targets: [
          promTarget(
            `1 - node_filesystem_avail_bytes{${REAL_FS}} / node_filesystem_size_bytes{${REAL_FS}}`,
            "{{instance}} {{mountpoint}}",
          ),
        ],
      },
      {
        type: "timeseries",
        title: "Disk I/O",
        description: "Bytes read (positive) and written (negative) per second.",
        unit: "Bps",
        targets: targets(
          promTarget(
            `sum by (instance) (rate(node_disk_read_bytes_total{${NODE}}[$__rate_interval]))`,
            "{{instance}} read",
          ),
          promTarget(
            `-sum by (instance) (rate(node_disk_written_bytes_total{${NODE}}[$__rate_interval]))`,
            "{{instance}} written",
          ),
        ),
      },
      {
        type: "timeseries",
        title: "Network traffic",
        description: "Bytes received (positive) and sent (negative) per second, loopback excluded.",
        unit: "Bps",
        targets: targets(
          promTarget(
            `sum by (instance) (rate(node_network_receive_bytes_total{${NODE},device!="lo"}[$__rate_interval]))`,
            "{{instance}} received",
          ),
          promTarget(
            `-sum by (instance) (rate(node_network_transmit_bytes_total{${NODE},device!="lo"}[$__rate_interval]))`,
            "{{instance}} sent",
          ),
        ),
      },

      row("Containers"),
      {
        type: "timeseries",
        title: "Container CPU",
        description: "CPU cores used per container.",
        unit: "short",
        decimals: 2,
        legend: tableLegend(),
        targets: [
          promTarget(
            `sum by (name) (rate(container_cpu_usage_seconds_total{${CONTAINER},name!=""}[$__rate_interval]))`,
            "{{name}}",
          ),
        ],
      },
      {
        type: "timeseries",
        title: "Container memory",
        description:
          "Working set per container: the memory the kernel cannot reclaim, which the OOM killer looks at.",
        unit: "bytes",
        legend: tableLegend(),
        targets: [
          promTarget(`sum by (name) (container_memory_working_set_bytes{${CONTAINER},name!=""})`, "{{name}}"),
        ],
      },
      {
        type: "bargauge",
        title: "Container memory vs limit",
        description: "Working set over the memory limit, for containers that have one.",
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: trafficLight(0.8, 0.95),
        targets: [
          promTarget(
            `sum by (name) (container_memory_working_set_bytes{${CONTAINER},name!=""}) / sum by (name) (container_spec_memory_limit_bytes{${CONTAINER},name!=""} > 0)`,
            "{{name}}",
            { instant: true },
          ),
        ],
      },
      {
        type: "table",
        title: "Scrape targets",
        description: "Every target Prometheus scrapes and whether the last scrape succeeded (up = 1).",
        w: 12,
        sortBy: [{ displayName: "Value", desc: false }],
        targets: [promTarget("up", "{{job}} {{instance}}", { instant: true, format: "table" })],
      },
    ],
  });
}

export const infrastructureDashboard: DashboardEntry = {
  id: "infrastructure",
  title: "Infrastructure",
  description:
    "node_exporter CPU, memory, disk, network and load; cAdvisor container CPU and memory; scrape target health. Replaces seed 000's AWS dashboard.",
  source: "seed-000",
  level: "basic",
  datasources: ["prometheus"],
  build,
};
