import { asArray, asObject } from "../grafana-import/json";
import type { Series } from "../series";
import type { DataFrame } from "./frame";
import { REDUCER_NAMES, reduceValues } from "./reducers";

/**
 * Grafana's "reduce" (series to rows), from the series themselves: a row per series, its name in
 * "Field", then a column per reducer ("Max", "Mean", "Last *") over all its points.
 */
export function reduceSeries(series: readonly Series[], options: unknown): DataFrame[] {
  const reducers = asArray(asObject(options).reducers).filter(
    (entry): entry is string => typeof entry === "string",
  );
  const list = reducers.length > 0 ? reducers : ["mean"];
  return [
    {
      fields: [
        { name: "Field", type: "string", values: series.map((entry) => entry.name) },
        ...list.map((reducer) => ({
          name: REDUCER_NAMES[reducer] ?? reducer,
          type: "number" as const,
          values: series.map((entry) =>
            reduceValues(
              reducer,
              entry.points.map(([, value]) => value),
            ),
          ),
        })),
      ],
    },
  ];
}
