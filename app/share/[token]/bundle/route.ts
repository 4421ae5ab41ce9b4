import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { errorResponse, zipResponse } from "@/lib/server/http";
import { downloadBundle } from "@/lib/server/services/bundle";
import { shareActor } from "@/lib/server/services/share-links";

export const dynamic = "force-dynamic";

/**
 * The shared project's bundle, for the share page's plain download link (a link cannot add the
 * share header the page's API calls carry, so the token comes from the path here). Checked like
 * every share request: a revoked link downloads nothing.
 */
export async function GET(
  _request: Request,
  route: { params: Promise<{ token: string }> },
): Promise<Response> {
  try {
    const { token } = await route.params;
    const db = await getDb();
    const actor = await shareActor(db, token);
    if (!actor) throw new NotFoundError("this share link is revoked or does not exist");
    return zipResponse(await downloadBundle({ actor, db }, actor.projectId));
  } catch (error) {
    return errorResponse(error);
  }
}
