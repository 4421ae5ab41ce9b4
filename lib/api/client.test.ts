import { afterEach, describe, expect, it, vi } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { ApiRequestError, deleteProject, getProject, listProjects, updateProject } from "./client";

const project = projectFromTemplate({ name: "Shop", level: "basic", version: "v2" });
const record = {
  id: "abcdefgh12",
  name: "Shop",
  slug: "shop",
  version: 2,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-02T00:00:00.000Z",
  project,
};

function respond(status: number, body?: unknown, raw?: string): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(
    async () =>
      new Response(raw ?? (body === undefined ? null : JSON.stringify(body)), {
        status,
        headers: { "content-type": "application/json" },
      }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the API client", () => {
  it("parses a project record, model included", async () => {
    respond(200, record);
    await expect(getProject(record.id)).resolves.toEqual(record);
  });

  it("sends the version and project of a PUT as JSON", async () => {
    const fetchMock = respond(200, record);
    await updateProject(record.id, { version: 1, project, message: "m" });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/projects/${record.id}`);
    expect(init.method).toBe("PUT");
    expect(JSON.parse(String(init.body))).toEqual({ version: 1, project, message: "m" });
  });

  it("turns a 409 into an ApiRequestError carrying the current version", async () => {
    respond(409, { error: "stale version", issues: [], currentVersion: 3 });
    const error = await updateProject(record.id, { version: 1, project }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, body: { error: "stale version", currentVersion: 3 } });
  });

  it("keeps every issue of a 4xx body", async () => {
    const issues = [{ path: "retention.metrics", message: "bad duration" }];
    respond(422, { error: "the project is invalid", issues });
    await expect(updateProject(record.id, { version: 1, project })).rejects.toMatchObject({
      status: 422,
      body: { issues },
    });
  });

  it("names the request when the error body is not the contract's", async () => {
    respond(502, undefined, "<html>bad gateway</html>");
    await expect(listProjects()).rejects.toMatchObject({
      status: 502,
      message: "GET /api/projects failed with HTTP 502",
    });
  });

  it("refuses a 2xx response outside the contract, with the paths that are wrong", async () => {
    respond(200, [{ id: "x" }]);
    const error = await listProjects().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).body.error).toBe("unexpected response from GET /api/projects");
    expect((error as ApiRequestError).body.issues.map((issue) => issue.path)).toContain("0.name");
  });

  it("reports a network failure as status 0", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("fetch failed");
      }),
    );
    await expect(deleteProject(record.id)).rejects.toMatchObject({ status: 0 });
  });

  it("accepts a 204 without a body", async () => {
    respond(204);
    await expect(deleteProject(record.id)).resolves.toBeUndefined();
  });
});
