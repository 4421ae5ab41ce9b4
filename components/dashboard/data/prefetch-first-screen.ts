import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { LabelsPreviewResponseSchema, QueryPreviewAnswerSchema } from "@/lib/api/preview-schemas";
import { queryKeys } from "@/lib/api/query-keys";
import type { ProjectRecord } from "@/lib/api/schemas";
import type { Project } from "@/lib/model/project";
import { prefetchPreview } from "@/lib/preview/prefetch";
import type { UrlView } from "../model/view-url";
import { firstScreenCalls, type GridSize } from "./first-screen";
import { fetchFirstScreenVariableOptions, optionsByKey } from "./first-screen-variables";
import type { PrefetchedPreview } from "./prefetched-bodies";
import { optionsFromAnswer, type VariableCall } from "./variable-requests";

/** A query variable's options, asked for as the page would (through the preview's own checks), or null. */
async function variableOptions(
  project: Project,
  call: VariableCall,
  signal: AbortSignal,
): Promise<string[] | null> {
  const body = await prefetchPreview(project, { endpoint: call.endpoint, params: call.params }, signal);
  if (body === null) return null;
  const raw: unknown = JSON.parse(body);
  if (call.kind === "query_result") {
    const parsed = QueryPreviewAnswerSchema.safeParse(raw);
    return parsed.success ? optionsFromAnswer(call, parsed.data.data) : null;
  }
  const parsed = LabelsPreviewResponseSchema.safeParse(raw);
  return parsed.success ? optionsFromAnswer(call, parsed.data.data) : null;
}

/**
 * The previews of the panels the reader will see first, started now: they run while the page
 * renders and its scripts load, and reach the page's cache as they answer (an answer is a
 * promise the page streams), instead of starting only once the page has hydrated and laid out
 * its grid. The variables' options come first (briefly awaited: the panels' queries name their
 * values) and go into `queryClient` as if the page had fetched them. Reading the project's
 * Prometheus writes nothing.
 */
export async function prefetchFirstScreen(
  queryClient: QueryClient,
  record: ProjectRecord<Project>,
  uid: string,
  view: UrlView,
  now: number,
  grid: GridSize,
): Promise<PrefetchedPreview[]> {
  const { project } = record;
  const dashboard = project.dashboards.find((entry) => entry.uid === uid);
  if (!dashboard) return [];
  const answers = await fetchFirstScreenVariableOptions({ project, dashboard, view, now }, (call, signal) =>
    variableOptions(project, call, signal),
  );
  for (const { call, options } of answers)
    queryClient.setQueryData(queryKeys.previewCall(record.id, call.endpoint, call.params), options);
  const variableOptionsByKey = optionsByKey(answers);
  const planned = firstScreenCalls({
    project,
    dashboard,
    view,
    now,
    grid,
    variableOptions: variableOptionsByKey,
  });
  return planned.map((call) => ({
    endpoint: call.endpoint,
    params: call.params,
    body: prefetchPreview(project, call),
  }));
}
