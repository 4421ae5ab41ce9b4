import { CreateRuleGroupBodySchema } from "@/lib/api/schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { createRuleGroup } from "@/lib/server/services/sections";

export const dynamic = "force-dynamic";

/** Adds an empty rule group by name, or a rule group of the model. */
export const POST = handler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const created = await createRuleGroup(context, id, await readJson(request, CreateRuleGroupBodySchema));
  const name = (created.content as { name: string }).name;
  return json(created, 201, { location: `/api/projects/${id}/rule-groups/${encodeURIComponent(name)}` });
});
