import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * CPU time used by the processes a dashboard load keeps busy, read from Linux's /proc: the
 * browser (its pages' main threads; their other threads: V8's compilers and garbage collector,
 * raster; the browser and GPU processes: network, compositing, the DevTools protocol the bench
 * drives it by), the app's server and Prometheus. On a machine of two cores, a load cannot end sooner than half
 * the CPU time it needs, whatever the page does with its own main thread: this says how far a
 * speed aim lies from what the machine can give. The bench's own Node process is left out.
 */

export type CpuGroup =
  | "page main thread"
  | "page's other threads"
  | "browser and GPU processes"
  | "app"
  | "Prometheus";

export const CPU_GROUPS: readonly CpuGroup[] = [
  "page main thread",
  "page's other threads",
  "browser and GPU processes",
  "app",
  "Prometheus",
];

/** Clock ticks by thread ("pid/tid"), with the group each belongs to. */
export type CpuSnapshot = Map<string, { group: CpuGroup; ticks: number }>;

/** Milliseconds of CPU by group. */
export type CpuUse = Record<CpuGroup, number>;

/** Linux's USER_HZ: the unit of /proc's times, 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

type ProcessKind = "renderer" | "browser" | "app" | "Prometheus";

function processKind(commandLine: string): ProcessKind | undefined {
  // Split on spaces too: Chromium's zygote rewrites its children's command line into one string.
  const argv = commandLine.split(/[\0 ]+/).filter(Boolean);
  const program = path.basename(argv[0] ?? "");
  if (program === "chromium" || program === "chrome" || program === "headless_shell")
    return argv.includes("--type=renderer") ? "renderer" : "browser";
  if (program === "prometheus") return "Prometheus";
  if (argv.some((arg) => arg.endsWith("scripts/serve.mjs") || arg.endsWith("next/dist/bin/next")))
    return "app";
  return undefined;
}

function threadGroup(kind: ProcessKind, pid: string, tid: string): CpuGroup {
  if (kind === "browser") return "browser and GPU processes";
  if (kind === "renderer") return pid === tid ? "page main thread" : "page's other threads";
  return kind;
}

/** The group of thread `tid` of process `pid`, or undefined when it is none of the load's. */
export function groupOf(pid: string, tid: string, commandLine: string): CpuGroup | undefined {
  const kind = processKind(commandLine);
  return kind && threadGroup(kind, pid, tid);
}

/** utime + stime of a thread's stat line (fields 14 and 15, after the parenthesised name). */
export function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined; // the process or thread ended meanwhile
  }
}

export function cpuSnapshot(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    const commandLine = read(`/proc/${pid}/cmdline`);
    const kind = commandLine ? processKind(commandLine) : undefined;
    if (!kind) continue;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (stat) snapshot.set(`${pid}/${tid}`, { group: threadGroup(kind, pid, tid), ticks: ticksOf(stat) });
    }
  }
  return snapshot;
}

/**
 * CPU used between two snapshots. A thread that started in between counts from zero; one that
 * ended in between is lost (take the second snapshot before closing the page).
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const use = Object.fromEntries(CPU_GROUPS.map((group) => [group, 0])) as CpuUse;
  for (const [thread, { group, ticks }] of after)
    use[group] += ((ticks - (before.get(thread)?.ticks ?? 0)) * 1000) / TICKS_PER_SECOND;
  return use;
}
