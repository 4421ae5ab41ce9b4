"use client";

import { type ReactNode, useState } from "react";
import { TabList } from "@/components/ui/tab-list";
import { useDraftVariables, useViewState } from "../store/store-provider";
import { GeneralSettings } from "./general-settings";
import { useSettingsIssues } from "./use-settings-issues";
import { VariablesSettings } from "./variables-settings";

type SettingsTab = "general" | "variables";

/**
 * Dashboard settings over the grid, like the dashboard JSON: general settings and the template
 * variables. Every field edits the draft through the store, so undo, autosave, the save state and
 * the JSON tab see each change; the model's issues show beside the fields they are about.
 */
export function DashboardSettings(): ReactNode {
  const { setSettingsOpen } = useViewState();
  const variables = useDraftVariables();
  const issues = useSettingsIssues();
  const [tab, setTab] = useState<SettingsTab>("general");
  const tabs: { id: SettingsTab; label: string }[] = [
    { id: "general", label: "General" },
    { id: "variables", label: `Variables (${variables.length})` },
  ];
  return (
    <section
      className="card dash-settings-drawer"
      aria-label="Dashboard settings"
      data-testid="dashboard-settings"
    >
      <div className="dash-drawer-bar">
        <strong>Dashboard settings</strong>
        <button
          type="button"
          className="button"
          onClick={() => setSettingsOpen(false)}
          data-testid="settings-close"
        >
          Close
        </button>
      </div>
      <TabList label="Settings" tabs={tabs} selected={tab} onSelect={setTab} testIdPrefix="settings-tab-" />
      <div role="tabpanel">
        {tab === "general" ? <GeneralSettings issues={issues} /> : <VariablesSettings issues={issues} />}
      </div>
    </section>
  );
}
