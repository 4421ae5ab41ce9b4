import { describe, expect, it } from "vitest";
import { ProjectIdSchema } from "../api/schemas";
import { newId } from "./ids";

describe("newId", () => {
  it("makes 25-character lower-case alphanumeric ids that the API accepts", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]{25}$/);
      expect(ProjectIdSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses the whole alphabet", () => {
    const seen = new Set(Array.from({ length: 400 }, () => newId()).join(""));
    expect(seen.size).toBe(36);
  });
});
