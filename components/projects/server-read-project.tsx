"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo } from "react";
import { queryKeys } from "@/lib/api/query-keys";
import type { ProjectRecordData } from "./use-projects";

export interface ServerReadProjectProps {
  projectId: string;
  /** The project as GET /api/projects/{id} answers it, read by the server while it rendered the page. */
  json: string;
  children: ReactNode;
}

/**
 * Puts the project the server read while rendering the page into the page's cache, as if the page
 * had fetched it, before anything below reads it. It comes as JSON text rather than as a React
 * Query dehydrated state: React's own encoding of a large object (a project holds every
 * dashboard, a hundred-panel one included) costs the browser several times JSON.parse to read,
 * and that reading lies on the way to the first screen's drawing. The text is the API's own
 * answer, so the cache holds exactly what a fetch would have put there.
 * A newer version already cached (the reader came back to the page) is kept.
 */
export function ServerReadProject({ projectId, json, children }: ServerReadProjectProps): ReactNode {
  const queryClient = useQueryClient();
  // Read again only when the server renders the page anew (a refresh), never on a re-render.
  const record = useMemo(() => JSON.parse(json) as ProjectRecordData, [json]);
  // Nothing has subscribed to an absent project yet: it may go in while rendering, as
  // HydrationBoundary does; replacing a cached one notifies its readers, so after the render.
  if (queryClient.getQueryData(queryKeys.project(projectId)) === undefined)
    queryClient.setQueryData(queryKeys.project(projectId), record);
  useEffect(() => {
    const key = queryKeys.project(projectId);
    const cached = queryClient.getQueryData<ProjectRecordData>(key);
    if (cached === undefined || cached.version < record.version) queryClient.setQueryData(key, record);
  }, [queryClient, projectId, record]);
  return children;
}
