"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { failureReason, type UnusablePrometheus } from "./connection-state";
import { usePreviewConnection } from "./preview-connection";

/**
 * Says once, above the panels, that a Prometheus cannot be used: which URL was tried, from which
 * setting, what went wrong, and where to change it. The panels say only "no connection" meanwhile.
 */

/** Where a datasource's preview URL field is, in the project's settings. */
export function previewUrlFieldHref(projectId: string, datasource: string | undefined): string {
  const settings = `/projects/${encodeURIComponent(projectId)}/settings`;
  return datasource === undefined ? settings : `${settings}#${previewUrlFieldId(datasource)}`;
}

/** The id of a datasource's preview URL input in Settings, which links point at. */
export function previewUrlFieldId(datasource: string): string {
  return `datasource-${datasource}-preview-url`;
}

function headline(entry: UnusablePrometheus): string {
  switch (entry.kind) {
    case "timeout":
      return "Prometheus does not answer in time";
    case "bad_response":
      return "No Prometheus API answers there";
    default:
      return "Prometheus cannot be reached";
  }
}

function triedFrom(entry: UnusablePrometheus): string {
  const datasource = entry.datasource === undefined ? "" : ` of datasource “${entry.datasource}”`;
  switch (entry.source) {
    case "previewUrl":
      return `the preview URL${datasource}`;
    case "url":
      return `the URL${datasource}, which has no preview URL`;
    case "demo":
      return "the demo Prometheus this server was started with (OBSFORGE_DEMO_PROMETHEUS_URL)";
    default: {
      const never: never = entry.source;
      return String(never);
    }
  }
}

export interface ConnectionBannerProps {
  projectId: string;
}

export function ConnectionBanner({ projectId }: ConnectionBannerProps): ReactNode {
  const { unusable } = usePreviewConnection();
  if (unusable.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="connection-banner">
      {unusable.map((entry) => (
        <div key={entry.url} data-testid="connection-problem">
          <strong>{headline(entry)}.</strong> The preview tried{" "}
          <code data-testid="connection-url">{entry.url}</code> ({triedFrom(entry)}):{" "}
          <span data-testid="connection-error">{failureReason(entry.message)}</span>. Panels that query it say
          “no connection”.{" "}
          <Link
            href={previewUrlFieldHref(projectId, entry.datasource)}
            data-testid="connection-settings-link"
          >
            {entry.datasource === undefined ? "Open Settings" : "Set its preview URL in Settings"}
          </Link>
        </div>
      ))}
    </div>
  );
}
