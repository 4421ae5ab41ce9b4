import { useSyncExternalStore } from "react";

const neverChanges = (): (() => void) => () => {};

/**
 * False in the server's HTML and while the browser hydrates it, true once React runs the page.
 * Buttons whose only action is a click handler use it to stay disabled until that handler exists:
 * a click on the server's HTML before hydration would otherwise do nothing, silently, which a
 * user on a slow machine (or a browser test) takes for a dead button.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
}
