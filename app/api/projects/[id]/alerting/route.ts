import { SaveSectionBodySchema } from "@/lib/api/schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { getSection, saveSection } from "@/lib/server/services/sections";

export const dynamic = "force-dynamic";

const ref = { kind: "alerting" } as const;

export const GET = handler<{ id: string }>(async ({ context, params }) =>
  json(await getSection(context, projectIdParam(params.id), ref)),
);

export const PUT = handler<{ id: string }>(async ({ request, context, params }) => {
  const body = await readJson(request, SaveSectionBodySchema);
  return json(await saveSection(context, projectIdParam(params.id), ref, body));
});
