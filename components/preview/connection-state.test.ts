import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/api/client";
import type { PreviewErrorDetail } from "@/lib/api/preview-schemas";
import {
  type ConnectionState,
  connectionState,
  failureReason,
  isNoConnection,
  type PreviewCallState,
} from "./connection-state";

const A = "http://127.0.0.1:9090";
const B = "http://127.0.0.1:19090";

function failed(at: number, kind: PreviewErrorDetail["kind"], url = A, message = `${kind} at ${url}`) {
  const error = new ApiRequestError(502, {
    error: message,
    issues: [],
    preview: { kind, url, source: "previewUrl", datasource: "prometheus" },
  });
  return { status: "error", error, errorUpdatedAt: at, data: undefined, dataUpdatedAt: 0 } as const;
}

function answered(at: number, url = A): PreviewCallState {
  return {
    status: "success",
    error: null,
    errorUpdatedAt: 0,
    data: { response: { request: { url: `${url}/api/v1/query_range` } } },
    dataUpdatedAt: at,
  };
}

const pending: PreviewCallState = {
  status: "pending",
  error: null,
  errorUpdatedAt: 0,
  data: undefined,
  dataUpdatedAt: 0,
};

/** The URLs the state calls unusable, for the table. */
function unusable(calls: PreviewCallState[]): string[] {
  return connectionState(calls).unusable.map((entry) => entry.url);
}

describe("connectionState", () => {
  it.each<[string, PreviewCallState[], string[]]>([
    ["nothing asked yet", [pending], []],
    ["every call answered", [answered(1), answered(2)], []],
    ["nothing answers", [failed(1, "unreachable"), failed(2, "unreachable"), pending], [A]],
    ["nothing answers after the last answer: it went away", [answered(1), failed(2, "unreachable")], [A]],
    ["an answer after the failure: it is back", [failed(1, "unreachable"), answered(2)], []],
    ["a timeout with no answer anywhere", [failed(1, "timeout")], [A]],
    ["a timeout beside answers: one slow query", [answered(1), failed(2, "timeout")], []],
    ["not Prometheus's API, nothing else answered", [failed(1, "bad_response")], [A]],
    ["an odd answer beside good ones", [answered(1), failed(2, "bad_response")], []],
    ["a query Prometheus refused", [failed(1, "prometheus")], []],
    ["an answer too large", [failed(1, "too_large")], []],
    ["an answer from another Prometheus does not count", [answered(5, B), failed(2, "unreachable")], [A]],
    ["two Prometheus, one down", [answered(1, B), failed(2, "unreachable", A), failed(3, "timeout", B)], [A]],
    ["two down, in the order they failed", [failed(3, "unreachable", B), failed(2, "timeout", A)], [A, B]],
  ])("%s", (_name, calls, expected) => {
    expect(unusable(calls)).toEqual(expected);
  });

  it("keeps the newest failure per Prometheus, with what it tried", () => {
    const state = connectionState([
      failed(1, "timeout", A, "old"),
      failed(4, "unreachable", A, `cannot reach ${A}: connection refused (ECONNREFUSED)`),
      failed(2, "unreachable", A, "older"),
    ]);
    expect(state.unusable).toEqual([
      {
        url: A,
        source: "previewUrl",
        datasource: "prometheus",
        kind: "unreachable",
        message: `cannot reach ${A}: connection refused (ECONNREFUSED)`,
        at: 4,
      },
    ]);
  });

  it("ignores errors that are not the preview's, or that name no Prometheus", () => {
    const plain = { ...failed(1, "unreachable"), error: new Error("network") };
    const noUrl = {
      ...failed(1, "no_datasource"),
      error: new ApiRequestError(404, { error: "no", issues: [], preview: { kind: "unreachable" } }),
    };
    expect(unusable([plain, noUrl])).toEqual([]);
  });
});

describe("isNoConnection", () => {
  const state: ConnectionState = connectionState([failed(1, "unreachable", A)]);

  it("is true for a connection failure of an unusable Prometheus only", () => {
    expect(isNoConnection(state, failed(9, "timeout", A).error)).toBe(true);
    expect(isNoConnection(state, failed(9, "prometheus", A).error)).toBe(false);
    expect(isNoConnection(state, failed(9, "unreachable", B).error)).toBe(false);
    expect(isNoConnection(state, new Error("boom"))).toBe(false);
    expect(isNoConnection(state, null)).toBe(false);
  });
});

describe("failureReason", () => {
  it("drops the URL the banner already names", () => {
    expect(failureReason(`cannot reach ${A}: connection refused (ECONNREFUSED)`)).toBe(
      "connection refused (ECONNREFUSED)",
    );
    expect(failureReason(`${A} did not answer within 10 s`)).toBe(`${A} did not answer within 10 s`);
  });
});
