import { CreateRuleGroupBodySchema } from "@/lib/api/schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { importRuleFile } from "@/lib/server/services/import-rule-file";
import { createRuleGroup } from "@/lib/server/services/sections";

export const dynamic = "force-dynamic";

/** Adds an empty rule group by name, the groups of a rule file (`yaml`), or a rule group of the model. */
export const POST = handler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const body = await readJson(request, CreateRuleGroupBodySchema);
  if ("yaml" in body) return json(await importRuleFile(context, id, body.yaml), 201);
  const created = await createRuleGroup(context, id, body);
  const name = (created.content as { name: string }).name;
  return json(created, 201, { location: `/api/projects/${id}/rule-groups/${encodeURIComponent(name)}` });
});
