import type { ComposeHealthcheck } from "./compose-types";

/**
 * Probes go to 127.0.0.1 rather than localhost: inside a container without IPv6, busybox wget may
 * pick `::1` for localhost and report a healthy server as down.
 */
function timing(startPeriod?: string): Omit<ComposeHealthcheck, "test"> {
  const base = { interval: "15s", timeout: "5s", retries: 5 };
  return startPeriod === undefined ? base : { ...base, start_period: startPeriod };
}

/** For images with busybox or Alpine wget (Prometheus, Alertmanager, Grafana, Loki, exporters). */
export function wgetHealthcheck(port: number, path: string, startPeriod?: string): ComposeHealthcheck {
  return {
    test: ["CMD", "wget", "-q", "--spider", `http://127.0.0.1:${port}${path}`],
    ...timing(startPeriod),
  };
}

/**
 * For the Ubuntu-based Alloy and Promtail images, which ship neither wget nor curl: bash's
 * /dev/tcp sends the request and the status line must say 200.
 */
export function bashHealthcheck(port: number, path: string, startPeriod?: string): ComposeHealthcheck {
  const script = [
    `exec 3<>/dev/tcp/127.0.0.1/${port}`,
    `printf 'GET ${path} HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3`,
    "head -n 1 <&3 | grep -q ' 200 '",
  ].join(" && ");
  return { test: ["CMD", "bash", "-c", script], ...timing(startPeriod) };
}
