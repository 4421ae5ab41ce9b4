"use client";

import { useEffect, useRef, useState } from "react";
import { sameValue } from "@/lib/json/same-value";
import type { ModelIssue } from "@/lib/model/issues";
import type { RuleGroup } from "@/lib/model/rule";
import { ruleGroupFromYaml, ruleGroupToYaml } from "../model/rule-yaml";

export interface SyncedYaml {
  text: string;
  onText: (text: string) => void;
  /** Why the text is not applied to the group, when it is not: markers of the YAML tab only. */
  parseIssues: ModelIssue[];
}

/**
 * The YAML tab's text kept in step with the group both ways: typing applies the group as soon as
 * the text describes one (its checks then mark the form and the text alike); a change made in the
 * form (or undo) rewrites the text, unless the text already says the same.
 */
export function useSyncedYaml(group: RuleGroup, apply: (next: RuleGroup) => void): SyncedYaml {
  const [text, setText] = useState(() => ruleGroupToYaml(group));
  const [parseIssues, setParseIssues] = useState<ModelIssue[]>([]);
  const textRef = useRef(text);
  useEffect(() => {
    const current = ruleGroupFromYaml(textRef.current, group);
    if (current.ok && sameValue(current.group, group)) return;
    const next = ruleGroupToYaml(group);
    textRef.current = next;
    setText(next);
    setParseIssues([]);
  }, [group]);
  const onText = (next: string): void => {
    textRef.current = next;
    setText(next);
    const parsed = ruleGroupFromYaml(next, group);
    if (!parsed.ok) {
      setParseIssues(parsed.issues);
      return;
    }
    setParseIssues([]);
    if (!sameValue(parsed.group, group)) apply(parsed.group);
  };
  return { text, onText, parseIssues };
}
