import { type NextRequest, NextResponse } from "next/server";
import { devPagesServed, env } from "@/lib/env";

/**
 * The /dev/* pages are tools for developers (editor playground, chart benchmark): `next dev` serves
 * them; a production server answers 404 with the app's "Not found" page unless started with
 * OBSFORGE_DEV_PAGES=1. Decided here, per request, rather than by `notFound()` in a layout: the root
 * `loading.tsx` starts streaming a page's response with status 200 before a layout could refuse it.
 */
export function proxy(request: NextRequest): NextResponse {
  if (devPagesServed(env())) return NextResponse.next();
  return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 });
}

export const config = { matcher: ["/dev", "/dev/:path*"] };
