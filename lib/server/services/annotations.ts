import "server-only";
import type {
  AnnotationPreviewRequest,
  AnnotationPreviewResponse,
  PreviewSeries,
} from "../../alerting/templates/annotation-preview-schemas";
import { parseSampleValue, previewRuleTemplates } from "../../alerting/templates/preview";
import type { QuerySample } from "../../alerting/templates/render";
import type { Project } from "../../model";
import { type PreviewEnv, resolvePreviewTarget } from "../../preview/allowlist";
import { atTarget } from "../../preview/http";
import { query } from "../../prometheus/client";
import { PreviewError } from "../../prometheus/errors";

/**
 * The annotation preview: the rule's expression evaluated on the project's Prometheus (through
 * the preview allowlist), then its labels and annotations rendered for one series of the result,
 * `query` calls answered by the same Prometheus at the same evaluation time.
 */
export async function previewAnnotations(
  project: Project,
  body: AnnotationPreviewRequest,
  env: PreviewEnv,
  signal?: AbortSignal,
): Promise<AnnotationPreviewResponse> {
  const target = resolvePreviewTarget(project, body.datasource, env);
  const time = body.time ?? Date.now() / 1000;
  const instant = async (expr: string): Promise<{ samples: QuerySample[]; raw: PreviewSeries[] }> => {
    const answer = await query(
      target.baseUrl,
      { query: expr, time: String(time) },
      { method: "POST", signal },
    );
    const data = answer.data;
    // As Prometheus's rule engine: a scalar is one series without labels; strings and ranges fail.
    let raw: PreviewSeries[];
    if (data.resultType === "vector") {
      raw = data.result.flatMap((s) => (s.value ? [{ labels: s.metric, value: s.value[1] }] : []));
    } else if (data.resultType === "scalar") {
      raw = [{ labels: {}, value: data.result[1] }];
    } else {
      throw new PreviewError("bad_request", "rule result is not a vector or scalar");
    }
    return { raw, samples: raw.map((s) => ({ labels: s.labels, value: parseSampleValue(s.value) })) };
  };
  const result = await atTarget(target, () =>
    previewRuleTemplates({
      rule: body.rule,
      series: body.series,
      time,
      externalLabels: body.externalLabels,
      externalURL: body.externalURL,
      query: async (expr) => {
        try {
          return await instant(expr);
        } catch (error) {
          // The rule's own expression failing is the answer's error; a template's query failing
          // is that template's error, worded as the Prometheus engine words it.
          if (expr === body.rule.expr || !(error instanceof PreviewError)) throw error;
          throw new Error(error.message.replace(/^Prometheus: /, ""));
        }
      },
    }),
  );
  return { ...result, source: target.source };
}
