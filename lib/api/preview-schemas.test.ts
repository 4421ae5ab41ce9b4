import { describe, expect, it } from "vitest";
import { QueryPreviewAnswerSchema, QueryPreviewResponseSchema } from "./preview-schemas";

/**
 * The answer reader that checks the data without zod first, against the schema it reads for: the
 * same verdict, the same value, the same messages at the same places.
 */

const envelope = {
  status: "success",
  request: { url: "http://127.0.0.1:9090/api/v1/query_range", method: "POST", params: { query: "up" } },
  source: "datasource prometheus",
};

const answers: Record<string, unknown> = {
  matrix: {
    resultType: "matrix",
    result: [
      {
        metric: { job: "a" },
        values: [
          [1, "1"],
          [2, "NaN"],
        ],
      },
    ],
  },
  "matrix without values (the schema's default)": { resultType: "matrix", result: [{ metric: {} }] },
  "matrix with an extra key (the schema strips it)": {
    resultType: "matrix",
    result: [{ metric: {}, values: [], extra: 1 }],
  },
  vector: { resultType: "vector", result: [{ metric: { __name__: "up" }, value: [1, "+Inf"] }] },
  scalar: { resultType: "scalar", result: [1, "2"] },
  "a value as a number": { resultType: "matrix", result: [{ metric: {}, values: [[1, 1]] }] },
  "a label as a number": { resultType: "vector", result: [{ metric: { a: 1 }, value: [1, "1"] }] },
  "an unknown result type": { resultType: "table", result: [] },
  "no data": undefined,
};

describe("QueryPreviewAnswerSchema", () => {
  for (const [name, data] of Object.entries(answers)) {
    it(`reads ${name} as QueryPreviewResponseSchema does`, () => {
      const answer = { ...envelope, data };
      const quick = QueryPreviewAnswerSchema.safeParse(answer);
      const schema = QueryPreviewResponseSchema.safeParse(answer);
      expect(quick.success).toBe(schema.success);
      if (quick.success && schema.success) expect(quick.data).toEqual(schema.data);
      const issues = (result: typeof quick | typeof schema) =>
        result.error?.issues.map(({ path, message }) => ({ path, message }));
      expect(issues(quick)).toEqual(issues(schema));
    });
  }

  it("keeps a well-formed answer's data as it came: no copy of its points", () => {
    const data = { resultType: "matrix", result: [{ metric: {}, values: [[1, "1"]] }] };
    const read = QueryPreviewAnswerSchema.parse({ ...envelope, data });
    expect(read.data).toBe(data);
  });
});
