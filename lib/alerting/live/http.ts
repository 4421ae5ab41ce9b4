import "server-only";
import { previewErrorBody } from "../../preview/http";
import { PreviewError } from "../../prometheus/errors";
import type { ServiceContext } from "../../server/context";
import { handler } from "../../server/handler";
import { json } from "../../server/http";
import { LiveAlertmanagerError } from "./errors";

/**
 * The live API's route wrapper: lib/server/handler's, with the Alertmanager's failures answered
 * by their own status (404 unknown, 422 refused, 502 unreachable or not an Alertmanager, 504 no
 * answer in time) and message, never a 500.
 */
export function liveHandler<P>(
  run: (input: { request: Request; context: ServiceContext; params: P }) => Promise<Response>,
): (request: Request, route: { params: Promise<P> }) => Promise<Response> {
  return handler<P>(async (input) => {
    try {
      return await run(input);
    } catch (error) {
      if (error instanceof PreviewError) return json(previewErrorBody(error), error.status);
      if (error instanceof LiveAlertmanagerError)
        return json({ error: error.message, issues: [] }, error.status);
      throw error;
    }
  });
}
