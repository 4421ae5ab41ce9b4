import { generateBundle } from "@/lib/generate/bundle";
import { projectSlug } from "@/lib/generate/names";
import { zipBundle } from "@/lib/generate/zip";
import { handler, projectIdParam } from "@/lib/server/handler";
import { getProject } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string }>(async ({ context, params }) => {
  const record = await getProject(context, projectIdParam(params.id));
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
