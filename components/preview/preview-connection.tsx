"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { queryKeys } from "@/lib/api/query-keys";
import {
  CONNECTED,
  type ConnectionState,
  connectionState,
  isNoConnection,
  type PreviewCallState,
} from "./connection-state";

/**
 * One place that knows whether the project's Prometheus can be reached, for the banner above the
 * panels and each panel's error view. It watches the React Query cache of the project's preview
 * calls (those some component still shows), so it adds no request and panels query as before.
 */

const PreviewConnectionContext = createContext<ConnectionState>(CONNECTED);

export interface PreviewConnectionProviderProps {
  projectId: string;
  children: ReactNode;
}

export function PreviewConnectionProvider({
  projectId,
  children,
}: PreviewConnectionProviderProps): ReactNode {
  const client = useQueryClient();
  const [state, setState] = useState<ConnectionState>(CONNECTED);
  useEffect(() => {
    const cache = client.getQueryCache();
    const prefix = queryKeys.preview(projectId);
    let shown = JSON.stringify(CONNECTED);
    const update = (): void => {
      const calls = cache
        .findAll({ queryKey: prefix })
        .filter((query) => query.getObserversCount() > 0)
        .map((query) => query.state as PreviewCallState);
      const next = connectionState(calls);
      const text = JSON.stringify(next);
      if (text === shown) return;
      shown = text;
      setState(next);
    };
    update();
    // The cache reports every observer and fetch of every panel: a page's first render makes
    // hundreds of events in a row. One look after each burst says the same.
    let scheduled = false;
    let active = true;
    const unsubscribe = cache.subscribe(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        if (active) update();
      });
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [client, projectId]);
  return <PreviewConnectionContext.Provider value={state}>{children}</PreviewConnectionContext.Provider>;
}

/** The Prometheus URLs the previews cannot use right now (none outside a provider). */
export function usePreviewConnection(): ConnectionState {
  return useContext(PreviewConnectionContext);
}

/** Whether a preview call's error is the unreachable Prometheus's: the panel says "no connection" then. */
export function useNoConnection(): (error: unknown) => boolean {
  const state = usePreviewConnection();
  return useCallback((error: unknown) => isNoConnection(state, error), [state]);
}
