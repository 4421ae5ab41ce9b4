/**
 * At most `limit` requests in flight; the rest wait in the page, and the most urgent waiting one
 * goes next. A browser sends at most six requests at a time to one HTTP/1.1 origin and queues the
 * rest in the order they were made, so a dashboard that asks for hundreds at once waits for all
 * of them, the ones on screen among them, and the page's own scripts behind them. Waiting here
 * instead, a request is chosen when a connection is free, by what is urgent at that moment (the
 * panels scrolled into view), and one whose caller gave up (an aborted signal) is never sent.
 */

/** Lower goes first; asked again each time a request may start, so it can change while waiting. */
export type Priority = () => number;

export interface ScheduleOptions {
  /** Default 0. Ties go in the order they were scheduled. */
  priority?: Priority;
  /**
   * Sent only when nothing else has been in flight or waiting for a moment (IDLE_AFTER_MS): what no
   * one waits for, which should not take a connection from requests made in the same instant.
   */
  idle?: boolean;
  /** Aborted while waiting: the request is dropped and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

interface Waiting {
  start: () => void;
  priority: Priority;
  idle: boolean;
}

/** How long the limiter must have been quiet before it sends an idle request. */
export const IDLE_AFTER_MS = 300;

export class RequestLimiter {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`a request limit must be at least 1, not ${limit}`);
  }

  /** Requests sent and not yet answered. */
  get active(): number {
    return this.running;
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `request` when fewer than `limit` others run; settles as it does. */
  schedule<T>(request: () => Promise<T>, options: ScheduleOptions = {}): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = {
        priority: options.priority ?? (() => 0),
        idle: options.idle ?? false,
        start: () => {
          signal?.removeEventListener("abort", onAbort);
          this.running++;
          let pending: Promise<T>;
          try {
            pending = request();
          } catch (error) {
            pending = Promise.reject(error);
          }
          // The slot is free (and the next request on its way) before the caller hears back.
          pending.then(
            (value) => {
              this.finish();
              resolve(value);
            },
            (error: unknown) => {
              this.finish();
              reject(error);
            },
          );
        },
      };
      const onAbort = (): void => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(entry);
      this.next();
    });
  }

  private finish(): void {
    this.running--;
    this.next();
  }

  private next(quiet = false): void {
    while (this.running < this.limit && this.waiting.length > 0) {
      const busy = this.waiting.some((entry) => !entry.idle);
      if (!busy && (this.running > 0 || !quiet)) {
        if (this.running === 0) this.whenQuiet();
        return;
      }
      let best = -1;
      let bestPriority = Number.POSITIVE_INFINITY;
      for (const [index, entry] of this.waiting.entries()) {
        if (busy && entry.idle) continue;
        const priority = entry.priority();
        // Entries are kept in the order they came, so the first of equals wins.
        if (best < 0 || priority < bestPriority) {
          best = index;
          bestPriority = priority;
        }
      }
      const [chosen] = this.waiting.splice(best, 1);
      chosen?.start();
    }
  }

  /** Sends the next idle request once nothing else has come for IDLE_AFTER_MS. */
  private whenQuiet(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (this.running === 0 && !this.waiting.some((entry) => !entry.idle)) this.next(true);
    }, IDLE_AFTER_MS);
  }
}
