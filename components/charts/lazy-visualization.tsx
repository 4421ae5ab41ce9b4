"use client";

import dynamic from "next/dynamic";
import type { PanelVisualizationProps } from "./panel-visualization";

const loadVisualization = () => import("./panel-visualization");

/** The charts (and recharts) as a separate chunk, out of the page's first JavaScript. */
export const LazyPanelVisualization = dynamic<PanelVisualizationProps>(
  () => loadVisualization().then((module) => module.PanelVisualization),
  { ssr: false, loading: () => <div className="dash-panel-loading" aria-busy="true" /> },
);

// A page that shows panels needs the chunk as soon as their data arrives: fetch it while the
// queries run, once the page is idle, rather than after the first answer. It stays out of the
// page's first JavaScript.
if (typeof window !== "undefined") {
  const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1));
  whenIdle(() => void loadVisualization());
}
