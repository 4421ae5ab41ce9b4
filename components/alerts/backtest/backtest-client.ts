import { z } from "zod";
import {
  type BacktestBody,
  type BacktestEvent,
  BacktestEventSchema,
  type BacktestRunResponse,
} from "@/lib/alerting/backtest/api-schemas";
import type { TestCaseBody } from "@/lib/alerting/rule-tests/api-schemas";
import { ApiRequestError, requestExchange } from "@/lib/api/client";
import { ApiErrorSchema } from "@/lib/api/schemas";
import { AlertTestCaseSchema } from "@/lib/model";

/** The backtest and rule-test routes, from the browser: plain fetch functions under the hooks. */

function groupUrl(projectId: string, group: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/rule-groups/${encodeURIComponent(group)}`;
}

async function failure(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = ApiErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiRequestError(response.status, parsed.data);
  } catch {
    // not JSON
  }
  return new ApiRequestError(response.status, {
    error: `the backtest failed with HTTP ${response.status}`,
    issues: [],
  });
}

/**
 * POST …/backtest: reads the NDJSON answer line by line, reporting progress; resolves with the
 * result, rejects with the error line or the HTTP error; `signal` cancels it (and the server's queries).
 */
export async function runBacktest(
  projectId: string,
  group: string,
  body: BacktestBody,
  onProgress: (event: Extract<BacktestEvent, { type: "progress" }>) => void,
  signal?: AbortSignal,
): Promise<BacktestRunResponse> {
  const response = await fetch(`${groupUrl(projectId, group)}/backtest`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify(body),
    cache: "no-store",
    signal,
  });
  if (!response.ok || !response.body) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of done ? [...lines, buffered] : lines) {
      if (line.trim() === "") continue;
      const event = BacktestEventSchema.parse(JSON.parse(line));
      if (event.type === "progress") onProgress(event);
      else if (event.type === "result") return event.result;
      else throw new ApiRequestError(event.status, { error: event.error, issues: [] });
    }
    if (done) break;
  }
  throw new ApiRequestError(0, { error: "the backtest ended without a result", issues: [] });
}

export const GeneratedTestCaseSchema = z.object({
  testFile: z.string(),
  ruleFile: z.string(),
  ruleFileName: z.string(),
  cases: z.array(AlertTestCaseSchema),
  notes: z.array(z.string()),
  omittedSeries: z.number(),
  promtool: z.object({ ok: z.boolean(), output: z.string() }).nullable(),
});
export type GeneratedTestCase = z.infer<typeof GeneratedTestCaseSchema>;

/** POST …/backtest/test-case: the window as a promtool test, with promtool's verdict. */
export async function generateTestCase(
  projectId: string,
  group: string,
  body: TestCaseBody,
): Promise<GeneratedTestCase> {
  return (
    await requestExchange(
      GeneratedTestCaseSchema,
      "POST",
      `${groupUrl(projectId, group)}/backtest/test-case`,
      {
        body,
      },
    )
  ).data;
}
