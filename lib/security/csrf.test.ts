import { describe, expect, it } from "vitest";
import { crossSiteWriteRefusal } from "./csrf";

function request(
  method: string,
  headers: Record<string, string>,
  url = "http://127.0.0.1:3000/api/projects",
): Request {
  return new Request(url, { method, headers });
}

describe("crossSiteWriteRefusal", () => {
  it.each([
    [
      "a write from the app's own page",
      "POST",
      { host: "obsforge.example:3000", origin: "http://obsforge.example:3000" },
    ],
    [
      "a write behind a proxy that rewrites Host",
      "PUT",
      { host: "10.0.0.5:3000", "x-forwarded-host": "obsforge.example", origin: "https://obsforge.example" },
    ],
    ["a write without Origin or Sec-Fetch-Site (CLI, scripts)", "DELETE", { host: "obsforge.example" }],
    [
      "a same-origin fetch without Origin",
      "POST",
      { host: "obsforge.example", "sec-fetch-site": "same-origin" },
    ],
    ["a read from another site", "GET", { host: "obsforge.example", origin: "https://evil.example" }],
    ["a HEAD from another site", "HEAD", { host: "obsforge.example", "sec-fetch-site": "cross-site" }],
    ["a write whose Origin matches the URL when Host is absent", "POST", { origin: "http://127.0.0.1:3000" }],
  ])("lets %s through", (_what, method, headers) => {
    expect(crossSiteWriteRefusal(request(method, headers))).toBeUndefined();
  });

  it.each([
    ["a form POST from another site", "POST", { host: "obsforge.example", origin: "https://evil.example" }],
    [
      "a PUT from another port of the same host",
      "PUT",
      { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3106" },
    ],
    [
      "a DELETE from a sandboxed frame (Origin: null)",
      "DELETE",
      { host: "obsforge.example", origin: "null" },
    ],
    [
      "a write from a look-alike host",
      "PATCH",
      { host: "obsforge.example", origin: "https://obsforge.example.evil.example" },
    ],
    [
      "a write with a forged forwarded host but a foreign Origin",
      "POST",
      { host: "obsforge.example", "x-forwarded-host": "obsforge.example", origin: "https://evil.example" },
    ],
  ])("refuses %s, naming the origin", (_what, method, headers) => {
    const refusal = crossSiteWriteRefusal(request(method, headers));
    expect(refusal).toMatch(/^cross-site request refused: /);
    expect(refusal).toContain(JSON.stringify(headers.origin));
  });

  it("refuses a write the browser marks cross-site when it sends no Origin", () => {
    const refusal = crossSiteWriteRefusal(
      request("POST", { host: "obsforge.example", "sec-fetch-site": "cross-site" }),
    );
    expect(refusal).toContain("Sec-Fetch-Site: cross-site");
  });
});
