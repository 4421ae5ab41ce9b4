import type { AlertingRule } from "../../model";
import type { CatalogContext } from "../context";
import type { RuleEntry } from "../types";
import {
  appLogs,
  code,
  DASHBOARD_UIDS,
  defineRule,
  NODE_TARGET,
  POSTGRES_TARGET,
  quoted,
  runbook,
  series,
} from "./shared";

/**
 * Host resources from node_exporter (seed 003, merged with seed 000's identical CPU and memory
 * alerts), seed 000's lower disk threshold, and database growth from postgres_exporter.
 */

export const highMemoryUsage: RuleEntry = {
  id: "HighMemoryUsage",
  category: "resources",
  level: "basic",
  source: "seed-003",
  build(context) {
    const usage = "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes";
    const memory = (available: string) => [
      series("node_memory_MemTotal_bytes", NODE_TARGET, "8000000000x10"),
      series("node_memory_MemAvailable_bytes", NODE_TARGET, `${available}x10`),
    ];
    return defineRule(context, {
      alert: "HighMemoryUsage",
      expr: `${usage} > 0.85`,
      for: "5m",
      labels: { severity: "warning", category: "resources" },
      annotations: {
        summary: "Memory use on {{ $labels.instance }} is {{ $value | humanizePercentage }}",
        description:
          "{{ $labels.instance }} has used {{ $value | humanizePercentage }} of its memory for 5 minutes (threshold 85%).",
      },
      dashboardUid: DASHBOARD_UIDS.infrastructure,
      runbook: runbook({
        meaning:
          "Less than 15% of the host's memory has been available (MemAvailable: free memory plus reclaimable cache) for 5 minutes.",
        impact:
          "Next comes swapping, which slows everything, then the kernel's OOM killer, which usually picks the biggest process: the database or the application.",
        diagnosis: [
          `Graph memory use and find when it started growing:${code("promql", usage)}`,
          `Check whether the OOM killer already struck:${code("promql", "increase(node_vmstat_oom_kill[1h])")}`,
          `Find the biggest processes on the host:${code("shell", "ps aux --sort=-rss | head -15\ndocker stats --no-stream")}`,
          `Look for out-of-memory errors in the application:${code("logql", appLogs(context, "(out of memory|oom)"))}`,
        ],
        mitigation: [
          "Restart the process that leaks (memory that only grows between deployments is a leak) and open a bug.",
          "Lower PostgreSQL's `shared_buffers`/`work_mem` or the application's cache size if they outgrew the host.",
          "Add memory or move a service to another host.",
        ],
      }),
      tests: [
        {
          description: "90% of memory in use",
          inputSeries: memory("800000000"),
          evalTime: "8m",
          fires: true,
          labels: NODE_TARGET,
          value: 1 - 800000000 / 8000000000,
        },
        {
          description: "half the memory in use",
          inputSeries: memory("4000000000"),
          evalTime: "8m",
          fires: false,
        },
      ],
    });
  },
};

export const highCpuUsage: RuleEntry = {
  id: "HighCPUUsage",
  category: "resources",
  level: "basic",
  source: "seed-003",
  build(context) {
    const usage = '1 - avg by (job, instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))';
    // Two CPUs whose idle counters advance `idleSecondsPerMinute` each minute.
    const cpus = (idleSecondsPerMinute: number) =>
      ["0", "1"].map((cpu) =>
        series(
          "node_cpu_seconds_total",
          { ...NODE_TARGET, cpu, mode: "idle" },
          `0+${idleSecondsPerMinute}x20`,
        ),
      );
    return defineRule(context, {
      alert: "HighCPUUsage",
      expr: `${usage} > 0.8`,
      for: "5m",
      labels: { severity: "warning", category: "resources" },
      annotations: {
        summary: "CPU use on {{ $labels.instance }} is {{ $value | humanizePercentage }}",
        description:
          "{{ $labels.instance }} has been {{ $value | humanizePercentage }} busy on average over its CPUs for 5 minutes (threshold 80%).",
      },
      dashboardUid: DASHBOARD_UIDS.infrastructure,
      runbook: runbook({
        meaning: "The host's CPUs have been more than 80% busy on average for 5 minutes.",
        impact: "Requests wait for CPU time: latency rises across every service on the host.",
        diagnosis: [
          `See which mode burns the CPU (user: application work; system: kernel; iowait: disks):${code(
            "promql",
            'sum by (instance, mode) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))',
          )}`,
          `Compare with the load average per CPU:${code("promql", 'node_load5 / count by (instance) (node_cpu_seconds_total{mode="idle"})')}`,
          `Find the busiest processes and containers:${code("shell", "top -b -n 1 | head -20\ndocker stats --no-stream")}`,
          `If PostgreSQL is busy, list its most expensive statements:${code(
            "sql",
            "SELECT calls, round(total_exec_time) AS total_ms, left(query, 80) AS query\nFROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10;",
          )}`,
          `Check whether traffic grew:${code("promql", `sum(rate(fraiseql_http_requests_total{job=${quoted(context.appJob)}}[5m]))`)}`,
        ],
        mitigation: [
          "If traffic grew, scale out the application.",
          "If one query or job burns the CPU, fix or reschedule it.",
          "If iowait dominates, the disks are the bottleneck, not the CPUs.",
        ],
      }),
      tests: [
        {
          description: "CPUs 90% busy",
          inputSeries: cpus(6),
          evalTime: "15m",
          fires: true,
          labels: NODE_TARGET,
          value: 0.9,
        },
        { description: "CPUs 10% busy", inputSeries: cpus(54), evalTime: "15m", fires: false },
      ],
    });
  },
};

const REAL_FILESYSTEMS = 'fstype!~"tmpfs|ramfs|overlay|squashfs"';
const ROOT_FILESYSTEM = { ...NODE_TARGET, device: "/dev/sda1", fstype: "ext4", mountpoint: "/" };

function diskRule(
  context: CatalogContext,
  options: { alert: string; threshold: number; severity: "warning" | "critical"; for: string; left: number },
): AlertingRule {
  const free = `node_filesystem_avail_bytes{${REAL_FILESYSTEMS}} / node_filesystem_size_bytes{${REAL_FILESYSTEMS}}`;
  const percent = `${Math.round(options.threshold * 100)}%`;
  const disk = (availableBytes: number) => [
    series("node_filesystem_size_bytes", ROOT_FILESYSTEM, "100000000000x30"),
    series("node_filesystem_avail_bytes", ROOT_FILESYSTEM, `${availableBytes}x30`),
    // An almost full tmpfs must not count: it is memory, and it empties on reboot.
    series(
      "node_filesystem_size_bytes",
      { ...NODE_TARGET, device: "tmpfs", fstype: "tmpfs", mountpoint: "/run" },
      "100000000x30",
    ),
    series(
      "node_filesystem_avail_bytes",
      { ...NODE_TARGET, device: "tmpfs", fstype: "tmpfs", mountpoint: "/run" },
      "1000000x30",
    ),
  ];
  return defineRule(context, {
    alert: options.alert,
    expr: `${free} < ${options.threshold}`,
    for: options.for,
    labels: { severity: options.severity, category: "resources" },
    annotations: {
      summary:
        "Only {{ $value | humanizePercentage }} disk space left on {{ $labels.instance }} {{ $labels.mountpoint }}",
      description: `Filesystem {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} has {{ $value | humanizePercentage }} space left (threshold ${percent}).`,
    },
    dashboardUid: DASHBOARD_UIDS.infrastructure,
    runbook: runbook({
      meaning: `A real (not in-memory) filesystem has had less than ${percent} of its space free for ${options.for}.`,
      impact:
        "When the disk fills up, PostgreSQL stops accepting writes and may shut down, Prometheus and Loki stop ingesting, and containers fail to start.",
      diagnosis: [
        `Graph free space and estimate when it runs out:${code(
          "promql",
          `${free}\npredict_linear(node_filesystem_avail_bytes{${REAL_FILESYSTEMS}}[6h], 24 * 3600) < 0`,
        )}`,
        `Find what uses the space on the host:${code("shell", "df -h\nsudo du -xh / --max-depth=2 2>/dev/null | sort -h | tail -20\ndocker system df")}`,
        `Check the database's share:${code("sql", "SELECT datname, pg_size_pretty(pg_database_size(datname)) FROM pg_database ORDER BY pg_database_size(datname) DESC;")}`,
        `Look for write failures:${code("logql", appLogs(context, "(no space left|disk full)"))}`,
      ],
      mitigation: [
        "Free space quickly: `docker system prune`, rotate or delete old logs, drop old backups from the host.",
        "Shorten Prometheus or Loki retention if their data grew.",
        "Grow the volume; PostgreSQL must never run out of space for its WAL.",
      ],
    }),
    tests: [
      {
        description: `${options.left}% left on /`,
        inputSeries: disk(options.left * 1_000_000_000),
        evalTime: "25m",
        fires: true,
        labels: ROOT_FILESYSTEM,
        value: (options.left * 1_000_000_000) / 100_000_000_000,
      },
      { description: "half the disk free", inputSeries: disk(50_000_000_000), evalTime: "25m", fires: false },
    ],
  });
}

export const diskSpaceRunningLow: RuleEntry = {
  id: "DiskSpaceRunningLow",
  category: "resources",
  level: "basic",
  source: "seed-003",
  build: (context) =>
    diskRule(context, {
      alert: "DiskSpaceRunningLow",
      threshold: 0.15,
      severity: "warning",
      for: "15m",
      left: 12,
    }),
};

/**
 * Seed 000's "Disk Space < 10% free". Seed 000 calls it a warning; next to DiskSpaceRunningLow
 * (a warning at 15%) the lower threshold only adds something as the escalation, so it is critical.
 */
export const diskSpaceCritical: RuleEntry = {
  id: "DiskSpaceCritical",
  category: "resources",
  level: "standard",
  source: "seed-000",
  build: (context) =>
    diskRule(context, {
      alert: "DiskSpaceCritical",
      threshold: 0.1,
      severity: "critical",
      for: "5m",
      left: 5,
    }),
};

export const databaseGrowth: RuleEntry = {
  id: "DatabaseGrowth",
  category: "resources",
  level: "enterprise",
  source: "seed-003",
  build(context) {
    const size = 'pg_database_size_bytes{datname!~"template.*"}';
    const growth = `(${size} - ${size} offset 1d) / ${size} offset 1d`;
    const database = { ...POSTGRES_TARGET, datname: "app" };
    const reports = { ...POSTGRES_TARGET, datname: "reports" };
    // Sampled every 5 minutes from 1 GB, growing by `step` bytes each time. A day-long case is
    // expensive for promtool, so one case holds both a fast- and a slow-growing database.
    const sizes = (labels: Record<string, string>, step: number, samples: number) =>
      series("pg_database_size_bytes", labels, `1000000000+${step}x${samples}`);
    const now = 1_000_000_000 + 312 * 500_000;
    const dayAgo = 1_000_000_000 + 24 * 500_000;
    return defineRule(context, {
      alert: "DatabaseGrowth",
      expr: `${growth} > 0.1`,
      for: "1h",
      labels: { severity: "warning", category: "resources" },
      annotations: {
        summary: "Database {{ $labels.datname }} grew {{ $value | humanizePercentage }} in a day",
        description:
          "Database {{ $labels.datname }} on {{ $labels.instance }} is {{ $value | humanizePercentage }} larger than a day ago (threshold 10%). Needs postgres_exporter to be scraped.",
      },
      dashboardUid: DASHBOARD_UIDS.postgres,
      runbook: runbook({
        meaning:
          "The database is more than 10% larger than 24 hours ago, for an hour. Steady growth of a few percent a day fills a disk within weeks.",
        impact:
          "Nothing breaks yet; left alone, it ends in DiskSpaceRunningLow and slower queries. A sudden jump often means a runaway import, an event table without retention, or bloat from a failing autovacuum.",
        diagnosis: [
          `Graph the size and the daily growth:${code("promql", `${size}\n${growth}`)}`,
          `Find the tables that grew:${code(
            "sql",
            "SELECT relname, pg_size_pretty(pg_total_relation_size(relid)) AS size, n_live_tup, n_dead_tup\nFROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 15;",
          )}`,
          `Check for bloat: many dead tuples and an old last autovacuum:${code(
            "sql",
            "SELECT relname, n_dead_tup, last_autovacuum FROM pg_stat_user_tables ORDER BY n_dead_tup DESC LIMIT 10;",
          )}`,
          `Look for bulk jobs in the application's logs:${code("logql", appLogs(context, "(import|batch|bulk)"))}`,
        ],
        mitigation: [
          "Add retention (or partitioning with dropped old partitions) to audit, event and log tables.",
          "Run `VACUUM (VERBOSE)` on bloated tables and find out why autovacuum fell behind.",
          "If the growth is real business growth, plan the disk and raise this threshold.",
        ],
      }),
      tests: [
        {
          description: "app is 14% larger than a day ago; reports, 3% larger, stays quiet",
          interval: "5m",
          inputSeries: [sizes(database, 500_000, 320), sizes(reports, 100_000, 320)],
          evalTime: "26h",
          fires: true,
          labels: database,
          value: (now - dayAgo) / dayAgo,
        },
        {
          description: "a database younger than a day has nothing to compare with yet",
          interval: "5m",
          inputSeries: [sizes(database, 5_000_000, 30)],
          evalTime: "150m",
          fires: false,
        },
      ],
    });
  },
};

export const resourceRules: readonly RuleEntry[] = [
  highMemoryUsage,
  highCpuUsage,
  diskSpaceRunningLow,
  diskSpaceCritical,
  databaseGrowth,
];
