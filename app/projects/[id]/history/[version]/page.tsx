import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { RevisionView } from "@/components/history/revision-view";
import { projectIdParam, versionParam } from "@/components/projects/route-params";

interface RevisionPageProps {
  params: Promise<{ id: string; version: string }>;
}

export default async function RevisionPage({ params }: RevisionPageProps): Promise<ReactNode> {
  const raw = await params;
  const id = projectIdParam(raw.id);
  const version = versionParam(raw.version);
  if (!id || version === undefined) notFound();
  return (
    <main>
      <RevisionView id={id} version={version} />
    </main>
  );
}
