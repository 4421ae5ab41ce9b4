import "server-only";
import { z } from "zod";
import { ProjectIdSchema } from "../api/schemas";
import { DashboardUidSchema } from "../model";
import { crossSiteWriteRefusal } from "../security/csrf";
import { requestContext, type ServiceContext } from "./context";
import { HttpError, parseParam, route } from "./http";

/**
 * The one wrapper every API route handler has: it awaits the route's params, builds the request's
 * service context (actor, database) and maps thrown errors to responses (lib/server/http.ts).
 * Handlers stay parse → service call → response; policy will live in the services, not here.
 * Writes sent from another site's page are refused first (lib/security/csrf.ts).
 */
export function handler<P>(
  run: (input: { request: Request; context: ServiceContext; params: P }) => Promise<Response>,
): (request: Request, route: { params: Promise<P> }) => Promise<Response> {
  return route(async (request: Request, routeContext?: { params: Promise<P> }) => {
    const crossSite = crossSiteWriteRefusal(request);
    if (crossSite) throw new HttpError(403, crossSite);
    return run({
      request,
      context: await requestContext(request),
      // Routes without dynamic segments may be called with no route context.
      params: ((await routeContext?.params) ?? {}) as P,
    });
  });
}

export function projectIdParam(value: string): string {
  return parseParam(ProjectIdSchema, value, "project");
}

export function dashboardUidParam(value: string): string {
  return parseParam(DashboardUidSchema, value, "dashboard");
}

/** Rule group names are free text: the route segment arrives URL-decoded. */
export function ruleGroupNameParam(value: string): string {
  return parseParam(z.string().min(1).max(200), decodeURIComponent(value), "rule group");
}

export function versionParam(value: string): number {
  return parseParam(z.coerce.number().int().min(1), value, "revision");
}

/** `?version=` of a DELETE of a section. */
export function baseVersionQuery(request: Request): number {
  const raw = new URL(request.url).searchParams.get("version");
  return z.coerce
    .number({ error: "?version= (the version the deletion was decided from) is required" })
    .int()
    .min(1)
    .parse(raw ?? undefined);
}
