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
