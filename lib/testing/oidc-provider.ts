import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID provider for tests (panva's certified oidc-provider) on a loopback port: one
 * confidential client, the accounts given, its development login and consent pages. A test drives
 * the browser's part with `signInAtProvider`: no request ever leaves the machine.
 */

export interface TestIdentity {
  /** The provider's subject for the account (the login name typed on its login page). */
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  redirectUri: string;
  identities: readonly TestIdentity[];
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "obsforge-test";
  const clientSecret = "the test client's secret, long enough for HS256";
  const byId = new Map(options.identities.map((identity) => [identity.sub, identity]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["obsforge test provider cookie key"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_context, id) => {
      const identity = byId.get(id);
      return identity ? { accountId: id, claims: async () => ({ ...identity }) } : undefined;
    },
  });
  // The provider's warnings about development settings (its built-in login page, http on loopback).
  provider.on("server_error", (_context, error) => console.error("test OpenID provider:", error));
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Cookies by name, as a browser keeps them for one site (paths ignored: every one is sent). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const expired = /max-age=0\b|expires=Thu, 01 Jan 1970/i.test(line);
      if (value === "" || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/**
 * The browser's part at the provider: from the authorization URL the app answered, through the
 * provider's login page (as `login`) and its consent page, to the URL it sends the browser back to
 * (the app's callback, with the code or an error). Everything else is a failure of the test.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  const origin = new URL(authorizationUrl).origin;
  for (let step = 0; step < 12; step++) {
    if (new URL(url).origin !== origin) return url;
    let response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.store(response);
    if (response.status === 200 && /\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
      const page = await response.text();
      const prompt =
        /name="prompt" value="(\w+)"/.exec(page)?.[1] ??
        (page.includes('name="login"') ? "login" : "consent");
      const form = new URLSearchParams(
        prompt === "login" ? { prompt, login, password: "any password" } : { prompt },
      );
      response = await fetch(url, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      jar.store(response);
    }
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`the OpenID provider answered ${response.status} at ${url}: ${await response.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error(`the OpenID provider never sent the browser back (last at ${url})`);
}
