import type { ReactNode } from "react";
import { flattenDraft, type RebaseResult, type SettingsDraft } from "./settings-draft";

export interface ReviewLatestProps {
  startedFrom: number;
  latestVersion: number;
  original: SettingsDraft;
  latest: SettingsDraft;
  mine: SettingsDraft;
  rebase: RebaseResult;
}

/**
 * Side by side: what the user started from, what is stored now, the draft, and the merge; the
 * conflict review (components/section-save) around it offers re-applying or discarding.
 */
export function ReviewLatest({
  startedFrom,
  latestVersion,
  original,
  latest,
  mine,
  rebase,
}: ReviewLatestProps): ReactNode {
  const before = new Map(flattenDraft(original).map((f) => [f.key, f.value]));
  const theirs = new Map(flattenDraft(latest).map((f) => [f.key, f.value]));
  const merged = new Map(flattenDraft(rebase.draft).map((f) => [f.key, f.value]));
  const conflicted = new Set(rebase.conflicts.map((c) => c.key));
  const rows = flattenDraft(mine).filter(
    (field) => before.get(field.key) !== field.value || theirs.get(field.key) !== before.get(field.key),
  );
  return (
    <section className="card review" aria-label="Latest version">
      <h2>Version {latestVersion} compared with your draft</h2>
      <table>
        <thead>
          <tr>
            <th>Field</th>
            <th>Version {startedFrom} (you started here)</th>
            <th>Version {latestVersion} (latest)</th>
            <th>Your draft</th>
            <th>After re-applying</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((field) => (
            <tr
              key={field.key}
              className={conflicted.has(field.key) ? "conflict" : undefined}
              data-testid="review-row"
            >
              <td>{field.label}</td>
              <td>{before.get(field.key) ?? "—"}</td>
              <td className={theirs.get(field.key) !== before.get(field.key) ? "changed" : undefined}>
                {theirs.get(field.key) ?? "—"}
              </td>
              <td className={field.value !== before.get(field.key) ? "changed" : undefined}>{field.value}</td>
              <td>{merged.get(field.key) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rebase.conflicts.length > 0 ? (
        <p className="notice notice-warning" data-testid="review-conflicts">
          You and version {latestVersion} both changed{" "}
          {rebase.conflicts.map((c) => c.label.toLowerCase()).join(", ")}. Re-applying keeps your value
          {rebase.conflicts.length === 1 ? "" : "s"} there.
        </p>
      ) : null}
    </section>
  );
}
