"use client";

import { type ReactNode, useState } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import type { TimeInterval, TimeIntervalRange } from "@/lib/model/alertmanager";
import { freeName, withIntervalRenamed } from "../model/receiver-ops";
import { useAlertingIssues, useAlertingState } from "../store/store-provider";
import { ListInput, optionalText, TextInput, withOptional } from "./fields";

type Times = NonNullable<TimeIntervalRange["times"]>;

/** `09:00-17:00` entries ↔ the model's start and end times. */
function timesOf(list: string[] | undefined): Times | undefined {
  return list?.map((entry) => {
    const [startTime = "", endTime = ""] = entry.split("-").map((part) => part.trim());
    return { startTime, endTime };
  });
}

function timesText(times: Times | undefined): string[] | undefined {
  return times?.map((time) => `${time.startTime}-${time.endTime}`);
}

function NameField({ index, interval }: { index: number; interval: TimeInterval }): ReactNode {
  const edit = useAlertingState((state) => state.edit);
  const intervals = useAlertingState((state) => state.draft.alertmanager.timeIntervals);
  const issues = useAlertingIssues();
  const [text, setText] = useState(interval.name);
  const [problem, setProblem] = useState<string | undefined>();
  const apply = (): void => {
    if (text === interval.name) {
      setProblem(undefined);
      return;
    }
    const refused =
      text.trim() === ""
        ? "a time interval needs a name"
        : intervals.some((entry, i) => i !== index && entry.name === text)
          ? `a time interval "${text}" exists already`
          : undefined;
    setProblem(refused);
    if (!refused) edit((draft) => withIntervalRenamed(draft, index, text));
  };
  const at = `alertmanager.timeIntervals[${index}].name`;
  return (
    <div className="field dash-field">
      <label className="field-label" htmlFor={`interval-name-${index}`}>
        Time interval name
      </label>
      <input
        id={`interval-name-${index}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply();
        }}
        data-testid="interval-name"
      />
      <span className="field-hint">Renaming updates the routes that name it.</span>
      <FieldMessages
        issues={[
          ...(problem ? [{ path: at, message: problem, severity: "error" as const }] : []),
          ...issuesWithin(issues, at),
        ]}
      />
    </div>
  );
}

function RangeFields({
  range,
  at,
  onChange,
}: {
  range: TimeIntervalRange;
  at: string;
  onChange: (range: TimeIntervalRange, field: string) => void;
}): ReactNode {
  const issues = useAlertingIssues();
  const list = (
    key: "weekdays" | "daysOfMonth" | "months" | "years",
    label: string,
    placeholder: string,
  ): ReactNode => (
    <ListInput
      label={label}
      value={range[key]}
      onChange={(value) => onChange(withOptional(range, key, value), key)}
      issues={issues}
      path={`${at}.${key}`}
      testId={`${at}-${key}`}
      placeholder={placeholder}
    />
  );
  return (
    <div className="alerts-field-row">
      <ListInput
        label="Times"
        value={timesText(range.times)}
        onChange={(value) => onChange(withOptional(range, "times", timesOf(value)), "times")}
        issues={issues}
        path={`${at}.times`}
        testId={`${at}-times`}
        placeholder="09:00-17:00"
      />
      {list("weekdays", "Weekdays", "monday:friday")}
      {list("daysOfMonth", "Days of month", "1:7, -1")}
      {list("months", "Months", "january:march")}
      {list("years", "Years", "2026")}
      <TextInput
        label="Location"
        value={range.location ?? ""}
        onChange={(text) => onChange(withOptional(range, "location", optionalText(text)), "location")}
        issues={issues}
        path={`${at}.location`}
        testId={`${at}-location`}
        placeholder="UTC"
      />
    </div>
  );
}

/** The named time intervals routes mute or activate by; each holds when any of its ranges holds. */
export function TimeIntervalsTab(): ReactNode {
  const intervals = useAlertingState((state) => state.draft.alertmanager.timeIntervals);
  const edit = useAlertingState((state) => state.edit);
  const setIntervals = (change: (intervals: TimeInterval[]) => TimeInterval[], key?: string): void =>
    edit(
      (draft) => ({
        ...draft,
        alertmanager: { ...draft.alertmanager, timeIntervals: change(draft.alertmanager.timeIntervals) },
      }),
      key,
    );
  return (
    <div data-testid="intervals-tab">
      {intervals.length === 0 ? <p className="empty">No time intervals.</p> : null}
      {intervals.map((interval, index) => {
        const at = `alertmanager.timeIntervals[${index}]`;
        const updateRange = (r: number, range: TimeIntervalRange, field: string): void =>
          setIntervals(
            (all) =>
              all.map((entry, i) =>
                i === index
                  ? { ...entry, timeIntervals: entry.timeIntervals.map((old, j) => (j === r ? range : old)) }
                  : entry,
              ),
            `${at}.timeIntervals[${r}].${field}`,
          );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: renamed in place; the index is its identity here
          <fieldset key={index} className="alerting-integration" data-testid="time-interval">
            <legend>{interval.name}</legend>
            <NameField key={interval.name} index={index} interval={interval} />
            {interval.timeIntervals.length === 0 ? (
              <p className="muted small">No ranges: this interval always holds.</p>
            ) : null}
            {interval.timeIntervals.map((range, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity
              <div key={r} className="alerting-range">
                <RangeFields
                  range={range}
                  at={`${at}.timeIntervals[${r}]`}
                  onChange={(next, field) => updateRange(r, next, field)}
                />
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() =>
                    setIntervals((all) =>
                      all.map((entry, i) =>
                        i === index
                          ? { ...entry, timeIntervals: entry.timeIntervals.filter((_, j) => j !== r) }
                          : entry,
                      ),
                    )
                  }
                >
                  Remove range {r + 1}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                setIntervals((all) =>
                  all.map((entry, i) =>
                    i === index
                      ? { ...entry, timeIntervals: [...entry.timeIntervals, { weekdays: ["monday:friday"] }] }
                      : entry,
                  ),
                )
              }
            >
              Add range
            </button>
            <button
              type="button"
              className="button button-small button-danger-outline"
              onClick={() => edit((draft) => withIntervalRenamed(draft, index, undefined))}
            >
              Delete {interval.name} (routes stop naming it)
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() =>
          setIntervals((all) => [
            ...all,
            {
              name: freeName(
                all.map((entry) => entry.name),
                "business-hours",
              ),
              timeIntervals: [
                { times: [{ startTime: "09:00", endTime: "17:00" }], weekdays: ["monday:friday"] },
              ],
            },
          ])
        }
        data-testid="add-time-interval"
      >
        Add time interval
      </button>
    </div>
  );
}
