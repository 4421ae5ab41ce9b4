"use client";

import dynamic from "next/dynamic";
import type { PanelVisualizationProps } from "./panel-visualization";

/** The charts (and recharts) as a separate chunk, loaded when the first panel needs it. */
export const LazyPanelVisualization = dynamic<PanelVisualizationProps>(
  () => import("./panel-visualization").then((module) => module.PanelVisualization),
  { ssr: false, loading: () => <div className="dash-panel-loading" aria-busy="true" /> },
);
