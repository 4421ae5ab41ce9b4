import { z } from "zod";
import { DraftRuleSchema } from "../backtest/api-schemas";

/** The rule-test routes' request bodies, shared by the routes, the OpenAPI document and the browser. */

/** POST …/rule-groups/{name}/backtest/test-case: the window (unix seconds, 5 min to 24 h) as a test. */
export const TestCaseBodySchema = z.object({
  rule: z.union([z.int().min(0), z.string().min(1)]).optional(),
  draft: DraftRuleSchema.optional(),
  start: z.number(),
  end: z.number(),
  datasource: z.string().optional(),
});
export type TestCaseBody = z.infer<typeof TestCaseBodySchema>;

/** POST /api/projects/{id}/rule-tests: only this group's tests (default: every group's). */
export const RunRuleTestsBodySchema = z.object({
  group: z.string().min(1).optional(),
});

/** One case's verdict from POST /api/projects/{id}/rule-tests (see project-cases.ts). */
export const RuleTestCaseResultSchema = z.object({
  group: z.string(),
  alert: z.string(),
  /** The rule's place in its group (0-based): an SLO's alerts share one name. */
  rule: z.int(),
  /** 1-based, the case's place in the rule's tests. */
  case: z.int().min(1),
  description: z.string().optional(),
  ok: z.boolean(),
  /** promtool's own words for this case: its failure message, or SUCCESS. */
  output: z.string(),
});
export type RuleTestCaseResultBody = z.infer<typeof RuleTestCaseResultSchema>;

/** The answer of POST /api/projects/{id}/rule-tests: `promtool` false when the server has none. */
export const RuleTestsRunSchema = z.object({
  promtool: z.boolean(),
  results: z.array(RuleTestCaseResultSchema),
});
export type RuleTestsRunBody = z.infer<typeof RuleTestsRunSchema>;
