import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { RevisionList } from "@/components/history/revision-list";
import { projectIdParam } from "@/components/projects/route-params";

interface HistoryPageProps {
  params: Promise<{ id: string }>;
}

export default async function HistoryPage({ params }: HistoryPageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  return (
    <main>
      <RevisionList id={id} />
    </main>
  );
}
