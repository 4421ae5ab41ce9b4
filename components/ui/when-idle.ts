/**
 * Runs `run` when the page has nothing more urgent to do (a dashboard drawing its first screen),
 * at the latest after `timeoutMs`; where the browser has no idle callbacks, shortly. Returns what
 * cancels it. Browser only.
 */
export function whenIdle(run: (deadline: IdleDeadline | undefined) => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(() => run(undefined), 50);
  return () => window.clearTimeout(timer);
}
