"use client";

import { type ReactNode, useState } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import { SettingsInput } from "@/components/form/settings-field";
import type { ModelIssue } from "@/lib/model/issues";

/** Small labelled inputs of the alerting editor, each with the model's messages at its path. */

export interface TextInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly ModelIssue[];
  /** The model path whose issues show under the field. */
  path: string;
  testId: string;
  placeholder?: string;
  hint?: ReactNode;
  wide?: boolean;
  type?: "text" | "number";
}

export function TextInput({
  label,
  value,
  onChange,
  issues,
  path,
  testId,
  placeholder,
  hint,
  wide,
  type = "text",
}: TextInputProps): ReactNode {
  return (
    <SettingsInput
      label={label}
      value={value}
      onChange={onChange}
      issues={issuesWithin(issues, path)}
      testId={testId}
      placeholder={placeholder}
      hint={hint}
      wide={wide}
      type={type}
    />
  );
}

/** An optional text: empty means absent. */
export function optionalText(text: string): string | undefined {
  return text.trim() === "" ? undefined : text.trim();
}

/** `a, b , c` → ["a", "b", "c"]; empty → undefined. */
export function listText(text: string): string[] | undefined {
  const items = text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length > 0 ? items : undefined;
}

/** The object with `key` set, or removed when `value` is undefined (so absent stays absent in the model). */
export function withOptional<T extends object, K extends keyof T>(
  object: T,
  key: K,
  value: T[K] | undefined,
): T {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export interface ListInputProps extends Omit<TextInputProps, "value" | "onChange" | "type"> {
  value: readonly string[] | undefined;
  onChange: (value: string[] | undefined) => void;
}

/**
 * A comma-separated list (group_by, equal labels). The text typed is kept as typed while it means
 * the list the model holds, so a trailing comma survives until the next name is typed; an undo or
 * a rename elsewhere shows the model's list.
 */
export function ListInput({ value, onChange, ...rest }: ListInputProps): ReactNode {
  const [text, setText] = useState(() => (value ?? []).join(", "));
  const shown = sameList(listText(text), value) ? text : (value ?? []).join(", ");
  return (
    <TextInput
      {...rest}
      value={shown}
      onChange={(next) => {
        setText(next);
        onChange(listText(next));
      }}
    />
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, index) => item === right[index]);
}
