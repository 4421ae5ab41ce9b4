"use client";

import { type ReactNode, useEffect, useMemo, useState } from "react";
import type { RenderedTemplate } from "@/lib/alerting/templates/annotation-preview-schemas";
import { ApiRequestError } from "@/lib/api/client";
import styles from "./annotation-preview.module.css";
import { parseErrors, renderErrors, type TemplateField, type TemplateRule } from "./field-errors";
import { seriesLabel } from "./series-label";
import { useAnnotationPreview } from "./use-annotation-preview";

export interface AnnotationPreviewProps {
  projectId: string;
  /** The rule as edited in the form (saved or not): name, expression, labels, annotations. */
  rule: TemplateRule;
  /** The project's Prometheus datasource to evaluate on; default: the project's default one. */
  datasource?: string;
  /** `$externalLabels` of the Prometheus that runs the rule, when the project knows them. */
  externalLabels?: Readonly<Record<string, string>>;
  /**
   * Called whenever the fields' errors change, keyed `labels.<name>` / `annotations.<name>`: parse
   * errors at once (no server needed), execution errors once the preview has rendered. The form
   * shows each under its field.
   */
  onFieldErrors?: (errors: Partial<Record<TemplateField, string>>) => void;
}

function RenderedList({ title, items }: { title: string; items: readonly RenderedTemplate[] }): ReactNode {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      <dl className={styles.fields}>
        {items.map((item) => (
          <div
            key={item.key}
            style={{ display: "contents" }}
            data-testid={`rendered-${title.toLowerCase()}-${item.key}`}
          >
            <dt>{item.key}</dt>
            <dd>
              {item.ok ? item.text : null}
              {item.error ? (
                <span role="alert" className={styles.error}>
                  {item.error}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * What the notification will say, before it is sent: the rule's labels and annotations rendered
 * with Prometheus's template engine for a series of the rule's current result (chosen from the
 * list), `query` answered by the same Prometheus. A template that does not parse or fails to
 * render shows Prometheus's message on its field.
 */
export function AnnotationPreview({
  projectId,
  rule,
  datasource,
  externalLabels,
  onFieldErrors,
}: AnnotationPreviewProps): ReactNode {
  const [series, setSeries] = useState<Record<string, string> | undefined>(undefined);
  const body = useMemo(
    () => ({
      rule: {
        alert: rule.alert,
        expr: rule.expr,
        labels: { ...rule.labels },
        annotations: { ...rule.annotations },
      },
      ...(datasource ? { datasource } : {}),
      ...(series ? { series } : {}),
      ...(externalLabels ? { externalLabels: { ...externalLabels } } : {}),
    }),
    [rule, datasource, series, externalLabels],
  );
  const preview = useAnnotationPreview(projectId, body);
  const data = preview.data;

  const parsed = useMemo(() => parseErrors(rule), [rule]);
  const errors = useMemo(
    () => ({ ...(data ? renderErrors(data.labels, data.annotations) : {}), ...parsed }),
    [data, parsed],
  );
  const errorsKey = JSON.stringify(errors);
  useEffect(() => {
    onFieldErrors?.(JSON.parse(errorsKey) as Partial<Record<TemplateField, string>>);
  }, [errorsKey, onFieldErrors]);

  const failure = preview.error;
  return (
    <section className={styles.preview} data-testid="annotation-preview" aria-busy={preview.isFetching}>
      <div className={styles.toolbar}>
        <label>
          Rendered for{" "}
          <select
            value={data?.selected ?? ""}
            disabled={!data || data.series.length === 0}
            onChange={(event) => setSeries(data?.series[Number(event.target.value)]?.labels)}
          >
            {data && data.series.length === 0 ? (
              <option value="">no series (empty $labels, $value 0)</option>
            ) : null}
            {data?.series.map((s, index) => (
              <option key={seriesLabel(s.labels)} value={index}>
                {seriesLabel(s.labels)} = {s.value}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => void preview.refetch()}
          disabled={!rule.expr.trim()}
        >
          Refresh
        </button>
        {data ? (
          <span className={styles.note}>
            at {new Date(data.time * 1000).toISOString()}
            {data.seriesTotal > data.series.length
              ? `, first ${data.series.length} of ${data.seriesTotal} series`
              : ""}
          </span>
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className={styles.error}>
          {failure instanceof ApiRequestError ? failure.body.error : String(failure)}
        </p>
      ) : null}
      {data && data.selected === null ? (
        <p className={styles.note}>
          The expression returns no series now, so nothing would fire; the templates are rendered for an empty
          series.
        </p>
      ) : null}
      {data ? (
        <>
          <RenderedList title="Labels" items={data.labels} />
          <RenderedList title="Annotations" items={data.annotations} />
          {data.queries.length > 0 ? (
            <details>
              <summary>Template queries ({data.queries.length})</summary>
              <ul>
                {data.queries.map((q) => (
                  <li key={q.expr}>
                    <code>{q.expr}</code>:{" "}
                    {q.error ? <span className={styles.error}>{q.error}</span> : `${q.samples} series`}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : (
        <RenderedList
          title="Annotations"
          items={Object.entries(parsed).map(([field, error]) => ({
            key: field,
            template: "",
            ok: false,
            text: "",
            error,
          }))}
        />
      )}
    </section>
  );
}
