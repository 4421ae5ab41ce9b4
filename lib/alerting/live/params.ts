import { z } from "zod";
import { formatPath } from "../../model";
import { HttpError, parseParam } from "../../server/http";
import { type AcknowledgeBody, AcknowledgeBodySchema, type AlertFilter, AlertFilterSchema } from "./schemas";

/** Parameters and bodies of the live API, refused with the field they are wrong in. */

/** Alertmanager's alert fingerprints are 16 hex digits. */
export function fingerprintParam(value: string): string {
  return parseParam(z.string().regex(/^[0-9a-f]{1,32}$/), value, "alert fingerprint");
}

/** Silence ids are UUIDs. */
export function silenceIdParam(value: string): string {
  return parseParam(z.string().regex(/^[0-9a-fA-F-]{1,64}$/), value, "silence");
}

function unprocessable(error: z.ZodError, what: string): HttpError {
  return new HttpError(
    422,
    `invalid ${what}: ${error.issues.map((issue) => `${formatPath(issue.path) || "body"}: ${issue.message}`).join("; ")}`,
    error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
      severity: "error" as const,
    })),
  );
}

/** `?receiver=&state=` of the alert and group lists. */
export function alertFilterQuery(request: Request): AlertFilter {
  const search = new URL(request.url).searchParams;
  const parsed = AlertFilterSchema.safeParse({
    receiver: search.get("receiver") || undefined,
    state: search.get("state") || undefined,
  });
  if (!parsed.success) throw unprocessable(parsed.error, "filter");
  return parsed.data;
}

export function acknowledgeBody(value: unknown): AcknowledgeBody {
  const parsed = AcknowledgeBodySchema.safeParse(value);
  if (!parsed.success) throw unprocessable(parsed.error, "acknowledgement");
  return parsed.data;
}
