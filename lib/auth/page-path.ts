/** The request header proxy.ts sets on every page request: the path and query asked for (lib/auth/session.ts reads it). */
export const PAGE_PATH_HEADER = "x-obsforge-page-path";

/** The page proxy.ts rewrites a hidden page to: anyone may see that it is not there. */
export const NOT_FOUND_PAGE = "/_not-found";
