import { ShareLinkIdSchema } from "@/lib/api/share-links-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, parseParam } from "@/lib/server/http";
import { revokeShareLink } from "@/lib/server/services/share-links";

export const dynamic = "force-dynamic";

/** Revokes the link: its next request, and every one after, is refused (owners only). */
export const DELETE = handler<{ id: string; linkId: string }>(async ({ context, params }) =>
  json(
    await revokeShareLink(
      context,
      projectIdParam(params.id),
      parseParam(ShareLinkIdSchema, params.linkId, "share link"),
    ),
  ),
);
