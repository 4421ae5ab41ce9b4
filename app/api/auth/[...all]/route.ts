import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

/** Better Auth's endpoints (sign-up, sign-in, sign-out, session, teams, invitations) under /api/auth. */
async function authRoute(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export const GET = authRoute;
export const POST = authRoute;
