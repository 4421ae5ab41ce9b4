/**
 * npm run bench — prints figures, asserts nothing. Each scenario runs in its own process so its
 * peak memory (max RSS) is its own.
 *
 *   (a) enterprise catalog project: validate + generate + zip, warm (after 5 warm-up runs)
 *   (b) synthetic projects of 50/100/200 dashboards × 25 panels and 500/1,000/2,000 rules
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { projectFromTemplate } from "../../lib/catalog/templates";
import { generateBundle } from "../../lib/generate/bundle";
import { zipBundle } from "../../lib/generate/zip";
import { checkProject, type Project } from "../../lib/model";
import { syntheticProject } from "./fixtures";

interface Figures {
  scenario: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  zipBytes: number;
  files: number;
  maxRssMiB: number;
}

function buildZip(project: Project): { bytes: number; files: number } {
  const issues = checkProject(project).filter((issue) => issue.severity === "error");
  if (issues.length > 0) throw new Error(`bench project invalid: ${issues[0]?.path}: ${issues[0]?.message}`);
  const files = generateBundle(project);
  return { bytes: zipBundle(files).byteLength, files: files.length };
}

function measure(scenario: string, project: Project, warmups: number, runs: number): Figures {
  for (let i = 0; i < warmups; i++) buildZip(project);
  const times: number[] = [];
  let last = { bytes: 0, files: 0 };
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    last = buildZip(project);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    scenario,
    runs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0,
    zipBytes: last.bytes,
    files: last.files,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function runScenario(name: string): Figures {
  if (name === "enterprise") {
    return measure("enterprise catalog", projectFromTemplate({ name: "Bench", level: "enterprise" }), 5, 30);
  }
  const scale = Number(name.replace("synthetic-", ""));
  const project = syntheticProject(scale, 25, scale * 10);
  return measure(`synthetic ${scale} dashboards × 25 panels, ${scale * 10} rules`, project, 1, 3);
}

/** Runs each scenario in a child process (its own peak memory) and prints the table. */
export function benchBundle(): void {
  const self = path.join(import.meta.dirname, "bundle.ts");
  const tsx = path.join(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx");
  const results: Figures[] = [];
  for (const name of ["enterprise", "synthetic-50", "synthetic-100", "synthetic-200"]) {
    results.push(
      JSON.parse(execFileSync(tsx, [self, name], { encoding: "utf8", maxBuffer: 1 << 20 })) as Figures,
    );
  }
  console.log("Bundle build (validate + generate + zip)");
  console.table(
    results.map((r) => ({
      scenario: r.scenario,
      runs: r.runs,
      "median ms": r.medianMs.toFixed(1),
      "p95 ms": r.p95Ms.toFixed(1),
      files: r.files,
      "zip KiB": (r.zipBytes / 1024).toFixed(0),
      "peak RSS MiB": r.maxRssMiB.toFixed(0),
    })),
  );
  const [, s50, s100, s200] = results;
  if (s50 && s100 && s200) {
    console.log(
      `growth: 100/50 = ${(s100.medianMs / s50.medianMs).toFixed(2)}×, 200/100 = ${(s200.medianMs / s100.medianMs).toFixed(2)}× (linear ≈ 2.00×)`,
    );
  }
  console.log("aims: enterprise < 50 ms warm; 200 × 25 panels + 2,000 rules < 2 s");
}

// Invoked as a child: `tsx bundle.ts <scenario>` prints that scenario's figures as JSON.
const scenarioArgument = process.argv[2];
if (import.meta.filename === process.argv[1] && scenarioArgument) {
  process.stdout.write(JSON.stringify(runScenario(scenarioArgument)));
}
