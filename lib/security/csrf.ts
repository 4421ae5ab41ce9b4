/**
 * Cross-site request forgery: a page on another site can make the browser send a write to this
 * app with the user's session cookie. Browsers say where such a request comes from (`Origin` on
 * every cross-origin write, `Sec-Fetch-Site` on every request of a current browser); a write whose
 * origin is not the app's own is refused. Requests with neither header are not from a browser
 * page (the CLI, scripts with API tokens, curl) and cannot carry a victim's cookie, so they pass.
 */

/** Methods that never change anything: no check. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The hosts the app is reached at for this request: behind a proxy that rewrites Host,
 * X-Forwarded-Host (as Next.js compares server actions' origins); the Host header; the URL's host.
 */
function ownHosts(request: Request): string[] {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const hosts = [forwarded, request.headers.get("host")?.trim(), new URL(request.url).host];
  return hosts.filter((host): host is string => Boolean(host));
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparsable
    return undefined;
  }
}

/** Why `request` is a cross-site write to refuse, or undefined when it may go on. */
export function crossSiteWriteRefusal(request: Request): string | undefined {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
  const origin = request.headers.get("origin");
  const own = ownHosts(request);
  if (origin !== null) {
    const host = originHost(origin);
    if (host !== undefined && own.includes(host)) return undefined;
    return `cross-site request refused: this ${request.method} comes from a page at ${JSON.stringify(origin)}, not from this app (${own[0] ?? "unknown host"}); writes are accepted only from the app's own pages or from clients that send no Origin (the CLI, scripts with an API token)`;
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return `cross-site request refused: the browser marks this ${request.method} as sent from another site (Sec-Fetch-Site: cross-site); writes are accepted only from the app's own pages`;
  }
  return undefined;
}
