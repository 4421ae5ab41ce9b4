import { Command, CommanderError, Option } from "commander";
import { generateBundle } from "../generate/bundle";
import { checkBundleFiles } from "../generate/bundle-checks";
import type { GeneratedFile } from "../generate/types";
import { type Level, LevelSchema } from "../model";
import { readFiles } from "../tools/files";
import { checkBundleWithTools, type ToolVerdict, toolAvailable } from "../tools/real-tools";
import { addAlertsCommand } from "./alerts-command";
import { addAppCommand } from "./app-command";
import { addBacktestCommand } from "./backtest-command";
import { catalogJson, catalogText } from "./catalog-listing";
import { runImport } from "./import-command";
import {
  detectInputKind,
  InputError,
  type LoadedProject,
  loadDeploymentYaml,
  loadProjectJson,
} from "./load-input";
import { type OutputOptions, writeBundle } from "./output";
import { addRoutesCommand } from "./routes-command";
import { addTestCommand } from "./test-command";
import { validateRuleFile } from "./validate-rule-file";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function verdictLines(verdicts: readonly ToolVerdict[]): string[] {
  return verdicts.flatMap((verdict) => [
    `${verdict.ok ? "ok  " : "FAIL"} ${verdict.command}`,
    ...(verdict.ok ? [] : verdict.output.split("\n").map((line) => `     ${line}`)),
  ]);
}

function emitBundle(loaded: LoadedProject, options: OutputOptions, io: CliIo): void {
  for (const note of loaded.notes) io.stderr(`${note}\n`);
  const report = writeBundle(loaded.project, options);
  for (const line of verdictLines(report.verdicts)) io.stderr(`${line}\n`);
  io.stderr(`wrote ${report.files.length} files to ${report.written}\n`);
}

function validateFiles(files: readonly GeneratedFile[], runbookBaseUrl: string, io: CliIo): boolean {
  const problems = checkBundleFiles(files, runbookBaseUrl);
  for (const problem of problems) io.stderr(`${problem.path}: ${problem.message}\n`);
  const missing = (["promtool", "amtool"] as const).filter((tool) => !toolAvailable(tool));
  if (missing.length > 0)
    io.stderr(`note: ${missing.join(" and ")} not on PATH: those checks were not run\n`);
  const verdicts = checkBundleWithTools(files);
  for (const line of verdictLines(verdicts)) io.stderr(`${line}\n`);
  return problems.length === 0 && verdicts.every((verdict) => verdict.ok);
}

function runValidate(target: string, io: CliIo): boolean {
  const ruleFile = validateRuleFile(target);
  if (ruleFile) {
    for (const line of ruleFile.lines) io.stderr(`${line}\n`);
    return ruleFile.ok;
  }
  const kind = detectInputKind(target);
  if (kind === "bundle") return validateFiles(readFiles(target), "", io);
  const loaded = kind === "project" ? loadProjectJson(target) : loadDeploymentYaml(target);
  for (const note of loaded.notes) io.stderr(`${note}\n`);
  return validateFiles(generateBundle(loaded.project), loaded.project.links.runbookBaseUrl, io);
}

function outputOptions(): Option[] {
  return [
    new Option("-o, --out <dir>", "write the bundle into this directory (replaced as a whole)"),
    new Option("-z, --zip <file>", "write the bundle as a zip file instead").conflicts("out"),
    new Option("--check", "run promtool and amtool on the files before writing them"),
  ];
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("obsforge")
    .description(
      "Generate and check observability bundles: Prometheus, Alertmanager, Grafana, Loki, Kubernetes.",
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");

  const generate = program
    .command("generate")
    .description("generate the stack from a short deployment.yaml")
    .argument("<deployment.yaml>", "deployment file (seed 000 format)");
  for (const option of outputOptions()) generate.addOption(option);
  generate.action((file: string, options: OutputOptions) => {
    emitBundle(loadDeploymentYaml(file), options, io);
    setExit(EXIT_OK);
  });

  const bundle = program
    .command("bundle")
    .description("generate the stack from a full project file (the model the web app stores)")
    .argument("<project.json>", "project file");
  for (const option of outputOptions()) bundle.addOption(option);
  bundle.action((file: string, options: OutputOptions) => {
    emitBundle(loadProjectJson(file), options, io);
    setExit(EXIT_OK);
  });

  program
    .command("validate")
    .description(
      "list every problem in rule files, a project.json, a deployment.yaml or a bundle directory; runs promtool/amtool when on PATH",
    )
    .argument(
      "<paths...>",
      "Prometheus rule files or PrometheusRule resources (recognised by content; problems by group and rule as promtool check rules lists them), project .json, deployment .yaml, or bundle directory",
    )
    .action((targets: string[]) => {
      let allOk = true;
      for (const target of targets) {
        const ok = runValidate(target, io);
        io.stderr(ok ? `${target}: valid\n` : `${target}: invalid\n`);
        allOk &&= ok;
      }
      setExit(allOk ? EXIT_OK : EXIT_INVALID);
    });

  program
    .command("import")
    .description(
      "add Grafana dashboards, Prometheus rule files, PrometheusRule resources and Alertmanager configurations to a project file (created when it does not exist), as the web app's import does",
    )
    .argument(
      "<files...>",
      "files to import, each recognised by its content: a Grafana dashboard JSON (exported, or the HTTP API's {dashboard, meta}), a Prometheus rule file (groups:), PrometheusRule resources (one or several YAML documents), an Alertmanager configuration",
    )
    .requiredOption(
      "--into <project.json>",
      "the project file to add them to; a new one is an empty project named after the file, with the datasources its dashboards query",
    )
    .option("--uid <uid>", "store the dashboard under this uid instead of the file's (one file only)")
    .option("--replace", "a dashboard whose uid the project has replaces that one instead of being refused")
    .addHelpText(
      "after",
      [
        "",
        "Each file's import report (panels editable and kept as raw JSON, what was converted) goes to stderr.",
        "The project file is written once, atomically, when every file was imported: exit 0. When a file",
        "cannot be read or converted, or the project would be invalid with it, nothing is written: exit 1.",
        "Each group of a rule file becomes a rule group, labels and annotations exactly as written; a file",
        "promtool check rules refuses is not imported, and its problems are listed by group and rule.",
        "",
        "Example:",
        "  obsforge import node-exporter.json grafana-export/*.json --into observability.obsforge.json",
        "  obsforge import node-exporter.json --into observability.obsforge.json --replace",
      ].join("\n"),
    )
    .action(function (
      this: Command,
      files: string[],
      options: { into: string; uid?: string; replace?: boolean },
    ) {
      if (options.uid !== undefined && files.length !== 1)
        this.error(`error: --uid names the uid of one dashboard; ${files.length} files given`, {
          exitCode: EXIT_USAGE,
        });
      const result = runImport(files, options.into, { uid: options.uid, replace: options.replace });
      for (const line of result.lines) io.stderr(`${line}\n`);
      setExit(result.ok ? EXIT_OK : EXIT_INVALID);
    });

  program
    .command("catalog")
    .description("list the pre-built dashboards and alert rules, by level and category")
    .addOption(
      new Option("-l, --level <level>", "only what this level includes").choices(LevelSchema.options),
    )
    .option("--json", "machine-readable output")
    .action((options: { level?: Level; json?: boolean }) => {
      io.stdout(options.json ? catalogJson(options.level) : catalogText(options.level));
      setExit(EXIT_OK);
    });

  addRoutesCommand(program, io, setExit);
  addTestCommand(program, io, setExit);
  addBacktestCommand(program, io, setExit);
  addAlertsCommand(program, io, setExit);
  addAppCommand(program, io, setExit);

  return program;
}

/** Runs the CLI on user arguments (no node/script prefix) and returns the exit code. */
export async function main(args: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (args.length === 0) {
      program.outputHelp({ error: true });
      return EXIT_USAGE;
    }
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof InputError) {
      for (const line of error.lines) io.stderr(`${line}\n`);
      return EXIT_INVALID;
    }
    io.stderr(`obsforge: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_INVALID;
  }
}
