"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import type { ModelIssue } from "@/lib/model/issues";
import type { Panel } from "@/lib/model/panel";
import { useDraftIssues } from "../designer/draft-issues";
import {
  issuesOfPanel,
  type JsonEdit,
  parseDashboardJson,
  parsePanelJson,
  toEditorJson,
} from "../model/issues";
import { sameValue } from "../model/same-value";
import { useDraftActions, useDraftDashboard } from "../store/store-provider";
import { LazyJsonEditor } from "./code-editors";

interface SyncedJson {
  text: string;
  onText: (text: string) => void;
  /** Why the text is not applied, when it is not. */
  parseIssues: ModelIssue[];
}

/**
 * JSON text kept in step with a model value both ways: typing applies the value as soon as it
 * parses and passes the schema; a change made elsewhere (the form, undo) rewrites the text,
 * unless the text already says the same.
 */
function useSyncedJson<T>(
  value: T,
  parse: (text: string) => JsonEdit<T>,
  apply: (next: T) => void,
): SyncedJson {
  const [text, setText] = useState(() => toEditorJson(value));
  const [parseIssues, setParseIssues] = useState<ModelIssue[]>([]);
  const textRef = useRef(text);
  useEffect(() => {
    const current = parse(textRef.current);
    if (current.ok && sameValue(current.value, value)) return;
    const next = toEditorJson(value);
    textRef.current = next;
    setText(next);
    setParseIssues([]);
  }, [value, parse]);
  const onText = (next: string): void => {
    textRef.current = next;
    setText(next);
    const parsed = parse(next);
    if (!parsed.ok) {
      setParseIssues(parsed.issues);
      return;
    }
    setParseIssues([]);
    if (!sameValue(parsed.value, value)) apply(parsed.value);
  };
  return { text, onText, parseIssues };
}

export interface PanelJsonTabProps {
  panel: Panel;
}

/** The panel as JSON in the code editor; the model's issues are markers at their paths. */
export function PanelJsonTab({ panel }: PanelJsonTabProps): ReactNode {
  const dashboard = useDraftDashboard();
  const { updatePanel } = useDraftActions();
  const index = dashboard.panels.findIndex((entry) => entry.id === panel.id);
  const modelIssues = issuesOfPanel(useDraftIssues(), index);
  const json = useSyncedJson(panel, parsePanelJson, (next) =>
    updatePanel(panel.id, () => next, `panel:${panel.id}:json`),
  );
  const markers = json.parseIssues.length > 0 ? json.parseIssues : modelIssues;
  return (
    <div className="dash-json-tab" data-testid="panel-json-tab" data-value={json.text}>
      <LazyJsonEditor
        value={json.text}
        onChange={json.onText}
        markers={markers}
        height={520}
        ariaLabel={`Panel "${panel.title}" as JSON`}
        testId="panel-json-editor"
      />
      <p className="field-hint">
        {json.parseIssues.length > 0
          ? "Not applied: fix the problems marked above."
          : "Edits apply as you type; paths of problems are relative to the panel."}
      </p>
    </div>
  );
}

/** The whole dashboard as JSON; its uid is fixed (it is the page's address). */
export function DashboardJsonTab(): ReactNode {
  const dashboard = useDraftDashboard();
  const { edit } = useDraftActions();
  const issues = useDraftIssues();
  const uid = dashboard.uid;
  const parse = useRef((text: string) => parseDashboardJson(text, uid)).current;
  const json = useSyncedJson(dashboard, parse, (next) => edit(() => next, "dashboard:json"));
  const markers = json.parseIssues.length > 0 ? json.parseIssues : issues;
  return (
    <div className="dash-json-tab" data-testid="dashboard-json-tab" data-value={json.text}>
      <LazyJsonEditor
        value={json.text}
        onChange={json.onText}
        markers={markers}
        height={560}
        ariaLabel={`Dashboard "${dashboard.title}" as JSON`}
        testId="dashboard-json-editor"
      />
    </div>
  );
}
