/** Why a preview failed, each kind with the HTTP status the preview API answers with. */
export const PREVIEW_ERROR_KINDS = [
  "bad_request",
  "no_datasource",
  "not_allowed",
  "unknown_endpoint",
  "method_not_allowed",
  "timeout",
  "too_large",
  "unreachable",
  "bad_response",
  "prometheus",
] as const;
export type PreviewErrorKind = (typeof PREVIEW_ERROR_KINDS)[number];

/**
 * The kinds that say the Prometheus itself could not be used (nothing answered, nothing in time, or
 * something that is not Prometheus's API), rather than that one query failed.
 */
export const CONNECTION_ERROR_KINDS: readonly PreviewErrorKind[] = ["unreachable", "timeout", "bad_response"];

/** The Prometheus a failed call was made to, so the answer can say what was tried. */
export interface PreviewErrorTarget {
  /** The base URL, e.g. http://127.0.0.1:9090. */
  url: string;
  /** Which setting the URL came from. */
  source: "previewUrl" | "url" | "demo";
  /** The project's datasource uid, when the URL is one of its datasources'. */
  datasource?: string;
}

const STATUS: Record<PreviewErrorKind, number> = {
  bad_request: 400,
  no_datasource: 404,
  not_allowed: 403,
  unknown_endpoint: 404,
  method_not_allowed: 405,
  timeout: 504,
  too_large: 502,
  unreachable: 502,
  bad_response: 502,
  prometheus: 502,
};

/** Prometheus's own error types: the query's fault answers 422, Prometheus's timeout 504. */
function prometheusStatus(errorType: string | undefined): number {
  switch (errorType) {
    case "bad_data":
    case "execution":
      return 422;
    case "timeout":
    case "canceled":
      return 504;
    default:
      return 502;
  }
}

export class PreviewError extends Error {
  readonly status: number;
  /** Set by the route once it knows which Prometheus the call went to (lib/preview/http.ts). */
  target?: PreviewErrorTarget;

  constructor(
    readonly kind: PreviewErrorKind,
    message: string,
    /** For `prometheus`: Prometheus's errorType (bad_data, execution, timeout, ...). */
    readonly errorType?: string,
  ) {
    super(message);
    this.name = "PreviewError";
    this.status = kind === "prometheus" ? prometheusStatus(errorType) : STATUS[kind];
  }
}
