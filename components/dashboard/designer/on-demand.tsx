"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { PageLoading } from "@/components/ui/page-loading";
import type { PanelEditorProps } from "../editor/panel-editor";
import type { QueryInspectorProps } from "../editor/query-inspector";

/**
 * What the designer shows only when asked (the panel editor, the dashboard's settings and JSON,
 * the query inspector), each in its own chunk loaded when first opened: none of them is on screen
 * when a dashboard opens, so they stay out of the page's first JavaScript, which every visit
 * downloads, parses and runs before the first panel can query.
 */

function EditorLoading(): ReactNode {
  return <PageLoading label="Loading the editor…" />;
}

export const PanelEditor = dynamic<PanelEditorProps>(
  () => import("../editor/panel-editor").then((module) => module.PanelEditor),
  { loading: EditorLoading },
);

export const DashboardSettings = dynamic<Record<string, never>>(
  () => import("../settings/dashboard-settings").then((module) => module.DashboardSettings),
  { loading: EditorLoading },
);

export const DashboardJsonTab = dynamic<Record<string, never>>(
  () => import("../editor/json-tabs").then((module) => module.DashboardJsonTab),
  { loading: EditorLoading },
);

export const QueryInspector = dynamic<QueryInspectorProps>(
  () => import("../editor/query-inspector").then((module) => module.QueryInspector),
  { loading: EditorLoading },
);

export const DashboardConflictReview = dynamic<Record<string, never>>(
  () => import("./conflict-review").then((module) => module.DashboardConflictReview),
  { loading: EditorLoading },
);
