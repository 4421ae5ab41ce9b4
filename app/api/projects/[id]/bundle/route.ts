import { generateBundle } from "@/lib/generate/bundle";
import { projectSlug } from "@/lib/generate/names";
import { zipBundle } from "@/lib/generate/zip";
import { route } from "@/lib/server/http";
import { requireProject } from "@/lib/server/project-record";
import { type ProjectRouteContext, projectId } from "../params";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, context: ProjectRouteContext) => {
  const record = await requireProject(await projectId(context));
  const zip = zipBundle(generateBundle(record.project));
  const fileName = `${projectSlug(record.project)}-observability-v${record.version}.zip`;
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "content-length": String(zip.byteLength),
      "cache-control": "no-store",
    },
  });
});
