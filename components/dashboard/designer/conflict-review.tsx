"use client";

import Link from "next/link";
import { type ReactNode, useMemo } from "react";
import { ConflictReview } from "@/components/section-save/conflict-review";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import { mergeDashboards } from "../model/merge";
import { useDashboardStoreApi, useProjectId } from "../store/store-provider";

function dashboardFrom(content: unknown): Dashboard | undefined {
  const parsed = DashboardSchema.safeParse(content);
  return parsed.success ? parsed.data : undefined;
}

/** After a 409 on this dashboard: the section kit's review, with the dashboard's three-way merge. */
export function DashboardConflictReview(): ReactNode {
  const projectId = useProjectId();
  const store = useDashboardStoreApi();
  const editor = useMemo(
    () => ({ store, selectDraft: (state: { dashboard: Dashboard }) => state.dashboard }),
    [store],
  );
  return (
    <ConflictReview
      editor={editor}
      subject="this dashboard"
      fromContent={dashboardFrom}
      merge={(base, mine, theirs) => {
        const merged = mergeDashboards(base, mine, theirs);
        return { draft: merged.dashboard, conflicts: merged.conflicts, theirChanges: merged.theirChanges };
      }}
      removedAction={
        <Link className="button" href={`/projects/${projectId}`}>
          Leave (the dashboard was removed)
        </Link>
      }
    />
  );
}
