import { SaveSectionBodySchema } from "@/lib/api/schemas";
import { baseVersionQuery, handler, projectIdParam, ruleGroupNameParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { deleteSection, getSection, saveSection } from "@/lib/server/services/sections";

export const dynamic = "force-dynamic";

type Params = { id: string; name: string };

function section(params: Params): { id: string; ref: { kind: "rule-group"; name: string } } {
  return {
    id: projectIdParam(params.id),
    ref: { kind: "rule-group", name: ruleGroupNameParam(params.name) },
  };
}

export const GET = handler<Params>(async ({ context, params }) => {
  const { id, ref } = section(params);
  return json(await getSection(context, id, ref));
});

export const PUT = handler<Params>(async ({ request, context, params }) => {
  const { id, ref } = section(params);
  return json(await saveSection(context, id, ref, await readJson(request, SaveSectionBodySchema)));
});

export const DELETE = handler<Params>(async ({ request, context, params }) => {
  const { id, ref } = section(params);
  const record = await deleteSection(context, id, ref, baseVersionQuery(request));
  return json({ version: record.version });
});
