import { type TimeInterval, TimeIntervalSchema } from "../../model";
import { isRecord, type Problems } from "./problems";

function rangeOf(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const times = Array.isArray(value.times)
    ? value.times.map((time) =>
        isRecord(time) ? { startTime: time.start_time, endTime: time.end_time } : time,
      )
    : value.times;
  return {
    times,
    weekdays: value.weekdays,
    daysOfMonth: value.days_of_month,
    months: value.months,
    years: value.years,
    location: value.location,
  };
}

/** `time_intervals` and the older top-level `mute_time_intervals`, in one list (Alertmanager merges them too). */
export function timeIntervalsOf(config: Record<string, unknown>, problems: Problems): TimeInterval[] {
  return (["mute_time_intervals", "time_intervals"] as const).flatMap((key) => {
    const list = config[key] ?? [];
    if (!Array.isArray(list)) {
      problems.add(key, "expected a list of time intervals");
      return [];
    }
    return list.flatMap((entry, index) => {
      const parsed = TimeIntervalSchema.safeParse(
        isRecord(entry)
          ? {
              name: entry.name,
              timeIntervals: Array.isArray(entry.time_intervals) ? entry.time_intervals.map(rangeOf) : [],
            }
          : entry,
      );
      if (parsed.success) return [parsed.data];
      for (const issue of parsed.error.issues)
        problems.add(`${key}[${index}].${issue.path.join(".")}`, issue.message);
      return [];
    });
  });
}
