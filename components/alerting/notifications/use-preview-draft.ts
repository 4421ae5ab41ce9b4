"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { type AlertingDraft, AlertingDraftSchema } from "@/lib/alerting/notify/api-schemas";
import { sameValue } from "@/lib/json/same-value";
import { useAlertingState } from "../store/store-provider";

/** How long the draft must stay unchanged before the messages are rendered again. */
const SETTLE_MS = 300;

export interface PreviewDraft {
  /** The draft to render and send; undefined when it equals the saved section (nothing unsaved). */
  draft: AlertingDraft | undefined;
  /** The draft as a string, for query keys ("" when nothing is unsaved). */
  key: string;
  /** The editor's draft does not parse (a half-typed value): the last one that did is used. */
  behind: boolean;
}

/**
 * The alerting editor's draft as the notifications preview uses it: once it has stopped changing
 * for a moment (not one render per keystroke), and only a draft the server would accept; while
 * the editor holds one it would refuse, the last acceptable draft stays in use.
 */
export function usePreviewDraft(): PreviewDraft {
  const draft = useAlertingState((state) => state.draft);
  const base = useAlertingState((state) => state.base.draft);
  const [settled, setSettled] = useState(draft);
  useEffect(() => {
    if (settled === draft) return;
    const timer = setTimeout(() => setSettled(draft), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft, settled]);
  const lastGood = useRef<AlertingDraft | undefined>(undefined);
  return useMemo(() => {
    const parsed = AlertingDraftSchema.safeParse(settled);
    if (parsed.success) lastGood.current = sameValue(settled, base) ? undefined : parsed.data;
    const used = lastGood.current;
    return { draft: used, key: used ? JSON.stringify(used) : "", behind: !parsed.success };
  }, [settled, base]);
}
