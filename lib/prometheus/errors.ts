/** Why a preview failed, each kind with the HTTP status the preview API answers with. */
export type PreviewErrorKind =
  | "bad_request"
  | "no_datasource"
  | "not_allowed"
  | "unknown_endpoint"
  | "method_not_allowed"
  | "timeout"
  | "too_large"
  | "unreachable"
  | "bad_response"
  | "prometheus";

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
