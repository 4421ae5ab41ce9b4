"use client";

import { type ReactNode, useId } from "react";
import { useStore } from "zustand";
import { type FieldIssue, issuesAt } from "@/components/form/field-issues";
import { TextField } from "@/components/form/text-field";
import { ChoiceSelect, type Choices } from "@/components/ui/choice-select";
import type { SloPolicy, SloWindow } from "@/lib/model/slo";
import type { SloDraft } from "./slo-draft";
import type { SloStore } from "./slo-store";

const KINDS: Choices<SloDraft["kind"]> = [
  ["availability", "Availability (good or failed events / all events)"],
  ["latency", "Latency (share of requests under a histogram bucket)"],
];
const COUNTS: Choices<SloDraft["counts"]> = [
  ["errors", "Failed events"],
  ["good", "Good events"],
];
const WINDOWS: Choices<SloWindow> = [
  ["30d", "30 days"],
  ["28d", "28 days"],
];
const POLICIES: Choices<SloPolicy> = [
  ["sre-workbook", "SRE workbook (1h/5m ×14.4, 6h/30m ×6 page; 3d/6h ×1 ticket)"],
  ["sloth", "Sloth (2 %/1h, 5 %/6h page; 10 %/1d, 10 %/3d ticket)"],
  ["pyrra", "Pyrra (×14, ×7 critical; ×2, ×1 warning, windows scaled, with for)"],
];

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  choices: Choices<T>;
  onChange: (value: T) => void;
  testId: string;
}

function SelectField<T extends string>({
  label,
  value,
  choices,
  onChange,
  testId,
}: SelectFieldProps<T>): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <ChoiceSelect id={id} value={value} choices={choices} onChange={onChange} testId={testId} />
    </div>
  );
}

export interface SloFormProps {
  store: SloStore;
  issues: readonly FieldIssue[];
}

/** The SLO's fields; every change regenerates the preview beside it. */
export function SloForm({ store, issues }: SloFormProps): ReactNode {
  const draft = useStore(store, (state) => state.draft);
  const set = useStore(store, (state) => state.setDraft);
  const at = (path: string): FieldIssue[] => issuesAt(issues, path);
  return (
    <fieldset className="card slo-form">
      <legend>Objective</legend>
      <div className="alerts-field-row">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(name) => set({ name })}
          issues={at("name")}
          testId="slo-name"
          hint="Becomes the slo label of every rule"
        />
        <TextField
          label="Objective (%)"
          value={draft.objective}
          onChange={(objective) => set({ objective })}
          issues={at("objective")}
          testId="slo-objective"
          placeholder="99.9"
        />
        <SelectField
          label="Window"
          value={draft.window}
          choices={WINDOWS}
          onChange={(window) => set({ window })}
          testId="slo-window"
        />
      </div>
      <SelectField
        label="Indicator"
        value={draft.kind}
        choices={KINDS}
        onChange={(kind) => set({ kind })}
        testId="slo-kind"
      />
      {draft.kind === "availability" ? (
        <>
          <div className="alerts-field-row">
            <SelectField
              label="First query counts"
              value={draft.counts}
              choices={COUNTS}
              onChange={(counts) => set({ counts })}
              testId="slo-counts"
            />
            <TextField
              className="wide"
              label={draft.counts === "errors" ? "Failed events (counter)" : "Good events (counter)"}
              value={draft.eventsQuery}
              onChange={(eventsQuery) => set({ eventsQuery })}
              issues={at("indicator.events")}
              testId="slo-events"
              hint="A counter selector, summed as sum(rate(…[window])); or a query with [$window]"
            />
          </div>
          <TextField
            className="wide"
            label="All events (counter)"
            value={draft.totalQuery}
            onChange={(totalQuery) => set({ totalQuery })}
            issues={at("indicator.total")}
            testId="slo-total"
          />
        </>
      ) : (
        <div className="alerts-field-row">
          <TextField
            label="Histogram"
            value={draft.histogram}
            onChange={(histogram) => set({ histogram })}
            issues={at("indicator.histogram")}
            testId="slo-histogram"
            placeholder="http_request_duration_seconds"
            hint="Reads <name>_bucket and <name>_count"
          />
          <TextField
            label="Fast under (le)"
            value={draft.threshold}
            onChange={(threshold) => set({ threshold })}
            issues={at("indicator.threshold")}
            testId="slo-threshold"
            placeholder="0.3"
          />
          <TextField
            className="wide"
            label="Label matchers"
            value={draft.matchers}
            onChange={(matchers) => set({ matchers })}
            issues={at("indicator.matchers")}
            testId="slo-matchers"
            placeholder='job="api"'
          />
        </div>
      )}
      <TextField
        label="Group by (labels, comma separated)"
        value={draft.groupBy}
        onChange={(groupBy) => set({ groupBy })}
        issues={at("groupBy")}
        testId="slo-group-by"
        hint="One SLO per value, e.g. route"
      />
      <SelectField
        label="Alerting policy"
        value={draft.policy}
        choices={POLICIES}
        onChange={(policy) => set({ policy })}
        testId="slo-policy"
      />
      <div className="alerts-field-row">
        <TextField
          label="Alert name"
          value={draft.alertName}
          onChange={(alertName) => set({ alertName })}
          issues={at("alertName")}
          testId="slo-alert-name"
          placeholder="the policy's default"
        />
        <TextField
          label="Page labels"
          value={draft.pageLabels}
          onChange={(pageLabels) => set({ pageLabels })}
          issues={at("pageLabels")}
          testId="slo-page-labels"
          placeholder="severity=critical"
        />
        <TextField
          label="Ticket labels"
          value={draft.ticketLabels}
          onChange={(ticketLabels) => set({ ticketLabels })}
          issues={at("ticketLabels")}
          testId="slo-ticket-labels"
          placeholder="severity=warning"
        />
      </div>
    </fieldset>
  );
}
