"use client";

import { type RefCallback, useCallback, useEffect, useRef, useState } from "react";
import type { Priority } from "@/lib/api/preview-client";

/**
 * Whether a panel is in view or near it, as Grafana decides which panels query: a panel queries
 * once it comes within a screen of the viewport (so the next screen is ready when scrolled to) and
 * not before. Panels in a collapsed row are not on the grid at all, so they query when expanded.
 */

/** How far beyond the viewport a panel counts as near: one screen above and below. */
export const NEAR_MARGIN = "100% 0px";

export interface PanelViewport {
  /** In view or within a screen of it: the panel may query. */
  near: boolean;
  /** For the preview's request queue: 0 on screen, else 1 + pixels away from it. */
  priority: Priority;
}

/** Always near, first in line: a panel shown on its own (the panel editor's preview). */
export const IN_VIEW: PanelViewport = { near: true, priority: () => 0 };

type Listener = (near: boolean) => void;

/** One observer for every panel of the page: each panel registers its element with a listener. */
let observer: IntersectionObserver | undefined;
const listeners = new Map<Element, Listener>();

function observe(element: Element, listener: Listener): () => void {
  if (typeof IntersectionObserver === "undefined") {
    listener(true);
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: NEAR_MARGIN },
  );
  listeners.set(element, listener);
  observer.observe(element);
  return () => {
    listeners.delete(element);
    observer?.unobserve(element);
  };
}

/** Pixels between a box and the viewport: 0 when any of it shows. */
export function distanceFromView(box: { top: number; bottom: number }, viewportHeight: number): number {
  if (box.bottom >= 0 && box.top <= viewportHeight) return 0;
  return box.top > viewportHeight ? box.top - viewportHeight : -box.bottom;
}

const FAR = Number.MAX_SAFE_INTEGER - 1;

/**
 * Attach `ref` to the panel's element; `near` turns true when it comes within a screen of view.
 * `initiallyNear`: the layout puts the panel in the first screen, so it need not wait for the
 * observer's first report to query.
 */
export function usePanelViewport<T extends Element>(
  initiallyNear = false,
): PanelViewport & { ref: RefCallback<T> } {
  const [element, setElement] = useState<T | null>(null);
  const [near, setNear] = useState(initiallyNear);
  const current = useRef<T | null>(null);
  const ref = useCallback((node: T | null) => {
    current.current = node;
    setElement(node);
  }, []);
  useEffect(() => (element ? observe(element, setNear) : undefined), [element]);
  // Read when a connection frees, so a panel scrolled into view meanwhile goes first.
  const priority = useCallback((): number => {
    const node = current.current;
    if (!node?.isConnected) return FAR;
    const distance = distanceFromView(node.getBoundingClientRect(), window.innerHeight);
    return distance === 0 ? 0 : 1 + distance;
  }, []);
  return { ref, near, priority };
}
