import type { MetricFamily, ScalarSeries } from "./openmetrics";
import { smoothNoise } from "./random";
import { APP_INSTANCES, type DemoWorld } from "./world";

/** What the exporter families share: their targets, the host's size, and the activity they follow. */

export const NODE = { job: "node", instance: "node-exporter:9100" };
export const POSTGRES = { job: "postgres", instance: "postgres-exporter:9187" };
export const CADVISOR = { job: "cadvisor", instance: "cadvisor:8080" };
export const CPUS = 4;
export const GIB = 1024 ** 3;
export const MEMORY_BYTES = 16 * GIB;
/** The host booted this long before the window starts. */
export const BOOT_TIME_AGO = 9 * 86_400;

export function gauge(name: string, help: string, series: ScalarSeries[]): MetricFamily {
  return { type: "gauge", name, help, series };
}

/** A counter; exporters' counters without `_total` become `unknown` (see MetricFamily). */
export function counter(name: string, help: string, series: ScalarSeries[]): MetricFamily {
  return { type: name.endsWith("_total") ? "counter" : "unknown", name, help, series };
}

/** Total traffic of all application instances this step, relative to one instance's peak. */
export function appActivity(
  world: DemoWorld,
  index: number,
): { load: number; incident: number; operations: number } {
  let load = 0;
  let incident = 0;
  let operations = 0;
  for (const instance of APP_INSTANCES) {
    const step = world.app(instance, index);
    load += step.load / APP_INSTANCES.length;
    incident = Math.max(incident, step.incident);
    operations += step.graphqlOperations;
  }
  return { load, incident, operations };
}

export function cpuBusy(world: DemoWorld, cpu: number, index: number): number {
  const { load, incident } = appActivity(world, index);
  const noise = smoothNoise(world.random(`cpu${cpu}`), world.time(index), 90);
  return Math.min(0.97, Math.max(0.02, 0.08 + 0.5 * load + 0.12 * incident + 0.05 * noise));
}
