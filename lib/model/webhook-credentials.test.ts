import { describe, expect, it } from "vitest";
import { WebhookIntegrationSchema } from "./alertmanager";

const webhook = (fields: Record<string, unknown>) =>
  WebhookIntegrationSchema.safeParse({ type: "webhook", url: "https://hooks.example.com/alert", ...fields });

const messages = (fields: Record<string, unknown>): string[] => {
  const parsed = webhook(fields);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("a webhook holds no credential in plain text", () => {
  it.each([
    "https://hooks.example.com/alert",
    "https://hooks.example.com/alert?channel=ops&team=db",
    "http://10.0.0.1:8080/hook?keyboard=1",
  ])("takes %s", (url) => {
    expect(messages({ url })).toEqual([]);
  });

  it.each([
    ["https://user:pw@hooks.example.com/", "must not hold a user name or password"],
    ["https://token@hooks.example.com/", "must not hold a user name or password"],
    ["https://hooks.example.com/?token=abc", 'must not carry the credential "token"'],
    ["https://hooks.example.com/?api_key=abc", 'must not carry the credential "api_key"'],
    ["https://hooks.example.com/?X-Amz-Signature=abc", 'must not carry the credential "X-Amz-Signature"'],
    ["https://hooks.example.com/?access_token=abc", 'must not carry the credential "access_token"'],
  ])("refuses %s", (url, message) => {
    expect(messages({ url })).toEqual([expect.stringContaining(message)]);
  });

  it("refuses a token typed after the authorization scheme, or a password in the user name", () => {
    const credentials = { secret: "HOOK_TOKEN" };
    expect(messages({ authorization: { scheme: "Bearer", credentials } })).toEqual([]);
    expect(messages({ authorization: { scheme: "Bearer abc.def", credentials } })).toEqual([
      expect.stringMatching(/^authorization\.scheme: the scheme only/),
    ]);
    expect(messages({ basicAuth: { username: "am", password: credentials } })).toEqual([]);
    expect(messages({ basicAuth: { username: "am:hunter2", password: credentials } })).toEqual([
      expect.stringMatching(/^basicAuth\.username: a user name cannot hold ':'/),
    ]);
  });
});
