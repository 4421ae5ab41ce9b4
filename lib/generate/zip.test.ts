import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipBundle } from "./zip";

const files = [
  { path: "b/second.txt", content: "two" },
  { path: "a/first.yml", content: "one: 1\n" },
];

describe("zipBundle", () => {
  it("gives the same bytes for the same files, whatever their order", () => {
    const first = zipBundle(files);
    const second = zipBundle([...files].reverse());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("holds every file under the top folder", () => {
    const entries = unzipSync(zipBundle(files));
    expect(Object.keys(entries)).toEqual(["observability/a/first.yml", "observability/b/second.txt"]);
    expect(new TextDecoder().decode(entries["observability/a/first.yml"])).toBe("one: 1\n");
  });
});
