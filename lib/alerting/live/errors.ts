/**
 * An answer of the Alertmanager itself that is not a success (a silence it does not know, a
 * silence it refuses), or an alert it does not hold. Network failures, timeouts and answers that
 * are not its API are PreviewErrors (lib/prometheus/errors.ts), as for a Prometheus.
 */
export class LiveAlertmanagerError extends Error {
  constructor(
    /** The status the live API answers with: 404 unknown, 422 refused, 502 Alertmanager's own failure. */
    readonly status: 404 | 422 | 502,
    message: string,
  ) {
    super(message);
    this.name = "LiveAlertmanagerError";
  }
}
