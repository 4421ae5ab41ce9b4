import {
  appActivity,
  BOOT_TIME_AGO,
  CADVISOR,
  CPUS,
  counter,
  cpuBusy,
  GIB,
  gauge,
  MEMORY_BYTES,
} from "./exporter-helpers";
import { cumulative, type MetricFamily } from "./openmetrics";
import { smoothNoise } from "./random";
import { APP_INSTANCES, type DemoWorld } from "./world";

/** cAdvisor: the containers of the stack, and the root cgroup without a name. */

const CONTAINERS = [
  ...APP_INSTANCES.map((instance) => ({
    name: instance.container,
    image: "fraiseql/fraiseql:2",
    cpu: 0.32,
    memory: 420e6,
    limit: GIB,
  })),
  { name: "postgres", image: "postgres:17", cpu: 0.45, memory: 2.1 * GIB, limit: 4 * GIB },
  { name: "prometheus", image: "prom/prometheus:v3", cpu: 0.05, memory: 380e6, limit: 0 },
  { name: "grafana", image: "grafana/grafana:12", cpu: 0.02, memory: 160e6, limit: 0 },
];

export function cadvisorFamilies(world: DemoWorld): MetricFamily[] {
  const labels = (container: (typeof CONTAINERS)[number]) => ({
    ...CADVISOR,
    id: `/docker/${container.name.padEnd(12, "0")}`,
    image: container.image,
    name: container.name,
  });
  const busy = (container: (typeof CONTAINERS)[number], index: number) => {
    const { load, incident } = appActivity(world, index);
    return (
      container.cpu * (0.3 + load + incident * 0.6) * (1 + 0.1 * world.random(`c:${container.name}`)(index))
    );
  };
  return [
    counter("container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.", [
      ...CONTAINERS.map((container) => ({
        labels: { ...labels(container), cpu: "total" },
        value: cumulative(
          (index) => busy(container, index) * world.timeline.stepSeconds,
          86_400 * container.cpu,
        ),
      })),
      // The root cgroup, which has no container name.
      {
        labels: { ...CADVISOR, id: "/", cpu: "total" },
        value: cumulative((index) => {
          let total = 0;
          for (let cpu = 0; cpu < CPUS; cpu++) total += cpuBusy(world, cpu, index);
          return total * world.timeline.stepSeconds;
        }, BOOT_TIME_AGO),
      },
    ]),
    gauge(
      "container_memory_working_set_bytes",
      "Current working set in bytes.",
      CONTAINERS.map((container) => ({
        labels: labels(container),
        value: (index: number) =>
          Math.round(
            container.memory *
              (0.9 +
                0.15 * appActivity(world, index).load +
                0.03 * smoothNoise(world.random(`m:${container.name}`), world.time(index), 600)),
          ),
      })),
    ),
    gauge(
      "container_spec_memory_limit_bytes",
      "Memory limit for the container.",
      CONTAINERS.map((container) => ({
        labels: labels(container),
        value: () => container.limit,
      })),
    ),
    gauge(
      "container_last_seen",
      "Last time a container was seen by the exporter",
      CONTAINERS.map((container) => ({
        labels: labels(container),
        value: (index: number) => world.time(index),
      })),
    ),
    gauge("machine_cpu_cores", "Number of logical CPU cores.", [
      { labels: { ...CADVISOR }, value: () => CPUS },
    ]),
    gauge("machine_memory_bytes", "Amount of memory installed on the machine.", [
      { labels: { ...CADVISOR }, value: () => MEMORY_BYTES },
    ]),
  ];
}
