import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CodeEditorPlayground } from "./code-editor-playground";

export const metadata: Metadata = { title: "Code editors · Obsforge", robots: { index: false } };

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A page for trying the JSON and PromQL editors on their own (and for their browser tests):
 * `?project=<id>` completes from that project's Prometheus; `?show=0` waits for a click before
 * showing the editors, so one can watch Monaco arrive only then.
 */
export default async function CodeEditorPage({ searchParams }: PageProps): Promise<ReactNode> {
  const params = await searchParams;
  return (
    <main>
      <h1>Code editors</h1>
      <p>The JSON and PromQL editors of the dashboard designer, on their own.</p>
      <CodeEditorPlayground
        projectId={first(params.project) ?? ""}
        initiallyShown={first(params.show) !== "0"}
      />
    </main>
  );
}
