import "server-only";
import { generateBundle } from "../../generate/bundle";
import { projectSlug } from "../../generate/names";
import { zipBundle } from "../../generate/zip";
import type { ServiceContext } from "../context";
import { recordAudit } from "./audit";
import { getProject } from "./projects";

/** The one-click download: the project's observability bundle, zipped, and a line in the audit log. */
export async function downloadBundle(
  context: ServiceContext,
  id: string,
): Promise<{ zip: Uint8Array; fileName: string }> {
  const record = await getProject(context, id);
  const zip = zipBundle(generateBundle(record.project));
  const fileName = `${projectSlug(record.project)}-observability-v${record.version}.zip`;
  await recordAudit(context, {
    action: "bundle.download",
    target: fileName,
    projectId: id,
    detail: { version: record.version },
  });
  return { zip, fileName };
}
