"use client";

import { useEffect, useRef, useState } from "react";
import { sameValue } from "@/lib/json/same-value";
import type { ModelIssue } from "@/lib/model/issues";
import { type JsonEdit, toEditorJson } from "./json-edit";

export interface SyncedJson {
  text: string;
  onText: (text: string) => void;
  /** Why the text is not applied, when it is not: show these as the editor's markers. */
  parseIssues: ModelIssue[];
  /** What the last conversion of pasted text did (JsonEdit.converted); empty when none. */
  converted: string[];
}

/**
 * JSON text kept in step with a model value both ways: typing applies the value as soon as it
 * parses and passes the schema; a change made elsewhere (the form, undo) rewrites the text,
 * unless the text already says the same.
 */
export function useSyncedJson<T>(
  value: T,
  parse: (text: string) => JsonEdit<T>,
  apply: (next: T) => void,
): SyncedJson {
  const [text, setText] = useState(() => toEditorJson(value));
  const [parseIssues, setParseIssues] = useState<ModelIssue[]>([]);
  const [converted, setConverted] = useState<string[]>([]);
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
    if (parsed.converted) {
      // Another dialect, converted: the editor shows what it became, in the model's words.
      const rewritten = toEditorJson(parsed.value);
      textRef.current = rewritten;
      setText(rewritten);
      setConverted(parsed.converted);
    }
    if (!sameValue(parsed.value, value)) apply(parsed.value);
  };
  return { text, onText, parseIssues, converted };
}
