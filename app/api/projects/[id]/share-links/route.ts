import { CreateShareLinkBodySchema } from "@/lib/api/share-links-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { createShareLink, listShareLinks } from "@/lib/server/services/share-links";

export const dynamic = "force-dynamic";

/** The project's share links, revoked ones too; never a link's token (owners only). */
export const GET = handler<{ id: string }>(async ({ context, params }) =>
  json({ links: await listShareLinks(context, projectIdParam(params.id)) }),
);

/** Makes a read-only share link; its path (with the token) is answered this once (owners only). */
export const POST = handler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const body = await readJson(request, CreateShareLinkBodySchema);
  return json(await createShareLink(context, id, body), 201);
});
