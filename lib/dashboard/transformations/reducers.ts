/**
 * Grafana's reducers (fieldReducers) that the table transformations use, over a list of values,
 * with the names Grafana shows for them.
 */
export const REDUCER_NAMES: Record<string, string> = {
  sum: "Total",
  mean: "Mean",
  max: "Max",
  min: "Min",
  last: "Last",
  lastNotNull: "Last *",
  first: "First",
  firstNotNull: "First *",
  count: "Count",
  range: "Range",
  delta: "Delta",
};

export function reduceValues(reducer: string, values: readonly (number | null)[]): number | null {
  const numbers = values.filter((value): value is number => value !== null && Number.isFinite(value));
  switch (reducer) {
    case "sum":
      return numbers.reduce((sum, value) => sum + value, 0);
    case "mean":
      return numbers.length === 0 ? null : numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
    case "max":
      return numbers.length === 0 ? null : Math.max(...numbers);
    case "min":
      return numbers.length === 0 ? null : Math.min(...numbers);
    case "last":
      return values[values.length - 1] ?? null;
    case "lastNotNull":
      return numbers[numbers.length - 1] ?? null;
    case "first":
      return values[0] ?? null;
    case "firstNotNull":
      return numbers[0] ?? null;
    case "count":
      return values.length;
    case "range":
      return numbers.length === 0 ? null : Math.max(...numbers) - Math.min(...numbers);
    case "delta": {
      let delta = 0;
      for (let index = 1; index < numbers.length; index++) {
        const step = (numbers[index] as number) - (numbers[index - 1] as number);
        // A counter reset counts from zero, as Grafana's delta does.
        delta += step >= 0 ? step : (numbers[index] as number);
      }
      return delta;
    }
    default:
      return null;
  }
}
