"use client";

import { type ReactNode, useState } from "react";
import { LazyJsonEditor, LazyPromqlEditor } from "@/components/code-editor";

interface AddedEditor {
  /** Numbers are never reused, so a removed editor's testId never comes back. */
  number: number;
  language: "json" | "promql";
  value: string;
}

const FIRST_VALUE: Record<AddedEditor["language"], string> = { json: '{\n  "added": true\n}', promql: "up" };

/**
 * Editors created one at a time, long after the page's first ones, and removed again: Monaco
 * registers some features only when the JSON language arrives, and an editor created after that
 * must still find every service those features need.
 */
export function AddedEditors({ projectId }: { projectId: string }): ReactNode {
  const [editors, setEditors] = useState<AddedEditor[]>([]);
  const [count, setCount] = useState(0);

  const add = (language: AddedEditor["language"]): void => {
    const number = count + 1;
    setCount(number);
    setEditors((current) => [...current, { number, language, value: FIRST_VALUE[language] }]);
  };
  const setValue = (number: number, value: string): void =>
    setEditors((current) => current.map((entry) => (entry.number === number ? { ...entry, value } : entry)));
  const remove = (number: number): void =>
    setEditors((current) => current.filter((entry) => entry.number !== number));

  return (
    <section>
      <h2>Editors added one after another</h2>
      <button type="button" onClick={() => add("json")}>
        Add a JSON editor
      </button>
      <button type="button" onClick={() => add("promql")}>
        Add a PromQL editor
      </button>
      {editors.map((entry) => (
        <div key={entry.number} data-testid={`added-${entry.number}`}>
          {entry.language === "json" ? (
            <LazyJsonEditor
              value={entry.value}
              onChange={(value) => setValue(entry.number, value)}
              height={100}
              ariaLabel={`Added JSON editor ${entry.number}`}
              testId={`added-editor-${entry.number}`}
            />
          ) : (
            <LazyPromqlEditor
              value={entry.value}
              onChange={(value) => setValue(entry.number, value)}
              projectId={projectId}
              ariaLabel={`Added PromQL editor ${entry.number}`}
              testId={`added-editor-${entry.number}`}
              height={60}
            />
          )}
          <pre data-testid={`added-value-${entry.number}`}>{entry.value}</pre>
          <button type="button" onClick={() => remove(entry.number)}>
            Remove editor {entry.number}
          </button>
        </div>
      ))}
    </section>
  );
}
