import { describe, expect, it } from "vitest";
import { env } from "../env";
import { discoveryUrlOf, oidcSettings, signInErrorMessage } from "./oidc";

const CONFIGURED = {
  OBSFORGE_PUBLIC_URL: "https://obsforge.example.com",
  OBSFORGE_OIDC_ISSUER: "https://sso.example.com/realms/corp",
  OBSFORGE_OIDC_CLIENT_ID: "obsforge",
  OBSFORGE_OIDC_CLIENT_SECRET: "client secret",
};

describe("single sign-on settings", () => {
  it("are off unless the issuer and the client id are set", () => {
    expect(oidcSettings(env({}))).toBeNull();
    expect(oidcSettings(env(CONFIGURED))).toEqual({
      discoveryUrl: "https://sso.example.com/realms/corp/.well-known/openid-configuration",
      clientId: "obsforge",
      clientSecret: "client secret",
      name: "single sign-on",
    });
    expect(oidcSettings(env({ ...CONFIGURED, OBSFORGE_OIDC_NAME: "Keycloak" }))?.name).toBe("Keycloak");
  });

  it("name every variable of half a configuration at start-up", () => {
    expect(() => env({ OBSFORGE_OIDC_CLIENT_ID: "x", OBSFORGE_OIDC_NAME: "Corp" })).toThrow(
      /OBSFORGE_OIDC_CLIENT_ID: is set but OBSFORGE_OIDC_ISSUER is not; OBSFORGE_OIDC_NAME: is set but OBSFORGE_OIDC_ISSUER is not/,
    );
    expect(() => env({ ...CONFIGURED, OBSFORGE_OIDC_CLIENT_ID: "" })).toThrow(
      /OBSFORGE_OIDC_CLIENT_ID: is required with OBSFORGE_OIDC_ISSUER/,
    );
    expect(() => env({ ...CONFIGURED, OBSFORGE_PUBLIC_URL: "" })).toThrow(
      /OBSFORGE_PUBLIC_URL: is required with OBSFORGE_OIDC_ISSUER: .*\/api\/auth\/callback\/oidc/,
    );
    expect(
      env({ ...CONFIGURED, OBSFORGE_PUBLIC_URL: "", BETTER_AUTH_URL: "https://o.example.com" }),
    ).toBeTruthy();
    expect(() => env({ ...CONFIGURED, OBSFORGE_OIDC_ISSUER: "sso.example.com" })).toThrow(
      /OBSFORGE_OIDC_ISSUER: must be an http:\/\/ or https:\/\/ URL/,
    );
  });

  it("take the issuer or its discovery document's URL", () => {
    expect(discoveryUrlOf("https://accounts.google.com")).toBe(
      "https://accounts.google.com/.well-known/openid-configuration",
    );
    expect(discoveryUrlOf("https://sso.example.com/realms/corp/")).toBe(
      "https://sso.example.com/realms/corp/.well-known/openid-configuration",
    );
    const given = "https://login.example.com/tenant/v2.0/.well-known/openid-configuration";
    expect(discoveryUrlOf(given)).toBe(given);
  });
});

describe("the sign-in page's words for a refused single sign-on", () => {
  it("explain the known refusals and never repeat text from the URL", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("INVITATION_REQUIRED")).toMatch(/by invitation/);
    expect(signInErrorMessage("account_not_linked")).toMatch(/password/);
    expect(signInErrorMessage("<script>alert(1)</script> call +1 555")).toBe(
      "Single sign-on failed (scriptalert1scriptcall1555); try again or ask the administrator.",
    );
  });
});
