"use client";

import dynamic from "next/dynamic";
import type { PanelVisualizationProps } from "./panel-visualization";

const loadVisualization = () => import("./panel-visualization");

/** The charts as a separate chunk, out of the page's first JavaScript. */
export const LazyPanelVisualization = dynamic<PanelVisualizationProps>(
  () => loadVisualization().then((module) => module.PanelVisualization),
  { ssr: false, loading: () => <div className="dash-panel-loading" aria-busy="true" /> },
);

// A page that shows panels needs the chunk as soon as their data arrives: it is asked for when
// this module runs (with the page's own scripts, before hydration), so it downloads while the page
// hydrates and the queries run, instead of after the first answer or whenever the page is idle
// (a page busy drawing is not idle for seconds). It stays out of the page's first JavaScript.
if (typeof window !== "undefined") void loadVisualization();
