/**
 * A rule's labels and annotations rendered for one series of its current result, as Prometheus
 * would render them when the alert fires: the series' labels (as the expression returns them, with
 * __name__ when it keeps it) as `$labels`, its value as `$value`, and `query` answered by the same
 * Prometheus at the same time. Queries are asynchronous here and synchronous in Go templates, so a
 * template is expanded again once the queries it asked for are answered.
 */
import type {
  AnnotationPreviewResponse,
  PreviewSeries,
  RenderedTemplate,
} from "./annotation-preview-schemas";
import { expandAlertTemplate, FuncError, QueryPending, type QuerySample } from "./render";

export interface PreviewRule {
  alert: string;
  expr: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
}

export interface RulePreviewInput {
  rule: PreviewRule;
  /** Labels of the series to render for; default: the first of the result. */
  series?: Readonly<Record<string, string>>;
  time: number;
  externalLabels?: Readonly<Record<string, string>>;
  externalURL?: string;
  /** An instant query at `time`; a failure throws an Error whose message the template reports. */
  query: (expr: string) => Promise<{ samples: QuerySample[]; raw: PreviewSeries[] }>;
}

const MAX_SERIES = 100;
const MAX_QUERIES = 20;
const MAX_ROUNDS = 10;

/** A sample value as Prometheus's API writes it. */
export function parseSampleValue(text: string): number {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  return Number(text);
}

const sameLabels = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

export async function previewRuleTemplates(
  input: RulePreviewInput,
): Promise<Omit<AnnotationPreviewResponse, "source">> {
  const result = await input.query(input.rule.expr);
  const found = input.series ? result.raw.findIndex((s) => sameLabels(s.labels, input.series ?? {})) : -1;
  const selected = result.raw.length === 0 ? null : Math.max(found, 0);
  const series = selected === null ? undefined : result.raw[selected];
  const data = {
    labels: series?.labels ?? {},
    value: series ? parseSampleValue(series.value) : 0,
    externalLabels: input.externalLabels ?? {},
    externalURL: input.externalURL ?? "",
  };

  const answers = new Map<string, QuerySample[] | Error>();
  const queryFromCache = (expr: string): QuerySample[] => {
    const answer = answers.get(expr);
    if (answer === undefined) throw new QueryPending(expr);
    if (answer instanceof Error) throw new FuncError(answer.message);
    return answer;
  };
  const renderAll = (templates: Readonly<Record<string, string>>, pending: Set<string>): RenderedTemplate[] =>
    Object.entries(templates).map(([key, template]) => {
      try {
        const r = expandAlertTemplate(template, data, { alertName: input.rule.alert, query: queryFromCache });
        return r.ok
          ? { key, template, ok: true, text: r.text }
          : { key, template, ok: false, text: r.text, error: r.error, stage: r.stage };
      } catch (error) {
        if (!(error instanceof QueryPending)) throw error;
        pending.add(error.expr);
        const message = `its queries did not settle in ${MAX_ROUNDS} rounds`;
        return { key, template, ok: false, text: "", error: message, stage: "execute" as const };
      }
    });

  for (let round = 0; ; round++) {
    const pending = new Set<string>();
    const labels = renderAll(input.rule.labels, pending);
    const annotations = renderAll(input.rule.annotations, pending);
    if (pending.size === 0 || round === MAX_ROUNDS) {
      return {
        time: input.time,
        series: result.raw.slice(0, MAX_SERIES),
        seriesTotal: result.raw.length,
        selected,
        labels,
        annotations,
        queries: [...answers.entries()].map(([expr, answer]) =>
          answer instanceof Error
            ? { expr, samples: 0, error: answer.message }
            : { expr, samples: answer.length },
        ),
      };
    }
    await Promise.all(
      [...pending].map(async (expr) => {
        if (answers.size >= MAX_QUERIES) {
          answers.set(expr, new Error(`the preview runs at most ${MAX_QUERIES} template queries`));
          return;
        }
        try {
          answers.set(expr, (await input.query(expr)).samples);
        } catch (error) {
          answers.set(expr, error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }
}
