import "server-only";
import { type ClientOptions, labelValues, metadata } from "../prometheus/client";
import { knownNames } from "./lint";

/**
 * The metric names a Prometheus knows: every stored series name (/api/v1/label/__name__/values)
 * and every family its targets describe (/api/v1/metadata, which backfilled data lacks).
 */
export async function fetchKnownNames(
  baseUrl: string,
  options: ClientOptions = {},
): Promise<{ names: Set<string> }> {
  const [names, families] = await Promise.all([
    labelValues(baseUrl, "__name__", {}, options),
    metadata(baseUrl, {}, options),
  ]);
  return { names: knownNames(names.data, families.data) };
}
