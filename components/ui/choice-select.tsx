import type { ReactNode } from "react";

export type Choices<T extends string> = ReadonlyArray<readonly [value: T, label: string]>;

export interface ChoiceSelectProps<T extends string> {
  id?: string;
  value: T;
  choices: Choices<T>;
  onChange: (value: T) => void;
  testId?: string;
}

/** A drop-down over a fixed set of values, each shown by its label; `onChange` gets the value typed. */
export function ChoiceSelect<T extends string>({
  id,
  value,
  choices,
  onChange,
  testId,
}: ChoiceSelectProps<T>): ReactNode {
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value as T)}
      data-testid={testId}
    >
      {choices.map(([choice, label]) => (
        <option key={choice} value={choice}>
          {label}
        </option>
      ))}
    </select>
  );
}
