import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { RuleGroupEditor } from "@/components/alerts/editor/group-editor";
import { projectIdParam } from "@/components/projects/route-params";

interface RuleGroupPageProps {
  params: Promise<{ id: string; group: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Group names may hold any character: a segment that is not percent-encoding is the name as it is. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function RuleGroupPage({
  params,
  searchParams,
}: RuleGroupPageProps): Promise<ReactNode> {
  const { id: rawId, group: rawGroup } = await params;
  const id = projectIdParam(rawId);
  const group = decodedSegment(rawGroup);
  if (!id || group === "") notFound();
  const search = await searchParams;
  const rule = typeof search.rule === "string" && /^\d+$/.test(search.rule) ? Number(search.rule) : undefined;
  const add = search.add === "alert" || search.add === "record" ? search.add : undefined;
  return (
    <main>
      <RuleGroupEditor projectId={id} groupName={group} selectedRule={rule} add={add} />
    </main>
  );
}
