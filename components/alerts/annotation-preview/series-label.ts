/** A series as Prometheus writes it: `up{instance="a:9100", job="node"}`, labels in name order. */
export function seriesLabel(labels: Readonly<Record<string, string>>): string {
  const name = labels.__name__ ?? "";
  const rest = Object.keys(labels)
    .filter((key) => key !== "__name__")
    .sort()
    .map((key) => `${key}=${JSON.stringify(labels[key])}`);
  return `${name}{${rest.join(", ")}}`;
}
