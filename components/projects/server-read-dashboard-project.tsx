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
 * reader came back to the page) is kept.
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
  // Nothing has subscribed to an absent entry yet: it may go in while rendering, as
  // HydrationBoundary does; replacing a cached one notifies its readers, so after the render.
  if (queryClient.getQueryData(key) === undefined) queryClient.setQueryData(key, record);
  useEffect(() => {
    const cacheKey = queryKeys.projectDashboard(projectId, uid);
    const cached = queryClient.getQueryData<ProjectRecordData>(cacheKey);
    if (cached === undefined || cached.version < record.version) queryClient.setQueryData(cacheKey, record);
  }, [queryClient, projectId, uid, record]);
  return children;
}
