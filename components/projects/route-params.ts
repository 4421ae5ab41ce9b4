import { ProjectIdSchema } from "@/lib/api/schemas";

/** The project id of a route, or undefined when it cannot be one (the page then 404s). */
export function projectIdParam(value: string): string | undefined {
  return ProjectIdSchema.safeParse(value).success ? value : undefined;
}

/** A revision number from the URL: a positive integer written plainly. */
export function versionParam(value: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}
