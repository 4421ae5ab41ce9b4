import { handler, projectIdParam } from "@/lib/server/handler";
import { downloadBundle } from "@/lib/server/services/bundle";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string }>(async ({ context, params }) => {
  const { zip, fileName } = await downloadBundle(context, projectIdParam(params.id));
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "content-length": String(zip.byteLength),
      "cache-control": "no-store",
    },
  });
});
