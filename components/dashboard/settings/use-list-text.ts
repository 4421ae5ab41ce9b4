"use client";

import { useEffect, useRef, useState } from "react";
import { sameValue } from "@/lib/json/same-value";
import { formatCommaList, parseCommaList } from "../model/comma-list";

/**
 * A list of values edited as one comma-separated line and kept in step with the draft both ways:
 * typing applies the values as they parse (so a trailing "a, " stays as typed), and a change made
 * elsewhere (undo, the JSON tab) rewrites the line unless it already says the same.
 */
export function useListText(
  values: readonly string[],
  apply: (values: string[]) => void,
): [string, (text: string) => void] {
  const [text, setText] = useState(() => formatCommaList(values));
  const textRef = useRef(text);
  useEffect(() => {
    if (sameValue(parseCommaList(textRef.current), values)) return;
    const next = formatCommaList(values);
    textRef.current = next;
    setText(next);
  }, [values]);
  const onText = (next: string): void => {
    textRef.current = next;
    setText(next);
    const parsed = parseCommaList(next);
    if (!sameValue(parsed, values)) apply(parsed);
  };
  return [text, onText];
}
