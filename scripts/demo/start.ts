import path from "node:path";
import { z } from "zod";
import { type RunningApp, startApp, waitForHealth } from "./app";
import { createDemoProject, demoRuleFiles } from "./demo-project";
import { type DemoPrometheus, startDemoPrometheus } from "./prometheus";

/**
 * `npm run demo`: six hours of FraiseQL-like data ending now in a real Prometheus (with the
 * catalog's alert rules), the app beside it, and a Demo project that previews against it.
 * Ctrl-C stops both.
 */

const DemoEnvSchema = z.object({
  DEMO_PROMETHEUS_PORT: z.coerce.number().int().min(1).max(65535).default(9099),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DEMO_HOURS: z.coerce.number().min(1).max(72).default(6),
  OBSFORGE_DEMO_DIR: z.string().min(1).default(".data/demo-prometheus"),
});

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "../..");
  const settings = DemoEnvSchema.parse(
    Object.fromEntries(
      Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
    ),
  );
  let prometheus: DemoPrometheus | undefined;
  let app: RunningApp | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      console.log("\nstopping the app and the demo Prometheus");
      await app?.stop();
      await prometheus?.stop();
    }
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));

  try {
    prometheus = await startDemoPrometheus({
      hours: settings.DEMO_HOURS,
      dir: path.resolve(root, settings.OBSFORGE_DEMO_DIR),
      port: settings.DEMO_PROMETHEUS_PORT,
      ruleFiles: demoRuleFiles(),
      log: (message) => console.log(`demo: ${message}`),
    });
    console.log(`\nDemo Prometheus: ${prometheus.url}\n`);

    app = startApp({ root, port: settings.PORT, env: { OBSFORGE_DEMO_PROMETHEUS_URL: prometheus.url } });
    const running = app;
    running.process.once("exit", (code) => {
      if (!stopping) {
        console.error(`the app exited (${code}); stopping`);
        void stop(code ?? 1);
      }
    });
    console.log(`demo: starting the app (next ${running.mode}) on ${running.url}`);
    await waitForHealth(running);
    const id = await createDemoProject(running.url, prometheus.url);
    console.log(`\nObsforge:        ${running.url}`);
    console.log(`Demo project:    "Demo" (id ${id})`);
    console.log(`Demo Prometheus: ${prometheus.url}`);
    console.log("Press Ctrl-C to stop.\n");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
