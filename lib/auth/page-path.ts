/** The request header proxy.ts sets on every page request: the path and query asked for (lib/auth/session.ts reads it). */
export const PAGE_PATH_HEADER = "x-obsforge-page-path";

/** The page proxy.ts rewrites a hidden page to: anyone may see that it is not there. */
export const NOT_FOUND_PAGE = "/_not-found";

/**
 * Where a revoked, expired or unknown share link's page goes (lib/auth/session.ts), before its page
 * streams: app/share/revoked/route.ts answers 404 "revoked or does not exist".
 */
export const SHARE_GONE_PAGE = "/share/revoked";
