"use client";

import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { failureReason } from "@/components/preview/connection-state";
import { ApiRequestError } from "@/lib/api/client";
import {
  type TestConnectionBody,
  type TestConnectionResponse,
  testPrometheusConnection,
} from "@/lib/api/connection-client";
import { PrometheusBaseUrlSchema } from "@/lib/api/preview-schemas";

/**
 * "Test connection" for a Prometheus datasource (Grafana's "Save & test"): checks, through the
 * server, the URLs as typed, saved or not, and says what answered there or what went wrong. The
 * result belongs to the URLs it was run on; once they are edited it is no longer shown.
 */

export interface ConnectionTestProps {
  projectId: string;
  url: string;
  previewUrl: string;
  testId: string;
}

const OK_STYLE = { color: "var(--success)" } as const;
const FAILED_STYLE = { color: "var(--danger)" } as const;

interface Typed {
  url: string;
  previewUrl: string;
}

/** The body for these URLs, or the first problem with them, checked as the server checks them. */
function requestBody(typed: Typed): { body: TestConnectionBody } | { problem: string } {
  const check = (label: string, value: string): string | undefined => {
    const parsed = PrometheusBaseUrlSchema.safeParse(value);
    return parsed.success ? undefined : `${label}: ${parsed.error.issues[0]?.message ?? "not a URL"}`;
  };
  if (typed.previewUrl !== "") {
    const problem = check("Preview URL", typed.previewUrl);
    if (problem) return { problem };
  }
  const problem = check("URL", typed.url);
  if (problem && typed.previewUrl === "") return { problem };
  // With a preview URL, the server calls only that one; a URL still being typed must not stop the
  // test, so the preview URL stands in for it in the body.
  const url = problem ? typed.previewUrl : typed.url;
  return {
    body: { datasource: typed.previewUrl === "" ? { url } : { url, previewUrl: typed.previewUrl } },
  };
}

function sourceNote(result: TestConnectionResponse): string {
  switch (result.source) {
    case "previewUrl":
      return "";
    case "url":
      return " (the URL: the preview URL is empty)";
    case "demo":
      return " (the demo Prometheus this server runs: previews use it while the preview URL is empty)";
    default: {
      const never: never = result.source;
      return String(never);
    }
  }
}

function seriesText(series: number | null, seriesError: string | undefined): string {
  if (series === null) return `series count unknown (${seriesError ?? "not reported"})`;
  return `${series.toLocaleString("en-US")} series in memory`;
}

function Result({ result }: { result: TestConnectionResponse }): ReactNode {
  if (result.ok) {
    return (
      <span style={OK_STYLE} data-testid="connection-result" data-ok="true">
        ✓ Prometheus <strong data-testid="connection-version">{result.version}</strong>,{" "}
        <span data-testid="connection-series">{seriesText(result.series, result.seriesError)}</span>, at{" "}
        <code>{result.url}</code>
        {sourceNote(result)}.
      </span>
    );
  }
  return (
    <span style={FAILED_STYLE} data-testid="connection-result" data-ok="false">
      ✗ Cannot use <code>{result.url}</code>
      {sourceNote(result)}: <span data-testid="connection-error">{failureReason(result.error)}</span>
    </span>
  );
}

export function ConnectionTest({ projectId, url, previewUrl, testId }: ConnectionTestProps): ReactNode {
  const typed: Typed = { url: url.trim(), previewUrl: previewUrl.trim() };
  const [tested, setTested] = useState<Typed>();
  const [problem, setProblem] = useState<string>();
  const mutation = useMutation({
    mutationFn: (body: TestConnectionBody) => testPrometheusConnection(projectId, body),
  });
  const current = tested !== undefined && tested.url === typed.url && tested.previewUrl === typed.previewUrl;

  const run = (): void => {
    setTested(typed);
    const built = requestBody(typed);
    if ("problem" in built) {
      setProblem(built.problem);
      mutation.reset();
      return;
    }
    setProblem(undefined);
    mutation.mutate(built.body);
  };

  let shown: ReactNode = null;
  if (current && mutation.isPending) shown = <span className="muted">Testing…</span>;
  else if (current && problem) {
    shown = (
      <span style={FAILED_STYLE} data-testid="connection-result" data-ok="false">
        {problem}
      </span>
    );
  } else if (current && mutation.data) shown = <Result result={mutation.data} />;
  else if (current && mutation.error) {
    const error = mutation.error;
    const issues = error instanceof ApiRequestError ? error.body.issues.map((issue) => issue.message) : [];
    shown = (
      <span style={FAILED_STYLE} data-testid="connection-result" data-ok="false">
        {[error.message, ...issues].join(": ")}
      </span>
    );
  }

  return (
    <div className="actions small" aria-live="polite">
      <button
        type="button"
        className="button button-small"
        onClick={run}
        disabled={mutation.isPending}
        data-testid={`${testId}-test-connection`}
        title="Asks the Prometheus these URLs lead to, through Obsforge's server, for its version and series count"
      >
        Test connection
      </button>
      {shown}
    </div>
  );
}
