/**
 * The value of cookie `name` in this browser, or undefined. For the plain values the app keeps for
 * the server's renders (the viewer's clock, the grid's size), never for anything secret.
 */
export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split("; ")
    .find((cookie) => cookie.startsWith(prefix))
    ?.slice(prefix.length);
}

/** Keeps `name=value` for a year, for every page of the app; writes only what changed. */
export function rememberCookie(name: string, value: string): void {
  if (readCookie(name) === value) return;
  // biome-ignore lint/suspicious/noDocumentCookie: one plain value; the Cookie Store API is not in every browser
  document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
}
