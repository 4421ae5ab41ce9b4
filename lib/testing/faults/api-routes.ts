import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The app's API routes found on disk (app/api/** /route.ts), matched as Next.js matches them:
 * static segments before `[param]`, `[param]` before `[...rest]`. The fault tests serve these
 * handlers from a process of their own (api-server.ts) without a production build.
 */

export interface ApiRoute {
  /** The route file, absolute. */
  file: string;
  /** Path segments under /api: literal names, `[id]` or `[...endpoint]`. */
  segments: string[];
}

export function findApiRoutes(apiDir: string): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (dir: string, segments: string[]): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (entry.name === "route.ts") routes.push({ file: path.join(dir, entry.name), segments });
    }
  };
  walk(apiDir, []);
  // Most specific first: at the first segment where two routes differ, a literal beats a
  // parameter and a parameter beats a catch-all.
  const rank = (segment: string | undefined): number =>
    segment === undefined ? 3 : segment.startsWith("[...") ? 2 : segment.startsWith("[") ? 1 : 0;
  return routes.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const difference = rank(a.segments[i]) - rank(b.segments[i]);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

/** The route a path under /api goes to, with its params decoded as Next.js hands them over. */
export function matchApiRoute(
  routes: ApiRoute[],
  pathname: string,
): { route: ApiRoute; params: Record<string, string | string[]> } | undefined {
  if (!pathname.startsWith("/api/")) return undefined;
  const parts = pathname.slice("/api/".length).split("/").filter(Boolean);
  for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    let matched = true;
    for (let i = 0; i < route.segments.length && matched; i++) {
      const segment = route.segments[i] as string;
      const part = parts[i];
      if (segment.startsWith("[...")) {
        if (part === undefined) matched = false;
        else params[segment.slice(4, -1)] = parts.slice(i).map(decodeURIComponent);
        break;
      }
      if (part === undefined) matched = false;
      else if (segment.startsWith("[")) params[segment.slice(1, -1)] = decodeURIComponent(part);
      else matched = segment === part;
    }
    const last = route.segments.at(-1);
    const catchAll = last?.startsWith("[...") ?? false;
    if (matched && (catchAll || parts.length === route.segments.length)) return { route, params };
  }
  return undefined;
}
