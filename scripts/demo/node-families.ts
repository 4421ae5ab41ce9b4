import {
  appActivity,
  BOOT_TIME_AGO,
  CPUS,
  counter,
  cpuBusy,
  GIB,
  gauge,
  MEMORY_BYTES,
  NODE,
} from "./exporter-helpers";
import { cumulative, type MetricFamily } from "./openmetrics";
import { smoothNoise, stochasticRound } from "./random";
import type { DemoWorld } from "./world";

/** node_exporter on the host the application runs on: CPU, memory, load, filesystems, network, disk. */

const CPU_MODES: ReadonlyArray<readonly [string, number]> = [
  ["user", 0.64],
  ["system", 0.21],
  ["iowait", 0.06],
  ["irq", 0.01],
  ["softirq", 0.04],
  ["steal", 0.02],
  ["nice", 0.02],
];

function memoryAvailable(world: DemoWorld, index: number): number {
  const { load } = appActivity(world, index);
  const noise = smoothNoise(world.random("memory"), world.time(index), 1200);
  return MEMORY_BYTES * (0.56 - 0.18 * load + 0.04 * noise);
}

/** Load average over a window, from the busy share of the CPUs a few steps back. */
function loadAverage(world: DemoWorld, index: number, windowSeconds: number): number {
  const samples = 6;
  let total = 0;
  for (let k = 0; k < samples; k++) {
    const back = Math.max(0, index - Math.round((k * windowSeconds) / samples / world.timeline.stepSeconds));
    for (let cpu = 0; cpu < CPUS; cpu++) total += cpuBusy(world, cpu, back);
  }
  return (total / samples) * 1.1;
}

const FILESYSTEMS = [
  { device: "/dev/sda1", fstype: "ext4", mountpoint: "/", size: 200 * GIB, used: 0.61, growth: 2e4 },
  // Old kernels have filled /boot: DiskSpaceRunningLow fires, so the demo's alerts list is never empty.
  { device: "/dev/sda2", fstype: "ext4", mountpoint: "/boot", size: 1 * GIB, used: 0.88, growth: 0 },
  { device: "tmpfs", fstype: "tmpfs", mountpoint: "/run", size: 1.6 * GIB, used: 0.02, growth: 0 },
];

export function nodeFamilies(world: DemoWorld): MetricFamily[] {
  const time = (index: number) => world.time(index);
  const node = (extra: Record<string, string> = {}) => ({ ...NODE, ...extra });
  const fsAvailable = (fs: (typeof FILESYSTEMS)[number]) => (index: number) =>
    Math.round(
      fs.size * (1 - fs.used) -
        fs.growth * (time(index) - world.timeline.start) -
        fs.size * 0.001 * world.random(fs.device)(index),
    );
  const nicBytes = (factor: number) =>
    cumulative(
      (index) =>
        stochasticRound(appActivity(world, index).operations * factor, world.random(`nic${factor}`)(index)),
      (8e10 * factor) / 4000,
    );
  const diskBytes = (factor: number) =>
    cumulative(
      (index) =>
        Math.round(
          world.timeline.stepSeconds *
            factor *
            (0.3 + appActivity(world, index).load) *
            (1 + world.random(`disk${factor}`)(index)),
        ),
      (3e11 * factor) / 1e6,
    );
  return [
    counter(
      "node_cpu_seconds_total",
      "Seconds the CPUs spent in each mode.",
      Array.from({ length: CPUS }, (_, cpu) => [
        ...CPU_MODES.map(([mode, share]) => ({
          labels: node({ cpu: String(cpu), mode }),
          value: cumulative(
            (index) => cpuBusy(world, cpu, index) * share * world.timeline.stepSeconds,
            BOOT_TIME_AGO * 0.3 * share,
          ),
        })),
        {
          labels: node({ cpu: String(cpu), mode: "idle" }),
          value: cumulative(
            (index) => (1 - cpuBusy(world, cpu, index)) * world.timeline.stepSeconds,
            BOOT_TIME_AGO * 0.7,
          ),
        },
      ]).flat(),
    ),
    gauge("node_memory_MemTotal_bytes", "Memory information field MemTotal_bytes.", [
      { labels: node(), value: () => MEMORY_BYTES },
    ]),
    gauge("node_memory_MemAvailable_bytes", "Memory information field MemAvailable_bytes.", [
      { labels: node(), value: (index) => Math.round(memoryAvailable(world, index)) },
    ]),
    gauge("node_memory_MemFree_bytes", "Memory information field MemFree_bytes.", [
      { labels: node(), value: (index) => Math.round(memoryAvailable(world, index) * 0.32) },
    ]),
    gauge("node_memory_Cached_bytes", "Memory information field Cached_bytes.", [
      { labels: node(), value: (index) => Math.round(memoryAvailable(world, index) * 0.58) },
    ]),
    gauge("node_memory_Buffers_bytes", "Memory information field Buffers_bytes.", [
      { labels: node(), value: () => 412_352_512 },
    ]),
    gauge("node_memory_SwapTotal_bytes", "Memory information field SwapTotal_bytes.", [
      { labels: node(), value: () => 2 * GIB },
    ]),
    gauge("node_memory_SwapFree_bytes", "Memory information field SwapFree_bytes.", [
      { labels: node(), value: () => 2 * GIB - 48_234_496 },
    ]),
    gauge("node_load1", "1m load average.", [
      { labels: node(), value: (index) => loadAverage(world, index, 60) },
    ]),
    gauge("node_load5", "5m load average.", [
      { labels: node(), value: (index) => loadAverage(world, index, 300) },
    ]),
    gauge("node_load15", "15m load average.", [
      { labels: node(), value: (index) => loadAverage(world, index, 900) },
    ]),
    gauge(
      "node_filesystem_size_bytes",
      "Filesystem size in bytes.",
      FILESYSTEMS.map((fs) => ({
        labels: node({ device: fs.device, fstype: fs.fstype, mountpoint: fs.mountpoint }),
        value: () => fs.size,
      })),
    ),
    gauge(
      "node_filesystem_avail_bytes",
      "Filesystem space available to non-root users in bytes.",
      FILESYSTEMS.map((fs) => ({
        labels: node({ device: fs.device, fstype: fs.fstype, mountpoint: fs.mountpoint }),
        value: fsAvailable(fs),
      })),
    ),
    gauge(
      "node_filesystem_free_bytes",
      "Filesystem free space in bytes.",
      FILESYSTEMS.map((fs) => {
        const available = fsAvailable(fs);
        return {
          labels: node({ device: fs.device, fstype: fs.fstype, mountpoint: fs.mountpoint }),
          value: (index: number) => available(index) + Math.round(fs.size * 0.05),
        };
      }),
    ),
    gauge(
      "node_filesystem_readonly",
      "Filesystem read-only status.",
      FILESYSTEMS.map((fs) => ({
        labels: node({ device: fs.device, fstype: fs.fstype, mountpoint: fs.mountpoint }),
        value: () => 0,
      })),
    ),
    counter("node_network_receive_bytes_total", "Network device statistic receive_bytes.", [
      { labels: node({ device: "eth0" }), value: nicBytes(2600) },
      { labels: node({ device: "lo" }), value: nicBytes(900) },
    ]),
    counter("node_network_transmit_bytes_total", "Network device statistic transmit_bytes.", [
      { labels: node({ device: "eth0" }), value: nicBytes(7400) },
      { labels: node({ device: "lo" }), value: nicBytes(901) },
    ]),
    counter("node_disk_read_bytes_total", "The total number of bytes read successfully.", [
      { labels: node({ device: "sda" }), value: diskBytes(1.2e6) },
    ]),
    counter("node_disk_written_bytes_total", "The total number of bytes written successfully.", [
      { labels: node({ device: "sda" }), value: diskBytes(3.1e6) },
    ]),
    gauge("node_boot_time_seconds", "Node boot time, in unixtime.", [
      { labels: node(), value: () => world.timeline.start - BOOT_TIME_AGO },
    ]),
    gauge("node_time_seconds", "System time in seconds since epoch (1970).", [
      { labels: node(), value: time },
    ]),
    gauge("node_uname_info", "Labeled system information as provided by the uname system call.", [
      {
        labels: node({
          domainname: "(none)",
          machine: "x86_64",
          nodename: "demo-host",
          release: "6.1.0-28-amd64",
          sysname: "Linux",
          version: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1",
        }),
        value: () => 1,
      },
    ]),
  ];
}
