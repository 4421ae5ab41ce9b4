"use client";

import { type RefCallback, useCallback, useEffect, useRef, useState } from "react";
import type { Priority } from "@/lib/api/preview-client";

/**
 * Whether a panel may query, as Grafana decides which panels query: when it is in view. Once the
 * reader scrolls, panels within a screen of the viewport query too, so the next screen is ready
 * when scrolled to; a page opened and read without scrolling asks only for what is on its first
 * screen. Panels in a collapsed row are not on the grid at all, so they query when expanded.
 */

/** How far beyond the viewport a panel counts as near once the page is scrolled: a screen above and below. */
export const NEAR_MARGIN = "100% 0px";

export interface PanelViewport {
  /** In view, or within a screen of it after a scroll: the panel may query. */
  near: boolean;
  /** For the preview's request queue: 0 on screen, else 1 + pixels away from it. */
  priority: Priority;
}

/** Always near, first in line: a panel shown on its own (the panel editor's preview). */
export const IN_VIEW: PanelViewport = { near: true, priority: () => 0 };

type Listener = (near: boolean) => void;

interface Watched {
  listener: Listener;
  inView: boolean;
  withinAScreen: boolean;
  /** What the listener last heard: it hears only changes. */
  near: boolean | undefined;
  /** The element's top and bottom in the page (viewport pixels plus the scroll), as last observed. */
  top?: number;
  bottom?: number;
}

/**
 * Two observers for every panel of the page (the viewport itself, and the viewport a screen
 * larger each way); each panel registers its element with a listener.
 */
let viewObserver: IntersectionObserver | undefined;
let nearObserver: IntersectionObserver | undefined;
const watched = new Map<Element, Watched>();
/** The page was scrolled since its panels started being watched: query a screen ahead. */
let scrolled = false;

function tell(entry: Watched): void {
  const near = entry.inView || (scrolled && entry.withinAScreen);
  if (near === entry.near) return;
  entry.near = near;
  entry.listener(near);
}

function onFirstScroll(): void {
  if (scrolled) return;
  scrolled = true;
  for (const entry of watched.values()) tell(entry);
}

function report(key: "inView" | "withinAScreen"): IntersectionObserverCallback {
  return (entries) => {
    for (const change of entries) {
      const entry = watched.get(change.target);
      if (!entry) continue;
      entry[key] = change.isIntersecting;
      entry.top = change.boundingClientRect.top + window.scrollY;
      entry.bottom = change.boundingClientRect.bottom + window.scrollY;
      tell(entry);
    }
  };
}

function observe(element: Element, listener: Listener): () => void {
  if (typeof IntersectionObserver === "undefined") {
    listener(true);
    return () => {};
  }
  if (watched.size === 0) {
    scrolled = false;
    window.addEventListener("scroll", onFirstScroll, { passive: true, once: true });
  }
  viewObserver ??= new IntersectionObserver(report("inView"));
  nearObserver ??= new IntersectionObserver(report("withinAScreen"), { rootMargin: NEAR_MARGIN });
  watched.set(element, { listener, inView: false, withinAScreen: false, near: undefined });
  viewObserver.observe(element);
  nearObserver.observe(element);
  return () => {
    watched.delete(element);
    viewObserver?.unobserve(element);
    nearObserver?.unobserve(element);
    if (watched.size === 0) window.removeEventListener("scroll", onFirstScroll);
  };
}

/** Pixels between a box and the viewport: 0 when any of it shows. */
export function distanceFromView(box: { top: number; bottom: number }, viewportHeight: number): number {
  if (box.bottom >= 0 && box.top <= viewportHeight) return 0;
  return box.top > viewportHeight ? box.top - viewportHeight : -box.bottom;
}

const FAR = Number.MAX_SAFE_INTEGER - 1;

/**
 * Attach `ref` to the panel's element; `near` turns true when it comes into view (or within a
 * screen of it, once the page is scrolled). `initiallyNear`: the layout puts the panel in the
 * first screen, so it need not wait for the observers' first report to query.
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
  // Read when a connection frees, so a panel scrolled into view meanwhile goes first. From where
  // the observers last saw the panel and the scroll since: the queue asks every waiting panel each
  // time, and reading its box would lay the page out again after every change React made to it.
  const priority = useCallback((): number => {
    const node = current.current;
    if (!node?.isConnected) return FAR;
    const seen = watched.get(node);
    const box =
      seen?.top !== undefined && seen.bottom !== undefined
        ? { top: seen.top - window.scrollY, bottom: seen.bottom - window.scrollY }
        : node.getBoundingClientRect();
    const distance = distanceFromView(box, window.innerHeight);
    return distance === 0 ? 0 : 1 + distance;
  }, []);
  return { ref, near, priority };
}
