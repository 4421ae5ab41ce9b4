/**
 * A closed-loop HTTP load generator: `connections` workers each send a request, wait for the
 * answer, and send the next, for `durationMs`. Written here rather than taken from a load tool
 * because PUT needs per-connection state (the version each connection last saved) and the
 * report needs exact p95s.
 */
import { percentile } from "./stats";

export interface LoadResult {
  requests: number;
  /** Mean size of a request's body in bytes (0 without one). */
  requestBytes: number;
  /** Mean size of a response's body in bytes. */
  responseBytes: number;
  non2xx: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadRequest {
  url: string;
  init?: RequestInit;
}

export async function runLoad<State>(options: {
  connections: number;
  durationMs: number;
  initialState: (connection: number) => State;
  request: (state: State) => LoadRequest;
  onResponse?: (state: State, status: number, body: string) => void;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let sentBytes = 0;
  let receivedBytes = 0;
  let non2xx = 0;
  let errors = 0;
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();
  const worker = async (connection: number): Promise<void> => {
    const state = options.initialState(connection);
    while (performance.now() < deadline) {
      const { url, init } = options.request(state);
      const start = performance.now();
      try {
        const response = await fetch(url, init);
        const body = await response.text();
        latencies.push(performance.now() - start);
        sentBytes += typeof init?.body === "string" ? Buffer.byteLength(init.body) : 0;
        receivedBytes += Buffer.byteLength(body);
        if (response.status < 200 || response.status >= 300) non2xx++;
        options.onResponse?.(state, response.status, body);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => worker(i)));
  const elapsed = (performance.now() - started) / 1000;
  const count = Math.max(latencies.length, 1);
  return {
    requests: latencies.length,
    requestBytes: sentBytes / count,
    responseBytes: receivedBytes / count,
    non2xx,
    errors,
    throughput: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}
