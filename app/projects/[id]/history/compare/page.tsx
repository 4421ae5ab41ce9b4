import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { RevisionCompare } from "@/components/history/revision-compare";
import { projectIdParam, versionParam } from "@/components/projects/route-params";

interface ComparePageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function versionQuery(value: string | string[] | undefined): number | undefined {
  return typeof value === "string" ? versionParam(value) : undefined;
}

/** `/projects/{id}/history/compare?from=A&to=B`: two stored versions side by side. */
export default async function ComparePage({ params, searchParams }: ComparePageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  const query = await searchParams;
  const from = versionQuery(query.from);
  const to = versionQuery(query.to);
  if (!id || from === undefined || to === undefined) notFound();
  return (
    <main>
      <RevisionCompare id={id} from={from} to={to} />
    </main>
  );
}
