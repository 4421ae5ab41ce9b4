import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { errorResponse } from "@/lib/server/http";
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
    const { zip, fileName } = await downloadBundle({ actor, db }, actor.projectId);
    return new Response(Buffer.from(zip), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${fileName}"`,
        "content-length": String(zip.byteLength),
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
