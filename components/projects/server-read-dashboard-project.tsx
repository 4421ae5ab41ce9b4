"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo } from "react";
import { queryKeys } from "@/lib/api/query-keys";
import type { ProjectRecordData } from "./use-projects";

export interface ServerReadDashboardProjectProps {
  projectId: string;
  uid: string;
  /**
   * The project as GET /api/projects/{id} answers it, narrowed to the dashboard `uid`
   * (projectForDashboard), read by the server while it rendered the page.
   */
  json: string;
  children: ReactNode;
}

/**
 * Puts the project the server read while rendering a dashboard's page into the page's cache, under
 * the key the designer reads (queryKeys.projectDashboard), as if the page had fetched it, before
 * anything below reads it. It comes as JSON text rather than as a React Query dehydrated state:
 * React's own encoding of a large object costs the browser several times JSON.parse to read, and
 * that reading lies on the way to the first screen's drawing. A newer version already cached (the
 * reader came back to the page) is kept; an older one is replaced.
 */
export function ServerReadDashboardProject({
  projectId,
  uid,
  json,
  children,
}: ServerReadDashboardProjectProps): ReactNode {
  const queryClient = useQueryClient();
  // Read again only when the server renders the page anew (a refresh), never on a re-render.
  const record = useMemo(() => JSON.parse(json) as ProjectRecordData, [json]);
  const key = queryKeys.projectDashboard(projectId, uid);
  const query = queryClient.getQueryCache().find<ProjectRecordData>({ queryKey: key, exact: true });
  // The designer makes its store once, from what the cache holds when it first renders: an entry
  // left from an earlier visit must not be older than the server's. Without readers (the
  // designer mounts below) the entry may change while rendering, as HydrationBoundary does; with
  // readers, a change notifies them, so it waits for the effect.
  if (isNewer(record, query?.state.data) && (query?.getObserversCount() ?? 0) === 0)
    queryClient.setQueryData(key, record);
  useEffect(() => {
    const cacheKey = queryKeys.projectDashboard(projectId, uid);
    if (isNewer(record, queryClient.getQueryData<ProjectRecordData>(cacheKey)))
      queryClient.setQueryData(cacheKey, record);
  }, [queryClient, projectId, uid, record]);
  return children;
}

function isNewer(record: ProjectRecordData, cached: ProjectRecordData | undefined): boolean {
  return cached === undefined || cached.version < record.version;
}
