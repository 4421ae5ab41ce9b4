import { type NextRequest, NextResponse } from "next/server";
import { NOT_FOUND_PAGE, PAGE_PATH_HEADER } from "@/lib/auth/page-path";
import { devPagesServed, env } from "@/lib/env";

/**
 * Runs before every page (not /api, not static files):
 * - The /dev/* pages are tools for developers (editor playground, chart benchmark): `next dev` serves
 *   them; a production server answers 404 with the app's "Not found" page unless started with
 *   OBSFORGE_DEV_PAGES=1. Decided here, per request, rather than by `notFound()` in a layout: the root
 *   `loading.tsx` starts streaming a page's response with status 200 before a layout could refuse it.
 * - Every page gets its path in a request header: the root layout sends a signed-out visitor to
 *   /sign-in (it checks the session in the database, which this proxy does not open).
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  if ((pathname === "/dev" || pathname.startsWith("/dev/")) && !devPagesServed(env())) {
    headers.set(PAGE_PATH_HEADER, NOT_FOUND_PAGE);
    return NextResponse.rewrite(new URL(NOT_FOUND_PAGE, request.url), { status: 404, request: { headers } });
  }
  headers.set(PAGE_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
