import type { ReactNode } from "react";

export interface Tab<T extends string> {
  id: T;
  label: string;
}

export interface TabListProps<T extends string> {
  /** What the tabs choose between, for assistive technology. */
  label: string;
  tabs: readonly Tab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Each tab's test id is this prefix and its id. */
  testIdPrefix: string;
}

/** A row of tabs; the caller renders the selected panel. */
export function TabList<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  testIdPrefix,
}: TabListProps<T>): ReactNode {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={selected === tab.id}
          className={selected === tab.id ? "tab active" : "tab"}
          onClick={() => onSelect(tab.id)}
          data-testid={`${testIdPrefix}${tab.id}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
