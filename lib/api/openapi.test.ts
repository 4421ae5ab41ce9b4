import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("openApiDocument", () => {
  const document = openApiDocument() as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, any> };
  };

  it("documents every route of the API", () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/api/health",
        "/api/projects",
        "/api/projects/{id}",
        "/api/projects/{id}/bundle",
        "/api/projects/{id}/export",
        "/api/projects/{id}/preview/lint",
        "/api/projects/{id}/preview/{endpoint}",
        "/api/projects/{id}/revisions",
        "/api/projects/{id}/revisions/{version}",
        "/api/projects/{id}/revisions/{version}/restore",
        "/api/projects/{id}/templates/{name}",
        "/api/projects/{id}/validation",
        "/api/templates",
      ].sort(),
    );
  });

  it("derives the schemas from the zod model, including the recursive route tree", () => {
    const project = document.components.schemas.Project;
    expect(project.type).toBe("object");
    expect(project.required).toContain("name");
    expect(JSON.stringify(project)).toContain("receiver");
    expect(document.components.schemas.UpdateProjectBody.required).toEqual(["version", "project"]);
  });

  it("is plain JSON", () => {
    expect(() => JSON.parse(JSON.stringify(document))).not.toThrow();
  });
});
