import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SignInForm } from "./sign-in-form";
import { SignOutButton } from "./sign-out-button";

/**
 * The server's HTML of the sign-in page and the account menu: every button whose only action is a
 * click handler is disabled until React has hydrated it, so an early click is not silently lost,
 * and the password form posts rather than putting the password in the address.
 */
describe("auth buttons before hydration", () => {
  it("render the sign-in, single sign-on and sign-out buttons disabled on the server", () => {
    const html = renderToString(
      <>
        <SignInForm next="/" singleSignOn={{ name: "Corp SSO" }} />
        <SignOutButton />
      </>,
    );
    const buttons = [...html.matchAll(/<button[^>]*>/g)].map(([tag]) => tag);
    expect(buttons).toHaveLength(3);
    for (const button of buttons) expect(button).toMatch(/\sdisabled=""/);
    expect(html).toMatch(/<form[^>]*method="post"/);
  });
});
