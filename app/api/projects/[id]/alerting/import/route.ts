import { ImportAlertingBodySchema } from "@/lib/api/alerting-import-schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { previewAlertingImport } from "@/lib/server/services/alerting-import";

export const dynamic = "force-dynamic";

/** What an alertmanager.yml would become, with the report; nothing is saved (the editor's save does that). */
export const POST = handler<{ id: string }>(async ({ request, context, params }) => {
  const { yaml } = await readJson(request, ImportAlertingBodySchema);
  return json(await previewAlertingImport(context, projectIdParam(params.id), yaml));
});
