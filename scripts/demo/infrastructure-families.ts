import { cumulative, type MetricFamily, type ScalarSeries } from "./openmetrics";
import { smoothNoise, stochasticRound } from "./random";
import { APP_INSTANCES, type DemoWorld } from "./world";

/**
 * The exporters beside the application: node_exporter on the host, postgres_exporter on the
 * application's database, cAdvisor for the containers, and `up` for every target. Their activity
 * follows the application's traffic.
 */

const NODE = { job: "node", instance: "node-exporter:9100" };
const POSTGRES = { job: "postgres", instance: "postgres-exporter:9187" };
const CADVISOR = { job: "cadvisor", instance: "cadvisor:8080" };
const CPUS = 4;
const GIB = 1024 ** 3;
const MEMORY_BYTES = 16 * GIB;
const BOOT_TIME_AGO = 9 * 86_400;

const CPU_MODES: ReadonlyArray<readonly [string, number]> = [
  ["user", 0.64],
  ["system", 0.21],
  ["iowait", 0.06],
  ["irq", 0.01],
  ["softirq", 0.04],
  ["steal", 0.02],
  ["nice", 0.02],
];

function gauge(name: string, help: string, series: ScalarSeries[]): MetricFamily {
  return { type: "gauge", name, help, series };
}

function counter(name: string, help: string, series: ScalarSeries[]): MetricFamily {
  return { type: name.endsWith("_total") ? "counter" : "unknown", name, help, series };
}

/** Total traffic of all application instances this step, relative to one instance's peak. */
function appActivity(
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

function cpuBusy(world: DemoWorld, cpu: number, index: number): number {
  const { load, incident } = appActivity(world, index);
  const noise = smoothNoise(world.random(`cpu${cpu}`), world.time(index), 90);
  return Math.min(0.97, Math.max(0.02, 0.08 + 0.5 * load + 0.12 * incident + 0.05 * noise));
}

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

function nodeFamilies(world: DemoWorld): MetricFamily[] {
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

const DATABASES = [
  { datid: "16384", datname: "app", share: 1, size: 6.4 * GIB, growth: 2400 },
  { datid: "5", datname: "postgres", share: 0.01, size: 7.6e6, growth: 0 },
];

const LOCK_MODES = ["accesssharelock", "rowexclusivelock", "rowsharelock", "exclusivelock"] as const;
const LOCKS_PER_CONNECTION = [2, 0.6, 0.2, 0.05] as const;

function postgresFamilies(world: DemoWorld): MetricFamily[] {
  const pg = (extra: Record<string, string> = {}) => ({ ...POSTGRES, ...extra });
  const perDatabase = (
    name: string,
    help: string,
    perOperation: number,
    options: { prior?: number; jitter?: number } = {},
  ): MetricFamily =>
    counter(
      name,
      help,
      DATABASES.map((db) => ({
        labels: pg({ datid: db.datid, datname: db.datname }),
        value: cumulative(
          (index) =>
            stochasticRound(
              appActivity(world, index).operations *
                perOperation *
                db.share *
                (1 + (options.jitter ?? 0) * world.random(`${name}:${db.datname}`)(index)),
              world.random(`${name}:${db.datname}:round`)(index),
            ),
          Math.round((options.prior ?? 5e6) * perOperation * db.share),
        ),
      })),
    );
  const backends = (db: (typeof DATABASES)[number]) => (index: number) => {
    if (db.share < 1) return 1;
    let connections = 0;
    for (const instance of APP_INSTANCES) connections += instance.poolSize;
    // The pools hold their connections open; the exporter and an occasional psql session add a few.
    return connections + 1 + Math.floor(world.random("backends")(index) * 3);
  };
  const activeConnections = (index: number) => {
    let active = 0;
    for (const instance of APP_INSTANCES) active += world.app(instance, index).poolActive;
    return active;
  };
  return [
    gauge(
      "pg_up",
      "Whether the last scrape of metrics from PostgreSQL was able to connect to the server (1 for yes, 0 for no).",
      [{ labels: pg(), value: () => 1 }],
    ),
    gauge("pg_settings_max_connections", "Server Parameter: max_connections", [
      { labels: pg({ server: "postgres:5432" }), value: () => 100 },
    ]),
    gauge("pg_postmaster_start_time_seconds", "Time at which postmaster started", [
      { labels: pg(), value: () => world.timeline.start - BOOT_TIME_AGO + 40 },
    ]),
    gauge(
      "pg_stat_database_numbackends",
      "Number of backends currently connected to this database.",
      DATABASES.map((db) => ({
        labels: pg({ datid: db.datid, datname: db.datname }),
        value: backends(db),
      })),
    ),
    perDatabase(
      "pg_stat_database_xact_commit",
      "Number of transactions in this database that have been committed",
      1.05,
    ),
    perDatabase(
      "pg_stat_database_xact_rollback",
      "Number of transactions in this database that have been rolled back",
      0.004,
      { jitter: 3 },
    ),
    perDatabase(
      "pg_stat_database_blks_hit",
      "Number of times disk blocks were found already in the buffer cache",
      42,
    ),
    perDatabase("pg_stat_database_blks_read", "Number of disk blocks read in this database", 0.6, {
      jitter: 1.5,
    }),
    perDatabase("pg_stat_database_tup_returned", "Number of rows returned by queries in this database", 120),
    perDatabase("pg_stat_database_tup_fetched", "Number of rows fetched by queries in this database", 38),
    perDatabase("pg_stat_database_tup_inserted", "Number of rows inserted by queries in this database", 0.3),
    perDatabase("pg_stat_database_tup_updated", "Number of rows updated by queries in this database", 0.18),
    perDatabase("pg_stat_database_tup_deleted", "Number of rows deleted by queries in this database", 0.02),
    perDatabase("pg_stat_database_deadlocks", "Number of deadlocks detected in this database", 0.000004, {
      jitter: 4,
    }),
    perDatabase(
      "pg_stat_database_conflicts",
      "Number of queries canceled due to conflicts with recovery in this database",
      0,
    ),
    perDatabase(
      "pg_stat_database_temp_files",
      "Number of temporary files created by queries in this database",
      0.0004,
    ),
    gauge(
      "pg_database_size_bytes",
      "Disk space used by the database",
      DATABASES.map((db) => ({
        labels: pg({ datname: db.datname }),
        value: (index: number) =>
          Math.round(db.size + db.growth * (world.time(index) - world.timeline.start)),
      })),
    ),
    gauge(
      "pg_stat_activity_count",
      "number of connections in this state",
      DATABASES.flatMap((db) =>
        (["active", "idle", "idle in transaction"] as const).map((state) => ({
          labels: pg({ datname: db.datname, state }),
          value: (index: number) => {
            if (db.share < 1) return state === "idle" ? 1 : 0;
            const active = activeConnections(index);
            const total = backends(db)(index);
            if (state === "active") return active;
            if (state === "idle in transaction") return Math.round(world.random("idle-tx")(index) * 2);
            return Math.max(0, total - active);
          },
        })),
      ),
    ),
    gauge(
      "pg_stat_activity_max_tx_duration",
      "max duration in seconds any active transaction has been running",
      DATABASES.flatMap((db) =>
        (["active", "idle in transaction"] as const).map((state) => ({
          labels: pg({ datname: db.datname, state }),
          value: (index: number) =>
            db.share < 1
              ? 0
              : Math.round(
                  (0.05 +
                    appActivity(world, index).incident * 4 +
                    world.random(`maxtx:${state}`)(index) * 0.4) *
                    1000,
                ) / 1000,
        })),
      ),
    ),
    gauge(
      "pg_locks_count",
      "Number of locks",
      DATABASES.flatMap((db) =>
        LOCK_MODES.map((mode, position) => ({
          labels: pg({ datname: db.datname, mode }),
          value: (index: number) =>
            db.share < 1
              ? 0
              : Math.round(
                  activeConnections(index) *
                    (LOCKS_PER_CONNECTION[position] ?? 0) *
                    (1 + world.random(`lock:${mode}`)(index)),
                ),
        })),
      ),
    ),
    gauge("pg_replication_lag_seconds", "Replication lag behind master in seconds", [
      { labels: pg(), value: () => 0 },
    ]),
    gauge("pg_replication_is_replica", "Indicates if the server is a replica", [
      { labels: pg(), value: () => 0 },
    ]),
  ];
}

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

function cadvisorFamilies(world: DemoWorld): MetricFamily[] {
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
