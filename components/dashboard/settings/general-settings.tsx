"use client";

import type { ReactNode } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import { SettingsField } from "@/components/form/settings-field";
import { ChoiceSelect } from "@/components/ui/choice-select";
import { QUICK_RANGES, REFRESH_INTERVALS } from "@/lib/dashboard/time-range";
import type { ModelIssue } from "@/lib/model/issues";
import { useDraftActions, useDraftDashboard } from "../store/store-provider";
import { TagEditor } from "./tag-editor";

const TIMEZONES = [
  ["browser", "The viewer's browser"],
  ["utc", "UTC"],
] as const;

export interface GeneralSettingsProps {
  issues: readonly ModelIssue[];
}

/** Title, description, tags and the defaults a viewer starts with (time range, refresh, time zone). */
export function GeneralSettings({ issues }: GeneralSettingsProps): ReactNode {
  const dashboard = useDraftDashboard();
  const { setGeneral } = useDraftActions();
  const refreshKnown = REFRESH_INTERVALS.some((interval) => interval.value === dashboard.refresh);
  const quick = QUICK_RANGES.find(
    (range) => range.from === dashboard.time.from && range.to === dashboard.time.to,
  );
  return (
    <div className="dash-form" data-testid="settings-general">
      <SettingsField label="Title" issues={issuesWithin(issues, "title")} testId="settings-title">
        {(id, invalid) => (
          <input
            id={id}
            value={dashboard.title}
            aria-invalid={invalid}
            onChange={(event) => setGeneral({ title: event.target.value }, "settings:title")}
            data-testid="settings-title"
          />
        )}
      </SettingsField>
      <SettingsField label="Description" issues={issuesWithin(issues, "description")}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            value={dashboard.description ?? ""}
            onChange={(event) =>
              setGeneral(
                { description: event.target.value === "" ? undefined : event.target.value },
                "settings:description",
              )
            }
            data-testid="settings-description"
          />
        )}
      </SettingsField>
      <SettingsField label="Tags" issues={issuesWithin(issues, "tags")} hint="Enter or a comma adds a tag.">
        {(id) => <TagEditor id={id} tags={dashboard.tags} onChange={(tags) => setGeneral({ tags })} />}
      </SettingsField>
      <SettingsField
        label="UID"
        issues={issuesWithin(issues, "uid")}
        hint="Read-only: it is this page's address and what links to the dashboard in Grafana point at."
      >
        {(id) => <input id={id} value={dashboard.uid} readOnly data-testid="settings-uid" />}
      </SettingsField>
      <fieldset className="dash-fieldset">
        <legend>Defaults a viewer starts with</legend>
        <div className="dash-field-row">
          <SettingsField label="Time range" issues={[]}>
            {(id) => (
              <select
                id={id}
                value={quick ? `${quick.from}|${quick.to}` : ""}
                onChange={(event) => {
                  const [from = "", to = ""] = event.target.value.split("|");
                  if (from !== "") setGeneral({ time: { from, to } });
                }}
                data-testid="settings-time-quick"
              >
                {quick ? null : <option value="">Custom</option>}
                {QUICK_RANGES.map((range) => (
                  <option key={`${range.from}|${range.to}`} value={`${range.from}|${range.to}`}>
                    {range.display}
                  </option>
                ))}
              </select>
            )}
          </SettingsField>
          <SettingsField label="From" issues={issuesWithin(issues, "time.from")} testId="settings-time-from">
            {(id, invalid) => (
              <input
                id={id}
                value={dashboard.time.from}
                aria-invalid={invalid}
                onChange={(event) =>
                  setGeneral({ time: { ...dashboard.time, from: event.target.value } }, "settings:time.from")
                }
                data-testid="settings-time-from"
              />
            )}
          </SettingsField>
          <SettingsField label="To" issues={issuesWithin(issues, "time.to")} testId="settings-time-to">
            {(id, invalid) => (
              <input
                id={id}
                value={dashboard.time.to}
                aria-invalid={invalid}
                onChange={(event) =>
                  setGeneral({ time: { ...dashboard.time, to: event.target.value } }, "settings:time.to")
                }
                data-testid="settings-time-to"
              />
            )}
          </SettingsField>
        </div>
        <div className="dash-field-row">
          <SettingsField
            label="Auto-refresh"
            issues={issuesWithin(issues, "refresh")}
            testId="settings-refresh"
          >
            {(id) => (
              <select
                id={id}
                value={dashboard.refresh}
                onChange={(event) => setGeneral({ refresh: event.target.value })}
                data-testid="settings-refresh"
              >
                {refreshKnown ? null : <option value={dashboard.refresh}>{dashboard.refresh}</option>}
                {REFRESH_INTERVALS.map((interval) => (
                  <option key={interval.value} value={interval.value}>
                    {interval.label}
                  </option>
                ))}
              </select>
            )}
          </SettingsField>
          <SettingsField label="Time zone" issues={issuesWithin(issues, "timezone")}>
            {(id) => (
              <ChoiceSelect
                id={id}
                value={dashboard.timezone}
                choices={TIMEZONES}
                onChange={(timezone) => setGeneral({ timezone })}
                testId="settings-timezone"
              />
            )}
          </SettingsField>
        </div>
        <p className="field-hint">
          These are what the dashboard opens with; the toolbar changes only this view until you press “Make
          default”.
        </p>
      </fieldset>
    </div>
  );
}
