"use client";

import { useEffect, useState } from "react";

const loaded = new Map<string, unknown>();

/**
 * A module fetched with import() after the component mounted: undefined until it arrives (and
 * forever, if it cannot be fetched: the caller keeps its fallback). Never during server rendering,
 * so a page's HTML and first JavaScript never contain what the module holds.
 */
export function useLazyModule<T>(key: string, load: () => Promise<T>): T | undefined {
  const [module, setModule] = useState<T | undefined>(undefined);
  useEffect(() => {
    const known = loaded.get(key) as T | undefined;
    if (known) {
      setModule(() => known);
      return;
    }
    let live = true;
    load().then(
      (value) => {
        loaded.set(key, value);
        if (live) setModule(() => value);
      },
      () => {
        // A chunk that failed to load leaves the plain textarea in place; it works on its own.
      },
    );
    return () => {
      live = false;
    };
  }, [key, load]);
  return module;
}
