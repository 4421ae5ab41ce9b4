"use client";

import type { ReactNode } from "react";
import styles from "./code-editor.module.css";
import type { JsonEditorMarker } from "./types";

export interface MarkerListProps {
  markers: readonly JsonEditorMarker[];
  testId?: string;
  /** Moves the editor's cursor to a marker (Monaco only). */
  onSelect?(marker: JsonEditorMarker): void;
}

/**
 * The markers as text under the editor: squiggles alone are invisible to screen readers and easy
 * to miss below the fold. With Monaco, a click jumps to the marker.
 */
export function MarkerList({ markers, testId, onSelect }: MarkerListProps): ReactNode {
  if (markers.length === 0) return null;
  return (
    <ul className={styles.markers} data-testid={testId ? `${testId}-markers` : undefined}>
      {markers.map((marker, index) => (
        <li
          // Markers carry no id; the same path may have several messages.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole from the markers.
          key={index}
          className={marker.severity === "error" ? styles.markerError : styles.markerWarning}
          data-severity={marker.severity}
        >
          {onSelect ? (
            <button type="button" className={styles.markerButton} onClick={() => onSelect(marker)}>
              <code>{marker.path || "(root)"}</code>
            </button>
          ) : (
            <code>{marker.path || "(root)"}</code>
          )}{" "}
          {marker.message}
        </li>
      ))}
    </ul>
  );
}
